namespace Ipenergy.Probe.Simulator
{
    /// <summary>One harmonic of a voltage or current: order h, amplitude in percent of the fundamental, angle θ_h.</summary>
    public sealed class HarmonicSettings
    {
        public HarmonicSettings()
        {
        }

        public HarmonicSettings(int order, double percent, double angleDeg = 0.0)
        {
            Order = order;
            Percent = percent;
            AngleDeg = angleDeg;
        }

        /// <summary>Harmonic order h (2, 3, …).</summary>
        public int Order { get; set; }

        /// <summary>RMS of this harmonic in percent of the fundamental RMS (p_h).</summary>
        public double Percent { get; set; }

        /// <summary>θ_h in sin(h·(ωt + φ) + θ_h), degrees.</summary>
        public double AngleDeg { get; set; }

        public HarmonicSettings Clone()
        {
            return new HarmonicSettings(Order, Percent, AngleDeg);
        }
    }
}
