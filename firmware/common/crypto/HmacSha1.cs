namespace Ipenergy.Probe.Common
{
    /// <summary>HMAC-SHA1 (RFC 2104), as SNMPv3 USM uses it (RFC 3414 usmHMACSHAAuthProtocol: the first 12 bytes, HMAC-96).</summary>
    public sealed class HmacSha1 : Hmac
    {
        public const int MacLength = Sha1.HashLength;

        /// <summary>What usmHMACSHAAuthProtocol puts in msgAuthenticationParameters (RFC 3414 7.1, HMAC-SHA-1-96).</summary>
        public const int UsmMacLength = 12;

        public HmacSha1()
            : base(new Sha1(), new Sha1(), new Sha1())
        {
        }
    }
}
