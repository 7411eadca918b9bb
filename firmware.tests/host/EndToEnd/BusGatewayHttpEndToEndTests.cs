using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Simulator.Bus;
using Ipenergy.Probe.Tests.Http;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.EndToEnd
{
    /// <summary>
    /// The bus modules over HTTP, end to end: three virtual e-Probe processes as bus slaves (addresses 2, 3, 4;
    /// channel 1 at 11, 22 and 33 A; slave 2 named "Row 2 left" in "Hall B") and one as the gateway (scan 1..5, 500 ms cycles) on the simulated RS-485
    /// bus (115200 8E1). curl reads the gateway's GET /api/v1/modules (identity, status, totals) and each
    /// module's /api/v1/modules/{a}/measurements, compared with that slave's own /api/v1/measurements;
    /// /metrics passes promtool with the eprobe_bus_* and eprobe_site_* families. A slave unplugged at the hub
    /// is offline within about 3 polls while the other two keep updating; replugged, it is online again.
    /// </summary>
    [Collection(AloneCollection.Name)]
    public sealed class BusGatewayHttpEndToEndTests : IDisposable
    {
        private const string Admin = "admin:admin";
        private const int PollIntervalMs = 500;

        private readonly ITestOutputHelper _output;
        private readonly string _dir = Directory.CreateTempSubdirectory("eprobe-gw-http-").FullName;

        public BusGatewayHttpEndToEndTests(ITestOutputHelper output)
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
        public void ModulesMeasurementsAndMetricsThroughTheGatewayMatchEachSlaveAndAnUnpluggedOneGoesOffline()
        {
            var watch = Stopwatch.StartNew();
            using var hub = new BusHub(new BusLine(115200, SerialParity.Even, 1));
            hub.Start();
            double[] amps = { 11.0, 22.0, 33.0 };
            using var slaves = new BusSlaveProcesses(hub, _dir, "BUS", amps);
            slaves.WaitForFirstSecond();

            // Slave 2's own name and location (its sysName / sysLocation): the gateway reads them over the bus.
            HttpResponseText named = CurlRunner.Fetch("-u", Admin, "-X", "PUT", "-H", "Content-Type: application/json", "-d",
                "{\"snmp\":{\"sysName\":\"Row 2 left\",\"sysLocation\":\"Hall B\"}}", slaves[0].HttpUrl + "/api/v1/config");
            Assert.True(named.Status == 200, "slave config PUT: " + named.Status + " " + named.Body);

            using var gateway = GatewayProcess.Start(hub, _dir, "gw", "GW-1", BusSlaveProcesses.Scenario(1.0),
                "{" + GatewayProcess.BusSettings(1, 5, PollIntervalMs) + "}");
            gateway.MeasurementsAfter(1.0);

            // 1. The list: 2, 3, 4 online with their identity; 1 and 5 (nobody there) only with ?all=1.
            JsonElement list = WaitForModules(gateway, "2,3,4 online with values", l =>
                Statuses(l) == "2:online,3:online,4:online" && l.GetProperty("modules").EnumerateArray().All(m => m.GetProperty("activePowerW").ValueKind == JsonValueKind.Number)
                && l.GetProperty("modules").EnumerateArray().All(m => m.GetProperty("activePowerW").GetDouble() > 1000));
            _output.WriteLine("modules after " + watch.ElapsedMilliseconds + " ms: " + list);
            foreach (JsonElement m in list.GetProperty("modules").EnumerateArray())
            {
                int a = m.GetProperty("address").GetInt32();
                Assert.Equal("MPP3", m.GetProperty("model").GetString());
                Assert.Equal("BUS-" + a, m.GetProperty("serial").GetString());
                Assert.Equal(3, m.GetProperty("channels").GetInt32());
                Assert.InRange(m.GetProperty("ageS").GetDouble(), 0, 3 * PollIntervalMs / 1000.0);
                Assert.True(m.GetProperty("counters").GetProperty("polls").GetInt64() > 0, m.ToString());
            }

            Assert.True(list.GetProperty("cycleS").GetDouble() > 0, list.ToString());
            Assert.Equal("Row 2 left", list.GetProperty("modules")[0].GetProperty("name").GetString());
            Assert.Equal("Hall B", list.GetProperty("modules")[0].GetProperty("location").GetString());
            JsonElement all = Get(gateway.HttpUrl + "/api/v1/modules?all=1");
            Assert.Equal("1:unknown,2:online,3:online,4:online,5:unknown", Statuses(all));

            // 2. Each module through the gateway against the slave's own document: same shape, same values.
            for (int i = 0; i < amps.Length; i++)
            {
                int address = BusSlaveProcesses.FirstAddress + i;
                JsonElement before = Get(slaves[i].HttpUrl + "/api/v1/measurements");
                JsonElement module = Get(gateway.HttpUrl + "/api/v1/modules/" + address + "/measurements");
                JsonElement after = Get(slaves[i].HttpUrl + "/api/v1/measurements");
                Assert.Equal(address, module.GetProperty("address").GetInt32());
                Assert.Equal("online", module.GetProperty("status").GetString());
                Assert.Equal(string.Join(",", MeasurementsJsonAssert.ModuleTopFields), string.Join(",", module.EnumerateObject().Select(p => p.Name)));
                Assert.Equal(3, module.GetProperty("channels").GetArrayLength());
                Assert.Equal(0, module.GetProperty("circuits").GetArrayLength());
                long sequence = module.GetProperty("sequence").GetInt64();
                Assert.InRange(sequence, before.GetProperty("sequence").GetInt64() - 4, after.GetProperty("sequence").GetInt64());
                for (int c = 0; c < 3; c++)
                {
                    foreach (string field in new[] { "irms", "activePowerW", "apparentPowerVA" })
                    {
                        Near(module.GetProperty("channels")[c], before.GetProperty("channels")[c], after.GetProperty("channels")[c], field, 0.01, address);
                    }

                    // Energy only grows: the gateway's copy lies between two readings of the slave a few seconds apart.
                    double energy = module.GetProperty("channels")[c].GetProperty("importEnergyWh").GetDouble();
                    Assert.InRange(energy, 0, after.GetProperty("channels")[c].GetProperty("importEnergyWh").GetDouble());
                }

                Assert.InRange(module.GetProperty("channels")[0].GetProperty("irms").GetDouble(), amps[i] * 0.99, amps[i] * 1.01);
                for (int p = 0; p < 3; p++)
                {
                    Near(module.GetProperty("phases")[p], before.GetProperty("phases")[p], after.GetProperty("phases")[p], "vrms", 0.005, address);
                }

                Near(module, before, after, "frequencyHz", 0.001, address);
            }

            Assert.Equal(404, VirtualProbe.Curl(gateway.HttpUrl + "/api/v1/modules/1/measurements").Status);
            Assert.Equal(404, VirtualProbe.Curl(gateway.HttpUrl + "/api/v1/modules/9/measurements").Status);
            Assert.Equal(400, VirtualProbe.Curl(gateway.HttpUrl + "/api/v1/modules/300/measurements").Status);
            Assert.Equal(404, VirtualProbe.Curl(slaves[0].HttpUrl + "/api/v1/modules").Status);

            // 3. Totals: the gateway's own 1 A plus 11 + 22 + 33 A, all on L1; four modules counted.
            JsonElement totals = Get(gateway.HttpUrl + "/api/v1/modules").GetProperty("totals");
            Assert.Equal(4, totals.GetProperty("modulesCounted").GetInt32());
            Assert.Equal(0, totals.GetProperty("modulesOffline").GetInt32());
            Assert.InRange(totals.GetProperty("phaseCurrentA")[0].GetDouble(), 67 * 0.99, 67 * 1.01);
            Assert.InRange(totals.GetProperty("activePowerW").GetDouble(), 67 * 230 * 0.98 * 0.98, 67 * 230 * 0.98 * 1.02);

            // 4. /metrics: promtool accepts it; a series per module.
            var (metricsStatus, metrics) = VirtualProbe.Curl(gateway.HttpUrl + "/metrics");
            Assert.Equal(200, metricsStatus);
            Promtool.CheckMetrics(metrics);
            for (int a = 2; a <= 4; a++)
            {
                Assert.Contains("\neprobe_bus_module_up{address=\"" + a + "\",serial=\"BUS-" + a + "\"} 1\n", metrics);
                Assert.Contains("\neprobe_bus_module_channel_current_amperes{address=\"" + a + "\",channel=\"1\",phase=\"L1\"} ", metrics);
                Assert.Contains("\neprobe_bus_errors_total{address=\"" + a + "\",kind=\"timeouts\"} ", metrics);
            }

            Assert.Contains("\neprobe_site_modules_counted 4\n", metrics);
            Assert.DoesNotContain("address=\"1\"", metrics);

            // 5. Unplug 3: offline within about 3 polls; 2 and 4 keep updating; the metrics say so.
            long[] sequences = { Sequence(gateway, 2), Sequence(gateway, 4) };
            var unplugged = Stopwatch.StartNew();
            hub.SetPlugged("BUS-3", false);
            JsonElement offline = WaitForModules(gateway, "3 offline", l => Statuses(l) == "2:online,3:offline,4:online");
            double offlineAfter = unplugged.Elapsed.TotalSeconds;
            _output.WriteLine("module 3 offline after " + offlineAfter.ToString("0.000", CultureInfo.InvariantCulture) + " s: " + offline);
            Assert.True(offlineAfter < 3 * 1.2 + 1.0, "offline only after " + offlineAfter + " s");
            JsonElement three = offline.GetProperty("modules")[1];
            Assert.True(three.GetProperty("counters").GetProperty("missedPolls").GetInt64() >= 3, three.ToString());
            Assert.True(three.GetProperty("counters").GetProperty("wentOffline").GetInt64() >= 1, three.ToString());
            Assert.Equal(1, offline.GetProperty("totals").GetProperty("modulesOffline").GetInt32());
            Assert.Equal(3, offline.GetProperty("totals").GetProperty("modulesCounted").GetInt32());
            JsonElement stale = Get(gateway.HttpUrl + "/api/v1/modules/3/measurements");
            Assert.Equal("offline", stale.GetProperty("status").GetString());
            Assert.InRange(stale.GetProperty("channels")[0].GetProperty("irms").GetDouble(), 22 * 0.99, 22 * 1.01);

            Thread.Sleep(2500);
            Assert.True(Sequence(gateway, 2) > sequences[0], "module 2 stopped updating");
            Assert.True(Sequence(gateway, 4) > sequences[1], "module 4 stopped updating");
            var (_, offlineMetrics) = VirtualProbe.Curl(gateway.HttpUrl + "/metrics");
            Promtool.CheckMetrics(offlineMetrics);
            Assert.Contains("\neprobe_bus_module_up{address=\"3\",serial=\"BUS-3\"} 0\n", offlineMetrics);
            Assert.Contains("\neprobe_site_modules_offline 1\n", offlineMetrics);
            _output.WriteLine(string.Join("\n", offlineMetrics.Split('\n').Where(l => l.StartsWith("eprobe_bus_errors_total", StringComparison.Ordinal)
                || l.StartsWith("eprobe_bus_polls_total", StringComparison.Ordinal) || l.StartsWith("eprobe_bus_cycle", StringComparison.Ordinal))));
            using (JsonDocument info = JsonDocument.Parse(VirtualProbe.Curl(gateway.HttpUrl + "/api/v1/info").Body))
            {
                JsonElement counters = info.RootElement.GetProperty("bus").GetProperty("counters");
                _output.WriteLine("info bus counters: " + counters);
                Assert.True(counters.GetProperty("timeouts").GetInt64() >= 3, counters.ToString());
            }

            // 6. Replugged: online again.
            hub.SetPlugged("BUS-3", true);
            WaitForModules(gateway, "3 back online", l => Statuses(l) == "2:online,3:online,4:online");
            _output.WriteLine("whole test " + watch.ElapsedMilliseconds + " ms");
        }

        private static JsonElement Get(string url)
        {
            var (status, body) = VirtualProbe.Curl(url);
            Assert.True(status == 200, url + ": " + status + " " + body);
            return JsonDocument.Parse(body).RootElement.Clone();
        }

        private static string Statuses(JsonElement list)
        {
            return string.Join(",", list.GetProperty("modules").EnumerateArray()
                .Select(m => m.GetProperty("address").GetInt32() + ":" + m.GetProperty("status").GetString()));
        }

        private static long Sequence(VirtualProbe gateway, int address)
        {
            return Get(gateway.HttpUrl + "/api/v1/modules/" + address + "/measurements").GetProperty("sequence").GetInt64();
        }

        private static JsonElement WaitForModules(VirtualProbe gateway, string what, Func<JsonElement, bool> done)
        {
            var watch = Stopwatch.StartNew();
            JsonElement last = default;
            while (watch.ElapsedMilliseconds < 30000)
            {
                var (status, body) = VirtualProbe.Curl(gateway.HttpUrl + "/api/v1/modules");
                if (status == 200)
                {
                    last = JsonDocument.Parse(body).RootElement.Clone();
                    if (done(last))
                    {
                        return last;
                    }
                }

                Thread.Sleep(100);
            }

            Assert.Fail("GET /api/v1/modules: not " + what + " within 30 s; last " + last);
            return last;
        }

        // The gateway's value within the slave's values read just before and just after (noise), widened by a relative tolerance.
        private static void Near(JsonElement gateway, JsonElement before, JsonElement after, string field, double tolerance, int address)
        {
            double g = gateway.GetProperty(field).GetDouble();
            double a = before.GetProperty(field).GetDouble();
            double b = after.GetProperty(field).GetDouble();
            double lo = Math.Min(a, b), hi = Math.Max(a, b);
            double slack = Math.Max(Math.Abs(hi), 0.01) * tolerance;
            Assert.True(g >= lo - slack && g <= hi + slack,
                "module " + address + " " + field + ": gateway " + g + ", slave " + a + " .. " + b);
        }
    }
}
