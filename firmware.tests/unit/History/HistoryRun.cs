using System;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Storage.History;
using Ipenergy.Probe.Tests.Unit.TestDoubles;

namespace Ipenergy.Probe.Tests.Unit.History
{
    /// <summary>
    /// A recorder on a small MemoryFlash fed by a deterministic load, which remembers what each 1-minute
    /// record must hold: the channel-1 import counter (Wh) of the last snapshot at or before each minute.
    /// </summary>
    public sealed class HistoryRun
    {
        public const int Channels = 3;
        public static readonly DateTime Start = new DateTime(2026, 5, 31, 23, 50, 0);

        public readonly MemoryFlash Flash;
        public readonly HistoryLayout Layout;
        public readonly SnapshotFeed Feed;
        public HistoryRecorder Recorder;
        private readonly double[] _powers = new double[Channels];
        private readonly long[] _expectedWh;
        private readonly TestRandom _random = new TestRandom(5);

        public HistoryRun(int sectorSize, int minutes)
        {
            Flash = new MemoryFlash(FlashPartitionNames.History, sectorSize, 64, 10);
            Layout = new HistoryLayout(4, 4, 2);
            Feed = new SnapshotFeed(Channels, Start);
            _expectedWh = new long[minutes + 2];
            for (int i = 0; i < _expectedWh.Length; i++)
            {
                _expectedWh[i] = -1;
            }

            Reboot();
        }

        public void Reboot()
        {
            Recorder = new HistoryRecorder(Flash, Layout, Channels);
            Recorder.Open();
        }

        /// <summary>Expected import Wh of channel 1 in the record ending at minute m after Start (−1: none).</summary>
        public long ExpectedWh(int minute)
        {
            return minute >= 0 && minute < _expectedWh.Length ? _expectedWh[minute] : -1;
        }

        public int MinuteOf(DateTime end)
        {
            return (int)((end.Ticks - Start.Ticks) / (60 * HistoryTime.TicksPerSecond));
        }

        /// <summary>Feeds seconds of load (3–5 kW with noise); the meter is on.</summary>
        public void Run(int seconds)
        {
            for (int s = 0; s < seconds; s++)
            {
                for (int c = 0; c < Channels; c++)
                {
                    _powers[c] = 3000.0 + 1000.0 * c + 100.0 * _random.NextGaussian();
                }

                MeasurementSnapshot snap = Feed.Second(_powers);
                long ticks = snap.Timestamp.Ticks - Start.Ticks;
                int minute = (int)((ticks + 60 * HistoryTime.TicksPerSecond - 1) / (60 * HistoryTime.TicksPerSecond));
                if (minute < _expectedWh.Length)
                {
                    _expectedWh[minute] = snap.Channels[0].ImportEnergyMilliWh / 1000;
                }

                Recorder.Record(snap);
            }
        }

        /// <summary>The meter is off: time passes, nothing is counted.</summary>
        public void Off(int seconds)
        {
            Feed.Time = Feed.Time.AddSeconds(seconds);
        }

        public CollectingVisitor Query(int resolution)
        {
            CollectingVisitor visitor = new CollectingVisitor();
            HistoryReader reader = new HistoryReader(Flash, Layout, Channels);
            reader.Query(1, DateTime.MinValue, DateTime.MaxValue, resolution, visitor);
            return visitor;
        }
    }
}
