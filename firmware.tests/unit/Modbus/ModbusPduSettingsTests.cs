using Ipenergy.Probe.Protocols.Modbus;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Modbus
{
    /// <summary>The settings the configuration gives the PDU processor: unit id, write lock, and a map swapped whole.</summary>
    [TestClass]
    public class ModbusPduSettingsTests
    {
        private static readonly byte[] ReadOne = new byte[] { 0x03, 0x00, 0x6B, 0x00, 0x01 };
        private static readonly byte[] ReadWritable = new byte[] { 0x03, 0x00, 0x01, 0x00, 0x01 };

        [TestMethod]
        public void AConfiguredUnitIdIsAnsweredAndTheDefaultOneNoLonger()
        {
            ModbusPduProcessor p = ModbusFrames.Processor(TestRegisterBank.SpecificationExample());
            p.UnitId = 17;
            byte[] answer = ModbusFrames.Answer(p, 17, ReadOne);
            Assert.AreEqual((byte)0x03, answer[0], "unit 17 reads");
            answer = ModbusFrames.Answer(p, 255, ReadOne);
            Assert.AreEqual((byte)0x03, answer[0], "unit 255 still means this device");
            ModbusFrames.AssertException(p, 1, ReadOne, 0x03, 0x0B, "unit 1 is another device now");
        }

        [TestMethod]
        public void LockedWritesAnswer01AndChangeNothing()
        {
            TestRegisterBank bank = TestRegisterBank.SpecificationExample();
            ModbusPduProcessor p = ModbusFrames.Processor(bank);
            p.WritesEnabled = false;
            byte[] before = ModbusFrames.Answer(p, 1, ReadWritable);
            ModbusFrames.AssertException(p, new byte[] { 0x06, 0x00, 0x01, 0x12, 0x34 }, 0x06, 0x01, "06 locked");
            ModbusFrames.AssertException(p, new byte[] { 0x10, 0x00, 0x01, 0x00, 0x01, 0x02, 0x12, 0x34 }, 0x10, 0x01, "16 locked");
            byte[] after = ModbusFrames.Answer(p, 1, ReadWritable);
            Assert.AreEqual(before[2], after[2], "register unchanged (high byte)");
            Assert.AreEqual(before[3], after[3], "register unchanged (low byte)");

            p.WritesEnabled = true;
            byte[] echo = ModbusFrames.Answer(p, 1, new byte[] { 0x06, 0x00, 0x01, 0x12, 0x34 });
            Assert.AreEqual((byte)0x06, echo[0], "06 unlocked");
            after = ModbusFrames.Answer(p, 1, ReadWritable);
            Assert.AreEqual((byte)0x12, after[2], "written high byte");
            Assert.AreEqual((byte)0x34, after[3], "written low byte");
        }

        [TestMethod]
        public void ASwappedMapAnswersTheNextRequest()
        {
            TestRegisterBank first = TestRegisterBank.SpecificationExample();
            TestRegisterBank second = TestRegisterBank.SpecificationExample();
            second.SetHolding(0x6B, 0x4321);
            ModbusPduProcessor p = ModbusFrames.Processor(first);
            byte[] a = ModbusFrames.Answer(p, 1, ReadOne);
            p.Map = second;
            byte[] b = ModbusFrames.Answer(p, 1, ReadOne);
            Assert.AreNotEqual(a[2] * 256 + a[3], b[2] * 256 + b[3], "the new map answers");
            Assert.AreEqual((byte)0x43, b[2]);
            Assert.AreEqual((byte)0x21, b[3]);
        }
    }
}
