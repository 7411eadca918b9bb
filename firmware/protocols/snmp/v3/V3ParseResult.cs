namespace Ipenergy.Probe.Protocols.Snmp.V3
{
    /// <summary>
    /// What <see cref="V3MessageReader"/> found wrong in a message, grouped by the counter the message layer
    /// must count it in (RFC 3412 section 7.2, RFC 3414 section 3.2 step 1): plain ints, not an enum, so a
    /// log line shows a name (<see cref="Name"/>) on the device too.
    /// </summary>
    public static class V3ParseResult
    {
        public const int Ok = 0;

        /// <summary>A well-formed message of another version: snmpInBadVersions.</summary>
        public const int BadVersion = 1;

        /// <summary>msgSecurityModel is not USM (3): snmpUnknownSecurityModels.</summary>
        public const int UnknownSecurityModel = 2;

        /// <summary>msgFlags asks for privacy without authentication: snmpInvalidMsgs.</summary>
        public const int InvalidFlags = 3;

        // Everything from here on is a BER or range error: snmpInASNParseErrs.
        public const int FirstParseError = 10;
        public const int BadMessage = 10;
        public const int BadVersionField = 11;
        public const int BadHeaderData = 12;
        public const int BadMsgId = 13;
        public const int BadMaxSize = 14;
        public const int BadFlags = 15;
        public const int BadSecurityModel = 16;
        public const int BadSecurityParameters = 17;
        public const int BadEngineId = 18;
        public const int BadBoots = 19;
        public const int BadTime = 20;
        public const int BadUserName = 21;
        public const int BadAuthParameters = 22;
        public const int BadPrivParameters = 23;
        public const int BadScopedPduData = 24;
        public const int BadContextEngineId = 25;
        public const int BadContextName = 26;
        public const int BadPdu = 27;

        /// <summary>The snmpInASNParseErrs group.</summary>
        public static bool IsParseError(int result)
        {
            return result >= FirstParseError;
        }

        /// <summary>A short name for logs and test messages.</summary>
        public static string Name(int result)
        {
            switch (result)
            {
                case Ok: return "ok";
                case BadVersion: return "bad version";
                case UnknownSecurityModel: return "unknown security model";
                case InvalidFlags: return "invalid msgFlags";
                case BadMessage: return "bad message SEQUENCE";
                case BadVersionField: return "bad msgVersion";
                case BadHeaderData: return "bad msgGlobalData";
                case BadMsgId: return "msgID not an INTEGER 0..2^31-1";
                case BadMaxSize: return "msgMaxSize not an INTEGER 484..2^31-1";
                case BadFlags: return "bad msgFlags";
                case BadSecurityModel: return "bad msgSecurityModel";
                case BadSecurityParameters: return "bad msgSecurityParameters";
                case BadEngineId: return "bad msgAuthoritativeEngineID";
                case BadBoots: return "msgAuthoritativeEngineBoots not an INTEGER 0..2^31-1";
                case BadTime: return "msgAuthoritativeEngineTime not an INTEGER 0..2^31-1";
                case BadUserName: return "bad msgUserName";
                case BadAuthParameters: return "bad msgAuthenticationParameters";
                case BadPrivParameters: return "bad msgPrivacyParameters";
                case BadScopedPduData: return "bad msgData";
                case BadContextEngineId: return "bad contextEngineID";
                case BadContextName: return "bad contextName";
                case BadPdu: return "bad PDU";
                default: return "unknown result";
            }
        }
    }
}
