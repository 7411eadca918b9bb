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
            Role = CircuitRoles.None;
            Customer = "";
        }

        public string Name { get; set; }

        /// <summary>Channel numbers: one for a 1-phase circuit, three (on L1, L2, L3) for a 3-phase one.</summary>
        public int[] Channels { get; private set; }

        /// <summary>Rated current of the breaker protecting the circuit.</summary>
        public double BreakerRatedAmps { get; set; }

        public bool IsThreePhase { get { return Channels.Length == 3; } }

        /// <summary>CircuitRoles value: marks the facility total and the IT load for PUE / DCiE.</summary>
        public int Role { get; set; }

        /// <summary>Customer billed for the circuit (printable ASCII, ≤ 32 characters).</summary>
        public string Customer { get; set; }

        public CircuitConfig Clone()
        {
            int[] channels = new int[Channels.Length];
            for (int i = 0; i < channels.Length; i++)
            {
                channels[i] = Channels[i];
            }

            CircuitConfig copy = new CircuitConfig(Name, channels, BreakerRatedAmps);
            copy.Role = Role;
            copy.Customer = Customer;
            return copy;
        }
    }
}
