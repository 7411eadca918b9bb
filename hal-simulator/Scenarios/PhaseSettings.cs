using System.Collections.Generic;

namespace Ipenergy.Probe.Simulator
{
    /// <summary>One phase-to-neutral voltage: v(t) = √2·V·[sin(ωt + φ) + Σ (p_h/100)·sin(h·(ωt + φ) + θ_h)].</summary>
    public sealed class PhaseSettings
    {
        public const double DefaultVrms = 230.0;

        /// <summary>Angle of L1, L2, L3 in a balanced positive-sequence system.</summary>
        public static double StandardAngleDeg(int phase)
        {
            return phase == 0 ? 0.0 : phase == 1 ? -120.0 : 120.0;
        }

        /// <summary>RMS of the fundamental, volts (V).</summary>
        public double Vrms { get; set; } = DefaultVrms;

        /// <summary>φ, degrees.</summary>
        public double AngleDeg { get; set; }

        public List<HarmonicSettings> Harmonics { get; } = new List<HarmonicSettings>();

        public PhaseSettings Clone()
        {
            PhaseSettings copy = new PhaseSettings { Vrms = Vrms, AngleDeg = AngleDeg };
            foreach (HarmonicSettings h in Harmonics)
            {
                copy.Harmonics.Add(h.Clone());
            }

            return copy;
        }
    }
}
