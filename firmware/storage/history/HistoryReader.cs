using System;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Storage.History
{
    /// <summary>
    /// Reads the history rings oldest first, decoding only the sectors that can hold the requested span,
    /// and hands each record to a visitor: no list is built, so the HTTP layer can stream JSON or CSV.
    /// Torn or corrupt items end their sector's replay and are never reported.
    /// One query at a time (the reader reuses its buffers).
    /// </summary>
    public sealed class HistoryReader
    {
        private readonly HistoryRing[] _rings;
        private readonly HistoryRecordCodec _codec = new HistoryRecordCodec();
        private readonly HistoryCodecState _state;
        private readonly HistoryRecord _item;
        private readonly byte[] _sector;
        private readonly ChannelAdapter _channelAdapter = new ChannelAdapter();
        private readonly object _lock = new object();

        public HistoryReader(IFlashPartition flash, HistoryLayout layout, int channels)
        {
            Channels = channels;
            _rings = new HistoryRing[HistoryResolution.Count];
            for (int r = 0; r < HistoryResolution.Count; r++)
            {
                _rings[r] = new HistoryRing(flash, layout.First[r], layout.Sectors[r], r, channels);
            }

            _state = new HistoryCodecState(channels);
            _item = new HistoryRecord(channels);
            _sector = new byte[flash.SectorSize];
        }

        public int Channels { get; private set; }

        /// <summary>One channel (1-based) from from to to (record end times, inclusive); returns the records visited.</summary>
        public int Query(int channel, DateTime from, DateTime to, int resolution, IHistoryVisitor visitor)
        {
            if (channel < 1 || channel > Channels)
            {
                throw new ArgumentOutOfRangeException("channel");
            }

            lock (_lock)
            {
                _channelAdapter.Channel = channel - 1;
                _channelAdapter.Target = visitor;
                int count = Visit(from, to, resolution, _channelAdapter);
                _channelAdapter.Target = null;
                return count;
            }
        }

        /// <summary>Every channel: the visitor gets the reused record of each interval ending in [from, to].</summary>
        public int QueryAll(DateTime from, DateTime to, int resolution, IHistoryRecordVisitor visitor)
        {
            lock (_lock)
            {
                return Visit(from, to, resolution, visitor);
            }
        }

        private int Visit(DateTime from, DateTime to, int resolution, IHistoryRecordVisitor visitor)
        {
            if (resolution < 0 || resolution >= HistoryResolution.Count)
            {
                throw new ArgumentOutOfRangeException("resolution");
            }

            long fromSeconds = Seconds(from);
            long toSeconds = Seconds(to);
            HistoryRing ring = _rings[resolution];
            int length = ring.LengthSeconds;

            // Ring order: the sector after the newest is the oldest.
            int newest = -1;
            long newestSequence = 0;
            for (int i = 0; i < ring.SectorCount; i++)
            {
                long sequence = ring.ReadHeader(i);
                if (sequence > newestSequence)
                {
                    newestSequence = sequence;
                    newest = i;
                }
            }

            if (newest < 0)
            {
                return 0;
            }

            int count = 0;
            long lastEnd = -1;
            bool afterRestart = false;
            long previousSequence = 0;
            for (int n = 1; n <= ring.SectorCount; n++)
            {
                int sector = (newest + n) % ring.SectorCount;
                long sequence = ring.ReadHeader(sector);
                if (sequence == 0 || sequence <= previousSequence)
                {
                    continue;
                }

                previousSequence = sequence;
                if (n < ring.SectorCount && NextSectorStartsBefore(ring, newest, n, fromSeconds))
                {
                    continue;
                }

                ring.ReadSector(sector, _sector);
                _state.Clear();
                int position = HistoryRing.HeaderSize;
                while (position < _sector.Length)
                {
                    int itemLength = _codec.Decode(_state, _item, length, _sector, position, _sector.Length - position);
                    if (itemLength <= 0)
                    {
                        break;
                    }

                    position += itemLength;
                    // Gaps: from the last record to a restart (boot, clock set back), and intervals skipped
                    // between two records (clock set forward). Partial intervals show in their seconds.
                    if (_item.IsBase)
                    {
                        if (_item.IsRestart && !afterRestart)
                        {
                            if (lastEnd >= 0 && _item.Seconds > lastEnd)
                            {
                                ReportGap(visitor, lastEnd, _item.Seconds, fromSeconds, toSeconds);
                            }

                            afterRestart = true;
                        }

                        continue;
                    }

                    long start = _item.Seconds - length;
                    if (!afterRestart && lastEnd >= 0 && start > lastEnd)
                    {
                        ReportGap(visitor, lastEnd, start, fromSeconds, toSeconds);
                    }

                    afterRestart = false;

                    if (_item.Seconds > lastEnd)
                    {
                        lastEnd = _item.Seconds;
                    }

                    if (_item.Seconds > toSeconds)
                    {
                        return count;
                    }

                    if (_item.Seconds >= fromSeconds)
                    {
                        visitor.Record(_item);
                        count++;
                    }
                }
            }

            return count;
        }

        // The sector n places after the newest can be skipped when the following valid sector begins
        // (its base repeats the last item before it) before the query does.
        private bool NextSectorStartsBefore(HistoryRing ring, int newest, int n, long fromSeconds)
        {
            for (int m = n + 1; m <= ring.SectorCount; m++)
            {
                int sector = (newest + m) % ring.SectorCount;
                if (ring.ReadHeader(sector) == 0)
                {
                    continue;
                }

                ring.ReadSector(sector, _sector);
                _state.Clear();
                int itemLength = _codec.Decode(_state, _item, ring.LengthSeconds, _sector, HistoryRing.HeaderSize, _sector.Length - HistoryRing.HeaderSize);
                return itemLength > 0 && _item.IsBase && _item.Seconds < fromSeconds;
            }

            return false;
        }

        private static void ReportGap(IHistoryRecordVisitor visitor, long from, long to, long fromSeconds, long toSeconds)
        {
            if (to >= fromSeconds && from <= toSeconds)
            {
                visitor.Gap(HistoryTime.FromSeconds(from), HistoryTime.FromSeconds(to));
            }
        }

        private static long Seconds(DateTime time)
        {
            long seconds = HistoryTime.SecondsOf(time);
            return seconds < 0 ? 0 : seconds;
        }

        /// <summary>Picks one channel out of every record for an <see cref="IHistoryVisitor"/>.</summary>
        private sealed class ChannelAdapter : IHistoryRecordVisitor
        {
            public int Channel;
            public IHistoryVisitor Target;

            public void Record(HistoryRecord record)
            {
                int c = Channel;
                long average = record.AverageW[c];
                long min = record.MinW[c] < average ? record.MinW[c] : average;
                long max = record.MaxW[c] > average ? record.MaxW[c] : average;
                Target.Record(HistoryTime.FromSeconds(record.Seconds), record.Coverage, record.ImportWh[c], record.ExportWh[c], average, min, max);
            }

            public void Gap(DateTime from, DateTime to)
            {
                Target.Gap(from, to);
            }
        }
    }
}
