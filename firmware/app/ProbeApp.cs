using System.Threading;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Metering.Chip;
using Ipenergy.Probe.Protocols.Http;
using Ipenergy.Probe.Protocols.Modbus;
using Ipenergy.Probe.Protocols.Modbus.Maps;
using Ipenergy.Probe.Protocols.Discovery;
using Ipenergy.Probe.Protocols.Snmp;
using Ipenergy.Probe.Protocols.Snmp.Mib;
using Ipenergy.Probe.Protocols.Sntp;
using Ipenergy.Probe.Storage;

namespace Ipenergy.Probe.App
{
    /// <summary>
    /// Composition root: wires the metering engine and the services to the HAL the board (or the
    /// simulator) provides. The device's Program and the virtual e-Probe both go through here.
    /// </summary>
    public sealed class ProbeApp : IMeasurementSource
    {
        /// <summary>Device time between two saves of the energy counters (storage/README.md: endurance arithmetic).</summary>
        public const long DefaultEnergySaveIntervalMilliseconds = 60000;

        private readonly ISampleSource _samples;
        private readonly ISettableClock _clock;
        private readonly IFlashStorage _flash;
        private readonly ConfigService _config;
        private readonly HistoryService _history;
        private readonly SntpClient _sntp;
        private readonly object _engineLock = new object();
        private Thread _servicesThread;
        private readonly SnapshotQueue _published;
        private EnergyStore _energyStore;
        private BackgroundEnergySaver _energySaver;
        private long[] _energyCopy;
        private long _nextEnergySaveMs;
        private MeteringEngine _engine;    // the sample path; null when the chips meter
        private readonly ChipMeter _chips;  // the metering-IC path; null when the engine meters
        private IMeter _meter;              // whichever meters (under _engineLock)
        private readonly HttpServer _http;
        private readonly ModbusTcpServer _modbus;
        private readonly ModbusPduProcessor _modbusUnit;
        private readonly ProbeOptions _options;
        private readonly SnmpAgent _snmp;
        private readonly DiscoveryAnswer _discoveryAnswer;
        private readonly DiscoveryResponder _discovery;
        private readonly UserAccounts _accounts;
        private readonly SnmpTrapSender _traps;
        private readonly SnmpMessageProcessor _snmpMessages;
        private readonly DeviceIdentity _identity;
        private readonly InfoEndpoint _info;
        private readonly ModulesEndpoint _modulesEndpoint;
        private readonly ModuleMeasurementsEndpoint _moduleMeasurements;
        private readonly MetricsEndpoint _metrics;
        private readonly AlarmService _alarms;
        private readonly BusService _bus;
        private readonly GatewayService _gateway;
        private readonly PanelService _panel;
        private readonly PanelEndpoint _panelImage = new PanelEndpoint();
        private readonly PanelKeysEndpoint _panelKeys = new PanelKeysEndpoint();
        private Thread _meteringThread;
        private readonly object _stateLock = new object();
        private bool _running;

        /// <summary>An e-Probe without persistent storage (unit tests): counters start at zero and are not saved.</summary>
        public ProbeApp(ISampleSource samples, IClock clock, MeterConfig config, string bindAddress, int httpPort)
            : this(samples, clock, config, bindAddress, httpPort, null)
        {
        }

        /// <summary>An e-Probe on the board's flash (null: no persistence), without time server, default admin password.</summary>
        public ProbeApp(ISampleSource samples, IClock clock, MeterConfig config, string bindAddress, int httpPort, IFlashStorage flash)
            : this(samples, clock, config, bindAddress, httpPort, flash, new string[0], new SingleUserCredentials(DefaultAdminUser, DefaultAdminPassword))
        {
        }

        /// <summary>
        /// The whole e-Probe. <paramref name="config"/> is the fallback used when the flash holds no
        /// configuration; <paramref name="ntpServers"/> ("host:port") add to those of the configuration.
        /// </summary>
        public ProbeApp(ISampleSource samples, IClock clock, MeterConfig config, string bindAddress, int httpPort,
            IFlashStorage flash, string[] ntpServers, ICredentialCheck credentials)
            : this(samples, clock, config, bindAddress, httpPort, ModbusOff, flash, ntpServers, credentials)
        {
        }

        /// <summary>
        /// The whole e-Probe with its Modbus-TCP server on <paramref name="modbusPort"/> (0 = any free
        /// port, negative = no Modbus server).
        /// </summary>
        public ProbeApp(ISampleSource samples, IClock clock, MeterConfig config, string bindAddress, int httpPort,
            int modbusPort, IFlashStorage flash, string[] ntpServers, ICredentialCheck credentials)
            : this(samples, clock, config, flash, credentials, Options(bindAddress, httpPort, modbusPort, ntpServers))
        {
        }

        /// <summary>
        /// The whole e-Probe. <paramref name="config"/> is the fallback used when the flash holds no
        /// configuration; <paramref name="options"/> says where the services listen and who the device is.
        /// </summary>
        public ProbeApp(ISampleSource samples, IClock clock, MeterConfig config, IFlashStorage flash,
            ICredentialCheck credentials, ProbeOptions options)
        {
            _samples = samples;
            _options = options;
            _published = new SnapshotQueue(options.SecondsQueued > 0 ? options.SecondsQueued : 1);
            ISettableClock settable = clock as ISettableClock;
            _clock = settable != null ? settable : new SettableClockAdapter(clock);
            _flash = flash;
            EnergySaveIntervalMilliseconds = DefaultEnergySaveIntervalMilliseconds;
            _config = new ConfigService(flash, config);
            MeterConfig current = _config.Current;
            _configuredSaveIntervalS = current.History.EnergySaveIntervalS;
            EnergySaveIntervalMilliseconds = _configuredSaveIntervalS * 1000L;
            // The metering ICs meter when the board has them (the ADC source is then not read); the engine otherwise.
            if (options.MeteringChips != null)
            {
                _chips = new ChipMeter(current, options.MeteringChips, _clock);
                _meter = _chips;
            }
            else
            {
                _engine = new MeteringEngine(current, samples.FrontEnd, _clock);
                _meter = _engine;
            }

            _history = new HistoryService(flash, current.Channels.Length, current, _clock);
            _identity = new DeviceIdentity(DeviceIdentity.ModelForChannels(current.Channels.Length), "", FirmwareVersion,
                options.SerialNumber);

            string[] servers = MergeServers(options.NtpServers, current.History.NtpServers);
            _sntp = servers.Length > 0 ? new SntpClient(_clock, servers) : null;

            // Users, roles and sessions over the configuration's users when the board gives a random source;
            // the credentials passed in otherwise (unit tests, and the legacy single-admin constructors).
            _accounts = options.RandomSource != null ? new UserAccounts(_config, options.RandomSource, _clock) : null;
            _info = new InfoEndpoint(_identity, _config, _clock);
            _modulesEndpoint = new ModulesEndpoint(this);
            _moduleMeasurements = new ModuleMeasurementsEndpoint();
            _alarms = new AlarmService(flash, _config, options.SerialNumber);
            _metrics = Metrics(_alarms.Journal);
            IHttpEndpoint[] endpoints = new IHttpEndpoint[]
            {
                new MeasurementsEndpoint(this, _clock),
                new HistoryEndpoint(_history, _clock),
                new BillingEndpoint(_history),
                new PueEndpoint(_history, _clock),
                new ConfigEndpoint(_config, _config),
                new ConfigResetEndpoint(_config, _config),
                _info,
                new AlarmsEndpoint(_alarms.Journal, _config),
                new AlarmAcknowledgeEndpoint(_alarms.Journal, _config, _clock),
                _metrics,
                _modulesEndpoint,
                _moduleMeasurements,
                _panelImage,
                _panelKeys,
                new StaticAssetEndpoint("/", WebAssets.IndexHtml),
                new StaticAssetEndpoint("/index.html", WebAssets.IndexHtml),
                new StaticAssetEndpoint("/app.js", WebAssets.AppJs),
                new StaticAssetEndpoint("/app.css", WebAssets.AppCss),
                _accounts != null ? new SessionEndpoint(_accounts) : null,
                _accounts != null ? new PasswordEndpoint(_accounts) : null,
                _accounts != null ? new UsersEndpoint(_accounts) : null,
            };
            endpoints = WithoutNulls(endpoints);
            _http = _accounts != null
                ? new HttpServer(endpoints, options.BindAddress, options.HttpPort, _accounts)
                : new HttpServer(endpoints, credentials, options.BindAddress, options.HttpPort);

            // The configuration can switch Modbus off (modbus.enabled); the port comes from the board or
            // the simulator's options. Unit id, write lock and the map follow configuration changes.
            if (options.ModbusPort >= 0 && current.Modbus.Enabled)
            {
                _modbusUnit = new ModbusPduProcessor(CreateRegisterMap(current),
                    new ModbusDeviceIdentification(_identity.Model, FirmwareVersion));
                ConfigureModbus(current);
                _modbus = new ModbusTcpServer(_modbusUnit, options.BindAddress, options.ModbusPort);
            }

            StoreBusOverrides(options);
            current = _config.Current;

            // RS-485 bus, role slave: the same register map to the gateway (gateway role: not wired yet).
            if (options.BusPort != null && current.Bus.Role == BusRoles.Slave && options.RandomSource != null)
            {
                ModbusPduProcessor busUnit = new ModbusPduProcessor(CreateRegisterMap(current),
                    new ModbusDeviceIdentification(_identity.Model, FirmwareVersion));
                busUnit.WritesEnabled = current.Modbus.WritesUnlocked;
                _bus = new BusService(options.BusPort, _config, busUnit, options.SerialNumber, options.RandomSource);
            }

            // RS-485 bus, role gateway: polls the modules; Modbus-TCP answers unit id = bus address from its cache.
            if (options.BusPort != null && current.Bus.Role == BusRoles.Gateway)
            {
                _gateway = new GatewayService(options.BusPort, current.Bus);
                ShowModulesOverHttp(_gateway.Modules);
                _alarms.Modules = _gateway.Modules;  // moduleOffline alarm per polled address
                if (_modbusUnit != null)
                {
                    _modbusUnit.Gateway = _gateway.Router;
                }
            }

            // Front panel when the board has a display (the virtual e-Probe's terminal panel); none otherwise.
            if (options.Display != null)
            {
                _panel = new PanelService(options.Display, options.Keypad, options.NetworkStatus, PanelService.ConfigOf(_config),
                    _alarms.Journal, _clock, this);
                _panel.Controller.Modules = _gateway != null ? _gateway.Modules : null;
                _panelImage.Mirror = _panel;   // GET /api/v1/panel, POST /api/v1/panel/keys (404 without a panel)
                _panelKeys.Mirror = _panel;
            }

            // SNMP v1/v2c: communities, trap targets and sysName/Location/Contact follow the configuration
            // in force at each request; snmp.enabled and the port need a restart.
            if (options.SnmpPort >= 0 && current.Snmp.Enabled)
            {
                SysUpTime upTime = new SysUpTime(_clock);
                SnmpCounters counters = new SnmpCounters();
                SnmpSettings settings = new SnmpSettings(_config);
                settings.ExtraTrapTargets = options.TrapTargets;
                IMibSubtree[] standard = StandardMib.CreateSubtrees(_identity, _config, this, upTime, counters,
                    new SnmpAuthenTrapSwitch(settings));
                IMibSubtree[] enterprise = EprobeMib.CreateSubtrees(this, _config, _identity, _clock, _alarms.Journal, Modules);
                _snmpMessages = new SnmpMessageProcessor(new MibTree(Concat(standard, enterprise)), counters,
                    settings, SnmpMessageProcessor.DefaultMaxMessageSize);
                _traps = new SnmpTrapSender(settings, upTime, counters, SnmpMessageProcessor.DefaultMaxMessageSize);
                _snmpMessages.Notifier = _traps;
                _alarms.NotifyThrough(_traps);
                _snmp = new SnmpAgent(_snmpMessages, options.BindAddress, options.SnmpPort);
            }

            // UDP discovery: who this e-Probe is and where it listens, to whoever asks (tools/discovery.md).
            if (options.DiscoveryPort >= 0)
            {
                _discoveryAnswer = new DiscoveryAnswer(_identity, _config, options.NetworkStatus);
                _discovery = new DiscoveryResponder(_discoveryAnswer, _clock,
                    options.DiscoveryBindAddress != null ? options.DiscoveryBindAddress : options.BindAddress, options.DiscoveryPort);
            }
        }

        // The start options may set the module's bus role and address: stored like a change from the API.
        private void StoreBusOverrides(ProbeOptions options)
        {
            BusConfig bus = _config.Current.Bus;
            bool role = options.BusRole >= 0 && options.BusRole != bus.Role;
            bool address = options.BusAddress >= 0 && options.BusAddress != bus.Address;
            if (!role && !address)
            {
                return;
            }

            string json = "{\"bus\":{" + (role ? "\"role\":\"" + BusRoles.Name(options.BusRole) + "\"" : "")
                + (role && address ? "," : "") + (address ? "\"address\":" + options.BusAddress.ToString() : "") + "}}";
            byte[] bytes = Common.AsciiBytes.From(json);
            _config.Apply(bytes, 0, bytes.Length);
        }

        // The gateway's bus modules in the JSON API, /metrics and /api/v1/info (404 / left out otherwise).
        private void ShowModulesOverHttp(IModuleDirectory modules)
        {
            _modulesEndpoint.Directory = modules;
            _moduleMeasurements.Directory = modules;
            _metrics.Modules = modules;
            _info.Modules = modules;
        }

        private MetricsEndpoint Metrics(Storage.Alarms.AlarmJournal alarms)
        {
            MetricsEndpoint metrics = new MetricsEndpoint(this, _config, _identity, _clock);
            metrics.Alarms = alarms;
            metrics.Pue = _history;
            return metrics;
        }

        private static IHttpEndpoint[] WithoutNulls(IHttpEndpoint[] endpoints)
        {
            int n = 0;
            for (int i = 0; i < endpoints.Length; i++)
            {
                if (endpoints[i] != null)
                {
                    n++;
                }
            }

            IHttpEndpoint[] kept = new IHttpEndpoint[n];
            n = 0;
            for (int i = 0; i < endpoints.Length; i++)
            {
                if (endpoints[i] != null)
                {
                    kept[n++] = endpoints[i];
                }
            }

            return kept;
        }

        private static IMibSubtree[] Concat(IMibSubtree[] a, IMibSubtree[] b)
        {
            IMibSubtree[] all = new IMibSubtree[a.Length + b.Length];
            for (int i = 0; i < a.Length; i++)
            {
                all[i] = a[i];
            }

            for (int i = 0; i < b.Length; i++)
            {
                all[a.Length + i] = b[i];
            }

            return all;
        }

        private static ProbeOptions Options(string bindAddress, int httpPort, int modbusPort, string[] ntpServers)
        {
            ProbeOptions options = new ProbeOptions();
            options.BindAddress = bindAddress;
            options.HttpPort = httpPort;
            options.ModbusPort = modbusPort;
            options.NtpServers = ntpServers == null ? new string[0] : ntpServers;
            return options;
        }

        /// <summary>A Modbus port that means "no Modbus server".</summary>
        public const int ModbusOff = -1;

        /// <summary>Firmware version reported to clients (Modbus device identification, MajorMinorRevision).</summary>
        public const string FirmwareVersion = "0.5.0";

        /// <summary>Administrator of the HTTP API until users and roles arrive (issue 7).</summary>
        public const string DefaultAdminUser = "admin";

        /// <summary>Default administrator password (issue 7 forces a change; issue 13 hardens defaults).</summary>
        public const string DefaultAdminPassword = "admin";

        /// <summary>The last completed second of the meter in force (sample engine or metering chips).</summary>
        public MeasurementSnapshot Latest
        {
            get
            {
                return Meter.Latest;
            }
        }

        /// <summary>The meter in force: the sample engine, or the metering chips when the board has them.</summary>
        public IMeter Meter
        {
            get
            {
                lock (_engineLock)
                {
                    return _meter;
                }
            }
        }

        /// <summary>The metering chips' meter (health per chip in Status); null when the sample engine meters.</summary>
        public ChipMeter Chips { get { return _chips; } }

        /// <summary>The HTTP users and sessions; null when the app runs on the credentials it was given.</summary>
        public UserAccounts Accounts { get { return _accounts; } }

        /// <summary>Who the device is: model, firmware version, the board's serial number.</summary>
        public DeviceIdentity Identity { get { return _identity; } }

        /// <summary>The configuration in force (stored one, or the fallback).</summary>
        public MeterConfig Config { get { return _config.Current; } }

        /// <summary>What the boot load of the configuration found.</summary>
        public string ConfigLoadMessage { get { return _config.LoadMessage; } }

        /// <summary>History, billing and PUE records.</summary>
        public HistoryService History { get { return _history; } }

        /// <summary>The SNTP client, null when no time server is configured.</summary>
        public SntpClient Sntp { get { return _sntp; } }

        /// <summary>The sample engine in force; null when the metering chips meter.</summary>
        public MeteringEngine Engine
        {
            get
            {
                lock (_engineLock)
                {
                    return _engine;
                }
            }
        }

        /// <summary>The board's flash, null without persistence (for the services that store config, history, billing).</summary>
        public IFlashStorage Flash { get { return _flash; } }

        /// <summary>The energy counters' store; null without flash or before Start.</summary>
        public EnergyStore EnergyStore { get { return _energyStore; } }

        /// <summary>Device time (IClock.MonotonicMilliseconds) between periodic saves; set before Start.</summary>
        public long EnergySaveIntervalMilliseconds { get; set; }

        // The configuration's history.energySaveIntervalS last applied (a change replaces the interval in force).
        private int _configuredSaveIntervalS;

        /// <summary>Port the HTTP server listens on (the real one when 0 was asked).</summary>
        public int HttpPort { get { return _http.Port; } }

        /// <summary>Port the Modbus-TCP server listens on (the real one when 0 was asked), or <see cref="ModbusOff"/>.</summary>
        public int ModbusPort { get { return _modbus == null ? ModbusOff : _modbus.Port; } }

        /// <summary>Port the SNMP agent listens on (the real one when 0 was asked), or <see cref="ProbeOptions.Off"/>.</summary>
        public int SnmpPort { get { return _snmp == null ? ProbeOptions.Off : _snmp.Port; } }

        /// <summary>Port the discovery responder listens on (the real one when 0 was asked), or <see cref="ProbeOptions.Off"/>.</summary>
        public int DiscoveryPort { get { return _discovery == null ? ProbeOptions.Off : _discovery.Port; } }

        /// <summary>The UDP discovery responder (its counters), null when off.</summary>
        public DiscoveryResponder Discovery { get { return _discovery; } }

        /// <summary>
        /// Sends SNMP notifications (v2c traps and v1 traps) to the configured targets; null when SNMP is off.
        /// The alarms use it for threshold crossings; the app sends coldStart at Start.
        /// </summary>
        public SnmpTrapSender Notifications { get { return _traps; } }

        /// <summary>The SNMP message layer over the whole MIB, null when SNMP is off (diagnostics and benchmarks;
        /// not thread-safe: the agent's thread uses it).</summary>
        public SnmpMessageProcessor SnmpMessages { get { return _snmpMessages; } }

        /// <summary>Alarm journal, engine and outputs.</summary>
        public AlarmService Alarms { get { return _alarms; } }

        /// <summary>The module on the RS-485 bus (role slave); null without a bus port or in another role.</summary>
        public BusService Bus { get { return _bus; } }

        /// <summary>The bus gateway (role gateway); null without a bus port or in another role.</summary>
        public GatewayService Gateway { get { return _gateway; } }

        /// <summary>What the gateway knows of every bus module (status, values, counters); null unless the bus role is gateway.</summary>
        public IModuleDirectory Modules { get { return _gateway != null ? _gateway.Modules : null; } }

        /// <summary>The Modbus-TCP server, null when off.</summary>
        public ModbusTcpServer Modbus { get { return _modbus; } }

        /// <summary>The front panel (also its HTTP mirror), null when the board has no display.</summary>
        public PanelService Panel { get { return _panel; } }

        public void Start()
        {
            RestoreEnergy();
            _history.Open();
            _alarms.Open();
            SetRunning(true);
            _http.Start();
            if (_modbus != null)
            {
                _modbus.Start();
                _info.ModbusPort = _modbus.Port;
            }

            if (_snmp != null)
            {
                _snmp.Start();
                _info.SnmpPort = _snmp.Port;
                _traps.SendColdStart();
            }

            // Last of the servers, so the answers carry the ports really bound.
            if (_discovery != null)
            {
                _discoveryAnswer.HttpPort = _http.Port;
                _discoveryAnswer.ModbusPort = ModbusPort;
                _discoveryAnswer.SnmpPort = SnmpPort;
                _discovery.Start();
                _info.DiscoveryPort = _discovery.Port;
            }

            if (_bus != null)
            {
                _bus.Start();
            }

            if (_bus != null || _gateway != null)
            {
                _info.Bus = new BusStatus(_bus, _gateway);
            }

            if (_gateway != null)
            {
                _gateway.Start();
            }

            _meteringThread = new Thread(RunMetering);
            _meteringThread.Start();
            _servicesThread = new Thread(RunServices);
            _servicesThread.Start();
            if (_panel != null)
            {
                _panel.Start();
            }
            if (_sntp != null)
            {
                _sntp.Start();
            }
        }

        /// <summary>Stops the services; the sample source must be stopped first so the metering loop ends (the chip loop ends by itself).</summary>
        public void Stop()
        {
            SetRunning(false);
            if (_panel != null)
            {
                _panel.Stop();
            }

            if (_sntp != null)
            {
                _sntp.Stop();
            }

            if (_discovery != null)
            {
                _discovery.Stop();
            }

            _http.Stop();
            if (_bus != null)
            {
                _bus.Stop();
            }

            if (_gateway != null)
            {
                _gateway.Stop();
            }

            if (_modbus != null)
            {
                _modbus.Stop();
            }

            if (_snmp != null)
            {
                _snmp.Stop();
                _traps.Close();
            }

            if (_meteringThread != null)
            {
                _meteringThread.Join();
            }

            if (_servicesThread != null)
            {
                _servicesThread.Join();
            }

            _alarms.Close();

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

            int channels = _meter.ChannelCount;
            EnergyStore store = new EnergyStore(partition, channels);
            store.Open();
            if (store.HasSaved)
            {
                long[] saved = store.SavedMilliUnits;
                for (int k = 0; k < channels; k++)
                {
                    int b = k * MeteringEngine.EnergyRegistersPerChannel;
                    _meter.RestoreEnergy(k, saved[b], saved[b + 1], saved[b + 2], saved[b + 3]);
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

            _meter.CopyEnergy(_energyCopy);
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
            _meter.CopyEnergy(_energyCopy);
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
            if (_chips != null)
            {
                RunChipMetering();
                return;
            }

            // One block buffer for the life of the device: ~20 ms of frames.
            AdcFrontEnd fe = _samples.FrontEnd;
            int frames = fe.SampleRateHz / 50;
            if (frames < 16)
            {
                frames = 16;
            }

            SampleBlock block = new SampleBlock(fe.ChannelsPerFrame, frames);
            bool persist = _energySaver != null;
            MeasurementSnapshot last = null;
            while (IsRunning() && _samples.Read(block))
            {
                _engine.Process(block);
                last = AfterMeterStep(_engine.Latest, last, persist);
            }
        }

        // What both metering loops do after each step (a block, a chip poll): hand a new second to the services, save
        // the energy when due, apply a configuration change. Returns the second now handed over.
        private MeasurementSnapshot AfterMeterStep(MeasurementSnapshot latest, MeasurementSnapshot last, bool persist)
        {
            if (latest != last && latest != null)
            {
                last = latest;
                _published.Enqueue(latest);
            }

            if (persist)
            {
                SaveEnergyWhenDue();
            }

            MeterConfig changed = _config.TakePending();
            if (changed != null)
            {
                ApplyConfig(changed);
            }

            return last;
        }

        /// <summary>Chip mode: resets and configures the chips, then polls them once a second on the device clock.</summary>
        private void RunChipMetering()
        {
            _chips.Initialize();
            bool persist = _energySaver != null;
            MeasurementSnapshot last = null;
            long nextPollMs = _clock.MonotonicMilliseconds + ChipPollIntervalMilliseconds;
            while (IsRunning())
            {
                long now = _clock.MonotonicMilliseconds;
                if (now < nextPollMs)
                {
                    // Short sleeps: Stop is seen quickly, and a simulated clock faster than real time is followed.
                    long wait = nextPollMs - now;
                    Thread.Sleep(wait < ChipIdleSleepMilliseconds ? (int)wait : ChipIdleSleepMilliseconds);
                    continue;
                }

                _chips.Poll();
                nextPollMs += ChipPollIntervalMilliseconds;
                if (nextPollMs <= now)
                {
                    nextPollMs = now + ChipPollIntervalMilliseconds;  // after a stall: no burst of polls
                }

                last = AfterMeterStep(_chips.Latest, last, persist);
            }
        }

        /// <summary>Device time between two chip polls: the chips' results are per second.</summary>
        public const long ChipPollIntervalMilliseconds = 1000;

        // Longest wall-clock sleep of the chip loop between two looks at the device clock.
        private const int ChipIdleSleepMilliseconds = 20;

        /// <summary>
        /// On the metering thread between two blocks (two polls): a new engine with the new CTs, calibration and
        /// circuits takes over, carrying every energy register across (the partial window is dropped); the chips
        /// get their new gains and frequency instead, their energy read out first.
        /// </summary>
        private void ApplyConfig(MeterConfig config)
        {
            if (_chips != null)
            {
                _chips.Configure(config);
                ApplyConfigToServices(config);
                return;
            }

            MeteringEngine next = new MeteringEngine(config, _samples.FrontEnd, _clock);
            int channels = next.ChannelCount;
            long[] registers = new long[channels * MeteringEngine.EnergyRegistersPerChannel];
            _engine.CopyEnergy(registers);
            for (int k = 0; k < channels; k++)
            {
                int b = k * MeteringEngine.EnergyRegistersPerChannel;
                next.RestoreEnergy(k, registers[b], registers[b + 1], registers[b + 2], registers[b + 3]);
            }

            lock (_engineLock)
            {
                _engine = next;
                _meter = next;
            }

            ApplyConfigToServices(config);
        }

        private void ApplyConfigToServices(MeterConfig config)
        {
            // A new save interval applies from the next save (the one scheduled stays as it is).
            if (config.History.EnergySaveIntervalS != _configuredSaveIntervalS)
            {
                _configuredSaveIntervalS = config.History.EnergySaveIntervalS;
                EnergySaveIntervalMilliseconds = _configuredSaveIntervalS * 1000L;
            }

            _history.Configure(config);
            if (_modbusUnit != null)
            {
                ConfigureModbus(config);
                _modbusUnit.Map = CreateRegisterMap(config);
            }

            if (_bus != null)
            {
                _bus.Processor.WritesEnabled = config.Modbus.WritesUnlocked;
                _bus.Processor.Map = CreateRegisterMap(config);
            }
        }

        // Feeds every published second, in order, to the history, billing and PUE records, off the
        // metering thread (a flash erase can take hundreds of milliseconds).
        private void RunServices()
        {
            while (IsRunning())
            {
                _published.Wait(200);
                MeasurementSnapshot snapshot;
                while ((snapshot = _published.TryDequeue()) != null)
                {
                    _history.Record(snapshot);
                    _alarms.Evaluate(snapshot);
                }
            }
        }

        // Vendor map (1000), configuration block (3000), SunSpec (40000); the configuration's circuits lay
        // out the SunSpec meters and the vendor circuit region.
        private IRegisterMap CreateRegisterMap(MeterConfig current)
        {
            return ProbeRegisterMap.Create(this, current, new ModbusConfigStore(_config), _clock, _identity,
                current.Modbus.UnitId, _alarms.Journal);
        }

        // Applies modbus.unitId and modbus.writesUnlocked, and lays the map out again when the circuits may
        // have changed. Port and enabled need a restart (the listening socket stays as it is).
        private void ConfigureModbus(MeterConfig config)
        {
            if (_modbusUnit == null)
            {
                return;
            }

            _modbusUnit.UnitId = config.Modbus.UnitId;
            _modbusUnit.WritesEnabled = config.Modbus.WritesUnlocked;
        }

        // The configuration service as the Modbus configuration block sees it.
        private sealed class ModbusConfigStore : IModbusConfigStore
        {
            private readonly ConfigService _service;

            public ModbusConfigStore(ConfigService service)
            {
                _service = service;
            }

            public MeterConfig Current { get { return _service.Current; } }

            public string Apply(byte[] json, int offset, int length)
            {
                return _service.Apply(json, offset, length);
            }
        }

        /// <summary>Seconds the history missed because its queue overflowed (diagnostics).</summary>
        public long HistorySecondsDropped { get { return _published.Dropped; } }

        private static string[] MergeServers(string[] extra, string[] configured)
        {
            int n = (extra == null ? 0 : extra.Length) + (configured == null ? 0 : configured.Length);
            string[] all = new string[n];
            int i = 0;
            if (extra != null)
            {
                for (int j = 0; j < extra.Length; j++)
                {
                    all[i++] = extra[j];
                }
            }

            if (configured != null)
            {
                for (int j = 0; j < configured.Length; j++)
                {
                    all[i++] = configured[j];
                }
            }

            return all;
        }
    }
}
