using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Protocols.Snmp;
using Ipenergy.Probe.Protocols.Snmp.Mib;
using Ipenergy.Probe.Storage.Alarms;
using Ipenergy.Probe.Tests.Unit.Snmp;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Snmp
{
    /// <summary>
    /// eprobeAlarmRaised / eprobeAlarmCleared as SnmpAlarmNotifier sends them for alarm journal events,
    /// received by a real snmptrapd (package snmptrapd): v2c with snmpTrapOID = module.2.0.n and the nine
    /// objects, v1 as enterprise module.2, generic-trap 6, specific-trap n (RFC 3584 section 3.2), which
    /// snmptrapd translates back to the same notification OID (RFC 3584 section 3.1).
    /// </summary>
    public sealed class EprobeMibTrapTests : IDisposable
    {
        private const string A = ".1.3.6.1.4.1.32473.1.1.5";
        private const int WaitMs = 10000;

        private readonly ITestOutputHelper _output;
        private readonly SnmpCoreTestAgent _agent = new SnmpCoreTestAgent();
        private readonly SnmpTrapdReceiver _trapd = new SnmpTrapdReceiver();
        private readonly AlarmJournal _journal = new AlarmJournal(null);
        private readonly MeterConfig _config = EprobeMibFixture.Config();
        private readonly SnmpAlarmNotifier _notifier;

        public EprobeMibTrapTests(ITestOutputHelper output)
        {
            _output = output;
            _agent.Settings.TrapTargets = new[] { "127.0.0.1:" + _trapd.Port, "127.0.0.1:" + _trapd.Port + "/v1" };
            _journal.Open();
            _notifier = new SnmpAlarmNotifier(_agent.Traps);
        }

        public void Dispose()
        {
            _output.WriteLine(_trapd.Log);
            _trapd.Dispose();
            _agent.Dispose();
        }

        [Fact]
        public void RaisedChangedAndClearedArriveAsV2cAndV1WithTheNineObjects()
        {
            // Circuit 1 "A" (32 A breaker) at 85.04 % of it: warning, threshold 80 %.
            AlarmEntry e = Append(AlarmCodes.EventRaised, AlarmCodes.SourceCircuit, 1, AlarmCodes.LoadHigh,
                AlarmCodes.LevelWarning, AlarmCodes.LevelNormal, 85.04, 80.0);
            uint id = e.AlarmId;
            Assert.Equal(2, _notifier.Notify(e, _config));
            string raised = Varbinds(EprobeMibLayout.SourceCircuit, 1, "A", EprobeMibLayout.QuantityLoad,
                EprobeMibLayout.LevelWarning, 850, 800, 1, id);
            Assert.True(_trapd.WaitFor(".1.3.6.1.6.3.1.1.4.1.0 = OID: .1.3.6.1.4.1.32473.1.2.0.1\t" + raised, WaitMs), "v2c raised: " + _trapd.Log);
            Assert.True(_trapd.WaitFor(".1.3.6.1.4.1.32473.1.2 Enterprise Specific Trap (1) Uptime: ", WaitMs), "v1 raised: " + _trapd.Log);
            Assert.Equal(2, Count(raised));

            // Critical now: eprobeAlarmRaised again, new level, same alarm id.
            e = Append(AlarmCodes.EventChanged, AlarmCodes.SourceCircuit, 1, AlarmCodes.LoadHigh,
                AlarmCodes.LevelCritical, AlarmCodes.LevelWarning, 91.2, 90.0);
            Assert.Equal(id, e.AlarmId);
            Assert.Equal(2, _notifier.Notify(e, _config));
            string changed = Varbinds(EprobeMibLayout.SourceCircuit, 1, "A", EprobeMibLayout.QuantityLoad,
                EprobeMibLayout.LevelCritical, 912, 900, 1, id);
            Assert.True(_trapd.WaitFor(".1.3.6.1.6.3.1.1.4.1.0 = OID: .1.3.6.1.4.1.32473.1.2.0.1\t" + changed, WaitMs), "v2c changed: " + _trapd.Log);
            Assert.True(WaitCount(changed, 2), "v1 changed: " + _trapd.Log);

            // An acknowledgement is no notification.
            Assert.True(_journal.Acknowledge(id, "operator", DateTime.UtcNow));
            var ack = new AlarmEntry();
            Assert.True(_journal.FindActive(AlarmCodes.SourceCircuit, 1, AlarmCodes.LoadHigh, ack));
            ack.Kind = AlarmCodes.EventAcknowledged;
            Assert.Equal(0, _notifier.Notify(ack, _config));

            e = Append(AlarmCodes.EventCleared, AlarmCodes.SourceCircuit, 1, AlarmCodes.LoadHigh,
                AlarmCodes.LevelNormal, AlarmCodes.LevelCritical, 70.0, 75.0);
            Assert.Equal(2, _notifier.Notify(e, _config));
            string cleared = Varbinds(EprobeMibLayout.SourceCircuit, 1, "A", EprobeMibLayout.QuantityLoad,
                EprobeMibLayout.LevelCritical, 700, 750, 1, id);
            Assert.True(_trapd.WaitFor(".1.3.6.1.6.3.1.1.4.1.0 = OID: .1.3.6.1.4.1.32473.1.2.0.2\t" + cleared, WaitMs), "v2c cleared: " + _trapd.Log);
            Assert.True(_trapd.WaitFor(".1.3.6.1.4.1.32473.1.2 Enterprise Specific Trap (2) Uptime: ", WaitMs), "v1 cleared: " + _trapd.Log);
            Assert.True(WaitCount(cleared, 2), "v1 cleared varbinds: " + _trapd.Log);

            // Six datagrams in all (3 notifications x 2 targets), nothing for the acknowledgement.
            Assert.Equal(6, _agent.Traps.Sent);
            Assert.Equal(3, _notifier.Notified);
            Assert.Equal(6, Regex.Matches(_trapd.Log, Regex.Escape(A + ".9.0 = Gauge32: " + id)).Count);
        }

        [Fact]
        public void SnmptrapdWithTheMibDecodesAllNineObjectsOfV2cAndV1()
        {
            string shared = SharedMibs.Directory;
            if (shared == null)
            {
                SharedMibs.ReportAbsent(_output, "symbolic snmptrapd decoding of eprobeAlarmRaised/Cleared");
                return;
            }

            string mibs = shared + ":" + SharedMibs.ProjectDirectory;
            string dir = Directory.CreateTempSubdirectory("eprobe-trapd").FullName;
            string config = Path.Combine(dir, "snmptrapd.conf");
            File.WriteAllText(config, "disableAuthorization yes\n");
            int port = NetSnmpTool.FreeUdpPort();
            ProcessStartInfo info = NetSnmpTool.StartInfo("snmptrapd", "snmptrapd",
                "-f", "-Lo", "-C", "-c", config, "-M", mibs, "-m", "SNMPv2-MIB:IPENERGY-EPROBE-MIB", "-p", Path.Combine(dir, "pid"), "udp:127.0.0.1:" + port);
            var log = new StringBuilder();
            using Process trapd = Process.Start(info);
            trapd.OutputDataReceived += (sender, e) => { lock (log) { log.AppendLine(e.Data); } };
            trapd.ErrorDataReceived += (sender, e) => { lock (log) { log.AppendLine(e.Data); } };
            trapd.BeginOutputReadLine();
            trapd.BeginErrorReadLine();
            try
            {
                Assert.True(WaitFor(log, trapd, "NET-SNMP version", 1), "snmptrapd did not start: " + log);
                _agent.Settings.TrapTargets = new[] { "127.0.0.1:" + port, "127.0.0.1:" + port + "/v1" };

                // Channel 2 (50 A CT, no label) at 130 % of its CT: 65 A against 60 A.
                AlarmEntry e = Append(AlarmCodes.EventRaised, AlarmCodes.SourceChannel, 2, AlarmCodes.OverCurrent,
                    AlarmCodes.LevelCritical, AlarmCodes.LevelNormal, 130.0, 120.0);
                Assert.Equal(2, _notifier.Notify(e, _config));
                Assert.True(WaitFor(log, trapd, "IPENERGY-EPROBE-MIB::eprobeAlarmId.0 = Gauge32: " + e.AlarmId, 2), "raised: " + log);

                // L3 lost then back: the cleared notification.
                e = Append(AlarmCodes.EventRaised, AlarmCodes.SourcePhase, 2, AlarmCodes.PhaseLost,
                    AlarmCodes.LevelCritical, AlarmCodes.LevelNormal, 3.0, 115.0);
                e = Append(AlarmCodes.EventCleared, AlarmCodes.SourcePhase, 2, AlarmCodes.PhaseLost,
                    AlarmCodes.LevelNormal, AlarmCodes.LevelCritical, 229.5, 126.5);
                Assert.Equal(2, _notifier.Notify(e, _config));
                Assert.True(WaitFor(log, trapd, "IPENERGY-EPROBE-MIB::eprobeAlarmId.0 = Gauge32: " + e.AlarmId, 2), "cleared: " + log);
                string text;
                lock (log)
                {
                    text = log.ToString();
                }

                _output.WriteLine(text);
                Assert.DoesNotContain("Cannot find module", text);
                Assert.DoesNotContain("Unlinked OID", text);
                string[] lines = text.Split('\n');
                string[] raised = Array.FindAll(lines, l => l.Contains("eprobeAlarmSourceKind.0 = INTEGER: channel(3)", StringComparison.Ordinal));
                string[] cleared = Array.FindAll(lines, l => l.Contains("eprobeAlarmSourceKind.0 = INTEGER: phase(2)", StringComparison.Ordinal));
                Assert.Equal(2, raised.Length);
                Assert.Equal(2, cleared.Length);

                // v2c names the notification in snmpTrapOID.0; v1 gives enterprise eprobeNotifications and
                // specific-trap n, which snmptrapd maps back to the notification's name (RFC 3584 3.1).
                Assert.Single(raised, l => l.Contains("SNMPv2-MIB::snmpTrapOID.0 = OID: IPENERGY-EPROBE-MIB::eprobeAlarmRaised", StringComparison.Ordinal));
                Assert.Single(lines, l => l.Contains("IPENERGY-EPROBE-MIB::eprobeNotifications Enterprise Specific Trap (IPENERGY-EPROBE-MIB::eprobeAlarmRaised) Uptime:", StringComparison.Ordinal));
                Assert.Single(cleared, l => l.Contains("SNMPv2-MIB::snmpTrapOID.0 = OID: IPENERGY-EPROBE-MIB::eprobeAlarmCleared", StringComparison.Ordinal));
                Assert.Single(lines, l => l.Contains("IPENERGY-EPROBE-MIB::eprobeNotifications Enterprise Specific Trap (IPENERGY-EPROBE-MIB::eprobeAlarmCleared) Uptime:", StringComparison.Ordinal));
                foreach (string line in raised)
                {
                    AssertInOrder(line,
                        "IPENERGY-EPROBE-MIB::eprobeAlarmSourceKind.0 = INTEGER: channel(3)",
                        "IPENERGY-EPROBE-MIB::eprobeAlarmSourceIndex.0 = Gauge32: 2",
                        "IPENERGY-EPROBE-MIB::eprobeAlarmSourceName.0 = STRING: channel 2",
                        "IPENERGY-EPROBE-MIB::eprobeAlarmQuantity.0 = INTEGER: rmsCurrent(2)",
                        "IPENERGY-EPROBE-MIB::eprobeAlarmLevel.0 = INTEGER: critical(2)",
                        "IPENERGY-EPROBE-MIB::eprobeAlarmValue.0 = INTEGER: 65000",
                        "IPENERGY-EPROBE-MIB::eprobeAlarmThreshold.0 = INTEGER: 60000",
                        "IPENERGY-EPROBE-MIB::eprobeAlarmCondition.0 = INTEGER: overCurrent(2)",
                        "IPENERGY-EPROBE-MIB::eprobeAlarmId.0 = Gauge32: 1");
                }

                foreach (string line in cleared)
                {
                    AssertInOrder(line,
                        "IPENERGY-EPROBE-MIB::eprobeAlarmSourceKind.0 = INTEGER: phase(2)",
                        "IPENERGY-EPROBE-MIB::eprobeAlarmSourceIndex.0 = Gauge32: 3",
                        "IPENERGY-EPROBE-MIB::eprobeAlarmSourceName.0 = STRING: L3",
                        "IPENERGY-EPROBE-MIB::eprobeAlarmQuantity.0 = INTEGER: voltage(1)",
                        "IPENERGY-EPROBE-MIB::eprobeAlarmLevel.0 = INTEGER: critical(2)",
                        "IPENERGY-EPROBE-MIB::eprobeAlarmValue.0 = INTEGER: 2295",
                        "IPENERGY-EPROBE-MIB::eprobeAlarmThreshold.0 = INTEGER: 1265",
                        "IPENERGY-EPROBE-MIB::eprobeAlarmCondition.0 = INTEGER: phaseLost(6)",
                        "IPENERGY-EPROBE-MIB::eprobeAlarmId.0 = Gauge32: 2");
                }
            }
            finally
            {
                if (!trapd.HasExited)
                {
                    trapd.Kill(true);
                    trapd.WaitForExit(5000);
                }

                Directory.Delete(dir, true);
            }
        }

        private AlarmEntry Append(int kind, int source, int index, int condition, int level, int previous, double value, double threshold)
        {
            AlarmEntry e = EprobeMibAlarmNotificationTests.Entry(kind, source, index, condition, level, previous, value, threshold, 0);
            _journal.Append(e);
            return e;
        }

        // The nine varbinds as snmptrapd prints them numerically, tab-separated in MIB order.
        private static string Varbinds(int kind, uint index, string name, int quantity, int level, int value, int threshold, int condition, uint id)
        {
            return A + ".1.0 = INTEGER: " + kind + "\t" + A + ".2.0 = Gauge32: " + index + "\t" + A + ".3.0 = STRING: \"" + name + "\"\t"
                + A + ".4.0 = INTEGER: " + quantity + "\t" + A + ".5.0 = INTEGER: " + level + "\t" + A + ".6.0 = INTEGER: " + value + "\t"
                + A + ".7.0 = INTEGER: " + threshold + "\t" + A + ".8.0 = INTEGER: " + condition + "\t" + A + ".9.0 = Gauge32: " + id;
        }

        private int Count(string text)
        {
            return Regex.Matches(_trapd.Log, Regex.Escape(text)).Count;
        }

        private bool WaitCount(string text, int count)
        {
            var watch = Stopwatch.StartNew();
            while (watch.ElapsedMilliseconds < WaitMs && Count(text) < count)
            {
                Thread.Sleep(20);
            }

            return Count(text) == count;
        }

        private static void AssertInOrder(string line, params string[] parts)
        {
            int at = 0;
            foreach (string part in parts)
            {
                int found = line.IndexOf(part, at, StringComparison.Ordinal);
                Assert.True(found >= 0, "missing or out of order: " + part + "\nin: " + line);
                at = found + part.Length;
            }
        }

        private static bool WaitFor(StringBuilder log, Process process, string text, int count)
        {
            var watch = Stopwatch.StartNew();
            while (watch.ElapsedMilliseconds < WaitMs)
            {
                lock (log)
                {
                    if (Regex.Matches(log.ToString(), Regex.Escape(text)).Count >= count)
                    {
                        return true;
                    }
                }

                if (process.HasExited)
                {
                    break;
                }

                Thread.Sleep(20);
            }

            lock (log)
            {
                return Regex.Matches(log.ToString(), Regex.Escape(text)).Count >= count;
            }
        }
    }
}
