using System.Collections.Generic;

namespace Ipenergy.Probe.Simulator
{
    /// <summary>
    /// One CT channel: i(t) = √2·I·[sin(ωt + φ_k + α) + Σ (p_h/100)·sin(h·(ωt + φ_k + α) + θ_h)] on phase k,
    /// seen through a CT of the given rating and (optionally) imperfect ratio and phase.
    /// </summary>
    public sealed class ChannelSettings
    {
        public const double DefaultCtRatedA = 100.0;

        /// <summary>1-based channel number as on the front panel.</summary>
        public int Channel { get; set; }

        /// <summary>Phase index 0, 1, 2 (L1, L2, L3) whose voltage goes with this current.</summary>
        public int Phase { get; set; }

        /// <summary>Primary rating of the CT fitted, 5 … 500 A.</summary>
        public double CtRatedA { get; set; } = DefaultCtRatedA;

        /// <summary>RMS of the fundamental current, amperes (I).</summary>
        public double Irms { get; set; }

        /// <summary>α: angle of the current against its phase voltage, degrees; &lt; 0 lags (inductive).</summary>
        public double AngleDeg { get; set; }

        public List<HarmonicSettings> Harmonics { get; } = new List<HarmonicSettings>();

        /// <summary>The CT makes the measured current lead by this angle at the fundamental (a time advance).</summary>
        public double CtPhaseErrorDeg { get; set; }

        /// <summary>The CT scales the measured current by (1 + e/100).</summary>
        public double CtRatioErrorPercent { get; set; }

        public ChannelSettings Clone()
        {
            ChannelSettings copy = new ChannelSettings
            {
                Channel = Channel,
                Phase = Phase,
                CtRatedA = CtRatedA,
                Irms = Irms,
                AngleDeg = AngleDeg,
                CtPhaseErrorDeg = CtPhaseErrorDeg,
                CtRatioErrorPercent = CtRatioErrorPercent,
            };
            foreach (HarmonicSettings h in Harmonics)
            {
                copy.Harmonics.Add(h.Clone());
            }

            return copy;
        }
    }
}
