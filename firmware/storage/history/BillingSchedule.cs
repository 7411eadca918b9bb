using System;

namespace Ipenergy.Probe.Storage.History
{
    /// <summary>
    /// Monthly billing periods that start on a given day (1…28, so every month has it) and hour of local
    /// time, local time being UTC plus a fixed offset (no daylight saving: a contract's boundary does
    /// not move twice a year). Boundaries are reported in UTC.
    /// </summary>
    public sealed class BillingSchedule
    {
        public BillingSchedule(int day, int hour, int utcOffsetMinutes)
        {
            if (day < 1 || day > 28)
            {
                throw new ArgumentOutOfRangeException("day");
            }

            if (hour < 0 || hour > 23)
            {
                throw new ArgumentOutOfRangeException("hour");
            }

            Day = day;
            Hour = hour;
            UtcOffsetMinutes = utcOffsetMinutes;
        }

        public int Day { get; private set; }

        public int Hour { get; private set; }

        public int UtcOffsetMinutes { get; private set; }

        /// <summary>True when this schedule has these boundaries (no boxing: nanoFramework's Equals(object) would box).</summary>
        public bool Equals(int day, int hour, int utcOffsetMinutes)
        {
            return Day == day && Hour == hour && UtcOffsetMinutes == utcOffsetMinutes;
        }

        /// <summary>Start (UTC) of the period that holds utc: the latest boundary at or before it.</summary>
        public DateTime PeriodStart(DateTime utc)
        {
            DateTime local = utc.AddMinutes(UtcOffsetMinutes);
            DateTime boundary = new DateTime(local.Year, local.Month, Day, Hour, 0, 0);
            if (boundary > local)
            {
                boundary = local.Month == 1
                    ? new DateTime(local.Year - 1, 12, Day, Hour, 0, 0)
                    : new DateTime(local.Year, local.Month - 1, Day, Hour, 0, 0);
            }

            return new DateTime(boundary.AddMinutes(-UtcOffsetMinutes).Ticks, DateTimeKind.Utc);
        }

        /// <summary>Start (UTC) of the period after the one that holds utc.</summary>
        public DateTime NextPeriodStart(DateTime utc)
        {
            DateTime local = PeriodStart(utc).AddMinutes(UtcOffsetMinutes);
            DateTime next = local.Month == 12
                ? new DateTime(local.Year + 1, 1, Day, Hour, 0, 0)
                : new DateTime(local.Year, local.Month + 1, Day, Hour, 0, 0);
            return new DateTime(next.AddMinutes(-UtcOffsetMinutes).Ticks, DateTimeKind.Utc);
        }
    }
}
