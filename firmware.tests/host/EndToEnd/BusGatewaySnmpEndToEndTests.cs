using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Simulator.Bus;
using Ipenergy.Probe.Tests.Http;
using Ipenergy.Probe.Tests.Snmp;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.EndToEnd
{
    /// <summary>
    /// Three virtual e-Probe processes as bus slaves (addresses 2, 3, 4; each its own scenario: L1 voltage and
    /// channel-1 current) and one as the gateway (scan 1..5, 500 ms cycles) on the simulated RS-485 bus
    /// (115200 8E1). snmpbulkwalk through the GATEWAY's SNMP port reads each slave's row in eprobeModuleTable,
    /// its phase voltages and channel currents, and checks them against the scenario and against the slave's
    /// own /api/v1/measurements (curl). A slave unplugged at the hub turns offline within about 3 polls while the
    /// others keep updating, with a moduleOffline row in eprobeActiveAlarmTable; replugged, it is online again and
    /// the alarm row goes.
    /// </summary>
    [Collection(AloneCollection.Name)]
    public sealed class BusGatewaySnmpEndToEndTests : IDisposable
    {
        private const string Admin = "admin:admin";
        private const int PollIntervalMs = 500;
        private const string Objects = ".1.3.6.1.4.1.32473.1.1";
        private const string Bus = Objects + ".8";
        private const string Module = Objects + ".9.1";
        private const string ModulePhase = Objects + ".10.1";
        private const string ModuleChannel = Objects + ".11.1";
        private const string ActiveAlarm = Objects + ".6.1";
        private const string Serial = "SNMPBUS-";

        private static readonly int[] Addresses = { 2, 3, 4 };
        private static readonly double[] Volts = { 230.0, 221.0, 239.0 };
        private static readonly double[] Amps = { 11.0, 22.0, 33.0 };

        private readonly ITestOutputHelper _output;
        private readonly string _dir = Directory.CreateTempSubdirectory("eprobe-gw-snmp-").FullName;

        public BusGatewaySnmpEndToEndTests(ITestOutputHelper output)
        {
            _output = output;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(_dir, true);
            }
            catch (IOException)
            {
                // Left in /tmp: harmless.
            }
        }

        /// <summary>MPP3 at <paramref name="volts"/> on L1 (230 V on L2, L3), channel 1 on L1 carrying <paramref name="amps"/>.</summary>
        private static string Scenario(double volts, double amps)
        {
            return "{\"model\":\"MPP3\",\"frequencyHz\":50.0,\"adc\":{\"bits\":12,\"noiseRmsLsb\":0.5,\"seed\":1},"
                + "\"phases\":{\"L1\":{\"vrms\":" + volts.ToString(CultureInfo.InvariantCulture) + ",\"angleDeg\":0},"
                + "\"L2\":{\"vrms\":230,\"angleDeg\":-120},\"L3\":{\"vrms\":230,\"angleDeg\":120}},"
                + "\"channels\":[{\"channel\":1,\"phase\":\"L1\",\"ctRatedA\":100,\"irms\":" + amps.ToString(CultureInfo.InvariantCulture)
                + ",\"angleDeg\":-10}]}";
        }

        [Fact]
        public void SnmpwalkThroughTheGatewayReadsEachSlaveAndSeesAnUnpluggedOneGoOffline()
        {
            using var hub = new BusHub(new BusLine(115200, SerialParity.Even, 1));
            hub.Start();
            var slaves = new List<VirtualProbe>();
            try
            {
                for (int i = 0; i < Addresses.Length; i++)
                {
                    string a = Addresses[i].ToString(CultureInfo.InvariantCulture);
                    string scenario = Path.Combine(_dir, "slave" + a + ".json");
                    File.WriteAllText(scenario, Scenario(Volts[i], Amps[i]));
                    slaves.Add(new VirtualProbe("--scenario", scenario, "--data-dir", Path.Combine(_dir, "slave" + a), "--serial", Serial + a,
                        "--bus", "127.0.0.1:" + hub.NodePort, "--bus-address", a));
                }

                foreach (VirtualProbe slave in slaves)
                {
                    slave.MeasurementsAfter(1.0);
                }

                Run(hub, slaves);
            }
            finally
            {
                foreach (VirtualProbe slave in slaves)
                {
                    slave.Dispose();
                }
            }
        }

        private void Run(BusHub hub, List<VirtualProbe> slaves)
        {
            using var gateway = GatewayProcess.Start(hub, _dir, "gw", "GW-SNMP", Scenario(230.0, 1.0),
                "{" + GatewayProcess.BusSettings(1, 5, PollIntervalMs) + "}");
            Assert.True(gateway.SnmpPort > 0, "the gateway printed no snmp udp:// line");
            // The site totals include the gateway's own second: wait for it (under load the first comes late).
            gateway.MeasurementsAfter(1.0);
            string target = "127.0.0.1:" + gateway.SnmpPort;

            // 1. Every slave online in eprobeModuleTable, the empty addresses 1 and 5 unknown(1).
            Dictionary<string, string> modules = WaitFor(target, Module + ".2", 30000,
                m => Addresses.All(a => Value(m, Module + ".2." + a) == "2") && Value(m, Module + ".2.1") == "1" && Value(m, Module + ".2.5") == "1");
            Dictionary<string, string> table = Walk(target, Module);

            // The same table with plain snmpwalk (GETNEXT, one object a request): the same cells, the same identities.
            Dictionary<string, string> walked = Walk(target, Module, "snmpwalk");
            Assert.Equal(table.Keys.OrderBy(k => k, StringComparer.Ordinal), walked.Keys.OrderBy(k => k, StringComparer.Ordinal));
            foreach (int a in Addresses)
            {
                Assert.Equal(Value(table, Module + ".4." + a), Value(walked, Module + ".4." + a));
            }
            foreach (int a in Addresses)
            {
                // Identity from the module's identity block (read on its first poll).
                Assert.Equal("\"" + Serial + a + "\"", Value(table, Module + ".4." + a));
                Assert.Equal("\"MPP3\"", Value(table, Module + ".3." + a));
                Assert.Equal("3", Value(table, Module + ".8." + a));
                Assert.InRange(long.Parse(Value(table, Module + ".9." + a), CultureInfo.InvariantCulture), 0, 15);
            }

            Assert.False(table.ContainsKey(Module + ".8.1"), "a channel count for address 1, where nothing answers");
            Assert.False(table.ContainsKey(Module + ".4.1"), "a serial number for address 1, where nothing answers");
            Assert.True(long.Parse(Value(table, Module + ".17.1"), CultureInfo.InvariantCulture) > 0, "no timeout counted for address 1");
            Dictionary<string, string> bus = Walk(target, Bus);
            Assert.Equal("3", Value(bus, Bus + ".1.0"));
            Assert.Equal("5", Value(bus, Bus + ".3.0"));
            Assert.Equal("3", Value(bus, Bus + ".4.0"));
            Assert.Equal("0", Value(bus, Bus + ".5.0"));

            // Site totals: the gateway (1 A on L1) and the 3 slaves online; L1 current in 0.01 A.
            Assert.Equal("4", Value(bus, Bus + ".6.0"));
            double siteL1 = double.Parse(Value(bus, Bus + ".12.0"), CultureInfo.InvariantCulture) / 100.0;
            _output.WriteLine("site L1 current " + siteL1 + " A");
            Assert.InRange(siteL1, (1.0 + Amps.Sum()) * 0.99, (1.0 + Amps.Sum()) * 1.01);

            // 2. Each slave's L1 voltage and channel-1 current through the gateway: the scenario's, and its own
            // /api/v1/measurements' (same steady signal, read a moment apart).
            Dictionary<string, string> phases = Walk(target, ModulePhase + ".2");
            Dictionary<string, string> channels = Walk(target, ModuleChannel + ".2");
            Assert.Equal(Addresses.Length * 3, phases.Count);
            Assert.Equal(Addresses.Length * 3, channels.Count);
            for (int i = 0; i < Addresses.Length; i++)
            {
                int a = Addresses[i];
                double volts = double.Parse(Value(phases, ModulePhase + ".2." + a + ".1"), CultureInfo.InvariantCulture) / 10.0;
                double amps = double.Parse(Value(channels, ModuleChannel + ".2." + a + ".1"), CultureInfo.InvariantCulture) / 1000.0;
                JsonElement own = JsonDocument.Parse(VirtualProbe.Curl(slaves[i].HttpUrl + "/api/v1/measurements").Body).RootElement;
                double ownVolts = own.GetProperty("phases")[0].GetProperty("vrms").GetDouble();
                double ownAmps = own.GetProperty("channels")[0].GetProperty("irms").GetDouble();
                _output.WriteLine("module " + a + ": SNMP " + volts + " V " + amps + " A; its own API " + ownVolts + " V " + ownAmps + " A");
                Assert.InRange(volts, Volts[i] * 0.99, Volts[i] * 1.01);
                Assert.InRange(amps, Amps[i] * 0.99, Amps[i] * 1.01);
                Assert.InRange(volts, ownVolts - 0.5, ownVolts + 0.5);
                Assert.InRange(amps, ownAmps * 0.99 - 0.01, ownAmps * 1.01 + 0.01);
            }

            // 3. Unplug module 3: offline(3) within about 3 polls; modules 2 and 4 keep updating (poll counters go
            // on, their age stays below a second and a half).
            long cycleMs = long.Parse(Value(Walk(target, Bus + ".2"), Bus + ".2.0"), CultureInfo.InvariantCulture);
            Dictionary<string, string> before = Walk(target, Module + ".15");
            hub.SetPlugged(Serial + "3", false);
            var watch = Stopwatch.StartNew();
            WaitFor(target, Module + ".2", 20000, m => Value(m, Module + ".2.3") == "3");
            double offlineAfter = watch.Elapsed.TotalSeconds;
            _output.WriteLine("module 3 offline " + offlineAfter.ToString("0.000", CultureInfo.InvariantCulture) + " s after unplugging; last cycle "
                + cycleMs + " ms");

            // 3 missed polls: a cycle is the 500 ms period, or more when the empty addresses' timeouts overrun it.
            Assert.True(offlineAfter < 3 * 1.2 + 0.5, "offline only after " + offlineAfter + " s");
            Thread.Sleep(2000);
            Dictionary<string, string> after = Walk(target, Module);
            foreach (int a in new[] { 2, 4 })
            {
                long polls0 = long.Parse(Value(before, Module + ".15." + a), CultureInfo.InvariantCulture);
                long polls1 = long.Parse(Value(after, Module + ".15." + a), CultureInfo.InvariantCulture);
                Assert.True(polls1 >= polls0 + 3, "module " + a + " polls " + polls0 + " -> " + polls1);
                Assert.Equal("2", Value(after, Module + ".2." + a));
                Assert.InRange(long.Parse(Value(after, Module + ".9." + a), CultureInfo.InvariantCulture), 0, 15);
            }

            Assert.Equal("1", Value(after, Module + ".21.3"));
            Assert.True(long.Parse(Value(after, Module + ".9.3"), CultureInfo.InvariantCulture) >= 15, "module 3's age did not grow");
            Assert.True(long.Parse(Value(after, Module + ".17.3"), CultureInfo.InvariantCulture) >= 3, "module 3's timeouts not counted");
            Dictionary<string, string> busAfter = Walk(target, Bus);
            Assert.Equal("2", Value(busAfter, Bus + ".4.0"));
            Assert.Equal("1", Value(busAfter, Bus + ".5.0"));

            // The offline module keeps its last values (rows stay, the status says they are old).
            Assert.InRange(double.Parse(Value(Walk(target, ModuleChannel + ".2"), ModuleChannel + ".2.3.1"), CultureInfo.InvariantCulture) / 1000.0,
                Amps[1] * 0.99, Amps[1] * 1.01);

            // The gateway's alarm: a row of eprobeActiveAlarmTable with source module(5), index 3, moduleOffline(12).
            Dictionary<string, string> alarms = WaitFor(target, ActiveAlarm, 10000, m => ModuleAlarm(m, 3) != null);
            string id = ModuleAlarm(alarms, 3);
            Assert.Equal("12", Value(alarms, ActiveAlarm + ".5." + id));

            // 4. Replugged: online again, and the alarm is cleared (not latching: its row goes).
            hub.SetPlugged(Serial + "3", true);
            WaitFor(target, Module + ".2", 20000, m => Value(m, Module + ".2.3") == "2");
            WaitFor(target, ActiveAlarm, 10000, m => ModuleAlarm(m, 3) == null);
        }

        // Walks repeatedly until done(cells) or the time is up (then the test fails with the last walk).
        private Dictionary<string, string> WaitFor(string target, string root, int timeoutMs, Func<Dictionary<string, string>, bool> done)
        {
            var watch = Stopwatch.StartNew();
            Dictionary<string, string> cells;
            while (true)
            {
                cells = Walk(target, root);
                if (done(cells))
                {
                    return cells;
                }

                if (watch.ElapsedMilliseconds > timeoutMs)
                {
                    Assert.Fail("not reached within " + timeoutMs + " ms; last walk of " + root + ":\n"
                        + string.Join("\n", cells.Select(p => p.Key + " = " + p.Value)));
                }

                Thread.Sleep(100);
            }
        }

        // snmpbulkwalk (or snmpwalk) -On of root: numeric name -> value (type prefix removed).
        private Dictionary<string, string> Walk(string target, string root, string tool = "snmpbulkwalk")
        {
            NetSnmpTool.Result r = tool == "snmpbulkwalk"
                ? NetSnmpTool.Run(tool, "-v2c", "-c", "public", "-On", "-m", "", "-r", "1", "-t", "3", "-Cr25", target, root)
                : NetSnmpTool.Run(tool, "-v2c", "-c", "public", "-On", "-m", "", "-r", "1", "-t", "3", target, root);
            Assert.True(r.ExitCode == 0 && r.Error.Trim().Length == 0, tool + " " + root + ": " + r.All);
            var cells = new Dictionary<string, string>();
            foreach (string line in NetSnmpTool.Lines(r.Output))
            {
                int eq = line.IndexOf(" = ", StringComparison.Ordinal);
                if (eq < 0)
                {
                    continue;
                }

                string value = line.Substring(eq + 3);
                int colon = value.IndexOf(": ", StringComparison.Ordinal);
                cells[line.Substring(0, eq)] = colon >= 0 ? value.Substring(colon + 2) : value;
            }

            return cells;
        }

        // The id (index) of the active alarm whose source is module address, or null.
        private static string ModuleAlarm(Dictionary<string, string> alarms, int address)
        {
            foreach (KeyValuePair<string, string> cell in alarms)
            {
                if (cell.Key.StartsWith(ActiveAlarm + ".2.", StringComparison.Ordinal) && cell.Value == "5")
                {
                    string id = cell.Key.Substring((ActiveAlarm + ".2.").Length);
                    if (Value(alarms, ActiveAlarm + ".3." + id) == address.ToString(CultureInfo.InvariantCulture))
                    {
                        return id;
                    }
                }
            }

            return null;
        }

        private static string Value(Dictionary<string, string> cells, string name)
        {
            return cells.TryGetValue(name, out string v) ? v : null;
        }
    }
}
