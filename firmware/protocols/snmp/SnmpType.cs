namespace Ipenergy.Probe.Protocols.Snmp
{
    /// <summary>BER tags of the SNMP value types (RFC 3416 section 3, RFC 2578) and of the v2c exceptions.</summary>
    public static class SnmpType
    {
        public const byte Integer = 0x02;
        public const byte OctetString = 0x04;
        public const byte Null = 0x05;
        public const byte ObjectIdentifier = 0x06;
        public const byte IpAddress = 0x40;
        public const byte Counter32 = 0x41;
        public const byte Gauge32 = 0x42;
        public const byte TimeTicks = 0x43;
        public const byte Opaque = 0x44;
        public const byte Counter64 = 0x46;

        /// <summary>v2c exception: no object of that name in this agent's view.</summary>
        public const byte NoSuchObject = 0x80;

        /// <summary>v2c exception: the object exists but not this instance (row, or .0 of a scalar).</summary>
        public const byte NoSuchInstance = 0x81;

        /// <summary>v2c exception: GETNEXT/GETBULK ran past the last object.</summary>
        public const byte EndOfMibView = 0x82;

        /// <summary>True for the three v2c exception tags.</summary>
        public static bool IsException(byte type)
        {
            return type == NoSuchObject || type == NoSuchInstance || type == EndOfMibView;
        }
    }
}
