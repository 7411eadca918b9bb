namespace Ipenergy.Probe.Bus
{
    /// <summary>
    /// The CRC of Modbus-RTU frames (Modbus over Serial Line v1.02, 6.2.2): reflected polynomial 0xA001,
    /// initial value 0xFFFF, sent low byte first. Bitwise rather than a table: 256 words of table would
    /// cost heap for at most a few hundred bytes a second.
    /// </summary>
    public static class Crc16Modbus
    {
        /// <summary>CRC of buffer[offset, offset + count).</summary>
        public static int Compute(byte[] buffer, int offset, int count)
        {
            int crc = 0xFFFF;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                crc ^= buffer[i];
                for (int bit = 0; bit < 8; bit++)
                {
                    if ((crc & 1) != 0)
                    {
                        crc = (crc >> 1) ^ 0xA001;
                    }
                    else
                    {
                        crc >>= 1;
                    }
                }
            }

            return crc;
        }

        /// <summary>Appends the CRC of buffer[offset, offset + count) after it (low byte first); returns count + 2.</summary>
        public static int Append(byte[] buffer, int offset, int count)
        {
            int crc = Compute(buffer, offset, count);
            buffer[offset + count] = (byte)(crc & 0xFF);
            buffer[offset + count + 1] = (byte)(crc >> 8);
            return count + 2;
        }

        /// <summary>True when the last two bytes of buffer[offset, offset + length) are the CRC of the ones before.</summary>
        public static bool Check(byte[] buffer, int offset, int length)
        {
            if (length < 3)
            {
                return false;
            }

            int crc = Compute(buffer, offset, length - 2);
            return buffer[offset + length - 2] == (crc & 0xFF) && buffer[offset + length - 1] == (crc >> 8);
        }
    }
}
