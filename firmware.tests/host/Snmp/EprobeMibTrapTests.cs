using System;
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
    }
}
