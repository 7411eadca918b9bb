using Ipenergy.Probe.Protocols.Modbus;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Modbus
{
    /// <summary>
    /// Every exception the PDU processor answers, and the order of the checks (v1.1b3 state diagrams):
    /// function (01) before quantity (03) before address (02) before execution (04).
    /// </summary>
    [TestClass]
    public class ModbusPduExceptionTests
    {
        private static ModbusPduProcessor NewProcessor()
        {
            return ModbusFrames.Processor(TestRegisterBank.SpecificationExample());
        }

        [TestMethod]
        public void UnimplementedFunctionsAnswer01()
        {
            ModbusPduProcessor p = NewProcessor();
            int[] functions = new int[] { 0x00, 0x01, 0x02, 0x05, 0x0F, 0x11, 0x16, 0x17, 0x2A, 0x7F, 0x83, 0xFF };
            for (int i = 0; i < functions.Length; i++)
            {
                ModbusFrames.AssertException(p, new byte[] { (byte)functions[i], 0x00, 0x00, 0x00, 0x01 }, functions[i], 0x01,
                    "function " + functions[i].ToString());
            }

            // Function 43 with an MEI type other than 14.
            ModbusFrames.AssertException(p, new byte[] { 0x2B, 0x0D, 0x01, 0x00 }, 0x2B, 0x01, "MEI 13");
        }

        [TestMethod]
        public void ReadQuantityOutOfRangeAnswers03BeforeTheAddress()
        {
            ModbusPduProcessor p = NewProcessor();
            ModbusFrames.AssertException(p, new byte[] { 0x03, 0x00, 0x00, 0x00, 0x00 }, 0x03, 0x03, "03 quantity 0");
            ModbusFrames.AssertException(p, new byte[] { 0x03, 0x00, 0x00, 0x00, 0x7E }, 0x03, 0x03, "03 quantity 126");
            ModbusFrames.AssertException(p, new byte[] { 0x04, 0x00, 0x00, 0x00, 0x00 }, 0x04, 0x03, "04 quantity 0");
            ModbusFrames.AssertException(p, new byte[] { 0x04, 0x00, 0x00, 0xFF, 0xFF }, 0x04, 0x03, "04 quantity 65535");

            // The address is bad too, but quantity is checked first.
            ModbusFrames.AssertException(p, new byte[] { 0x03, 0xFF, 0xFF, 0x00, 0x00 }, 0x03, 0x03, "03 bad address and quantity 0");
        }

        [TestMethod]
        public void ReadAddressOutsideTheMapAnswers02()
        {
            ModbusPduProcessor p = NewProcessor();
            ModbusFrames.AssertException(p, new byte[] { 0x03, 0x00, 0xC7, 0x00, 0x02 }, 0x03, 0x02, "03 199..200 (map ends at 199)");
            ModbusFrames.AssertException(p, new byte[] { 0x04, 0x00, 0x14, 0x00, 0x01 }, 0x04, 0x02, "04 register 20");
            ModbusFrames.AssertException(p, new byte[] { 0x03, 0xFF, 0xFF, 0x00, 0x02 }, 0x03, 0x02, "03 past 65535");
            ModbusFrames.AssertException(p, new byte[] { 0x04, 0xFF, 0x90, 0x00, 0x7D }, 0x04, 0x02, "04 past 65535 with 125");
        }

        [TestMethod]
        public void ReadThatFailsAnswers04()
        {
            TestRegisterBank bank = TestRegisterBank.SpecificationExample();
            bank.ThrowOnRead = true;
            ModbusPduProcessor p = ModbusFrames.Processor(bank);
            ModbusFrames.AssertException(p, new byte[] { 0x03, 0x00, 0x00, 0x00, 0x01 }, 0x03, 0x04, "map throws");
        }

        [TestMethod]
        public void WriteSingleExceptions()
        {
            TestRegisterBank bank = TestRegisterBank.SpecificationExample();
            ModbusPduProcessor p = ModbusFrames.Processor(bank);
            ModbusFrames.AssertException(p, new byte[] { 0x06, 0x00, 0x64, 0x00, 0x01 }, 0x06, 0x02, "read-only register 100");
            ModbusFrames.AssertException(p, new byte[] { 0x06, 0x00, 0x01, 0xFF, 0xFF }, 0x06, 0x03, "value the map refuses");
            bank.FailingRegister = 5;
            ModbusFrames.AssertException(p, new byte[] { 0x06, 0x00, 0x05, 0x00, 0x01 }, 0x06, 0x04, "store fails");
            Assert.AreEqual(0, bank.Holding(5), "nothing written");
        }

        [TestMethod]
        public void WriteMultipleQuantityAndByteCountAnswer03()
        {
            ModbusPduProcessor p = NewProcessor();
            ModbusFrames.AssertException(p, new byte[] { 0x10, 0x00, 0x01, 0x00, 0x00, 0x00 }, 0x10, 0x03, "quantity 0");
            byte[] tooMany = new byte[6 + 248];
            tooMany[0] = 0x10;
            tooMany[4] = 124;
            tooMany[5] = 248;
            ModbusFrames.AssertException(p, tooMany, 0x10, 0x03, "quantity 124");
            ModbusFrames.AssertException(p, new byte[] { 0x10, 0x00, 0x01, 0x00, 0x02, 0x03, 0x00, 0x0A, 0x01 }, 0x10, 0x03, "byte count 3 for 2 registers");
            ModbusFrames.AssertException(p, new byte[] { 0x10, 0x00, 0x01, 0x00, 0x02, 0x04, 0x00, 0x0A, 0x01 }, 0x10, 0x03, "one byte missing");
            ModbusFrames.AssertException(p, new byte[] { 0x10, 0x00, 0x01, 0x00, 0x01, 0x02, 0x00, 0x0A, 0x01 }, 0x10, 0x03, "one byte too many");

            // Address bad too, but the quantity comes first.
            ModbusFrames.AssertException(p, new byte[] { 0x10, 0xFF, 0xFF, 0x00, 0x00, 0x00 }, 0x10, 0x03, "bad address and quantity 0");
        }

        [TestMethod]
        public void WriteMultipleAddressAndExecution()
        {
            TestRegisterBank bank = TestRegisterBank.SpecificationExample();
            ModbusPduProcessor p = ModbusFrames.Processor(bank);
            ModbusFrames.AssertException(p, new byte[] { 0x10, 0x00, 0x63, 0x00, 0x02, 0x04, 0x00, 0x01, 0x00, 0x02 }, 0x10, 0x02,
                "99..100 crosses into read-only");
            Assert.AreEqual(0, bank.Holding(99), "all or nothing");
            ModbusFrames.AssertException(p, new byte[] { 0x10, 0xFF, 0xFF, 0x00, 0x02, 0x04, 0x00, 0x01, 0x00, 0x02 }, 0x10, 0x02, "past 65535");
            ModbusFrames.AssertException(p, new byte[] { 0x10, 0x00, 0x01, 0x00, 0x02, 0x04, 0x00, 0x01, 0xFF, 0xFF }, 0x10, 0x03, "value refused");
            bank.FailingRegister = 2;
            ModbusFrames.AssertException(p, new byte[] { 0x10, 0x00, 0x01, 0x00, 0x02, 0x04, 0x00, 0x01, 0x00, 0x02 }, 0x10, 0x04, "store fails");
            Assert.AreEqual(0, bank.Holding(1), "nothing written on failure");
        }

        [TestMethod]
        public void TruncatedOrOverlongPdusAnswer03()
        {
            ModbusPduProcessor p = NewProcessor();
            ModbusFrames.AssertException(p, new byte[] { 0x03 }, 0x03, 0x03, "03 without data");
            ModbusFrames.AssertException(p, new byte[] { 0x03, 0x00, 0x00, 0x00 }, 0x03, 0x03, "03 one byte short");
            ModbusFrames.AssertException(p, new byte[] { 0x04, 0x00, 0x00, 0x00, 0x01, 0x00 }, 0x04, 0x03, "04 one byte long");
            ModbusFrames.AssertException(p, new byte[] { 0x06, 0x00, 0x01, 0x00 }, 0x06, 0x03, "06 one byte short");
            ModbusFrames.AssertException(p, new byte[] { 0x10, 0x00, 0x01, 0x00, 0x01 }, 0x10, 0x03, "16 without byte count");
            ModbusFrames.AssertException(p, new byte[] { 0x2B }, 0x2B, 0x03, "43 without MEI");
            ModbusFrames.AssertException(p, new byte[] { 0x2B, 0x0E, 0x01 }, 0x2B, 0x03, "43/14 without object id");
        }

        [TestMethod]
        public void DeviceIdentificationExceptions()
        {
            ModbusPduProcessor p = NewProcessor();
            ModbusFrames.AssertException(p, new byte[] { 0x2B, 0x0E, 0x00, 0x00 }, 0x2B, 0x03, "read code 0");
            ModbusFrames.AssertException(p, new byte[] { 0x2B, 0x0E, 0x05, 0x00 }, 0x2B, 0x03, "read code 5");
            ModbusFrames.AssertException(p, new byte[] { 0x2B, 0x0E, 0x04, 0x03 }, 0x2B, 0x02, "individual object 3 does not exist");
        }

        [TestMethod]
        public void OtherUnitsAnswerGatewayTargetFailed()
        {
            ModbusPduProcessor p = NewProcessor();
            byte[] read = new byte[] { 0x03, 0x00, 0x6B, 0x00, 0x03 };
            int[] units = new int[] { 0, 2, 17, 247, 254 };
            for (int i = 0; i < units.Length; i++)
            {
                ModbusFrames.AssertBytes(new byte[] { 0x83, 0x0B }, ModbusFrames.Answer(p, units[i], read), "unit " + units[i].ToString());
            }

            Assert.AreEqual(8, ModbusFrames.Answer(p, 1, read).Length, "unit 1 is this module");
            Assert.AreEqual(8, ModbusFrames.Answer(p, 255, read).Length, "unit 255 is this module");
        }

        [TestMethod]
        public void EmptyPduHasNoAnswer()
        {
            ModbusPduProcessor p = NewProcessor();
            byte[] response = new byte[ModbusPduProcessor.MaxPduLength];
            Assert.AreEqual(0, p.Process(1, new byte[0], 0, 0, response, 0));
        }
    }
}
