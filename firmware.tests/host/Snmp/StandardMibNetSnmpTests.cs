using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Ipenergy.Probe.Protocols.Snmp;
using Ipenergy.Probe.Protocols.Snmp.Mib;
using Ipenergy.Probe.Tests.Unit.Snmp;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Snmp
{
    /// <summary>
    /// The standard subtrees served by the real agent on 127.0.0.1 (port 0) and read by net-snmp's own tools
    /// (package snmp): snmpwalk/snmpbulkwalk/snmpget with numeric OIDs and no MIB files, snmpset of the
    /// system group through the live configuration, and with ../shared/mibs present a symbolic walk of
    /// ENTITY-SENSOR-MIB::entPhySensorTable.
    /// </summary>
    public sealed class StandardMibNetSnmpTests : IDisposable
    {
        private const string Sensor = ".1.3.6.1.2.1.99.1.1.1";
        private const string Physical = ".1.3.6.1.2.1.47.1.1.1.1";

        private readonly ITestOutputHelper _output;
        private readonly StandardMibFixture _f;
        private readonly SnmpAgent _agent;
        private readonly string _confDir;

        public StandardMibNetSnmpTests(ITestOutputHelper output)
        {
            _output = output;
            _f = new StandardMibFixture();
            _f.Source.Latest = StandardMibFixture.Snapshot(1);
            var settings = new SnmpSettings { ReadCommunity = "public", WriteCommunity = "private" };
            var processor = new SnmpMessageProcessor(_f.Tree, _f.Counters, settings, SnmpMessageProcessor.DefaultMaxMessageSize);
            _agent = new SnmpAgent(processor, "127.0.0.1", 0);
            _agent.Start();
            _confDir = Directory.CreateTempSubdirectory("stdmib-snmpconf").FullName;
        }

        public void Dispose()
        {
            _agent.Stop();
            Directory.Delete(_confDir, true);
        }

        private string Target { get { return "127.0.0.1:" + _agent.Port; } }

        [Fact]
        public void SnmpwalkReadsTheSystemGroupAndCounters()
        {
            string walk = Tool("snmpwalk", null, "-v2c", "-c", "public", "-On", "-m", "", Target, ".1.3.6.1.2.1.1");
            Assert.Contains(".1.3.6.1.2.1.1.1.0 = STRING: \"IPenergy Modul'Power e-Probe MPP18, firmware 0.5.0, 6 channels\"", walk);
            Assert.Contains(".1.3.6.1.2.1.1.2.0 = OID: .1.3.6.1.4.1.32473.1.4.2", walk);
            Assert.Contains(".1.3.6.1.2.1.1.3.0 = Timeticks: ", walk);
            Assert.Contains(".1.3.6.1.2.1.1.5.0 = STRING: \"e-Probe\"", walk);
            Assert.Contains(".1.3.6.1.2.1.1.6.0 = STRING: \"Room 1\"", walk);
            Assert.Contains(".1.3.6.1.2.1.1.7.0 = INTEGER: 72", walk);
            Assert.Equal(7, Lines(walk).Length);

            string snmp = Tool("snmpwalk", null, "-v1", "-c", "public", "-On", "-m", "", Target, ".1.3.6.1.2.1.11");
            Assert.Equal(30, Lines(snmp).Length);
            Assert.Contains(".1.3.6.1.2.1.11.30.0 = INTEGER: 2", snmp);
            Assert.Matches(@"\.1\.3\.6\.1\.2\.1\.11\.1\.0 = Counter32: [1-9]", snmp);
        }

        [Fact]
        public void SnmpwalkReadsEntitiesAndSensors()
        {
            string names = Tool("snmpwalk", null, "-v2c", "-c", "public", "-On", "-m", "", Target, Physical + ".7");
            Assert.Equal(25, Lines(names).Length);
            Assert.Contains(Physical + ".7.1 = STRING: \"e-Probe MPP18\"", names);
            Assert.Contains(Physical + ".7.111 = STRING: \"L1 voltage\"", names);
            Assert.Contains(Physical + ".7.1061 = STRING: \"Ch 6 current (UPS-2 in, rack B12)\"", names);
            Assert.Contains(Physical + ".7.2011 = STRING: \"Circuit PDU-A1 load\"", names);

            string values = Tool("snmpwalk", null, "-v2c", "-c", "public", "-On", "-m", "", Target, Sensor + ".4");
            Assert.Equal(24, Lines(values).Length);
            Assert.Contains(Sensor + ".4.111 = INTEGER: 2301", values);
            Assert.Contains(Sensor + ".4.112 = INTEGER: 5002", values);
            Assert.Contains(Sensor + ".4.1011 = INTEGER: 1025", values);
            Assert.Contains(Sensor + ".4.1062 = INTEGER: -1235", values);

            string get = Tool("snmpget", null, "-v1", "-c", "public", "-On", "-m", "", Target,
                Sensor + ".1.111", Sensor + ".3.112", Sensor + ".5.2013", Sensor + ".8.1011", ".1.3.6.1.2.1.47.1.4.1.0");
            Assert.Contains(Sensor + ".1.111 = INTEGER: 3", get);
            Assert.Contains(Sensor + ".3.112 = INTEGER: 2", get);
            Assert.Contains(Sensor + ".5.2013 = INTEGER: 1", get);
            Assert.Contains(Sensor + ".8.1011 = Gauge32: 1000", get);
            Assert.Contains(".1.3.6.1.2.1.47.1.4.1.0 = Timeticks: (0)", get);
        }

        [Fact]
        public void SnmpbulkwalkOfTheWholeViewEndsCleanly()
        {
            string all = Tool("snmpbulkwalk", null, "-v2c", "-c", "public", "-On", "-m", "", "-Cr20", Target, ".1");
            string[] lines = Lines(all);
            _output.WriteLine(string.Join("\n", lines.Skip(lines.Length - 2)));

            // Every object once, then net-snmp's own line for endOfMibView at the end of the view.
            Assert.Equal(7 + 30 + (18 * 25) + 1 + (8 * 24) + 1, lines.Length);
            Assert.DoesNotContain("No Such", all);
            Assert.StartsWith(".1.3.6.1.2.1.1.1.0 =", lines[0]);
            Assert.StartsWith(Sensor + ".8.2023 = Gauge32: 1000", lines[lines.Length - 2]);
            Assert.Contains("No more variables left in this MIB View", lines[lines.Length - 1]);
        }

        [Fact]
        public void SnmpsetWritesSysNameThroughTheConfigurationAndRefusesBadValues()
        {
            string set = Tool("snmpset", null, "-v2c", "-c", "private", "-On", "-m", "", Target, ".1.3.6.1.2.1.1.5.0", "s", "probe-b12",
                ".1.3.6.1.2.1.1.6.0", "s", "Hall B, row 3");
            Assert.Contains(".1.3.6.1.2.1.1.5.0 = STRING: \"probe-b12\"", set);
            Assert.Equal("probe-b12", _f.Live.Current.Snmp.SysName);
            Assert.Equal("Hall B, row 3", _f.Live.Current.Snmp.SysLocation);
            string get = Tool("snmpget", null, "-v2c", "-c", "public", "-On", "-m", "", Target, ".1.3.6.1.2.1.1.5.0");
            Assert.Contains("STRING: \"probe-b12\"", get);

            int applies = _f.Live.Applies;
            string tooLong = Tool("snmpset", 2, "-v2c", "-c", "private", "-On", "-m", "", Target, ".1.3.6.1.2.1.1.5.0", "s", new string('x', 65));
            Assert.Contains("wrongLength", tooLong);
            string wrongType = Tool("snmpset", 2, "-v2c", "-c", "private", "-On", "-m", "", Target, ".1.3.6.1.2.1.1.4.0", "i", "5");
            Assert.Contains("wrongType", wrongType);
            string control = Tool("snmpset", 2, "-v2c", "-c", "private", "-On", "-m", "", Target, ".1.3.6.1.2.1.1.6.0", "x", "41420A43");
            Assert.Contains("wrongValue", control);
            Assert.Equal(applies, _f.Live.Applies);
            Assert.Equal("probe-b12", _f.Live.Current.Snmp.SysName);

            Tool("snmpset", null, "-v2c", "-c", "private", "-On", "-m", "", Target, ".1.3.6.1.2.1.11.30.0", "i", "1");
            Assert.True(_f.AuthenTraps.Enabled);
        }

        [Fact]
        public void SymbolicWalkOfEntPhySensorTableWithTheIetfModules()
        {
            string mibs = SharedMibs.Directory;
            if (mibs == null)
            {
                SharedMibs.ReportAbsent(_output, "symbolic snmpwalk of ENTITY-SENSOR-MIB::entPhySensorTable");
                return;
            }

            string walk = Tool("snmpwalk", null, "-v2c", "-c", "public", "-M", "+" + mibs, "-m", "ALL", Target, "ENTITY-SENSOR-MIB::entPhySensorTable");
            string[] lines = Lines(walk);
            _output.WriteLine(string.Join("\n", lines.Take(8).Concat(lines.Skip(lines.Length - 2))));

            // The table is the last object of this view: net-snmp ends with its endOfMibView line.
            Assert.Equal(8 * 24, lines.Count(l => l.StartsWith("ENTITY-SENSOR-MIB::entPhySensor", StringComparison.Ordinal) && !l.Contains("No more variables")));
            Assert.Equal(8 * 24 + 1, lines.Length);
            Assert.Contains("ENTITY-SENSOR-MIB::entPhySensorType.111 = INTEGER: voltsAC(3)", walk);
            Assert.Contains("ENTITY-SENSOR-MIB::entPhySensorType.112 = INTEGER: hertz(7)", walk);
            Assert.Contains("ENTITY-SENSOR-MIB::entPhySensorType.1011 = INTEGER: amperes(5)", walk);
            Assert.Contains("ENTITY-SENSOR-MIB::entPhySensorType.1012 = INTEGER: watts(6)", walk);
            Assert.Contains("ENTITY-SENSOR-MIB::entPhySensorScale.111 = INTEGER: units(9)", walk);
            Assert.Contains("ENTITY-SENSOR-MIB::entPhySensorOperStatus.111 = INTEGER: ok(1)", walk);
            Assert.Contains("ENTITY-SENSOR-MIB::entPhySensorUnitsDisplay.112 = STRING: Hz", walk);

            string names = Tool("snmpwalk", null, "-v2c", "-c", "public", "-M", "+" + mibs, "-m", "ALL", Target, "ENTITY-MIB::entPhysicalClass");
            Assert.Contains("ENTITY-MIB::entPhysicalClass.1 = INTEGER: chassis(3)", names);
            Assert.Contains("ENTITY-MIB::entPhysicalClass.111 = INTEGER: sensor(8)", names);
        }

        private static string[] Lines(string text)
        {
            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }

        // Runs a net-snmp tool (1 try, 2 s timeout) with no user or system configuration and no default MIBs;
        // exit code 0 expected unless one is given. Returns stdout + stderr.
        private string Tool(string name, int? expectedExit, params string[] args)
        {
            string path = "/usr/bin/" + name;
            Assert.True(File.Exists(path), name + " is not installed: apt-get install snmp (listed in .ci/apt-packages)");
            var start = new ProcessStartInfo(path)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
            };
            start.ArgumentList.Add("-r");
            start.ArgumentList.Add("0");
            start.ArgumentList.Add("-t");
            start.ArgumentList.Add("2");
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["MIBS"] = "";
            start.Environment["MIBDIRS"] = "";
            start.Environment["SNMPCONFPATH"] = _confDir;
            start.Environment["HOME"] = _confDir;
            using Process process = Process.Start(start);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(60000))
            {
                process.Kill(true);
                Assert.Fail(name + " did not finish in 60 s");
            }

            process.WaitForExit();
            string output = stdout.Result + stderr.Result;
            int expected = expectedExit ?? 0;
            Assert.True(process.ExitCode == expected, name + " " + string.Join(" ", args) + ": exit " + process.ExitCode + "\n" + output);
            return output;
        }
    }
}
