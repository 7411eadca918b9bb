using System;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Protocols.Snmp.Usm;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Crypto
{
    /// <summary>
    /// USM password-to-key and localization. SHA-1: RFC 3414 appendix A.3.2 (password "maplesyrup", engine ID
    /// 00 00 00 00 00 00 00 00 00 00 00 02). SHA-256: RFC 7860 publishes no vector; the values below were
    /// computed with Python's hashlib (an independent implementation of the A.2 algorithm) and the host test
    /// UsmCryptoCrossCheckTests checks the same algorithm against .NET's SHA256 on random inputs.
    /// </summary>
    [TestClass]
    public class UsmKeysTests
    {
        private static readonly byte[] EngineId = HexText.Parse("000000000000000000000002");

        [TestMethod]
        public void Rfc3414A32Sha1PasswordToKey()
        {
            byte[] password = AsciiBytes.From("maplesyrup");
            byte[] ku = new byte[20];
            new UsmKeys().PasswordToKeySha1(password, 0, password.Length, ku, 0);
            Assert.AreEqual("9fb5cc0381497b3793528939ff788d5d79145211", HexText.From(ku, 0, 20));
        }

        [TestMethod]
        public void Rfc3414A32Sha1Localization()
        {
            byte[] ku = HexText.Parse("9fb5cc0381497b3793528939ff788d5d79145211");
            byte[] kul = new byte[20];
            new UsmKeys().LocalizeSha1(ku, 0, EngineId, 0, EngineId.Length, kul, 0);
            Assert.AreEqual("6695febc9288e36282235fc7151f128497b38f3f", HexText.From(kul, 0, 20));
        }

        [TestMethod]
        public void Rfc3414A32Sha1FromTextPasswordInOneCall()
        {
            byte[] kul = new byte[22];
            new UsmKeys().LocalizedKey(false, "maplesyrup", EngineId, 0, EngineId.Length, kul, 2);
            Assert.AreEqual("00006695febc9288e36282235fc7151f128497b38f3f", HexText.From(kul, 0, 22));
        }

        [TestMethod]
        public void Sha256PasswordToKeyAndLocalization()
        {
            byte[] password = AsciiBytes.From("maplesyrup");
            UsmKeys keys = new UsmKeys();
            byte[] ku = new byte[32];
            keys.PasswordToKeySha256(password, 0, password.Length, ku, 0);
            Assert.AreEqual("ab51014d1e077f6017df2b12bee5f5aa72993177e9bb569c4dff5a4ca0b4afac", HexText.From(ku, 0, 32));
            byte[] kul = new byte[32];
            keys.LocalizeSha256(ku, 0, EngineId, 0, EngineId.Length, kul, 0);
            Assert.AreEqual("8982e0e549e866db361a6b625d84cccc11162d453ee8ce3a6445c2d6776f0f8b", HexText.From(kul, 0, 32));
            byte[] direct = new byte[32];
            keys.LocalizedKey(true, password, 0, password.Length, EngineId, 0, EngineId.Length, direct, 0);
            Assert.AreEqual(HexText.From(kul, 0, 32), HexText.From(direct, 0, 32));
        }

        [TestMethod]
        public void PasswordShorterThanEightIsRefusedWithAClearMessage()
        {
            byte[] password = AsciiBytes.From("maplesy");
            string message = null;
            try
            {
                new UsmKeys().PasswordToKeySha1(password, 0, password.Length, new byte[20], 0);
            }
            catch (ArgumentException e)
            {
                message = e.Message;
            }

            Assert.IsNotNull(message, "a 7-byte password must be refused");
            Assert.IsTrue(message.IndexOf("at least 8") >= 0, "message: " + message);

            message = null;
            try
            {
                new UsmKeys().LocalizedKey(true, "short", EngineId, 0, EngineId.Length, new byte[32], 0);
            }
            catch (ArgumentException e)
            {
                message = e.Message;
            }

            Assert.IsNotNull(message, "a 5-character password must be refused");
            Assert.IsTrue(message.IndexOf("at least 8") >= 0, "message: " + message);
        }

        [TestMethod]
        public void EngineIdOutsideFiveToThirtyTwoBytesIsRefused()
        {
            byte[] ku = new byte[20];
            bool refused = false;
            try
            {
                new UsmKeys().LocalizeSha1(ku, 0, new byte[4], 0, 4, new byte[20], 0);
            }
            catch (ArgumentException)
            {
                refused = true;
            }

            Assert.IsTrue(refused, "a 4-byte engine ID must be refused");
        }

        [TestMethod]
        public void Rfc3826AesIvIsBootsTimeAndSalt()
        {
            byte[] salt = HexText.Parse("ff0102030405060708");
            byte[] iv = new byte[17];
            UsmKeys.AesIv(0x01020304, 0x7f000a0b, salt, 1, iv, 1);
            Assert.AreEqual("00010203047f000a0b0102030405060708", HexText.From(iv, 0, 17));
        }
    }
}
