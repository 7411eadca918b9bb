using Ipenergy.Probe.Common;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Crypto
{
    /// <summary>
    /// HMAC-SHA1 against RFC 2202 section 3; the truncated outputs USM sends (HMAC-96 of RFC 3414, HMAC-192 of
    /// RFC 7860) against RFC 2202 case 5 and RFC 4231 sections 4.3 and 4.7; the constant-time comparison.
    /// </summary>
    [TestClass]
    public class HmacSha1Tests
    {
        private static string Mac(byte[] key, byte[] data)
        {
            HmacSha1 hmac = new HmacSha1();
            hmac.SetKey(key, 0, key.Length);
            byte[] mac = new byte[HmacSha1.MacLength];
            hmac.Compute(data, 0, data.Length, mac, 0);
            return HexText.From(mac, 0, mac.Length);
        }

        private static byte[] Repeat(byte value, int count)
        {
            byte[] data = new byte[count];
            for (int i = 0; i < count; i++)
            {
                data[i] = value;
            }

            return data;
        }

        [TestMethod]
        public void Rfc2202Case1()
        {
            Assert.AreEqual("b617318655057264e28bc0b6fb378c8ef146be00", Mac(Repeat(0x0b, 20), AsciiBytes.From("Hi There")));
        }

        [TestMethod]
        public void Rfc2202Case2()
        {
            Assert.AreEqual("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
                Mac(AsciiBytes.From("Jefe"), AsciiBytes.From("what do ya want for nothing?")));
        }

        [TestMethod]
        public void Rfc2202Case3()
        {
            Assert.AreEqual("125d7342b9ac11cd91a39af48aa17b4f63f175d3", Mac(Repeat(0xaa, 20), Repeat(0xdd, 50)));
        }

        [TestMethod]
        public void Rfc2202Case4()
        {
            byte[] key = new byte[25];
            for (int i = 0; i < key.Length; i++)
            {
                key[i] = (byte)(i + 1);
            }

            Assert.AreEqual("4c9007f4026250c6bc8414f9bf50c86c2d7235da", Mac(key, Repeat(0xcd, 50)));
        }

        [TestMethod]
        public void Rfc2202Case6KeyLongerThanBlock()
        {
            Assert.AreEqual("aa4ae5e15272d00e95705637ce8a3b55ed402112",
                Mac(Repeat(0xaa, 80), AsciiBytes.From("Test Using Larger Than Block-Size Key - Hash Key First")));
        }

        [TestMethod]
        public void Rfc2202Case7KeyAndDataLongerThanBlock()
        {
            Assert.AreEqual("e8e99d0f45237d786d6bbaa7965c7808bbff1a91",
                Mac(Repeat(0xaa, 80), AsciiBytes.From("Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data")));
        }

        [TestMethod]
        public void Rfc2202Case5Truncated96WritesOnlyTwelveBytes()
        {
            HmacSha1 hmac = new HmacSha1();
            byte[] key = Repeat(0x0c, 20);
            hmac.SetKey(key, 0, key.Length);
            byte[] data = AsciiBytes.From("Test With Truncation");
            byte[] output = Repeat(0xee, 16);
            hmac.Compute(data, 0, data.Length, output, 2, HmacSha1.UsmMacLength);
            Assert.AreEqual("eeee4c1a03424b55e07fe7f27be1eeee", HexText.From(output, 0, 16));

            // The same key, incrementally and again: SetKey's states are reused, not consumed.
            hmac.Begin();
            hmac.Update(data, 0, 4);
            hmac.Update(data, 4, data.Length - 4);
            byte[] full = new byte[HmacSha1.MacLength];
            hmac.Finish(full, 0);
            Assert.AreEqual("4c1a03424b55e07fe7f27be1d58bb9324a9a5a04", HexText.From(full, 0, full.Length));
        }

        [TestMethod]
        public void Rfc4231Case5HmacSha256TruncatedTo128Bits()
        {
            HmacSha256 hmac = new HmacSha256();
            byte[] key = Repeat(0x0c, 20);
            hmac.SetKey(key, 0, key.Length);
            byte[] data = AsciiBytes.From("Test With Truncation");
            byte[] output = new byte[16];
            hmac.Compute(data, 0, data.Length, output, 0, 16);
            Assert.AreEqual("a3b6167473100ee06e0c796c2955552b", HexText.From(output, 0, 16));
        }

        [TestMethod]
        public void Rfc4231Case2HmacSha256Truncated192ForUsm()
        {
            HmacSha256 hmac = new HmacSha256();
            byte[] key = AsciiBytes.From("Jefe");
            hmac.SetKey(key, 0, key.Length);
            byte[] data = AsciiBytes.From("what do ya want for nothing?");
            byte[] output = Repeat(0xee, 25);
            hmac.Compute(data, 0, data.Length, output, 0, HmacSha256.UsmMacLength);
            Assert.AreEqual("5bdcc146bf60754e6a042426089575c75a003f089d273983ee", HexText.From(output, 0, 25));
        }

        [TestMethod]
        public void TruncatedLengthOutOfRangeIsRefused()
        {
            HmacSha1 hmac = new HmacSha1();
            hmac.SetKey(new byte[20], 0, 20);
            bool refused = false;
            try
            {
                hmac.Compute(new byte[1], 0, 1, new byte[32], 0, 21);
            }
            catch (System.ArgumentOutOfRangeException)
            {
                refused = true;
            }

            Assert.IsTrue(refused, "21 bytes of a 20-byte MAC must be refused");
        }

        [TestMethod]
        public void ConstantTimeComparisonSeesEveryByte()
        {
            byte[] a = HexText.Parse("4c1a03424b55e07fe7f27be1");
            byte[] b = HexText.Parse("004c1a03424b55e07fe7f27be1");
            Assert.IsTrue(ConstantTime.BytesEqual(a, 0, b, 1, 12));
            b[12] ^= 0x01;
            Assert.IsFalse(ConstantTime.BytesEqual(a, 0, b, 1, 12), "last byte differs");
            b[12] ^= 0x01;
            b[1] ^= 0x80;
            Assert.IsFalse(ConstantTime.BytesEqual(a, 0, b, 1, 12), "first byte differs");
        }
    }
}
