using Ipenergy.Probe.Protocols.Modbus.Maps;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.ModbusMaps
{
    [TestClass]
    public class VendorMapTests
    {
        private FixedMeasurementSource _source;
        private VendorMap _map;
        private byte[] _buffer;

        /// <summary>A fresh fixture per test ([Setup] runs once per class on the device).</summary>
        private void SetUp()
        {
            _source = new FixedMeasurementSource();
            _source.Latest = MapFixtures.Snapshot(6, 2);
            _map = new VendorMap(_source, 6, 2);
            _buffer = new byte[2 * 125];
        }

        private int ReadAt(int address, int count)
        {
            return _map.Read(false, address, count, _buffer, 0);
        }

        [TestMethod]
        public void HeaderCountsStatusAndSequence()
        {
            SetUp();
            Assert.AreEqual(0, ReadAt(1000, VendorMapLayout.HeaderLength));
            Assert.AreEqual(3, MapFixtures.Word(_buffer, 0), "map version (2: alarm registers, 3: identity block)");
            Assert.AreEqual(6, MapFixtures.Word(_buffer, 1));
            Assert.AreEqual(2, MapFixtures.Word(_buffer, 2));
            Assert.AreEqual(1, MapFixtures.Word(_buffer, 3), "measuring");
            Assert.AreEqual(0L, MapFixtures.UInt32At(_buffer, 4), "no alarm journal: no alarm bits");
            Assert.AreEqual(42L, MapFixtures.Int64At(_buffer, 6));
            Assert.AreEqual(1795575600L, MapFixtures.UInt32At(_buffer, 10), "2026-11-25T03:00:00Z");
            MapFixtures.Near(50.02, MapFixtures.FloatAt(_buffer, 12), 1e-5, "frequency");
            MapFixtures.Near(0.4, MapFixtures.FloatAt(_buffer, 14), 1e-6, "unbalance");
        }

        [TestMethod]
        public void PhaseRecords()
        {
            SetUp();
            Assert.AreEqual(0, ReadAt(1100, 3 * VendorMapLayout.PhaseStride));
            for (int p = 0; p < 3; p++)
            {
                int r = p * VendorMapLayout.PhaseStride;
                Assert.AreEqual(p + 1, MapFixtures.Word(_buffer, r));
                Assert.AreEqual(1, MapFixtures.Word(_buffer, r + 1));
            }

            MapFixtures.Near(231.26, MapFixtures.FloatAt(_buffer, 12 + 2), 1e-4, "L2 voltage");
            MapFixtures.Near(-240.0, MapFixtures.FloatAt(_buffer, 24 + 10), 1e-4, "L3 angle");
        }

        [TestMethod]
        public void ChannelFloatsAndExactEnergies()
        {
            SetUp();
            int ch = 1200 + 3 * VendorMapLayout.ChannelStride; // channel 4
            Assert.AreEqual(0, ReadAt(ch, VendorMapLayout.ChannelStride));
            Assert.AreEqual(4, MapFixtures.Word(_buffer, 0));
            Assert.AreEqual(1, MapFixtures.Word(_buffer, 1));
            Assert.AreEqual(1, MapFixtures.Word(_buffer, 2), "on L1");
            Assert.AreEqual(133, MapFixtures.Word(_buffer, 3), "13.25 % in 0.1 %");
            MapFixtures.Near(13.25, MapFixtures.FloatAt(_buffer, 4), 0, "Irms");
            MapFixtures.Near(2300.0, MapFixtures.FloatAt(_buffer, 6), 0, "P");
            MapFixtures.Near(0.0, MapFixtures.FloatAt(_buffer, 8), 0, "Q");
            MapFixtures.Near(2800.0, MapFixtures.FloatAt(_buffer, 10), 0, "S");
            MapFixtures.Near(2300.0 / 2800.0, MapFixtures.FloatAt(_buffer, 14), 1e-6, "PF");
            MapFixtures.Near(123459.789, MapFixtures.FloatAt(_buffer, 20), 0.01, "import Wh as float32");
            Assert.AreEqual(123459789L, MapFixtures.Int64At(_buffer, 24), "import mWh exact");
            Assert.AreEqual(7500L, MapFixtures.Int64At(_buffer, 28));
            Assert.AreEqual(777L, MapFixtures.Int64At(_buffer, 32));
            Assert.AreEqual(888L, MapFixtures.Int64At(_buffer, 36));
        }

        [TestMethod]
        public void NegativeAndLargeInt64Counters()
        {
            SetUp();
            _source.Latest.Channels[0].ImportEnergyMilliWh = 0x123456789ABCDEL;
            _source.Latest.Channels[0].ActivePowerW = -1234.5;
            Assert.AreEqual(0, ReadAt(1200, 40));
            Assert.AreEqual(0x123456789ABCDEL, MapFixtures.Int64At(_buffer, 24));
            MapFixtures.Near(-1234.5, MapFixtures.FloatAt(_buffer, 6), 0, "negative P");
        }

        [TestMethod]
        public void ReadsAcrossChannelRecordsAndFromTheMiddle()
        {
            SetUp();
            Assert.AreEqual(0, ReadAt(1200 + 38, 10));
            Assert.AreEqual(888, MapFixtures.Word(_buffer, 1), "tail of channel 1: capacitive varh low word");
            Assert.AreEqual(2, MapFixtures.Word(_buffer, 2), "channel 2's number");
            MapFixtures.Near(11.25, MapFixtures.FloatAt(_buffer, 6), 0, "channel 2 Irms");
        }

        [TestMethod]
        public void CircuitRecords()
        {
            SetUp();
            Assert.AreEqual(0, ReadAt(2000, 2 * VendorMapLayout.CircuitStride));
            Assert.AreEqual(1, MapFixtures.Word(_buffer, 0));
            Assert.AreEqual(3, MapFixtures.Word(_buffer, 2));
            Assert.AreEqual(383, MapFixtures.Word(_buffer, 3), "38.28 % in 0.1 %");
            MapFixtures.Near(6300.0, MapFixtures.FloatAt(_buffer, 4), 0, "P");
            MapFixtures.Near(32.0, MapFixtures.FloatAt(_buffer, 16), 0, "breaker");
            Assert.AreEqual(370373367L, MapFixtures.Int64At(_buffer, 24));
            Assert.AreEqual(2, MapFixtures.Word(_buffer, 32));
            Assert.AreEqual(1, MapFixtures.Word(_buffer, 34), "1-phase");
        }

        [TestMethod]
        public void HolesAndRangesPastARegionAreIllegalAddresses()
        {
            SetUp();
            Assert.AreEqual(2, ReadAt(999, 1));
            Assert.AreEqual(2, ReadAt(1084, 1), "after the identity block");
            Assert.AreEqual(2, ReadAt(1023, 2), "header into the identity block");
            Assert.AreEqual(2, ReadAt(1083, 2), "identity into the hole");
            Assert.AreEqual(2, ReadAt(1135, 2), "phases into the hole");
            Assert.AreEqual(2, ReadAt(1200 + 6 * 40, 1), "channel 7 on a 6-channel board");
            Assert.AreEqual(2, ReadAt(1439, 2));
            Assert.AreEqual(0, ReadAt(1439, 1));
            Assert.AreEqual(2, ReadAt(2064, 1), "circuit 3 does not exist");
            Assert.AreEqual(0, ReadAt(2063, 1));
            Assert.AreEqual(2064, _map.End);
        }

        [TestMethod]
        public void IdentityBlockIsAsciiTwoCharactersARegisterAndFollowsTheLiveConfiguration()
        {
            SetUp();
            Ipenergy.Probe.Config.MeterConfig config = new Ipenergy.Probe.Config.MeterConfig(6);
            config.Snmp.SysName = "rack-B7";
            config.Snmp.SysLocation = "Room 2, row C";
            RecordingConfigStore store = new RecordingConfigStore(config);
            _map = new VendorMap(_source, 6, 2, null, new Ipenergy.Probe.Hal.DeviceIdentity("MPP18", "", "1.4.2", "EP18-000123"), store);
            Assert.AreEqual(0, ReadAt(VendorMapLayout.IdentityAddress, VendorMapLayout.IdentityLength));
            Assert.AreEqual(('E' << 8) | 'P', MapFixtures.Word(_buffer, 0), "serial starts high byte first");
            Assert.AreEqual(('3' << 8) | 0, MapFixtures.Word(_buffer, 5), "odd length: NUL in the low byte");
            Assert.AreEqual(0, MapFixtures.Word(_buffer, 6), "NUL padded");
            Assert.AreEqual(('M' << 8) | 'P', MapFixtures.Word(_buffer, 16), "model");
            Assert.AreEqual(('P' << 8) | '1', MapFixtures.Word(_buffer, 17));
            Assert.AreEqual('8' << 8, MapFixtures.Word(_buffer, 18), "MPP18: 5 characters, NUL in the low byte");
            Assert.AreEqual(('1' << 8) | '.', MapFixtures.Word(_buffer, 20), "firmware");
            Assert.AreEqual(('r' << 8) | 'a', MapFixtures.Word(_buffer, 28), "name");
            Assert.AreEqual(('R' << 8) | 'o', MapFixtures.Word(_buffer, 44), "location");
            Ipenergy.Probe.Config.MeterConfig renamed = config.Clone();
            renamed.Snmp.SysName = "Z";
            store.Replace(renamed);
            Assert.AreEqual(0, ReadAt(VendorMapLayout.IdentityAddress + 28, 2));
            Assert.AreEqual('Z' << 8, MapFixtures.Word(_buffer, 0), "the name follows the configuration in force");
            Assert.AreEqual(0, MapFixtures.Word(_buffer, 1));
        }

        [TestMethod]
        public void EveryRegisterIsReadOnly()
        {
            SetUp();
            byte[] value = new byte[] { 0, 1, 0, 1 };
            Assert.AreEqual(2, _map.Write(1000, 1, value, 0));
            Assert.AreEqual(2, _map.Write(1200, 2, value, 0));
            Assert.AreEqual(2, _map.Write(2000, 1, value, 0));
        }

        [TestMethod]
        public void BeforeTheFirstSecondFloatsAreNaNAndCountersZero()
        {
            SetUp();
            _source.Latest = null;
            Assert.AreEqual(0, ReadAt(1000, VendorMapLayout.HeaderLength));
            Assert.AreEqual(0, MapFixtures.Word(_buffer, 3), "not measuring yet");
            Assert.AreEqual(0x7FC0, MapFixtures.Word(_buffer, 12));
            Assert.AreEqual(0, ReadAt(1200, 40));
            Assert.AreEqual(1, MapFixtures.Word(_buffer, 0), "channel number is static");
            Assert.AreEqual(0, MapFixtures.Word(_buffer, 1));
            Assert.AreEqual(0x7FC0, MapFixtures.Word(_buffer, 4));
            Assert.AreEqual(0L, MapFixtures.Int64At(_buffer, 24));
        }

        [TestMethod]
        public void LayoutRecordsAreFilledWithoutGapsOrOverlaps()
        {
            SetUp();
            CheckRecord(VendorMapLayout.Header, VendorMapLayout.HeaderLength, "header");
            CheckRecord(VendorMapLayout.Phase, VendorMapLayout.PhaseStride, "phase");
            CheckRecord(VendorMapLayout.Channel, VendorMapLayout.ChannelStride, "channel");
            CheckRecord(VendorMapLayout.Circuit, VendorMapLayout.CircuitStride, "circuit");
            CheckRecord(VendorMapLayout.AlarmRow, VendorMapLayout.AlarmRowStride, "alarm row");
            CheckRecord(VendorMapLayout.Identity, VendorMapLayout.IdentityLength, "identity");
            Assert.IsTrue(VendorMapLayout.HeaderAddress + VendorMapLayout.HeaderLength <= VendorMapLayout.IdentityAddress, "identity after the header");
            Assert.IsTrue(VendorMapLayout.IdentityAddress + VendorMapLayout.IdentityLength <= VendorMapLayout.PhaseAddress, "identity before the phases");
            Assert.IsTrue(VendorMapLayout.HeaderAddress + VendorMapLayout.HeaderLength <= VendorMapLayout.PhaseAddress, "header before the phases");
            Assert.IsTrue(VendorMapLayout.PhaseAddress + 3 * VendorMapLayout.PhaseStride <= VendorMapLayout.PhaseAlarmAddress, "phase alarms after the phases");
            Assert.IsTrue(VendorMapLayout.PhaseAlarmAddress + 3 * VendorMapLayout.AlarmRowStride <= VendorMapLayout.ChannelAlarmAddress, "channel alarms after the phase alarms");
            Assert.IsTrue(VendorMapLayout.ChannelAlarmAddress + VendorMapLayout.MaxAlarmChannels * VendorMapLayout.AlarmRowStride <= VendorMapLayout.ChannelAddress, "channel alarms before the channels");
            Assert.IsTrue(VendorMapLayout.ChannelAddress + 18 * VendorMapLayout.ChannelStride <= VendorMapLayout.CircuitAlarmAddress, "circuit alarms after 18 channels");
            Assert.IsTrue(VendorMapLayout.CircuitAlarmAddress + VendorMapLayout.MaxCircuits * VendorMapLayout.AlarmRowStride <= VendorMapLayout.CircuitAddress, "circuit alarms before the circuits");
            Assert.IsTrue(VendorMapLayout.ChannelAddress + 18 * VendorMapLayout.ChannelStride <= VendorMapLayout.CircuitAddress, "18 channels fit");
            Assert.IsTrue(VendorMapLayout.CircuitAddress + VendorMapLayout.MaxCircuits * VendorMapLayout.CircuitStride <= ConfigRegisterMap.BaseAddress, "circuits stay below the config block");
        }

        private static void CheckRecord(VendorField[] fields, int length, string what)
        {
            int next = 0;
            for (int i = 0; i < fields.Length; i++)
            {
                Assert.AreEqual(next, fields[i].Offset, what + " field " + fields[i].Name);
                next += fields[i].Registers;
            }

            Assert.AreEqual(length, next, what + " record length");
        }
    }
}
