using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using Ipenergy.Probe.Tests.EndToEnd;
using Ipenergy.Probe.Tests.Snmp;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;

namespace Ipenergy.Probe.Tests.Templates
{
    /// <summary>
    /// A virtual MPP18 wired like the example of tools/templates/nagios/services.cfg: 230 V 50 Hz,
    /// 18 channels with 100 A CTs, six three-phase circuits (channels 1-3, 4-6, ... 16-18) on 63 A
    /// breakers, every load within the firmware's default alarm levels. Optional scenario events.
    /// </summary>
    public sealed class NagiosExampleProbe : IDisposable
    {
        public const double Volts = 230.0;
        public const double CtRatedA = 100.0;
        public const double BreakerA = 63.0;
        public const double AngleDeg = -20.0;
        private static readonly double[] CircuitBaseA = { 30, 25, 40, 20, 35, 28 };
        private static readonly double[] ShareInCircuit = { 1.0, 0.95, 1.05 };

        private readonly string _directory;

        public NagiosExampleProbe(string eventsJson, double timeScale)
        {
            _directory = Directory.CreateTempSubdirectory("eprobe-nagios-probe").FullName;
            string scenario = Path.Combine(_directory, "scenario.json");
            File.WriteAllText(scenario, ScenarioJson(eventsJson));
            Probe = new VirtualProbe("--scenario", scenario, "--time-scale", timeScale.ToString(CultureInfo.InvariantCulture));
            try
            {
                PutCircuits();
                WaitForCircuitRows();
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        public VirtualProbe Probe { get; }

        /// <summary>The scenario's RMS current of channel 1..18 (fundamental; no harmonics).</summary>
        public static double ChannelAmps(int channel)
        {
            return CircuitBaseA[(channel - 1) / 3] * ShareInCircuit[(channel - 1) % 3];
        }

        /// <summary>Highest conductor current of circuit 1..6 over its breaker, in %.</summary>
        public static double CircuitLoadPercent(int circuit)
        {
            return CircuitBaseA[circuit - 1] * 1.05 / BreakerA * 100.0;
        }

        private static string ScenarioJson(string eventsJson)
        {
            var json = new StringBuilder();
            json.Append("{\"model\":\"MPP18\",\"frequencyHz\":50.0,\"adc\":{\"bits\":12,\"noiseRmsLsb\":0.5,\"seed\":7},");
            json.Append("\"phases\":{\"L1\":{\"vrms\":230.0,\"angleDeg\":0},\"L2\":{\"vrms\":230.0,\"angleDeg\":-120},\"L3\":{\"vrms\":230.0,\"angleDeg\":120}},");
            json.Append("\"channels\":[");
            for (int ch = 1; ch <= 18; ch++)
            {
                json.Append(ch > 1 ? "," : string.Empty);
                json.Append("{\"channel\":").Append(ch).Append(",\"phase\":\"L").Append((ch - 1) % 3 + 1).Append('"');
                json.Append(",\"ctRatedA\":100,\"irms\":").Append(ChannelAmps(ch).ToString("0.###", CultureInfo.InvariantCulture));
                json.Append(",\"angleDeg\":").Append(AngleDeg.ToString(CultureInfo.InvariantCulture)).Append('}');
            }

            json.Append("],\"events\":[").Append(eventsJson ?? string.Empty).Append("]}");
            return json.ToString();
        }

        private void PutCircuits()
        {
            var body = new StringBuilder("{\"circuits\":[");
            for (int c = 1; c <= 6; c++)
            {
                body.Append(c > 1 ? "," : string.Empty);
                body.Append("{\"name\":\"R0").Append(c).Append("\",\"channels\":[").Append(3 * c - 2).Append(',').Append(3 * c - 1).Append(',').Append(3 * c);
                body.Append("],\"breakerRatedA\":63}");
            }

            body.Append("]}");
            string curl = PeerProcess.Require("curl", "curl");
            PeerProcess.Result put = PeerProcess.Run(PeerProcess.StartInfo(curl, null, "-sS", "--max-time", "20", "-u", "admin:admin", "-X", "PUT",
                "-H", "Content-Type: application/json", "--data", body.ToString(), "-w", "\n%{http_code}", Probe.HttpUrl + "/api/v1/config"), 30000);
            Assert.True(put.ExitCode == 0 && put.Stdout.TrimEnd().EndsWith("200", StringComparison.Ordinal), "PUT circuits: " + put);
        }

        /// <summary>Waits until the agent answers the load of circuit 6 (the configuration is applied and measured).</summary>
        private void WaitForCircuitRows()
        {
            DateTime deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                NetSnmpTool.Result r = NetSnmpTool.Run("snmpget", "-m", "", "-v2c", "-c", "public", "-On", "-t", "2", "-r", "1",
                    "127.0.0.1:" + Probe.SnmpPort, ".1.3.6.1.4.1.32473.1.1.4.1.7.6", ".1.3.6.1.4.1.32473.1.1.2.1.4.1");
                if (r.ExitCode == 0 && !r.Output.Contains("No Such", StringComparison.Ordinal))
                {
                    return;
                }

                Assert.True(DateTime.UtcNow < deadline, "circuit 6 never appeared on the agent: " + r.All);
                Thread.Sleep(200);
            }
        }

        /// <summary>Host custom variables of the example host pointing at this probe.</summary>
        public Dictionary<string, string> HostVariables()
        {
            return new Dictionary<string, string> { ["SNMP_COMMUNITY"] = "public", ["SNMP_PORT"] = Probe.SnmpPort.ToString(CultureInfo.InvariantCulture) };
        }

        public void Dispose()
        {
            Probe.Dispose();
            try
            {
                Directory.Delete(_directory, true);
            }
            catch (IOException)
            {
            }
        }
    }
}
