using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using Ipenergy.Probe.Protocols.Snmp;
using Ipenergy.Probe.Protocols.Snmp.Mib;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Snmp
{
    /// <summary>
    /// eprobeAlarmRaised / eprobeAlarmCleared as filled by EprobeAlarmNotification, sent by the agent's
    /// trap sender and received by a real snmptrapd (package snmptrapd): v2c with snmpTrapOID = module.2.0.n
    /// and the seven objects, v1 as enterprise module.2, specific-trap n (RFC 3584).
    /// </summary>
    public sealed class EprobeMibTrapTests : IDisposable
    {
        private const string A = ".1.3.6.1.4.1.32473.1.1.5";
        private const int WaitMs = 10000;

        private readonly ITestOutputHelper _output;
        private readonly SnmpCoreTestAgent _agent = new SnmpCoreTestAgent();
        private readonly SnmpTrapdReceiver _trapd = new SnmpTrapdReceiver();

        public EprobeMibTrapTests(ITestOutputHelper output)
        {
            _output = output;
            _agent.Settings.TrapTargets = new[] { "127.0.0.1:" + _trapd.Port, "127.0.0.1:" + _trapd.Port + "/v1" };
        }

        public void Dispose()
        {
            _output.WriteLine(_trapd.Log);
            _trapd.Dispose();
            _agent.Dispose();
        }

        [Fact]
        public void AlarmRaisedAndClearedArriveWithTheirObjects()
        {
            var notification = new SnmpNotification(EprobeAlarmNotification.VarbindCount);
            EprobeAlarmNotification.Fill(notification, true, EprobeMibLayout.SourceCircuit, 2, "PDU-A1",
                EprobeMibLayout.QuantityLoad, EprobeMibLayout.LevelCritical, 912, 900);
            Assert.Equal(2, _agent.Traps.Send(notification));

            Assert.True(_trapd.WaitFor(".1.3.6.1.6.3.1.1.4.1.0 = OID: .1.3.6.1.4.1.32473.1.2.0.1", WaitMs), "v2c raised: " + _trapd.Log);
            Assert.True(_trapd.WaitFor(A + ".7.0 = INTEGER: 900", WaitMs), "v2c raised varbinds: " + _trapd.Log);
            Assert.Contains(A + ".1.0 = INTEGER: 4\t" + A + ".2.0 = Gauge32: 2\t" + A + ".3.0 = STRING: \"PDU-A1\"\t"
                + A + ".4.0 = INTEGER: 4\t" + A + ".5.0 = INTEGER: 2\t" + A + ".6.0 = INTEGER: 912\t" + A + ".7.0 = INTEGER: 900", _trapd.Log);
            Assert.True(_trapd.WaitFor(".1.3.6.1.4.1.32473.1.2 Enterprise Specific Trap (1) Uptime: ", WaitMs), "v1 raised: " + _trapd.Log);

            EprobeAlarmNotification.Fill(notification, false, EprobeMibLayout.SourceCircuit, 2, "PDU-A1",
                EprobeMibLayout.QuantityLoad, EprobeMibLayout.LevelCritical, 850, 900);
            Assert.Equal(2, _agent.Traps.Send(notification));
            Assert.True(_trapd.WaitFor(".1.3.6.1.6.3.1.1.4.1.0 = OID: .1.3.6.1.4.1.32473.1.2.0.2", WaitMs), "v2c cleared: " + _trapd.Log);
            Assert.True(_trapd.WaitFor(".1.3.6.1.4.1.32473.1.2 Enterprise Specific Trap (2) Uptime: ", WaitMs), "v1 cleared: " + _trapd.Log);
            Assert.True(_trapd.WaitFor(A + ".6.0 = INTEGER: 850", WaitMs), "cleared value: " + _trapd.Log);
        }

        [Fact]
        public void SnmptrapdWithTheMibPrintsTheNotificationSymbolically()
        {
            string shared = SharedMibs.Directory;
            if (shared == null)
            {
                SharedMibs.ReportAbsent(_output, "symbolic snmptrapd decoding of eprobeAlarmRaised");
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
                Assert.True(WaitFor(log, trapd, "NET-SNMP version"), "snmptrapd did not start: " + log);
                _agent.Settings.TrapTargets = new[] { "127.0.0.1:" + port };
                var notification = new SnmpNotification(EprobeAlarmNotification.VarbindCount);
                EprobeAlarmNotification.Fill(notification, true, EprobeMibLayout.SourceChannel, 7, "PDU-7",
                    EprobeMibLayout.QuantityCurrent, EprobeMibLayout.LevelWarning, 26500, 25600);
                Assert.Equal(1, _agent.Traps.Send(notification));
                Assert.True(WaitFor(log, trapd, "eprobeAlarmThreshold.0"), "no notification: " + log);
                string text;
                lock (log)
                {
                    text = log.ToString();
                }

                _output.WriteLine(text);
                Assert.DoesNotContain("Cannot find module", text);
                Assert.Contains("SNMPv2-MIB::snmpTrapOID.0 = OID: IPENERGY-EPROBE-MIB::eprobeAlarmRaised", text);
                Assert.Contains("IPENERGY-EPROBE-MIB::eprobeAlarmSourceKind.0 = INTEGER: channel(3)", text);
                Assert.Contains("IPENERGY-EPROBE-MIB::eprobeAlarmSourceName.0 = STRING: PDU-7", text);
                Assert.Contains("IPENERGY-EPROBE-MIB::eprobeAlarmQuantity.0 = INTEGER: rmsCurrent(2)", text);
                Assert.Contains("IPENERGY-EPROBE-MIB::eprobeAlarmLevel.0 = INTEGER: warning(1)", text);
                Assert.Contains("IPENERGY-EPROBE-MIB::eprobeAlarmValue.0 = INTEGER: 26500", text);
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

        private static bool WaitFor(StringBuilder log, Process process, string text)
        {
            var watch = Stopwatch.StartNew();
            while (watch.ElapsedMilliseconds < WaitMs)
            {
                lock (log)
                {
                    if (log.ToString().Contains(text, StringComparison.Ordinal))
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
                return log.ToString().Contains(text, StringComparison.Ordinal);
            }
        }
    }
}
