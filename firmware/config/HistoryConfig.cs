namespace Ipenergy.Probe.Config
{
    /// <summary>Energy saving, billing period and time settings.</summary>
    public sealed class HistoryConfig
    {
        public const int MaxNtpServers = 2;

        public HistoryConfig()
        {
            EnergySaveIntervalS = 60;
            BillingDay = 1;
            BillingHour = 0;
            UtcOffsetMinutes = 0;
            NtpServers = new string[] { "pool.ntp.org:123" };
        }

        /// <summary>Seconds of device time between two saves of the energy counters, 10…3600.</summary>
        public int EnergySaveIntervalS { get; set; }

        /// <summary>Day of the month a billing period starts, 1…28 (every month has it).</summary>
        public int BillingDay { get; set; }

        /// <summary>Hour of BillingDay (local time, see UtcOffsetMinutes) a billing period starts, 0…23.</summary>
        public int BillingHour { get; set; }

        /// <summary>
        /// Fixed offset of local time from UTC, −720…840 minutes, used only to place billing
        /// boundaries. No daylight saving: a contract's midnight does not move twice a year.
        /// Timestamps are always reported in UTC.
        /// </summary>
        public int UtcOffsetMinutes { get; set; }

        /// <summary>"host:port" of each SNTP server, at most 2, tried in order.</summary>
        public string[] NtpServers { get; set; }

        public HistoryConfig Clone()
        {
            HistoryConfig copy = new HistoryConfig();
            copy.EnergySaveIntervalS = EnergySaveIntervalS;
            copy.BillingDay = BillingDay;
            copy.BillingHour = BillingHour;
            copy.UtcOffsetMinutes = UtcOffsetMinutes;
            copy.NtpServers = ConfigText.CopyOf(NtpServers);
            return copy;
        }
    }
}
