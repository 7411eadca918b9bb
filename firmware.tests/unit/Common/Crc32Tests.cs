using Ipenergy.Probe.Common;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Common
{
    [TestClass]
    public class Crc32Tests
    {
        [TestMethod]
        public void CheckValueOfTheCatalogue()
        {
            byte[] data = AsciiBytes.From("123456789");
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(data, 0, data.Length));
        }

        [TestMethod]
        public void EmptyInputIsZero()
        {
            Assert.AreEqual(0u, Crc32.Compute(new byte[0], 0, 0));
        }

        [TestMethod]
        public void IncrementalEqualsOneShot()
        {
            byte[] data = AsciiBytes.From("xx123456789yy");
            uint state = Crc32.Update(Crc32.Initial, data, 2, 4);
            state = Crc32.UpdateByte(state, data[6]);
            state = Crc32.Update(state, data, 7, 4);
            Assert.AreEqual(0xCBF43926u, Crc32.Finish(state));
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(data, 2, 9));
        }

        [TestMethod]
        public void AllOnesAndAllZerosDiffer()
        {
            // An erased (0xFF) flash area must not pass for a record whose CRC happens to be 0xFFFFFFFF or 0.
            byte[] ff = new byte[16];
            byte[] zero = new byte[16];
            for (int i = 0; i < ff.Length; i++)
            {
                ff[i] = 0xFF;
            }

            uint a = Crc32.Compute(ff, 0, ff.Length);
            uint b = Crc32.Compute(zero, 0, zero.Length);
            Assert.IsTrue(a != b, "CRC of 0xFF*16 equals CRC of 0x00*16");
            Assert.IsTrue(a != 0xFFFFFFFF && a != 0, "CRC of erased bytes is a trivial value");
        }

        [TestMethod]
        public void OneFlippedBitChangesTheCrc()
        {
            byte[] data = AsciiBytes.From("123456789");
            uint good = Crc32.Compute(data, 0, data.Length);
            for (int i = 0; i < data.Length * 8; i++)
            {
                data[i / 8] ^= (byte)(1 << (i % 8));
                Assert.IsTrue(Crc32.Compute(data, 0, data.Length) != good, "bit flip not detected at bit " + i.ToString());
                data[i / 8] ^= (byte)(1 << (i % 8));
            }
        }
    }
}
