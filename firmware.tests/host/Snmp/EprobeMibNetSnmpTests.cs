using System;
using System.Linq;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Protocols.Snmp;
using Ipenergy.Probe.Protocols.Snmp.Mib;
using Ipenergy.Probe.Tests.Unit.Snmp;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Snmp
{
    /// <summary>
    /// The IPENERGY-EPROBE-MIB subtrees in the real agent on 127.0.0.1 (port 0), read and written by
    /// net-snmp's tools (package snmp): numeric walks with no MIB files, snmpset through the live
    /// configuration, and with ../shared/mibs present a symbolic walk with tools/mib.
    /// </summary>
    public sealed class EprobeMibNetSnmpTests : IDisposable
    {
        private const string Objects = ".1.3.6.1.4.1.32473.1.1";

        private readonly ITestOutputHelper _out;
        private readonly EprobeMibSource _source;
        private readonly EprobeMibLiveConfig _live;
        private readonly SnmpAgent _agent;

        public EprobeMibNetSnmpTests(ITestOutputHelper output)
        {
            _out = output;
            _source = new EprobeMibSource { Latest = EprobeMibFixture.Snapshot(3, new[] { "A" }) };
            _live = new EprobeMibLiveConfig(EprobeMibFixture.Config());
            var clock = new EprobeMibClock { UtcNow = EprobeMibFixture.SnapshotTime.AddSeconds(1) };
            var tree = new MibTree(EprobeMib.CreateSubtrees(_source, _live, new DeviceIdentity("MPP3", "", "0.6.0", "EP3-0001"), clock));
            var settings = new SnmpSettings { ReadCommunity = "public", WriteCommunity = "private" };
            var processor = new SnmpMessageProcessor(tree, new SnmpCounters(), settings, SnmpMessageProcessor.DefaultMaxMessageSize);
            _agent = new SnmpAgent(processor, "127.0.0.1", 0);
            _agent.Start();
        }

        public void Dispose()
        {
            _agent.Stop();
        }

        private string Target { get { return "127.0.0.1:" + _agent.Port; } }

        [Fact]
        public void SnmpwalkReadsEveryObjectWithItsTypeScaleAndSign()
        {
            string walk = Numeric("snmpwalk", "-v2c", "-c", "public", Target, Objects);
            string[] lines = Lines(walk);
            _out.WriteLine(walk);

            // MPP3 fixture: 12 device scalars, 7 columns × 3 phases, 18 × 3 channels, 14 × 1 circuit; then
            // net-snmp's line for endOfMibView (these subtrees are the agent's whole view here).
            Assert.Equal(12 + 21 + 54 + 14 + 1, lines.Length);
            Assert.Contains("No more variables left in this MIB View", lines[lines.Length - 1]);
            Assert.DoesNotContain("No Such", walk);
            Assert.Contains(Objects + ".1.1.0 = STRING: \"MPP3\"", lines);
            Assert.Contains(Objects + ".1.2.0 = STRING: \"EP3-0001\"", lines);
            Assert.Contains(Objects + ".1.5.0 = INTEGER: 2300", lines);
            Assert.Contains(Objects + ".1.7.0 = Gauge32: 5000", lines);
            Assert.Contains(Objects + ".1.9.0 = Gauge32: 7", lines);
            Assert.Contains(Objects + ".1.12.0 = INTEGER: 2", lines);
            Assert.Contains(Objects + ".2.1.2.2 = STRING: \"L2\"", lines);
            Assert.Contains(Objects + ".2.1.4.1 = Gauge32: 2301", lines);
            Assert.Contains(Objects + ".2.1.8.2 = INTEGER: -1200", lines);
            Assert.Contains(Objects + ".3.1.2.1 = STRING: \"PDU-1A\"", lines);
            Assert.Contains(Objects + ".3.1.8.1 = Gauge32: 16250", lines);
            Assert.Contains(Objects + ".3.1.9.2 = INTEGER: -1235", lines);
            Assert.Contains(Objects + ".3.1.12.2 = INTEGER: -986", lines);
            Assert.Contains(Objects + ".3.1.16.1 = Counter64: 123456", lines);
            Assert.Contains(Objects + ".3.1.18.1 = Counter64: 10000000000", lines);
            Assert.Contains(Objects + ".4.1.5.1 = Gauge32: 32", lines);
            Assert.Contains(Objects + ".4.1.14.1 = Counter64: 5000", lines);

            // GETBULK gives the same names and values.
            string bulk = Numeric("snmpbulkwalk", "-v2c", "-c", "public", "-Cr25", Target, Objects);
            Assert.Equal(lines, Lines(bulk));
        }

        [Fact]
        public void SnmpgetBeforeTheFirstSnapshotSaysNoSuchInstance()
        {
            _source.Latest = null;
            string get = Numeric("snmpget", "-v2c", "-c", "public", Target, Objects + ".3.1.8.1", Objects + ".3.1.2.1");
            Assert.Contains(Objects + ".3.1.8.1 = No Such Instance currently exists at this OID", get);
            Assert.Contains(Objects + ".3.1.2.1 = STRING: \"PDU-1A\"", get);
        }

        [Fact]
        public void SnmpsetWritesThroughTheConfigurationAndRefusesBadValues()
        {
            string set = Numeric("snmpset", "-v2c", "-c", "private", Target,
                Objects + ".3.1.2.2", "s", "Rack 7 PDU", Objects + ".4.1.5.1", "u", "40");
            Assert.Contains(Objects + ".3.1.2.2 = STRING: \"Rack 7 PDU\"", set);
            Assert.Equal("Rack 7 PDU", _live.Current.Channels[1].Label);
            Assert.Equal(40.0, _live.Current.Circuits[0].BreakerRatedAmps);
            int applied = _live.Applied;

            // A control character: wrongValue, nothing changed.
            PeerProcess.Result bad = EprobeMibTools.Run("snmpset", "snmp", string.Empty,
                "-On", "-m", "", "-r", "0", "-t", "3", "-v2c", "-c", "private", Target, Objects + ".3.1.3.1", "x", "52 0A 31");
            _out.WriteLine(bad.ToString());
            Assert.Contains("wrongValue", bad.Stdout + bad.Stderr);
            bad = EprobeMibTools.Run("snmpset", "snmp", string.Empty,
                "-On", "-m", "", "-r", "0", "-t", "3", "-v2c", "-c", "private", Target, Objects + ".3.1.8.1", "u", "1");
            Assert.Contains("notWritable", bad.Stdout + bad.Stderr);
            Assert.Equal(applied, _live.Applied);
            Assert.Equal("R12", _live.Current.Channels[0].Rack);
        }

        [Fact]
        public void SnmpwalkWithTheMibPrintsSymbolicNamesAndUnits()
        {
            string shared = SharedMibs.Directory;
            if (shared == null)
            {
                SharedMibs.ReportAbsent(_out, "symbolic snmpwalk of IPENERGY-EPROBE-MIB");
                return;
            }

            string mibs = shared + ":" + SharedMibs.ProjectDirectory;
            PeerProcess.Result r = EprobeMibTools.Run("snmpwalk", "snmp", mibs,
                "-M", mibs, "-m", "IPENERGY-EPROBE-MIB", "-r", "0", "-t", "3", "-v2c", "-c", "public", Target, "IPENERGY-EPROBE-MIB::eprobeChannelTable");
            _out.WriteLine(r.ToString());
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.DoesNotContain("Cannot", r.Stderr);
            string[] lines = Lines(r.Stdout);
            Assert.Equal(54, lines.Length);
            Assert.Contains("IPENERGY-EPROBE-MIB::eprobeChannelLabel.1 = STRING: PDU-1A", lines);
            Assert.Contains("IPENERGY-EPROBE-MIB::eprobeChannelPhase.3 = INTEGER: l3(3)", lines);
            Assert.Contains("IPENERGY-EPROBE-MIB::eprobeChannelActivePower.2 = INTEGER: -1235 W", lines);
            Assert.Contains("IPENERGY-EPROBE-MIB::eprobeChannelEnergyImport.1 = Counter64: 123456 Wh", lines);
        }

        private string Numeric(string tool, params string[] args)
        {
            string[] all = new[] { "-On", "-m", "", "-r", "0", "-t", "3" }.Concat(args).ToArray();
            PeerProcess.Result r = EprobeMibTools.Run(tool, "snmp", string.Empty, all);
            Assert.True(r.ExitCode == 0 && r.Stderr.Trim().Length == 0, tool + ": " + r);
            return r.Stdout;
        }

        private static string[] Lines(string text)
        {
            return text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray();
        }
    }
}
