namespace Ipenergy.Probe.Common
{
    /// <summary>
    /// HMAC-SHA256 (RFC 2104). SetKey prepares the inner and outer keyed states once, so each MAC of
    /// PBKDF2's thousands costs two hash finishes and no key work. No allocation after construction.
    /// Not thread-safe.
    /// </summary>
    public sealed class HmacSha256
    {
        public const int MacLength = Sha256.HashLength;

        /// <summary>What usmHMAC192SHA256AuthProtocol puts in msgAuthenticationParameters (RFC 7860 4.2.2: HMAC-192).</summary>
        public const int UsmMacLength = 24;

        private readonly Sha256 _innerKeyed = new Sha256();
        private readonly Sha256 _outerKeyed = new Sha256();
        private readonly Sha256 _work = new Sha256();
        private readonly byte[] _pad = new byte[Sha256.BlockLength];
        private readonly byte[] _innerHash = new byte[Sha256.HashLength];
        private readonly byte[] _fullMac = new byte[Sha256.HashLength];

        /// <summary>Keys longer than a block are hashed first, shorter ones zero-padded (RFC 2104).</summary>
        public void SetKey(byte[] key, int offset, int length)
        {
            for (int i = 0; i < _pad.Length; i++)
            {
                _pad[i] = 0;
            }

            if (length > Sha256.BlockLength)
            {
                _work.Reset();
                _work.Update(key, offset, length);
                _work.Finish(_pad, 0);
            }
            else
            {
                for (int i = 0; i < length; i++)
                {
                    _pad[i] = key[offset + i];
                }
            }

            for (int i = 0; i < _pad.Length; i++)
            {
                _pad[i] ^= 0x36;
            }

            _innerKeyed.Reset();
            _innerKeyed.Update(_pad, 0, _pad.Length);
            for (int i = 0; i < _pad.Length; i++)
            {
                _pad[i] ^= 0x36 ^ 0x5c;
            }

            _outerKeyed.Reset();
            _outerKeyed.Update(_pad, 0, _pad.Length);
            for (int i = 0; i < _pad.Length; i++)
            {
                _pad[i] = 0;
            }
        }

        /// <summary>Starts a MAC under the key set last.</summary>
        public void Begin()
        {
            _work.CopyFrom(_innerKeyed);
        }

        public void Update(byte[] data, int offset, int count)
        {
            _work.Update(data, offset, count);
        }

        /// <summary>Writes the 32-byte MAC to output[offset...].</summary>
        public void Finish(byte[] output, int offset)
        {
            _work.Finish(_innerHash, 0);
            _work.CopyFrom(_outerKeyed);
            _work.Update(_innerHash, 0, _innerHash.Length);
            _work.Finish(output, offset);
        }

        /// <summary>One-shot MAC of data[offset...offset+count) under the key set last.</summary>
        public void Compute(byte[] data, int offset, int count, byte[] output, int outputOffset)
        {
            Begin();
            Update(data, offset, count);
            Finish(output, outputOffset);
        }

        /// <summary>
        /// Writes only the first length bytes (1..32) of the MAC to output[offset...]: SNMPv3 USM sends 24
        /// (RFC 7860), and the caller's buffer (the outgoing datagram) need not have room for 32.
        /// </summary>
        public void Finish(byte[] output, int offset, int length)
        {
            if (length < 1 || length > MacLength)
            {
                throw new System.ArgumentOutOfRangeException("length", "an HMAC-SHA256 output is 1 to 32 bytes");
            }

            Finish(_fullMac, 0);
            for (int i = 0; i < length; i++)
            {
                output[offset + i] = _fullMac[i];
            }
        }

        /// <summary>One-shot MAC, only its first outputLength bytes written (24 for USM).</summary>
        public void Compute(byte[] data, int offset, int count, byte[] output, int outputOffset, int outputLength)
        {
            Begin();
            Update(data, offset, count);
            Finish(output, outputOffset, outputLength);
        }
    }
}
