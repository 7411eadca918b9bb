using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace Ipenergy.Probe.Tests.EndToEnd
{
    /// <summary>
    /// The contract of ../shared/spec/virtual-probe.md end to end: a scenario file in, the real process,
    /// curl on GET /api/v1/measurements, values checked against the spec's truth formulas written out
    /// here independently of the simulator's own truth code.
    /// </summary>
    public class MeasurementsApiTests
    {
        private const string Scenario = @"{
  ""model"": ""MPP3"",
  ""frequencyHz"": 50.0,
  ""adc"": { ""bits"": 12, ""noiseRmsLsb"": 0.5, ""seed"": 1 },
  ""phases"": {
    ""L1"": { ""vrms"": 230.0, ""angleDeg"": 0, ""harmonics"": [ { ""order"": 5, ""percent"": 3.0, ""angleDeg"": 0 } ] },
    ""L2"": { ""vrms"": 228.0, ""angleDeg"": -120 },
    ""L3"": { ""vrms"": 231.0, ""angleDeg"": 120 }
  },
  ""channels"": [
    { ""channel"": 1, ""phase"": ""L1"", ""ctRatedA"": 100, ""irms"": 42.0, ""angleDeg"": -25.8,
      ""harmonics"": [ { ""order"": 3, ""percent"": 20.0, ""angleDeg"": 0 }, { ""order"": 5, ""percent"": 10.0, ""angleDeg"": 40 } ] },
    { ""channel"": 2, ""phase"": ""L2"", ""ctRatedA"": 32, ""irms"": 10.0, ""angleDeg"": 36.87 },
    { ""channel"": 3, ""phase"": ""L3"", ""ctRatedA"": 63, ""irms"": 20.0, ""angleDeg"": 180.0, ""ctPhaseErrorDeg"": 0.0 }
  ],
  ""events"": [ { ""atS"": 12, ""channel"": 2, ""irms"": 30.0 } ]
}";

        private static string WriteScenario()
        {
            string path = Path.Combine(Path.GetTempPath(), "eprobe-e2e-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(path, Scenario);
            return path;
        }

        private static void Near(double expected, double actual, double tolerance, string what)
        {
            Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected} ± {tolerance}, got {actual}");
        }

        [Fact]
        public void MeasurementsMatchTheScenarioTruth()
        {
            string file = WriteScenario();
            try
            {
                using var probe = new VirtualProbe("--model", "MPP3", "--scenario", file, "--time-scale", "4");
                // Seconds, not wall time: second 3 is measured before the event at 12 s however late the test looks.
                JsonElement m = probe.MeasurementsAtSequence(3);
                Assert.True(m.GetProperty("sequence").GetInt64() <= 12, "first look at second " + m.GetProperty("sequence") + ": too late for the checks before the event");

                Assert.Matches(new Regex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"), m.GetProperty("timestamp").GetString());
                Near(50.0, m.GetProperty("frequencyHz").GetDouble(), 0.01, "frequency");

                JsonElement[] phases = m.GetProperty("phases").EnumerateArray().ToArray();
                Assert.Equal(new[] { "L1", "L2", "L3" }, phases.Select(p => p.GetProperty("phase").GetString()));
                Near(230.0 * Math.Sqrt(1 + 9.0 / 1e4), phases[0].GetProperty("vrms").GetDouble(), 0.23, "L1 Vrms");
                Near(228.0, phases[1].GetProperty("vrms").GetDouble(), 0.23, "L2 Vrms");

                JsonElement[] ch = m.GetProperty("channels").EnumerateArray().ToArray();
                Assert.Equal(3, ch.Length);
                Assert.Equal(new[] { 1, 2, 3 }, ch.Select(c => c.GetProperty("channel").GetInt32()));
                Assert.Equal(new[] { "L1", "L2", "L3" }, ch.Select(c => c.GetProperty("phase").GetString()));

                // Channel 1: harmonic-rich, lagging. P has the 5th-harmonic cross term of the spec's formula.
                double a = -25.8 * Math.PI / 180;
                double v = 230.0, i = 42.0;
                double irms1 = i * Math.Sqrt(1 + (400.0 + 100.0) / 1e4);
                double p1 = v * i * (Math.Cos(a) + (3.0 * 10.0 / 1e4) * Math.Cos((0 - 40) * Math.PI / 180 - 5 * a));
                double q1 = v * i * Math.Sin(-a);
                double s1 = v * Math.Sqrt(1 + 9.0 / 1e4) * irms1;
                Near(irms1, ch[0].GetProperty("irms").GetDouble(), irms1 * 0.002, "ch1 Irms");
                Near(p1, ch[0].GetProperty("activePowerW").GetDouble(), p1 * 0.002, "ch1 P");
                Near(q1, ch[0].GetProperty("reactivePowerVar").GetDouble(), q1 * 0.005, "ch1 Q1");
                Near(s1, ch[0].GetProperty("apparentPowerVA").GetDouble(), s1 * 0.002, "ch1 S");
                Near(p1 / s1, ch[0].GetProperty("powerFactor").GetDouble(), 0.002, "ch1 PF");
                Near(Math.Cos(a), ch[0].GetProperty("cosPhi").GetDouble(), 0.002, "ch1 cos phi");

                // Channel 2: capacitive on L2, Q < 0.
                double a2 = 36.87 * Math.PI / 180;
                Near(228.0 * 10.0 * Math.Cos(a2), ch[1].GetProperty("activePowerW").GetDouble(), 228.0 * 10.0 * 0.003, "ch2 P");
                Near(-228.0 * 10.0 * Math.Sin(a2), ch[1].GetProperty("reactivePowerVar").GetDouble(), 228.0 * 10.0 * 0.005, "ch2 Q");

                // Channel 3: reversed, exports.
                Near(-231.0 * 20.0, ch[2].GetProperty("activePowerW").GetDouble(), 231.0 * 20.0 * 0.003, "ch3 P");
                Near(-1.0, ch[2].GetProperty("powerFactor").GetDouble(), 0.002, "ch3 PF");
                Assert.True(ch[2].GetProperty("exportEnergyWh").GetDouble() > 0, "ch3 exports energy");
                Assert.Equal(0.0, ch[2].GetProperty("importEnergyWh").GetDouble());

                // Energy grows, and by P × elapsed simulated time.
                double e0 = ch[0].GetProperty("importEnergyWh").GetDouble();
                DateTime t0 = m.GetProperty("timestamp").GetDateTime();
                JsonElement later = probe.MeasurementsAfter(4.0);
                double e1 = later.GetProperty("channels")[0].GetProperty("importEnergyWh").GetDouble();
                double dt = (later.GetProperty("timestamp").GetDateTime() - t0).TotalSeconds;
                Assert.True(e1 > e0, "energy is monotonic and grows");
                Near(p1 * dt / 3600.0, e1 - e0, p1 * 1.2 / 3600.0 + 0.002, "energy between two reads");

                // The event at 12 s raised channel 2 to 30 A: second 13 is the first measured wholly after it.
                Assert.True(later.GetProperty("timestamp").GetDateTime() >= t0.AddSeconds(4));
                JsonElement afterEvent = probe.MeasurementsAtSequence(13);
                Near(30.0, afterEvent.GetProperty("channels")[1].GetProperty("irms").GetDouble(), 0.06, "ch2 after the event");
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Fact]
        public void DefaultStartIsAnMpp18WithEighteenChannels()
        {
            using var probe = new VirtualProbe("--time-scale", "4");
            JsonElement m = probe.MeasurementsAfter(2.0);
            JsonElement[] ch = m.GetProperty("channels").EnumerateArray().ToArray();
            Assert.Equal(18, ch.Length);
            Assert.True(ch.Count(c => c.GetProperty("irms").GetDouble() > 1.0) >= 18, "racks on all 18 channels");
            Assert.All(m.GetProperty("phases").EnumerateArray(), p => Near(230.0, p.GetProperty("vrms").GetDouble(), 3.0, "phase V"));
        }

        [Fact]
        public void InfoReportsThePortsTheServicesReallyListenOn()
        {
            // Started on port 0: /api/v1/info must give the ports the OS picked, not the configured 502/161.
            using var probe = new VirtualProbe();
            var (status, body) = VirtualProbe.Curl(probe.HttpUrl + "/api/v1/info");
            Assert.Equal(200, status);
            using JsonDocument doc = JsonDocument.Parse(body);
            Assert.Equal(probe.ModbusPort, doc.RootElement.GetProperty("modbus").GetProperty("port").GetInt32());
            Assert.Equal(probe.SnmpPort, doc.RootElement.GetProperty("snmp").GetProperty("port").GetInt32());
        }
    }
}
