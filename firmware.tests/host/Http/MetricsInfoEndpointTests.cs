using System;
using System.Linq;
using Ipenergy.Probe.Tests.Unit.TestDoubles;
using System.Text;
using System.Text.Json;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Protocols.Http;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Http
{
    /// <summary>GET /api/v1/info through curl; and the size of /metrics with every label at its longest.</summary>
    public sealed class MetricsInfoEndpointTests
    {
        private readonly ITestOutputHelper _output;

        public MetricsInfoEndpointTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void InfoTellsIdentityUptimeAndServices()
        {
            var clock = new MetricsTestClock { MonotonicMilliseconds = 3723999, Synchronized = false };
            MeterConfig config = MetricsEndpointTests.LabelledMpp18();
            config.Modbus.Enabled = true;
            config.Modbus.Port = 1502;
            var server = new HttpServer(new IHttpEndpoint[] { new InfoEndpoint(new DeviceIdentity("MPP18", "rev B", "1.2.3", "EP18-0042"), new FixedLiveConfig(config), clock) },
                new SingleUserCredentials("admin", "s3cret"), "127.0.0.1", 0);
            server.Start();
            try
            {
                HttpResponseText r = CurlRunner.Fetch("http://127.0.0.1:" + server.Port + "/api/v1/info");
                Assert.Equal(200, r.Status);
                Assert.Equal("application/json", r.Header("Content-Type"));
                using JsonDocument doc = JsonDocument.Parse(r.Body);
                JsonElement root = doc.RootElement;
                Assert.Equal("IPenergy", root.GetProperty("manufacturer").GetString());
                Assert.Equal("MPP18", root.GetProperty("model").GetString());
                Assert.Equal("EP18-0042", root.GetProperty("serial").GetString());
                Assert.Equal("1.2.3", root.GetProperty("firmware").GetString());
                Assert.Equal("rev B", root.GetProperty("options").GetString());
                Assert.Equal(18, root.GetProperty("channels").GetInt32());
                Assert.Equal(3723, root.GetProperty("uptimeS").GetInt64());
                Assert.False(root.GetProperty("clockSynchronized").GetBoolean());
                Assert.Equal("2026-01-02T00:00:00.000Z", root.GetProperty("time").GetString());
                Assert.True(root.GetProperty("modbus").GetProperty("enabled").GetBoolean());
                Assert.Equal(1502, root.GetProperty("modbus").GetProperty("port").GetInt32());
                Assert.Equal(config.Snmp.Enabled, root.GetProperty("snmp").GetProperty("enabled").GetBoolean());

                Assert.Equal(405, CurlRunner.Fetch("-X", "PUT", "-d", "{}", "http://127.0.0.1:" + server.Port + "/api/v1/info").Status);
            }
            finally
            {
                server.Stop();
            }
        }

        [Fact]
        public void MetricsWithEveryLabelAtItsLongestMovesLabelsToInfoFamilies()
        {
            MetricsEndpoint endpoint = WorstCaseEndpoint();
            (int status, string body, int length, int capacity) = Serve(endpoint);
            _output.WriteLine("/metrics, MPP18, 18 circuits, every label 32 worst-case characters: " + length + " bytes of " + capacity);
            Assert.Equal(200, status);
            Promtool.CheckMetrics(body);
            string escaped = new string('\\', 1) + "\"";
            Assert.Contains("eprobe_channel_info{channel=\"18\",phase=\"L3\",label=\"", body);
            Assert.Contains("eprobe_channel_current_amperes{channel=\"18\",phase=\"L3\"} ", body);
            Assert.Contains("eprobe_circuit_info{circuit=\"17", body);
            Assert.Contains("eprobe_circuit_current_amperes{circuit=\"17" + escaped, body);
            Assert.Contains(escaped + "€€€€€€€€€€€€€€€€\"} 1\n", body);
        }

        /// <summary>
        /// A gateway (the labelled MPP18 of the metrics tests) with bus modules whose counters have 10 digits: with 8
        /// MPP3 everything fits; with 31 MPP3 or MPP18 the modules' per-channel families go and the rest (each module's
        /// up, age, voltages, errors; the site totals) stays; on the worst-case gateway above with 31 MPP18 only the bus
        /// cycle and the site totals are left.
        /// </summary>
        [Theory]
        [InlineData(8, 3, false, ModuleMetrics.Everything)]
        [InlineData(31, 3, false, ModuleMetrics.WithoutChannels)]
        [InlineData(31, 18, false, ModuleMetrics.WithoutChannels)]
        [InlineData(31, 18, true, ModuleMetrics.TotalsOnly)]
        public void MetricsOfAGatewayWithManyModulesFitTheLargestResponse(int count, int channels, bool worstLabels, int detail)
        {
            int[] addresses = Enumerable.Range(1, count).ToArray();
            string last = count.ToString();
            {
                var modules = new FakeModuleDirectory(addresses);
                foreach (int a in addresses)
                {
                    modules.Set(a, ModuleStatus.Online, ModuleFixtures.Module(channels, 1000.0), new DeviceIdentity(channels == 18 ? "MPP18" : "MPP3", "", "1.0.0",
                        "EP" + channels + "-" + a.ToString("0000")), "", "");
                    for (int k = 0; k < ModuleCounters.Count; k++)
                    {
                        modules.SetCounter(a, k, 1234567890L + k);
                    }
                }

                MetricsEndpoint endpoint = worstLabels ? WorstCaseEndpoint() : MetricsEndpointTests.Endpoint(
                    new FakeMeasurementSource(HandMadeSnapshots.Mpp18()), new MetricsTestClock());
                endpoint.Modules = modules;
                (int status, string body, int length, int capacity) = Serve(endpoint);
                _output.WriteLine("/metrics, " + (worstLabels ? "worst-case" : "labelled") + " MPP18 gateway + " + count + " MPP" + channels + " modules: "
                    + length + " bytes of " + capacity);
                Assert.Equal(200, status);
                Promtool.CheckMetrics(body);
                Assert.Contains("\neprobe_site_modules_counted " + (count + 1) + "\n", body);
                Assert.Contains("\neprobe_bus_cycle_seconds ", body);
                Assert.Contains("eprobe_channel_current_amperes{channel=\"18\",phase=\"L3\"", body);
                Assert.Equal(detail != ModuleMetrics.TotalsOnly, body.Contains("\neprobe_bus_module_up{address=\"" + last + "\",serial=\"EP" + channels + "-" + count.ToString("0000") + "\"} 1\n"));
                Assert.Equal(detail != ModuleMetrics.TotalsOnly, body.Contains("\neprobe_bus_errors_total{address=\"" + last + "\",kind=\"unexpected\"} 1234567895\n"));
                Assert.Equal(detail != ModuleMetrics.TotalsOnly, body.Contains("\neprobe_bus_module_phase_voltage_volts{address=\"" + last + "\",phase=\"L2\"} "));
                Assert.Equal(detail == ModuleMetrics.Everything,
                    body.Contains("\neprobe_bus_module_channel_current_amperes{address=\"" + last + "\",channel=\"" + channels + "\",phase=\"L3\"} "));
                Assert.Equal(detail == ModuleMetrics.Everything, body.Contains("eprobe_bus_module_channel_"));
            }
        }

        private static (int Status, string Body, int Length, int Capacity) Serve(MetricsEndpoint endpoint)
        {
            var response = new HttpResponse(4096);
            var request = new HttpRequest();
            int status;
            while (true)
            {
                response.Reset();
                status = endpoint.Handle(request, response);
                if (!response.Overflowed || !response.Grow())
                {
                    break;
                }
            }

            Assert.False(response.Overflowed, "the document does not fit " + response.Capacity + " bytes");
            return (status, Encoding.UTF8.GetString(response.Buffer, HttpResponseHead.MaxLength, response.BodyLength), response.BodyLength, response.Capacity);
        }

        private static MetricsEndpoint WorstCaseEndpoint()
        {
            // 32 characters that all need escaping or 3-byte UTF-8: the worst case the validator lets through.
            string worst = new string('"', 16) + new string('€', 16);
            var config = new MeterConfig(18);
            var circuits = new CircuitConfig[18];
            var values = new CircuitValues[18];
            for (int i = 0; i < 18; i++)
            {
                config.Channels[i].Label = worst;
                config.Channels[i].Rack = worst;
                config.Channels[i].Customer = worst;
                config.Channels[i].Feed = worst;
                string name = (i.ToString("00") + worst).Substring(0, 32);
                circuits[i] = new CircuitConfig(name, new[] { i + 1 }, 16.0) { Customer = worst };
                values[i] = new CircuitValues(i, name, 1, 16.0) { MaxIrms = 1, ImportEnergyMilliWh = long.MaxValue / 40 };
            }

            config.Circuits = circuits;
            MeasurementSnapshot mpp18 = HandMadeSnapshots.Mpp18();
            var snapshot = new MeasurementSnapshot(mpp18.Phases, mpp18.Channels, values) { Timestamp = mpp18.Timestamp };
            return new MetricsEndpoint(new FakeMeasurementSource(snapshot), new FixedLiveConfig(config), new DeviceIdentity("MPP18", "", worst.Substring(0, 16), worst), new MetricsTestClock());
        }
    }
}
