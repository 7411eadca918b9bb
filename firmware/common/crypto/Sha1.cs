namespace Ipenergy.Probe.Common
{
    /// <summary>
    /// SHA-1 (FIPS 180-4), only for what the standards still require of it: SNMPv3 usmHMACSHAAuthProtocol
    /// (RFC 3414), which net-snmp's "-a SHA" speaks. Same shape as <see cref="Sha256"/>: Reset, Update...,
    /// Finish over buffers made once per instance, so hashing allocates nothing. Not thread-safe.
    /// </summary>
    public sealed class Sha1
    {
        /// <summary>Digest length in bytes.</summary>
        public const int HashLength = 20;

        /// <summary>Block length in bytes (HMAC pads keys to this).</summary>
        public const int BlockLength = 64;

        private readonly uint[] _state = new uint[5];
        private readonly uint[] _schedule = new uint[80];
        private readonly byte[] _block = new byte[BlockLength];
        private int _blockFilled;
        private long _totalBytes;

        public Sha1()
        {
            Reset();
        }

        /// <summary>Starts a new message.</summary>
        public void Reset()
        {
            _state[0] = 0x67452301;
            _state[1] = 0xefcdab89;
            _state[2] = 0x98badcfe;
            _state[3] = 0x10325476;
            _state[4] = 0xc3d2e1f0;
            _blockFilled = 0;
            _totalBytes = 0;
        }

        /// <summary>Takes over another instance's progress (HMAC keeps its keyed states and restarts from them).</summary>
        public void CopyFrom(Sha1 other)
        {
            for (int i = 0; i < 5; i++)
            {
                _state[i] = other._state[i];
            }

            for (int i = 0; i < other._blockFilled; i++)
            {
                _block[i] = other._block[i];
            }

            _blockFilled = other._blockFilled;
            _totalBytes = other._totalBytes;
        }

        /// <summary>Feeds count bytes of data[offset...].</summary>
        public void Update(byte[] data, int offset, int count)
        {
            _totalBytes += count;
            int end = offset + count;
            while (offset < end)
            {
                // Whole blocks straight from the caller's buffer: no copy.
                if (_blockFilled == 0 && end - offset >= BlockLength)
                {
                    Compress(data, offset);
                    offset += BlockLength;
                    continue;
                }

                _block[_blockFilled++] = data[offset++];
                if (_blockFilled == BlockLength)
                {
                    Compress(_block, 0);
                    _blockFilled = 0;
                }
            }
        }

        /// <summary>Pads, writes the 20-byte digest to output[offset...] and leaves the instance to be Reset.</summary>
        public void Finish(byte[] output, int offset)
        {
            long bits = _totalBytes * 8;
            _block[_blockFilled++] = 0x80;
            if (_blockFilled > BlockLength - 8)
            {
                while (_blockFilled < BlockLength)
                {
                    _block[_blockFilled++] = 0;
                }

                Compress(_block, 0);
                _blockFilled = 0;
            }

            while (_blockFilled < BlockLength - 8)
            {
                _block[_blockFilled++] = 0;
            }

            for (int i = 0; i < 8; i++)
            {
                _block[BlockLength - 1 - i] = (byte)(bits >> (i * 8));
            }

            Compress(_block, 0);
            _blockFilled = 0;
            for (int i = 0; i < 5; i++)
            {
                uint v = _state[i];
                output[offset + i * 4] = (byte)(v >> 24);
                output[offset + i * 4 + 1] = (byte)(v >> 16);
                output[offset + i * 4 + 2] = (byte)(v >> 8);
                output[offset + i * 4 + 3] = (byte)v;
            }
        }

        private void Compress(byte[] data, int offset)
        {
            uint[] w = _schedule;
            for (int t = 0; t < 16; t++)
            {
                int p = offset + t * 4;
                w[t] = ((uint)data[p] << 24) | ((uint)data[p + 1] << 16) | ((uint)data[p + 2] << 8) | data[p + 3];
            }

            for (int t = 16; t < 80; t++)
            {
                uint x = w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16];
                w[t] = (x << 1) | (x >> 31);
            }

            uint a = _state[0];
            uint b = _state[1];
            uint c = _state[2];
            uint d = _state[3];
            uint e = _state[4];

            // Four stages of 20 rounds, each with its own function and constant (FIPS 180-4 4.1.1, 4.2.1);
            // separate loops keep the interpreter from testing the stage on every round.
            for (int t = 0; t < 20; t++)
            {
                uint temp = ((a << 5) | (a >> 27)) + ((b & c) | (~b & d)) + e + 0x5a827999 + w[t];
                e = d;
                d = c;
                c = (b << 30) | (b >> 2);
                b = a;
                a = temp;
            }

            for (int t = 20; t < 40; t++)
            {
                uint temp = ((a << 5) | (a >> 27)) + (b ^ c ^ d) + e + 0x6ed9eba1 + w[t];
                e = d;
                d = c;
                c = (b << 30) | (b >> 2);
                b = a;
                a = temp;
            }

            for (int t = 40; t < 60; t++)
            {
                uint temp = ((a << 5) | (a >> 27)) + ((b & c) | (b & d) | (c & d)) + e + 0x8f1bbcdc + w[t];
                e = d;
                d = c;
                c = (b << 30) | (b >> 2);
                b = a;
                a = temp;
            }

            for (int t = 60; t < 80; t++)
            {
                uint temp = ((a << 5) | (a >> 27)) + (b ^ c ^ d) + e + 0xca62c1d6 + w[t];
                e = d;
                d = c;
                c = (b << 30) | (b >> 2);
                b = a;
                a = temp;
            }

            _state[0] += a;
            _state[1] += b;
            _state[2] += c;
            _state[3] += d;
            _state[4] += e;
        }
    }
}
