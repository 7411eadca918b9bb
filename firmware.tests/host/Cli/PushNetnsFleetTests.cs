using System.Collections.Generic;
using System.Text.Json.Nodes;
using Ipenergy.Probe.Tests.EndToEnd;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Cli
{
    /// <summary>Three virtual e-Probes, each in its own network namespace behind one bridge.</summary>
    public sealed class ThreeProbeFleet : NetnsFleet
    {
        public ThreeProbeFleet()
            : base(3)
        {
        }
    }

    /// <summary>
    /// Issue 12 "Done when": the CLI finds every probe with a real broadcast across the bridge, pushes one
    /// configuration to all of them and reads it back (with the CLI and with each probe's own API).
    /// </summary>
    public sealed class PushNetnsFleetTests : IClassFixture<ThreeProbeFleet>
    {
        private readonly ThreeProbeFleet _fleet;
        private readonly ITestOutputHelper _log;

        public PushNetnsFleetTests(ThreeProbeFleet fleet, ITestOutputHelper log)
        {
            _fleet = fleet;
            _log = log;
        }

        [Fact]
        public void PushToEveryDiscoveredProbeThenReadItBack()
        {
            // Each probe its own place first (per-device: push keeps it); channel 4 is not in the file.
            var channel4 = new double[_fleet.ProbeAddresses.Length];
            for (int i = 0; i < _fleet.ProbeAddresses.Length; i++)
            {
                var (status0, body0) = VirtualProbe.Curl("http://" + _fleet.ProbeAddresses[i] + "/api/v1/config");
                Assert.True(status0 == 200, body0);
                channel4[i] = JsonNode.Parse(body0)["channels"][3]["ctRatedA"].GetValue<double>();
                CliResult own = EprobeCli.Run("config", "set", "snmp.sysLocation=Rack " + (i + 1), "-p", _fleet.ProbeAddresses[i], "--user", "admin", "--password", "admin");
                Assert.True(own.ExitCode == 0, own.ToString());
            }

            string file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "eprobe-netns-push-" + System.Guid.NewGuid().ToString("N") + ".json");
            System.IO.File.WriteAllText(file, "{\"snmp\":{\"sysContact\":\"noc@dc.example\",\"sysLocation\":\"template\"},\"history\":{\"billingDay\":15,\"utcOffsetMinutes\":60},"
                + "\"alarms\":{\"rules\":{\"loadHigh\":{\"warning\":70,\"critical\":85}}},\"channels\":[{\"ctRatedA\":63},{\"ctRatedA\":63},{\"ctRatedA\":63}]}");
            CliResult push;
            try
            {
                push = EprobeCli.Run("push", file, "--discover", "--broadcast", _fleet.BroadcastAddress, "--discovery-port", NetnsFleet.DiscoveryPort.ToString(),
                    "--user", "admin", "--password", "admin", "--json");
            }
            finally
            {
                System.IO.File.Delete(file);
            }

            _log.WriteLine(push.Output + push.Error);
            Assert.True(push.ExitCode == 0, push.ToString());
            JsonArray results = JsonNode.Parse(push.Output).AsArray();
            Assert.Equal(_fleet.ProbeAddresses.Length, results.Count);
            var seen = new HashSet<string>();
            foreach (JsonNode r in results)
            {
                Assert.True(r["ok"].GetValue<bool>(), r.ToJsonString());
                Assert.True(r["applied"].GetValue<bool>(), r.ToJsonString());
                seen.Add(r["probe"].GetValue<string>());
            }

            foreach (string address in _fleet.ProbeAddresses)
            {
                Assert.Contains(address, seen);
            }

            CliResult get = EprobeCli.Run("config", "get", "snmp.sysContact", "snmp.sysLocation", "history.billingDay", "history.utcOffsetMinutes", "alarms.rules.loadHigh.warning",
                "channels[2].ctRatedA", "channels[3].ctRatedA", "--discover", "--broadcast", _fleet.BroadcastAddress, "--json");
            Assert.True(get.ExitCode == 0, get.ToString());
            JsonArray answers = JsonNode.Parse(get.Output).AsArray();
            Assert.Equal(_fleet.ProbeAddresses.Length, answers.Count);
            for (int i = 0; i < _fleet.ProbeAddresses.Length; i++)
            {
                JsonNode values = null;
                foreach (JsonNode a in answers)
                {
                    if (a["probe"].GetValue<string>() == _fleet.ProbeAddresses[i])
                    {
                        values = a["values"];
                    }
                }

                Assert.NotNull(values);
                Assert.Equal("noc@dc.example", values["snmp.sysContact"].GetValue<string>());
                Assert.Equal("Rack " + (i + 1), values["snmp.sysLocation"].GetValue<string>());
                Assert.Equal(15, values["history.billingDay"].GetValue<int>());
                Assert.Equal(60, values["history.utcOffsetMinutes"].GetValue<int>());
                Assert.Equal(70, values["alarms.rules.loadHigh.warning"].GetValue<int>());
                Assert.Equal(63, values["channels[2].ctRatedA"].GetValue<int>());
                Assert.Equal(channel4[i], values["channels[3].ctRatedA"].GetValue<double>());

                var (status, body) = VirtualProbe.Curl("http://" + _fleet.ProbeAddresses[i] + "/api/v1/config");
                Assert.True(status == 200, body);
                JsonNode own = JsonNode.Parse(body);
                Assert.Equal("noc@dc.example", own["snmp"]["sysContact"].GetValue<string>());
                Assert.Equal("Rack " + (i + 1), own["snmp"]["sysLocation"].GetValue<string>());
                Assert.Equal(15, own["history"]["billingDay"].GetValue<int>());
                Assert.Equal(85, own["alarms"]["rules"]["loadHigh"]["critical"].GetValue<int>());
                Assert.Equal(63, own["channels"][0]["ctRatedA"].GetValue<int>());
            }
        }
    }
}
