namespace Ipenergy.Probe.Protocols.Snmp.V3
{
    /// <summary>The bits of msgFlags, the one octet of HeaderData (RFC 3412 section 6.4).</summary>
    public static class V3MsgFlags
    {
        public const byte Auth = 0x01;
        public const byte Priv = 0x02;

        /// <summary>The sender wants a Report when the message cannot be processed.</summary>
        public const byte Reportable = 0x04;

        /// <summary>RFC 3412 7.2 step 5: privacy without authentication is not a security level.</summary>
        public static bool IsValid(byte flags)
        {
            return (flags & (Auth | Priv)) != Priv;
        }
    }
}
