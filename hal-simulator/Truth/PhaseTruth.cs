namespace Ipenergy.Probe.Simulator
{
    /// <summary>What a perfect meter reports for one phase voltage at one instant.</summary>
    public sealed class PhaseTruth
    {
        /// <summary>Phase index 0, 1, 2.</summary>
        public int Phase { get; internal set; }

        /// <summary>True RMS: V·√(1 + Σp²/10⁴).</summary>
        public double Vrms { get; internal set; }

        /// <summary>RMS of the fundamental, V.</summary>
        public double FundamentalVrms { get; internal set; }

        /// <summary>THD-F, percent: √Σp².</summary>
        public double ThdPercent { get; internal set; }

        /// <summary>φ, degrees.</summary>
        public double AngleDeg { get; internal set; }
    }
}
