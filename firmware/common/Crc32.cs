namespace Ipenergy.Probe.Common
{
    /// <summary>
    /// CRC-32/ISO-HDLC (the zip/Ethernet CRC: reflected polynomial 0xEDB88320, init and final XOR
    /// 0xFFFFFFFF; check value 0xCBF43926 for "123456789"). Table-driven, the table built once; no
    /// allocation per call, so records on flash can be checked in steady state.
    /// </summary>
    public static class Crc32
    {
        /// <summary>Starting value for an incremental computation (Begin, Update..., End).</summary>
        public const uint Initial = 0xFFFFFFFF;

        private static readonly uint[] Table = BuildTable();

        /// <summary>CRC of count bytes of data[index...].</summary>
        public static uint Compute(byte[] data, int index, int count)
        {
            return Finish(Update(Initial, data, index, count));
        }

        /// <summary>Feeds count more bytes into a running (not yet finished) CRC state.</summary>
        public static uint Update(uint state, byte[] data, int index, int count)
        {
            uint[] table = Table;
            int end = index + count;
            for (int i = index; i < end; i++)
            {
                state = table[(state ^ data[i]) & 0xFF] ^ (state >> 8);
            }

            return state;
        }

        /// <summary>Feeds one byte into a running CRC state.</summary>
        public static uint UpdateByte(uint state, byte value)
        {
            return Table[(state ^ value) & 0xFF] ^ (state >> 8);
        }

        /// <summary>The CRC value of a running state (final XOR).</summary>
        public static uint Finish(uint state)
        {
            return state ^ 0xFFFFFFFF;
        }

        private static uint[] BuildTable()
        {
            uint[] table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
                }

                table[n] = c;
            }

            return table;
        }
    }
}
