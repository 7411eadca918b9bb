namespace Ipenergy.Probe.Config
{
    /// <summary>SNMP agent settings. Communities are secrets: JSON export never shows them.</summary>
    public sealed class SnmpConfig
    {
        public const int MaxTrapTargets = 4;

        public SnmpConfig()
        {
            Enabled = true;
            ReadCommunity = "public";
            WriteCommunity = "";
            SysName = "e-Probe";
            SysLocation = "";
            SysContact = "";
            TrapTargets = new string[0];
        }

        public bool Enabled { get; set; }

        public string ReadCommunity { get; set; }

        /// <summary>Empty: SET requests are refused (writes off).</summary>
        public string WriteCommunity { get; set; }

        public string SysName { get; set; }

        public string SysLocation { get; set; }

        public string SysContact { get; set; }

        /// <summary>"host:port" of each trap receiver (IPv4 address or host name), at most 4.</summary>
        public string[] TrapTargets { get; set; }

        public SnmpConfig Clone()
        {
            SnmpConfig copy = new SnmpConfig();
            copy.Enabled = Enabled;
            copy.ReadCommunity = ReadCommunity;
            copy.WriteCommunity = WriteCommunity;
            copy.SysName = SysName;
            copy.SysLocation = SysLocation;
            copy.SysContact = SysContact;
            copy.TrapTargets = ConfigText.CopyOf(TrapTargets);
            return copy;
        }
    }
}
