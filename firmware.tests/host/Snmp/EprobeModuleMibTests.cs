using System;
using System.Collections.Generic;
using System.Linq;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Protocols.Snmp;
using Ipenergy.Probe.Protocols.Snmp.Mib;
using Ipenergy.Probe.Tests.TestSupport;
using Ipenergy.Probe.Tests.Unit.Snmp;
using Ipenergy.Probe.Tests.Unit.TestDoubles;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Snmp
{
    /// <summary>
    /// The bus gateway's objects of IPENERGY-EPROBE-MIB (eprobeBus, eprobeModuleTable,
    /// eprobeModulePhaseTable, eprobeModuleChannelTable) in the real agent on 127.0.0.1 over a
    /// FakeModuleDirectory, read by net-snmp's snmpwalk / snmpbulkwalk / snmpget; GETNEXT at the edges of
    /// the two-index tables in process; no allocation per request.
    /// Directory: addresses 1, 2, 3, 5 polled; 1 online (MPP3), 2 never answered, 3 offline with its last
    /// values (MPP3, other currents), 5 online (MPP18).
    /// </summary>
    public sealed class EprobeModuleMibTests : IDisposable
    {
        private const string Objects = ".1.3.6.1.4.1.32473.1.1";

        private readonly ITestOutputHelper _out;
        private readonly EprobeMibSource _source;
        private readonly EprobeMibLiveConfig _live;
        private readonly FakeModuleDirectory _modules;
        private readonly MibTree _tree;
        private readonly SnmpAgent _agent;

        public EprobeModuleMibTests(ITestOutputHelper output)
        {
            _out = output;
            _source = new EprobeMibSource { Latest = EprobeMibFixture.Snapshot(3, new[] { "A" }) };
            MeterConfig config = EprobeMibFixture.Config();
            config.Bus.Role = BusRoles.Gateway;
            _live = new EprobeMibLiveConfig(config);
            _modules = Directory();
            var clock = new EprobeMibClock { UtcNow = EprobeMibFixture.SnapshotTime.AddSeconds(1) };
            _tree = new MibTree(EprobeMib.CreateSubtrees(_source, _live, new DeviceIdentity("MPP3", "", "0.6.0", "GW-1"), clock, null, _modules));
            var settings = new SnmpSettings { ReadCommunity = "public", WriteCommunity = "private" };
            var processor = new SnmpMessageProcessor(_tree, new SnmpCounters(), settings, SnmpMessageProcessor.DefaultMaxMessageSize);
            _agent = new SnmpAgent(processor, "127.0.0.1", 0);
            _agent.Start();
        }

        public void Dispose()
        {
            _agent.Stop();
        }

        private string Target { get { return "127.0.0.1:" + _agent.Port; } }

        /// <summary>The directory of the class comment; module 3's channel currents are 5.0, 6.0, 7.0 A and its L1 is 221.3 V.</summary>
        public static FakeModuleDirectory Directory()
        {
            var modules = new FakeModuleDirectory(new[] { 1, 2, 3, 5 });
            modules.Set(1, ModuleStatus.Online, EprobeMibFixture.Snapshot(3, new string[0]), new DeviceIdentity("MPP3", "", "0.7.0", "EP3-0101"),
                "pdu-row-1", "hall A");
            MeasurementSnapshot three = EprobeMibFixture.Snapshot(3, new string[0]);
            for (int c = 0; c < 3; c++)
            {
                three.Channels[c].Irms = 5.0 + c;
            }

            three.Phases[0].Vrms = 221.3;
            modules.Set(3, ModuleStatus.Offline, three, new DeviceIdentity("MPP3", "", "0.7.0", "EP3-0103"), "", "");
            modules.SetAge(3, 12.34);
            modules.SetCounter(3, ModuleCounters.Polls, 120);
            modules.SetCounter(3, ModuleCounters.MissedPolls, 4);
            modules.SetCounter(3, ModuleCounters.Timeouts, 3);
            modules.SetCounter(3, ModuleCounters.CrcErrors, 1);
            modules.SetCounter(3, ModuleCounters.WentOffline, 1);
            modules.SetCounter(3, ModuleCounters.Unexpected, 0x100000002L);
            modules.Set(5, ModuleStatus.Online, EprobeMibFixture.Snapshot(18, new string[0]), new DeviceIdentity("MPP18", "", "0.7.0", "EP18-0105"),
                "pdu-row-5", "hall B");
            modules.SetCounter(2, ModuleCounters.Polls, 120);
            modules.SetCounter(2, ModuleCounters.Timeouts, 120);
            modules.LastCycleSeconds = 0.2345;
            return modules;
        }

        [Fact]
        public void SnmpwalkReadsTheModuleTableWithStatusIdentityCountersAndTotals()
        {
            string table = Objects + ".9.1";
            string walk = Numeric("snmpwalk", "-v2c", "-c", "public", Target, table);
            _out.WriteLine(walk);
            string[] lines = Lines(walk);

            // Modules 1, 3, 5 have every one of the 20 columns; module 2 (never answered) status, name,
            // location and the 7 counters.
            Assert.Equal(3 * 20 + 10, lines.Length);
            Assert.DoesNotContain("No Such", walk);
            Assert.Equal(table + ".2.1 = INTEGER: 2", lines[0]);
            Assert.Equal(table + ".2.2 = INTEGER: 1", lines[1]);
            Assert.Equal(table + ".2.3 = INTEGER: 3", lines[2]);
            Assert.Equal(table + ".2.5 = INTEGER: 2", lines[3]);
            Assert.Contains(table + ".3.5 = STRING: \"MPP18\"", lines);
            Assert.Contains(table + ".4.3 = STRING: \"EP3-0103\"", lines);
            Assert.Contains(table + ".5.1 = STRING: \"0.7.0\"", lines);
            Assert.Contains(table + ".6.1 = STRING: \"pdu-row-1\"", lines);
            Assert.Contains(table + ".6.2 = \"\"", lines);
            Assert.Contains(table + ".7.5 = STRING: \"hall B\"", lines);
            Assert.Contains(table + ".8.5 = INTEGER: 18", lines);
            Assert.Contains(table + ".9.3 = Gauge32: 123", lines);
            Assert.Contains(table + ".9.1 = Gauge32: 5", lines);
            Assert.DoesNotContain(lines, l => l.StartsWith(table + ".3.2 ", StringComparison.Ordinal) || l.StartsWith(table + ".9.2 ", StringComparison.Ordinal));

            // Module 1 (fixture MPP3): 3500.4 - 1234.5 + 3502.4 W; 3 × 123456.789 Wh imported.
            Assert.Contains(table + ".10.1 = INTEGER: 5768", lines);
            Assert.Contains(table + ".11.1 = Counter64: 370370", lines);
            Assert.Contains(table + ".12.1 = Counter64: 2", lines);
            Assert.Contains(table + ".13.5 = Gauge32: 5000", lines);
            Assert.Contains(table + ".14.5 = Gauge32: 8", lines);

            // Counters (Counter32; a 64-bit count wraps to its low half).
            Assert.Contains(table + ".15.3 = Counter32: 120", lines);
            Assert.Contains(table + ".16.3 = Counter32: 4", lines);
            Assert.Contains(table + ".17.3 = Counter32: 3", lines);
            Assert.Contains(table + ".18.3 = Counter32: 1", lines);
            Assert.Contains(table + ".19.3 = Counter32: 0", lines);
            Assert.Contains(table + ".20.3 = Counter32: 2", lines);
            Assert.Contains(table + ".21.3 = Counter32: 1", lines);
            Assert.Contains(table + ".17.2 = Counter32: 120", lines);

            Assert.Equal(lines, Lines(Numeric("snmpbulkwalk", "-v2c", "-c", "public", "-Cr13", Target, table)));

            // eprobeBus: gateway(3), 235 ms, 4 polled, 2 online, 1 offline; totals over this e-Probe and
            // modules 1 and 5 (3 is offline: in the energy sum only).
            string bus = Numeric("snmpwalk", "-v2c", "-c", "public", Target, Objects + ".8");
            _out.WriteLine(bus);
            string[] b = Lines(bus);
            Assert.Equal(14, b.Length);
            Assert.Equal(Objects + ".8.1.0 = INTEGER: 3", b[0]);
            Assert.Equal(Objects + ".8.2.0 = Gauge32: 235", b[1]);
            Assert.Equal(Objects + ".8.3.0 = Gauge32: 4", b[2]);
            Assert.Equal(Objects + ".8.4.0 = Gauge32: 2", b[3]);
            Assert.Equal(Objects + ".8.5.0 = Gauge32: 1", b[4]);
            Assert.Equal(Objects + ".8.6.0 = Gauge32: 3", b[5]);
            MeasurementSnapshot[] live = { _source.Latest, _modules.LatestOf(1), _modules.LatestOf(5) };
            MeasurementSnapshot[] all = { _source.Latest, _modules.LatestOf(1), _modules.LatestOf(3), _modules.LatestOf(5) };
            double p = live.SelectMany(s => s.Channels).Sum(c => c.ActivePowerW);
            double q = live.SelectMany(s => s.Channels).Sum(c => c.ReactivePowerVar);
            double va = live.SelectMany(s => s.Channels).Sum(c => c.ApparentPowerVA);
            long import = all.SelectMany(s => s.Channels).Sum(c => c.ImportEnergyMilliWh);
            long export = all.SelectMany(s => s.Channels).Sum(c => c.ExportEnergyMilliWh);
            Assert.Equal(Objects + ".8.7.0 = INTEGER: " + (long)Math.Round(p, MidpointRounding.AwayFromZero), b[6]);
            Assert.Equal(Objects + ".8.8.0 = INTEGER: " + (long)Math.Round(q, MidpointRounding.AwayFromZero), b[7]);
            Assert.Equal(Objects + ".8.9.0 = Gauge32: " + (long)Math.Round(va, MidpointRounding.AwayFromZero), b[8]);
            Assert.Equal(Objects + ".8.10.0 = Counter64: " + import / 1000, b[9]);
            Assert.Equal(Objects + ".8.11.0 = Counter64: " + export / 1000, b[10]);
            for (int phase = 0; phase < 3; phase++)
            {
                double amps = live.SelectMany(s => s.Channels).Where(c => c.Phase == phase).Sum(c => c.Irms);
                Assert.Equal(Objects + ".8." + (12 + phase) + ".0 = Gauge32: " + (long)Math.Round(amps * 100, MidpointRounding.AwayFromZero), b[9 + 2 + phase]);
            }
        }

        [Fact]
        public void SnmpwalkReadsThePhaseAndChannelRowsOfTheModulesWithMeasurements()
        {
            string phases = Objects + ".10.1";
            string[] p = Lines(Numeric("snmpwalk", "-v2c", "-c", "public", Target, phases));
            _out.WriteLine(string.Join("\n", p));

            // Modules 1, 3, 5 × 3 phases × 3 columns; none for module 2. Ordered column, address, phase.
            Assert.Equal(3 * 3 * 3, p.Length);
            Assert.Equal(phases + ".2.1.1 = Gauge32: 2301", p[0]);
            Assert.Equal(phases + ".2.1.2 = Gauge32: 2311", p[1]);
            Assert.Equal(phases + ".2.1.3 = Gauge32: 2321", p[2]);
            Assert.Equal(phases + ".2.3.1 = Gauge32: 2213", p[3]);
            Assert.Equal(phases + ".2.5.3 = Gauge32: 2321", p[8]);
            Assert.Equal(phases + ".3.1.1 = Gauge32: 5000", p[9]);
            Assert.Equal(phases + ".4.5.3 = Gauge32: 25", p[26]);
            Assert.DoesNotContain(p, l => l.Contains(phases + ".2.2.", StringComparison.Ordinal));
            Assert.Equal(p, Lines(Numeric("snmpbulkwalk", "-v2c", "-c", "public", "-Cr9", Target, phases)));

            string channels = Objects + ".11.1";
            // The channel table is the agent's last subtree here: net-snmp ends with its endOfMibView line.
            string[] c = Lines(Numeric("snmpwalk", "-v2c", "-c", "public", Target, channels));
            Assert.Equal((3 + 3 + 18) * 8 + 1, c.Length);
            Assert.Contains("No more variables left in this MIB View", c[c.Length - 1]);
            Assert.Equal(channels + ".2.1.1 = Gauge32: 16250", c[0]);
            Assert.Equal(channels + ".2.3.1 = Gauge32: 5000", c[3]);
            Assert.Equal(channels + ".2.3.3 = Gauge32: 7000", c[5]);
            Assert.Equal(channels + ".2.5.1 = Gauge32: 16250", c[6]);
            Assert.Equal(channels + ".2.5.18 = Gauge32: 33250", c[23]);
            Assert.Equal(channels + ".3.1.1 = INTEGER: 3500", c[24]);
            Assert.Contains(channels + ".3.5.2 = INTEGER: -1235", c);
            Assert.Contains(channels + ".4.5.7 = INTEGER: -251", c);
            Assert.Contains(channels + ".5.1.3 = Gauge32: 3701", c);
            Assert.Contains(channels + ".6.5.2 = INTEGER: -986", c);
            Assert.Contains(channels + ".7.3.1 = Gauge32: 163", c);
            Assert.Contains(channels + ".8.5.18 = Counter64: 123456", c);
            Assert.Contains(channels + ".9.1.1 = Counter64: 0", c);
            Assert.Equal(c, Lines(Numeric("snmpbulkwalk", "-v2c", "-c", "public", "-Cr20", Target, channels)));

            // GET: a cell, a module without rows, a channel past the module's last, a wrong index length.
            string get = Numeric("snmpget", "-v2c", "-c", "public", Target, channels + ".2.5.18", channels + ".2.2.1",
                channels + ".2.1.4", channels + ".2.1", phases + ".2.3.1", Objects + ".9.1.2.4");
            _out.WriteLine(get);
            Assert.Contains(channels + ".2.5.18 = Gauge32: 33250", get);
            Assert.Contains(channels + ".2.2.1 = No Such Instance", get);
            Assert.Contains(channels + ".2.1.4 = No Such Instance", get);
            Assert.Contains(channels + ".2.1 = No Such Instance", get);
            Assert.Contains(phases + ".2.3.1 = Gauge32: 2213", get);
            Assert.Contains(Objects + ".9.1.2.4 = No Such Instance", get);

            // Writes: none of these objects is writable.
            PeerProcess.Result set = EprobeMibTools.Run("snmpset", "snmp", string.Empty,
                "-On", "-m", "", "-r", "0", "-t", "3", "-v2c", "-c", "private", Target, channels + ".2.1.1", "u", "1");
            Assert.Contains("notWritable", set.Stdout + set.Stderr);
        }

        [Fact]
        public void ModulesChangeBetweenRequests()
        {
            // Module 2 answers for the first time; module 5 goes offline: rows follow at the next request.
            _modules.Set(2, ModuleStatus.Online, EprobeMibFixture.Snapshot(3, new string[0]), new DeviceIdentity("MPP3", "", "0.7.0", "EP3-0102"), "", "");
            _modules.SetStatus(5, ModuleStatus.Offline);
            string[] c = Lines(Numeric("snmpwalk", "-v2c", "-c", "public", Target, Objects + ".11.1.2"));
            Assert.Equal(3 + 3 + 3 + 18, c.Length);
            Assert.Equal(Objects + ".11.1.2.2.1 = Gauge32: 16250", c[3]);
            string status = Numeric("snmpget", "-v2c", "-c", "public", Target, Objects + ".9.1.2.2", Objects + ".9.1.2.5", Objects + ".8.4.0",
                Objects + ".8.5.0");
            Assert.Contains(Objects + ".9.1.2.2 = INTEGER: 2", status);
            Assert.Contains(Objects + ".9.1.2.5 = INTEGER: 3", status);
            Assert.Contains(Objects + ".8.4.0 = Gauge32: 2", status);
            Assert.Contains(Objects + ".8.5.0 = Gauge32: 2", status);
        }

        [Fact]
        public void GetNextAtTheEdgesOfTheTwoIndexTables()
        {
            uint[] entry = EprobeMibLayout.ModuleChannelEntry;
            uint current = EprobeMibLayout.ModuleChannelCurrent;
            Assert.Equal(Name(entry, current, 1, 1), Next(Name(entry)));
            Assert.Equal(Name(entry, current, 1, 1), Next(Name(entry, current)));
            Assert.Equal(Name(entry, current, 3, 1), Next(Name(entry, current, 2)));
            Assert.Equal(Name(entry, current, 3, 1), Next(Name(entry, current, 1, 3)));
            Assert.Equal(Name(entry, current, 3, 1), Next(Name(entry, current, 3)));
            Assert.Equal(Name(entry, current, 3, 2), Next(Name(entry, current, 3, 1)));
            Assert.Equal(Name(entry, current, 3, 2), Next(Name(entry, current, 3, 1, 7)));
            Assert.Equal(Name(entry, current, 5, 1), Next(Name(entry, current, 3, 3)));
            Assert.Equal(Name(entry, current, 5, 1), Next(Name(entry, current, 4, 99)));
            Assert.Equal(Name(entry, current + 1, 1, 1), Next(Name(entry, current, 5, 18)));
            Assert.Equal(Name(entry, current + 1, 1, 1), Next(Name(entry, current, 6)));
            Assert.Equal(Name(entry, current + 1, 1, 1), Next(Name(entry, current, 0xFFFFFFFFu, 0xFFFFFFFFu)));

            // After the last cell the walk leaves the table (the next subtree or the end of the view).
            uint[] last = Name(entry, EprobeMibLayout.ModuleChannelEnergyExport, 5, 18);
            uint[] after = Next(last);
            Assert.True(after == null || ObjectId.Compare(after, after.Length, entry, entry.Length) > 0 && !ObjectId.StartsWith(after, after.Length, entry));

            // Module table: one index.
            uint[] module = EprobeMibLayout.ModuleEntry;
            Assert.Equal(Name(module, EprobeMibLayout.ModuleModel, 3), Next(Name(module, EprobeMibLayout.ModuleModel, 1)));
        }

        [Fact]
        public void WithoutADirectoryTheModuleTablesAreEmptyAndTheTotalsAreTheDevicesOwn()
        {
            MeterConfig config = EprobeMibFixture.Config();
            var tree = new MibTree(EprobeMib.CreateSubtrees(_source, new EprobeMibLiveConfig(config), new DeviceIdentity("MPP3", "", "0.6.0", "S1"),
                new EprobeMibClock { UtcNow = EprobeMibFixture.SnapshotTime }, null, null));
            var value = new SnmpValue();
            var next = new OidBuffer();
            foreach (uint[] entry in new[] { EprobeMibLayout.ModuleEntry, EprobeMibLayout.ModulePhaseEntry, EprobeMibLayout.ModuleChannelEntry })
            {
                tree.BeginRequest();
                bool found = tree.GetNext(entry, entry.Length, next, value);
                Assert.False(found && ObjectId.StartsWith(next.Arcs, next.Length, entry), "a row in " + string.Join(".", entry));
            }

            Assert.Equal(BusRoles.Standalone + EprobeMibLayout.BusRoleOffset, Scalar(tree, EprobeMibLayout.BusRole, value).Integer);
            Assert.Equal(0u, Scalar(tree, EprobeMibLayout.BusModulesPolled, value).Unsigned);
            Assert.Equal(0u, Scalar(tree, EprobeMibLayout.BusLastCycle, value).Unsigned);
            Assert.Equal(1u, Scalar(tree, EprobeMibLayout.SiteModulesCounted, value).Unsigned);
            Assert.Equal(5768, Scalar(tree, EprobeMibLayout.SiteActivePower, value).Integer);
            Assert.Equal(370370ul, Scalar(tree, EprobeMibLayout.SiteEnergyImport, value).Counter64);
        }

        [Fact]
        public void ReadingTheModuleTablesAllocatesNothing()
        {
            var value = new SnmpValue();
            var next = new OidBuffer();
            var walk = new uint[ObjectId.MaxArcs];
            var names = new List<uint[]>();
            int cells = Walk(walk, next, value, names);
            Assert.True(cells > 70 + 27 + 192, cells + " cells");

            long allocated = long.MaxValue;
            for (int attempt = 0; attempt < 4 && allocated != 0; attempt++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int round = 0; round < 10; round++)
                {
                    Walk(walk, next, value, null);
                    for (int k = 0; k < names.Count; k++)
                    {
                        _tree.BeginRequest();
                        _tree.Get(names[k], names[k].Length, value);
                        if (SnmpType.IsException(value.Type))
                        {
                            Assert.Fail("no value for " + string.Join(".", names[k]));
                        }
                    }
                }

                long used = GC.GetAllocatedBytesForCurrentThread() - before;
                _out.WriteLine("pass " + attempt + ": " + used + " bytes for 10 × (" + cells + " GETNEXT + " + cells + " GET)");
                if (attempt > 0 && used < allocated)
                {
                    allocated = used;
                }
            }

            Assert.True(allocated == 0, allocated + " bytes allocated");
        }

        [Fact]
        public void SnmpwalkWithTheMibPrintsTheModuleNamesAndEnumerations()
        {
            string shared = SharedMibs.Directory;
            if (shared == null)
            {
                SharedMibs.ReportAbsent(_out, "symbolic snmpwalk of eprobeModuleTable");
                return;
            }

            string mibs = shared + ":" + SharedMibs.ProjectDirectory;
            foreach (string table in new[] { "eprobeModuleTable", "eprobeModuleChannelTable", "eprobeBus" })
            {
                PeerProcess.Result r = EprobeMibTools.Run("snmpwalk", "snmp", mibs,
                    "-M", mibs, "-m", "IPENERGY-EPROBE-MIB", "-r", "0", "-t", "3", "-v2c", "-c", "public", Target, "IPENERGY-EPROBE-MIB::" + table);
                _out.WriteLine(r.ToString());
                Assert.True(r.ExitCode == 0, r.ToString());
                Assert.DoesNotContain("Cannot", r.Stderr);
                string[] lines = Lines(r.Stdout);
                switch (table)
                {
                    case "eprobeModuleTable":
                        Assert.Equal(70, lines.Length);
                        Assert.Contains("IPENERGY-EPROBE-MIB::eprobeModuleStatus.2 = INTEGER: unknown(1)", lines);
                        Assert.Contains("IPENERGY-EPROBE-MIB::eprobeModuleStatus.3 = INTEGER: offline(3)", lines);
                        Assert.Contains("IPENERGY-EPROBE-MIB::eprobeModuleSerialNumber.5 = STRING: EP18-0105", lines);
                        Assert.Contains("IPENERGY-EPROBE-MIB::eprobeModuleAge.3 = Gauge32: 123 0.1 s", lines);
                        Assert.Contains("IPENERGY-EPROBE-MIB::eprobeModuleCrcErrors.3 = Counter32: 1", lines);
                        break;
                    case "eprobeModuleChannelTable":
                        Assert.Equal(192 + 1, lines.Length);
                        Assert.Contains("IPENERGY-EPROBE-MIB::eprobeModuleChannelCurrent.5.18 = Gauge32: 33250 mA", lines);
                        Assert.Contains("IPENERGY-EPROBE-MIB::eprobeModuleChannelEnergyImport.3.2 = Counter64: 123456 Wh", lines);
                        break;
                    default:
                        Assert.Equal(14, lines.Length);
                        Assert.Contains("IPENERGY-EPROBE-MIB::eprobeBusRole.0 = INTEGER: gateway(3)", lines);
                        Assert.Contains("IPENERGY-EPROBE-MIB::eprobeBusLastCycle.0 = Gauge32: 235 ms", lines);
                        break;
                }
            }
        }

        private static SnmpValue Scalar(MibTree tree, uint scalar, SnmpValue value)
        {
            uint[] name = Name(EprobeMibLayout.Bus, scalar, 0);
            tree.BeginRequest();
            tree.Get(name, name.Length, value);
            Assert.False(SnmpType.IsException(value.Type), "no value for " + string.Join(".", name));
            return value;
        }

        private uint[] Next(uint[] name)
        {
            var value = new SnmpValue();
            var next = new OidBuffer();
            _tree.BeginRequest();
            if (!_tree.GetNext(name, name.Length, next, value))
            {
                return null;
            }

            return next.Arcs.Take(next.Length).ToArray();
        }

        private static uint[] Name(uint[] prefix, params uint[] arcs)
        {
            return prefix.Concat(arcs).ToArray();
        }

        private int Walk(uint[] walk, OidBuffer next, SnmpValue value, List<uint[]> names)
        {
            uint[] start = EprobeMibLayout.Bus;
            Array.Copy(start, walk, start.Length);
            int length = start.Length;
            int count = 0;
            while (true)
            {
                _tree.BeginRequest();
                if (!_tree.GetNext(walk, length, next, value))
                {
                    return count;
                }

                Array.Copy(next.Arcs, walk, next.Length);
                length = next.Length;
                count++;
                if (names != null)
                {
                    var name = new uint[length];
                    Array.Copy(walk, name, length);
                    names.Add(name);
                }
            }
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
