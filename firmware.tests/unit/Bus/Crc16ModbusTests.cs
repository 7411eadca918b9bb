using Ipenergy.Probe.Bus;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Bus
{
    /// <summary>CRC16 against frames published with the Modbus serial line specification and its usual examples.</summary>
    [TestClass]
    public class Crc16ModbusTests
    {
        [TestMethod]
        public void ReadTenHoldingRegistersFrame()
        {
            byte[] frame = new byte[] { 0x01, 0x03, 0x00, 0x00, 0x00, 0x0A, 0xC5, 0xCD };
            Assert.AreEqual(0xCDC5, Crc16Modbus.Compute(frame, 0, 6), "CRC of 01 03 00 00 00 0A");
            Assert.IsTrue(Crc16Modbus.Check(frame, 0, 8), "whole frame checks");
        }

        [TestMethod]
        public void SpecificationExampleFrame()
        {
            // Read 3 registers from 0x006B at slave 0x11: the classic ... 76 87.
            byte[] body = new byte[] { 0x11, 0x03, 0x00, 0x6B, 0x00, 0x03 };
            byte[] frame = BusFrames.WithCrc(body);
            Assert.AreEqual(0x76, (int)frame[6], "CRC low byte first");
            Assert.AreEqual(0x87, (int)frame[7], "CRC high byte");
        }

        [TestMethod]
        public void OneRegisterFrame()
        {
            byte[] frame = BusFrames.WithCrc(new byte[] { 0x01, 0x03, 0x00, 0x00, 0x00, 0x01 });
            Assert.AreEqual(0x84, (int)frame[6], "low");
            Assert.AreEqual(0x0A, (int)frame[7], "high");
        }

        [TestMethod]
        public void CheckRejectsAnyFlippedBit()
        {
            byte[] frame = new byte[] { 0x01, 0x03, 0x00, 0x00, 0x00, 0x0A, 0xC5, 0xCD };
            for (int i = 0; i < frame.Length; i++)
            {
                for (int bit = 0; bit < 8; bit++)
                {
                    frame[i] ^= (byte)(1 << bit);
                    Assert.IsFalse(Crc16Modbus.Check(frame, 0, 8), "flipped byte " + i.ToString() + " bit " + bit.ToString());
                    frame[i] ^= (byte)(1 << bit);
                }
            }

            Assert.IsFalse(Crc16Modbus.Check(frame, 0, 2), "too short to carry a CRC");
        }
    }
}
