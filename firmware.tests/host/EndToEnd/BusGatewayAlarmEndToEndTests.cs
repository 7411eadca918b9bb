using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Simulator.Bus;
using Ipenergy.Probe.Tests.Http;
using Ipenergy.Probe.Tests.Snmp;
using Ipenergy.Probe.Tests.Syslog;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.EndToEnd
{
    /// <summary>
    /// Issue 9 item 4 end to end: a gateway process and two slave processes (addresses 2 and 3) on the simulated
    /// RS-485 bus (115200 8E1, 500 ms polls). Slave 3 unplugged at the hub: the gateway's /api/v1/alarms shows an
    /// active critical moduleOffline alarm for module 3, snmptrapd receives eprobeAlarmRaised with source kind
    /// module(5) and index 3, and syslog the RFC 5424 message; slave 2 raises nothing. Replugged: cleared (the
    /// journal, eprobeAlarmCleared). Prints the latency from the unplug to the alarm and from the replug to the clear.
    /// </summary>
    [Collection(AloneCollection.Name)]
    public sealed class BusGatewayAlarmEndToEndTests : IDisposable
    {
        private const string Admin = "admin:admin";
        private const int PollIntervalMs = 500;
        private const string Raised = "OID: .1.3.6.1.4.1.32473.1.2.0.1\t";
        private const string Cleared = "OID: .1.3.6.1.4.1.32473.1.2.0.2\t";

        private readonly ITestOutputHelper _output;
        private readonly string _dir = Directory.CreateTempSubdirectory("eprobe-gw-alarm-").FullName;

        public BusGatewayAlarmEndToEndTests(ITestOutputHelper output)
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

        [Fact]
        public void AnUnpluggedModuleRaisesModuleOfflineOverApiTrapAndSyslogAndClearsWhenReplugged()
        {
            using var hub = new BusHub(new BusLine(115200, SerialParity.Even, 1));
            hub.Start();
            using var slaves = new BusSlaveProcesses(hub, _dir, "ALM", new[] { 11.0, 22.0 });
            using var traps = new SnmpTrapdReceiver();
            using var syslog = new SocatUdpReceiver();
            slaves.WaitForFirstSecond();

            using var gateway = GatewayProcess.Start(hub, _dir, "gw", "GW-A", BusSlaveProcesses.Scenario(1.0),
                "{" + GatewayProcess.BusSettings(2, 3, PollIntervalMs) + ",\"alarms\":{\"syslog\":\"127.0.0.1:" + syslog.Port + "\"}}",
                "--trap-target", "127.0.0.1:" + traps.Port);

            // Both modules answer; a few quiet seconds raise nothing.
            WaitForInfo(gateway, bus => bus.GetProperty("online").EnumerateArray().Count() == 2, 20000);
            gateway.MeasurementsAfter(3);
            Assert.Empty(ModuleAlarms(Alarms(gateway), "active"));

            // Unplug slave 3.
            hub.SetPlugged("ALM-3", false);
            var watch = Stopwatch.StartNew();
            JsonElement root = WaitForAlarms(gateway, r => ModuleAlarms(r, "active").Length == 1, 20000);
            double raiseLatency = watch.Elapsed.TotalSeconds;
            JsonElement active = ModuleAlarms(root, "active").Single();
            Assert.Equal("module", active.GetProperty("source").GetString());
            Assert.Equal(3, active.GetProperty("index").GetInt32());
            Assert.Equal("module 3", active.GetProperty("name").GetString());
            Assert.Equal("critical", active.GetProperty("level").GetString());
            Assert.Equal("polls", active.GetProperty("unit").GetString());
            Assert.Equal(3.0, active.GetProperty("threshold").GetDouble());
            Assert.InRange(active.GetProperty("value").GetDouble(), 3.0, 10.0);
            JsonElement raisedRecord = ModuleAlarms(root, "log").Single(r => r.GetProperty("event").GetString() == "raised");
            Assert.Equal(3, raisedRecord.GetProperty("index").GetInt32());

            // The trap: kind module(5), index 3, name, condition moduleOffline(12), critical(2), value/threshold in polls.
            Assert.True(WaitFor(() => traps.Log.Contains(Raised, StringComparison.Ordinal), 5000), "no eprobeAlarmRaised: " + traps.Log);
            Assert.Matches(Regex.Escape(Raised) + "\\.1\\.3\\.6\\.1\\.4\\.1\\.32473\\.1\\.1\\.5\\.1\\.0 = INTEGER: 5\t"
                + "[^\n]*5\\.2\\.0 = [A-Za-z0-9]+: 3\t[^\n]*5\\.3\\.0 = STRING: \"module 3\"\t[^\n]*5\\.5\\.0 = INTEGER: 2\t"
                + "[^\n]*5\\.7\\.0 = INTEGER: 3\t[^\n]*5\\.8\\.0 = INTEGER: 12\t", traps.Log);
            string messages = WaitForSyslog(syslog, 1, 5000);
            Assert.Matches("<1[0-9]{2}>1 \\S+ GW-A eprobe - raised \\[eprobe@32473 source=\"module\" index=\"3\" "
                + "condition=\"moduleOffline\" level=\"critical\"", messages);
            Assert.Contains("Module 3 'module 3' missed polls", messages);

            // Slave 2 still answers: no alarm for it, and the gateway keeps showing it online.
            Thread.Sleep(2 * PollIntervalMs);
            Assert.Single(ModuleAlarms(Alarms(gateway), "active"));
            Assert.DoesNotContain(ModuleAlarms(Alarms(gateway), "log"), r => r.GetProperty("index").GetInt32() == 2);

            // Replug: cleared at its first answer.
            hub.SetPlugged("ALM-3", true);
            watch.Restart();
            root = WaitForAlarms(gateway, r => ModuleAlarms(r, "active").Length == 0, 20000);
            double clearLatency = watch.Elapsed.TotalSeconds;
            JsonElement[] log = ModuleAlarms(root, "log");
            Assert.Equal(new[] { "cleared", "raised" }, log.Select(r => r.GetProperty("event").GetString()).ToArray());
            Assert.True(WaitFor(() => traps.Log.Contains(Cleared, StringComparison.Ordinal), 5000), "no eprobeAlarmCleared: " + traps.Log);
            Assert.Matches(Regex.Escape(Cleared) + "\\.1\\.3\\.6\\.1\\.4\\.1\\.32473\\.1\\.1\\.5\\.1\\.0 = INTEGER: 5\t", traps.Log);

            _output.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "moduleOffline: unplug -> active in /api/v1/alarms {0:0.00} s (polls every {1} ms, offline after 3 missed, "
                + "evaluated each measured second); replug -> cleared {2:0.00} s; raised value {3} polls",
                raiseLatency, PollIntervalMs, clearLatency, active.GetProperty("value").GetDouble()));
            foreach (JsonElement r in log)
            {
                _output.WriteLine(r.ToString());
            }

            // 3 polls of 500 ms, the response timeouts, and up to one measured second before the engine looks.
            // At best the first miss is the poll right after the unplug and the third 2 periods (1 s) later; the
            // stopwatch starts a moment after the hub took the slave off, hence 0.9 s as the floor (0.96 s seen).
            Assert.InRange(raiseLatency, 0.9, 6.0);
            Assert.InRange(clearLatency, 0.0, 4.0);
        }

        private static JsonElement Alarms(VirtualProbe probe)
        {
            var (status, body) = VirtualProbe.Curl(probe.HttpUrl + "/api/v1/alarms?log=200");
            Assert.True(status == 200, "GET /api/v1/alarms: " + status + " " + body);
            return JsonDocument.Parse(body).RootElement.Clone();
        }

        // The moduleOffline entries of "active" or "log".
        private static JsonElement[] ModuleAlarms(JsonElement root, string list)
        {
            return root.GetProperty(list).EnumerateArray()
                .Where(r => r.GetProperty("condition").GetString() == "moduleOffline").ToArray();
        }

        private static JsonElement WaitForAlarms(VirtualProbe probe, Func<JsonElement, bool> done, int timeoutMs)
        {
            var watch = Stopwatch.StartNew();
            JsonElement last;
            do
            {
                last = Alarms(probe);
                if (done(last))
                {
                    return last;
                }

                Thread.Sleep(50);
            }
            while (watch.ElapsedMilliseconds < timeoutMs);

            throw new TimeoutException("alarms not as expected after " + timeoutMs + " ms: " + last);
        }

        private static void WaitForInfo(VirtualProbe probe, Func<JsonElement, bool> done, int timeoutMs)
        {
            var watch = Stopwatch.StartNew();
            string last = "";
            while (watch.ElapsedMilliseconds < timeoutMs)
            {
                var (status, body) = VirtualProbe.Curl(probe.HttpUrl + "/api/v1/info");
                last = status + " " + body;
                if (status == 200)
                {
                    using JsonDocument info = JsonDocument.Parse(body);
                    if (info.RootElement.TryGetProperty("bus", out JsonElement bus) && bus.TryGetProperty("online", out _) && done(bus))
                    {
                        return;
                    }
                }

                Thread.Sleep(100);
            }

            throw new TimeoutException("bus info not as expected after " + timeoutMs + " ms: " + last);
        }

        private static bool WaitFor(Func<bool> condition, int timeoutMs)
        {
            var watch = Stopwatch.StartNew();
            while (!condition() && watch.ElapsedMilliseconds < timeoutMs)
            {
                Thread.Sleep(50);
            }

            return condition();
        }

        private static string WaitForSyslog(SocatUdpReceiver receiver, int messages, int timeoutMs)
        {
            var text = new StringBuilder();
            var watch = Stopwatch.StartNew();
            while (true)
            {
                long pending = receiver.Pending;
                if (pending > 0)
                {
                    text.Append(Encoding.UTF8.GetString(receiver.Take((int)pending, 1000)));
                }

                int count = Regex.Matches(text.ToString(), "<[0-9]{1,3}>1 ").Count;
                if (count >= messages || watch.ElapsedMilliseconds > timeoutMs)
                {
                    Assert.True(count >= messages, "syslog messages received: " + text);
                    return text.ToString();
                }

                Thread.Sleep(50);
            }
        }
    }
}
