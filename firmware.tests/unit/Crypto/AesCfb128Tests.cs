using Ipenergy.Probe.Common;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Crypto
{
    /// <summary>CFB128-AES128 against NIST SP 800-38A appendix F.3.13 (encrypt) and F.3.14 (decrypt).</summary>
    [TestClass]
    public class AesCfb128Tests
    {
        private const string Key = "2b7e151628aed2a6abf7158809cf4f3c";
        private const string Iv = "000102030405060708090a0b0c0d0e0f";
        private const string Plain = "6bc1bee22e409f96e93d7e117393172a" + "ae2d8a571e03ac9c9eb76fac45af8e51"
            + "30c81c46a35ce411e5fbc1191a0a52ef" + "f69f2445df4f9b17ad2b417be66c3710";
        private const string Cipher = "3b3fd92eb72dad20333449f8e83cfb4a" + "c8a64537a0b3a93fcde3cdad9f1ce58b"
            + "26751f67a3cbb140b1808cf187a4f4df" + "c04b05357c5d1c0eeac4c66f9ff7f2e6";

        private static AesCfb128 Keyed()
        {
            AesCfb128 cfb = new AesCfb128();
            cfb.SetKey(HexText.Parse(Key), 0);
            return cfb;
        }

        [TestMethod]
        public void Sp80038aF313EncryptIntoOtherBuffer()
        {
            byte[] plain = HexText.Parse(Plain);
            byte[] output = new byte[plain.Length];
            Keyed().Encrypt(HexText.Parse(Iv), 0, plain, 0, output, 0, plain.Length);
            Assert.AreEqual(Cipher, HexText.From(output, 0, output.Length));
            Assert.AreEqual(Plain, HexText.From(plain, 0, plain.Length), "input untouched");
        }

        [TestMethod]
        public void Sp80038aF314DecryptInPlace()
        {
            byte[] data = HexText.Parse(Cipher);
            Keyed().Decrypt(HexText.Parse(Iv), 0, data, 0, data, 0, data.Length);
            Assert.AreEqual(Plain, HexText.From(data, 0, data.Length));
        }

        [TestMethod]
        public void EncryptInPlaceAtAnOffset()
        {
            byte[] data = HexText.Parse("7777" + Plain);
            byte[] iv = HexText.Parse("55" + Iv);
            Keyed().Encrypt(iv, 1, data, 2, data, 2, data.Length - 2);
            Assert.AreEqual("7777" + Cipher, HexText.From(data, 0, data.Length));
        }

        [TestMethod]
        public void PartialLastBlockIsThePrefixOfTheFullCiphertext()
        {
            // CFB is a stream: the first 37 bytes encrypt to the first 37 bytes of F.3.13's ciphertext.
            AesCfb128 cfb = Keyed();
            byte[] plain = HexText.Parse(Plain);
            byte[] output = new byte[37];
            cfb.Encrypt(HexText.Parse(Iv), 0, plain, 0, output, 0, 37);
            Assert.AreEqual(Cipher.Substring(0, 74), HexText.From(output, 0, 37));
            cfb.Decrypt(HexText.Parse(Iv), 0, output, 0, output, 0, 37);
            Assert.AreEqual(Plain.Substring(0, 74), HexText.From(output, 0, 37));
        }

        [TestMethod]
        public void ZeroLengthChangesNothing()
        {
            byte[] data = HexText.Parse("0102");
            Keyed().Encrypt(HexText.Parse(Iv), 0, data, 0, data, 0, 0);
            Assert.AreEqual("0102", HexText.From(data, 0, 2));
        }
    }
}
