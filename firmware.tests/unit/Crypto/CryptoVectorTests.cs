using Ipenergy.Probe.Common;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Crypto
{
    /// <summary>Published vectors: FIPS 180-2 appendix B (SHA-256), RFC 4231 (HMAC-SHA256), RFC 7914 section 11 (PBKDF2-HMAC-SHA256).</summary>
    [TestClass]
    public class CryptoVectorTests
    {
        private static string Sha(byte[] data)
        {
            Sha256 sha = new Sha256();
            sha.Update(data, 0, data.Length);
            byte[] digest = new byte[32];
            sha.Finish(digest, 0);
            return HexText.From(digest, 0, 32);
        }

        private static string Mac(byte[] key, byte[] data)
        {
            HmacSha256 hmac = new HmacSha256();
            hmac.SetKey(key, 0, key.Length);
            byte[] mac = new byte[32];
            hmac.Compute(data, 0, data.Length, mac, 0);
            return HexText.From(mac, 0, 32);
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
        public void Sha256OfAbc()
        {
            Assert.AreEqual("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha(AsciiBytes.From("abc")));
        }

        [TestMethod]
        public void Sha256OfEmptyMessage()
        {
            Assert.AreEqual("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha(new byte[0]));
        }

        [TestMethod]
        public void Sha256OfTwoBlockMessage()
        {
            Assert.AreEqual("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
                Sha(AsciiBytes.From("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")));
        }

        [TestMethod]
        public void Sha256OfOneMillionA()
        {
            Sha256 sha = new Sha256();
            byte[] chunk = Repeat((byte)'a', 1000);
            for (int i = 0; i < 1000; i++)
            {
                sha.Update(chunk, 0, chunk.Length);
            }

            byte[] digest = new byte[32];
            sha.Finish(digest, 0);
            Assert.AreEqual("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", HexText.From(digest, 0, 32));
        }

        [TestMethod]
        public void Sha256ByteByByteEqualsOneShot()
        {
            byte[] data = AsciiBytes.From("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq");
            Sha256 sha = new Sha256();
            for (int i = 0; i < data.Length; i++)
            {
                sha.Update(data, i, 1);
            }

            byte[] digest = new byte[32];
            sha.Finish(digest, 0);
            Assert.AreEqual(Sha(data), HexText.From(digest, 0, 32));
        }

        [TestMethod]
        public void HmacRfc4231Case1()
        {
            Assert.AreEqual("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
                Mac(Repeat(0x0b, 20), AsciiBytes.From("Hi There")));
        }

        [TestMethod]
        public void HmacRfc4231Case2()
        {
            Assert.AreEqual("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                Mac(AsciiBytes.From("Jefe"), AsciiBytes.From("what do ya want for nothing?")));
        }

        [TestMethod]
        public void HmacRfc4231Case3()
        {
            Assert.AreEqual("773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
                Mac(Repeat(0xaa, 20), Repeat(0xdd, 50)));
        }

        [TestMethod]
        public void HmacRfc4231Case6KeyLongerThanBlock()
        {
            Assert.AreEqual("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
                Mac(Repeat(0xaa, 131), AsciiBytes.From("Test Using Larger Than Block-Size Key - Hash Key First")));
        }

        [TestMethod]
        public void Pbkdf2Rfc7914PasswdSaltOneIteration()
        {
            byte[] output = new byte[64];
            byte[] password = AsciiBytes.From("passwd");
            byte[] salt = AsciiBytes.From("salt");
            new Pbkdf2Sha256().Derive(password, 0, password.Length, salt, 0, salt.Length, 1, output, 0, 64);
            Assert.AreEqual("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783", HexText.From(output, 0, 64));
        }

        [TestMethod]
        public void Pbkdf2Rfc7914PasswordNaCl80000Iterations()
        {
            byte[] output = new byte[64];
            byte[] password = AsciiBytes.From("Password");
            byte[] salt = AsciiBytes.From("NaCl");
            new Pbkdf2Sha256().Derive(password, 0, password.Length, salt, 0, salt.Length, 80000, output, 0, 64);
            Assert.AreEqual("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                + "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d", HexText.From(output, 0, 64));
        }

        [TestMethod]
        public void HexRoundTripAndRejects()
        {
            byte[] data = HexText.Parse("00ff10Ab");
            Assert.AreEqual(4, data.Length);
            Assert.AreEqual("00ff10ab", HexText.From(data, 0, 4));
            Assert.IsNull(HexText.Parse("0g"));
            Assert.IsNull(HexText.Parse("abc"));
        }
    }
}
