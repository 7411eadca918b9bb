using System;
using System.Collections.Generic;
using System.Globalization;

namespace Ipenergy.Probe.Cli
{
    /// <summary>
    /// A probe's billing periods, as its firmware places its snapshots (history.billingDay, billingHour,
    /// utcOffsetMinutes): a period starts on day D at hour H of local time (UTC + the fixed offset, no daylight
    /// saving) and ends when the next one starts, a month later. Period "2026-11" is the one that starts in
    /// November 2026 (local time). Times are UTC.
    /// </summary>
    public sealed class BillingSchedule
    {
        public BillingSchedule(int day, int hour, int utcOffsetMinutes)
        {
            if (day < 1 || day > 28 || hour < 0 || hour > 23 || utcOffsetMinutes < -720 || utcOffsetMinutes > 840)
            {
                throw new FormatException("billing schedule out of range: day " + day + ", hour " + hour + ", offset " + utcOffsetMinutes);
            }

            Day = day;
            Hour = hour;
            UtcOffsetMinutes = utcOffsetMinutes;
        }

        public int Day { get; }

        public int Hour { get; }

        public int UtcOffsetMinutes { get; }

        /// <summary>Start (UTC) of the period that starts in this local month.</summary>
        public DateTime StartOf(int year, int month)
        {
            var local = new DateTime(year, month, Day, Hour, 0, 0, DateTimeKind.Unspecified);
            return DateTime.SpecifyKind(local.AddMinutes(-UtcOffsetMinutes), DateTimeKind.Utc);
        }

        /// <summary>The period that starts in this local month: its label, start and end (UTC).</summary>
        public BillingPeriod Period(int year, int month)
        {
            DateTime start = StartOf(year, month);
            DateTime next = new DateTime(year, month, 1).AddMonths(1);
            return new BillingPeriod(year.ToString("D4", CultureInfo.InvariantCulture) + "-" + month.ToString("D2", CultureInfo.InvariantCulture),
                start, StartOf(next.Year, next.Month));
        }

        /// <summary>Every period that starts at or after fromLocal and before toLocal (local dates, midnight).</summary>
        public List<BillingPeriod> PeriodsStartingBetween(DateTime fromLocal, DateTime toLocal)
        {
            var result = new List<BillingPeriod>();
            var month = new DateTime(fromLocal.Year, fromLocal.Month, 1).AddMonths(-1);
            for (; month < toLocal.AddMonths(1); month = month.AddMonths(1))
            {
                var localStart = new DateTime(month.Year, month.Month, Day, Hour, 0, 0);
                if (localStart >= fromLocal && localStart < toLocal)
                {
                    result.Add(Period(month.Year, month.Month));
                }
            }

            return result;
        }
    }

    /// <summary>One billing period: "2026-11", from start to end (UTC, end exclusive).</summary>
    public sealed class BillingPeriod
    {
        public BillingPeriod(string label, DateTime start, DateTime end)
        {
            Label = label;
            Start = start;
            End = end;
        }

        public string Label { get; }

        public DateTime Start { get; }

        public DateTime End { get; }
    }
}
