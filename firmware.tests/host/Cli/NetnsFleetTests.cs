using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text.Json;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Cli
{
    /// <summary>Four virtual e-Probes, each in its own network namespace behind one bridge (started once per class).</summary>
    public sealed class FourProbeFleet : NetnsFleet
    {
        public FourProbeFleet()
            : base(4)
        {
        }
    }

    /// <summary>
    /// Issue 12 "Done when": several virtual e-Probes on separate hosts (network namespaces on a bridge), and the
    /// CLI in the root namespace finds them all with a real broadcast, then reads them all.
    /// </summary>
    public sealed class NetnsFleetTests : IClassFixture<FourProbeFleet>
    {
        private readonly FourProbeFleet _fleet;
        private readonly ITestOutputHelper _log;

        public NetnsFleetTests(FourProbeFleet fleet, ITestOutputHelper log)
        {
            _fleet = fleet;
            _log = log;
        }

        [Fact]
        public void DiscoverFindsEveryProbeAcrossTheBridgeWithItsOwnAddressAndSerial()
        {
            var watch = Stopwatch.StartNew();
            CliResult result = EprobeCli.Run("discover", "--broadcast", _fleet.BroadcastAddress, "--json");
            double seconds = watch.Elapsed.TotalSeconds;
            Assert.True(result.ExitCode == 0, result.ToString());

            JsonElement answers = JsonDocument.Parse(result.Output).RootElement;
            var found = new Dictionary<string, JsonElement>();
            foreach (JsonElement probe in answers.EnumerateArray())
            {
                found[probe.GetProperty("serial").GetString()] = probe;
            }

            _log.WriteLine("fleet of " + _fleet.ProbeAddresses.Length + " started in " + _fleet.StartSeconds.ToString("F1") + " s; discover: "
                + answers.GetArrayLength() + " answers in " + seconds.ToString("F2") + " s (process start included, --discovery-wait 2)");
            Assert.Equal(_fleet.ProbeAddresses.Length, answers.GetArrayLength());
            for (int i = 0; i < _fleet.Serials.Length; i++)
            {
                Assert.True(found.ContainsKey(_fleet.Serials[i]), "no answer from " + _fleet.Serials[i] + ": " + result);
                JsonElement probe = found[_fleet.Serials[i]];
                Assert.Equal(_fleet.ProbeIps[i], probe.GetProperty("address").GetString());
                Assert.Equal(_fleet.ProbeIps[i], probe.GetProperty("ip").GetString());
                Assert.Equal(NetnsFleet.HttpPort, probe.GetProperty("httpPort").GetInt32());
                Assert.Equal(NetnsFleet.ModbusPort, probe.GetProperty("modbusPort").GetInt32());
                Assert.Equal(NetnsFleet.SnmpPort, probe.GetProperty("snmpPort").GetInt32());
                Assert.Equal("MPP18", probe.GetProperty("model").GetString());
            }
        }

        [Fact]
        public void ReadWithDiscoverReadsEveryProbeOfTheFleet()
        {
            var watch = Stopwatch.StartNew();
            CliResult result = EprobeCli.Run("read", "--discover", "--broadcast", _fleet.BroadcastAddress, "--json");
            double seconds = watch.Elapsed.TotalSeconds;
            Assert.True(result.ExitCode == 0, result.ToString());
            JsonElement probes = JsonDocument.Parse(result.Output).RootElement;
            Assert.Equal(_fleet.ProbeAddresses.Length, probes.GetArrayLength());
            for (int i = 0; i < _fleet.ProbeAddresses.Length; i++)
            {
                // Discovered probes come sorted by address: NETNS-1 at .11 first.
                JsonElement probe = probes[i];
                Assert.Equal(_fleet.ProbeAddresses[i], probe.GetProperty("probe").GetString());
                Assert.True(probe.GetProperty("ok").GetBoolean(), probe.ToString());
                Assert.Equal(_fleet.Serials[i], probe.GetProperty("serial").GetString());
                Assert.InRange(probe.GetProperty("vrms").GetProperty("L1").GetDouble(), 225, 235);
                Assert.True(probe.GetProperty("activePowerW").GetDouble() > 0);
            }

            var readOnly = Stopwatch.StartNew();
            var args = new List<string> { "read", "--what", "channels" };
            foreach (string address in _fleet.ProbeAddresses)
            {
                args.Add("-p");
                args.Add(address);
            }

            CliResult channels = EprobeCli.Run(args.ToArray());
            double readSeconds = readOnly.Elapsed.TotalSeconds;
            Assert.True(channels.ExitCode == 0, channels.ToString());
            string[] lines = channels.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(1 + 18 * _fleet.ProbeAddresses.Length, lines.Length);
            _log.WriteLine("read --discover of " + probes.GetArrayLength() + " probes: " + seconds.ToString("F2") + " s (discovery wait 2 s included); read --what channels of "
                + _fleet.ProbeAddresses.Length + " probes by address: " + readSeconds.ToString("F2") + " s (process start included)");
        }

        [Fact]
        public void TheProbesAreReallyOnSeparateHosts()
        {
            // Same ports on every probe: only separate network stacks allow that. The root namespace reaches
            // each through the bridge, and no probe listens on the root namespace's loopback.
            for (int i = 0; i < _fleet.ProbeIps.Length; i++)
            {
                CliResult result = EprobeCli.Run("discover", "--broadcast", _fleet.ProbeIps[i], "--discovery-wait", "0.5", "--json");
                Assert.True(result.ExitCode == 0, result.ToString());
                JsonElement answers = JsonDocument.Parse(result.Output).RootElement;
                Assert.Equal(1, answers.GetArrayLength());
                Assert.Equal(_fleet.Serials[i], answers[0].GetProperty("serial").GetString());
            }

            Assert.Equal(_fleet.ProbeIps.Length, _fleet.Namespaces.Count);
            Assert.Equal(_fleet.Subnet + ".255", _fleet.BroadcastAddress);
        }
    }
}
