namespace Ipenergy.Probe.Common
{
    /// <summary>
    /// AES-128 forward cipher (FIPS-197): key expansion and block encryption only. SNMPv3 privacy uses CFB
    /// (RFC 3826), which runs the forward cipher in both directions, so the inverse cipher is left out.
    /// Round tables are built once per process (4 KB, from the field arithmetic, not typed in); the round
    /// keys live in the instance. No allocation after construction. Not thread-safe.
    /// </summary>
    public sealed class Aes128
    {
        public const int BlockLength = 16;
        public const int KeyLength = 16;
        private const int Rounds = 10;

        private static readonly byte[] SBox = new byte[256];

        // Te0[x] is the MixColumns column of S(x) in row 0, as a big-endian word: {02}S, S, S, {03}S.
        // Te1..Te3 are the same rotated, for rows 1..3, so a round is 16 look-ups and XORs.
        private static readonly uint[] Te0 = new uint[256];
        private static readonly uint[] Te1 = new uint[256];
        private static readonly uint[] Te2 = new uint[256];
        private static readonly uint[] Te3 = new uint[256];

        private readonly uint[] _roundKeys = new uint[4 * (Rounds + 1)];
        private bool _keySet;

        static Aes128()
        {
            // Powers of the generator {03} walk the whole multiplicative group of GF(2^8), which gives
            // inverses as exp[255 - log x]; then the affine map of FIPS-197 5.1.1.
            byte[] exp = new byte[256];
            byte[] log = new byte[256];
            int x = 1;
            for (int i = 0; i < 255; i++)
            {
                exp[i] = (byte)x;
                log[x] = (byte)i;
                x ^= Times2(x);
            }

            for (int v = 0; v < 256; v++)
            {
                int inverse = v == 0 ? 0 : exp[(255 - log[v]) % 255];
                int s = inverse ^ RotateLeft8(inverse, 1) ^ RotateLeft8(inverse, 2) ^ RotateLeft8(inverse, 3)
                    ^ RotateLeft8(inverse, 4) ^ 0x63;
                SBox[v] = (byte)s;
                uint s2 = (uint)Times2(s);
                uint s3 = s2 ^ (uint)s;
                uint word = (s2 << 24) | ((uint)s << 16) | ((uint)s << 8) | s3;
                Te0[v] = word;
                Te1[v] = (word >> 8) | (word << 24);
                Te2[v] = (word >> 16) | (word << 16);
                Te3[v] = (word >> 24) | (word << 8);
            }
        }

        /// <summary>Expands the 16-byte key at key[offset...] (FIPS-197 5.2).</summary>
        public void SetKey(byte[] key, int offset)
        {
            uint[] w = _roundKeys;
            for (int i = 0; i < 4; i++)
            {
                int p = offset + i * 4;
                w[i] = ((uint)key[p] << 24) | ((uint)key[p + 1] << 16) | ((uint)key[p + 2] << 8) | key[p + 3];
            }

            uint roundConstant = 0x01;
            for (int i = 4; i < w.Length; i++)
            {
                uint temp = w[i - 1];
                if (i % 4 == 0)
                {
                    // SubWord(RotWord(temp)) xor Rcon[i/4]
                    temp = ((uint)SBox[(temp >> 16) & 0xff] << 24) | ((uint)SBox[(temp >> 8) & 0xff] << 16)
                        | ((uint)SBox[temp & 0xff] << 8) | SBox[temp >> 24];
                    temp ^= roundConstant << 24;
                    roundConstant = (uint)Times2((int)roundConstant);
                }

                w[i] = w[i - 4] ^ temp;
            }

            _keySet = true;
        }

        /// <summary>Forgets the round keys (a user's privacy key changed or was removed).</summary>
        public void Clear()
        {
            for (int i = 0; i < _roundKeys.Length; i++)
            {
                _roundKeys[i] = 0;
            }

            _keySet = false;
        }

        /// <summary>
        /// Encrypts the 16 bytes at input[inputOffset...] into output[outputOffset...]; the two may be the
        /// same bytes (the block is read whole before any is written).
        /// </summary>
        public void EncryptBlock(byte[] input, int inputOffset, byte[] output, int outputOffset)
        {
            if (!_keySet)
            {
                throw new System.InvalidOperationException("AES-128: SetKey first");
            }

            uint[] rk = _roundKeys;
            int p = inputOffset;
            uint s0 = (((uint)input[p] << 24) | ((uint)input[p + 1] << 16) | ((uint)input[p + 2] << 8) | input[p + 3]) ^ rk[0];
            uint s1 = (((uint)input[p + 4] << 24) | ((uint)input[p + 5] << 16) | ((uint)input[p + 6] << 8) | input[p + 7]) ^ rk[1];
            uint s2 = (((uint)input[p + 8] << 24) | ((uint)input[p + 9] << 16) | ((uint)input[p + 10] << 8) | input[p + 11]) ^ rk[2];
            uint s3 = (((uint)input[p + 12] << 24) | ((uint)input[p + 13] << 16) | ((uint)input[p + 14] << 8) | input[p + 15]) ^ rk[3];

            // Rounds 1..9: SubBytes, ShiftRows (row r of column c comes from column c+r) and MixColumns
            // through the tables, then AddRoundKey.
            int k = 4;
            for (int round = 1; round < Rounds; round++)
            {
                uint t0 = Te0[s0 >> 24] ^ Te1[(s1 >> 16) & 0xff] ^ Te2[(s2 >> 8) & 0xff] ^ Te3[s3 & 0xff] ^ rk[k];
                uint t1 = Te0[s1 >> 24] ^ Te1[(s2 >> 16) & 0xff] ^ Te2[(s3 >> 8) & 0xff] ^ Te3[s0 & 0xff] ^ rk[k + 1];
                uint t2 = Te0[s2 >> 24] ^ Te1[(s3 >> 16) & 0xff] ^ Te2[(s0 >> 8) & 0xff] ^ Te3[s1 & 0xff] ^ rk[k + 2];
                uint t3 = Te0[s3 >> 24] ^ Te1[(s0 >> 16) & 0xff] ^ Te2[(s1 >> 8) & 0xff] ^ Te3[s2 & 0xff] ^ rk[k + 3];
                s0 = t0;
                s1 = t1;
                s2 = t2;
                s3 = t3;
                k += 4;
            }

            // Last round: no MixColumns.
            uint[] last = rk;
            uint o0 = LastRoundWord(s0, s1, s2, s3) ^ last[k];
            uint o1 = LastRoundWord(s1, s2, s3, s0) ^ last[k + 1];
            uint o2 = LastRoundWord(s2, s3, s0, s1) ^ last[k + 2];
            uint o3 = LastRoundWord(s3, s0, s1, s2) ^ last[k + 3];
            WriteWord(o0, output, outputOffset);
            WriteWord(o1, output, outputOffset + 4);
            WriteWord(o2, output, outputOffset + 8);
            WriteWord(o3, output, outputOffset + 12);
        }

        private static uint LastRoundWord(uint a, uint b, uint c, uint d)
        {
            return ((uint)SBox[a >> 24] << 24) | ((uint)SBox[(b >> 16) & 0xff] << 16)
                | ((uint)SBox[(c >> 8) & 0xff] << 8) | SBox[d & 0xff];
        }

        private static void WriteWord(uint value, byte[] output, int offset)
        {
            output[offset] = (byte)(value >> 24);
            output[offset + 1] = (byte)(value >> 16);
            output[offset + 2] = (byte)(value >> 8);
            output[offset + 3] = (byte)value;
        }

        // Multiplication by {02} in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1.
        private static int Times2(int value)
        {
            value <<= 1;
            return (value & 0x100) != 0 ? (value ^ 0x11b) & 0xff : value;
        }

        private static int RotateLeft8(int value, int count)
        {
            return ((value << count) | (value >> (8 - count))) & 0xff;
        }
    }
}
