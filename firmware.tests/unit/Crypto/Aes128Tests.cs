using Ipenergy.Probe.Common;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Crypto
{
    /// <summary>AES-128 block encryption against FIPS-197 appendix B and appendix C.1.</summary>
    [TestClass]
    public class Aes128Tests
    {
        private static string Encrypt(string keyHex, string plainHex)
        {
            Aes128 aes = new Aes128();
            aes.SetKey(HexText.Parse(keyHex), 0);
            byte[] block = HexText.Parse(plainHex);
            byte[] output = new byte[16];
            aes.EncryptBlock(block, 0, output, 0);
            return HexText.From(output, 0, 16);
        }

        [TestMethod]
        public void Fips197AppendixC1()
        {
            Assert.AreEqual("69c4e0d86a7b0430d8cdb78070b4c55a",
                Encrypt("000102030405060708090a0b0c0d0e0f", "00112233445566778899aabbccddeeff"));
        }

        [TestMethod]
        public void Fips197AppendixB()
        {
            Assert.AreEqual("3925841d02dc09fbdc118597196a0b32",
                Encrypt("2b7e151628aed2a6abf7158809cf4f3c", "3243f6a8885a308d313198a2e0370734"));
        }

        [TestMethod]
        public void InPlaceAndOffsetsGiveTheSameBlock()
        {
            Aes128 aes = new Aes128();
            byte[] key = HexText.Parse("ff000102030405060708090a0b0c0d0e0f");
            aes.SetKey(key, 1);
            byte[] buffer = HexText.Parse("aaaa00112233445566778899aabbccddeeff");
            aes.EncryptBlock(buffer, 2, buffer, 2);
            Assert.AreEqual("aaaa69c4e0d86a7b0430d8cdb78070b4c55a", HexText.From(buffer, 0, buffer.Length));
        }

        [TestMethod]
        public void EncryptBeforeSetKeyIsRefused()
        {
            Aes128 aes = new Aes128();
            bool refused = false;
            try
            {
                aes.EncryptBlock(new byte[16], 0, new byte[16], 0);
            }
            catch (System.InvalidOperationException)
            {
                refused = true;
            }

            Assert.IsTrue(refused, "no key, no encryption");
        }
    }
}
