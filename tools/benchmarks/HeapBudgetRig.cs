using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Ipenergy.Probe.App;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Simulator;
using Ipenergy.Probe.Simulator.Bus;
using Ipenergy.Probe.Simulator.Chips;
using Ipenergy.Probe.Simulator.Panel;

namespace Ipenergy.Probe.Benchmarks
{
    /// <summary>
    /// An e-Probe with every service on, wired as hal-simulator/Program.cs wires the virtual e-Probe: the synthesized
    /// ADC of the built-in room, the simulated clock, the file flash in a temp directory, the OS random source, the
    /// panel's display and keypad, HTTP, Modbus-TCP and SNMP on free ports of 127.0.0.1, a trap receiver, a syslog
    /// receiver and a time server that never answers (local UDP sockets), history, alarms, and the bus GATEWAY role
    /// on a simulated RS-485 hub (115200 8E1) with no module (it polls addresses 1..31 and finds none) or with N MPP18
    /// modules (<see cref="HeapBudgetSlaves"/>), or the SLAVE role on it.
    /// The simulator's objects (the HAL) are built by <see cref="Prepare"/> so that they can be left out of the
    /// figures; <see cref="Construct"/> then builds the ProbeApp.
    /// </summary>
    public sealed class HeapBudgetRig : IDisposable
    {
        private readonly string _dataDir;
        private readonly BusHub _hub;
        private readonly SimulatedSerialPort _busPort;
        private readonly UdpClient _trapSink;
        private readonly UdpClient _syslogSink;
        private readonly UdpClient _silentNtp;
        private readonly Scenario _scenario;

        // The configuration's default bus line (115200 8E1): the gateway sets its port to it.
        private static readonly BusLine Line = new BusLine(115200, SerialParity.Even, 1);
        private readonly HeapBudgetSlaves _modules;

        private HeapBudgetRig(string model, double timeScale, int busRole, int modules, bool chips)
        {
            Model = model;
            BusRole = busRole;
            _scenario = DefaultScenario.Create(model);
            Samples = new WaveformSynthesizer(_scenario, WaveformSynthesizer.DefaultSampleRateHz, timeScale);
            Clock = new SimulatedClock(Samples, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            _dataDir = Directory.CreateTempSubdirectory("eprobe-heap-").FullName;
            Flash = new FileFlashStorage(_dataDir, _scenario.Model ?? model, FlashWriteDelay.Parse("0"));
            Display = new SimulatedDisplay();
            Keypad = new SimulatedKeypad();
            _hub = new BusHub(Line);
            _hub.Start();
            _busPort = new SimulatedSerialPort("127.0.0.1", _hub.NodePort, "GW", Line);
            _modules = modules > 0 ? new HeapBudgetSlaves(_hub, Line, modules, 18) : null;
            Modules = modules;
            _trapSink = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            _syslogSink = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            _silentNtp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            Random = new OsRandomSource();
            Network = new SimulatedNetworkStatus("127.0.0.1", "HEAP-" + model);
            Chips = chips ? new SimulatedMeteringChips(Samples) : null;
            if (!_busPort.WaitConnected(5000))
            {
                throw new InvalidOperationException("the gateway's bus port did not connect to the simulated hub");
            }
        }

        /// <summary>"MPP3" or "MPP18".</summary>
        public string Model { get; }

        /// <summary>MPP18 bus modules answering at addresses 1..Modules (0: an empty bus).</summary>
        public int Modules { get; }

        /// <summary>BusRoles.Gateway (polls an empty bus) or BusRoles.Slave (waits for a gateway that never comes).</summary>
        public int BusRole { get; }

        public WaveformSynthesizer Samples { get; }

        public SimulatedClock Clock { get; }

        public FileFlashStorage Flash { get; }

        public SimulatedDisplay Display { get; }

        public SimulatedKeypad Keypad { get; }

        public OsRandomSource Random { get; }

        public SimulatedNetworkStatus Network { get; }

        /// <summary>The simulated ATM90E32 metering ICs the app meters with (one per 3 channels); null: the ADC sample engine.</summary>
        public SimulatedMeteringChips Chips { get; }

        /// <summary>The app, after <see cref="Construct"/>.</summary>
        public ProbeApp App { get; private set; }

        /// <summary>The simulator's side: everything but the ProbeApp.</summary>
        public static HeapBudgetRig Prepare(string model, double timeScale, int busRole = BusRoles.Gateway, int modules = 0, bool chips = false)
        {
            return new HeapBudgetRig(model, timeScale, busRole, modules, chips);
        }

        /// <summary>The MeterConfig the app falls back to (no configuration in the fresh flash): the room's CTs,
        /// syslog to the local receiver, Modbus and SNMP on as by default.</summary>
        public MeterConfig Config()
        {
            MeterConfig config = MeterConfigFactory.Create(_scenario);
            config.Alarms.Syslog = "127.0.0.1:" + Port(_syslogSink);
            return config;
        }

        /// <summary>Builds the ProbeApp on this HAL (not started).</summary>
        public ProbeApp Construct(MeterConfig config)
        {
            var options = new ProbeOptions
            {
                BindAddress = "127.0.0.1",
                HttpPort = 0,
                ModbusPort = 0,
                SnmpPort = 0,
                TrapTargets = new[] { "127.0.0.1:" + Port(_trapSink) },
                NtpServers = new[] { "127.0.0.1:" + Port(_silentNtp) },
                SerialNumber = "HEAP-" + Model,
                RandomSource = Random,
                BusPort = _busPort,
                BusRole = BusRole,
                Display = Display,
                Keypad = Keypad,
                NetworkStatus = Network,
                MeteringChips = Chips?.Devices,
            };
            App = new ProbeApp(Samples, Clock, config, Flash, null, options);
            return App;
        }

        /// <summary>Waits (wall clock, bounded) until the simulated time reaches <paramref name="seconds"/>.</summary>
        public void RunUntil(double seconds, TimeSpan timeout)
        {
            var wall = System.Diagnostics.Stopwatch.StartNew();
            while (Samples.SimulatedSeconds < seconds)
            {
                if (wall.Elapsed > timeout)
                {
                    throw new TimeoutException("simulated time stuck at " + Samples.SimulatedSeconds.ToString("F1") + " s of " + seconds);
                }

                Thread.Sleep(5);
            }
        }

        /// <summary>Starts the app, then the chips' sampling thread when the app meters with chips (as the virtual e-Probe does).</summary>
        public void Start()
        {
            App.Start();
            Chips?.Start();
        }

        public void Dispose()
        {
            if (Chips != null)
            {
                Chips.Stop();
            }

            Samples.Stop();
            if (App != null)
            {
                App.Stop();
            }

            _busPort.Dispose();
            _modules?.Dispose();
            _hub.Dispose();
            Flash.Dispose();
            _trapSink.Dispose();
            _syslogSink.Dispose();
            _silentNtp.Dispose();
            try
            {
                Directory.Delete(_dataDir, true);
            }
            catch (IOException)
            {
                // A temp dir left behind is harmless.
            }
        }

        private static int Port(UdpClient c)
        {
            return ((IPEndPoint)c.Client.LocalEndPoint).Port;
        }
    }
}
