namespace Ipenergy.Probe.Bus
{
    /// <summary>
    /// The vendor function code that gives bus addresses to new modules by serial key (README, "Automatic
    /// addressing"). Requests go to <see cref="UnaddressedAddress"/>, which no configured module uses.
    ///   sub-function 1 Discover: lo(4) hi(4)               -> unaddressed modules with lo &lt;= key &lt;= hi answer key(4) token(2)
    ///   sub-function 2 Assign:   key(4) token(2) address(1) -> only the module with that key and token answers the same
    /// Keys are 32-bit, big-endian on the wire. The token is a random 16-bit number each module draws at
    /// start: two modules with one key (cloned serials, a hash clash) still differ in it, so their answers
    /// collide instead of both taking one address.
    /// </summary>
    public static class BusAddressing
    {
        /// <summary>In the user-defined range 65-72 of the Modbus application protocol.</summary>
        public const int FunctionCode = 0x41;

        /// <summary>The address unaddressed modules listen on (beyond 1..247, below the reserved 249..255 of plain use).</summary>
        public const int UnaddressedAddress = 248;

        public const int Discover = 1;
        public const int Assign = 2;

        public const int FirstAddress = 1;
        public const int LastAddress = 247;

        /// <summary>Whole request frame length (address..CRC) for a sub-function, -1 when unknown.</summary>
        public static int RequestLength(int subFunction)
        {
            if (subFunction == Discover)
            {
                return 13;
            }

            return subFunction == Assign ? 12 : RtuFrameLength.Unknown;
        }

        /// <summary>Whole response frame length for a sub-function, -1 when unknown.</summary>
        public static int ResponseLength(int subFunction)
        {
            if (subFunction == Discover)
            {
                return 11;
            }

            return subFunction == Assign ? 12 : RtuFrameLength.Unknown;
        }

        /// <summary>A 32-bit key in 4 bytes, big-endian.</summary>
        public static void WriteKey(byte[] buffer, int offset, long key)
        {
            buffer[offset] = (byte)((key >> 24) & 0xFF);
            buffer[offset + 1] = (byte)((key >> 16) & 0xFF);
            buffer[offset + 2] = (byte)((key >> 8) & 0xFF);
            buffer[offset + 3] = (byte)(key & 0xFF);
        }

        public static long ReadKey(byte[] buffer, int offset)
        {
            return ((long)buffer[offset] << 24) | ((long)buffer[offset + 1] << 16) | ((long)buffer[offset + 2] << 8) | buffer[offset + 3];
        }

        /// <summary>
        /// The 32-bit key of a serial number string (FNV-1a over its characters): what the module and the
        /// gateway compare. Two serials with one key are reported by the assigner, never both addressed.
        /// </summary>
        public static long KeyOf(string serialNumber)
        {
            long hash = 2166136261;
            for (int i = 0; i < serialNumber.Length; i++)
            {
                hash ^= serialNumber[i] & 0xFF;
                hash = (hash * 16777619) & 0xFFFFFFFF;
            }

            return hash;
        }
    }
}
