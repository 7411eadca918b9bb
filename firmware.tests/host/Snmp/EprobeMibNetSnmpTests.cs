using System;
using System.Linq;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Protocols.Snmp;
using Ipenergy.Probe.Protocols.Snmp.Mib;
using Ipenergy.Probe.Storage.Alarms;
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
        private readonly AlarmJournal _journal;

        public EprobeMibNetSnmpTests(ITestOutputHelper output)
        {
            _out = output;
            _source = new EprobeMibSource { Latest = EprobeMibFixture.Snapshot(3, new[] { "A" }) };
            _live = new EprobeMibLiveConfig(EprobeMibFixture.Config());
            var clock = new EprobeMibClock { UtcNow = EprobeMibFixture.SnapshotTime.AddSeconds(1) };
            _journal = new AlarmJournal(null);
            _journal.Open();
            var tree = new MibTree(EprobeMib.CreateSubtrees(_source, _live, new DeviceIdentity("MPP3", "", "0.6.0", "EP3-0001"), clock, _journal));
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

            // MPP3 fixture: 12 device scalars, 7 columns × 3 phases, 18 × 3 channels, 14 × 1 circuit, no
            // active alarm, 4 alarm counts, 14 bus scalars (not a gateway: no module rows); then net-snmp's
            // line for endOfMibView (these subtrees are the agent's whole view here).
            Assert.Equal(12 + 21 + 54 + 14 + 4 + 14 + 1, lines.Length);
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

        [Fact]
        public void SnmpwalkAndSnmpgetReadTheActiveAlarmsOfTheJournal()
        {
            uint load = Raise(AlarmCodes.SourceCircuit, 1, AlarmCodes.LoadHigh, AlarmCodes.LevelCritical, 91.25, 90.0);
            uint phase = Raise(AlarmCodes.SourcePhase, 1, AlarmCodes.UnderVoltage, AlarmCodes.LevelWarning, 205.04, 207.0);
            uint over = Raise(AlarmCodes.SourceChannel, 1, AlarmCodes.OverCurrent, AlarmCodes.LevelWarning, 101.0, 100.0);
            Assert.True(_journal.Acknowledge(phase, "operator", EprobeMibFixture.SnapshotTime.AddMinutes(5)));
            uint events = _journal.NextId - 1;
            Assert.Equal(4u, events);

            string table = Objects + ".6.1";
            string walk = Numeric("snmpwalk", "-v2c", "-c", "public", Target, table);
            _out.WriteLine(walk);
            string[] lines = Lines(walk);
            Assert.Equal(11 * 3, lines.Length);
            Assert.Equal(table + ".2." + load + " = INTEGER: 4", lines[0]);
            Assert.Equal(table + ".2." + phase + " = INTEGER: 2", lines[1]);
            Assert.Equal(table + ".2." + over + " = INTEGER: 3", lines[2]);
            Assert.Contains(table + ".3." + phase + " = Gauge32: 2", lines);
            Assert.Contains(table + ".4." + load + " = STRING: \"A\"", lines);
            Assert.Contains(table + ".4." + phase + " = STRING: \"L2\"", lines);
            Assert.Contains(table + ".4." + over + " = STRING: \"PDU-1A\"", lines);
            Assert.Contains(table + ".5." + phase + " = INTEGER: 4", lines);
            Assert.Contains(table + ".6." + over + " = INTEGER: 2", lines);
            Assert.Contains(table + ".7." + load + " = INTEGER: 2", lines);
            Assert.Contains(table + ".8." + load + " = INTEGER: 913", lines);
            Assert.Contains(table + ".9." + load + " = INTEGER: 900", lines);
            Assert.Contains(table + ".8." + phase + " = INTEGER: 2050", lines);
            Assert.Contains(table + ".8." + over + " = INTEGER: 101000", lines);
            Assert.Contains(table + ".9." + over + " = INTEGER: 100000", lines);
            Assert.Contains(table + ".10." + load + " = Hex-STRING: 07 EA 0B 19 07 1E 0F 02 2B 00 00 ", lines);
            Assert.Contains(table + ".11." + phase + " = INTEGER: 1", lines);
            Assert.Contains(table + ".11." + load + " = INTEGER: 2", lines);
            Assert.Contains(table + ".12." + phase + " = STRING: \"operator\"", lines);
            Assert.Contains(table + ".12." + load + " = \"\"", lines);

            string get = Numeric("snmpget", "-v2c", "-c", "public", Target, Objects + ".7.1.0", Objects + ".7.2.0", Objects + ".7.3.0",
                Objects + ".7.4.0", table + ".7." + over, table + ".7." + (over + 1));
            _out.WriteLine(get);
            Assert.Contains(Objects + ".7.1.0 = Gauge32: 3", get);
            Assert.Contains(Objects + ".7.2.0 = Gauge32: 2", get);
            Assert.Contains(Objects + ".7.3.0 = Gauge32: 1", get);
            Assert.Contains(Objects + ".7.4.0 = Counter32: " + events, get);
            Assert.Contains(table + ".7." + over + " = INTEGER: 1", get);
            Assert.Contains(table + ".7." + (over + 1) + " = No Such Instance currently exists at this OID", get);

            // GETBULK gives the same rows; a cleared alarm leaves the table at once.
            Assert.Equal(lines, Lines(Numeric("snmpbulkwalk", "-v2c", "-c", "public", "-Cr7", Target, table)));
            var cleared = EprobeMibAlarmNotificationTests.Entry(AlarmCodes.EventCleared, AlarmCodes.SourceCircuit, 1, AlarmCodes.LoadHigh,
                AlarmCodes.LevelNormal, AlarmCodes.LevelCritical, 70.0, 85.0, 0);
            _journal.Append(cleared);
            lines = Lines(Numeric("snmpwalk", "-v2c", "-c", "public", Target, table));
            Assert.Equal(11 * 2, lines.Length);
            Assert.DoesNotContain(lines, l => l.EndsWith("." + load + " = INTEGER: 4", StringComparison.Ordinal) || l.Contains(".2." + load + " ", StringComparison.Ordinal));
            Assert.Contains(Objects + ".7.4.0 = Counter32: " + (events + 1), Numeric("snmpget", "-v2c", "-c", "public", Target, Objects + ".7.4.0"));

            string shared = SharedMibs.Directory;
            if (shared == null)
            {
                SharedMibs.ReportAbsent(_out, "symbolic snmpwalk of eprobeActiveAlarmTable");
                return;
            }

            string mibs = shared + ":" + SharedMibs.ProjectDirectory;
            PeerProcess.Result r = EprobeMibTools.Run("snmpwalk", "snmp", mibs,
                "-M", mibs, "-m", "IPENERGY-EPROBE-MIB", "-r", "0", "-t", "3", "-v2c", "-c", "public", Target, "IPENERGY-EPROBE-MIB::eprobeActiveAlarmTable");
            _out.WriteLine(r.ToString());
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.DoesNotContain("Cannot", r.Stderr);
            string[] symbolic = Lines(r.Stdout);
            Assert.Equal(22, symbolic.Length);
            Assert.Contains("IPENERGY-EPROBE-MIB::eprobeActiveAlarmSourceKind." + phase + " = INTEGER: phase(2)", symbolic);
            Assert.Contains("IPENERGY-EPROBE-MIB::eprobeActiveAlarmCondition." + phase + " = INTEGER: underVoltage(4)", symbolic);
            Assert.Contains("IPENERGY-EPROBE-MIB::eprobeActiveAlarmCondition." + over + " = INTEGER: overCurrent(2)", symbolic);
            Assert.Contains("IPENERGY-EPROBE-MIB::eprobeActiveAlarmQuantity." + over + " = INTEGER: rmsCurrent(2)", symbolic);
            Assert.Contains("IPENERGY-EPROBE-MIB::eprobeActiveAlarmLevel." + phase + " = INTEGER: warning(1)", symbolic);
            Assert.Contains("IPENERGY-EPROBE-MIB::eprobeActiveAlarmRaisedTime." + phase + " = STRING: 2026-11-25,7:30:15.2,+0:0", symbolic);
            Assert.Contains("IPENERGY-EPROBE-MIB::eprobeActiveAlarmAcknowledged." + phase + " = INTEGER: true(1)", symbolic);
            Assert.Contains("IPENERGY-EPROBE-MIB::eprobeActiveAlarmAckUser." + phase + " = STRING: operator", symbolic);
        }

        private uint Raise(int source, int index, int condition, int level, double value, double threshold)
        {
            var e = EprobeMibAlarmNotificationTests.Entry(AlarmCodes.EventRaised, source, index, condition, level, AlarmCodes.LevelNormal,
                value, threshold, 0);
            _journal.Append(e);
            return e.AlarmId;
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
