namespace Ipenergy.Probe.Simulator
{
    /// <summary>A receiver of SNMP traps: host name or address, UDP port, and "/v1" for SNMPv1 traps ("" or "/v2c": v2c).</summary>
    public sealed class TrapTarget
    {
        public TrapTarget(string host, int port, string versionSuffix = "")
        {
            Host = host;
            Port = port;
            VersionSuffix = versionSuffix;
        }

        public string VersionSuffix { get; }

        public string Host { get; }

        public int Port { get; }

        public override string ToString()
        {
            return (Host.Contains(':') ? "[" + Host + "]" : Host) + ":" + Port + VersionSuffix;
        }
    }
}
