using System.Threading;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Protocols.Http;
using Ipenergy.Probe.Storage;

namespace Ipenergy.Probe.App
{
    /// <summary>
    /// Composition root: wires the metering engine and the services to the HAL the board (or the
    /// simulator) provides. The device's Program and the virtual e-Probe both go through here.
    /// </summary>
    public sealed class ProbeApp
    {
        /// <summary>Device time between two saves of the energy counters (storage/README.md: endurance arithmetic).</summary>
        public const long DefaultEnergySaveIntervalMilliseconds = 60000;

        private readonly ISampleSource _samples;
        private readonly IClock _clock;
        private readonly IFlashStorage _flash;
        private EnergyStore _energyStore;
        private BackgroundEnergySaver _energySaver;
        private long[] _energyCopy;
        private long _nextEnergySaveMs;
        private readonly MeteringEngine _engine;
        private readonly HttpServer _http;
        private Thread _meteringThread;
        private readonly object _stateLock = new object();
        private bool _running;

        /// <summary>An e-Probe without persistent storage (unit tests): counters start at zero and are not saved.</summary>
        public ProbeApp(ISampleSource samples, IClock clock, MeterConfig config, string bindAddress, int httpPort)
            : this(samples, clock, config, bindAddress, httpPort, null)
        {
        }

        /// <summary>An e-Probe on the board's flash (null: no persistence).</summary>
        public ProbeApp(ISampleSource samples, IClock clock, MeterConfig config, string bindAddress, int httpPort, IFlashStorage flash)
        {
            _samples = samples;
            _clock = clock;
            _flash = flash;
            EnergySaveIntervalMilliseconds = DefaultEnergySaveIntervalMilliseconds;
            _engine = new MeteringEngine(config, samples.FrontEnd, clock);
            _http = new HttpServer(_engine, bindAddress, httpPort);
        }

        public MeteringEngine Engine { get { return _engine; } }

        /// <summary>The board's flash, null without persistence (for the services that store config, history, billing).</summary>
        public IFlashStorage Flash { get { return _flash; } }

        /// <summary>The energy counters' store; null without flash or before Start.</summary>
        public EnergyStore EnergyStore { get { return _energyStore; } }

        /// <summary>Device time (IClock.MonotonicMilliseconds) between periodic saves; set before Start.</summary>
        public long EnergySaveIntervalMilliseconds { get; set; }

        /// <summary>Port the HTTP server listens on (the real one when 0 was asked).</summary>
        public int HttpPort { get { return _http.Port; } }

        public void Start()
        {
            RestoreEnergy();
            SetRunning(true);
            _http.Start();
            _meteringThread = new Thread(RunMetering);
            _meteringThread.Start();
        }

        /// <summary>Stops the services; the sample source must be stopped first so the metering loop ends.</summary>
        public void Stop()
        {
            SetRunning(false);
            _http.Stop();
            if (_meteringThread != null)
            {
                _meteringThread.Join();
            }

            SaveEnergyOnShutdown();
        }

        /// <summary>Boot: the newest complete record sets the counters, then periodic saves start.</summary>
        private void RestoreEnergy()
        {
            IFlashPartition partition = _flash == null ? null : _flash.Partition(FlashPartitionNames.Energy);
            if (partition == null || _energyStore != null)
            {
                return;
            }

            int channels = _engine.ChannelCount;
            EnergyStore store = new EnergyStore(partition, channels);
            store.Open();
            if (store.HasSaved)
            {
                long[] saved = store.SavedMilliUnits;
                for (int k = 0; k < channels; k++)
                {
                    int b = k * MeteringEngine.EnergyRegistersPerChannel;
                    _engine.RestoreEnergy(k, saved[b], saved[b + 1], saved[b + 2], saved[b + 3]);
                }
            }

            _energyStore = store;
            _energyCopy = new long[channels * MeteringEngine.EnergyRegistersPerChannel];
            _energySaver = new BackgroundEnergySaver(store);
            _energySaver.Start();
            _nextEnergySaveMs = _clock.MonotonicMilliseconds + EnergySaveIntervalMilliseconds;
        }

        /// <summary>
        /// Called on the metering thread between blocks: copying the registers there is exact and takes
        /// microseconds; the flash write happens on the saver's thread.
        /// </summary>
        private void SaveEnergyWhenDue()
        {
            long now = _clock.MonotonicMilliseconds;
            if (now < _nextEnergySaveMs)
            {
                return;
            }

            _engine.CopyEnergy(_energyCopy);
            _energySaver.Offer(_energyCopy, now, _clock.UtcNow);

            // After a stall longer than an interval, the schedule restarts from now rather than saving in a burst.
            _nextEnergySaveMs += EnergySaveIntervalMilliseconds;
            if (_nextEnergySaveMs <= now)
            {
                _nextEnergySaveMs = now + EnergySaveIntervalMilliseconds;
            }
        }

        /// <summary>After the metering thread has ended: waits for a save in progress, then writes the freshest counters.</summary>
        private void SaveEnergyOnShutdown()
        {
            if (_energySaver == null)
            {
                return;
            }

            _energySaver.Stop();
            _energySaver = null;
            _engine.CopyEnergy(_energyCopy);
            _energyStore.Save(_energyCopy, _clock.MonotonicMilliseconds, _clock.UtcNow, EnergyStore.ReasonShutdown);
        }

        private void SetRunning(bool running)
        {
            lock (_stateLock)
            {
                _running = running;
            }
        }

        private bool IsRunning()
        {
            lock (_stateLock)
            {
                return _running;
            }
        }

        private void RunMetering()
        {
            // One block buffer for the life of the device: ~20 ms of frames.
            AdcFrontEnd fe = _samples.FrontEnd;
            int frames = fe.SampleRateHz / 50;
            if (frames < 16)
            {
                frames = 16;
            }

            SampleBlock block = new SampleBlock(fe.ChannelsPerFrame, frames);
            bool persist = _energySaver != null;
            while (IsRunning() && _samples.Read(block))
            {
                _engine.Process(block);
                if (persist)
                {
                    SaveEnergyWhenDue();
                }
            }
        }
    }
}
