namespace Ipenergy.Probe.Common
{
    /// <summary>
    /// HMAC (RFC 2104) over a <see cref="BlockHash"/>; <see cref="HmacSha256"/> and <see cref="HmacSha1"/> pick the
    /// hash. SetKey prepares the inner and outer keyed states once (per PBKDF2 run, per SNMPv3 user), so each MAC
    /// costs two hash finishes and no key work. No allocation after construction. Not thread-safe.
    /// </summary>
    public abstract class Hmac
    {
        private readonly BlockHash _innerKeyed;
        private readonly BlockHash _outerKeyed;
        private readonly BlockHash _work;
        private readonly byte[] _pad = new byte[BlockHash.BlockLength];
        private readonly byte[] _innerHash;
        private readonly byte[] _fullMac;

        /// <param name="innerKeyed">Three instances of the same hash (keyed states kept, one to work in).</param>
        protected Hmac(BlockHash innerKeyed, BlockHash outerKeyed, BlockHash work)
        {
            _innerKeyed = innerKeyed;
            _outerKeyed = outerKeyed;
            _work = work;
            _innerHash = new byte[work.DigestLength];
            _fullMac = new byte[work.DigestLength];
        }

        /// <summary>Keys longer than a block are hashed first, shorter ones zero-padded (RFC 2104).</summary>
        public void SetKey(byte[] key, int offset, int length)
        {
            for (int i = 0; i < _pad.Length; i++)
            {
                _pad[i] = 0;
            }

            if (length > BlockHash.BlockLength)
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

        /// <summary>Writes the whole MAC (the hash's digest length) to output[offset...].</summary>
        public void Finish(byte[] output, int offset)
        {
            _work.Finish(_innerHash, 0);
            _work.CopyFrom(_outerKeyed);
            _work.Update(_innerHash, 0, _innerHash.Length);
            _work.Finish(output, offset);
        }

        /// <summary>
        /// Writes only the first length bytes (1..digest length) of the MAC to output[offset...]: SNMPv3 USM sends
        /// 12 (HMAC-SHA-1-96) or 24 (HMAC-SHA-256-192), and the outgoing datagram need not have room for more.
        /// </summary>
        public void Finish(byte[] output, int offset, int length)
        {
            if (length < 1 || length > _fullMac.Length)
            {
                throw new System.ArgumentOutOfRangeException("length", "an HMAC output is 1 to the hash's digest length in bytes");
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

        /// <summary>One-shot MAC, only its first outputLength bytes written (12 or 24 for USM).</summary>
        public void Compute(byte[] data, int offset, int count, byte[] output, int outputOffset, int outputLength)
        {
            Begin();
            Update(data, offset, count);
            Finish(output, outputOffset, outputLength);
        }
    }
}
