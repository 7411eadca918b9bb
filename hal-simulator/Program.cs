using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using Ipenergy.Probe.App;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Simulator.Bus;
using Ipenergy.Probe.Simulator.Chips;
using Ipenergy.Probe.Simulator.Panel;

namespace Ipenergy.Probe.Simulator
{
    /// <summary>
    /// The virtual e-Probe (spec: shared/spec/virtual-probe.md): the firmware's ProbeApp on a synthesized ADC
    /// and a simulated clock, until SIGINT/SIGTERM.
    /// </summary>
    public static class Program
    {
        public const int ExitOk = 0;
        public const int ExitStartFailure = 1;
        public const int ExitBadSetup = 2;

        public static int Main(string[] args)
        {
            SimulatorPlan plan;
            try
            {
                plan = SimulatorSetup.Prepare(args);
            }
            catch (SetupException e)
            {
                Console.Error.WriteLine("error: " + e.Message);
                return ExitBadSetup;
            }

            if (plan.Options.Help)
            {
                Console.Out.Write(Usage.Text);
                return ExitOk;
            }

            if (plan.Options.PrintScenario)
            {
                Console.Out.WriteLine(ScenarioWriter.ToJson(plan.Scenario));
                return ExitOk;
            }

            if (plan.Options.BusHubPort >= 0)
            {
                return BusHubMode.Run(plan.Options);
            }

            return Run(plan);
        }

        private static int Run(SimulatorPlan plan)
        {
            SimulatorOptions options = plan.Options;
            using ManualResetEventSlim shutdown = new ManualResetEventSlim(false);
            using PosixSignalRegistration onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => RequestShutdown(c, shutdown));
            using PosixSignalRegistration onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => RequestShutdown(c, shutdown));

            bool tempDataDir = options.DataDir == null;
            string dataDir = tempDataDir ? Directory.CreateTempSubdirectory("eprobe-").FullName : Path.GetFullPath(options.DataDir);
            WaveformSynthesizer samples = new WaveformSynthesizer(plan.Scenario, options.SampleRateHz, options.TimeScale);
            SimulatedClock clock = new SimulatedClock(samples, options.ClockStart ?? DateTime.UtcNow);
            MeterConfig config = MeterConfigFactory.Create(plan.Scenario);
            FileFlashStorage flash;
            try
            {
                flash = new FileFlashStorage(dataDir, plan.Scenario.Model, FlashWriteDelay.FromEnvironment());
            }
            catch (Exception e)
            {
                Console.Error.WriteLine("error: cannot open the simulated flash in " + dataDir + ": " + OneLine(e.Message));
                if (tempDataDir)
                {
                    TryDelete(dataDir);
                }

                return ExitStartFailure;
            }

            ProbeApp app = null;
            string serial = options.SerialNumber ?? DerivedSerial(plan.Scenario.Model, dataDir);
            SimulatedSerialPort busPort = options.Bus == null ? null
                : new SimulatedSerialPort(options.Bus.Host, options.Bus.Port, serial, new BusLine(options.BusBaud, options.BusParity, 1));
            SimulatedDisplay display = options.NoPanel ? null : new SimulatedDisplay();
            SimulatedKeypad keypad = options.NoPanel ? null : new SimulatedKeypad();

            // --front-end atm90e32: the chips consume the samples (and so drive the clock); ProbeApp reads their registers.
            SimulatedMeteringChips chips = options.FrontEnd == SimulatorOptions.FrontEndAtm90e32 ? new SimulatedMeteringChips(samples) : null;
            try
            {
                string password = Environment.GetEnvironmentVariable("EPROBE_ADMIN_PASSWORD");
                var probeOptions = new ProbeOptions
                {
                    BindAddress = options.BindAddress,
                    HttpPort = options.HttpPort,
                    ModbusPort = options.ModbusPort,
                    SnmpPort = options.SnmpPort,
                    DiscoveryPort = options.DiscoveryPort,
                    DiscoveryBindAddress = options.DiscoveryBindAddress,
                    TrapTargets = options.TrapTargets.Select(t => t.ToString()).ToArray(),
                    NtpServers = options.NtpServers.ToArray(),
                    SerialNumber = serial,
                    RandomSource = new OsRandomSource(),
                    BusPort = busPort,
                    BusRole = busPort == null ? -1 : (options.BusRole == SimulatorOptions.BusRoleGateway ? BusRoles.Gateway : BusRoles.Slave),
                    BusAddress = busPort != null && options.BusAddress > 0 ? options.BusAddress : -1,
                    Display = display,
                    Keypad = keypad,
                    NetworkStatus = display == null ? null : new SimulatedNetworkStatus(options.BindAddress, serial),
                    MeteringChips = chips?.Devices,
                };
                app = new ProbeApp(samples, clock, config, flash, null, probeOptions);

                // Only while the factory password is in force: a password changed since stays.
                if (!string.IsNullOrEmpty(password))
                {
                    string refused = app.Accounts.SetInitialAdminPassword(password);
                    if (refused != null)
                    {
                        Console.Error.WriteLine("warning: EPROBE_ADMIN_PASSWORD not applied: " + refused);
                    }
                }
                app.Start();
                chips?.Start();
            }
            catch (Exception e)
            {
                // Whatever the firmware threw (a port in use, a bad address): one line, not a stack trace.
                Console.Error.WriteLine("error: cannot start the virtual e-Probe (http on " + Url(options.BindAddress, options.HttpPort) + "): " +
                    OneLine(e.Message));
                StopSampling(samples, chips);
                if (app != null)
                {
                    StopQuietly(app);
                }

                busPort?.Dispose();

                flash.Dispose();
                if (tempDataDir)
                {
                    TryDelete(dataDir);
                }

                return ExitStartFailure;
            }

            // --panel: the terminal shows the panel, so the service lines go to --log or stderr.
            Stream terminal = options.Panel ? Console.OpenStandardOutput() : null;
            StreamWriter logFile = OpenLog(options);
            if (logFile != null)
            {
                Console.SetOut(logFile);
            }
            else if (options.Panel)
            {
                Console.SetOut(Console.Error);
            }

            Console.Out.WriteLine("virtual e-Probe " + plan.Scenario.Model + ": " + plan.ScenarioSource + ", " + options.SampleRateHz +
                " Hz, time-scale " + options.TimeScale.ToString("R", System.Globalization.CultureInfo.InvariantCulture) +
                ", data-dir " + dataDir);
            Console.Out.WriteLine(chips == null
                ? "meter  front end adc: the firmware meters the ADC samples (--front-end atm90e32 for metering ICs)"
                : "meter  front end atm90e32: " + chips.Chips.Length + " simulated ATM90E32 metering IC" + (chips.Chips.Length == 1 ? "" : "s")
                    + " over SPI (one per 3 channels) measure; the firmware reads their registers");
            Console.Out.WriteLine("http   " + Url(options.BindAddress, app.HttpPort));
            Console.Out.WriteLine("config " + app.ConfigLoadMessage);
            Console.Out.WriteLine("serial " + app.Identity.SerialNumber);
            if (app.Sntp != null)
            {
                Console.Out.WriteLine("sntp   " + string.Join(", ", options.NtpServers));
            }
            Console.Out.WriteLine(app.ModbusPort < 0
                ? "modbus off (disabled in the stored configuration: modbus.enabled)"
                : "modbus " + ModbusUrl(options.BindAddress, app.ModbusPort) + " (unit 1)");
            Console.Out.WriteLine(app.SnmpPort < 0
                ? "snmp   off (disabled in the stored configuration: snmp.enabled)"
                : "snmp   " + SnmpUrl(options.BindAddress, app.SnmpPort) + " (v1/v2c, communities from the configuration; default read \"public\")");
            if (app.DiscoveryPort >= 0)
            {
                Console.Out.WriteLine("discovery " + SnmpUrl(options.DiscoveryBindAddress ?? options.BindAddress, app.DiscoveryPort)
                    + " (UDP discovery, tools/discovery.md)");
            }

            if (busPort != null)
            {
                Console.Out.WriteLine(app.Bus != null
                    ? "bus    slave at address " + app.Bus.Address + " on tcp://" + options.Bus + " (" + options.BusBaud + " 8"
                        + Ipenergy.Probe.Hal.SerialParity.Letter(options.BusParity) + "1; 0 = unaddressed, waits for the gateway)"
                    : app.Gateway != null
                        ? "bus    gateway polling " + app.Gateway.ScanFrom + ".." + app.Gateway.ScanTo + " on tcp://" + options.Bus
                            + " every " + app.Gateway.Poller.CycleMs + " ms; Modbus-TCP unit id = bus address"
                        : "bus    joined, no role (stored bus.role is neither slave nor gateway)");
            }

            if (app.SnmpPort >= 0 && options.TrapTargets.Count > 0)
            {
                Console.Out.WriteLine("traps  " + string.Join(", ", options.TrapTargets) + " (coldStart sent; IPv4 targets only)");
            }

            PanelPngWriter png = options.PanelPngDir != null && display != null ? new PanelPngWriter(display, options.PanelPngDir) : null;
            if (png != null)
            {
                Console.Out.WriteLine("panel  " + png.FilePath + " (PNG, updated when the display changes)");
                png.Start();
            }

            TerminalPanel panel = options.Panel && display != null
                ? new TerminalPanel(display, keypad, terminal, "virtual e-Probe " + plan.Scenario.Model + " front panel   "
                    + Url(options.BindAddress, app.HttpPort) + "   serial " + app.Identity.SerialNumber)
                : null;
            Console.Out.WriteLine(display == null ? "panel  none (--no-panel)"
                : "panel  " + (panel != null ? "in this terminal" : "GET " + Url(options.BindAddress, app.HttpPort) + "api/v1/panel (PNG), POST .../panel/keys; --panel shows it here"));
            Console.Out.Flush();
            panel?.Start();
            shutdown.Wait();
            panel?.Stop();
            png?.Stop();

            // The metering loop ends when the source stops; then the services close.
            // ProbeApp.Stop saves the energy counters a last time.
            StopSampling(samples, chips);
            app.Stop();
            busPort?.Dispose();
            flash.Dispose();
            if (tempDataDir)
            {
                TryDelete(dataDir);
            }

            Console.Out.WriteLine("stopped after " + samples.SimulatedSeconds.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) +
                " simulated seconds");
            Console.Out.Flush();
            logFile?.Dispose();
            return ExitOk;
        }

        /// <summary>Ends the sampling: the chips' thread when they meter (it stops the source itself), else the source.</summary>
        private static void StopSampling(WaveformSynthesizer samples, SimulatedMeteringChips chips)
        {
            if (chips != null)
            {
                chips.Stop();
            }
            else
            {
                samples.Stop();
            }
        }

        // --log FILE, appended, flushed line by line; null without --log.
        private static StreamWriter OpenLog(SimulatorOptions options)
        {
            if (options.LogFile == null)
            {
                return null;
            }

            var writer = new StreamWriter(new FileStream(options.LogFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite));
            writer.AutoFlush = true;
            return writer;
        }

        private static void RequestShutdown(PosixSignalContext context, ManualResetEventSlim shutdown)
        {
            context.Cancel = true;   // we stop in order ourselves, then return 0
            shutdown.Set();
        }

        private static string Url(string bindAddress, int port)
        {
            string host = bindAddress.Contains(':') ? "[" + bindAddress + "]" : bindAddress;
            return "http://" + host + ":" + port + "/";
        }

        private static string ModbusUrl(string bindAddress, int port)
        {
            string host = bindAddress.Contains(':') ? "[" + bindAddress + "]" : bindAddress;
            return "tcp://" + host + ":" + port;
        }

        // VP3-/VP18- and 6 hex digits of an FNV-1a hash of the data directory: stable across restarts of one
        // probe, different between probes started side by side (fleet and bus tests).
        private static string DerivedSerial(string model, string dataDir)
        {
            uint hash = 2166136261;
            foreach (char c in dataDir)
            {
                hash = (hash ^ c) * 16777619;
            }

            return "VP" + model.Substring(3) + "-" + (hash & 0xFFFFFF).ToString("X6", System.Globalization.CultureInfo.InvariantCulture);
        }

        private static string SnmpUrl(string bind, int port)
        {
            return "udp://" + (bind.Contains(':') ? "[" + bind + "]" : bind) + ":" + port;
        }

        private static string OneLine(string text)
        {
            return text.Replace("\r", " ").Replace("\n", " ");
        }

        /// <summary>Stops what did start after a failed start; a second failure adds nothing to the first's message.</summary>
        private static void StopQuietly(ProbeApp app)
        {
            try
            {
                app.Stop();
            }
            catch (Exception)
            {
            }
        }

        private static void TryDelete(string dir)
        {
            try
            {
                Directory.Delete(dir, true);
            }
            catch (IOException)
            {
                // A temp dir left behind is harmless.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
