namespace Ipenergy.Probe.Storage.History
{
    /// <summary>
    /// How the history partition's sectors are shared between the three rings. The split follows the
    /// measured cost of each resolution (see the README and HistoryRetentionTests) so that a 2 MiB
    /// partition of an MPP18 keeps ≥ 30 days of 1-minute and ≥ 2 years of 15-minute records.
    /// </summary>
    public sealed class HistoryLayout
    {
        /// <summary>Share of the sectors left after the daily ring that goes to the 1-minute ring, per mille.</summary>
        public const int MinuteSharePerMille = 380;

        public HistoryLayout(int minuteSectors, int quarterHourSectors, int daySectors)
        {
            Sectors = new int[] { minuteSectors, quarterHourSectors, daySectors };
            First = new int[] { 0, minuteSectors, minuteSectors + quarterHourSectors };
        }

        /// <summary>The default split of a partition of sectorCount sectors (at least 6).</summary>
        public static HistoryLayout ForPartition(int sectorCount)
        {
            int day = sectorCount / 32;
            if (day < 2)
            {
                day = 2;
            }

            int rest = sectorCount - day;
            int minute = rest * MinuteSharePerMille / 1000;
            if (minute < 2)
            {
                minute = 2;
            }

            return new HistoryLayout(minute, rest - minute, day);
        }

        /// <summary>Sectors of each resolution.</summary>
        public int[] Sectors { get; private set; }

        /// <summary>First sector of each resolution's ring.</summary>
        public int[] First { get; private set; }
    }
}
