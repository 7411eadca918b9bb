using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Protocols.Modbus.Maps;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.ModbusMaps
{
    [TestClass]
    public class CompositeRegisterMapTests
    {
        private CompositeRegisterMap _map;
        private SunSpecMap _sunSpec;
        private byte[] _buffer;

        /// <summary>A fresh fixture per test ([Setup] runs once per class on the device).</summary>
        private void SetUp()
        {
            FixedMeasurementSource source = new FixedMeasurementSource();
            source.Latest = MapFixtures.Snapshot(6, 2);
            MeterConfig config = MapFixtures.MixedConfig();
            _sunSpec = new SunSpecMap(source, config, new DeviceIdentity("MPP18", "", "1.0", "S"), 1);
            VendorMap vendor = new VendorMap(source, 6, 2);
            ConfigRegisterMap settings = new ConfigRegisterMap(new RecordingConfigStore(config), new ManualClock());
            _map = CompositeRegisterMap.ForProbe(vendor, settings, _sunSpec);
            _buffer = new byte[250];
        }

        [TestMethod]
        public void RoutesToEachSubMap()
        {
            SetUp();
            Assert.AreEqual(0, _map.Read(true, 1001, 1, _buffer, 0));
            Assert.AreEqual(6, MapFixtures.Word(_buffer, 0), "vendor channel count");
            Assert.AreEqual(0, _map.Read(true, 3001, 1, _buffer, 0));
            Assert.AreEqual(2300, MapFixtures.Word(_buffer, 0), "config nominal voltage");
            Assert.AreEqual(0, _map.Read(false, 40000, 4, _buffer, 0));
            Assert.AreEqual(0x5375, MapFixtures.Word(_buffer, 0));
            Assert.AreEqual(1, MapFixtures.Word(_buffer, 2));
        }

        [TestMethod]
        public void RangesOverHolesAreIllegalAddresses()
        {
            SetUp();
            Assert.AreEqual(2, _map.Read(true, 0, 1, _buffer, 0));
            Assert.AreEqual(2, _map.Read(true, 2990, 20, _buffer, 0), "hole into the config block");
            Assert.AreEqual(2, _map.Read(true, 3002, 4, _buffer, 0), "config block into the hole");
            Assert.AreEqual(2, _map.Read(true, 39990, 20, _buffer, 0), "hole into SunSpec");
            Assert.AreEqual(2, _map.Read(true, 40000 + _sunSpec.Length, 1, _buffer, 0));
            Assert.AreEqual(2, _map.Read(true, 1010, 100, _buffer, 0), "vendor header into the vendor hole");
            Assert.AreEqual(2, _map.Read(true, 65535, 1, _buffer, 0));
        }

        [TestMethod]
        public void WritesReachOnlyTheConfigBlock()
        {
            SetUp();
            byte[] code = new byte[] { 0x5A, 0xFE };
            Assert.AreEqual(2, _map.Write(1000, 1, code, 0));
            Assert.AreEqual(2, _map.Write(40070, 1, code, 0));
            Assert.AreEqual(2, _map.Write(500, 1, code, 0));
            Assert.AreEqual(0, _map.Write(3000, 1, code, 0));
        }
    }
}
