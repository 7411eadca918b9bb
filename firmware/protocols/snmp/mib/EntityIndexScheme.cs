namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>
    /// entPhysicalIndex of each physical entity, by formula, so an index keeps meaning the same quantity
    /// across configuration changes and reboots (an NMS keys its history on it):
    /// <list type="bullet">
    /// <item>1: the chassis (the e-Probe itself);</item>
    /// <item>100 + 10·p + q for phase p = 1..3 (L1..L3): q = 1 voltage, 2 frequency (L1 voltage = 111, L3 frequency = 132);</item>
    /// <item>1000 + 10·c + q for CT channel c = 1..18: q = 1 current, 2 active power (Ch 7 current = 1071, power = 1072);</item>
    /// <item>2000 + 10·n + q for the n-th circuit of the configuration (n = 1..18): q = 1 load (% of breaker),
    ///   2 current (highest conductor), 3 active power (2nd circuit's power = 2023).</item>
    /// </list>
    /// Renaming a channel or a circuit keeps its indices (entPhysicalName changes, entLastChangeTime moves).
    /// A circuit has no identity but its position: deleting one renumbers the circuits after it.
    /// q leaves room for more quantities per object (up to 9) without moving the existing ones.
    /// </summary>
    public static class EntityIndexScheme
    {
        public const uint Chassis = 1;

        public const int PhaseVoltage = 1;
        public const int PhaseFrequency = 2;

        public const int ChannelCurrent = 1;
        public const int ChannelActivePower = 2;

        public const int CircuitLoad = 1;
        public const int CircuitCurrent = 2;
        public const int CircuitActivePower = 3;

        /// <param name="phase">0-based phase (PhaseNames).</param>
        /// <param name="quantity">PhaseVoltage or PhaseFrequency.</param>
        public static uint Phase(int phase, int quantity)
        {
            return (uint)(100 + (10 * (phase + 1)) + quantity);
        }

        /// <param name="channel">1-based channel number.</param>
        /// <param name="quantity">ChannelCurrent or ChannelActivePower.</param>
        public static uint Channel(int channel, int quantity)
        {
            return (uint)(1000 + (10 * channel) + quantity);
        }

        /// <param name="position">0-based position of the circuit in the configuration.</param>
        /// <param name="quantity">CircuitLoad, CircuitCurrent or CircuitActivePower.</param>
        public static uint Circuit(int position, int quantity)
        {
            return (uint)(2000 + (10 * (position + 1)) + quantity);
        }
    }
}
