using System;
using System.Linq;
using System.Text.Json;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Protocols.Http;
using Ipenergy.Probe.Tests.Unit.TestDoubles;
using Xunit;

namespace Ipenergy.Probe.Tests.Http
{
    /// <summary>
    /// The gateway's module routes through real curl against an in-process server over a FakeModuleDirectory
    /// (addresses 1..5: 2 online MPP3, 3 offline MPP3, 4 online MPP18, 1 and 5 never answered): GET
    /// /api/v1/modules (seen modules, ?all=1, totals), /api/v1/modules/{a}/measurements (document, 400, 404),
    /// /api/v1/info "bus" counters, /metrics bus and site families through promtool; and 404 everywhere on a
    /// module that is not a gateway.
    /// </summary>
    public sealed class ModulesEndpointCurlTests : IDisposable
    {
        private readonly FakeMeasurementSource _local = new FakeMeasurementSource(HandMadeSnapshots.Make(3));
        private readonly FakeModuleDirectory _modules = ModuleFixtures.Directory();
        private readonly MetricsTestClock _clock = new MetricsTestClock();
        private readonly ModulesEndpoint _list;
        private readonly ModuleMeasurementsEndpoint _measurements;
        private readonly MetricsEndpoint _metrics;
        private readonly HttpServer _server;
        private readonly string _base;

        public ModulesEndpointCurlTests()
        {
            _clock.Now = _local.Latest.Timestamp.AddSeconds(1);
            _list = new ModulesEndpoint(_local) { Directory = _modules };
            _measurements = new ModuleMeasurementsEndpoint { Directory = _modules };
            _metrics = MetricsEndpointTests.Endpoint(_local, _clock);
            _metrics.Modules = _modules;
            var info = new InfoEndpoint(new DeviceIdentity("MPP3", "", "1.0.0", "GW-1"), null, _clock)
            {
                Bus = new FixedBusStatus(),
                Modules = _modules,
            };
            _server = new HttpServer(new IHttpEndpoint[] { _list, _measurements, _metrics, info },
                new SingleUserCredentials("admin", "s3cret"), "127.0.0.1", 0);
            _server.Start();
            _base = "http://127.0.0.1:" + _server.Port;
        }

        public void Dispose()
        {
            _server.Stop();
        }

        [Fact]
        public void ListShowsSeenModulesWithIdentityStateValuesCountersAndTotals()
        {
            HttpResponseText r = CurlRunner.Fetch(_base + "/api/v1/modules");
            Assert.Equal(200, r.Status);
            Assert.Equal("application/json", r.Header("Content-Type"));
            using JsonDocument doc = JsonDocument.Parse(r.Body);
            JsonElement root = doc.RootElement;
            Assert.Equal(0.412, root.GetProperty("cycleS").GetDouble());
            JsonElement[] modules = root.GetProperty("modules").EnumerateArray().ToArray();
            Assert.Equal(new[] { 2, 3, 4 }, modules.Select(m => m.GetProperty("address").GetInt32()));
            Assert.Equal(new[] { "online", "offline", "online" }, modules.Select(m => m.GetProperty("status").GetString()));

            JsonElement two = modules[0];
            Assert.Equal("MPP3", two.GetProperty("model").GetString());
            Assert.Equal("EP3-0002", two.GetProperty("serial").GetString());
            Assert.Equal("1.4.2", two.GetProperty("firmware").GetString());
            Assert.Equal("Row 2 \"left\"", two.GetProperty("name").GetString());
            Assert.Equal("Hall B", two.GetProperty("location").GetString());
            Assert.Equal(3, two.GetProperty("channels").GetInt32());
            Assert.Equal(0.5, two.GetProperty("ageS").GetDouble());
            MeasurementSnapshot s2 = _modules.LatestOf(2);
            Assert.Equal(Math.Round(s2.Channels.Sum(c => c.ActivePowerW), 1), two.GetProperty("activePowerW").GetDouble(), 6);
            Assert.Equal(s2.Channels.Sum(c => c.ImportEnergyMilliWh) / 1000m, two.GetProperty("importEnergyWh").GetDecimal());
            JsonElement counters = two.GetProperty("counters");
            Assert.Equal(new[] { "polls", "missedPolls", "timeouts", "crcErrors", "exceptions", "unexpected", "wentOffline" },
                counters.EnumerateObject().Select(p => p.Name));
            Assert.Equal(120, counters.GetProperty("polls").GetInt64());
            Assert.Equal(7, counters.GetProperty("crcErrors").GetInt64());
            Assert.Equal(18, modules[2].GetProperty("channels").GetInt32());
            Assert.Equal(31.5, modules[1].GetProperty("ageS").GetDouble());

            // Totals: power and current of the gateway and the online modules (2, 4); energy of all (3 too).
            JsonElement totals = root.GetProperty("totals");
            var local = _local.Latest;
            var live = new[] { local, _modules.LatestOf(2), _modules.LatestOf(4) };
            var all = live.Append(_modules.LatestOf(3));
            Assert.Equal(Math.Round(live.Sum(s => s.Channels.Sum(c => c.ActivePowerW)), 1), totals.GetProperty("activePowerW").GetDouble(), 6);
            Assert.Equal(all.Sum(s => s.Channels.Sum(c => c.ImportEnergyMilliWh)) / 1000m, totals.GetProperty("importEnergyWh").GetDecimal());
            double[] phaseCurrent = totals.GetProperty("phaseCurrentA").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            for (int p = 0; p < 3; p++)
            {
                Assert.Equal(Math.Round(live.Sum(s => s.Channels.Where(c => c.Phase == p).Sum(c => c.Irms)), 3), phaseCurrent[p], 6);
            }

            Assert.Equal(3, totals.GetProperty("modulesCounted").GetInt32());
            Assert.Equal(1, totals.GetProperty("modulesOffline").GetInt32());

            // ?all=1: every polled address, the silent ones with nulls.
            using JsonDocument everything = JsonDocument.Parse(CurlRunner.Fetch(_base + "/api/v1/modules?all=1").Body);
            JsonElement[] rows = everything.RootElement.GetProperty("modules").EnumerateArray().ToArray();
            Assert.Equal(new[] { 1, 2, 3, 4, 5 }, rows.Select(m => m.GetProperty("address").GetInt32()));
            Assert.Equal("unknown", rows[0].GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("model").ValueKind);
            Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("ageS").ValueKind);
            Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("activePowerW").ValueKind);

            HttpResponseText bad = CurlRunner.Fetch(_base + "/api/v1/modules?seen=2");
            Assert.Equal(400, bad.Status);
            Assert.Contains("unknown parameter", JsonDocument.Parse(bad.Body).RootElement.GetProperty("error").GetString());
            Assert.Equal(400, CurlRunner.Fetch(_base + "/api/v1/modules?all=yes").Status);
        }

        [Fact]
        public void ModuleMeasurementsAreTheMeasurementsDocumentWithStatusAndAge()
        {
            HttpResponseText r = CurlRunner.Fetch(_base + "/api/v1/modules/4/measurements");
            Assert.Equal(200, r.Status);
            using JsonDocument doc = JsonDocument.Parse(r.Body);
            JsonElement root = doc.RootElement;
            Assert.Equal(4, root.GetProperty("address").GetInt32());
            Assert.Equal("online", root.GetProperty("status").GetString());
            Assert.Equal(0.5, root.GetProperty("ageS").GetDouble());
            MeasurementsJsonAssert.Matches(_modules.LatestOf(4), r.Body, MeasurementsJsonAssert.ModuleTopFields);

            using JsonDocument offline = JsonDocument.Parse(CurlRunner.Fetch(_base + "/api/v1/modules/3/measurements").Body);
            Assert.Equal("offline", offline.RootElement.GetProperty("status").GetString());
            Assert.Equal(3, offline.RootElement.GetProperty("channels").GetArrayLength());

            AssertError(404, "/api/v1/modules/1/measurements", "no module has answered");
            AssertError(404, "/api/v1/modules/9/measurements", "not in the gateway's scan range");
            AssertError(400, "/api/v1/modules/0/measurements", "1..247");
            AssertError(400, "/api/v1/modules/248/measurements", "1..247");
            AssertError(400, "/api/v1/modules/x2/measurements", "1..247");
            AssertError(400, "/api/v1/modules//measurements", "1..247");
            AssertError(404, "/api/v1/modules/2/history", "no such resource");
            AssertError(404, "/api/v1/modules/2", "no such resource");
            Assert.Equal(405, CurlRunner.Fetch("-X", "PUT", "-d", "{}", _base + "/api/v1/modules/2/measurements").Status);
        }

        [Fact]
        public void InfoBusCarriesTheCounterTotals()
        {
            using JsonDocument doc = JsonDocument.Parse(CurlRunner.Fetch(_base + "/api/v1/info").Body);
            JsonElement bus = doc.RootElement.GetProperty("bus");
            Assert.Equal("gateway", bus.GetProperty("role").GetString());
            JsonElement counters = bus.GetProperty("counters");
            Assert.Equal(120 + 118 + 121, counters.GetProperty("polls").GetInt64());
            Assert.Equal(7 + 2, counters.GetProperty("crcErrors").GetInt64());
            Assert.Equal(1, counters.GetProperty("wentOffline").GetInt64());
        }

        [Fact]
        public void MetricsCarryModulesAndSiteTotalsAndPassPromtool()
        {
            HttpResponseText r = CurlRunner.Fetch(_base + "/metrics");
            Assert.Equal(200, r.Status);
            Promtool.CheckMetrics(r.Body);
            string body = r.Body;
            Assert.Contains("\neprobe_bus_cycle_seconds 0.412\n", body);
            Assert.Contains("\neprobe_bus_module_up{address=\"2\",serial=\"EP3-0002\"} 1\n", body);
            Assert.Contains("\neprobe_bus_module_up{address=\"3\",serial=\"EP3-0003\"} 0\n", body);
            Assert.Contains("\neprobe_bus_module_age_seconds{address=\"3\"} 31.5\n", body);
            Assert.Contains("\neprobe_bus_errors_total{address=\"2\",kind=\"crcErrors\"} 7\n", body);
            Assert.Contains("\neprobe_bus_errors_total{address=\"3\",kind=\"timeouts\"} 9\n", body);
            Assert.Contains("\neprobe_bus_polls_total{address=\"4\"} 121\n", body);
            Assert.Contains("\neprobe_bus_module_offline_transitions_total{address=\"3\"} 1\n", body);
            Assert.DoesNotContain("address=\"1\"", body);
            Assert.DoesNotContain("address=\"5\"", body);

            ChannelValues c = _modules.LatestOf(4).Channels[17];
            Assert.Contains("\neprobe_bus_module_channel_current_amperes{address=\"4\",channel=\"18\",phase=\"L3\"} " + c.Irms.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) + "\n", body);
            Assert.Contains("\neprobe_bus_module_channel_import_energy_joules_total{address=\"4\",channel=\"18\",phase=\"L3\"} "
                + (c.ImportEnergyMilliWh * 36 / 10) + "." + (c.ImportEnergyMilliWh * 36 % 10) + "\n", body);
            Assert.Contains("\neprobe_bus_module_phase_voltage_volts{address=\"2\",phase=\"L1\"} 230.00\n", body);
            Assert.Contains("\neprobe_site_modules_counted 3\n", body);
            Assert.Contains("\neprobe_site_modules_offline 1\n", body);
            Assert.Contains("\neprobe_site_phase_current_amperes{phase=\"L2\"} ", body);
            Assert.Contains("\neprobe_site_import_energy_joules_total ", body);
            Assert.Contains("\neprobe_up 1\n", body);

            // Without a directory (not a gateway) the families are absent.
            _metrics.Modules = null;
            string plain = CurlRunner.Fetch(_base + "/metrics").Body;
            Assert.DoesNotContain("eprobe_bus_", plain);
            Assert.DoesNotContain("eprobe_site_", plain);
        }

        [Fact]
        public void NotAGatewayAnswers404()
        {
            _list.Directory = null;
            _measurements.Directory = null;
            AssertError(404, "/api/v1/modules", "not a bus gateway");
            AssertError(404, "/api/v1/modules/2/measurements", "not a bus gateway");
        }

        private void AssertError(int status, string path, string part)
        {
            HttpResponseText r = CurlRunner.Fetch(_base + path);
            Assert.True(status == r.Status, path + ": " + r.Status + " " + r.Body);
            using JsonDocument doc = JsonDocument.Parse(r.Body);
            Assert.Contains(part, doc.RootElement.GetProperty("error").GetString());
        }

        private sealed class FixedBusStatus : IBusStatus
        {
            public string Role { get { return "gateway"; } }

            public int Address { get { return 0; } }

            public long LastCycleUs { get { return 412000; } }

            public int ScanFrom { get { return 1; } }

            public int ScanTo { get { return 5; } }

            public bool IsOnline(int address)
            {
                return address == 2 || address == 4;
            }
        }
    }

    /// <summary>The module directory of the HTTP module tests: addresses 1..5, 2 and 4 online, 3 offline, 1 and 5 never seen.</summary>
    public static class ModuleFixtures
    {
        public static FakeModuleDirectory Directory()
        {
            var modules = new FakeModuleDirectory(new[] { 1, 2, 3, 4, 5 });
            modules.LastCycleSeconds = 0.4123;
            modules.Set(2, ModuleStatus.Online, Module(3, 1.0), new DeviceIdentity("MPP3", "", "1.4.2", "EP3-0002"), "Row 2 \"left\"", "Hall B");
            modules.Set(3, ModuleStatus.Offline, Module(3, 2.0), new DeviceIdentity("MPP3", "", "1.4.2", "EP3-0003"), "Row 3", "");
            modules.Set(4, ModuleStatus.Online, Module(18, 3.0), new DeviceIdentity("MPP18", "", "1.4.1", "EP18-0004"), "", "");
            modules.SetAge(3, 31.5);
            modules.SetCounter(2, ModuleCounters.Polls, 120);
            modules.SetCounter(2, ModuleCounters.CrcErrors, 7);
            modules.SetCounter(3, ModuleCounters.Polls, 118);
            modules.SetCounter(3, ModuleCounters.Timeouts, 9);
            modules.SetCounter(3, ModuleCounters.MissedPolls, 4);
            modules.SetCounter(3, ModuleCounters.CrcErrors, 2);
            modules.SetCounter(3, ModuleCounters.WentOffline, 1);
            modules.SetCounter(4, ModuleCounters.Polls, 121);
            return modules;
        }

        /// <summary>A module's snapshot as the gateway decodes it: phases and channels, no circuits; values scaled by <paramref name="scale"/>.</summary>
        public static MeasurementSnapshot Module(int channels, double scale)
        {
            MeasurementSnapshot s = HandMadeSnapshots.Make(channels);
            var module = new MeasurementSnapshot(s.Phases, s.Channels, new CircuitValues[0])
            {
                Sequence = 100 + (long)scale,
                Timestamp = s.Timestamp,
                FrequencyHz = s.FrequencyHz,
                VoltageUnbalancePercent = s.VoltageUnbalancePercent,
            };
            foreach (ChannelValues c in module.Channels)
            {
                c.Irms *= scale;
                c.ActivePowerW *= scale;
                c.ImportEnergyMilliWh = (long)(c.ImportEnergyMilliWh / 1000 * scale) + c.Channel;
            }

            return module;
        }
    }
}
