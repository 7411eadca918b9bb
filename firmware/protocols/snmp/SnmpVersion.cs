namespace Ipenergy.Probe.Protocols.Snmp
{
    /// <summary>msgVersion values of community-based SNMP (RFC 1157, RFC 1901).</summary>
    public static class SnmpVersion
    {
        public const int V1 = 0;
        public const int V2c = 1;
    }
}
