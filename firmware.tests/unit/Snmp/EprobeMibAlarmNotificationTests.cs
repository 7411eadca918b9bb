using Ipenergy.Probe.Protocols.Snmp;
using Ipenergy.Probe.Protocols.Snmp.Mib;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Snmp
{
    /// <summary>eprobeAlarmRaised/Cleared carry the seven alarm objects with their MIB types.</summary>
    [TestClass]
    public class EprobeMibAlarmNotificationTests
    {
        private static readonly string Alarm = "1.3.6.1.4.1.32473.1.1.5.";

        [TestMethod]
        public void RaisedCarriesTheSevenObjectsInMibOrder()
        {
            SnmpNotification n = new SnmpNotification(EprobeAlarmNotification.VarbindCount);
            EprobeAlarmNotification.Fill(n, true, EprobeMibLayout.SourceCircuit, 2, "PDU-A1", EprobeMibLayout.QuantityLoad,
                EprobeMibLayout.LevelCritical, 912, 900);
            Assert.AreEqual("1.3.6.1.4.1.32473.1.2.0.1", Dotted(n.TrapOid));
            Assert.AreEqual(7, n.Count);
            for (int i = 0; i < n.Count; i++)
            {
                Assert.AreEqual(Alarm + (i + 1).ToString() + ".0", Dotted(n.Name(i)));
            }

            Assert.AreEqual(SnmpType.Integer, n.Value(0).Type);
            Assert.AreEqual(4, n.Value(0).Integer);
            Assert.AreEqual(SnmpType.Gauge32, n.Value(1).Type);
            Assert.AreEqual(2u, n.Value(1).Unsigned);
            Assert.AreEqual("PDU-A1", n.Value(2).OctetsAsText());
            Assert.AreEqual(4, n.Value(3).Integer);
            Assert.AreEqual(2, n.Value(4).Integer);
            Assert.AreEqual(912, n.Value(5).Integer);
            Assert.AreEqual(900, n.Value(6).Integer);
        }

        [TestMethod]
        public void ClearedReusesTheHolderAndCutsLongNames()
        {
            SnmpNotification n = new SnmpNotification(EprobeAlarmNotification.VarbindCount);
            EprobeAlarmNotification.Fill(n, true, EprobeMibLayout.SourceChannel, 1, "x", EprobeMibLayout.QuantityCurrent, 1, 1, 1);
            EprobeAlarmNotification.Fill(n, false, EprobeMibLayout.SourcePhase, 3, "0123456789012345678901234567890123456789",
                EprobeMibLayout.QuantityVoltage, EprobeMibLayout.LevelWarning, -5, 2070);
            Assert.AreEqual("1.3.6.1.4.1.32473.1.2.0.2", Dotted(n.TrapOid));
            Assert.AreEqual(7, n.Count);
            Assert.AreEqual(32, n.Value(2).OctetLength);
            Assert.AreEqual(-5, n.Value(5).Integer);
        }

        private static string Dotted(OidBuffer oid)
        {
            string text = "";
            for (int i = 0; i < oid.Length; i++)
            {
                text = i == 0 ? oid.Arcs[i].ToString() : text + "." + oid.Arcs[i].ToString();
            }

            return text;
        }
    }
}
