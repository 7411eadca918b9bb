namespace Ipenergy.Probe.Protocols.Snmp
{
    /// <summary>Context-specific constructed tags of the PDUs (RFC 1157, RFC 3416 section 3).</summary>
    public static class SnmpPduType
    {
        public const byte GetRequest = 0xA0;
        public const byte GetNextRequest = 0xA1;
        public const byte Response = 0xA2;
        public const byte SetRequest = 0xA3;

        /// <summary>SNMPv1 Trap-PDU (its own layout: enterprise, agent-addr, generic, specific, time-stamp).</summary>
        public const byte TrapV1 = 0xA4;
        public const byte GetBulkRequest = 0xA5;
        public const byte InformRequest = 0xA6;
        public const byte TrapV2 = 0xA7;
        public const byte Report = 0xA8;
    }
}
