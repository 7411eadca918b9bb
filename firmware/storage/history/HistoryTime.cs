using System;

namespace Ipenergy.Probe.Storage.History
{
    /// <summary>
    /// History time: ticks and whole seconds since 2000-01-01 00:00 UTC. Seconds fit 32 bits until 2136;
    /// a clock before 2000 (never synchronized, no RTC) is not recorded.
    /// </summary>
    public static class HistoryTime
    {
        public const long TicksPerSecond = 10000000;

        /// <summary>Ticks of 2000-01-01 00:00 UTC.</summary>
        public static readonly long EpochTicks = new DateTime(2000, 1, 1, 0, 0, 0).Ticks;

        /// <summary>Latest second that fits the 32-bit field.</summary>
        public const long MaxSeconds = 0xFFFFFFFFL;

        /// <summary>Ticks since the epoch; negative before 2000.</summary>
        public static long TicksOf(DateTime utc)
        {
            return utc.Ticks - EpochTicks;
        }

        public static DateTime FromSeconds(long seconds)
        {
            return new DateTime(EpochTicks + seconds * TicksPerSecond, DateTimeKind.Utc);
        }

        /// <summary>Whole seconds since the epoch, rounded down.</summary>
        public static long SecondsOf(DateTime utc)
        {
            long ticks = TicksOf(utc);
            return ticks >= 0 ? ticks / TicksPerSecond : -1;
        }

        /// <summary>Index of the interval of the given length that holds the instant: the one ending at
        /// index × length, with instants in (end − length, end]; a snapshot stamped exactly on a boundary
        /// closes the interval that ends there.</summary>
        public static long IntervalIndex(long ticks, int lengthSeconds)
        {
            long unit = lengthSeconds * TicksPerSecond;
            return (ticks + unit - 1) / unit;
        }
    }
}
