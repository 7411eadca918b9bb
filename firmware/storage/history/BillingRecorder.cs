using System;
using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Storage.History
{
    /// <summary>
    /// Takes a billing snapshot of every counter at each period boundary: with the first published second
    /// at or after the boundary (at most one second late), or at the first second after boot when the
    /// meter was off across it (TakenAt says when; the counters are still exact, nothing was metered while
    /// off). When the meter was off across several boundaries, only the latest is stored. On the very first
    /// start, a snapshot of the current period is taken at once so the first partial period can be billed.
    /// A clock set back before the newest snapshot's period takes nothing until it passes it again.
    /// </summary>
    public sealed class BillingRecorder
    {
        private readonly BillingStore _store;
        private readonly BillingSchedule _schedule;
        private readonly BillingSnapshot _snapshot;
        private long _nextCheckTicks = long.MinValue;

        public BillingRecorder(BillingStore store, BillingSchedule schedule)
        {
            _store = store;
            _schedule = schedule;
            _snapshot = new BillingSnapshot(store.Channels);
        }

        /// <summary>The boundaries it takes snapshots at.</summary>
        public BillingSchedule Schedule { get { return _schedule; } }

        /// <summary>Call with each published second; costs one comparison except at boundaries.</summary>
        public void Record(MeasurementSnapshot snapshot)
        {
            if (snapshot == null || snapshot.Channels.Length < _store.Channels)
            {
                return;
            }

            DateTime now = snapshot.Timestamp;
            if (now.Ticks < _nextCheckTicks)
            {
                return;
            }

            DateTime period = _schedule.PeriodStart(now);
            if (period > _store.NewestPeriodStart)
            {
                Take(snapshot, period, now);
            }

            // Nothing to do before the next boundary, or before the stored period when the clock is behind it.
            DateTime next = _schedule.NextPeriodStart(now);
            _nextCheckTicks = period < _store.NewestPeriodStart ? _store.NewestPeriodStart.Ticks : next.Ticks;
        }

        private void Take(MeasurementSnapshot snapshot, DateTime period, DateTime now)
        {
            _snapshot.PeriodStart = period;
            _snapshot.TakenAt = now;
            for (int c = 0; c < _store.Channels; c++)
            {
                ChannelValues v = snapshot.Channels[c];
                _snapshot.ImportMilliWh[c] = v.ImportEnergyMilliWh;
                _snapshot.ExportMilliWh[c] = v.ExportEnergyMilliWh;
                _snapshot.ImportMilliVarh[c] = v.ImportReactiveMilliVarh;
                _snapshot.ExportMilliVarh[c] = v.ExportReactiveMilliVarh;
            }

            _store.Append(_snapshot);
        }
    }
}
