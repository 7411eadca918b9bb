namespace Ipenergy.Probe.Common
{
    /// <summary>
    /// SHA-1 (FIPS 180-4), only for what the standards still require of it: SNMPv3 usmHMACSHAAuthProtocol
    /// (RFC 3414), which net-snmp's "-a SHA" speaks. Padding and buffering: <see cref="BlockHash"/>.
    /// </summary>
    public sealed class Sha1 : BlockHash
    {
        /// <summary>Digest length in bytes.</summary>
        public const int HashLength = 20;

        private readonly uint[] _schedule = new uint[80];

        public Sha1()
            : base(HashLength)
        {
            Reset();
        }

        protected override void SetInitialState()
        {
            State[0] = 0x67452301;
            State[1] = 0xefcdab89;
            State[2] = 0x98badcfe;
            State[3] = 0x10325476;
            State[4] = 0xc3d2e1f0;
        }

        protected override void Compress(byte[] data, int offset)
        {
            uint[] w = _schedule;
            LoadBlockWords(data, offset, w);

            for (int t = 16; t < 80; t++)
            {
                uint x = w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16];
                w[t] = (x << 1) | (x >> 31);
            }

            uint a = State[0];
            uint b = State[1];
            uint c = State[2];
            uint d = State[3];
            uint e = State[4];

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

            State[0] += a;
            State[1] += b;
            State[2] += c;
            State[3] += d;
            State[4] += e;
        }
    }
}
