using System;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Storage.History
{
    /// <summary>
    /// Fed the published snapshot once a second; closes 1-minute, 15-minute and daily intervals on UTC
    /// boundaries and appends one record per interval to each ring: cumulative import/export Wh per
    /// channel at the interval end, and the interval's mean (from the energy), lowest and highest
    /// 1-second active power. A snapshot stamped t belongs to the interval (end − length, end] holding t;
    /// a record carries the counters of the last snapshot of its interval (at most one second early).
    ///
    /// Gaps are recorded, never filled: after a boot the first snapshot writes a restart base (absolute
    /// counters) and the intervals the meter was off simply have no record.
    /// Clock steps (SNTP): forward, the open intervals close with the seconds they measured and the
    /// intervals skipped have no record; back by up to 2 s, time is held (counted in the open interval);
    /// back by more, the open intervals are dropped and recording pauses until the clock passes the last
    /// reading again, then resumes with a restart base, so history stays in time order. The same
    /// holds at boot: a clock behind the newest record (e.g. no RTC, not yet synchronized) records nothing
    /// until it has passed it. Energy is never lost: it is in the counters of the next record.
    /// </summary>
    public sealed class HistoryRecorder
    {
        private const long SmallStepBackTicks = 2 * HistoryTime.TicksPerSecond;
        private const long MaxSnapshotTicks = 5 * HistoryTime.TicksPerSecond / 2;

        private readonly HistoryRing[] _rings;
        private readonly IntervalAccumulator[] _open;
        private readonly HistoryRecord _item;
        private readonly int _sectorSize;
        private MeasurementSnapshot _last;
        private long _lastTicks;
        private bool _running;
        private long _holdUntilTicks;

        public HistoryRecorder(IFlashPartition flash, HistoryLayout layout, int channels)
        {
            Channels = channels;
            _rings = new HistoryRing[HistoryResolution.Count];
            _open = new IntervalAccumulator[HistoryResolution.Count];
            for (int r = 0; r < HistoryResolution.Count; r++)
            {
                _rings[r] = new HistoryRing(flash, layout.First[r], layout.Sectors[r], r, channels);
                _open[r] = new IntervalAccumulator(channels);
            }

            _item = new HistoryRecord(channels);
            _sectorSize = flash.SectorSize;
        }

        public int Channels { get; private set; }

        /// <summary>False until the first snapshot after Open, and while paused after a clock set back.</summary>
        public bool IsRecording { get { return _running; } }

        public HistoryRing Ring(int resolution)
        {
            return _rings[resolution];
        }

        /// <summary>Resumes from flash (boot): replays each ring's newest sector, trusting no torn item.</summary>
        public void Open()
        {
            // The replay buffer lives for the boot only: a sector's worth of heap (4 KB) not kept for the device's life.
            byte[] sectorBuffer = new byte[_sectorSize];
            _holdUntilTicks = long.MinValue;
            for (int r = 0; r < HistoryResolution.Count; r++)
            {
                _rings[r].Open(sectorBuffer);
                _open[r].IsOpen = false;
                HistoryCodecState last = _rings[r].Last;
                if (last.HasBase)
                {
                    long ticks = last.LastSeconds * HistoryTime.TicksPerSecond;
                    if (ticks > _holdUntilTicks)
                    {
                        _holdUntilTicks = ticks;
                    }
                }
            }

            _running = false;
            _last = null;
        }

        /// <summary>One published second; call with each new snapshot (the same one twice is ignored).</summary>
        public void Record(MeasurementSnapshot snapshot)
        {
            if (snapshot == null || snapshot == _last || snapshot.Channels.Length < Channels)
            {
                return;
            }

            long ticks = HistoryTime.TicksOf(snapshot.Timestamp);
            if (ticks < 0 || ticks / HistoryTime.TicksPerSecond >= HistoryTime.MaxSeconds)
            {
                return;
            }

            if (!_running)
            {
                if (ticks > _holdUntilTicks)
                {
                    Restart(snapshot, ticks);
                }

                return;
            }

            long step = ticks - _lastTicks;
            if (step < 0)
            {
                if (-step > SmallStepBackTicks)
                {
                    Pause();
                    return;
                }

                ticks = _lastTicks;
            }

            // A clock step forward counts as one second measured, not as the time skipped.
            long measured = step < 0 || step > MaxSnapshotTicks ? HistoryTime.TicksPerSecond : step;
            for (int r = 0; r < HistoryResolution.Count; r++)
            {
                IntervalAccumulator open = _open[r];
                long index = HistoryTime.IntervalIndex(ticks, HistoryResolution.Seconds(r));
                if (open.IsOpen && index > open.Index)
                {
                    Close(r);
                }

                if (!open.IsOpen)
                {
                    open.Start(index);
                }

                open.CoverageTicks += measured;
                for (int c = 0; c < Channels; c++)
                {
                    open.Fold(c, snapshot.Channels[c].ActivePowerW);
                }
            }

            _last = snapshot;
            _lastTicks = ticks;
        }

        /// <summary>
        /// Drops the open intervals (their energy shows in the first record after the pause) and pauses
        /// until the clock passes the last reading again: no record can then end before one already written.
        /// </summary>
        private void Pause()
        {
            for (int r = 0; r < HistoryResolution.Count; r++)
            {
                _open[r].IsOpen = false;
            }

            _running = false;
            _holdUntilTicks = _lastTicks;
        }

        private void Restart(MeasurementSnapshot snapshot, long ticks)
        {
            _item.IsBase = true;
            _item.IsRestart = true;
            _item.Seconds = ticks / HistoryTime.TicksPerSecond;
            for (int c = 0; c < Channels; c++)
            {
                _item.ImportWh[c] = snapshot.Channels[c].ImportEnergyMilliWh / 1000;
                _item.ExportWh[c] = snapshot.Channels[c].ExportEnergyMilliWh / 1000;
            }

            for (int r = 0; r < HistoryResolution.Count; r++)
            {
                _open[r].IsOpen = false;
                _rings[r].Append(_item);
            }

            _running = true;
            _last = snapshot;
            _lastTicks = ticks;
        }

        private void Close(int resolution)
        {
            IntervalAccumulator open = _open[resolution];
            open.IsOpen = false;
            int length = HistoryResolution.Seconds(resolution);
            long coverage = (open.CoverageTicks + HistoryTime.TicksPerSecond / 2) / HistoryTime.TicksPerSecond;
            _item.IsBase = false;
            _item.Index = open.Index;
            _item.Coverage = coverage < 1 ? 1 : (coverage > length ? length : (int)coverage);
            for (int c = 0; c < Channels; c++)
            {
                _item.ImportWh[c] = _last.Channels[c].ImportEnergyMilliWh / 1000;
                _item.ExportWh[c] = _last.Channels[c].ExportEnergyMilliWh / 1000;
                _item.MinW[c] = (long)Math.Round(open.MinW[c]);
                _item.MaxW[c] = (long)Math.Round(open.MaxW[c]);
            }

            _rings[resolution].Append(_item);
        }
    }
}
