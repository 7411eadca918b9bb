using Ipenergy.Probe.Protocols.Modbus.Maps;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.ModbusMaps
{
    [TestClass]
    public class RegisterWordsTests
    {
        [TestMethod]
        public void FloatBitsOfKnownValues()
        {
            Assert.AreEqual(0x3F800000u, RegisterWords.FloatBits(1.0));
            Assert.AreEqual(0xC0200000u, RegisterWords.FloatBits(-2.5));
            Assert.AreEqual(0x00000000u, RegisterWords.FloatBits(0.0));
            Assert.AreEqual(0x7FC00000u, RegisterWords.FloatBits(double.NaN));
            Assert.AreEqual(0x7F800000u, RegisterWords.FloatBits(1e39), "beyond float range");
            Assert.AreEqual(0x00000001u, RegisterWords.FloatBits(1.401298464324817e-45), "smallest subnormal");
            Assert.AreEqual(0x4B3C614Eu, RegisterWords.FloatBits(12345678.0));
        }

        [TestMethod]
        public void WordsAreBigEndianMostSignificantFirst()
        {
            ushort[] image = new ushort[4];
            RegisterWords.PutInt64(image, 0, 0x0102030405060708L);
            byte[] bytes = new byte[8];
            RegisterWords.CopyOut(image, 0, 4, bytes, 0);
            for (int i = 0; i < 8; i++)
            {
                Assert.AreEqual((byte)(i + 1), bytes[i]);
            }

            RegisterWords.PutUInt32(image, 1, 0xA1B2C3D4u);
            Assert.AreEqual((ushort)0xA1B2, image[1]);
            Assert.AreEqual((ushort)0xC3D4, image[2]);
        }

        [TestMethod]
        public void TextIsTwoCharactersPerRegisterNulPadded()
        {
            ushort[] image = new ushort[3];
            RegisterWords.PutText(image, 0, 3, "ABC");
            Assert.AreEqual((ushort)0x4142, image[0]);
            Assert.AreEqual((ushort)0x4300, image[1]);
            Assert.AreEqual((ushort)0, image[2]);
            RegisterWords.PutText(image, 0, 1, "TOOLONG");
            Assert.AreEqual((ushort)0x544F, image[0]);
        }
    }
}
