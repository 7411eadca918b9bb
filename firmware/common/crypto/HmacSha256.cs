namespace Ipenergy.Probe.Common
{
    /// <summary>HMAC-SHA256 (RFC 2104): PBKDF2 of the passwords, SNMPv3 usmHMAC192SHA256AuthProtocol (RFC 7860).</summary>
    public sealed class HmacSha256 : Hmac
    {
        public const int MacLength = Sha256.HashLength;

        /// <summary>What usmHMAC192SHA256AuthProtocol puts in msgAuthenticationParameters (RFC 7860 4.2.2: HMAC-192).</summary>
        public const int UsmMacLength = 24;

        public HmacSha256()
            : base(new Sha256(), new Sha256(), new Sha256())
        {
        }
    }
}
