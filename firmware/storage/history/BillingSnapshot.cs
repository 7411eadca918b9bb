using System;

namespace Ipenergy.Probe.Storage.History
{
    /// <summary>
    /// Every counter at the start of a billing period (reused object). A customer's consumption over a
    /// period is the difference of two snapshots on that customer's channels.
    /// </summary>
    public sealed class BillingSnapshot
    {
        public BillingSnapshot(int channels)
        {
            ImportMilliWh = new long[channels];
            ExportMilliWh = new long[channels];
            ImportMilliVarh = new long[channels];
            ExportMilliVarh = new long[channels];
        }

        public int Channels { get { return ImportMilliWh.Length; } }

        /// <summary>1, 2, 3 … in the order written.</summary>
        public long Sequence;

        /// <summary>The period boundary (UTC) the counters belong to.</summary>
        public DateTime PeriodStart;

        /// <summary>When the counters were read: at most a second after the boundary, or later when the
        /// meter was off at the boundary (then the energy of the off time is zero, the counters are exact).</summary>
        public DateTime TakenAt;

        /// <summary>Index = channel − 1.</summary>
        public long[] ImportMilliWh;
        public long[] ExportMilliWh;
        public long[] ImportMilliVarh;
        public long[] ExportMilliVarh;
    }
}
