using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Protocols.Snmp;
using Ipenergy.Probe.Protocols.Snmp.Mib;
using Ipenergy.Probe.Storage.Alarms;
using Ipenergy.Probe.Tests.Unit.Snmp;
using Ipenergy.Probe.Tests.Unit.TestDoubles;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Snmp
{
    /// <summary>
    /// The MIB file and the agent agree. The test reads tools/mib/IPENERGY-EPROBE-MIB.txt itself (its
    /// OBJECT-TYPE, OBJECT IDENTIFIER, NOTIFICATION-TYPE and MODULE-IDENTITY clauses; no other module is
    /// needed, so a fresh clone without ../shared checks this too) and walks the agent's subtrees over a
    /// snapshot in which every cell has a value: each object served is defined at the same OID with the
    /// same SMI type and a readable access (read-write exactly where a SET is accepted), and each readable
    /// object of the file is served.
    /// </summary>
    public class EprobeMibFileAgreementTests
    {
        // A clause starts a line (IMPORTS names keywords too, indented); its body may span lines.
        private const RegexOptions Clauses = RegexOptions.Multiline | RegexOptions.Singleline;

        private readonly ITestOutputHelper _out;

        public EprobeMibFileAgreementTests(ITestOutputHelper output)
        {
            _out = output;
        }

        private sealed class MibObject
        {
            public string Name;
            public string Syntax;
            public string Access;
            public string Oid;
        }

        [Fact]
        public void EveryServedObjectIsDefinedAndEveryReadableObjectIsServed()
        {
            Dictionary<string, MibObject> objects = ReadMib(out Dictionary<string, string> nodes);
            Dictionary<string, MibObject> byOid = objects.Values.ToDictionary(o => o.Oid);

            var source = new EprobeMibSource { Latest = EprobeMibFixture.Snapshot(3, new[] { "A" }) };
            var live = new EprobeMibLiveConfig(EprobeMibFixture.Config());
            var clock = new EprobeMibClock { UtcNow = EprobeMibFixture.SnapshotTime };

            // Active alarms, so that every column of eprobeActiveAlarmTable has cells.
            var journal = new AlarmJournal(null);
            journal.Open();
            journal.Append(EprobeMibAlarmNotificationTests.Entry(AlarmCodes.EventRaised, AlarmCodes.SourceCircuit, 1, AlarmCodes.LoadHigh,
                AlarmCodes.LevelWarning, AlarmCodes.LevelNormal, 85.0, 80.0, 0));
            journal.Append(EprobeMibAlarmNotificationTests.Entry(AlarmCodes.EventRaised, AlarmCodes.SourcePhase, 0, AlarmCodes.UnderVoltage,
                AlarmCodes.LevelCritical, AlarmCodes.LevelNormal, 190.0, 195.5, 0));
            Assert.True(journal.Acknowledge(1, "admin", EprobeMibFixture.SnapshotTime));
            // A gateway's directory with a module online, so the module tables have cells in every column.
            var modules = new FakeModuleDirectory(new[] { 1, 2 });
            modules.Set(2, ModuleStatus.Online, EprobeMibFixture.Snapshot(3, new string[0]), new DeviceIdentity("MPP3", "", "0.6.0", "S2"),
                "module-2", "row 4");
            IMibSubtree[] subtrees = EprobeMib.CreateSubtrees(source, live, new DeviceIdentity("MPP3", "", "0.6.0", "S1"), clock, journal,
                modules);
            var tree = new MibTree(subtrees);

            var served = new Dictionary<string, byte>();
            var value = new SnmpValue();
            var next = new OidBuffer();
            uint[] oid = EprobeOids.Module;
            int length = oid.Length;
            int cells = 0;
            while (true)
            {
                tree.BeginRequest();
                if (!tree.GetNext(oid, length, next, value))
                {
                    break;
                }

                cells++;
                oid = next.Arcs.Take(next.Length).ToArray();
                length = oid.Length;
                // The object's OID: the name without its index arcs (one, or two in the module sub-tables).
                string objectOid = string.Join(".", oid.Take(length - 1));
                if (!byOid.ContainsKey(objectOid))
                {
                    objectOid = string.Join(".", oid.Take(length - 2));
                }

                Assert.True(byOid.ContainsKey(objectOid), "served but not in the MIB file: " + string.Join(".", oid));
                MibObject o = byOid[objectOid];
                Assert.True(TypeOf(o.Syntax) == value.Type, o.Name + ": MIB SYNTAX " + o.Syntax + " but served BER type 0x" + value.Type.ToString("X2"));
                Assert.True(o.Access == "read-only" || o.Access == "read-write", o.Name + " is served but its MAX-ACCESS is " + o.Access);
                served[objectOid] = value.Type;

                // Access: a SET of a value of the object's own type is refused as notWritable exactly when
                // the MIB says read-only (a read-write object may still answer wrongValue for this value).
                IMibSubtree subtree = tree.Find(oid, length);
                subtree.BeginRequest();
                int status = subtree.TestSet(oid, length, SampleOf(value.Type));
                if (o.Access == "read-only")
                {
                    Assert.True(status == SnmpErrorStatus.NotWritable, o.Name + " is read-only in the MIB but TestSet answered " + status);
                }
                else
                {
                    Assert.True(status != SnmpErrorStatus.NotWritable, o.Name + " is read-write in the MIB but TestSet answered notWritable");
                }
            }

            foreach (MibObject o in objects.Values.Where(o => o.Access == "read-only" || o.Access == "read-write"))
            {
                Assert.True(served.ContainsKey(o.Oid), "in the MIB file but not served: " + o.Name + " (" + o.Oid + ")");
            }

            _out.WriteLine(served.Count + " objects, " + cells + " cells served; " + objects.Count + " OBJECT-TYPEs in the file");
            Assert.Equal(objects.Values.Count(o => o.Access == "read-only" || o.Access == "read-write"), served.Count);
        }

        [Fact]
        public void NotificationsObjectsAndProductsSitWhereTheCodeSays()
        {
            Dictionary<string, MibObject> objects = ReadMib(out Dictionary<string, string> nodes);
            Assert.Equal(string.Join(".", EprobeOids.Module), nodes["ipenergyEprobeMIB"]);
            Assert.Equal(string.Join(".", EprobeOids.Objects), nodes["eprobeObjects"]);
            Assert.Equal(string.Join(".", EprobeOids.Notifications), nodes["eprobeNotifications"]);
            Assert.Equal(string.Join(".", EprobeOids.Conformance), nodes["eprobeConformance"]);
            Assert.Equal(string.Join(".", EprobeOids.ProductMpp3), nodes["eprobeMpp3"]);
            Assert.Equal(string.Join(".", EprobeOids.ProductMpp18), nodes["eprobeMpp18"]);
            Assert.Equal(string.Join(".", EprobeMibLayout.AlarmRaised), nodes["eprobeAlarmRaised"]);
            Assert.Equal(string.Join(".", EprobeMibLayout.AlarmCleared), nodes["eprobeAlarmCleared"]);

            string alarm = string.Join(".", EprobeMibLayout.AlarmObjects);
            var expected = new Dictionary<string, uint>
            {
                { "eprobeAlarmSourceKind", EprobeMibLayout.AlarmSourceKind },
                { "eprobeAlarmSourceIndex", EprobeMibLayout.AlarmSourceIndex },
                { "eprobeAlarmSourceName", EprobeMibLayout.AlarmSourceName },
                { "eprobeAlarmQuantity", EprobeMibLayout.AlarmQuantity },
                { "eprobeAlarmLevel", EprobeMibLayout.AlarmLevel },
                { "eprobeAlarmValue", EprobeMibLayout.AlarmValue },
                { "eprobeAlarmThreshold", EprobeMibLayout.AlarmThreshold },
                { "eprobeAlarmCondition", EprobeMibLayout.AlarmCondition },
                { "eprobeAlarmId", EprobeMibLayout.AlarmId },
            };
            foreach (KeyValuePair<string, uint> pair in expected)
            {
                Assert.Equal(alarm + "." + pair.Value, objects[pair.Key].Oid);
                Assert.Equal("accessible-for-notify", objects[pair.Key].Access);
            }

            Assert.Equal(expected.Count, objects.Values.Count(o => o.Access == "accessible-for-notify"));
            Assert.Equal(EprobeAlarmNotification.VarbindCount, expected.Count);

            // The notifications carry exactly these objects, in the order EprobeAlarmNotification adds them.
            string text = WithoutStringsAndComments(File.ReadAllText(EprobeMibTools.MibFile));
            string[] order = expected.OrderBy(p => p.Value).Select(p => p.Key).ToArray();
            foreach (string notification in new[] { "eprobeAlarmRaised", "eprobeAlarmCleared" })
            {
                Match m = Regex.Match(text, "^" + notification + @"\s+NOTIFICATION-TYPE\s+OBJECTS\s*\{([^}]*)\}", Clauses);
                Assert.True(m.Success, notification + " not found");
                string[] listed = m.Groups[1].Value.Split(new[] { ',', ' ', '\n', '\r', '\t' }, StringSplitOptions.RemoveEmptyEntries);
                Assert.Equal(order, listed);
            }

            Assert.Equal(string.Join(".", EprobeMibLayout.ActiveAlarmEntry), nodes["eprobeActiveAlarmEntry"]);
            Assert.Equal(string.Join(".", EprobeMibLayout.AlarmStatus), nodes["eprobeAlarmStatus"]);
            Assert.Equal(string.Join(".", EprobeMibLayout.ActiveAlarmEntry) + ".1", objects["eprobeActiveAlarmId"].Oid);
            Assert.Equal("not-accessible", objects["eprobeActiveAlarmId"].Access);
        }

        [Fact]
        public void EnumerationsMatchTheCodesConstants()
        {
            Dictionary<string, MibObject> objects = ReadMib(out _);
            AssertEnumeration(objects, "eprobeAlarmSourceKind", new Dictionary<string, int>
            {
                { "device", EprobeMibLayout.SourceDevice },
                { "phase", EprobeMibLayout.SourcePhase },
                { "channel", EprobeMibLayout.SourceChannel },
                { "circuit", EprobeMibLayout.SourceCircuit },
                { "module", EprobeMibLayout.SourceModule },
            });
            AssertEnumeration(objects, "eprobeAlarmQuantity", new Dictionary<string, int>
            {
                { "voltage", EprobeMibLayout.QuantityVoltage },
                { "rmsCurrent", EprobeMibLayout.QuantityCurrent },
                { "activePower", EprobeMibLayout.QuantityActivePower },
                { "load", EprobeMibLayout.QuantityLoad },
                { "thd", EprobeMibLayout.QuantityThd },
                { "frequency", EprobeMibLayout.QuantityFrequency },
                { "voltageUnbalance", EprobeMibLayout.QuantityVoltageUnbalance },
                { "currentUnbalance", EprobeMibLayout.QuantityCurrentUnbalance },
                { "neutralCurrent", EprobeMibLayout.QuantityNeutralCurrent },
                { "powerFactor", EprobeMibLayout.QuantityPowerFactor },
                { "missedPolls", EprobeMibLayout.QuantityMissedPolls },
            });
            AssertEnumeration(objects, "eprobeAlarmLevel", new Dictionary<string, int>
            {
                { "warning", EprobeMibLayout.LevelWarning },
                { "critical", EprobeMibLayout.LevelCritical },
            });

            // Conditions: the configuration's names (AlarmCodes.ConditionName) numbered from 1.
            var conditions = new Dictionary<string, int>();
            for (int c = 0; c < AlarmCodes.ConditionCount; c++)
            {
                conditions[AlarmCodes.ConditionName(c)] = EprobeAlarmQuantities.ConditionOf(c);
            }

            AssertEnumeration(objects, "eprobeAlarmCondition", conditions);

            // The table's columns enumerate the same values as the notification objects.
            foreach (string column in new[] { "SourceKind", "Condition", "Quantity", "Level" })
            {
                Assert.Equal(objects["eprobeAlarm" + column].Syntax, objects["eprobeActiveAlarm" + column].Syntax);
            }

            Assert.Equal(AlarmCodes.SourceDevice, EprobeMibLayout.SourceDevice);
            Assert.Equal(AlarmCodes.SourcePhase, EprobeMibLayout.SourcePhase);
            Assert.Equal(AlarmCodes.SourceChannel, EprobeMibLayout.SourceChannel);
            Assert.Equal(AlarmCodes.SourceCircuit, EprobeMibLayout.SourceCircuit);
            Assert.Equal(AlarmCodes.SourceModule, EprobeMibLayout.SourceModule);
            Assert.Equal(AlarmCodes.LevelWarning, EprobeMibLayout.LevelWarning);
            Assert.Equal(AlarmCodes.LevelCritical, EprobeMibLayout.LevelCritical);
            AssertEnumeration(objects, "eprobeBusRole", new Dictionary<string, int>
            {
                { BusRoles.Name(BusRoles.Standalone), BusRoles.Standalone + EprobeMibLayout.BusRoleOffset },
                { BusRoles.Name(BusRoles.Slave), BusRoles.Slave + EprobeMibLayout.BusRoleOffset },
                { BusRoles.Name(BusRoles.Gateway), BusRoles.Gateway + EprobeMibLayout.BusRoleOffset },
            });
            AssertEnumeration(objects, "eprobeModuleStatus", new Dictionary<string, int>
            {
                { ModuleStatus.Name(ModuleStatus.Unknown), ModuleStatus.Unknown + EprobeMibLayout.ModuleStatusOffset },
                { ModuleStatus.Name(ModuleStatus.Online), ModuleStatus.Online + EprobeMibLayout.ModuleStatusOffset },
                { ModuleStatus.Name(ModuleStatus.Offline), ModuleStatus.Offline + EprobeMibLayout.ModuleStatusOffset },
            });
            Assert.Equal(ModuleCounters.Count, EprobeMibLayout.ModuleColumns.Length - (int)EprobeMibLayout.ModuleFirstCounter + 2);
            AssertEnumeration(objects, "eprobeChannelPhase", new Dictionary<string, int>
            {
                { "l1", EprobeMibLayout.ChannelPhaseL1 },
                { "l2", EprobeMibLayout.ChannelPhaseL1 + 1 },
                { "l3", EprobeMibLayout.ChannelPhaseL1 + 2 },
            });
        }

        private static void AssertEnumeration(Dictionary<string, MibObject> objects, string name, Dictionary<string, int> expected)
        {
            var actual = new Dictionary<string, int>();
            foreach (Match m in Regex.Matches(objects[name].Syntax, @"(\w+)\s*\(\s*(\d+)\s*\)"))
            {
                actual[m.Groups[1].Value] = int.Parse(m.Groups[2].Value);
            }

            Assert.Equal(expected.OrderBy(p => p.Key), actual.OrderBy(p => p.Key));
        }

        [Fact]
        public void TheParserSeesEveryObjectTypeOfTheFile()
        {
            // Guards the agreement test against a parser that silently misses clauses.
            string text = File.ReadAllText(EprobeMibTools.MibFile);
            int declared = Regex.Matches(text, @"^\w+ OBJECT-TYPE\s*$", RegexOptions.Multiline).Count;
            Dictionary<string, MibObject> objects = ReadMib(out _);
            Assert.Equal(declared, objects.Count);
            Assert.True(declared > 50, "only " + declared + " OBJECT-TYPEs");
        }

        private static Dictionary<string, MibObject> ReadMib(out Dictionary<string, string> nodes)
        {
            string text = File.ReadAllText(EprobeMibTools.MibFile);
            text = WithoutStringsAndComments(text);

            var parents = new Dictionary<string, (string Parent, string Arc)>();
            Match module = Regex.Match(text, @"^(\w+)[ \t]+MODULE-IDENTITY\s.*?::=\s*\{\s*enterprises\s+(\d+)\s+(\d+)\s*\}", Clauses);
            Assert.True(module.Success, "no MODULE-IDENTITY under enterprises");
            Assert.Equal(EprobeOids.Enterprise.ToString(), module.Groups[2].Value);
            nodes = new Dictionary<string, string>
            {
                { module.Groups[1].Value, "1.3.6.1.4.1." + module.Groups[2].Value + "." + module.Groups[3].Value },
            };

            foreach (Match m in Regex.Matches(text, @"^(\w+)[ \t]+OBJECT IDENTIFIER\s*::=\s*\{\s*(\w+)\s+(\d+)\s*\}", Clauses))
            {
                parents[m.Groups[1].Value] = (m.Groups[2].Value, m.Groups[3].Value);
            }

            var objects = new Dictionary<string, MibObject>();
            foreach (Match m in Regex.Matches(text, @"^(\w+)[ \t]+OBJECT-TYPE\s+SYNTAX\s+(.*?)\s+(?:UNITS\s+""""\s+)?MAX-ACCESS\s+([\w-]+).*?::=\s*\{\s*(\w+)\s+(\d+)\s*\}", Clauses))
            {
                parents[m.Groups[1].Value] = (m.Groups[4].Value, m.Groups[5].Value);
                objects[m.Groups[1].Value] = new MibObject { Name = m.Groups[1].Value, Syntax = m.Groups[2].Value.Trim(), Access = m.Groups[3].Value };
            }

            foreach (Match m in Regex.Matches(text, @"^(\w+)[ \t]+(?:NOTIFICATION-TYPE|OBJECT-GROUP|NOTIFICATION-GROUP|MODULE-COMPLIANCE)\s.*?::=\s*\{\s*(\w+)\s+(\d+)\s*\}", Clauses))
            {
                parents[m.Groups[1].Value] = (m.Groups[2].Value, m.Groups[3].Value);
            }

            foreach (string name in parents.Keys)
            {
                nodes[name] = Resolve(name, parents, nodes);
            }

            foreach (MibObject o in objects.Values)
            {
                o.Oid = nodes[o.Name];
            }

            return objects;
        }

        // Quoted strings become "" and comments (-- to the end of the line) go, in one pass, so a quote
        // inside a comment or "--" inside a DESCRIPTION cannot confuse the clauses.
        private static string WithoutStringsAndComments(string text)
        {
            var sb = new System.Text.StringBuilder(text.Length);
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (c == '"')
                {
                    int end = text.IndexOf('"', i + 1);
                    Assert.True(end > 0, "unterminated string in the MIB file");
                    sb.Append("\"\"");
                    i = end + 1;
                }
                else if (c == '-' && i + 1 < text.Length && text[i + 1] == '-')
                {
                    int end = text.IndexOf('\n', i);
                    i = end < 0 ? text.Length : end;
                }
                else
                {
                    sb.Append(c);
                    i++;
                }
            }

            return sb.ToString();
        }

        private static string Resolve(string name, Dictionary<string, (string Parent, string Arc)> parents, Dictionary<string, string> nodes)
        {
            if (nodes.TryGetValue(name, out string known))
            {
                return known;
            }

            Assert.True(parents.ContainsKey(name), "the MIB file does not define " + name);
            (string parent, string arc) = parents[name];
            return Resolve(parent, parents, nodes) + "." + arc;
        }

        // BER tag of an object's SYNTAX (tables and rows have none).
        private static byte TypeOf(string syntax)
        {
            string first = syntax.Split(new[] { ' ', '(', '{', '\n', '\r', '\t' }, StringSplitOptions.RemoveEmptyEntries)[0];
            switch (first)
            {
                case "DisplayString":
                case "SnmpAdminString":
                case "DateAndTime":
                case "OCTET":
                    return SnmpType.OctetString;
                case "Integer32":
                case "INTEGER":
                case "TruthValue":
                    return SnmpType.Integer;
                case "Gauge32":
                case "Unsigned32":
                    return SnmpType.Gauge32;
                case "Counter32":
                    return SnmpType.Counter32;
                case "Counter64":
                    return SnmpType.Counter64;
                case "TimeTicks":
                    return SnmpType.TimeTicks;
                default:
                    return 0;
            }
        }

        private static SnmpValue SampleOf(byte type)
        {
            var v = new SnmpValue();
            switch (type)
            {
                case SnmpType.OctetString:
                    v.SetText("x");
                    break;
                case SnmpType.Integer:
                    v.SetInteger32(2300);
                    break;
                case SnmpType.Gauge32:
                    v.SetGauge32(32);
                    break;
                case SnmpType.Counter64:
                    v.SetCounter64(1);
                    break;
                default:
                    v.SetNull();
                    break;
            }

            return v;
        }
    }
}
