using System;

namespace Ipenergy.Probe.Common
{
    /// <summary>Writes a time as ISO 8601 UTC with milliseconds, "2026-01-01T00:00:00.000Z", without allocating.</summary>
    public static class IsoTimestamp
    {
        /// <summary>Every timestamp is exactly this many characters.</summary>
        public const int Length = 24;

        /// <summary>Writes <paramref name="utc"/> (taken as UTC whatever its Kind); returns the position after it.</summary>
        public static int Write(byte[] buffer, int position, DateTime utc)
        {
            position = DecimalText.WritePadded(buffer, position, utc.Year, 4);
            buffer[position++] = (byte)'-';
            position = DecimalText.WritePadded(buffer, position, utc.Month, 2);
            buffer[position++] = (byte)'-';
            position = DecimalText.WritePadded(buffer, position, utc.Day, 2);
            buffer[position++] = (byte)'T';
            position = DecimalText.WritePadded(buffer, position, utc.Hour, 2);
            buffer[position++] = (byte)':';
            position = DecimalText.WritePadded(buffer, position, utc.Minute, 2);
            buffer[position++] = (byte)':';
            position = DecimalText.WritePadded(buffer, position, utc.Second, 2);
            buffer[position++] = (byte)'.';
            position = DecimalText.WritePadded(buffer, position, utc.Millisecond, 3);
            buffer[position++] = (byte)'Z';
            return position;
        }
    }
}
