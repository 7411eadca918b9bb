using Ipenergy.Probe.Config;
using Ipenergy.Probe.Protocols.Snmp;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Snmp
{
    /// <summary>
    /// Notification datagrams written by hand: SNMPv2-Trap-PDU of RFC 3416 (sysUpTime.0, snmpTrapOID.0 first)
    /// and the v1 Trap-PDU of RFC 1157 translated as RFC 3584 3.2 says; target parsing; settings that
    /// follow the live configuration.
    /// </summary>
    [TestClass]
    public class SnmpTrapEncodingTests
    {
        private static SnmpTrapSender Sender(SnmpSettings settings)
        {
            SnmpTestClock clock = new SnmpTestClock();
            clock.MonotonicMilliseconds = 5000;
            SysUpTime upTime = new SysUpTime(clock);
            clock.MonotonicMilliseconds = 5000 + 12340;
            return new SnmpTrapSender(settings, upTime, new SnmpCounters(), 1472);
        }

        private static string Encoded(SnmpTrapSender sender, SnmpNotification n, int version)
        {
            int length = sender.Encode(n, version);
            return SnmpPackets.Hex(sender.Buffer, 0, length);
        }

        [TestMethod]
        public void ColdStartV2c()
        {
            SnmpTrapSender sender = Sender(new SnmpSettings());
            SnmpNotification n = new SnmpNotification(1);
            n.Start(SnmpTrapSender.ColdStart, SnmpTrapSender.ColdStart.Length);
            Assert.AreEqual(SnmpPackets.Hex(SnmpPackets.FromHex(
                "30 41 02 01 01 04 06 70 75 62 6C 69 63 A7 34 02 01 01 02 01 00 02 01 00 30 29 "
                + "30 0E 06 08 2B 06 01 02 01 01 03 00 43 02 04 D2 "
                + "30 17 06 0A 2B 06 01 06 03 01 01 04 01 00 06 09 2B 06 01 06 03 01 01 05 01")),
                Encoded(sender, n, SnmpVersion.V2c), "coldStart v2c, sysUpTime 12.34 s");
        }

        [TestMethod]
        public void ColdStartV1IsGenericZeroUnderSnmpTraps()
        {
            SnmpTrapSender sender = Sender(new SnmpSettings());
            SnmpNotification n = new SnmpNotification(1);
            n.Start(SnmpTrapSender.ColdStart, SnmpTrapSender.ColdStart.Length);
            Assert.AreEqual(SnmpPackets.Hex(SnmpPackets.FromHex(
                "30 29 02 01 00 04 06 70 75 62 6C 69 63 A4 1C 06 08 2B 06 01 06 03 01 01 05 40 04 00 00 00 00 "
                + "02 01 00 02 01 00 43 02 04 D2 30 00")),
                Encoded(sender, n, SnmpVersion.V1), "coldStart v1");
        }

        [TestMethod]
        public void EnterpriseSpecificV1DropsTheZeroArc()
        {
            SnmpSettings settings = new SnmpSettings();
            settings.TrapCommunity = "traps";
            settings.AgentAddress = 0xC0000201u;
            SnmpTrapSender sender = Sender(settings);
            SnmpNotification n = new SnmpNotification(2);
            uint[] trap = ObjectId.Parse("1.3.6.1.4.1.32473.1.2.0.3");
            uint[] name = ObjectId.Parse("1.3.6.1.4.1.32473.99.1.1.0");
            n.Start(trap, trap.Length);
            n.Add(name, name.Length).SetInteger32(7);
            Assert.AreEqual(SnmpPackets.Hex(SnmpPackets.FromHex(
                "30 3D 02 01 00 04 05 74 72 61 70 73 A4 31 06 0A 2B 06 01 04 01 81 FD 59 01 02 40 04 C0 00 02 01 "
                + "02 01 06 02 01 03 43 02 04 D2 30 13 30 11 06 0C 2B 06 01 04 01 81 FD 59 63 01 01 00 02 01 07")),
                Encoded(sender, n, SnmpVersion.V1), "enterprise-specific 3 under module.2");

            n.Add(name, name.Length).SetCounter64(1);
            Assert.AreEqual(0, sender.Encode(n, SnmpVersion.V1), "Counter64 cannot be sent as v1");
            Assert.IsTrue(sender.Encode(n, SnmpVersion.V2c) > 0, "but as v2c");
        }

        [TestMethod]
        public void TargetsParse()
        {
            SnmpTrapTarget t = SnmpTrapTarget.Parse("192.0.2.10:162");
            Assert.IsNotNull(t, "address:port");
            Assert.AreEqual(SnmpVersion.V2c, t.Version, "v2c by default");
            Assert.AreEqual(162, t.EndPoint.Port, "port");
            t = SnmpTrapTarget.Parse("192.0.2.10:1162/v1");
            Assert.AreEqual(SnmpVersion.V1, t.Version, "/v1");
            Assert.AreEqual(SnmpVersion.V2c, SnmpTrapTarget.Parse("192.0.2.10:1162/v2c").Version, "/v2c");
            Assert.IsNull(SnmpTrapTarget.Parse("192.0.2.10"), "no port");
            Assert.IsNull(SnmpTrapTarget.Parse("192.0.2.10:0"), "port 0");
            Assert.IsNull(SnmpTrapTarget.Parse("192.0.2.10:70000"), "port too large");
            Assert.IsNull(SnmpTrapTarget.Parse("192.0.2.10:162/v3"), "unknown version");
            Assert.IsNull(SnmpTrapTarget.Parse(null), "null");
        }

        [TestMethod]
        public void SettingsFollowTheLiveConfigurationAtEachRequest()
        {
            MeterConfig first = new MeterConfig(3);
            first.Snmp.ReadCommunity = "alpha";
            SnmpTestLiveConfig live = new SnmpTestLiveConfig(first);
            SnmpSettings settings = new SnmpSettings(live);
            SnmpMessageProcessor p = new SnmpMessageProcessor(new MibTree(new IMibSubtree[] { new TestScalars() }), new SnmpCounters(), settings, 484);
            string[] names = new string[] { "1.3.6.1.4.1.32473.99.1.1.0" };
            Assert.IsNotNull(SnmpPackets.Answer(p, SnmpPackets.Get(1, "alpha", names)), "community of the configuration");
            Assert.IsNull(SnmpPackets.Answer(p, SnmpPackets.Get(1, "public", names)), "not the default");

            MeterConfig second = new MeterConfig(3);
            second.Snmp.ReadCommunity = "beta";
            second.Snmp.WriteCommunity = "gamma";
            live.Current = second;
            Assert.IsNull(SnmpPackets.Answer(p, SnmpPackets.Get(1, "alpha", names)), "old community refused after the change");
            Assert.IsNotNull(SnmpPackets.Answer(p, SnmpPackets.Get(1, "beta", names)), "new read community");
            Assert.IsNotNull(SnmpPackets.Answer(p, SnmpPackets.Get(1, "gamma", names)), "new write community");
            Assert.AreEqual("beta", settings.EffectiveTrapCommunity, "notifications use the read community");
        }

        [TestMethod]
        public void CommunitiesCompareAsUtf8()
        {
            byte[] bytes = new byte[] { 0x63, 0xC3, 0xA9 };
            Assert.IsTrue(SnmpSettings.CommunityMatches(bytes, 0, 3, "c\u00e9"), "UTF-8 of c + e acute");
            Assert.IsFalse(SnmpSettings.CommunityMatches(bytes, 0, 2, "c\u00e9"), "cut short");
            Assert.IsFalse(SnmpSettings.CommunityMatches(bytes, 0, 0, ""), "empty never matches");
        }
    }
}
