using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Protocols.Http;

namespace Ipenergy.Probe.App
{
    /// <summary>
    /// The configuration in force: loaded from the two flash slots at boot, exported and replaced through
    /// GET/PUT /api/v1/config. A valid new configuration is saved first (a power cut keeps the old one),
    /// then handed to the app, which rebuilds the metering engine between two sample blocks.
    /// </summary>
    public sealed class ConfigService : IConfigStore, IConfigReset, ILiveConfig, IUserDirectory
    {
        private readonly object _lock = new object();
        private readonly ConfigStore _store;
        private readonly ConfigJsonImporter _importer = new ConfigJsonImporter();
        private readonly MeterConfig _factory;
        private MeterConfig _current;
        private MeterConfig _pending;

        /// <summary>
        /// Loads the stored configuration; when the flash holds none (or no config partition exists), the
        /// fallback is in force (the board's defaults; on the virtual e-Probe the scenario's CTs and phases).
        /// </summary>
        public ConfigService(IFlashStorage flash, MeterConfig fallback)
        {
            IFlashPartition partition = flash == null ? null : flash.Partition(FlashPartitionNames.Config);
            _factory = fallback.Clone();
            _current = fallback;
            LoadMessage = "no configuration partition: defaults in force";
            if (partition != null)
            {
                _store = new ConfigStore(partition, fallback.Channels.Length);
                ConfigLoadResult loaded = _store.Load();
                LoadMessage = loaded.Message;
                if (!loaded.IsFactoryDefault)
                {
                    _current = loaded.Config;
                }
            }
        }

        /// <summary>What the boot load found (for the start-up log).</summary>
        public string LoadMessage { get; private set; }

        public MeterConfig Current
        {
            get
            {
                lock (_lock)
                {
                    return _current;
                }
            }
        }

        public void WriteJson(JsonWriter writer)
        {
            ConfigJsonExporter.Export(Current, writer);
        }

        public string Apply(byte[] json, int offset, int length)
        {
            lock (_lock)
            {
                MeterConfig next;
                string error = _importer.Import(json, offset, length, _current, out next);
                if (error != null)
                {
                    return error;
                }

                if (_store != null)
                {
                    error = _store.Save(next);
                    if (error != null)
                    {
                        return error;
                    }
                }

                _current = next;
                _pending = next;
                return null;
            }
        }

        /// <summary>Validates, saves and puts in force a whole configuration (users and passwords: UserAccounts).</summary>
        public string Commit(MeterConfig next)
        {
            string error = ConfigValidator.Validate(next);
            if (error != null)
            {
                return error;
            }

            lock (_lock)
            {
                if (_store != null)
                {
                    error = _store.Save(next);
                    if (error != null)
                    {
                        return error;
                    }
                }

                _current = next;
                _pending = next;
                return null;
            }
        }

        /// <summary>
        /// The board's factory configuration (on the virtual e-Probe: the scenario's CTs) goes in force. The
        /// store's reset first wipes the older slot, so old secrets leave the flash, then the factory
        /// configuration is saved as the newest record.
        /// </summary>
        public string FactoryReset()
        {
            lock (_lock)
            {
                MeterConfig next = _factory.Clone();
                if (_store != null)
                {
                    string error = _store.FactoryReset();
                    if (error == null)
                    {
                        error = _store.Save(next);
                    }

                    if (error != null)
                    {
                        return error;
                    }
                }

                _current = next;
                _pending = next;
                return null;
            }
        }

        /// <summary>The configuration accepted since the last call, or null (the metering thread polls this).</summary>
        public MeterConfig TakePending()
        {
            lock (_lock)
            {
                MeterConfig p = _pending;
                _pending = null;
                return p;
            }
        }
    }
}
