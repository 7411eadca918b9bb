namespace Ipenergy.Probe.Bus
{
    /// <summary>
    /// How long an RTU frame (address + PDU + CRC) is, from its first bytes and function code, for both
    /// directions: the reader cannot know whether a frame on the bus is a request or a response (a slave
    /// also hears the other slaves' answers), so it tries both candidates and lets the CRC pick.
    /// Results: &gt; 0 the total length; 0 more bytes are needed to tell; -1 unknown (end by silence only).
    /// </summary>
    public static class RtuFrameLength
    {
        public const int Unknown = -1;
        public const int NeedMore = 0;

        /// <summary>Largest RTU frame: address + 253-byte PDU + CRC.</summary>
        public const int MaxFrame = 256;

        /// <summary>Length of buffer[0..] read as a request, from the <paramref name="have"/> bytes there.</summary>
        public static int Request(byte[] buffer, int have)
        {
            return Request(buffer, 0, have);
        }

        /// <summary>Length of a frame at buffer[offset..] read as a request, from the <paramref name="have"/> bytes there.</summary>
        public static int Request(byte[] buffer, int offset, int have)
        {
            if (have < 2)
            {
                return NeedMore;
            }

            int function = buffer[offset + 1];
            switch (function)
            {
                case 1:
                case 2:
                case 3:
                case 4:
                case 5:
                case 6:
                    return 8;
                case 15:
                case 16:
                    // address fc start(2) quantity(2) byteCount(1) values crc(2)
                    return have < 7 ? NeedMore : 9 + buffer[offset + 6];
                case 0x2B:
                    // 43/14: address fc mei readCode objectId crc
                    if (have < 3)
                    {
                        return NeedMore;
                    }

                    return buffer[offset + 2] == 0x0E ? 7 : Unknown;
                case BusAddressing.FunctionCode:
                    if (have < 3)
                    {
                        return NeedMore;
                    }

                    return BusAddressing.RequestLength(buffer[offset + 2]);
                default:
                    return Unknown;
            }
        }

        /// <summary>Length of buffer[0..] read as a response, from the <paramref name="have"/> bytes there.</summary>
        public static int Response(byte[] buffer, int have)
        {
            return Response(buffer, 0, have);
        }

        /// <summary>Length of a frame at buffer[offset..] read as a response, from the <paramref name="have"/> bytes there.</summary>
        public static int Response(byte[] buffer, int offset, int have)
        {
            if (have < 2)
            {
                return NeedMore;
            }

            int function = buffer[offset + 1];
            if ((function & 0x80) != 0)
            {
                // exception: address fc|0x80 code crc
                return 5;
            }

            switch (function)
            {
                case 1:
                case 2:
                case 3:
                case 4:
                    return have < 3 ? NeedMore : 5 + buffer[offset + 2];
                case 5:
                case 6:
                case 15:
                case 16:
                    return 8;
                case 0x2B:
                    return DeviceIdentificationResponse(buffer, offset, have);
                case BusAddressing.FunctionCode:
                    if (have < 3)
                    {
                        return NeedMore;
                    }

                    return BusAddressing.ResponseLength(buffer[offset + 2]);
                default:
                    return Unknown;
            }
        }

        // address fc mei readCode conformity more next count, then count x (id length value), crc.
        private static int DeviceIdentificationResponse(byte[] buffer, int offset, int have)
        {
            if (have < 3)
            {
                return NeedMore;
            }

            if (buffer[offset + 2] != 0x0E)
            {
                return Unknown;
            }

            if (have < 8)
            {
                return NeedMore;
            }

            int objects = buffer[offset + 7];
            int p = 8;
            for (int i = 0; i < objects; i++)
            {
                if (have < p + 2)
                {
                    return NeedMore;
                }

                p += 2 + buffer[offset + p + 1];
                if (p + 2 > MaxFrame)
                {
                    return Unknown;
                }
            }

            return p + 2;
        }
    }
}
