using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Ipenergy.Probe.Tests.Snmp;
using Xunit;

namespace Ipenergy.Probe.Tests.EndToEnd
{
    /// <summary>
    /// Issue 6's acceptance against the real virtual e-Probe process with net-snmp and monitoring-plugins
    /// as peers: a full snmpbulkwalk ends cleanly and agrees with /api/v1/measurements, snmptrapd receives
    /// the coldStart, sysName set over SNMP survives a restart, check_snmp applies thresholds.
    /// </summary>
    public class SnmpEndToEndTests
    {
        private const string CheckSnmp = "/usr/lib/nagios/plugins/check_snmp";
        private const string Phase1VoltageSensor = ".1.3.6.1.2.1.99.1.1.1.4.111";

        [Fact]
        public void FullBulkWalkEndsCleanlyAndAgreesWithTheJsonApi()
        {
            using var probe = new VirtualProbe("--model", "MPP18");
            Assert.True(probe.SnmpPort > 0, "the virtual e-Probe printed no snmp udp:// line");
            JsonElement before = probe.MeasurementsAfter(2.0);

            // From .1 so the enterprise subtree is walked too; -Cc: any order violation would be an error.
            var walk = NetSnmpTool.Run("snmpbulkwalk", "-v2c", "-c", "public", "-On", "-m", "", "-r", "1", "-t", "3",
                "127.0.0.1:" + probe.SnmpPort, ".1");
            Assert.True(walk.ExitCode == 0, walk.All);
            Assert.DoesNotContain("Error", walk.Error);
            Assert.DoesNotContain("OID not increasing", walk.All);
            Dictionary<string, string> values = Parse(walk.Output);
            Assert.True(values.Count > 500, values.Count + " varbinds only");
            JsonElement after = JsonDocument.Parse(VirtualProbe.Curl(probe.HttpUrl + "/api/v1/measurements").Body).RootElement;

            // Phase voltages in 0.1 V (enterprise table) and in the ENTITY-SENSOR-MIB (precision 1).
            foreach (JsonElement phase in before.GetProperty("phases").EnumerateArray())
            {
                int p = phase.GetProperty("phase").GetString()[1] - '0';
                double vrms = phase.GetProperty("vrms").GetDouble();
                Near(vrms, Int(values, ".1.3.6.1.4.1.32473.1.1.2.1.4." + p) / 10.0, 0.5, "eprobePhaseVoltage L" + p);
                Near(vrms, Int(values, ".1.3.6.1.2.1.99.1.1.1.4." + (100 + (10 * p) + 1)) / 10.0, 0.5, "entPhySensorValue L" + p + " voltage");
            }

            Near(before.GetProperty("frequencyHz").GetDouble(), Int(values, ".1.3.6.1.4.1.32473.1.1.1.7.0") / 100.0, 0.02, "eprobeFrequency");

            JsonElement[] channels = before.GetProperty("channels").EnumerateArray().ToArray();
            JsonElement[] channelsAfter = after.GetProperty("channels").EnumerateArray().ToArray();
            Assert.Equal(18, channels.Length);
            for (int k = 0; k < channels.Length; k++)
            {
                int c = channels[k].GetProperty("channel").GetInt32();
                double irms = channels[k].GetProperty("irms").GetDouble();
                double watts = channels[k].GetProperty("activePowerW").GetDouble();
                Near(irms, Int(values, ".1.3.6.1.4.1.32473.1.1.3.1.8." + c) / 1000.0, 0.01 * irms + 0.05, "eprobeChannelCurrent " + c);
                Near(watts, Int(values, ".1.3.6.1.4.1.32473.1.1.3.1.9." + c), 0.01 * Math.Abs(watts) + 5, "eprobeChannelActivePower " + c);
                Near(irms, Int(values, ".1.3.6.1.2.1.99.1.1.1.4." + (1000 + (10 * c) + 1)) / 100.0, 0.01 * irms + 0.05, "entPhySensorValue ch " + c);

                // Energy (Counter64, Wh) lies between the two API reads around the walk.
                double wh = Int(values, ".1.3.6.1.4.1.32473.1.1.3.1.16." + c);
                double low = Math.Floor(channels[k].GetProperty("importEnergyWh").GetDouble()) - 1;
                double high = Math.Ceiling(channelsAfter[k].GetProperty("importEnergyWh").GetDouble()) + 1;
                Assert.InRange(wh, low, high);
            }

            // The standard groups answer with the device's identity.
            Assert.Contains("e-Probe", values[".1.3.6.1.2.1.1.1.0"]);
            Assert.Equal(".1.3.6.1.4.1.32473.1.4.2", values[".1.3.6.1.2.1.1.2.0"].Replace("OID: ", string.Empty));
        }

        [Fact]
        public void WrongCommunityGetsNoAnswerAndV1Works()
        {
            using var probe = new VirtualProbe("--model", "MPP3");
            var v1 = NetSnmpTool.Run("snmpget", "-v1", "-c", "public", "-On", "-m", "", "-r", "0", "-t", "3",
                "127.0.0.1:" + probe.SnmpPort, ".1.3.6.1.2.1.1.5.0", ".1.3.6.1.2.1.1.2.0");
            Assert.True(v1.ExitCode == 0, v1.All);
            Assert.Contains(".1.3.6.1.4.1.32473.1.4.1", v1.Output);

            var wrong = NetSnmpTool.Run("snmpget", "-v2c", "-c", "not-the-community", "-On", "-m", "", "-r", "0", "-t", "1",
                "127.0.0.1:" + probe.SnmpPort, ".1.3.6.1.2.1.1.5.0");
            Assert.NotEqual(0, wrong.ExitCode);
            Assert.Contains("Timeout", wrong.All);

            // The agent counted it (snmpInBadCommunityNames) and still answers.
            var counter = NetSnmpTool.Run("snmpget", "-v2c", "-c", "public", "-On", "-m", "", "-Oqv", "-r", "0", "-t", "3",
                "127.0.0.1:" + probe.SnmpPort, ".1.3.6.1.2.1.11.4.0");
            Assert.True(counter.ExitCode == 0, counter.All);
            Assert.True(int.Parse(counter.Output.Trim(), CultureInfo.InvariantCulture) >= 1, counter.Output);
        }

        [Fact]
        public void ColdStartReachesSnmptrapdAtBoot()
        {
            using var trapd = new SnmpTrapdReceiver();
            using var v1trapd = new SnmpTrapdReceiver();
            using var probe = new VirtualProbe("--model", "MPP3", "--trap-target", "127.0.0.1:" + trapd.Port,
                "--trap-target", "127.0.0.1:" + v1trapd.Port + "/v1");
            Assert.True(trapd.WaitFor(".1.3.6.1.6.3.1.1.5.1", 10000), "no v2c coldStart received:\n" + trapd.Log);
            Assert.Contains(".1.3.6.1.2.1.1.3.0", trapd.Log);
            Assert.True(v1trapd.WaitFor("Cold Start", 10000) || v1trapd.WaitFor(".1.3.6.1.6.3.1.1.5.1", 1000),
                "no v1 coldStart received:\n" + v1trapd.Log);
        }

        [Fact]
        public void SysNameSetOverSnmpSurvivesARestart()
        {
            string dataDir = Directory.CreateTempSubdirectory("eprobe-snmp-").FullName;
            try
            {
                using (var probe = new VirtualProbe("--model", "MPP3", "--data-dir", dataDir))
                {
                    var (status, body) = PutConfig(probe, "{\"snmp\":{\"writeCommunity\":\"private-rw\"}}");
                    Assert.True(status == 200, status + " " + body);

                    var set = NetSnmpTool.Run("snmpset", "-v2c", "-c", "private-rw", "-On", "-m", "", "-r", "0", "-t", "3",
                        "127.0.0.1:" + probe.SnmpPort, ".1.3.6.1.2.1.1.5.0", "s", "room-B-feed-A");
                    Assert.True(set.ExitCode == 0, set.All);

                    // The read community may not write: noAccess (v2c) and nothing changes.
                    var refused = NetSnmpTool.Run("snmpset", "-v2c", "-c", "public", "-On", "-m", "", "-r", "0", "-t", "3",
                        "127.0.0.1:" + probe.SnmpPort, ".1.3.6.1.2.1.1.6.0", "s", "nowhere");
                    Assert.NotEqual(0, refused.ExitCode);
                }

                using (var probe = new VirtualProbe("--model", "MPP3", "--data-dir", dataDir))
                {
                    var get = NetSnmpTool.Run("snmpget", "-v2c", "-c", "public", "-On", "-m", "", "-Oqv", "-r", "0", "-t", "3",
                        "127.0.0.1:" + probe.SnmpPort, ".1.3.6.1.2.1.1.5.0", ".1.3.6.1.2.1.1.6.0");
                    Assert.True(get.ExitCode == 0, get.All);
                    string[] lines = NetSnmpTool.Lines(get.Output);
                    Assert.Equal("\"room-B-feed-A\"", lines[0]);
                    Assert.NotEqual("\"nowhere\"", lines[1]);
                    Assert.Contains("room-B-feed-A", VirtualProbe.Curl(probe.HttpUrl + "/api/v1/config").Body);
                }
            }
            finally
            {
                Directory.Delete(dataDir, true);
            }
        }

        [Fact]
        public void CheckSnmpAppliesNagiosThresholdsToAPhaseVoltage()
        {
            Assert.True(File.Exists(CheckSnmp), "check_snmp is missing: apt-get install monitoring-plugins-standard (listed in .ci/apt-packages)");
            using var probe = new VirtualProbe("--model", "MPP3");
            probe.MeasurementsAfter(2.0);

            // 230 V nominal, value in 0.1 V: warning outside 220-240 V, critical outside 207-253 V.
            var ok = Plugin("-o", Phase1VoltageSensor, "-w", "2200:2400", "-c", "2070:2530");
            Assert.True(ok.ExitCode == 0, ok.All);
            Assert.StartsWith("SNMP OK", ok.Output);

            var critical = Plugin("-o", Phase1VoltageSensor, "-w", "2400:2500", "-c", "2450:2600");
            Assert.True(critical.ExitCode == 2, critical.All);
            Assert.StartsWith("SNMP CRITICAL", critical.Output);

            var unknown = Plugin("-o", ".1.3.6.1.2.1.99.1.1.1.4.999", "-w", "1:2");
            Assert.NotEqual(0, unknown.ExitCode);

            NetSnmpTool.Result Plugin(params string[] args)
            {
                var all = new List<string> { "-H", "127.0.0.1", "-p", probe.SnmpPort.ToString(CultureInfo.InvariantCulture), "-C", "public", "-P", "2c", "-t", "5" };
                all.AddRange(args);
                using var process = System.Diagnostics.Process.Start(NetSnmpTool.StartInfo(CheckSnmp, "monitoring-plugins-standard", all.ToArray()));
                string output = process.StandardOutput.ReadToEnd();
                string error = process.StandardError.ReadToEnd();
                Assert.True(process.WaitForExit(30000), "check_snmp did not end");
                return new NetSnmpTool.Result { ExitCode = process.ExitCode, Output = output, Error = error };
            }
        }

        private static (int Status, string Body) PutConfig(VirtualProbe probe, string json)
        {
            var psi = new System.Diagnostics.ProcessStartInfo("curl") { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (string a in new[] { "-s", "-u", "admin:admin", "-X", "PUT", "--data", json, "-w", "\n%{http_code}", probe.HttpUrl + "/api/v1/config" })
            {
                psi.ArgumentList.Add(a);
            }

            using var curl = System.Diagnostics.Process.Start(psi);
            string text = curl.StandardOutput.ReadToEnd();
            curl.WaitForExit();
            int cut = text.LastIndexOf('\n');
            return (int.Parse(text.Substring(cut + 1), CultureInfo.InvariantCulture), text.Substring(0, cut));
        }

        // ".1.3.6... = TYPE: value" lines of snmpwalk -On into name -> "value" (type stripped for numbers).
        private static Dictionary<string, string> Parse(string output)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string line in NetSnmpTool.Lines(output))
            {
                int eq = line.IndexOf(" = ", StringComparison.Ordinal);
                if (eq > 0)
                {
                    values[line.Substring(0, eq)] = line.Substring(eq + 3);
                }
            }

            return values;
        }

        private static double Int(Dictionary<string, string> values, string oid)
        {
            Assert.True(values.TryGetValue(oid, out string text), oid + " missing from the walk");
            string number = text.Substring(text.IndexOf(':') + 1).Trim();
            int space = number.IndexOf(' ');
            return double.Parse(space < 0 ? number : number.Substring(0, space), CultureInfo.InvariantCulture);
        }

        private static void Near(double expected, double actual, double tolerance, string what)
        {
            Assert.True(Math.Abs(expected - actual) <= tolerance, what + ": " + actual + " over SNMP, " + expected + " over HTTP (±" + tolerance + ")");
        }
    }
}
