using System;
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
            var endpoint = new MetricsEndpoint(new FakeMeasurementSource(snapshot), new FixedLiveConfig(config), new DeviceIdentity("MPP18", "", worst.Substring(0, 16), worst), new MetricsTestClock());
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

            _output.WriteLine("/metrics, MPP18, 18 circuits, every label 32 worst-case characters: " + response.BodyLength + " bytes of " + response.Capacity);
            Assert.Equal(200, status);
            Assert.False(response.Overflowed, "the worst-case document does not fit " + response.Capacity + " bytes");
            string body = Encoding.UTF8.GetString(response.Buffer, HttpResponseHead.MaxLength, response.BodyLength);
            Promtool.CheckMetrics(body);
            string escaped = new string('\\', 1) + "\"";
            Assert.Contains("eprobe_channel_info{channel=\"18\",phase=\"L3\",label=\"", body);
            Assert.Contains("eprobe_channel_current_amperes{channel=\"18\",phase=\"L3\"} ", body);
            Assert.Contains("eprobe_circuit_info{circuit=\"17", body);
            Assert.Contains("eprobe_circuit_current_amperes{circuit=\"17" + escaped, body);
            Assert.Contains(escaped + "€€€€€€€€€€€€€€€€\"} 1\n", body);
        }
    }
}
