using Ipenergy.Probe.Common;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Crypto
{
    /// <summary>SHA-1 against the FIPS 180 examples (FIPS 180-2 appendix A; the same messages as the NIST CSRC examples).</summary>
    [TestClass]
    public class Sha1Tests
    {
        private static string Sha(byte[] data)
        {
            Sha1 sha = new Sha1();
            sha.Update(data, 0, data.Length);
            byte[] digest = new byte[Sha1.HashLength];
            sha.Finish(digest, 0);
            return HexText.From(digest, 0, Sha1.HashLength);
        }

        [TestMethod]
        public void Sha1OfAbc()
        {
            Assert.AreEqual("a9993e364706816aba3e25717850c26c9cd0d89d", Sha(AsciiBytes.From("abc")));
        }

        [TestMethod]
        public void Sha1OfEmptyMessage()
        {
            Assert.AreEqual("da39a3ee5e6b4b0d3255bfef95601890afd80709", Sha(new byte[0]));
        }

        [TestMethod]
        public void Sha1OfThe448BitMessage()
        {
            Assert.AreEqual("84983e441c3bd26ebaae4aa1f95129e5e54670f1",
                Sha(AsciiBytes.From("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")));
        }

        [TestMethod]
        public void Sha1OfOneMillionA()
        {
            Sha1 sha = new Sha1();
            byte[] chunk = new byte[1000];
            for (int i = 0; i < chunk.Length; i++)
            {
                chunk[i] = (byte)'a';
            }

            for (int i = 0; i < 1000; i++)
            {
                sha.Update(chunk, 0, chunk.Length);
            }

            byte[] digest = new byte[Sha1.HashLength];
            sha.Finish(digest, 0);
            Assert.AreEqual("34aa973cd4c4daa4f61eeb2bdbad27316534016f", HexText.From(digest, 0, Sha1.HashLength));
        }

        [TestMethod]
        public void Sha1ByteByByteAndResetEqualOneShot()
        {
            byte[] data = AsciiBytes.From("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq");
            Sha1 sha = new Sha1();
            sha.Update(data, 0, 10);
            sha.Reset();
            for (int i = 0; i < data.Length; i++)
            {
                sha.Update(data, i, 1);
            }

            byte[] digest = new byte[Sha1.HashLength];
            sha.Finish(digest, 0);
            Assert.AreEqual("84983e441c3bd26ebaae4aa1f95129e5e54670f1", HexText.From(digest, 0, Sha1.HashLength));
        }

        [TestMethod]
        public void Sha1PaddingEdgesAt55And56And64Bytes()
        {
            // 55 bytes: the length fits the same block; 56: it needs another; 64: a whole block then padding.
            // Digests computed with Python's hashlib (an independent implementation), cross-checked on the host.
            Assert.AreEqual("c1c8bbdc22796e28c0e15163d20899b65621d65a", Sha(Repeat((byte)'a', 55)));
            Assert.AreEqual("c2db330f6083854c99d4b5bfb6e8f29f201be699", Sha(Repeat((byte)'a', 56)));
            Assert.AreEqual("0098ba824b5c16427bd7a1122a5a442a25ec644d", Sha(Repeat((byte)'a', 64)));
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
    }
}
