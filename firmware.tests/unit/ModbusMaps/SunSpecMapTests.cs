using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Protocols.Modbus.Maps;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.ModbusMaps
{
    [TestClass]
    public class SunSpecMapTests
    {
        private FixedMeasurementSource _source;
        private SunSpecMap _map;
        private byte[] _buffer;

        /// <summary>A fresh fixture per test ([Setup] runs once per class on the device).</summary>
        private void SetUp()
        {
            _source = new FixedMeasurementSource();
            _source.Latest = MapFixtures.Snapshot(6, 2);
            _map = new SunSpecMap(_source, MapFixtures.MixedConfig(), new DeviceIdentity("MPP18", "rev B", "1.2.3", "EP18-000123"), 1);
            _buffer = new byte[2 * 125];
        }

        private int ReadAt(int address, int count)
        {
            return _map.Read(true, address, count, _buffer, 0);
        }

        private int Word(int address)
        {
            Assert.AreEqual(0, ReadAt(address, 1), "read " + address.ToString());
            return MapFixtures.Word(_buffer, 0);
        }

        [TestMethod]
        public void ChainIsMarkerCommonOneMeterPerCircuitAndEndMarker()
        {
            SetUp();
            Assert.AreEqual(0x5375, Word(40000));
            Assert.AreEqual(0x6E53, Word(40001));
            Assert.AreEqual(1, Word(40002));
            Assert.AreEqual(66, Word(40003));
            Assert.AreEqual(2, _map.MeterCount);
            Assert.AreEqual(40070, _map.MeterAddress(0));
            Assert.AreEqual(203, Word(40070), "3-phase circuit -> wye meter");
            Assert.AreEqual(105, Word(40071));
            Assert.AreEqual(40177, _map.MeterAddress(1));
            Assert.AreEqual(201, Word(40177), "1-phase circuit -> single-phase meter");
            Assert.AreEqual(105, Word(40178));
            Assert.AreEqual(0xFFFF, Word(40284));
            Assert.AreEqual(0, Word(40285));
            Assert.AreEqual(286, _map.Length);
        }

        [TestMethod]
        public void WalkingTheChainByLengthsLandsOnTheEndMarker()
        {
            SetUp();
            int at = 40002;
            int models = 0;
            while (Word(at) != 0xFFFF)
            {
                at += 2 + Word(at + 1);
                models++;
                Assert.IsTrue(models < 10, "chain does not end");
            }

            Assert.AreEqual(3, models);
            Assert.AreEqual(SunSpecMap.BaseAddress + _map.Length - 2, at);
        }

        [TestMethod]
        public void WithoutCircuitsEachChannelIsASinglePhaseMeter()
        {
            SetUp();
            SunSpecMap map = new SunSpecMap(_source, new MeterConfig(3), new DeviceIdentity("MPP3", "", "1.0", "X"), 1);
            Assert.AreEqual(3, map.MeterCount);
            for (int m = 0; m < 3; m++)
            {
                Assert.AreEqual(201, map.MeterModel(m));
                Assert.AreEqual(0, map.Read(false, map.MeterAddress(m) + SunSpecModel201.A, 1, _buffer, 0));
                Assert.AreEqual((int)(100 * (10.25 + m)), MapFixtures.Word(_buffer, 0), "channel " + (m + 1).ToString() + " current");
            }
        }

        [TestMethod]
        public void CommonModelCarriesIdentity()
        {
            SetUp();
            Assert.AreEqual(0, ReadAt(40002, SunSpecModel1.BlockLength));
            Assert.AreEqual(0x4950, MapFixtures.Word(_buffer, SunSpecModel1.Mn), "\"IP\"");
            Assert.AreEqual(0x656E, MapFixtures.Word(_buffer, SunSpecModel1.Mn + 1), "\"en\"");
            Assert.AreEqual(0x6779, MapFixtures.Word(_buffer, SunSpecModel1.Mn + 3), "\"gy\"");
            Assert.AreEqual(0, MapFixtures.Word(_buffer, SunSpecModel1.Mn + 4), "NUL padded");
            Assert.AreEqual(0x4D50, MapFixtures.Word(_buffer, SunSpecModel1.Md), "\"MP\"");
            Assert.AreEqual(0x5031, MapFixtures.Word(_buffer, SunSpecModel1.Md + 1), "\"P1\"");
            Assert.AreEqual(0x3800, MapFixtures.Word(_buffer, SunSpecModel1.Md + 2), "\"8\" then NUL");
            Assert.AreEqual(0x312E, MapFixtures.Word(_buffer, SunSpecModel1.Vr), "\"1.\"");
            Assert.AreEqual(0x4550, MapFixtures.Word(_buffer, SunSpecModel1.SN), "\"EP\"");
            Assert.AreEqual(1, MapFixtures.Word(_buffer, SunSpecModel1.DA));
            Assert.AreEqual(0x8000, MapFixtures.Word(_buffer, SunSpecModel1.Pad));
        }

        [TestMethod]
        public void ThreePhaseMeterValuesAndScaleFactors()
        {
            SetUp();
            int m = _map.MeterAddress(0);
            Assert.AreEqual(0, ReadAt(m, SunSpecModel203.BlockLength));
            Assert.AreEqual(3375, MapFixtures.Signed(_buffer, SunSpecModel203.A), "10.25 + 11.25 + 12.25 A");
            Assert.AreEqual(1025, MapFixtures.Signed(_buffer, SunSpecModel203.AphA));
            Assert.AreEqual(1225, MapFixtures.Signed(_buffer, SunSpecModel203.AphC));
            Assert.AreEqual(-2, MapFixtures.Signed(_buffer, SunSpecModel203.A_SF));
            Assert.AreEqual(2304, MapFixtures.Signed(_buffer, SunSpecModel203.PhV), "mean of the phases");
            Assert.AreEqual(2301, MapFixtures.Signed(_buffer, SunSpecModel203.PhVphA));
            Assert.AreEqual(2313, MapFixtures.Signed(_buffer, SunSpecModel203.PhVphB));
            Assert.AreEqual(2299, MapFixtures.Signed(_buffer, SunSpecModel203.PhVphC));
            Assert.AreEqual(-1, MapFixtures.Signed(_buffer, SunSpecModel203.V_SF));
            Assert.AreEqual(5002, MapFixtures.Signed(_buffer, SunSpecModel203.Hz));
            Assert.AreEqual(-2, MapFixtures.Signed(_buffer, SunSpecModel203.Hz_SF));
            Assert.AreEqual(6300, MapFixtures.Signed(_buffer, SunSpecModel203.W), "circuit total, 63000 would not fit at sf -1");
            Assert.AreEqual(2000, MapFixtures.Signed(_buffer, SunSpecModel203.WphA));
            Assert.AreEqual(2200, MapFixtures.Signed(_buffer, SunSpecModel203.WphC));
            Assert.AreEqual(0, MapFixtures.Signed(_buffer, SunSpecModel203.W_SF));
            Assert.AreEqual(6000, MapFixtures.Signed(_buffer, SunSpecModel203.VAR));
            Assert.AreEqual(1000, MapFixtures.Signed(_buffer, SunSpecModel203.VARphC));
            Assert.AreEqual(-1, MapFixtures.Signed(_buffer, SunSpecModel203.VAR_SF));
            Assert.AreEqual(8077, MapFixtures.Signed(_buffer, SunSpecModel203.PF), "6300 / 7800 in percent");
            Assert.AreEqual(8000, MapFixtures.Signed(_buffer, SunSpecModel203.PFphA));
            Assert.AreEqual(-2, MapFixtures.Signed(_buffer, SunSpecModel203.PF_SF));
            Assert.AreEqual(370373L, MapFixtures.UInt32At(_buffer, SunSpecModel203.TotWhImp), "circuit counter in whole Wh");
            Assert.AreEqual(123456L, MapFixtures.UInt32At(_buffer, SunSpecModel203.TotWhImpPhA));
            Assert.AreEqual(123458L, MapFixtures.UInt32At(_buffer, SunSpecModel203.TotWhImpPhC));
            Assert.AreEqual(7L, MapFixtures.UInt32At(_buffer, SunSpecModel203.TotWhExp));
            Assert.AreEqual(5L, MapFixtures.UInt32At(_buffer, SunSpecModel203.TotWhExpPhC));
            Assert.AreEqual(0, MapFixtures.Signed(_buffer, SunSpecModel203.TotWh_SF));
            Assert.AreEqual(0L, MapFixtures.UInt32At(_buffer, SunSpecModel203.Evt), "no events");
        }

        [TestMethod]
        public void NegativePowersKeepTheirSign()
        {
            SetUp();
            MeasurementSnapshot s = MapFixtures.Snapshot(6, 2);
            s.Channels[1].ActivePowerW = -1500.4;
            s.Channels[1].PowerFactor = -0.6;
            s.Circuits[0].ActivePowerW = -150.0;
            _source.Latest = s;
            int m = _map.MeterAddress(0);
            Assert.AreEqual(0, ReadAt(m, SunSpecModel203.BlockLength));
            Assert.AreEqual(-15004, MapFixtures.Signed(_buffer, SunSpecModel203.WphB));
            Assert.AreEqual(-1500, MapFixtures.Signed(_buffer, SunSpecModel203.W), "total -150.0 at sf -1");
            Assert.AreEqual(-1, MapFixtures.Signed(_buffer, SunSpecModel203.W_SF), "largest magnitude 2200 W fits at sf -1");
            Assert.AreEqual(-6000, MapFixtures.Signed(_buffer, SunSpecModel203.PFphB));
        }

        [TestMethod]
        public void ScaleFactorsGrowSoLargeValuesFit()
        {
            SetUp();
            MeasurementSnapshot s = MapFixtures.Snapshot(6, 2);
            s.Circuits[0].ActivePowerW = 450000.0;
            s.Circuits[0].ImportEnergyMilliWh = 5000000000000000L;
            _source.Latest = s;
            int m = _map.MeterAddress(0);
            Assert.AreEqual(0, ReadAt(m, SunSpecModel203.BlockLength));
            Assert.AreEqual(2, MapFixtures.Signed(_buffer, SunSpecModel203.W_SF));
            Assert.AreEqual(4500, MapFixtures.Signed(_buffer, SunSpecModel203.W));
            Assert.AreEqual(20, MapFixtures.Signed(_buffer, SunSpecModel203.WphA));
            Assert.AreEqual(4, MapFixtures.Signed(_buffer, SunSpecModel203.TotWh_SF), "5e12 Wh needs 10^4 to fit uint32");
            Assert.AreEqual(500000000L, MapFixtures.UInt32At(_buffer, SunSpecModel203.TotWhImp));
            Assert.AreEqual(12L, MapFixtures.UInt32At(_buffer, SunSpecModel203.TotWhImpPhA));
        }

        [TestMethod]
        public void SinglePhaseMeterLeavesOtherPhasesNotImplemented()
        {
            SetUp();
            int m = _map.MeterAddress(1);
            Assert.AreEqual(0, ReadAt(m, SunSpecModel201.BlockLength));
            Assert.AreEqual(1325, MapFixtures.Signed(_buffer, SunSpecModel201.A));
            Assert.AreEqual(1325, MapFixtures.Signed(_buffer, SunSpecModel201.AphA));
            Assert.AreEqual(0x8000, MapFixtures.Word(_buffer, SunSpecModel201.AphB));
            Assert.AreEqual(0x8000, MapFixtures.Word(_buffer, SunSpecModel201.AphC));
            Assert.AreEqual(2301, MapFixtures.Signed(_buffer, SunSpecModel201.PhVphA), "channel 4 is on L1");
            Assert.AreEqual(23000, MapFixtures.Signed(_buffer, SunSpecModel201.W));
            Assert.AreEqual(-1, MapFixtures.Signed(_buffer, SunSpecModel201.W_SF));
            Assert.AreEqual(0x8000, MapFixtures.Word(_buffer, SunSpecModel201.WphB));
            Assert.AreEqual(123459L, MapFixtures.UInt32At(_buffer, SunSpecModel201.TotWhImp));
            Assert.AreEqual(0L, MapFixtures.UInt32At(_buffer, SunSpecModel201.TotWhImpPhB), "acc32 not implemented is 0");
        }

        [TestMethod]
        public void UnmeasuredPointsReadNotImplemented()
        {
            SetUp();
            int m = _map.MeterAddress(0);
            Assert.AreEqual(0, ReadAt(m, SunSpecModel203.BlockLength));
            Assert.AreEqual(0x8000, MapFixtures.Word(_buffer, SunSpecModel203.PPV), "int16");
            Assert.AreEqual(0x8000, MapFixtures.Word(_buffer, SunSpecModel203.PhVphAB));
            Assert.AreEqual(0L, MapFixtures.UInt32At(_buffer, SunSpecModel203.TotVAhExp), "acc32");
            Assert.AreEqual(0x8000, MapFixtures.Word(_buffer, SunSpecModel203.TotVAh_SF), "sunssf");
            Assert.AreEqual(0x8000, MapFixtures.Word(_buffer, SunSpecModel203.TotVArh_SF));
        }

        [TestMethod]
        public void BeforeTheFirstSecondMeasurementsAreNotImplemented()
        {
            SetUp();
            _source.Latest = null;
            int m = _map.MeterAddress(0);
            Assert.AreEqual(0, ReadAt(m, SunSpecModel203.BlockLength));
            Assert.AreEqual(203, MapFixtures.Word(_buffer, 0));
            Assert.AreEqual(0x8000, MapFixtures.Word(_buffer, SunSpecModel203.A));
            Assert.AreEqual(0x8000, MapFixtures.Word(_buffer, SunSpecModel203.A_SF));
            Assert.AreEqual(0x8000, MapFixtures.Word(_buffer, SunSpecModel203.Hz));
            Assert.AreEqual(0L, MapFixtures.UInt32At(_buffer, SunSpecModel203.TotWhImp));
        }

        [TestMethod]
        public void OutsideTheChainIsIllegalAddressAndWritesAreRefused()
        {
            SetUp();
            Assert.AreEqual(2, ReadAt(39999, 2));
            Assert.AreEqual(2, ReadAt(40000 + _map.Length - 1, 2), "past the end marker");
            Assert.AreEqual(0, ReadAt(40000 + _map.Length - 2, 2));
            Assert.AreEqual(2, _map.Write(40002 + SunSpecModel1.DA, 1, new byte[] { 0, 2 }, 0), "DA is read-only here");
        }

        [TestMethod]
        public void InputAndHoldingReadTheSameRegisters()
        {
            SetUp();
            Assert.AreEqual(0, _map.Read(false, 40070, 10, _buffer, 0));
            int a = MapFixtures.Word(_buffer, 2);
            Assert.AreEqual(0, _map.Read(true, 40070, 10, _buffer, 0));
            Assert.AreEqual(a, MapFixtures.Word(_buffer, 2));
        }
    }
}
