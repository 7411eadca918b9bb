namespace Ipenergy.Probe.Common
{
    /// <summary>
    /// SHA-256 (FIPS 180-4): nanoFramework has no hash API. Padding and buffering: <see cref="BlockHash"/>.
    /// Not thread-safe: one per user.
    /// </summary>
    public sealed class Sha256 : BlockHash
    {
        /// <summary>Digest length in bytes.</summary>
        public const int HashLength = 32;

        private static readonly uint[] RoundConstants =
        {
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
            0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
            0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
            0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
            0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
            0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
            0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
        };

        private readonly uint[] _schedule = new uint[64];

        public Sha256()
            : base(HashLength)
        {
            Reset();
        }

        protected override void SetInitialState()
        {
            State[0] = 0x6a09e667;
            State[1] = 0xbb67ae85;
            State[2] = 0x3c6ef372;
            State[3] = 0xa54ff53a;
            State[4] = 0x510e527f;
            State[5] = 0x9b05688c;
            State[6] = 0x1f83d9ab;
            State[7] = 0x5be0cd19;
        }

        protected override void Compress(byte[] data, int offset)
        {
            uint[] w = _schedule;
            LoadBlockWords(data, offset, w);

            for (int t = 16; t < 64; t++)
            {
                uint x = w[t - 15];
                uint y = w[t - 2];
                uint s0 = ((x >> 7) | (x << 25)) ^ ((x >> 18) | (x << 14)) ^ (x >> 3);
                uint s1 = ((y >> 17) | (y << 15)) ^ ((y >> 19) | (y << 13)) ^ (y >> 10);
                w[t] = w[t - 16] + s0 + w[t - 7] + s1;
            }

            uint a = State[0];
            uint b = State[1];
            uint c = State[2];
            uint d = State[3];
            uint e = State[4];
            uint f = State[5];
            uint g = State[6];
            uint h = State[7];
            uint[] k = RoundConstants;
            for (int t = 0; t < 64; t++)
            {
                uint bigS1 = ((e >> 6) | (e << 26)) ^ ((e >> 11) | (e << 21)) ^ ((e >> 25) | (e << 7));
                uint choose = (e & f) ^ (~e & g);
                uint t1 = h + bigS1 + choose + k[t] + w[t];
                uint bigS0 = ((a >> 2) | (a << 30)) ^ ((a >> 13) | (a << 19)) ^ ((a >> 22) | (a << 10));
                uint majority = (a & b) ^ (a & c) ^ (b & c);
                uint t2 = bigS0 + majority;
                h = g;
                g = f;
                f = e;
                e = d + t1;
                d = c;
                c = b;
                b = a;
                a = t1 + t2;
            }

            State[0] += a;
            State[1] += b;
            State[2] += c;
            State[3] += d;
            State[4] += e;
            State[5] += f;
            State[6] += g;
            State[7] += h;
        }
    }
}
