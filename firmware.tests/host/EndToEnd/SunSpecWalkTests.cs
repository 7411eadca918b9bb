using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Ipenergy.Probe.Tests.CompileGate;
using Ipenergy.Probe.Tests.Modbus;
using Xunit;

namespace Ipenergy.Probe.Tests.EndToEnd
{
    /// <summary>
    /// Issue 5's acceptance walk: pymodbus (Debian's, on /usr/bin/python3) walks the SunSpec chain of the
    /// real virtual e-Probe, decodes it with the official model definitions, and the values agree with
    /// what the same probe says on GET /api/v1/measurements.
    /// </summary>
    public class SunSpecWalkTests
    {
        [Fact]
        public void SunSpecWalkOfTheVirtualProbeAgreesWithTheJsonApi()
        {
            // The built-in room's first three racks; no circuits configured: one model 201 per channel.
            using var probe = new VirtualProbe("--model", "MPP3", "--serial", "TEST-0042");
            JsonElement m = probe.MeasurementsAfter(2.0);

            var r = ModbusPeerRunner.Python(SunSpecMapPymodbusTests.Walk, probe.ModbusPort.ToString(), Path.Combine(RepoLayout.Root, "tools", "sunspec"));
            Assert.True(r.ExitCode == 0, r.ToString());
            JsonElement models = JsonDocument.Parse(r.Stdout).RootElement;
            JsonElement after = JsonDocument.Parse(VirtualProbe.Curl(probe.HttpUrl + "/api/v1/measurements").Body).RootElement;

            JsonElement common = models[0];
            Assert.Equal("IPenergy", common.GetProperty("Mn").GetString());
            Assert.Equal("MPP3", common.GetProperty("Md").GetString());
            Assert.Equal("TEST-0042", common.GetProperty("SN").GetString());

            JsonElement[] meters = models.EnumerateArray().Skip(1).ToArray();
            Assert.Equal(3, meters.Length);
            JsonElement[] channels = m.GetProperty("channels").EnumerateArray().ToArray();
            JsonElement[] channelsAfter = after.GetProperty("channels").EnumerateArray().ToArray();
            for (int k = 0; k < 3; k++)
            {
                JsonElement meter = meters[k];
                Assert.Equal(201, meter.GetProperty("ID").GetInt32());
                string phase = channels[k].GetProperty("phase").GetString();
                double vrms = m.GetProperty("phases").EnumerateArray().Single(p => p.GetProperty("phase").GetString() == phase).GetProperty("vrms").GetDouble();

                // Loads are steady: the 1-second values read over HTTP and over Modbus agree to within the
                // register resolution and a second of noise.
                Within(channels[k].GetProperty("irms").GetDouble(), meter, "A", 0.01, 0.02);
                Within(channels[k].GetProperty("activePowerW").GetDouble(), meter, "W", 0.01, 2.0);
                Within(vrms, meter, "PhV", 0.005, 0.2);
                Within(m.GetProperty("frequencyHz").GetDouble(), meter, "Hz", 0.001, 0.02);

                // Energy (whole Wh) lies between the two HTTP reads taken around the walk.
                double e = meter.GetProperty("TotWhImp").GetDouble();
                double e0 = channels[k].GetProperty("importEnergyWh").GetDouble();
                double e1 = channelsAfter[k].GetProperty("importEnergyWh").GetDouble();
                Assert.True(e >= Math.Floor(e0) - 1 && e <= Math.Ceiling(e1) + 1, $"channel {k + 1} TotWhImp {e} not within [{e0}, {e1}]");
            }
        }

        [Fact]
        public void ModbusCanBeSwitchedOffInTheConfiguration()
        {
            string dir = Path.Combine(Path.GetTempPath(), "eprobe-e2e-modbus-" + Guid.NewGuid().ToString("N"));
            try
            {
                using (var probe = new VirtualProbe("--model", "MPP3", "--data-dir", dir))
                {
                    Assert.True(probe.ModbusPort > 0, "Modbus on by default");
                    var (status, body) = PersistenceApiTests.Curl("-u", "admin:admin", "-X", "PUT", "--data", "{\"modbus\":{\"enabled\":false}}",
                        probe.HttpUrl + "/api/v1/config");
                    Assert.True(status == 200, body);
                }

                using (var off = new VirtualProbe("--model", "MPP3", "--data-dir", dir))
                {
                    Assert.Equal(0, off.ModbusPort);
                }
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        private static void Within(double expected, JsonElement model, string point, double relative, double absolute)
        {
            JsonElement v = model.GetProperty(point);
            Assert.True(v.ValueKind == JsonValueKind.Number, point + " is " + v.ValueKind);
            double actual = v.GetDouble();
            double tolerance = Math.Abs(expected) * relative + absolute;
            Assert.True(Math.Abs(expected - actual) <= tolerance, $"{point}: HTTP says {expected}, SunSpec says {actual} (± {tolerance})");
        }
    }
}
