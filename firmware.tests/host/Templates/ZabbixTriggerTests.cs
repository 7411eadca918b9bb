using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ipenergy.Probe.Tests.EndToEnd;
using Ipenergy.Probe.Tests.Snmp;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Templates
{
    /// <summary>
    /// Replays the templates' triggers on a virtual MPP18 whose scenario crosses thresholds (channel 1 at 110 % of
    /// its CT, channel 2 at 122 %, L2 at 258 V, a 3-phase circuit at 94 % of its breaker, an idle 1-phase circuit):
    /// every trigger and trigger prototype mapped to a firmware alarm is evaluated with the template's macro
    /// defaults on the values SNMP (snmpget) and Modbus (zabbix_agentd -t) give, and the problems Zabbix would show
    /// (a warning hidden by its critical, as the dependency does) must be exactly the e-Probe's active alarms.
    /// </summary>
    public sealed class ZabbixTriggerTests : IDisposable
    {
        private const string Scenario = @"{ ""model"": ""MPP18"", ""frequencyHz"": 50.0,
  ""phases"": { ""L1"": { ""vrms"": 230.0 }, ""L2"": { ""vrms"": 230.0, ""angleDeg"": -120 }, ""L3"": { ""vrms"": 230.0, ""angleDeg"": 120 } },
  ""channels"": [
    { ""channel"": 1, ""ctRatedA"": 100, ""irms"": 50.0 },
    { ""channel"": 2, ""ctRatedA"": 100, ""irms"": 40.0 },
    { ""channel"": 4, ""ctRatedA"": 63, ""irms"": 25.0 },
    { ""channel"": 5, ""ctRatedA"": 63, ""irms"": 25.0 },
    { ""channel"": 6, ""ctRatedA"": 63, ""irms"": 25.0 } ],
  ""events"": [
    { ""atS"": 5, ""channel"": 1, ""irms"": 110.0 },
    { ""atS"": 5, ""channel"": 2, ""irms"": 122.0 },
    { ""atS"": 5, ""channel"": 4, ""irms"": 30.0 },
    { ""atS"": 5, ""phase"": ""L2"", ""vrms"": 258.0 } ] }";

        private const string Circuits = "{\"circuits\":["
            + "{\"name\":\"Row-A\",\"channels\":[4,5,6],\"breakerRatedA\":32},"
            + "{\"name\":\"PDU-7\",\"channels\":[7],\"breakerRatedA\":16}]}";

        // Trigger name fragment -> firmware condition (AlarmCodes.ConditionName).
        private static readonly (string Fragment, string Condition)[] Conditions =
        {
            ("over-current", "overCurrent"), ("load of the breaker", "loadHigh"), ("low load", "lowLoad"),
            ("under-voltage", "underVoltage"), ("over-voltage", "overVoltage"), ("phase lost", "phaseLost"),
            ("Frequency low", "frequencyLow"), ("Frequency high", "frequencyHigh"), ("Voltage unbalance", "voltageUnbalance"),
            ("current unbalance", "currentUnbalance"), ("neutral current", "neutralCurrent"), ("Bus module offline", "moduleOffline"),
        };

        private readonly ITestOutputHelper _out;
        private readonly DirectoryInfo _dir;
        private readonly VirtualProbe _probe;
        private readonly string _agentConfig;
        private readonly SnmpTrapdReceiver _traps;
        private readonly Dictionary<string, string> _walk = new Dictionary<string, string>();

        public ZabbixTriggerTests(ITestOutputHelper output)
        {
            _out = output;
            _dir = Directory.CreateTempSubdirectory("zabbix-triggers");
            string scenario = Path.Combine(_dir.FullName, "scenario.json");
            File.WriteAllText(scenario, Scenario);
            _agentConfig = Path.Combine(_dir.FullName, "zabbix_agentd.conf");
            File.WriteAllText(_agentConfig, "LogType=console\nPidFile=" + Path.Combine(_dir.FullName, "agentd.pid")
                + "\nHostname=eprobe-trigger-test\nServer=127.0.0.1\nTimeout=10\n");
            _traps = new SnmpTrapdReceiver();
            try
            {
                _probe = new VirtualProbe("--scenario", scenario, "--time-scale", "10", "--trap-target", "127.0.0.1:" + _traps.Port);
            }
            catch
            {
                _traps.Dispose();
                throw;
            }
        }

        public void Dispose()
        {
            _probe.Dispose();
            _traps.Dispose();
            _dir.Delete(true);
        }

        [Fact]
        public void TriggersFiredByTheTemplatesAreTheEprobesActiveAlarms()
        {
            _probe.MeasurementsAfter(0);
            PeerProcess.Result put = PeerProcess.Run(PeerProcess.StartInfo(PeerProcess.Require("curl", "curl"), null,
                "-sS", "--max-time", "10", "-w", "\n%{http_code}", "-u", "admin:admin", "-X", "PUT", "-H", "Content-Type: application/json",
                "--data", Circuits, _probe.HttpUrl + "/api/v1/config"), 30000);
            Assert.True(put.ExitCode == 0 && put.Stdout.EndsWith("\n200", StringComparison.Ordinal), "PUT circuits: " + put);

            // Longest assertion delay of the raised rules: 10 s (lowLoad, voltageUnbalance); wait 30 simulated seconds.
            long now = _probe.MeasurementsAfter(0).GetProperty("sequence").GetInt64();
            _probe.MeasurementsAtSequence(now + 30);

            var firmware = FirmwareAlarms();
            _out.WriteLine("e-Probe active alarms: " + string.Join(", ", firmware.OrderBy(a => a)));
            foreach (string expected in new[]
            {
                "channel 1 overCurrent warning", "channel 2 overCurrent critical", "phase 1 overVoltage warning",
                "device 0 voltageUnbalance critical", "circuit 1 loadHigh critical", "circuit 2 lowLoad warning",
            })
            {
                Assert.Contains(expected, firmware);
            }

            HashSet<string> snmp = SnmpProblems();
            _out.WriteLine("Zabbix problems, SNMP template: " + string.Join(", ", snmp.OrderBy(a => a)));
            Assert.Equal(firmware.OrderBy(a => a), snmp.OrderBy(a => a));

            // Modbus covers phases, channels and the device, not circuits; its "reports a critical alarm" trigger covers those.
            HashSet<string> modbus = ModbusProblems(out bool reportsCritical);
            _out.WriteLine("Zabbix problems, Modbus templates: " + string.Join(", ", modbus.OrderBy(a => a)));
            Assert.Equal(firmware.Where(a => !a.StartsWith("circuit ", StringComparison.Ordinal)).OrderBy(a => a), modbus.OrderBy(a => a));
            Assert.True(reportsCritical, "the Modbus trigger on register 1016 (critical) did not fire");

            CheckTrapItem(firmware.Count);
        }

        /// <summary>
        /// The SNMP trap item's regular expression (its snmptrap[] key) matches each eprobeAlarmRaised snmptrapd
        /// received from the e-Probe, and not the coldStart sent at start-up.
        /// </summary>
        private void CheckTrapItem(int raised)
        {
            JsonElement template = ZabbixTemplateFile.Snmp.Template("IPenergy e-Probe SNMP");
            JsonElement item = ZabbixTemplateFile.Array(template, "items").Single(i => ZabbixTemplateFile.Text(i, "type") == "SNMP_TRAP");
            Match key = Regex.Match(ZabbixTemplateFile.Text(item, "key"), "^snmptrap\\[\"(.*)\"\\]$");
            Assert.True(key.Success, ZabbixTemplateFile.Text(item, "key"));
            var pattern = new Regex(key.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal));
            Assert.True(_traps.WaitFor("OID: .1.3.6.1.4.1.32473.1.2.0.1", 10000), "no eprobeAlarmRaised trap: " + _traps.Log);
            Assert.True(_traps.WaitFor("OID: .1.3.6.1.6.3.1.1.5.1", 10000), "no coldStart trap: " + _traps.Log);
            string[] lines = _traps.Log.Split('\n');
            int alarmTraps = lines.Count(l => l.Contains("OID: .1.3.6.1.4.1.32473.1.2.0.", StringComparison.Ordinal));
            int matched = lines.Count(l => pattern.IsMatch(l));
            _out.WriteLine("trap item " + pattern + ": matches " + matched + " of " + lines.Length + " snmptrapd lines, "
                + alarmTraps + " of them alarm notifications");
            Assert.True(alarmTraps >= raised, alarmTraps + " alarm traps for " + raised + " active alarms: " + _traps.Log);
            Assert.Equal(alarmTraps, matched);
            Assert.DoesNotContain(lines, l => l.Contains(".1.3.6.1.6.3.1.1.5.1", StringComparison.Ordinal) && pattern.IsMatch(l));
        }

        private HashSet<string> FirmwareAlarms()
        {
            var (status, body) = VirtualProbe.Curl(_probe.HttpUrl + "/api/v1/alarms");
            Assert.Equal(200, status);
            var set = new HashSet<string>();
            foreach (JsonElement a in JsonDocument.Parse(body).RootElement.GetProperty("active").EnumerateArray())
            {
                set.Add(a.GetProperty("source").GetString() + " " + a.GetProperty("index").GetInt32() + " "
                    + a.GetProperty("condition").GetString() + " " + a.GetProperty("level").GetString());
            }

            return set;
        }

        private HashSet<string> SnmpProblems()
        {
            // One bulk walk of the e-Probe's objects (one process, not one snmpget per value): OID -> number.
            NetSnmpTool.Result walk = NetSnmpTool.RunWithin(60000, "snmpbulkwalk", "-On", "-Oq", "-m", "", "-Cr50", "-r", "1", "-t", "5", "-v2c", "-c", "public",
                "127.0.0.1:" + _probe.SnmpPort, "1.3.6.1.4.1.32473.1.1");
            Assert.True(walk.ExitCode == 0, walk.All);
            foreach (string line in NetSnmpTool.Lines(walk.Output))
            {
                Match m = Regex.Match(line, @"^\.(\S+) (-?\d+)$");
                if (m.Success)
                {
                    _walk[m.Groups[1].Value] = m.Groups[2].Value;
                }
            }

            ZabbixTemplateFile file = ZabbixTemplateFile.Snmp;
            JsonElement template = file.Template("IPenergy e-Probe SNMP");
            Dictionary<string, string> macros = MacroDefaults(file, template);
            var items = ZabbixTemplateFile.Array(template, "items").ToDictionary(i => ZabbixTemplateFile.Text(i, "key"));
            var cache = new Dictionary<string, double>();
            var fired = new List<(string Source, int Index, string Name, string Priority)>();

            foreach (JsonElement t in ZabbixTemplateFile.Array(file.Export, "triggers"))
            {
                if (Evaluate(t, null, items, cache, macros))
                {
                    fired.Add(("device", 0, ZabbixTemplateFile.Text(t, "name"), ZabbixTemplateFile.Text(t, "priority")));
                }
            }

            var rules = new Dictionary<string, (string Source, int Rows, int IndexOffset)>
            {
                ["eprobe.phase.discovery"] = ("phase", 3, -1), // the alarm log numbers phases 0..2
                ["eprobe.channel.discovery"] = ("channel", 18, 0),
                ["eprobe.circuit.discovery"] = ("circuit", 2, 0),
            };
            foreach (JsonElement rule in ZabbixTemplateFile.Array(template, "discovery_rules"))
            {
                var (source, rows, offset) = rules[ZabbixTemplateFile.Text(rule, "key")];
                var prototypes = ZabbixTemplateFile.Array(rule, "item_prototypes").ToList();
                for (int index = 1; index <= rows; index++)
                {
                    var expanded = new Dictionary<string, JsonElement>(items);
                    foreach (JsonElement p in prototypes)
                    {
                        expanded[ZabbixTemplateFile.Text(p, "key").Replace("{#SNMPINDEX}", index.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)] = p;
                    }

                    foreach (JsonElement t in ZabbixTemplateFile.Array(rule, "trigger_prototypes"))
                    {
                        if (Evaluate(t, index.ToString(CultureInfo.InvariantCulture), expanded, cache, macros))
                        {
                            fired.Add((source, index + offset, ZabbixTemplateFile.Text(t, "name"), ZabbixTemplateFile.Text(t, "priority")));
                        }
                    }
                }
            }

            return Problems(fired);
        }

        private bool Evaluate(JsonElement trigger, string snmpIndex, Dictionary<string, JsonElement> items, Dictionary<string, double> cache,
            Dictionary<string, string> macros)
        {
            string expression = ZabbixTemplateFile.Text(trigger, "expression");
            if (expression.StartsWith("nodata(", StringComparison.Ordinal))
            {
                return false; // data arrives: nodata() is false
            }

            if (snmpIndex != null)
            {
                expression = expression.Replace("{#SNMPINDEX}", snmpIndex, StringComparison.Ordinal);
            }

            return ZabbixExpression.IsTrue(expression, (host, key) =>
            {
                if (!cache.TryGetValue(key, out double value))
                {
                    Assert.True(items.ContainsKey(key), "no item " + key);
                    JsonElement item = items[key];
                    string oid = ZabbixTemplateFile.Text(item, "snmp_oid");
                    oid = snmpIndex == null ? oid : oid.Replace("{#SNMPINDEX}", Regex.Match(key, @"\[(\d+)\]$").Groups[1].Value, StringComparison.Ordinal);
                    Assert.True(_walk.TryGetValue(oid, out string raw), "the walk of the e-Probe has no " + oid + " for " + key);
                    value = double.Parse(raw, CultureInfo.InvariantCulture) * ZabbixTemplateFile.Multiplier(item);
                    cache[key] = value;
                }

                return value;
            }, macros);
        }

        private HashSet<string> ModbusProblems(out bool reportsCritical)
        {
            ZabbixTemplateFile file = ZabbixTemplateFile.Modbus;
            Dictionary<string, string> macros = MacroDefaults(file, file.Template("IPenergy e-Probe Modbus"));
            var items = new Dictionary<string, JsonElement>();
            foreach (JsonElement t in file.Templates)
            {
                foreach (JsonElement i in ZabbixTemplateFile.Array(t, "items"))
                {
                    items[ZabbixTemplateFile.Text(i, "key")] = i;
                }
            }

            var answers = new Dictionary<string, double[]>();
            var fired = new List<(string Source, int Index, string Name, string Priority)>();
            reportsCritical = false;
            foreach (JsonElement t in ZabbixTemplateFile.Array(file.Export, "triggers"))
            {
                string name = ZabbixTemplateFile.Text(t, "name");
                string expression = ZabbixTemplateFile.Text(t, "expression");
                if (expression.StartsWith("nodata(", StringComparison.Ordinal))
                {
                    continue;
                }

                bool on = ZabbixExpression.IsTrue(expression, (host, key) =>
                {
                    JsonElement item = items[key];
                    string master = ZabbixTemplateFile.Text(item.GetProperty("master_item"), "key");
                    if (!answers.TryGetValue(master, out double[] values))
                    {
                        values = Agent(master);
                        answers[master] = values;
                    }

                    return values[ZabbixTemplateFile.JsonPathIndex(item)] * ZabbixTemplateFile.Multiplier(item);
                }, macros);
                if (!on)
                {
                    continue;
                }

                if (name.StartsWith("e-Probe reports", StringComparison.Ordinal))
                {
                    reportsCritical |= ZabbixTemplateFile.Text(t, "priority") == "HIGH";
                    continue;
                }

                Match channel = Regex.Match(name, @"^Channel (\d+):");
                Match phase = Regex.Match(name, @"^Phase L(\d):");
                if (channel.Success)
                {
                    fired.Add(("channel", int.Parse(channel.Groups[1].Value, CultureInfo.InvariantCulture), name, ZabbixTemplateFile.Text(t, "priority")));
                }
                else if (phase.Success)
                {
                    fired.Add(("phase", int.Parse(phase.Groups[1].Value, CultureInfo.InvariantCulture) - 1, name, ZabbixTemplateFile.Text(t, "priority")));
                }
                else
                {
                    fired.Add(("device", 0, name, ZabbixTemplateFile.Text(t, "priority")));
                }
            }

            _out.WriteLine(answers.Count + " modbus.get keys read with zabbix_agentd -t for the Modbus triggers");
            return Problems(fired);
        }

        /// <summary>
        /// "source index condition level" of each problem Zabbix shows: per source and condition, critical if its HIGH
        /// trigger fired, else warning (the warning trigger depends on the critical one).
        /// </summary>
        private static HashSet<string> Problems(List<(string Source, int Index, string Name, string Priority)> fired)
        {
            var levels = new Dictionary<string, string>();
            foreach (var (source, index, name, priority) in fired)
            {
                var match = Conditions.Where(c => name.Contains(c.Fragment, StringComparison.Ordinal)).ToList();
                if (match.Count == 0)
                {
                    Assert.Fail("trigger '" + name + "' fired and maps to no firmware alarm");
                }

                string level = priority == "HIGH" ? "critical" : priority == "WARNING" ? "warning" : null;
                Assert.True(level != null, "trigger '" + name + "' fired with priority " + priority);
                string at = source + " " + index + " " + match[0].Condition;
                if (!levels.TryGetValue(at, out string before) || before == "warning")
                {
                    levels[at] = level;
                }
            }

            return new HashSet<string>(levels.Select(p => p.Key + " " + p.Value));
        }

        private static Dictionary<string, string> MacroDefaults(ZabbixTemplateFile file, JsonElement template)
        {
            return ZabbixTemplateFile.Array(template, "macros").ToDictionary(m => ZabbixTemplateFile.Text(m, "macro"), m => ZabbixTemplateFile.Text(m, "value"));
        }

        private double[] Agent(string templateKey)
        {
            string agent = PeerProcess.Require("zabbix_agentd", "zabbix-agent");
            string key = templateKey.Replace("{$MODBUS.ENDPOINT}", "tcp://127.0.0.1:" + _probe.ModbusPort, StringComparison.Ordinal)
                .Replace("{$MODBUS.SLAVEID}", "1", StringComparison.Ordinal);
            PeerProcess.Result r = PeerProcess.Run(PeerProcess.StartInfo(agent, null, "-c", _agentConfig, "-t", key), 30000);
            Match m = Regex.Match(r.Stdout, @"\[[a-z]\|\[(.*)\]\]");
            Assert.True(r.ExitCode == 0 && m.Success, "zabbix_agentd -t " + key + ": " + r);
            return m.Groups[1].Value.Split(',').Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
        }
    }
}
