using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Display
{
    /// <summary>
    /// Channels, one a page: its label, current, active power, power factor and cos phi, imported energy, and the
    /// wiring hint (<see cref="ChannelHint"/>) inverted on the last line.
    /// </summary>
    public sealed class ChannelsScreen : PanelScreen
    {
        private const int Right = 127;

        public override int TitleId
        {
            get { return PanelText.Channel; }
        }

        public override bool Opens
        {
            get { return true; }
        }

        public override int ItemCount(PanelContext c)
        {
            return c.Config == null ? 1 : c.Config.Channels.Length;
        }

        public override void Draw(FrameBuffer fb, PanelContext c, int item, bool inside)
        {
            MeasurementSnapshot s = c.Snapshot;
            TextLine line = c.Line;
            TextLine v = c.Value;
            ChannelConfig cfg = c.Config != null && item < c.Config.Channels.Length ? c.Config.Channels[item] : null;
            line.Clear();
            if (cfg != null)
            {
                line.Append(PhaseNames.Name(cfg.Phase)).AppendChar((byte)' ').AppendFixed(cfg.CtRatedAmps, 0).Append(" A ")
                    .Append(cfg.Label);
            }

            DrawLine(fb, 0, line);
            if (s == null || item >= s.Channels.Length)
            {
                line.Clear().Append(c.Text(PanelText.Waiting));
                DrawLine(fb, 2, line);
                return;
            }

            ChannelValues ch = s.Channels[item];
            Row(fb, 1, line.Clear().Append("I"), v.Clear().AppendFixed(ch.Irms, 2).Append(" A"));
            Row(fb, 2, line.Clear().Append("P"), v.Clear().AppendFixed(ch.ActivePowerW / 1000.0, 3).Append(" kW"));
            Row(fb, 3, line.Clear().Append("PF ").AppendFixed(ch.PowerFactor, 2), v.Clear().Append("cos ").AppendFixed(ch.CosPhi, 2));
            Row(fb, 4, line.Clear().Append("kWh"), v.Clear().AppendFixed(ch.ImportEnergyMilliWh / 1000000.0, 1));

            int hint = ChannelHint.Of(ch);
            if (hint != ChannelHint.None)
            {
                line.Clear().Append(c.Text(hint));
                fb.DrawText(Font.Small, 1, LineY(5), line.Bytes, 0, line.Length);
                Highlight(fb, 5);
            }
        }

        private static void Row(FrameBuffer fb, int n, TextLine label, TextLine value)
        {
            fb.DrawText(Font.Small, 0, LineY(n), label.Bytes, 0, label.Length);
            fb.DrawTextRight(Font.Small, Right, LineY(n), value.Bytes, 0, value.Length);
        }
    }
}
