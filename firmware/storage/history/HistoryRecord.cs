namespace Ipenergy.Probe.Storage.History
{
    /// <summary>
    /// One history item, reused: the values to encode, or what was decoded. An interval record carries
    /// the cumulative counters at the end of its interval and the power statistics of the interval;
    /// a base carries absolute counters (start of a sector, or a restart after a gap).
    /// </summary>
    public sealed class HistoryRecord
    {
        public HistoryRecord(int channels)
        {
            ImportWh = new long[channels];
            ExportWh = new long[channels];
            IntervalImportWh = new long[channels];
            IntervalExportWh = new long[channels];
            AverageW = new long[channels];
            MinW = new long[channels];
            MaxW = new long[channels];
        }

        public bool IsBase;

        /// <summary>Base only: written after a boot or a clock set back, so the time before it is a gap.</summary>
        public bool IsRestart;

        /// <summary>Record: interval index (the interval ends at Index × length). Base: its second ÷ length.</summary>
        public long Index;

        /// <summary>Record: seconds since 2000 of the interval end. Base: of the counter reading.</summary>
        public long Seconds;

        /// <summary>Record: seconds of the interval the meter measured (the interval length when whole).</summary>
        public int Coverage;

        /// <summary>Cumulative counters, whole Wh.</summary>
        public long[] ImportWh;
        public long[] ExportWh;

        /// <summary>Record: energy since the previous item (the previous record, or the base), Wh.</summary>
        public long[] IntervalImportWh;
        public long[] IntervalExportWh;

        /// <summary>Record: mean active power over the covered seconds, from the energy (W, signed).</summary>
        public long[] AverageW;

        /// <summary>Record: lowest and highest 1-second active power in the interval, W.</summary>
        public long[] MinW;
        public long[] MaxW;
    }
}
