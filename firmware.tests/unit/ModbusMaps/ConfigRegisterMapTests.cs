using Ipenergy.Probe.Config;
using Ipenergy.Probe.Protocols.Modbus.Maps;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.ModbusMaps
{
    [TestClass]
    public class ConfigRegisterMapTests
    {
        private ManualClock _clock;
        private RecordingConfigStore _store;
        private ConfigRegisterMap _map;
        private byte[] _buffer;

        /// <summary>A fresh fixture per test ([Setup] runs once per class on the device).</summary>
        private void SetUp()
        {
            _clock = new ManualClock();
            _clock.MonotonicMilliseconds = 1000;
            _store = new RecordingConfigStore(new MeterConfig(3));
            _map = new ConfigRegisterMap(_store, _clock);
            _buffer = new byte[8];
        }

        private int Write(int address, int value)
        {
            return _map.Write(address, 1, new byte[] { (byte)(value >> 8), (byte)value }, 0);
        }

        private int Word(int address)
        {
            Assert.AreEqual(0, _map.Read(true, address, 1, _buffer, 0));
            return MapFixtures.Word(_buffer, 0);
        }

        [TestMethod]
        public void ReadsTheSettingsInForce()
        {
            SetUp();
            Assert.AreEqual(0, _map.Read(true, 3000, 4, _buffer, 0));
            Assert.AreEqual(0, MapFixtures.Word(_buffer, 0), "locked");
            Assert.AreEqual(2300, MapFixtures.Word(_buffer, 1), "230.0 V");
            Assert.AreEqual(50, MapFixtures.Word(_buffer, 2));
            Assert.AreEqual(0, MapFixtures.Word(_buffer, 3));
            Assert.AreEqual(2, _map.Read(true, 3003, 2, _buffer, 0));
            Assert.AreEqual(2, _map.Read(true, 2999, 1, _buffer, 0));
        }

        [TestMethod]
        public void WritesNeedTheUnlockCode()
        {
            SetUp();
            Assert.AreEqual(2, Write(3001, 2400), "locked");
            Assert.AreEqual(3, Write(3000, 1234), "wrong code");
            Assert.AreEqual(2, Write(3001, 2400), "still locked");
            Assert.AreEqual(0, _store.ApplyCount);
            Assert.AreEqual(0, Write(3000, ConfigRegisterMap.UnlockCode));
            Assert.AreEqual(1, Word(3000));
            Assert.AreEqual(60, Word(3003), "seconds left");
            Assert.AreEqual(0, Write(3001, 2405));
            Assert.AreEqual(1, _store.ApplyCount);
            Assert.AreEqual("{\"nominalVoltage\":240.5,\"nominalFrequency\":50}", _store.Applied);
        }

        [TestMethod]
        public void UnlockExpiresAfterSixtySeconds()
        {
            SetUp();
            Assert.AreEqual(0, Write(3000, ConfigRegisterMap.UnlockCode));
            _clock.MonotonicMilliseconds += 59999;
            Assert.AreEqual(0, Write(3002, 60));
            Assert.AreEqual("{\"nominalVoltage\":230.0,\"nominalFrequency\":60}", _store.Applied);
            _clock.MonotonicMilliseconds += 1;
            Assert.AreEqual(0, Word(3000));
            Assert.AreEqual(2, Write(3002, 60), "locked again");
        }

        [TestMethod]
        public void WritingZeroLocksAtOnce()
        {
            SetUp();
            Assert.AreEqual(0, Write(3000, ConfigRegisterMap.UnlockCode));
            Assert.AreEqual(0, Write(3000, 0));
            Assert.AreEqual(2, Write(3001, 2400));
        }

        [TestMethod]
        public void ValuesTheValidatorRefusesAreIllegalDataValues()
        {
            SetUp();
            Assert.AreEqual(0, Write(3000, ConfigRegisterMap.UnlockCode));
            Assert.AreEqual(3, Write(3001, 999), "99.9 V below 100 V");
            Assert.AreEqual(3, Write(3001, 4801), "above 480 V");
            Assert.AreEqual(3, Write(3002, 55));
            Assert.AreEqual(0, _store.ApplyCount, "nothing applied");
            Assert.AreEqual(0, Write(3001, 4800));
        }

        [TestMethod]
        public void OneRequestCanUnlockAndWriteBoth()
        {
            SetUp();
            byte[] frame = new byte[] { 0x5A, 0xFE, 0x04, 0xB0, 0x00, 0x3C };
            Assert.AreEqual(0, _map.Write(3000, 3, frame, 0));
            Assert.AreEqual("{\"nominalVoltage\":120.0,\"nominalFrequency\":60}", _store.Applied);
            Assert.AreEqual(1, Word(3000));
        }

        [TestMethod]
        public void ARefusedValueInAnUnlockingRequestChangesNothing()
        {
            SetUp();
            byte[] frame = new byte[] { 0x5A, 0xFE, 0x00, 0x10 };
            Assert.AreEqual(3, _map.Write(3000, 2, frame, 0));
            Assert.AreEqual(0, Word(3000), "still locked");
            Assert.AreEqual(0, _store.ApplyCount);
        }

        [TestMethod]
        public void ReadOnlyAndMissingRegistersAnswerIllegalAddress()
        {
            SetUp();
            Assert.AreEqual(0, Write(3000, ConfigRegisterMap.UnlockCode));
            Assert.AreEqual(2, Write(3003, 5), "seconds left is read-only");
            Assert.AreEqual(2, _map.Write(3002, 2, new byte[] { 0, 50, 0, 5 }, 0), "range reaching the read-only register");
            Assert.AreEqual(2, Write(3004, 1));
            Assert.AreEqual(2, Write(2999, 1));
        }

        [TestMethod]
        public void AStoreThatCannotSaveIsADeviceFailure()
        {
            SetUp();
            Assert.AreEqual(0, Write(3000, ConfigRegisterMap.UnlockCode));
            _store.FailWith = "flash write failed";
            Assert.AreEqual(4, Write(3001, 2300));
        }
    }
}
