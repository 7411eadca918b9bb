using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Display
{
    /// <summary>Circuits, one a page: name, highest phase current against the breaker (value and bar), power.</summary>
    public sealed class CircuitsScreen : PanelScreen
    {
        private const int Right = 127;

        public override int TitleId
        {
            get { return PanelText.Circuit; }
        }

        public override bool Opens
        {
            get { return true; }
        }

        public override int ItemCount(PanelContext c)
        {
            int n = c.Snapshot == null ? 0 : c.Snapshot.Circuits.Length;
            return n > 0 ? n : 1;
        }

        public override void Draw(FrameBuffer fb, PanelContext c, int item, bool inside)
        {
            MeasurementSnapshot s = c.Snapshot;
            TextLine v = c.Value;
            if (s == null || s.Circuits.Length == 0)
            {
                c.Line.Clear().Append(c.Text(s == null ? PanelText.Waiting : PanelText.NoCircuit));
                DrawLine(fb, 1, c.Line);
                return;
            }

            CircuitValues ci = s.Circuits[item < s.Circuits.Length ? item : 0];
            c.Line.Clear().Append(ci.Name);
            DrawLine(fb, 0, c.Line);

            v.Clear().AppendFixed(ci.MaxIrms, 1).Append(" A");
            c.Line.Clear().Append("I max");
            DrawLineText(fb, 1, c.Line);
            DrawField(fb, 1, null, v, Right);

            // Bar: percent of the breaker, 100 % = full width (an overload shows full).
            int permille = (int)(ci.LoadPercent * 10.0);
            fb.DrawBar(0, LineY(2), 92, 8, permille);
            v.Clear().AppendFixed(ci.LoadPercent, 0).Append(" %");
            fb.DrawTextRight(Font.Small, Right, LineY(2), v.Bytes, 0, v.Length);

            v.Clear().AppendFixed(ci.BreakerRatedAmps, 0).Append(" A");
            DrawField(fb, 3, c.Text(PanelText.Breaker), v, Right);
            v.Clear().AppendFixed(ci.ActivePowerW / 1000.0, 3).Append(" kW");
            c.Line.Clear().Append("P");
            DrawLineText(fb, 4, c.Line);
            DrawField(fb, 4, null, v, Right);
            v.Clear().AppendFixed(ci.PowerFactor, 2);
            c.Line.Clear().Append("PF");
            DrawLineText(fb, 5, c.Line);
            DrawField(fb, 5, null, v, Right);
        }

        private static void DrawLineText(FrameBuffer fb, int n, TextLine line)
        {
            fb.DrawText(Font.Small, 0, LineY(n), line.Bytes, 0, line.Length);
        }
    }
}
