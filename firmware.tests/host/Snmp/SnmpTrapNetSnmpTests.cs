using System;
using Ipenergy.Probe.Protocols.Snmp;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Snmp
{
    /// <summary>
    /// Notifications received by a real snmptrapd: coldStart as SNMPv2-Trap and as v1 Trap-PDU (generic 0),
    /// an enterprise-specific notification with its varbinds (v1: enterprise without ".0.n", specific n),
    /// authenticationFailure on a wrong community when enabled (snmptrapd names generic-trap and prints
    /// specific-trap in parentheses).
    /// </summary>
    public sealed class SnmpTrapNetSnmpTests : IDisposable
    {
        private const string S = ".1.3.6.1.4.1.32473.99.1";
        private const int WaitMs = 10000;

        private readonly ITestOutputHelper _output;
        private readonly SnmpCoreTestAgent _agent = new SnmpCoreTestAgent();
        private readonly SnmpTrapdReceiver _trapd = new SnmpTrapdReceiver();

        public SnmpTrapNetSnmpTests(ITestOutputHelper output)
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
        public void ColdStartArrivesAsV2cAndV1()
        {
            _agent.Traps.SendColdStart();
            Assert.Equal(2, _agent.Traps.Sent);
            Assert.True(_trapd.WaitFor(".1.3.6.1.6.3.1.1.4.1.0 = OID: .1.3.6.1.6.3.1.1.5.1", WaitMs), "v2c coldStart: " + _trapd.Log);
            Assert.Matches(@"\.1\.3\.6\.1\.2\.1\.1\.3\.0 = Timeticks: \(\d+\) 0:00:\d\d\.\d\d\t\.1\.3\.6\.1\.6\.3\.1\.1\.4\.1\.0 = OID: \.1\.3\.6\.1\.6\.3\.1\.1\.5\.1", _trapd.Log);
            Assert.True(_trapd.WaitFor(".1.3.6.1.6.3.1.1.5 Cold Start Trap (0) Uptime: 0:00:", WaitMs), "v1 coldStart: " + _trapd.Log);
            Assert.Contains("TRAP, SNMP v1, community public", _trapd.Log);
            Assert.Equal(2u, _agent.Counters.Read(SnmpCounters.OutTraps));
        }

        [Fact]
        public void EnterpriseSpecificNotificationCarriesItsVarbinds()
        {
            _agent.Settings.TrapCommunity = "traps";
            var notification = new SnmpNotification(4);
            uint[] trapOid = ObjectId.Parse("1.3.6.1.4.1.32473.1.2.0.3");
            notification.Start(trapOid, trapOid.Length);
            uint[] number = ObjectId.Parse("1.3.6.1.4.1.32473.99.1.1.0");
            uint[] text = ObjectId.Parse("1.3.6.1.4.1.32473.99.1.2.0");
            uint[] gauge = ObjectId.Parse("1.3.6.1.4.1.32473.99.1.5.0");
            notification.Add(number, number.Length).SetInteger32(7);
            notification.Add(text, text.Length).SetText("Ch 7 current above 32 A");
            notification.Add(gauge, gauge.Length).SetGauge32(3250);
            Assert.Equal(2, _agent.Traps.Send(notification));

            Assert.True(_trapd.WaitFor(".1.3.6.1.6.3.1.1.4.1.0 = OID: .1.3.6.1.4.1.32473.1.2.0.3", WaitMs), "v2c: " + _trapd.Log);
            Assert.Contains(S + ".1.0 = INTEGER: 7\t" + S + ".2.0 = STRING: \"Ch 7 current above 32 A\"\t" + S + ".5.0 = Gauge32: 3250", _trapd.Log);
            Assert.True(_trapd.WaitFor(".1.3.6.1.4.1.32473.1.2 Enterprise Specific Trap (3) Uptime: ", WaitMs), "v1: " + _trapd.Log);
            Assert.Contains("TRAP, SNMP v1, community traps", _trapd.Log);
            Assert.Contains("\t" + S + ".2.0 = STRING: \"Ch 7 current above 32 A\"", _trapd.Log);

            // Counter64 cannot travel in v1 (RFC 3584 3.2): only the v2c target gets it.
            uint[] energy = ObjectId.Parse("1.3.6.1.4.1.32473.99.1.4.0");
            notification.Add(energy, energy.Length).SetCounter64(123456789012UL);
            Assert.Equal(1, _agent.Traps.Send(notification));
            Assert.True(_trapd.WaitFor(S + ".4.0 = Counter64: 123456789012", WaitMs), "v2c Counter64: " + _trapd.Log);
        }

        [Fact]
        public void AWrongCommunitySendsAuthenticationFailureWhenEnabled()
        {
            NetSnmpTool.Result quiet = NetSnmpTool.Run("snmpget", "-On", "-m", "", "-r", "0", "-t", "1", "-v2c", "-c", "guess", _agent.Target, S + ".1.0");
            Assert.Contains("Timeout", quiet.All);
            Assert.Equal(0, _agent.Traps.Sent);

            _agent.Settings.AuthenticationTraps = true;
            NetSnmpTool.Result result = NetSnmpTool.Run("snmpget", "-On", "-m", "", "-r", "0", "-t", "1", "-v1", "-c", "guess", _agent.Target, S + ".1.0");
            Assert.Contains("Timeout", result.All);
            Assert.True(_trapd.WaitFor(".1.3.6.1.6.3.1.1.4.1.0 = OID: .1.3.6.1.6.3.1.1.5.5", WaitMs), "v2c authenticationFailure: " + _trapd.Log);
            Assert.True(_trapd.WaitFor(".1.3.6.1.6.3.1.1.5 Authentication Failure Trap (0)", WaitMs), "v1 authenticationFailure: " + _trapd.Log);
            Assert.Equal(2, _agent.Traps.Sent);
            Assert.Equal(2u, _agent.Counters.Read(SnmpCounters.InBadCommunityNames));
        }
    }
}
