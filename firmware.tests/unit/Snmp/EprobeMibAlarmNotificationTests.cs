using System;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Protocols.Snmp;
using Ipenergy.Probe.Protocols.Snmp.Mib;
using Ipenergy.Probe.Storage.Alarms;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Snmp
{
    /// <summary>eprobeAlarmRaised/Cleared carry the nine alarm objects with their MIB types, filled from journal events.</summary>
    [TestClass]
    public class EprobeMibAlarmNotificationTests
    {
        private static readonly string Alarm = "1.3.6.1.4.1.32473.1.1.5.";

        [TestMethod]
        public void RaisedCarriesTheNineObjectsInMibOrder()
        {
            SnmpNotification n = new SnmpNotification(EprobeAlarmNotification.VarbindCount);
            EprobeAlarmNotification.Fill(n, true, EprobeMibLayout.SourceCircuit, 2, "PDU-A1", EprobeMibLayout.QuantityLoad,
                EprobeMibLayout.LevelCritical, 912, 900, 1, 4000000000u);
            Assert.AreEqual("1.3.6.1.4.1.32473.1.2.0.1", Dotted(n.TrapOid));
            Assert.AreEqual(9, n.Count);
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
            Assert.AreEqual(SnmpType.Integer, n.Value(7).Type);
            Assert.AreEqual(1, n.Value(7).Integer);
            Assert.AreEqual(SnmpType.Gauge32, n.Value(8).Type);
            Assert.AreEqual(4000000000u, n.Value(8).Unsigned);
        }

        [TestMethod]
        public void ClearedReusesTheHolderAndCutsLongNames()
        {
            SnmpNotification n = new SnmpNotification(EprobeAlarmNotification.VarbindCount);
            EprobeAlarmNotification.Fill(n, true, EprobeMibLayout.SourceChannel, 1, "x", EprobeMibLayout.QuantityCurrent, 1, 1, 1, 2, 1);
            EprobeAlarmNotification.Fill(n, false, EprobeMibLayout.SourcePhase, 3, "0123456789012345678901234567890123456789",
                EprobeMibLayout.QuantityVoltage, EprobeMibLayout.LevelWarning, -5, 2070, 4, 9);
            Assert.AreEqual("1.3.6.1.4.1.32473.1.2.0.2", Dotted(n.TrapOid));
            Assert.AreEqual(9, n.Count);
            Assert.AreEqual(32, n.Value(2).OctetLength);
            Assert.AreEqual(-5, n.Value(5).Integer);
            Assert.AreEqual(4, n.Value(7).Integer);
            Assert.AreEqual(9u, n.Value(8).Unsigned);
        }

        [TestMethod]
        public void JournalEventsBecomeRaisedChangedClearedAndAcknowledgedNothing()
        {
            MeterConfig config = EprobeMibFixture.Config();
            SnmpNotification n = new SnmpNotification(EprobeAlarmNotification.VarbindCount);

            // Channel 2 (CT 50 A, no label) at 130 % of its CT, critical threshold 120 %.
            AlarmEntry e = Entry(AlarmCodes.EventRaised, AlarmCodes.SourceChannel, 2, AlarmCodes.OverCurrent,
                AlarmCodes.LevelCritical, AlarmCodes.LevelNormal, 130.0, 120.0, 17);
            Assert.IsTrue(EprobeAlarmNotification.Fill(n, e, config));
            Assert.AreEqual("1.3.6.1.4.1.32473.1.2.0.1", Dotted(n.TrapOid));
            Assert.AreEqual(EprobeMibLayout.SourceChannel, n.Value(0).Integer);
            Assert.AreEqual(2u, n.Value(1).Unsigned);
            Assert.AreEqual("channel 2", n.Value(2).OctetsAsText());
            Assert.AreEqual(EprobeMibLayout.QuantityCurrent, n.Value(3).Integer);
            Assert.AreEqual(EprobeMibLayout.LevelCritical, n.Value(4).Integer);
            Assert.AreEqual(65000, n.Value(5).Integer);
            Assert.AreEqual(60000, n.Value(6).Integer);
            Assert.AreEqual(2, n.Value(7).Integer);
            Assert.AreEqual(17u, n.Value(8).Unsigned);

            // A level change is a new eprobeAlarmRaised with the new level and the same alarm id.
            e.Kind = AlarmCodes.EventChanged;
            e.Level = AlarmCodes.LevelWarning;
            e.PreviousLevel = AlarmCodes.LevelCritical;
            e.Value = 110.0;
            e.Threshold = 100.0;
            Assert.IsTrue(EprobeAlarmNotification.Fill(n, e, config));
            Assert.AreEqual("1.3.6.1.4.1.32473.1.2.0.1", Dotted(n.TrapOid));
            Assert.AreEqual(EprobeMibLayout.LevelWarning, n.Value(4).Integer);
            Assert.AreEqual(55000, n.Value(5).Integer);
            Assert.AreEqual(17u, n.Value(8).Unsigned);

            // Cleared: eprobeAlarmCleared with the level the alarm had.
            e.Kind = AlarmCodes.EventCleared;
            e.Level = AlarmCodes.LevelNormal;
            e.PreviousLevel = AlarmCodes.LevelWarning;
            e.Value = 90.0;
            Assert.IsTrue(EprobeAlarmNotification.Fill(n, e, config));
            Assert.AreEqual("1.3.6.1.4.1.32473.1.2.0.2", Dotted(n.TrapOid));
            Assert.AreEqual(EprobeMibLayout.LevelWarning, n.Value(4).Integer);
            Assert.AreEqual(45000, n.Value(5).Integer);

            // Phases are 0..2 in the journal, 1..3 in the MIB; the name is the phase's.
            e = Entry(AlarmCodes.EventRaised, AlarmCodes.SourcePhase, 2, AlarmCodes.PhaseLost,
                AlarmCodes.LevelCritical, AlarmCodes.LevelNormal, 3.04, 115.0, 18);
            Assert.IsTrue(EprobeAlarmNotification.Fill(n, e, config));
            Assert.AreEqual(3u, n.Value(1).Unsigned);
            Assert.AreEqual("L3", n.Value(2).OctetsAsText());
            Assert.AreEqual(EprobeMibLayout.QuantityVoltage, n.Value(3).Integer);
            Assert.AreEqual(30, n.Value(5).Integer);
            Assert.AreEqual(1150, n.Value(6).Integer);
            Assert.AreEqual(6, n.Value(7).Integer);

            e.Kind = AlarmCodes.EventAcknowledged;
            n.Start(EprobeMibLayout.AlarmCleared, EprobeMibLayout.AlarmCleared.Length);
            Assert.IsFalse(EprobeAlarmNotification.Fill(n, e, config));
            Assert.AreEqual(0, n.Count, "an acknowledgement fills nothing");
        }

        [TestMethod]
        public void EveryConditionHasItsQuantityAndScale()
        {
            MeterConfig config = EprobeMibFixture.Config(); // channel 1: 100 A CT (default), circuit 1 "A": 32 A breaker
            AssertScaled(config, AlarmCodes.LoadHigh, 1, 95.04, EprobeMibLayout.QuantityLoad, 950);
            AssertScaled(config, AlarmCodes.OverCurrent, 2, 101.5, EprobeMibLayout.QuantityCurrent, 50750);
            AssertScaled(config, AlarmCodes.OverCurrent, 1, 100.0, EprobeMibLayout.QuantityCurrent,
                (int)(config.Channels[0].CtRatedAmps * 1000.0));
            AssertScaled(config, AlarmCodes.LowLoad, 1, 0.1234, EprobeMibLayout.QuantityCurrent, 123);
            AssertScaled(config, AlarmCodes.UnderVoltage, 0, 206.96, EprobeMibLayout.QuantityVoltage, 2070);
            AssertScaled(config, AlarmCodes.OverVoltage, 1, 253.0, EprobeMibLayout.QuantityVoltage, 2530);
            AssertScaled(config, AlarmCodes.PhaseLost, 2, 0.0, EprobeMibLayout.QuantityVoltage, 0);
            AssertScaled(config, AlarmCodes.FrequencyLow, 0, 49.456, EprobeMibLayout.QuantityFrequency, 4946);
            AssertScaled(config, AlarmCodes.FrequencyHigh, 0, 51.0, EprobeMibLayout.QuantityFrequency, 5100);
            AssertScaled(config, AlarmCodes.VoltageUnbalance, 0, 2.25, EprobeMibLayout.QuantityVoltageUnbalance, 23);
            AssertScaled(config, AlarmCodes.CurrentUnbalance, 1, 41.0, EprobeMibLayout.QuantityCurrentUnbalance, 410);
            AssertScaled(config, AlarmCodes.NeutralCurrent, 1, 85.0, EprobeMibLayout.QuantityNeutralCurrent, 27200);

            // A source the configuration no longer has: no rating, 0 mA rather than a wrong current.
            AssertScaled(config, AlarmCodes.NeutralCurrent, 5, 85.0, EprobeMibLayout.QuantityNeutralCurrent, 0);
            Assert.AreEqual(int.MaxValue, EprobeAlarmQuantities.Scaled(AlarmCodes.LowLoad, 1, 1e12, config));
            Assert.AreEqual(0, EprobeAlarmQuantities.QuantityOf(AlarmCodes.ConditionCount));
            for (int c = 0; c < AlarmCodes.ConditionCount; c++)
            {
                Assert.AreEqual(c + 1, EprobeAlarmQuantities.ConditionOf(c));
            }

            Assert.AreEqual(0u, EprobeAlarmQuantities.SourceIndexOf(AlarmCodes.SourceDevice, 0));
            Assert.AreEqual(1u, EprobeAlarmQuantities.SourceIndexOf(AlarmCodes.SourcePhase, 0));
            Assert.AreEqual(7u, EprobeAlarmQuantities.SourceIndexOf(AlarmCodes.SourceChannel, 7));
            Assert.AreEqual(3u, EprobeAlarmQuantities.SourceIndexOf(AlarmCodes.SourceCircuit, 3));
        }

        internal static AlarmEntry Entry(int kind, int source, int index, int condition, int level, int previous,
            double value, double threshold, uint alarmId)
        {
            AlarmEntry e = new AlarmEntry();
            e.Kind = kind;
            e.Id = alarmId;
            e.AlarmId = alarmId;
            e.Source = source;
            e.SourceIndex = index;
            e.Condition = condition;
            e.Level = level;
            e.PreviousLevel = previous;
            e.Value = value;
            e.Threshold = threshold;
            e.TimestampUtc = new DateTime(2026, 11, 25, 7, 30, 15, 250);
            return e;
        }

        private static void AssertScaled(MeterConfig config, int condition, int index, double x, int quantity, int expected)
        {
            string name = AlarmCodes.ConditionName(condition);
            Assert.AreEqual(quantity, EprobeAlarmQuantities.QuantityOf(condition), name + " quantity");
            Assert.AreEqual(expected, EprobeAlarmQuantities.Scaled(condition, index, x, config), name + " " + x.ToString());
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
