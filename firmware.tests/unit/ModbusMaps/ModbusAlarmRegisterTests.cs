using System;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Protocols.Modbus.Maps;
using Ipenergy.Probe.Storage.Alarms;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.ModbusMaps
{
    /// <summary>
    /// The alarm registers of the vendor map (header 1004, 1016…1023; alarm rows at 1140, 1150, 1930) and the
    /// SunSpec meters' Evt, read over a RAM alarm journal. Fixture (MapFixtures.MixedConfig: channel n on
    /// phase (n-1) mod 3; circuit 1 = channels 1-3, circuit 2 = channel 4 on L1):
    ///   L2 underVoltage warning, channel 4 overCurrent critical, circuit 1 loadHigh critical,
    ///   device frequencyHigh warning, circuit 2 lowLoad warning (acknowledged).
    /// </summary>
    [TestClass]
    public class ModbusAlarmRegisterTests
    {
        private static readonly DateTime T0 = new DateTime(2026, 11, 25, 8, 0, 0);

        private FixedMeasurementSource _source;
        private AlarmJournal _journal;
        private VendorMap _vendor;
        private SunSpecMap _sunSpec;
        private byte[] _buffer;

        private void SetUp()
        {
            _source = new FixedMeasurementSource();
            _source.Latest = MapFixtures.Snapshot(6, 2);
            _journal = new AlarmJournal(null);
            _journal.Open();
            _vendor = new VendorMap(_source, 6, 2, _journal);
            _sunSpec = new SunSpecMap(_source, MapFixtures.MixedConfig(), new DeviceIdentity("MPP18", "", "1.0", "S"), 1, _journal);
            _buffer = new byte[2 * 125];
        }

        private void RaiseFixtureAlarms()
        {
            Raise(AlarmCodes.SourcePhase, 1, AlarmCodes.UnderVoltage, AlarmCodes.LevelWarning);
            Raise(AlarmCodes.SourceChannel, 4, AlarmCodes.OverCurrent, AlarmCodes.LevelCritical);
            Raise(AlarmCodes.SourceCircuit, 1, AlarmCodes.LoadHigh, AlarmCodes.LevelCritical);
            Raise(AlarmCodes.SourceDevice, 0, AlarmCodes.FrequencyHigh, AlarmCodes.LevelWarning);
            uint lowLoad = Raise(AlarmCodes.SourceCircuit, 2, AlarmCodes.LowLoad, AlarmCodes.LevelWarning);
            Assert.IsTrue(_journal.Acknowledge(lowLoad, "ops", T0.AddSeconds(30)));
        }

        private uint Raise(int source, int index, int condition, int level)
        {
            return Append(AlarmCodes.EventRaised, source, index, condition, level);
        }

        private uint Append(int kind, int source, int index, int condition, int level)
        {
            AlarmEntry e = new AlarmEntry();
            e.Kind = kind;
            e.TimestampUtc = T0.AddSeconds(_journal.NextId);
            e.Source = source;
            e.SourceIndex = index;
            e.Condition = condition;
            e.Level = level;
            e.Value = 1;
            e.Threshold = 1;
            return _journal.Append(e);
        }

        private int Vendor(int address, int count)
        {
            return _vendor.Read(false, address, count, _buffer, 0);
        }

        [TestMethod]
        public void HeaderBitsLevelAndCounts()
        {
            SetUp();
            RaiseFixtureAlarms();
            Assert.AreEqual(0, Vendor(1000, VendorMapLayout.HeaderLength));
            Assert.AreEqual(VendorMapLayout.Version, MapFixtures.Word(_buffer, 0), "map version");
            // loadHigh (0) + overCurrent (1) + lowLoad (2) + underVoltage (3) + frequencyHigh (7)
            Assert.AreEqual(0x8FL, MapFixtures.UInt32At(_buffer, 4), "alarms");
            Assert.AreEqual(42L, MapFixtures.Int64At(_buffer, 6), "sequence did not move");
            Assert.AreEqual(2, MapFixtures.Word(_buffer, 16), "alarmLevel");
            Assert.AreEqual(5, MapFixtures.Word(_buffer, 17), "activeAlarmCount");
            Assert.AreEqual(2, MapFixtures.Word(_buffer, 18), "criticalAlarmCount");
            Assert.AreEqual(4, MapFixtures.Word(_buffer, 19), "unacknowledgedAlarmCount");
            Assert.AreEqual(0x3L, MapFixtures.UInt32At(_buffer, 20), "criticalAlarms: loadHigh + overCurrent");
            Assert.AreEqual(1, MapFixtures.Word(_buffer, 22), "deviceAlarmLevel");
            Assert.AreEqual(0x80, MapFixtures.Word(_buffer, 23), "deviceAlarms: frequencyHigh");
        }

        [TestMethod]
        public void GoldenHeaderAlarmWords()
        {
            SetUp();
            RaiseFixtureAlarms();
            Assert.AreEqual(0, Vendor(1016, 8));
            int[] expected = new int[] { 2, 5, 2, 4, 0, 3, 1, 0x80 };
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], MapFixtures.Word(_buffer, i), "register " + (1016 + i).ToString());
            }

            Assert.AreEqual(0, Vendor(1004, 2));
            Assert.AreEqual(0, MapFixtures.Word(_buffer, 0));
            Assert.AreEqual(0x8F, MapFixtures.Word(_buffer, 1));
        }

        [TestMethod]
        public void PhaseChannelAndCircuitAlarmRows()
        {
            SetUp();
            RaiseFixtureAlarms();
            Assert.AreEqual(0, Vendor(VendorMapLayout.PhaseAlarmAddress, 6));
            int[] phases = new int[] { 0, 0, 1, 1 << AlarmCodes.UnderVoltage, 0, 0 };
            for (int i = 0; i < phases.Length; i++)
            {
                Assert.AreEqual(phases[i], MapFixtures.Word(_buffer, i), "phase alarm word " + i.ToString());
            }

            Assert.AreEqual(0, Vendor(VendorMapLayout.ChannelAlarmAddress, 12));
            for (int n = 1; n <= 6; n++)
            {
                Assert.AreEqual(n == 4 ? 2 : 0, MapFixtures.Word(_buffer, 2 * (n - 1)), "channel " + n.ToString() + " level");
                Assert.AreEqual(n == 4 ? 1 << AlarmCodes.OverCurrent : 0, MapFixtures.Word(_buffer, 2 * (n - 1) + 1), "channel " + n.ToString() + " bits");
            }

            Assert.AreEqual(0, Vendor(VendorMapLayout.CircuitAlarmAddress, 4));
            Assert.AreEqual(2, MapFixtures.Word(_buffer, 0), "circuit 1 level");
            Assert.AreEqual(1 << AlarmCodes.LoadHigh, MapFixtures.Word(_buffer, 1));
            Assert.AreEqual(1, MapFixtures.Word(_buffer, 2), "circuit 2 level");
            Assert.AreEqual(1 << AlarmCodes.LowLoad, MapFixtures.Word(_buffer, 3));

            // The rows agree with the journal's own view.
            Assert.AreEqual(_journal.HighestLevel(AlarmCodes.SourceCircuit, 1), MapFixtures.Word(_buffer, 0));
            Assert.AreEqual(_journal.HighestLevel(AlarmCodes.SourceCircuit, 2), MapFixtures.Word(_buffer, 2));
        }

        [TestMethod]
        public void TwoConditionsOnOneSourceAndClearing()
        {
            SetUp();
            Raise(AlarmCodes.SourceCircuit, 1, AlarmCodes.LoadHigh, AlarmCodes.LevelWarning);
            Raise(AlarmCodes.SourceCircuit, 1, AlarmCodes.CurrentUnbalance, AlarmCodes.LevelCritical);
            Assert.AreEqual(0, Vendor(VendorMapLayout.CircuitAlarmAddress, 2));
            Assert.AreEqual(2, MapFixtures.Word(_buffer, 0));
            Assert.AreEqual((1 << AlarmCodes.LoadHigh) | (1 << AlarmCodes.CurrentUnbalance), MapFixtures.Word(_buffer, 1));

            Append(AlarmCodes.EventCleared, AlarmCodes.SourceCircuit, 1, AlarmCodes.CurrentUnbalance, AlarmCodes.LevelNormal);
            Assert.AreEqual(0, Vendor(VendorMapLayout.CircuitAlarmAddress, 2));
            Assert.AreEqual(1, MapFixtures.Word(_buffer, 0), "only the warning is left");
            Assert.AreEqual(1 << AlarmCodes.LoadHigh, MapFixtures.Word(_buffer, 1));

            Append(AlarmCodes.EventCleared, AlarmCodes.SourceCircuit, 1, AlarmCodes.LoadHigh, AlarmCodes.LevelNormal);
            Assert.AreEqual(0, Vendor(1000, VendorMapLayout.HeaderLength));
            Assert.AreEqual(0L, MapFixtures.UInt32At(_buffer, 4), "all cleared");
            Assert.AreEqual(0, MapFixtures.Word(_buffer, 16));
            Assert.AreEqual(0, MapFixtures.Word(_buffer, 17));
        }

        [TestMethod]
        public void AlarmsShowBeforeTheFirstMeasuredSecond()
        {
            SetUp();
            _source.Latest = null;
            Raise(AlarmCodes.SourcePhase, 2, AlarmCodes.PhaseLost, AlarmCodes.LevelCritical);
            Assert.AreEqual(0, Vendor(1000, VendorMapLayout.HeaderLength));
            Assert.AreEqual(0, MapFixtures.Word(_buffer, 3), "not measuring yet");
            Assert.AreEqual((long)(1 << AlarmCodes.PhaseLost), MapFixtures.UInt32At(_buffer, 4));
            Assert.AreEqual(2, MapFixtures.Word(_buffer, 16));
            Assert.AreEqual(0, _sunSpec.Read(true, _sunSpec.MeterAddress(0), SunSpecModel203.BlockLength, _buffer, 0));
            Assert.AreEqual(1L << SunSpecAlarmEvents.PowerFailureBit, MapFixtures.UInt32At(_buffer, SunSpecModel203.Evt), "L3 lost");
        }

        [TestMethod]
        public void WithoutAJournalAlarmRegistersReadZero()
        {
            SetUp();
            VendorMap plain = new VendorMap(_source, 6, 2);
            Assert.AreEqual(0, plain.Read(true, 1000, VendorMapLayout.HeaderLength, _buffer, 0));
            Assert.AreEqual(VendorMapLayout.Version, MapFixtures.Word(_buffer, 0));
            for (int i = 4; i < VendorMapLayout.HeaderLength; i++)
            {
                if (i < 6 || i >= 16)
                {
                    Assert.AreEqual(0, MapFixtures.Word(_buffer, i), "header word " + i.ToString());
                }
            }

            Assert.AreEqual(0, plain.Read(true, VendorMapLayout.CircuitAlarmAddress, 4, _buffer, 0));
            Assert.AreEqual(0, MapFixtures.Word(_buffer, 0));
            Assert.AreEqual(0, MapFixtures.Word(_buffer, 3));
        }

        [TestMethod]
        public void AlarmRegionsEndWhereTheirSourcesEnd()
        {
            SetUp();
            Assert.AreEqual(0, Vendor(1000, 24));
            Assert.AreEqual(2, Vendor(1000, 25), "header is 24 registers");
            Assert.AreEqual(2, Vendor(1139, 1));
            Assert.AreEqual(0, Vendor(1140, 6));
            Assert.AreEqual(2, Vendor(1140, 7), "3 phase rows");
            Assert.AreEqual(2, Vendor(1146, 1));
            Assert.AreEqual(0, Vendor(1150, 12));
            Assert.AreEqual(2, Vendor(1162, 1), "6 channels");
            Assert.AreEqual(2, Vendor(1929, 1));
            Assert.AreEqual(0, Vendor(1930, 4));
            Assert.AreEqual(2, Vendor(1934, 1), "2 circuits");
            Assert.AreEqual(2064, _vendor.End, "the circuit region still ends the map");
            Assert.AreEqual(2, _vendor.Write(1016, 1, new byte[] { 0, 0 }, 0), "read-only");
        }

        [TestMethod]
        public void SunSpecEvtPerMeter()
        {
            SetUp();
            RaiseFixtureAlarms();

            // Meter 1: 203 for circuit 1 (channels 1-3 on L1-L3): L2 under-voltage, circuit 1 critical load
            // (over-current + OEM01), the device's frequencyHigh (OEM04).
            Assert.AreEqual(0, _sunSpec.Read(true, _sunSpec.MeterAddress(0), SunSpecModel203.BlockLength, _buffer, 0));
            long meter1 = (1L << 3) | (1L << 5) | (1L << 16) | (1L << 19);
            Assert.AreEqual(meter1, MapFixtures.UInt32At(_buffer, SunSpecModel203.Evt), "meter 1 Evt");

            // Meter 2: 201 for circuit 2 (channel 4 on L1): channel 4 over-current, circuit 2 low load (OEM02),
            // frequencyHigh (OEM04); L2's under-voltage is not behind it.
            Assert.AreEqual(0, _sunSpec.Read(true, _sunSpec.MeterAddress(1), SunSpecModel201.BlockLength, _buffer, 0));
            long meter2 = (1L << 5) | (1L << 17) | (1L << 19);
            Assert.AreEqual(meter2, MapFixtures.UInt32At(_buffer, SunSpecModel201.Evt), "meter 2 Evt");

            // Golden words: Evt is bitfield32, high word first.
            Assert.AreEqual(0x000A, MapFixtures.Word(_buffer, SunSpecModel201.Evt), "OEM02 + OEM04");
            Assert.AreEqual(0x0020, MapFixtures.Word(_buffer, SunSpecModel201.Evt + 1), "Over_Current");
        }

        [TestMethod]
        public void EvtBitsFromConditions()
        {
            Assert.AreEqual(0u, SunSpecAlarmEvents.FromConditions(0, 0));
            Assert.AreEqual(1u << 2, SunSpecAlarmEvents.FromConditions(1 << AlarmCodes.PhaseLost, 0), "Power_Failure");
            Assert.AreEqual(1u << 3, SunSpecAlarmEvents.FromConditions(1 << AlarmCodes.UnderVoltage, 0), "Under_Voltage");
            Assert.AreEqual(1u << 6, SunSpecAlarmEvents.FromConditions(1 << AlarmCodes.OverVoltage, 0), "Over_Voltage");
            Assert.AreEqual(1u << 5, SunSpecAlarmEvents.FromConditions(1 << AlarmCodes.OverCurrent, 0), "Over_Current at warning");
            Assert.AreEqual(1u << 16, SunSpecAlarmEvents.FromConditions(1 << AlarmCodes.LoadHigh, 0), "loadHigh warning: OEM01 only");
            int loadHigh = 1 << AlarmCodes.LoadHigh;
            Assert.AreEqual((1u << 5) | (1u << 16), SunSpecAlarmEvents.FromConditions(loadHigh, loadHigh), "loadHigh critical: Over_Current too");
            Assert.AreEqual(1u << 17, SunSpecAlarmEvents.FromConditions(1 << AlarmCodes.LowLoad, 0), "OEM02");
            Assert.AreEqual(1u << 18, SunSpecAlarmEvents.FromConditions(1 << AlarmCodes.FrequencyLow, 0), "OEM03");
            Assert.AreEqual(1u << 19, SunSpecAlarmEvents.FromConditions(1 << AlarmCodes.FrequencyHigh, 0), "OEM04");
            Assert.AreEqual(1u << 20, SunSpecAlarmEvents.FromConditions(1 << AlarmCodes.VoltageUnbalance, 0), "OEM05");
            Assert.AreEqual(1u << 21, SunSpecAlarmEvents.FromConditions(1 << AlarmCodes.CurrentUnbalance, 0), "OEM06");
            Assert.AreEqual(1u << 22, SunSpecAlarmEvents.FromConditions(1 << AlarmCodes.NeutralCurrent, 0), "OEM07");
            int all = (1 << AlarmCodes.ConditionCount) - 1;
            Assert.AreEqual(0x007F006Cu, SunSpecAlarmEvents.FromConditions(all, all), "never Low_PF (bit 4) nor Missing_Sensor (bit 7)");
        }

        [TestMethod]
        public void ChannelMetersWithoutCircuits()
        {
            SetUp();
            Raise(AlarmCodes.SourceChannel, 2, AlarmCodes.OverCurrent, AlarmCodes.LevelWarning);
            Raise(AlarmCodes.SourcePhase, 0, AlarmCodes.OverVoltage, AlarmCodes.LevelWarning);
            SunSpecMap perChannel = new SunSpecMap(_source, new Ipenergy.Probe.Config.MeterConfig(3), new DeviceIdentity("MPP3", "", "1.0", "X"), 1, _journal);
            long[] expected = new long[] { 1L << 6, 1L << 5, 0 }; // channel 1 on L1 (over-voltage), channel 2 over-current, channel 3 clean
            for (int m = 0; m < 3; m++)
            {
                Assert.AreEqual(0, perChannel.Read(true, perChannel.MeterAddress(m), SunSpecModel201.BlockLength, _buffer, 0));
                Assert.AreEqual(expected[m], MapFixtures.UInt32At(_buffer, SunSpecModel201.Evt), "meter " + m.ToString());
            }
        }
    }
}
