using Ipenergy.Probe.Common;
using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Display
{
    /// <summary>Phases: voltage, frequency and THD of each phase in columns, then the voltage unbalance.</summary>
    public sealed class PhasesScreen : PanelScreen
    {
        // Right edges of the V, Hz and THD columns.
        private const int VoltsRight = 56;
        private const int HertzRight = 92;
        private const int ThdRight = 127;

        public override int TitleId
        {
            get { return PanelText.Phases; }
        }

        public override void Draw(FrameBuffer fb, PanelContext c, int item, bool inside)
        {
            TextLine v = c.Value;
            MeasurementSnapshot s = c.Snapshot;
            v.Clear().Append("V");
            DrawField(fb, 0, null, v, VoltsRight);
            v.Clear().Append("Hz");
            DrawField(fb, 0, null, v, HertzRight);
            v.Clear().Append("THD%");
            DrawField(fb, 0, null, v, ThdRight);
            if (s == null)
            {
                v.Clear().Append(c.Text(PanelText.Waiting));
                DrawLine(fb, 2, v);
                return;
            }

            for (int p = 0; p < PhaseNames.Count && p < s.Phases.Length; p++)
            {
                PhaseValues ph = s.Phases[p];
                int n = 1 + p;
                c.Line.Clear().Append(PhaseNames.Name(p));
                DrawLine(fb, n, c.Line);
                v.Clear().AppendFixed(ph.Vrms, 1);
                DrawField(fb, n, null, v, VoltsRight);
                v.Clear().AppendFixed(ph.FrequencyHz, 2);
                DrawField(fb, n, null, v, HertzRight);
                v.Clear().AppendFixed(ph.ThdPercent, 1);
                DrawField(fb, n, null, v, ThdRight);
            }

            v.Clear().AppendFixed(s.VoltageUnbalancePercent, 2).Append(" %");
            DrawField(fb, 4, c.Text(PanelText.Unbalance), v, ThdRight);
            v.Clear().AppendFixed(s.FrequencyHz, 3).Append(" Hz");
            DrawField(fb, 5, null, v, ThdRight);
        }
    }
}
