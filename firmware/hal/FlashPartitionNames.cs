namespace Ipenergy.Probe.Hal
{
    /// <summary>Names of the flash partitions the firmware uses (constants: no enum on nanoFramework 1.x).</summary>
    public static class FlashPartitionNames
    {
        /// <summary>The configuration's two slots (each half of the partition: 2 sectors each on the virtual e-Probe).</summary>
        public const string Config = "config";

        /// <summary>Ring of energy-counter records (wear-levelled).</summary>
        public const string Energy = "energy";

        /// <summary>Energy and power history (2 MiB on an MPP18).</summary>
        public const string History = "history";

        /// <summary>Billing snapshots at each period boundary.</summary>
        public const string Billing = "billing";

        /// <summary>The alarm journal: raised/cleared/acknowledged events, replayed at boot.</summary>
        public const string Alarms = "alarms";

        /// <summary>SNMPv3 snmpEngineBoots (2 sectors): must only ever go up, across every restart.</summary>
        public const string SnmpEngine = "snmp-engine";
    }
}
