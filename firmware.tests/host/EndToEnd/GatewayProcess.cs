using System.Collections.Generic;
using System.IO;
using Ipenergy.Probe.Simulator.Bus;
using Ipenergy.Probe.Tests.Http;
using Xunit;

namespace Ipenergy.Probe.Tests.EndToEnd
{
    /// <summary>
    /// A virtual e-Probe started as the bus gateway on a simulated hub. Its scan range and poll interval are stored
    /// settings, so a first run without the bus PUTs them (and whatever else the test needs) into its flash; the
    /// gateway then starts on the same data directory.
    /// </summary>
    public static class GatewayProcess
    {
        public const string Admin = "admin:admin";

        /// <summary>
        /// The "bus" object of a configuration PUT: scan range and poll interval (milliseconds).
        /// </summary>
        public static string BusSettings(int scanFrom, int scanTo, int pollIntervalMs)
        {
            return "\"bus\":{\"gatewayScanFrom\":" + scanFrom + ",\"gatewayScanTo\":" + scanTo + ",\"pollIntervalMs\":" + pollIntervalMs + "}";
        }

        /// <summary>
        /// Writes <paramref name="scenarioJson"/> to dir/name.json, stores <paramref name="configJson"/> (a whole JSON
        /// object for PUT /api/v1/config) in dir/name, then starts the gateway with --bus-role gateway on the hub plus
        /// <paramref name="extraArgs"/>. The serial number is <paramref name="serial"/> in both runs.
        /// </summary>
        public static VirtualProbe Start(BusHub hub, string dir, string name, string serial, string scenarioJson, string configJson,
            params string[] extraArgs)
        {
            string scenario = Path.Combine(dir, name + ".json");
            File.WriteAllText(scenario, scenarioJson);
            string data = Path.Combine(dir, name);
            using (var setup = new VirtualProbe("--scenario", scenario, "--data-dir", data, "--serial", serial))
            {
                HttpResponseText put = CurlRunner.Fetch("-u", Admin, "-X", "PUT", "-H", "Content-Type: application/json", "-d",
                    configJson, setup.HttpUrl + "/api/v1/config");
                Assert.True(put.Status == 200, "config PUT: " + put.Status + " " + put.Body);
            }

            var args = new List<string> { "--scenario", scenario, "--data-dir", data, "--serial", serial,
                "--bus", "127.0.0.1:" + hub.NodePort, "--bus-role", "gateway" };
            args.AddRange(extraArgs);
            return new VirtualProbe(args.ToArray());
        }
    }
}
