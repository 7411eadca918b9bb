using System;

namespace Ipenergy.Probe.Protocols.Sntp
{
    /// <summary>
    /// NTP 64-bit timestamps (RFC 5905 6: 32-bit seconds since 1900-01-01 and a 32-bit fraction) to and from
    /// DateTime ticks, big-endian in a packet. Era rule of RFC 4330 3: a seconds field with the top bit clear
    /// is taken as era 1 (from 2036-02-07T06:28:16Z), so the range covered is 1968..2104.
    /// </summary>
    public static class NtpTimestamp
    {
        public const long TicksPerSecond = 10000000;

        /// <summary>Length of an era (2^32 s) in ticks.</summary>
        public const long EraTicks = 4294967296L * TicksPerSecond;

        /// <summary>DateTime ticks of the NTP prime epoch, 1900-01-01T00:00:00Z.</summary>
        public static readonly long PrimeEpochTicks = new DateTime(1900, 1, 1, 0, 0, 0).Ticks;

        /// <summary>Reads the timestamp at <paramref name="offset"/> as DateTime ticks (UTC).</summary>
        public static long ReadTicks(byte[] buffer, int offset)
        {
            long seconds = ReadUInt32(buffer, offset);
            long fraction = ReadUInt32(buffer, offset + 4);
            long ticks = PrimeEpochTicks + seconds * TicksPerSecond + ((fraction * TicksPerSecond) >> 32);
            if (seconds < 0x80000000L)
            {
                ticks += EraTicks;
            }

            return ticks;
        }

        /// <summary>Writes DateTime ticks (UTC, 1968..2104) as an NTP timestamp at <paramref name="offset"/>.</summary>
        public static void WriteTicks(byte[] buffer, int offset, long ticks)
        {
            long sinceEpoch = ticks - PrimeEpochTicks;
            if (sinceEpoch >= EraTicks)
            {
                sinceEpoch -= EraTicks;
            }

            long seconds = sinceEpoch / TicksPerSecond;
            long fraction = ((sinceEpoch % TicksPerSecond) << 32) / TicksPerSecond;
            WriteUInt32(buffer, offset, seconds);
            WriteUInt32(buffer, offset + 4, fraction);
        }

        /// <summary>True when all 8 bytes of the timestamp at <paramref name="offset"/> are zero (RFC 5905: "not set").</summary>
        public static bool IsZero(byte[] buffer, int offset)
        {
            for (int i = 0; i < 8; i++)
            {
                if (buffer[offset + i] != 0)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Big-endian unsigned 32-bit value as a non-negative long.</summary>
        public static long ReadUInt32(byte[] buffer, int offset)
        {
            return ((long)buffer[offset] << 24) | ((long)buffer[offset + 1] << 16) | ((long)buffer[offset + 2] << 8) | buffer[offset + 3];
        }

        public static void WriteUInt32(byte[] buffer, int offset, long value)
        {
            buffer[offset] = (byte)(value >> 24);
            buffer[offset + 1] = (byte)(value >> 16);
            buffer[offset + 2] = (byte)(value >> 8);
            buffer[offset + 3] = (byte)value;
        }
    }
}
