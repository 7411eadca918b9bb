using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ipenergy.Probe.Alarms;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Tests.Snmp;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Templates
{
    /// <summary>
    /// The Zabbix 6.0 templates of tools/templates/zabbix as files: generated (not hand-edited), YAML that
    /// yamllint and python3-yaml accept, the 6.0 export layout with unique UUIDs and keys, trigger expressions
    /// that reference items of their own template, macro defaults equal to the firmware's alarm defaults, and
    /// every enterprise OID named in IPENERGY-EPROBE-MIB.
    /// </summary>
    public sealed class ZabbixTemplateFileTests
    {
        private static readonly string[] Files = { "eprobe-snmp.yaml", "eprobe-modbus.yaml" };
        private readonly ITestOutputHelper _out;

        public ZabbixTemplateFileTests(ITestOutputHelper output)
        {
            _out = output;
        }

        [Fact]
        public void TheFilesAreWhatTheGeneratorWrites()
        {
            PeerProcess.Result r = ZabbixTemplateFile.RunPython(
                "import runpy, sys\nsys.argv = [sys.argv[1], '--check']\nrunpy.run_path(sys.argv[0], run_name='__main__')",
                Path.Combine(ZabbixTemplateFile.Directory, "generate.py"));
            _out.WriteLine(r.ToString());
            Assert.True(r.ExitCode == 0, "run python3 tools/templates/zabbix/generate.py: " + r);
            Assert.Contains("checked eprobe-snmp.yaml, eprobe-modbus.yaml", r.Stdout);
        }

        [Fact]
        public void YamllintFindsNoError()
        {
            string yamllint = PeerProcess.Require("yamllint", "yamllint");
            foreach (string name in Files)
            {
                // relaxed, without the line length rule: trigger expressions are long single lines by nature.
                PeerProcess.Result r = PeerProcess.Run(PeerProcess.StartInfo(yamllint, null, "-f", "parsable", "-d",
                    "{extends: relaxed, rules: {line-length: disable}}", Path.Combine(ZabbixTemplateFile.Directory, name)), 60000);
                _out.WriteLine(name + ": " + r);
                Assert.True(r.ExitCode == 0, name + ": " + r);
                Assert.DoesNotContain("[error]", r.Stdout);
                Assert.DoesNotContain("[warning]", r.Stdout);
            }
        }

        [Fact]
        public void ExportsAreZabbix60WithUniqueUuidsKeysAndKnownValueMaps()
        {
            var uuidV4 = new Regex("^[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}$");
            foreach (string name in Files)
            {
                ZabbixTemplateFile file = name == "eprobe-snmp.yaml" ? ZabbixTemplateFile.Snmp : ZabbixTemplateFile.Modbus;
                JsonElement export = file.Export;
                Assert.Equal("6.0", export.GetProperty("version").GetString());
                var groups = new HashSet<string>(ZabbixTemplateFile.Array(export, "groups").Select(g => ZabbixTemplateFile.Text(g, "name")));
                Assert.NotEmpty(groups);

                var uuids = new List<string>();
                CollectUuids(export, uuids);
                foreach (string u in uuids)
                {
                    Assert.True(uuidV4.IsMatch(u), name + ": uuid " + u + " is not 32 hex digits in the UUID v4 layout");
                }

                Assert.Equal(uuids.Count, uuids.Distinct().Count());

                int templates = 0;
                foreach (JsonElement t in file.Templates)
                {
                    templates++;
                    string tname = ZabbixTemplateFile.Text(t, "template");
                    Assert.StartsWith("IPenergy e-Probe ", tname);
                    foreach (JsonElement g in ZabbixTemplateFile.Array(t, "groups"))
                    {
                        Assert.Contains(ZabbixTemplateFile.Text(g, "name"), groups);
                    }

                    var keys = new List<string>();
                    var valuemaps = new HashSet<string>(ZabbixTemplateFile.Array(t, "valuemaps").Select(v => ZabbixTemplateFile.Text(v, "name")));
                    foreach (JsonElement item in ItemsAndPrototypes(t))
                    {
                        keys.Add(ZabbixTemplateFile.Text(item, "key"));
                        Assert.False(string.IsNullOrEmpty(ZabbixTemplateFile.Text(item, "name")), tname + ": item without name");
                        if (item.TryGetProperty("valuemap", out JsonElement vm))
                        {
                            Assert.True(valuemaps.Contains(ZabbixTemplateFile.Text(vm, "name")),
                                tname + ": " + ZabbixTemplateFile.Text(item, "key") + " uses an undefined value map");
                        }

                        if (item.TryGetProperty("master_item", out JsonElement master))
                        {
                            Assert.Contains(ZabbixTemplateFile.Text(master, "key"), keys.Concat(ItemsAndPrototypes(t).Select(i => ZabbixTemplateFile.Text(i, "key"))));
                        }

                        string type = ZabbixTemplateFile.Text(item, "type");
                        if (type == "SNMP_AGENT")
                        {
                            Assert.Matches(@"^(discovery\[.*\]|[0-9.]+(\{#SNMPINDEX\})?)$", ZabbixTemplateFile.Text(item, "snmp_oid"));
                        }
                    }

                    foreach (JsonElement rule in ZabbixTemplateFile.Array(t, "discovery_rules"))
                    {
                        keys.Add(ZabbixTemplateFile.Text(rule, "key"));
                    }

                    var dupes = keys.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
                    Assert.True(dupes.Count == 0, tname + ": duplicate keys " + string.Join(", ", dupes));
                    _out.WriteLine(name + " / " + tname + ": " + keys.Count + " keys, " + valuemaps.Count + " value maps");
                }

                Assert.True(templates >= 1);
                _out.WriteLine(name + ": " + uuids.Count + " uuids, all distinct");
            }
        }

        [Fact]
        public void EveryTriggerReferencesItemsOfItsTemplateAndDefinedMacros()
        {
            foreach (string name in Files)
            {
                ZabbixTemplateFile file = name == "eprobe-snmp.yaml" ? ZabbixTemplateFile.Snmp : ZabbixTemplateFile.Modbus;
                var itemsOf = new Dictionary<string, HashSet<string>>();
                var macrosOf = new Dictionary<string, HashSet<string>>();
                foreach (JsonElement t in file.Templates)
                {
                    string tname = ZabbixTemplateFile.Text(t, "template");
                    itemsOf[tname] = new HashSet<string>(ZabbixTemplateFile.Array(t, "items").Select(i => ZabbixTemplateFile.Text(i, "key")));
                    macrosOf[tname] = new HashSet<string>(ZabbixTemplateFile.Array(t, "macros").Select(m => ZabbixTemplateFile.Text(m, "macro")));
                    foreach (JsonElement linked in ZabbixTemplateFile.Array(t, "templates"))
                    {
                        JsonElement baseTemplate = file.Template(ZabbixTemplateFile.Text(linked, "name"));
                        foreach (JsonElement m in ZabbixTemplateFile.Array(baseTemplate, "macros"))
                        {
                            macrosOf[tname].Add(ZabbixTemplateFile.Text(m, "macro"));
                        }
                    }
                }

                int count = 0;
                foreach (JsonElement t in file.Templates)
                {
                    string tname = ZabbixTemplateFile.Text(t, "template");
                    foreach (JsonElement rule in ZabbixTemplateFile.Array(t, "discovery_rules"))
                    {
                        var prototypes = new HashSet<string>(ZabbixTemplateFile.Array(rule, "item_prototypes").Select(i => ZabbixTemplateFile.Text(i, "key")));
                        foreach (JsonElement trigger in ZabbixTemplateFile.Array(rule, "trigger_prototypes"))
                        {
                            count++;
                            bool usesPrototype = false;
                            foreach (var (host, key) in AllReferences(trigger))
                            {
                                Assert.True(host == tname, "trigger prototype '" + ZabbixTemplateFile.Text(trigger, "name") + "' names host " + host);
                                Assert.True(prototypes.Contains(key) || itemsOf[tname].Contains(key),
                                    tname + ": trigger prototype '" + ZabbixTemplateFile.Text(trigger, "name") + "' references unknown key " + key);
                                usesPrototype |= prototypes.Contains(key);
                            }

                            Assert.True(usesPrototype, "trigger prototype '" + ZabbixTemplateFile.Text(trigger, "name") + "' uses no item prototype");
                            CheckMacros(trigger, macrosOf[tname]);
                        }
                    }
                }

                foreach (JsonElement trigger in ZabbixTemplateFile.Array(file.Export, "triggers"))
                {
                    count++;
                    var refs = AllReferences(trigger);
                    Assert.NotEmpty(refs);
                    foreach (var (host, key) in refs)
                    {
                        Assert.True(itemsOf.ContainsKey(host), "trigger '" + ZabbixTemplateFile.Text(trigger, "name") + "' names unknown template " + host);
                        Assert.True(itemsOf[host].Contains(key), host + ": trigger '" + ZabbixTemplateFile.Text(trigger, "name") + "' references unknown key " + key);
                        CheckMacros(trigger, macrosOf[host]);
                    }
                }

                foreach (var (trigger, scope) in file.AllTriggers())
                {
                    Assert.Contains(ZabbixTemplateFile.Text(trigger, "priority"), new[] { "INFO", "WARNING", "AVERAGE", "HIGH", "DISASTER" });
                    foreach (JsonElement d in ZabbixTemplateFile.Array(trigger, "dependencies"))
                    {
                        // A dependency names a trigger of the same scope by name and expression.
                        Assert.Contains(file.AllTriggers(), o => o.Scope == scope
                            && ZabbixTemplateFile.Text(o.Trigger, "name") == ZabbixTemplateFile.Text(d, "name")
                            && ZabbixTemplateFile.Text(o.Trigger, "expression") == ZabbixTemplateFile.Text(d, "expression")
                            && ZabbixTemplateFile.Text(o.Trigger, "recovery_expression") == ZabbixTemplateFile.Text(d, "recovery_expression"));
                    }
                }

                _out.WriteLine(name + ": " + count + " triggers and trigger prototypes checked");
                Assert.True(count > 10);
            }
        }

        /// <summary>Macro -> (condition, which threshold) of AlarmConfig; the firmware is the reference, not a copy of numbers.</summary>
        private static readonly (string Macro, int Condition, char Field)[] AlarmMacros =
        {
            ("{$EPROBE.CIRCUIT.LOAD.WARN}", AlarmCodes.LoadHigh, 'W'),
            ("{$EPROBE.CIRCUIT.LOAD.CRIT}", AlarmCodes.LoadHigh, 'C'),
            ("{$EPROBE.CIRCUIT.LOAD.HYST}", AlarmCodes.LoadHigh, 'H'),
            ("{$EPROBE.CHANNEL.LOAD.WARN}", AlarmCodes.OverCurrent, 'W'),
            ("{$EPROBE.CHANNEL.LOAD.CRIT}", AlarmCodes.OverCurrent, 'C'),
            ("{$EPROBE.CHANNEL.LOAD.HYST}", AlarmCodes.OverCurrent, 'H'),
            ("{$EPROBE.CIRCUIT.LOWLOAD.WARN}", AlarmCodes.LowLoad, 'W'),
            ("{$EPROBE.CIRCUIT.LOWLOAD.HYST}", AlarmCodes.LowLoad, 'H'),
            ("{$EPROBE.VOLTAGE.UNDER.WARN}", AlarmCodes.UnderVoltage, 'W'),
            ("{$EPROBE.VOLTAGE.UNDER.CRIT}", AlarmCodes.UnderVoltage, 'C'),
            ("{$EPROBE.VOLTAGE.UNDER.HYST}", AlarmCodes.UnderVoltage, 'H'),
            ("{$EPROBE.VOLTAGE.OVER.WARN}", AlarmCodes.OverVoltage, 'W'),
            ("{$EPROBE.VOLTAGE.OVER.CRIT}", AlarmCodes.OverVoltage, 'C'),
            ("{$EPROBE.VOLTAGE.OVER.HYST}", AlarmCodes.OverVoltage, 'H'),
            ("{$EPROBE.PHASE.LOST.CRIT}", AlarmCodes.PhaseLost, 'C'),
            ("{$EPROBE.PHASE.LOST.HYST}", AlarmCodes.PhaseLost, 'H'),
            ("{$EPROBE.FREQ.LOW.WARN}", AlarmCodes.FrequencyLow, 'W'),
            ("{$EPROBE.FREQ.LOW.CRIT}", AlarmCodes.FrequencyLow, 'C'),
            ("{$EPROBE.FREQ.LOW.HYST}", AlarmCodes.FrequencyLow, 'H'),
            ("{$EPROBE.FREQ.HIGH.WARN}", AlarmCodes.FrequencyHigh, 'W'),
            ("{$EPROBE.FREQ.HIGH.CRIT}", AlarmCodes.FrequencyHigh, 'C'),
            ("{$EPROBE.FREQ.HIGH.HYST}", AlarmCodes.FrequencyHigh, 'H'),
            ("{$EPROBE.VOLTAGE.UNBALANCE.WARN}", AlarmCodes.VoltageUnbalance, 'W'),
            ("{$EPROBE.VOLTAGE.UNBALANCE.CRIT}", AlarmCodes.VoltageUnbalance, 'C'),
            ("{$EPROBE.VOLTAGE.UNBALANCE.HYST}", AlarmCodes.VoltageUnbalance, 'H'),
            ("{$EPROBE.CIRCUIT.UNBALANCE.WARN}", AlarmCodes.CurrentUnbalance, 'W'),
            ("{$EPROBE.CIRCUIT.UNBALANCE.CRIT}", AlarmCodes.CurrentUnbalance, 'C'),
            ("{$EPROBE.CIRCUIT.UNBALANCE.HYST}", AlarmCodes.CurrentUnbalance, 'H'),
            ("{$EPROBE.CIRCUIT.NEUTRAL.WARN}", AlarmCodes.NeutralCurrent, 'W'),
            ("{$EPROBE.CIRCUIT.NEUTRAL.CRIT}", AlarmCodes.NeutralCurrent, 'C'),
            ("{$EPROBE.CIRCUIT.NEUTRAL.HYST}", AlarmCodes.NeutralCurrent, 'H'),
        };

        [Fact]
        public void TriggerMacroDefaultsAreTheFirmwareAlarmDefaults()
        {
            var firmware = new AlarmConfig();
            var expected = new Dictionary<string, double>();
            foreach (var (macro, condition, field) in AlarmMacros)
            {
                AlarmRuleConfig rule = firmware.Rules[condition];
                double value = field == 'W' ? rule.Warning : field == 'C' ? rule.Critical : rule.Hysteresis;
                Assert.False(double.IsNaN(value), macro + ": the firmware has no such level; the template must not invent one");
                expected[macro] = value;
            }

            expected["{$EPROBE.CIRCUIT.UNBALANCE.MINLOAD}"] = AlarmEngine.UnbalanceMinLoadPercent;

            // Every level the firmware has (warning or critical, not NaN) of a condition the templates evaluate has its macro.
            for (int c = 0; c < AlarmCodes.ConditionCount; c++)
            {
                if (c == AlarmCodes.ModuleOffline)
                {
                    continue; // a state (eprobeBusModulesOffline > 0), not a level: the gateway marks a module offline.
                }

                AlarmRuleConfig rule = firmware.Rules[c];
                Assert.Equal(!double.IsNaN(rule.Warning), AlarmMacros.Any(m => m.Condition == c && m.Field == 'W'));
                Assert.Equal(!double.IsNaN(rule.Critical), AlarmMacros.Any(m => m.Condition == c && m.Field == 'C'));
            }

            ZabbixTemplateFile snmp = ZabbixTemplateFile.Snmp;
            JsonElement snmpTemplate = snmp.Template("IPenergy e-Probe SNMP");
            CheckMacroDefaults(snmpTemplate, expected, expected.Keys);
            JsonElement modbusTemplate = ZabbixTemplateFile.Modbus.Template("IPenergy e-Probe Modbus");
            CheckMacroDefaults(modbusTemplate, expected, expected.Keys.Where(k => !k.Contains(".CIRCUIT.", StringComparison.Ordinal)));

            // Warning triggers are WARNING and critical ones HIGH, as the names say.
            foreach (ZabbixTemplateFile file in new[] { snmp, ZabbixTemplateFile.Modbus })
            {
                foreach (var (trigger, _) in file.AllTriggers())
                {
                    string name = ZabbixTemplateFile.Text(trigger, "name");
                    string priority = ZabbixTemplateFile.Text(trigger, "priority");
                    if (name.EndsWith("(warning)", StringComparison.Ordinal))
                    {
                        Assert.True(priority == "WARNING", name + ": " + priority);
                        Assert.Contains(".WARN}", ZabbixTemplateFile.Text(trigger, "expression"));
                    }
                    else if (name.EndsWith("(critical)", StringComparison.Ordinal))
                    {
                        Assert.True(priority == "HIGH", name + ": " + priority);
                        Assert.Contains(".CRIT}", ZabbixTemplateFile.Text(trigger, "expression"));
                    }
                }
            }
        }

        [Fact]
        public void EveryEnterpriseOidOfTheSnmpTemplateIsAnObjectOfTheMib()
        {
            Dictionary<string, string> names = MibObjectsByOid(File.ReadAllText(EprobeMibTools.MibFile));
            var oids = SnmpOids(ZabbixTemplateFile.Snmp.Template("IPenergy e-Probe SNMP"));
            int enterprise = 0;
            foreach (string oid in oids)
            {
                if (!oid.StartsWith("1.3.6.1.4.1.32473.", StringComparison.Ordinal))
                {
                    Assert.StartsWith("1.3.6.1.2.1.1.", oid); // SNMPv2-MIB system group, which the agent implements
                    continue;
                }

                enterprise++;
                // Scalars end in .0, columns in .{#SNMPINDEX}, discovery walks name the column itself.
                string obj = Regex.Replace(oid, @"\.(0|\{#SNMPINDEX\})$", string.Empty);
                Assert.True(names.ContainsKey(obj), oid + " is not an OBJECT-TYPE of IPENERGY-EPROBE-MIB");
                _out.WriteLine(oid + " = " + names[obj]);
            }

            Assert.True(enterprise > 60, "only " + enterprise + " enterprise OIDs");

            string shared = SharedMibs.Directory;
            if (shared == null)
            {
                SharedMibs.ReportAbsent(_out, "snmptranslate of the Zabbix template's OIDs (names checked against the MIB file's own tree above)");
                return;
            }

            string mibs = shared + ":" + SharedMibs.ProjectDirectory;
            var args = new List<string> { "-M", mibs, "-m", "IPENERGY-EPROBE-MIB:SNMPv2-MIB" };
            args.AddRange(oids.Select(o => o.Replace("{#SNMPINDEX}", "1", StringComparison.Ordinal)));
            PeerProcess.Result r = EprobeMibTools.Run("snmptranslate", "snmp", mibs, args.ToArray());
            Assert.True(r.ExitCode == 0 && r.Stderr.Trim().Length == 0, r.ToString());
            string[] translated = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(oids.Count, translated.Length);
            for (int i = 0; i < oids.Count; i++)
            {
                _out.WriteLine("snmptranslate " + oids[i] + " -> " + translated[i]);
                Assert.Matches(@"^(IPENERGY-EPROBE-MIB|SNMPv2-MIB)::[a-zA-Z][a-zA-Z0-9]*(\.1|\.0)?$", translated[i]);
            }
        }

        /// <summary>Every OID of snmp_oid fields: plain OIDs, prototypes (with {#SNMPINDEX}) and the columns discovery walks.</summary>
        public static List<string> SnmpOids(JsonElement template)
        {
            var oids = new List<string>();
            foreach (JsonElement item in ItemsAndPrototypes(template).Concat(ZabbixTemplateFile.Array(template, "discovery_rules")))
            {
                string oid = ZabbixTemplateFile.Text(item, "snmp_oid");
                if (oid == null)
                {
                    continue;
                }

                if (oid.StartsWith("discovery[", StringComparison.Ordinal))
                {
                    oids.AddRange(DiscoveryColumns(oid).Select(c => c.Oid));
                }
                else
                {
                    oids.Add(oid);
                }
            }

            return oids;
        }

        /// <summary>The (macro, column OID) pairs of "discovery[{#A},oid,{#B},oid...]".</summary>
        public static List<(string Macro, string Oid)> DiscoveryColumns(string snmpOid)
        {
            string[] parts = snmpOid.Substring("discovery[".Length, snmpOid.Length - "discovery[".Length - 1).Split(',');
            Assert.True(parts.Length % 2 == 0, "odd discovery[] parameters: " + snmpOid);
            var pairs = new List<(string, string)>();
            for (int i = 0; i < parts.Length; i += 2)
            {
                Assert.Matches(@"^\{#[A-Z0-9_.]+\}$", parts[i]);
                Assert.Matches(@"^[0-9.]+$", parts[i + 1]);
                pairs.Add((parts[i], parts[i + 1]));
            }

            return pairs;
        }

        public static IEnumerable<JsonElement> ItemsAndPrototypes(JsonElement template)
        {
            foreach (JsonElement i in ZabbixTemplateFile.Array(template, "items"))
            {
                yield return i;
            }

            foreach (JsonElement rule in ZabbixTemplateFile.Array(template, "discovery_rules"))
            {
                foreach (JsonElement p in ZabbixTemplateFile.Array(rule, "item_prototypes"))
                {
                    yield return p;
                }
            }
        }

        /// <summary>
        /// The numeric OID of every OBJECT-TYPE / OBJECT IDENTIFIER assignment in the MIB text, resolved through
        /// "name ... ::= { parent n }" from enterprises (1.3.6.1.4.1).
        /// </summary>
        public static Dictionary<string, string> MibObjectsByOid(string mib)
        {
            var parent = new Dictionary<string, (string Parent, string Arcs)>();
            var objectTypes = new HashSet<string>();
            string text = Regex.Replace(mib, "--[^\n]*", string.Empty);
            MatchCollection headers = Regex.Matches(text, @"(?m)^[ \t]*([a-z][A-Za-z0-9-]*)[ \t]+(OBJECT-TYPE|OBJECT IDENTIFIER|MODULE-IDENTITY|NOTIFICATION-TYPE|OBJECT-GROUP|NOTIFICATION-GROUP|MODULE-COMPLIANCE|OBJECT-IDENTITY)\b");
            var assignment = new Regex(@"::=\s*\{\s*([A-Za-z][A-Za-z0-9-]*)\s+([0-9 ]+)\}");
            foreach (Match h in headers)
            {
                // The header's own "::= { parent n }" is the first one after it.
                Match a = assignment.Match(text, h.Index + h.Length);
                if (!a.Success)
                {
                    continue;
                }

                parent[h.Groups[1].Value] = (a.Groups[1].Value, Regex.Replace(a.Groups[2].Value.Trim(), @"\s+", "."));
                if (h.Groups[2].Value == "OBJECT-TYPE")
                {
                    objectTypes.Add(h.Groups[1].Value);
                }
            }

            var byOid = new Dictionary<string, string>();
            foreach (string name in objectTypes)
            {
                string oid = Resolve(name, parent, 0);
                if (oid != null)
                {
                    byOid[oid] = name;
                }
            }

            return byOid;
        }

        private static string Resolve(string name, Dictionary<string, (string Parent, string Arcs)> parent, int depth)
        {
            if (name == "enterprises")
            {
                return "1.3.6.1.4.1";
            }

            if (depth > 20 || !parent.TryGetValue(name, out var p))
            {
                return null;
            }

            string up = Resolve(p.Parent, parent, depth + 1);
            return up == null ? null : up + "." + p.Arcs;
        }

        private static List<(string Host, string Key)> AllReferences(JsonElement trigger)
        {
            var refs = ZabbixTemplateFile.References(ZabbixTemplateFile.Text(trigger, "expression"));
            string recovery = ZabbixTemplateFile.Text(trigger, "recovery_expression");
            if (recovery != null)
            {
                refs.AddRange(ZabbixTemplateFile.References(recovery));
            }

            return refs;
        }

        private static void CheckMacros(JsonElement trigger, HashSet<string> defined)
        {
            foreach (string field in new[] { "expression", "recovery_expression", "name", "description" })
            {
                foreach (string macro in ZabbixTemplateFile.Macros(ZabbixTemplateFile.Text(trigger, field)))
                {
                    Assert.True(defined.Contains(macro), "trigger '" + ZabbixTemplateFile.Text(trigger, "name") + "' uses undefined macro " + macro);
                }
            }
        }

        private void CheckMacroDefaults(JsonElement template, Dictionary<string, double> expected, IEnumerable<string> required)
        {
            var defaults = ZabbixTemplateFile.Array(template, "macros")
                .ToDictionary(m => ZabbixTemplateFile.Text(m, "macro"), m => ZabbixTemplateFile.Text(m, "value"));
            foreach (string macro in required)
            {
                Assert.True(defaults.ContainsKey(macro), ZabbixTemplateFile.Text(template, "template") + " lacks " + macro);
                double value = double.Parse(defaults[macro], CultureInfo.InvariantCulture);
                Assert.True(value == expected[macro], macro + " defaults to " + value + " but the firmware's default is " + expected[macro]);
                _out.WriteLine(ZabbixTemplateFile.Text(template, "template") + " " + macro + " = " + defaults[macro] + " (firmware " + expected[macro] + ")");
            }

            foreach (string macro in defaults.Keys.Where(k => k.StartsWith("{$EPROBE.", StringComparison.Ordinal) && expected.ContainsKey(k)))
            {
                Assert.Contains(macro, required);
            }
        }

        private static void CollectUuids(JsonElement e, List<string> uuids)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty p in e.EnumerateObject())
                {
                    if (p.Name == "uuid")
                    {
                        uuids.Add(p.Value.GetString());
                    }
                    else
                    {
                        CollectUuids(p.Value, uuids);
                    }
                }
            }
            else if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement x in e.EnumerateArray())
                {
                    CollectUuids(x, uuids);
                }
            }
        }
    }
}
