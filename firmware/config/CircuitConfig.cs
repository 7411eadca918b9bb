namespace Ipenergy.Probe.Config
{
    /// <summary>A 1- or 3-phase circuit: the channels that measure its conductors and its breaker.</summary>
    public sealed class CircuitConfig
    {
        public CircuitConfig(string name, int[] channels, double breakerRatedAmps)
        {
            Name = name;
            Channels = channels;
            BreakerRatedAmps = breakerRatedAmps;
        }

        public string Name { get; set; }

        /// <summary>Channel numbers: one for a 1-phase circuit, three (on L1, L2, L3) for a 3-phase one.</summary>
        public int[] Channels { get; private set; }

        /// <summary>Rated current of the breaker protecting the circuit.</summary>
        public double BreakerRatedAmps { get; set; }

        public bool IsThreePhase { get { return Channels.Length == 3; } }
    }
}
