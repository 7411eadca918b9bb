using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using Ipenergy.Probe.Tests.EndToEnd;
using Ipenergy.Probe.Tests.Snmp;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Templates
{
    /// <summary>
    /// A virtual MPP18 with two circuits (a 3-phase one on channels 4-6, a 1-phase one on channel 1) configured
    /// through the JSON API: the agent the SNMP template is checked against.
    /// </summary>
    public sealed class ZabbixSnmpProbe : IDisposable
    {
        public const string CircuitsJson = "{\"circuits\":["
            + "{\"name\":\"Row-A\",\"channels\":[4,5,6],\"breakerRatedA\":63,\"customer\":\"ACME\"},"
            + "{\"name\":\"PDU-1\",\"channels\":[1],\"breakerRatedA\":80}]}";

        public ZabbixSnmpProbe()
        {
            Probe = new VirtualProbe("--model", "MPP18");
            try
            {
                Probe.MeasurementsAfter(2);
                PeerProcess.Result put = PeerProcess.Run(PeerProcess.StartInfo(PeerProcess.Require("curl", "curl"), null,
                    "-sS", "--max-time", "10", "-w", "\n%{http_code}", "-u", "admin:admin", "-X", "PUT", "-H", "Content-Type: application/json",
                    "--data", CircuitsJson, Probe.HttpUrl + "/api/v1/config"), 30000);
                Assert.True(put.ExitCode == 0 && put.Stdout.EndsWith("\n200", StringComparison.Ordinal), "PUT circuits: " + put);

                // The circuit rows have measured cells once a second has been measured with the new layout.
                var deadline = DateTime.UtcNow.AddSeconds(30);
                while (true)
                {
                    var r = NetSnmpTool.Run("snmpget", "-On", "-m", "", "-r", "1", "-t", "2", "-v2c", "-c", "public", Target, "1.3.6.1.4.1.32473.1.1.4.1.7.2");
                    if (r.ExitCode == 0 && r.Output.Contains("Gauge32", StringComparison.Ordinal))
                    {
                        break;
                    }

                    Assert.True(DateTime.UtcNow < deadline, "the circuits never appeared over SNMP: " + r.All);
                    Thread.Sleep(200);
                }
            }
            catch
            {
                Probe.Dispose();
                throw;
            }
        }

        public VirtualProbe Probe { get; }

        public string Target
        {
            get { return "127.0.0.1:" + Probe.SnmpPort; }
        }

        public void Dispose()
        {
            Probe.Dispose();
        }
    }

    /// <summary>
    /// Every OID of tools/templates/zabbix/eprobe-snmp.yaml against a running virtual e-Probe with the real net-snmp
    /// tools: plain items answer snmpget with a value of the item's kind, each discovery rule's walked columns return
    /// rows, each item prototype answers for every discovered index, and values scaled by the template's own
    /// preprocessing match GET /api/v1/measurements.
    /// </summary>
    public sealed class ZabbixSnmpTests : IClassFixture<ZabbixSnmpProbe>
    {
        private const string TemplateName = "IPenergy e-Probe SNMP";
        private static readonly Regex Numeric = new Regex(@"= (INTEGER|Gauge32|Counter32|Counter64|Timeticks|Unsigned32): \(?(-?\d+)");
        private readonly ZabbixSnmpProbe _probe;
        private readonly ITestOutputHelper _out;
        private readonly JsonElement _template;

        public ZabbixSnmpTests(ZabbixSnmpProbe probe, ITestOutputHelper output)
        {
            _probe = probe;
            _out = output;
            _template = ZabbixTemplateFile.Snmp.Template(TemplateName);
        }

        [Fact]
        public void EveryPlainItemAnswersSnmpgetWithAValueOfItsKind()
        {
            var items = ZabbixTemplateFile.Array(_template, "items").Where(i => ZabbixTemplateFile.Text(i, "type") == "SNMP_AGENT").ToList();
            Assert.True(items.Count >= 30, "only " + items.Count + " SNMP items");
            Dictionary<string, string> values = Get(items.Select(i => ZabbixTemplateFile.Text(i, "snmp_oid")).ToList());
            foreach (JsonElement item in items)
            {
                string oid = ZabbixTemplateFile.Text(item, "snmp_oid");
                CheckKind(item, oid, values[oid]);
            }

            _out.WriteLine(items.Count + " plain SNMP items answered");
        }

        [Fact]
        public void EveryDiscoveryRuleWalksRowsAndEveryPrototypeAnswersForEachIndex()
        {
            var expectedRows = new Dictionary<string, int>
            {
                ["eprobe.phase.discovery"] = 3,
                ["eprobe.channel.discovery"] = 18,
                ["eprobe.circuit.discovery"] = 2,
            };
            int rules = 0;
            foreach (JsonElement rule in ZabbixTemplateFile.Array(_template, "discovery_rules"))
            {
                rules++;
                string key = ZabbixTemplateFile.Text(rule, "key");
                List<string> indexes = null;
                foreach (var (macro, column) in ZabbixTemplateFileTests.DiscoveryColumns(ZabbixTemplateFile.Text(rule, "snmp_oid")))
                {
                    NetSnmpTool.Result walk = NetSnmpTool.Run("snmpwalk", "-On", "-m", "", "-r", "1", "-t", "3", "-v2c", "-c", "public", _probe.Target, column);
                    Assert.True(walk.ExitCode == 0, walk.All);
                    var rows = NetSnmpTool.Lines(walk.Output).Where(l => l.StartsWith("." + column + ".", StringComparison.Ordinal)).ToList();
                    var found = rows.Select(l => l.Substring(column.Length + 2, l.IndexOf(' ', StringComparison.Ordinal) - column.Length - 2)).ToList();
                    Assert.True(found.Count > 0, key + ": walking " + macro + " " + column + " returned no row: " + walk.All);
                    indexes ??= found;
                    Assert.Equal(indexes, found);
                    _out.WriteLine(key + " " + macro + " " + column + ": " + string.Join(" | ", rows.Take(3)) + (rows.Count > 3 ? " ..." : string.Empty));
                }

                Assert.Equal(expectedRows[key], indexes.Count);
                var wanted = new List<(JsonElement Prototype, string Oid)>();
                foreach (JsonElement prototype in ZabbixTemplateFile.Array(rule, "item_prototypes"))
                {
                    string oid = ZabbixTemplateFile.Text(prototype, "snmp_oid");
                    if (oid == null)
                    {
                        Assert.Equal("DEPENDENT", ZabbixTemplateFile.Text(prototype, "type"));
                        continue;
                    }

                    Assert.EndsWith(".{#SNMPINDEX}", oid);
                    wanted.AddRange(indexes.Select(i => (prototype, oid.Replace("{#SNMPINDEX}", i, StringComparison.Ordinal))));
                }

                Dictionary<string, string> values = Get(wanted.Select(w => w.Oid).ToList());
                foreach (var (prototype, oid) in wanted)
                {
                    CheckKind(prototype, oid, values[oid]);
                }

                int prototypes = wanted.Count / indexes.Count;
                _out.WriteLine(key + ": " + indexes.Count + " rows x " + prototypes + " prototypes answered snmpget");
                Assert.True(prototypes >= 5);
            }

            Assert.Equal(3, rules);
        }

        [Fact]
        public void ValuesScaledByTheTemplateMatchTheMeasurementsApi()
        {
            JsonElement phaseVoltage = Prototype("eprobe.phase.discovery", "eprobe.phase.voltage[{#SNMPINDEX}]");
            JsonElement channelCurrent = Prototype("eprobe.channel.discovery", "eprobe.channel.current[{#SNMPINDEX}]");
            JsonElement channelPower = Prototype("eprobe.channel.discovery", "eprobe.channel.power.active[{#SNMPINDEX}]");
            JsonElement circuitLoad = Prototype("eprobe.circuit.discovery", "eprobe.circuit.load[{#SNMPINDEX}]");
            JsonElement frequency = ZabbixTemplateFile.Array(_template, "items").Single(i => ZabbixTemplateFile.Text(i, "key") == "eprobe.frequency");
            var oids = new List<string>
            {
                Oid(phaseVoltage, "1"), Oid(channelCurrent, "1"), Oid(channelPower, "1"), Oid(circuitLoad, "2"), Oid(channelCurrent, "4"),
                ZabbixTemplateFile.Text(frequency, "snmp_oid"),
            };

            JsonElement api = _probe.Probe.MeasurementsAfter(0);
            Dictionary<string, string> raw = Get(oids);
            JsonElement after = _probe.Probe.MeasurementsAfter(0);

            double v1 = Scaled(phaseVoltage, raw[oids[0]]);
            double i1 = Scaled(channelCurrent, raw[oids[1]]);
            double p1 = Scaled(channelPower, raw[oids[2]]);
            double load2 = Scaled(circuitLoad, raw[oids[3]]);
            double i4 = Scaled(channelCurrent, raw[oids[4]]);
            double f = Scaled(frequency, raw[oids[5]]);
            _out.WriteLine("SNMP x template multipliers: L1 " + v1 + " V, ch1 " + i1 + " A " + p1 + " W, ch4 " + i4 + " A, circuit 2 load " + load2 + " %, " + f + " Hz");

            // The built-in room is steady (no ADC noise); tolerances = the MIB's resolution (0.1 V, mA, W, 0.01 Hz) plus a little drift.
            CloseToEither(v1, api, after, j => j.GetProperty("phases")[0].GetProperty("vrms").GetDouble(), 0.1, "L1 Vrms");
            CloseToEither(i1, api, after, j => Channel(j, 1).GetProperty("irms").GetDouble(), 0.003, "channel 1 Irms");
            CloseToEither(p1, api, after, j => Channel(j, 1).GetProperty("activePowerW").GetDouble(), 2.0, "channel 1 P");
            CloseToEither(i4, api, after, j => Channel(j, 4).GetProperty("irms").GetDouble(), 0.003, "channel 4 Irms");
            CloseToEither(f, api, after, j => j.GetProperty("frequencyHz").GetDouble(), 0.006, "frequency");

            // Circuit 2 = channel 1 alone on an 80 A breaker: the load is its Irms as % of 80 A.
            Assert.True(Math.Abs(load2 - i1 * 100.0 / 80.0) < 0.1, "circuit 2 load " + load2 + " % vs channel 1 " + i1 + " A on 80 A");
        }

        private JsonElement Prototype(string rule, string key)
        {
            JsonElement r = ZabbixTemplateFile.Array(_template, "discovery_rules").Single(x => ZabbixTemplateFile.Text(x, "key") == rule);
            return ZabbixTemplateFile.Array(r, "item_prototypes").Single(p => ZabbixTemplateFile.Text(p, "key") == key);
        }

        private static string Oid(JsonElement prototype, string index)
        {
            return ZabbixTemplateFile.Text(prototype, "snmp_oid").Replace("{#SNMPINDEX}", index, StringComparison.Ordinal);
        }

        private static JsonElement Channel(JsonElement measurements, int n)
        {
            return measurements.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetInt32() == n);
        }

        private static double Scaled(JsonElement item, string line)
        {
            Match m = Numeric.Match(line);
            Assert.True(m.Success, "not a number: " + line);
            return double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) * ZabbixTemplateFile.Multiplier(item);
        }

        private static void CloseToEither(double snmp, JsonElement a, JsonElement b, Func<JsonElement, double> pick, double tolerance, string what)
        {
            double x = pick(a);
            double y = pick(b);
            Assert.True(Math.Abs(snmp - x) <= tolerance || Math.Abs(snmp - y) <= tolerance,
                what + ": SNMP gives " + snmp + ", the JSON API " + x + " / " + y + " (tolerance " + tolerance + ")");
        }

        /// <summary>snmpget of the OIDs (numeric output), 24 per request; returns OID -> output line.</summary>
        private Dictionary<string, string> Get(List<string> oids)
        {
            var values = new Dictionary<string, string>();
            for (int i = 0; i < oids.Count; i += 24)
            {
                var args = new List<string> { "-On", "-m", "", "-r", "1", "-t", "3", "-v2c", "-c", "public", _probe.Target };
                args.AddRange(oids.Skip(i).Take(24));
                NetSnmpTool.Result r = NetSnmpTool.Run("snmpget", args.ToArray());
                Assert.True(r.ExitCode == 0, "snmpget " + string.Join(" ", args) + ": " + r.All);
                foreach (string line in NetSnmpTool.Lines(r.Output))
                {
                    int eq = line.IndexOf(" = ", StringComparison.Ordinal);
                    values[line.Substring(1, eq - 1)] = line;
                }
            }

            foreach (string oid in oids)
            {
                Assert.True(values.ContainsKey(oid), "snmpget printed nothing for " + oid);
            }

            return values;
        }

        private static void CheckKind(JsonElement item, string oid, string line)
        {
            string key = ZabbixTemplateFile.Text(item, "key");
            Assert.DoesNotContain("No Such", line);
            string valueType = ZabbixTemplateFile.Text(item, "value_type") ?? "UNSIGNED";
            if (valueType == "CHAR" || valueType == "TEXT")
            {
                Assert.True(line.Contains("= STRING: ", StringComparison.Ordinal) || line.EndsWith("= \"\"", StringComparison.Ordinal),
                    key + " (" + oid + ") wants text: " + line);
            }
            else
            {
                Match m = Numeric.Match(line);
                Assert.True(m.Success, key + " (" + oid + ") wants a number: " + line);
                if (valueType == "UNSIGNED")
                {
                    Assert.False(m.Groups[2].Value.StartsWith('-'), key + " is UNSIGNED but reads " + line);
                }

                if (line.Contains("Counter64", StringComparison.Ordinal))
                {
                    Assert.Equal("UNSIGNED", valueType); // Wh counters: integers up to 2^64, kept exact
                }
            }
        }
    }
}
