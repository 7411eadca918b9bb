namespace Ipenergy.Probe.Common
{
    /// <summary>
    /// HMAC-SHA1 (RFC 2104), as SNMPv3 USM uses it (RFC 3414 usmHMACSHAAuthProtocol: the first 12 bytes, HMAC-96).
    /// SetKey prepares the inner and outer keyed states once per user, so each message costs two hash finishes
    /// and no key work. No allocation after construction. Not thread-safe.
    /// </summary>
    public sealed class HmacSha1
    {
        public const int MacLength = Sha1.HashLength;

        /// <summary>What usmHMACSHAAuthProtocol puts in msgAuthenticationParameters (RFC 3414 7.1, HMAC-SHA-1-96).</summary>
        public const int UsmMacLength = 12;

        private readonly Sha1 _innerKeyed = new Sha1();
        private readonly Sha1 _outerKeyed = new Sha1();
        private readonly Sha1 _work = new Sha1();
        private readonly byte[] _pad = new byte[Sha1.BlockLength];
        private readonly byte[] _innerHash = new byte[Sha1.HashLength];
        private readonly byte[] _fullMac = new byte[Sha1.HashLength];

        /// <summary>Keys longer than a block are hashed first, shorter ones zero-padded (RFC 2104).</summary>
        public void SetKey(byte[] key, int offset, int length)
        {
            for (int i = 0; i < _pad.Length; i++)
            {
                _pad[i] = 0;
            }

            if (length > Sha1.BlockLength)
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

            // Leave no key material in the scratch pad.
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

        /// <summary>Writes the 20-byte MAC to output[offset...].</summary>
        public void Finish(byte[] output, int offset)
        {
            _work.Finish(_innerHash, 0);
            _work.CopyFrom(_outerKeyed);
            _work.Update(_innerHash, 0, _innerHash.Length);
            _work.Finish(output, offset);
        }

        /// <summary>
        /// Writes only the first length bytes (1..20) of the MAC to output[offset...]: USM sends 12, and the
        /// caller's buffer (the outgoing datagram) need not have room for 20.
        /// </summary>
        public void Finish(byte[] output, int offset, int length)
        {
            if (length < 1 || length > MacLength)
            {
                throw new System.ArgumentOutOfRangeException("length", "an HMAC-SHA1 output is 1 to 20 bytes");
            }

            Finish(_fullMac, 0);
            for (int i = 0; i < length; i++)
            {
                output[offset + i] = _fullMac[i];
            }
        }

        /// <summary>One-shot MAC of data[offset...offset+count) under the key set last.</summary>
        public void Compute(byte[] data, int offset, int count, byte[] output, int outputOffset)
        {
            Begin();
            Update(data, offset, count);
            Finish(output, outputOffset);
        }

        /// <summary>One-shot MAC, only its first outputLength bytes written (12 for USM).</summary>
        public void Compute(byte[] data, int offset, int count, byte[] output, int outputOffset, int outputLength)
        {
            Begin();
            Update(data, offset, count);
            Finish(output, outputOffset, outputLength);
        }
    }
}
