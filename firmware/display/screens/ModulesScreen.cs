using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Display
{
    /// <summary>Bus modules (a gateway only): one row per polled address with its status and its power.</summary>
    public sealed class ModulesScreen : PanelScreen
    {
        private const int Right = 127;

        public override int TitleId
        {
            get { return PanelText.Modules; }
        }

        public override bool Opens
        {
            get { return true; }
        }

        public override int ItemCount(PanelContext c)
        {
            int n = c.Modules == null ? 0 : c.Modules.Count;
            return n > 0 ? n : 1;
        }

        public override void Draw(FrameBuffer fb, PanelContext c, int item, bool inside)
        {
            IModuleDirectory d = c.Modules;
            int count = d == null ? 0 : d.Count;
            int first = item - BodyLines + 1;
            if (first < 0)
            {
                first = 0;
            }

            for (int r = 0; r < BodyLines && first + r < count; r++)
            {
                int address = d.AddressAt(first + r);
                int status = d.StatusOf(address);
                c.Line.Clear().AppendPadded(address, 3).AppendChar((byte)' ').Append(c.Text(status == ModuleStatus.Online
                    ? PanelText.Online : (status == ModuleStatus.Offline ? PanelText.Offline : PanelText.Unknown)));
                DrawLine(fb, r, c.Line);
                MeasurementSnapshot m = d.LatestOf(address);
                if (m != null)
                {
                    c.Value.Clear().AppendFixed(Power(m) / 1000.0, 2).Append("kW");
                    fb.DrawTextRight(Font.Small, Right, LineY(r), c.Value.Bytes, 0, c.Value.Length);
                }

                if (inside && first + r == item)
                {
                    Highlight(fb, r);
                }
            }
        }

        private static double Power(MeasurementSnapshot m)
        {
            double w = 0;
            for (int k = 0; k < m.Channels.Length; k++)
            {
                w += m.Channels[k].ActivePowerW;
            }

            return w;
        }
    }
}
