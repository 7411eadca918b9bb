namespace Ipenergy.Probe.Storage.History
{
    /// <summary>
    /// What encoder and decoder both know after the last item of a sector: the last counters, the last
    /// energy deltas (for delta-of-delta), the predicted min/max deviations and the adaptive Rice
    /// statistics. Both sides update it with the same integer arithmetic, so they never diverge.
    /// </summary>
    public sealed class HistoryCodecState
    {
        /// <summary>Rice contexts per channel: import Δ², export Δ², min deviation, max deviation.</summary>
        public const int ContextsPerChannel = 4;

        private const int RiceHalveAt = 32;

        public HistoryCodecState(int channels)
        {
            Channels = channels;
            ImportWh = new long[channels];
            ExportWh = new long[channels];
            DeltaImportWh = new long[channels];
            DeltaExportWh = new long[channels];
            PredictedMin = new long[channels];
            PredictedMax = new long[channels];
            RiceSum = new long[channels * ContextsPerChannel];
            RiceCount = new int[channels * ContextsPerChannel];
            Clear();
        }

        public int Channels { get; private set; }

        /// <summary>False until the sector's first base record: an interval record needs a base before it.</summary>
        public bool HasBase;

        /// <summary>Interval index of the last item (for a base: its second ÷ interval length, rounded down).</summary>
        public long LastIndex;

        /// <summary>Seconds since 2000 of the last item: a record's interval end, a base's reading time.</summary>
        public long LastSeconds;

        /// <summary>The last item is a base written after a restart (boot, clock set back): no record since.</summary>
        public bool LastIsRestart;

        public long[] ImportWh;
        public long[] ExportWh;
        public long[] DeltaImportWh;
        public long[] DeltaExportWh;

        /// <summary>Running means of the quantized deviations, ×16.</summary>
        public long[] PredictedMin;
        public long[] PredictedMax;

        public long[] RiceSum;
        public int[] RiceCount;

        /// <summary>Forgets everything: the state at the start of a sector.</summary>
        public void Clear()
        {
            HasBase = false;
            LastIndex = 0;
            LastSeconds = 0;
            LastIsRestart = false;
            for (int c = 0; c < Channels; c++)
            {
                ImportWh[c] = 0;
                ExportWh[c] = 0;
            }

            ResetModel();
        }

        /// <summary>Deltas, predictions and Rice statistics back to their defaults (after a base).</summary>
        public void ResetModel()
        {
            for (int c = 0; c < Channels; c++)
            {
                DeltaImportWh[c] = 0;
                DeltaExportWh[c] = 0;
                PredictedMin[c] = 0;
                PredictedMax[c] = 0;
            }

            for (int i = 0; i < RiceSum.Length; i++)
            {
                RiceSum[i] = 2;
                RiceCount[i] = 1;
            }
        }

        /// <summary>Rice parameter of a context: the smallest k with count·2^k ≥ sum (LOCO-I rule).</summary>
        public int RiceK(int context)
        {
            long sum = RiceSum[context];
            long count = RiceCount[context];
            int k = 0;
            while ((count << k) < sum && k < 62)
            {
                k++;
            }

            return k;
        }

        /// <summary>Learns from a coded value; an outlier (a load step, a sector's first delta) counts as at
        /// most four times the running mean, so one jump does not inflate the codes of the records after it.</summary>
        public void RiceUpdate(int context, ulong value)
        {
            long cap = 4 * (RiceSum[context] / RiceCount[context]) + 4;
            long add = value > (ulong)cap ? cap : (long)value;
            RiceSum[context] += add;
            RiceCount[context]++;
            if (RiceCount[context] >= RiceHalveAt)
            {
                RiceSum[context] >>= 1;
                RiceCount[context] >>= 1;
            }
        }

        public void CopyFrom(HistoryCodecState other)
        {
            HasBase = other.HasBase;
            LastIndex = other.LastIndex;
            LastSeconds = other.LastSeconds;
            LastIsRestart = other.LastIsRestart;
            System.Array.Copy(other.ImportWh, ImportWh, Channels);
            System.Array.Copy(other.ExportWh, ExportWh, Channels);
            System.Array.Copy(other.DeltaImportWh, DeltaImportWh, Channels);
            System.Array.Copy(other.DeltaExportWh, DeltaExportWh, Channels);
            System.Array.Copy(other.PredictedMin, PredictedMin, Channels);
            System.Array.Copy(other.PredictedMax, PredictedMax, Channels);
            System.Array.Copy(other.RiceSum, RiceSum, RiceSum.Length);
            System.Array.Copy(other.RiceCount, RiceCount, RiceCount.Length);
        }
    }
}
