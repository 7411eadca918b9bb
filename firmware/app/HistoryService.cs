using System;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Storage.History;
using HttpBillingSource = Ipenergy.Probe.Protocols.Http.IBillingSource;
using HttpBillingVisitor = Ipenergy.Probe.Protocols.Http.IBillingVisitor;
using HttpHistorySource = Ipenergy.Probe.Protocols.Http.IHistorySource;
using HttpHistoryVisitor = Ipenergy.Probe.Protocols.Http.IHistoryVisitor;
using HttpPueSource = Ipenergy.Probe.Protocols.Http.IPueSource;
using HttpPueVisitor = Ipenergy.Probe.Protocols.Http.IPueIntervalVisitor;

namespace Ipenergy.Probe.App
{
    /// <summary>
    /// The on-device records: history (1 min / 15 min / day), billing snapshots and PUE/DCiE, fed one
    /// published second at a time, and read by the HTTP API. One lock serializes the recorders'
    /// flash writes and the readers' scans, so a query never reads a sector being rewritten.
    /// </summary>
    public sealed class HistoryService : HttpHistorySource, HttpBillingSource, HttpPueSource
    {
        private readonly object _lock = new object();
        private readonly int _channels;
        private readonly HistoryRecorder _recorder;
        private readonly HistoryReader _reader;
        private readonly BillingStore _billingStore;
        private BillingRecorder _billing;
        private readonly HistoryToHttp _historyAdapter = new HistoryToHttp();
        private readonly BillingToHttp _billingAdapter;
        private readonly ISettableClock _clock;
        private readonly PueToHttp _pueAdapter = new PueToHttp();
        private PueMeter _pue;
        private PueHistory _pueHistory;

        /// <summary>Partitions missing from the board leave that record off (null recorder).</summary>
        public HistoryService(IFlashStorage flash, int channels, MeterConfig config, ISettableClock clock)
        {
            _channels = channels;
            _clock = clock;
            IFlashPartition history = flash == null ? null : flash.Partition(FlashPartitionNames.History);
            if (history != null)
            {
                HistoryLayout layout = HistoryLayout.ForPartition(history.SectorCount);
                _recorder = new HistoryRecorder(history, layout, channels);
                _reader = new HistoryReader(history, layout, channels);
            }

            IFlashPartition billing = flash == null ? null : flash.Partition(FlashPartitionNames.Billing);
            if (billing != null)
            {
                _billingStore = new BillingStore(billing, channels);
            }

            _billingAdapter = new BillingToHttp(channels);
            Configure(config);
        }

        /// <summary>PUE/DCiE of the last second (IsConfigured false when no circuit is marked facility or IT).</summary>
        public PueMeter Pue { get { lock (_lock) { return _pue; } } }

        public int ChannelCount { get { return _channels; } }

        /// <summary>
        /// Picks up labels, circuit roles and the billing schedule of a new configuration. A new schedule takes
        /// effect at once: when its latest boundary is after the newest snapshot, a snapshot is taken at the next
        /// second (its takenAt says it is late, so that period is billed as partial, never guessed).
        /// </summary>
        public void Configure(MeterConfig config)
        {
            lock (_lock)
            {
                HistoryConfig h = config.History;
                if (_billingStore != null && (_billing == null || !_billing.Schedule.Equals(h.BillingDay, h.BillingHour, h.UtcOffsetMinutes)))
                {
                    _billing = new BillingRecorder(_billingStore, new BillingSchedule(h.BillingDay, h.BillingHour, h.UtcOffsetMinutes));
                }

                _pue = new PueMeter(PueMeter.CircuitRolesOf(config.Circuits));
                _pueHistory = _reader == null ? null : new PueHistory(_reader, PueMeter.ChannelRoles(_channels, config.Circuits));
                _billingAdapter.Configure(config);
            }
        }

        /// <summary>Boot: resume every ring from flash.</summary>
        public void Open()
        {
            lock (_lock)
            {
                if (_recorder != null)
                {
                    _recorder.Open();
                }

                if (_billingStore != null)
                {
                    _billingStore.Open();
                }
            }
        }

        /// <summary>One published second (called from the services thread; flash erases may take a while).</summary>
        public void Record(MeasurementSnapshot snapshot)
        {
            lock (_lock)
            {
                if (_recorder != null)
                {
                    _recorder.Record(snapshot);
                }

                if (_billing != null)
                {
                    _billing.Record(snapshot);
                }

                _pue.Evaluate(snapshot);
            }
        }

        public void Query(int channel, DateTime fromUtc, DateTime toUtc, int resolutionSeconds, HttpHistoryVisitor visitor)
        {
            int resolution = ResolutionOf(resolutionSeconds);
            if (_reader == null || resolution < 0 || channel < 1 || channel > _channels)
            {
                return;
            }

            lock (_lock)
            {
                _historyAdapter.Start(visitor, fromUtc);
                _reader.Query(channel, fromUtc, toUtc, resolution, _historyAdapter);
                _historyAdapter.Start(null, fromUtc);
            }
        }

        public void ReadInstantaneous(out bool configured, out double facilityW, out double itW, out double pue, out double dciePercent)
        {
            lock (_lock)
            {
                configured = _pue.IsConfigured;
                facilityW = _pue.FacilityW;
                itW = _pue.ItW;
                pue = _pue.Pue;
                dciePercent = _pue.DciePercent;
            }
        }

        public void Query(DateTime fromUtc, DateTime toUtc, int resolutionSeconds, HttpPueVisitor visitor)
        {
            int resolution = ResolutionOf(resolutionSeconds);
            if (resolution < 0)
            {
                return;
            }

            lock (_lock)
            {
                if (_pueHistory == null)
                {
                    return;
                }

                _pueAdapter.Start(visitor);
                _pueHistory.Query(fromUtc, toUtc, resolution, _pueAdapter);
                _pueAdapter.Start(null);
            }
        }

        public void Visit(HttpBillingVisitor visitor)
        {
            if (_billingStore == null)
            {
                return;
            }

            lock (_lock)
            {
                _billingAdapter.Target = visitor;
                _billingAdapter.ClockSynchronized = _clock != null && _clock.Synchronized;
                _billingStore.Query(_billingAdapter);
                _billingAdapter.Target = null;
            }
        }

        // 60 / 900 / 86400 → HistoryResolution index, -1 for any other.
        private static int ResolutionOf(int seconds)
        {
            for (int r = 0; r < HistoryResolution.Count; r++)
            {
                if (HistoryResolution.Seconds(r) == seconds)
                {
                    return r;
                }
            }

            return -1;
        }

        // Storage PUE visitor → HTTP visitor; stops like the history adapter (gaps show as missing intervals).
        private sealed class PueToHttp : IPueVisitor
        {
            private HttpPueVisitor _target;
            private bool _stopped;

            public void Start(HttpPueVisitor target)
            {
                _target = target;
                _stopped = false;
            }

            public void Interval(DateTime end, int seconds, long facilityWh, long itWh, double pue, double dciePercent)
            {
                if (_stopped || _target == null)
                {
                    return;
                }

                _stopped = !_target.Interval(end, seconds, facilityWh, itWh, pue, dciePercent);
            }

            public void Gap(DateTime from, DateTime to)
            {
            }
        }

        // Storage visitor → HTTP visitor; the HTTP side may stop (page full): later records are ignored.
        private sealed class HistoryToHttp : IHistoryVisitor
        {
            private HttpHistoryVisitor _target;
            private DateTime _after;
            private bool _stopped;

            /// <summary>Records ending after <paramref name="after"/> go to target (IHistorySource: (from, to]).</summary>
            public void Start(HttpHistoryVisitor target, DateTime after)
            {
                _target = target;
                _after = after;
                _stopped = false;
            }

            public void Record(DateTime end, int seconds, long importWh, long exportWh, long averageW, long minW, long maxW)
            {
                // The reader includes an interval ending exactly at from; the HTTP contract (and its
                // paging by "next" = last end) excludes it, or each page would repeat one record.
                if (_stopped || _target == null || end <= _after)
                {
                    return;
                }

                _stopped = !_target.Record(end, seconds, importWh, exportWh, averageW, minW, maxW);
            }

            public void Gap(DateTime from, DateTime to)
            {
                // The HTTP history lists records only; a gap shows as missing intervals.
            }
        }

        // Billing snapshot → HTTP visitor, with each channel's customer label from the configuration.
        private sealed class BillingToHttp : IBillingVisitor
        {
            private readonly string[] _customers;

            public BillingToHttp(int channels)
            {
                _customers = new string[channels];
            }

            public HttpBillingVisitor Target;

            public bool ClockSynchronized;

            public void Configure(MeterConfig config)
            {
                for (int k = 0; k < _customers.Length && k < config.Channels.Length; k++)
                {
                    string c = config.Channels[k].Customer;
                    _customers[k] = c == null || c.Length == 0 ? null : c;
                }
            }

            public void Snapshot(BillingSnapshot snapshot)
            {
                if (Target == null)
                {
                    return;
                }

                // Billing records do not store whether the clock was synchronized when they were taken:
                // report the clock's state now (known limitation, see the issue 4 note).
                Target.BeginSnapshot(snapshot.PeriodStart, snapshot.TakenAt, ClockSynchronized);
                int n = snapshot.Channels < _customers.Length ? snapshot.Channels : _customers.Length;
                for (int k = 0; k < n; k++)
                {
                    Target.Counter(k + 1, _customers[k], snapshot.ImportMilliWh[k], snapshot.ExportMilliWh[k],
                        snapshot.ImportMilliVarh[k], snapshot.ExportMilliVarh[k]);
                }

                Target.EndSnapshot();
            }
        }
    }
}
