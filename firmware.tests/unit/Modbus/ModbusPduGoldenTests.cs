using Ipenergy.Probe.Protocols.Modbus;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Modbus
{
    /// <summary>The request/response examples of the Modbus application protocol v1.1b3, section 6, byte for byte.</summary>
    [TestClass]
    public class ModbusPduGoldenTests
    {
        [TestMethod]
        public void ReadHoldingRegistersExample()
        {
            // 6.3: read registers 108..110 -> 555, 0, 100.
            ModbusPduProcessor p = ModbusFrames.Processor(TestRegisterBank.SpecificationExample());
            ModbusFrames.AssertBytes(new byte[] { 0x03, 0x06, 0x02, 0x2B, 0x00, 0x00, 0x00, 0x64 },
                ModbusFrames.Answer(p, 1, new byte[] { 0x03, 0x00, 0x6B, 0x00, 0x03 }), "FC 03 example");
        }

        [TestMethod]
        public void ReadInputRegistersExample()
        {
            // 6.4: read input register 9 -> 10.
            ModbusPduProcessor p = ModbusFrames.Processor(TestRegisterBank.SpecificationExample());
            ModbusFrames.AssertBytes(new byte[] { 0x04, 0x02, 0x00, 0x0A },
                ModbusFrames.Answer(p, 1, new byte[] { 0x04, 0x00, 0x08, 0x00, 0x01 }), "FC 04 example");
        }

        [TestMethod]
        public void WriteSingleRegisterExample()
        {
            // 6.6: write 3 to register 2; the response echoes the request.
            TestRegisterBank bank = TestRegisterBank.SpecificationExample();
            ModbusPduProcessor p = ModbusFrames.Processor(bank);
            ModbusFrames.AssertBytes(new byte[] { 0x06, 0x00, 0x01, 0x00, 0x03 },
                ModbusFrames.Answer(p, 1, new byte[] { 0x06, 0x00, 0x01, 0x00, 0x03 }), "FC 06 example");
            Assert.AreEqual(3, bank.Holding(1), "register written");
        }

        [TestMethod]
        public void WriteMultipleRegistersExample()
        {
            // 6.12: write 0x000A, 0x0102 to registers 2 and 3.
            TestRegisterBank bank = TestRegisterBank.SpecificationExample();
            ModbusPduProcessor p = ModbusFrames.Processor(bank);
            ModbusFrames.AssertBytes(new byte[] { 0x10, 0x00, 0x01, 0x00, 0x02 },
                ModbusFrames.Answer(p, 1, new byte[] { 0x10, 0x00, 0x01, 0x00, 0x02, 0x04, 0x00, 0x0A, 0x01, 0x02 }), "FC 16 example");
            Assert.AreEqual(0x000A, bank.Holding(1), "first register");
            Assert.AreEqual(0x0102, bank.Holding(2), "second register");
        }

        [TestMethod]
        public void ExceptionExample()
        {
            // 7: a function the server does not implement (01, read coils here) -> 0x81 0x01.
            ModbusPduProcessor p = ModbusFrames.Processor(TestRegisterBank.SpecificationExample());
            ModbusFrames.AssertBytes(new byte[] { 0x81, 0x01 },
                ModbusFrames.Answer(p, 1, new byte[] { 0x01, 0x04, 0xA1, 0x00, 0x01 }), "exception example");
        }

        [TestMethod]
        public void MaximumReadFillsTheLargestPdu()
        {
            TestRegisterBank bank = new TestRegisterBank(125, 0, 0);
            for (int i = 0; i < 125; i++)
            {
                bank.SetHolding(i, 0x0100 + i);
            }

            byte[] answer = ModbusFrames.Answer(ModbusFrames.Processor(bank), 255, new byte[] { 0x03, 0x00, 0x00, 0x00, 0x7D });
            Assert.AreEqual(252, answer.Length, "1 + 1 + 250 bytes");
            Assert.AreEqual(250, (int)answer[1], "byte count");
            Assert.AreEqual(0x01, (int)answer[2 + 2 * 124], "high byte of the last register");
            Assert.AreEqual(124, (int)answer[3 + 2 * 124], "low byte of the last register");
        }

        [TestMethod]
        public void DeviceIdentificationBasicStream()
        {
            ModbusPduProcessor p = ModbusFrames.Processor(TestRegisterBank.SpecificationExample());
            byte[] expected = new byte[]
            {
                0x2B, 0x0E, 0x01, 0x81, 0x00, 0x00, 0x03,
                0x00, 0x08, (byte)'I', (byte)'P', (byte)'e', (byte)'n', (byte)'e', (byte)'r', (byte)'g', (byte)'y',
                0x01, 0x04, (byte)'M', (byte)'P', (byte)'P', (byte)'3',
                0x02, 0x05, (byte)'1', (byte)'.', (byte)'2', (byte)'.', (byte)'3',
            };
            ModbusFrames.AssertBytes(expected, ModbusFrames.Answer(p, 1, new byte[] { 0x2B, 0x0E, 0x01, 0x00 }), "43/14 basic stream");

            // An unknown starting object restarts the stream at object 0.
            ModbusFrames.AssertBytes(expected, ModbusFrames.Answer(p, 1, new byte[] { 0x2B, 0x0E, 0x01, 0x50 }), "43/14 restart at 0");
        }

        [TestMethod]
        public void DeviceIdentificationIndividualObject()
        {
            ModbusPduProcessor p = ModbusFrames.Processor(TestRegisterBank.SpecificationExample());
            ModbusFrames.AssertBytes(new byte[] { 0x2B, 0x0E, 0x04, 0x81, 0x00, 0x00, 0x01, 0x01, 0x04, (byte)'M', (byte)'P', (byte)'P', (byte)'3' },
                ModbusFrames.Answer(p, 1, new byte[] { 0x2B, 0x0E, 0x04, 0x01 }), "43/14 object 1");
        }

        [TestMethod]
        public void ProductCodeFollowsTheChannelCount()
        {
            Assert.AreEqual("MPP3", ModbusDeviceIdentification.ProductCodeFor(3));
            Assert.AreEqual("MPP18", ModbusDeviceIdentification.ProductCodeFor(18));
        }
    }
}
