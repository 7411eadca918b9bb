using Ipenergy.Probe.Protocols.Snmp;
using Ipenergy.Probe.Protocols.Snmp.V3;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Snmp
{
    /// <summary>
    /// <see cref="V3MessageReader"/> on frames a real peer sent (net-snmp 5.9.3 snmpget, captured with a UDP
    /// listener on 127.0.0.1; the host tests V3NetSnmpTests capture them again live) and on messages made
    /// wrong one field at a time from RFC 3412 section 6 / RFC 3414 section 2.4.
    /// </summary>
    [TestClass]
    public class V3MessageReaderTests
    {
        /// <summary>
        /// snmpget -v3 -l noAuthNoPriv -u someone 127.0.0.1:port 1.3.6.1.2.1.1.1.0: the discovery probe
        /// (empty engine ID and user, reportable, a GetRequest with no varbinds).
        /// </summary>
        public const string DiscoveryProbe =
            "30 3e 02 01 03 30 11 02 04 15 81 9a 3f 02 03 00 ff e3 04 01 04 02 01 03 04 10 30 0e 04 00 02 01 00 02 01 00"
            + " 04 00 04 00 04 00 30 14 04 00 04 00 a0 0e 02 04 4d 1c bb d8 02 01 00 02 01 00 30 00";

        /// <summary>
        /// snmpget -v3 -l authPriv -u someone -a SHA -A pass1234pass -x AES -X pass5678pass
        /// -e 0x800000000102030405 127.0.0.1:port 1.3.6.1.2.1.1.1.0: sent at once, without discovery.
        /// </summary>
        public const string AuthPrivGet =
            "30 7a 02 01 03 30 11 02 04 2d d7 fc 09 02 03 00 ff e3 04 01 07 02 01 03 04 34 30 32 04 09 80 00 00 00 01 02"
            + " 03 04 05 02 01 00 02 01 00 04 07 73 6f 6d 65 6f 6e 65 04 0c c5 f5 d4 b5 0d 4e a3 af 8c bc 8e 36 04 08 73 f3"
            + " 66 2c 9f 56 e2 83 04 2c 19 62 43 4a 5f f5 39 df 5d de 4a f7 ab 2c 2d 9f 71 82 75 1a 00 61 4a 48 70 88 e8 6c"
            + " 93 47 34 df 6e a6 85 a6 7e 03 6a b4 54 f0 e8 d6";

        [TestMethod]
        public void DiscoveryProbeFromNetSnmp()
        {
            byte[] m = SnmpPackets.FromHex(DiscoveryProbe);
            V3MessageReader r = new V3MessageReader();
            AssertResult(V3ParseResult.Ok, r.Read(m, 0, m.Length), "probe");
            Assert.AreEqual(0x15819a3f, r.MsgId);
            Assert.AreEqual(65507, r.MsgMaxSize);
            Assert.AreEqual((byte)V3MsgFlags.Reportable, r.MsgFlags);
            Assert.IsFalse(r.IsAuth);
            Assert.IsFalse(r.IsPriv);
            Assert.IsTrue(r.IsReportable);
            Assert.AreEqual(3, r.SecurityModel);
            Assert.AreEqual(0, r.EngineIdLength);
            Assert.AreEqual(0, r.EngineBoots);
            Assert.AreEqual(0, r.EngineTime);
            Assert.AreEqual(0, r.UserNameLength);
            Assert.AreEqual(0, r.AuthParamsLength);
            Assert.AreEqual(0, r.PrivParamsLength);
            Assert.IsFalse(r.IsEncrypted);
            Assert.AreEqual(0, r.ContextEngineIdLength);
            Assert.AreEqual(0, r.ContextNameLength);
            Assert.AreEqual(SnmpPduType.GetRequest, r.PduType);
            Assert.AreEqual("A0 0E 02 04 4D 1C BB D8 02 01 00 02 01 00 30 00", SnmpPackets.Hex(m, r.PduOffset, r.PduLength));
        }

        [TestMethod]
        public void AuthPrivRequestFromNetSnmp()
        {
            byte[] m = SnmpPackets.FromHex(AuthPrivGet);
            V3MessageReader r = new V3MessageReader();
            AssertResult(V3ParseResult.Ok, r.Read(m, 0, m.Length), "authPriv");
            Assert.AreEqual(0x2dd7fc09, r.MsgId);
            Assert.AreEqual(65507, r.MsgMaxSize);
            Assert.AreEqual((byte)7, r.MsgFlags);
            Assert.IsTrue(r.IsAuth);
            Assert.IsTrue(r.IsPriv);
            Assert.AreEqual("80 00 00 00 01 02 03 04 05", SnmpPackets.Hex(m, r.EngineIdOffset, r.EngineIdLength));
            Assert.AreEqual(0, r.EngineBoots);
            Assert.AreEqual(0, r.EngineTime);
            Assert.AreEqual("73 6F 6D 65 6F 6E 65", SnmpPackets.Hex(m, r.UserNameOffset, r.UserNameLength));
            Assert.AreEqual(12, r.AuthParamsLength);
            Assert.AreEqual("C5 F5 D4 B5 0D 4E A3 AF 8C BC 8E 36", SnmpPackets.Hex(m, r.AuthParamsOffset, r.AuthParamsLength));
            Assert.AreEqual(8, r.PrivParamsLength);
            Assert.AreEqual("73 F3 66 2C 9F 56 E2 83", SnmpPackets.Hex(m, r.PrivParamsOffset, r.PrivParamsLength));
            Assert.IsTrue(r.IsEncrypted);
            Assert.AreEqual(44, r.EncryptedLength);
            Assert.AreEqual(m.Length - 44, r.EncryptedOffset);
            Assert.AreEqual((byte)0, r.PduType);
            Assert.AreEqual(0, r.MessageOffset);
            Assert.AreEqual(m.Length, r.MessageLength);
        }

        [TestMethod]
        public void MessageInsideALargerBuffer()
        {
            byte[] frame = SnmpPackets.FromHex(DiscoveryProbe);
            byte[] m = new byte[frame.Length + 20];
            for (int i = 0; i < m.Length; i++)
            {
                m[i] = 0xFF;
            }

            for (int i = 0; i < frame.Length; i++)
            {
                m[10 + i] = frame[i];
            }

            V3MessageReader r = new V3MessageReader();
            AssertResult(V3ParseResult.Ok, r.Read(m, 10, frame.Length), "offset 10");
            Assert.AreEqual(10 + frame.Length - 16, r.PduOffset);
            AssertResult(V3ParseResult.BadMessage, r.Read(m, 10, frame.Length + 1), "one octet more than the message");
            AssertResult(V3ParseResult.BadMessage, r.Read(m, 10, m.Length), "length past the buffer");
        }

        [TestMethod]
        public void DecryptedScopedPdu()
        {
            // A ScopedPDU as decryption would leave it, with padding after it.
            byte[] plain = SnmpPackets.FromHex("30 1A 04 05 80 00 1F 88 01 04 01 63 A0 0E 02 04 01 02 03 04 02 01 00 02 01 00 30 00 00 00 00");
            V3MessageReader r = new V3MessageReader();
            AssertResult(V3ParseResult.Ok, r.ReadScopedPdu(plain, 0, plain.Length), "decrypted");
            Assert.AreEqual("80 00 1F 88 01", SnmpPackets.Hex(plain, r.ContextEngineIdOffset, r.ContextEngineIdLength));
            Assert.AreEqual("63", SnmpPackets.Hex(plain, r.ContextNameOffset, r.ContextNameLength));
            Assert.AreEqual(12, r.PduOffset);
            Assert.AreEqual(16, r.PduLength);
            Assert.AreEqual(SnmpPduType.GetRequest, r.PduType);
            AssertResult(V3ParseResult.BadScopedPduData, r.ReadScopedPdu(plain, 0, 20), "cut");
        }

        [TestMethod]
        public void RefusalsNameWhatIsWrong()
        {
            AssertRead(V3ParseResult.Ok, Build(3, Header(1, 484, "04", 3), Usm(Os(""), 0, 0, Os(""), Os(""), Os("")), Plain()), "minimal");
            AssertRead(V3ParseResult.BadVersion, Build(1, Header(1, 484, "04", 3), Usm(Os(""), 0, 0, Os(""), Os(""), Os("")), Plain()), "v2c");
            AssertRead(V3ParseResult.UnknownSecurityModel, Build(3, Header(1, 484, "04", 2), Usm(Os(""), 0, 0, Os(""), Os(""), Os("")), Plain()), "model 2");
            AssertRead(V3ParseResult.UnknownSecurityModel, Build(3, Header(1, 484, "04", 0), Os("3031"), Plain()), "model 0, parameters not looked at");
            AssertRead(V3ParseResult.InvalidFlags, Build(3, Header(1, 484, "06", 3), Usm(Os(""), 0, 0, Os(""), Os(""), Os("")), Plain()), "priv without auth");
            AssertRead(V3ParseResult.BadMsgId, Build(3, Header(-1, 484, "04", 3), Usm(Os(""), 0, 0, Os(""), Os(""), Os("")), Plain()), "msgID -1");
            AssertRead(V3ParseResult.BadMaxSize, Build(3, Header(1, 483, "04", 3), Usm(Os(""), 0, 0, Os(""), Os(""), Os("")), Plain()), "msgMaxSize 483");
            AssertRead(V3ParseResult.BadFlags, Build(3, Header(1, 484, "0400", 3), Usm(Os(""), 0, 0, Os(""), Os(""), Os("")), Plain()), "two flag octets");
            AssertRead(V3ParseResult.BadFlags, Build(3, Header(1, 484, "", 3), Usm(Os(""), 0, 0, Os(""), Os(""), Os("")), Plain()), "no flag octet");
            AssertRead(V3ParseResult.BadEngineId, Build(3, Header(1, 484, "04", 3), Usm(Os(Repeat("01", 33)), 0, 0, Os(""), Os(""), Os("")), Plain()), "engine ID of 33");
            AssertRead(V3ParseResult.Ok, Build(3, Header(1, 484, "04", 3), Usm(Os(Repeat("01", 32)), 0, 0, Os(Repeat("61", 32)), Os(""), Os("")), Plain()), "32 and 32");
            AssertRead(V3ParseResult.BadBoots, Build(3, Header(1, 484, "04", 3), Usm(Os(""), -1, 0, Os(""), Os(""), Os("")), Plain()), "boots -1");
            AssertRead(V3ParseResult.BadTime, Build(3, Header(1, 484, "04", 3), Usm(Os(""), 0, -5, Os(""), Os(""), Os("")), Plain()), "time -5");
            AssertRead(V3ParseResult.BadUserName, Build(3, Header(1, 484, "04", 3), Usm(Os(""), 0, 0, Os(Repeat("61", 33)), Os(""), Os("")), Plain()), "user of 33");
            AssertRead(V3ParseResult.BadAuthParameters, Build(3, Header(1, 484, "04", 3), Usm(Os(""), 0, 0, Os(""), SnmpPackets.Integer(0), Os("")), Plain()), "auth not an OCTET STRING");
            AssertRead(V3ParseResult.BadPrivParameters, Build(3, Header(1, 484, "04", 3), Usm(Os(""), 0, 0, Os(""), Os(""), new byte[0]), Plain()), "priv missing");
            AssertRead(V3ParseResult.BadScopedPduData, Build(3, Header(1, 484, "07", 3), Usm(Os(""), 0, 0, Os(""), Os(""), Os("")), Plain()), "authPriv with a plaintext ScopedPDU");
            AssertRead(V3ParseResult.BadScopedPduData, Build(3, Header(1, 484, "04", 3), Usm(Os(""), 0, 0, Os(""), Os(""), Os("")), Os("0102")), "noAuth with an encryptedPDU");
            AssertRead(V3ParseResult.BadContextEngineId, Build(3, Header(1, 484, "04", 3), Usm(Os(""), 0, 0, Os(""), Os(""), Os("")), Seq(SnmpPackets.Integer(1), Os(""), Pdu())), "contextEngineID an INTEGER");
            AssertRead(V3ParseResult.BadContextName, Build(3, Header(1, 484, "04", 3), Usm(Os(""), 0, 0, Os(""), Os(""), Os("")), Seq(Os(""), Pdu())), "contextName missing");
            AssertRead(V3ParseResult.BadPdu, Build(3, Header(1, 484, "04", 3), Usm(Os(""), 0, 0, Os(""), Os(""), Os("")), Seq(Os(""), Os(""), Seq(SnmpPackets.Integer(1)))), "PDU a SEQUENCE");
            AssertRead(V3ParseResult.BadPdu, Build(3, Header(1, 484, "04", 3), Usm(Os(""), 0, 0, Os(""), Os(""), Os("")), Seq(Os(""), Os(""), Pdu(), SnmpPackets.Integer(1))), "octets after the PDU");
            AssertRead(V3ParseResult.BadEngineId, Build(3, Header(1, 484, "04", 3), Os("3000"), Plain()), "empty UsmSecurityParameters");
            AssertRead(V3ParseResult.BadSecurityParameters, Build(3, Header(1, 484, "04", 3), Os("300000"), Plain()), "an octet after UsmSecurityParameters");
            AssertRead(V3ParseResult.BadSecurityParameters, Build(3, Header(1, 484, "04", 3), SnmpPackets.Integer(0), Plain()), "parameters not an OCTET STRING");
            AssertRead(V3ParseResult.BadHeaderData, Build(3, Seq(SnmpPackets.Integer(1), SnmpPackets.Integer(484), Os("04"), SnmpPackets.Integer(3), SnmpPackets.Integer(0)), Usm(Os(""), 0, 0, Os(""), Os(""), Os("")), Plain()), "five header fields");
        }

        [TestMethod]
        public void TruncationsAndBrokenLengths()
        {
            byte[] m = SnmpPackets.FromHex(AuthPrivGet);
            V3MessageReader r = new V3MessageReader();
            for (int n = 0; n < m.Length; n++)
            {
                int result = r.Read(m, 0, n);
                Assert.IsTrue(V3ParseResult.IsParseError(result), "cut at " + n.ToString() + ": " + V3ParseResult.Name(result));
            }

            byte[] copy = SnmpPackets.FromHex(AuthPrivGet);
            copy[1] = 0x80;
            AssertResult(V3ParseResult.BadMessage, r.Read(copy, 0, copy.Length), "indefinite length");
            copy[1] = 0x84;
            AssertResult(V3ParseResult.BadMessage, r.Read(copy, 0, copy.Length), "long form past the end");
            AssertResult(V3ParseResult.BadMessage, r.Read(null, 0, 0), "no buffer");
        }

        internal static void AssertResult(int expected, int actual, string what)
        {
            Assert.AreEqual(V3ParseResult.Name(expected), V3ParseResult.Name(actual), what);
            Assert.AreEqual(expected, actual, what);
        }

        private static void AssertRead(int expected, byte[] message, string what)
        {
            V3MessageReader r = new V3MessageReader();
            AssertResult(expected, r.Read(message, 0, message.Length), what + ": " + SnmpPackets.Hex(message));
        }

        private static byte[] Build(int version, byte[] header, byte[] security, byte[] data)
        {
            return Seq(SnmpPackets.Integer(version), header, security, data);
        }

        private static byte[] Header(int msgId, int maxSize, string flagsHex, int model)
        {
            return Seq(SnmpPackets.Integer(msgId), SnmpPackets.Integer(maxSize), Os(flagsHex), SnmpPackets.Integer(model));
        }

        private static byte[] Usm(byte[] engineId, int boots, int time, byte[] user, byte[] auth, byte[] priv)
        {
            return SnmpPackets.Tlv(0x04, Seq(engineId, SnmpPackets.Integer(boots), SnmpPackets.Integer(time), user, auth, priv));
        }

        private static byte[] Plain()
        {
            return Seq(Os(""), Os(""), Pdu());
        }

        private static byte[] Pdu()
        {
            return SnmpPackets.Tlv(0xA0, SnmpPackets.Concat(new byte[][] { SnmpPackets.Integer(5), SnmpPackets.Integer(0), SnmpPackets.Integer(0), Seq() }));
        }

        private static byte[] Os(string hex)
        {
            return SnmpPackets.Tlv(0x04, SnmpPackets.FromHex(hex));
        }

        private static byte[] Seq(params byte[][] parts)
        {
            return SnmpPackets.Tlv(0x30, SnmpPackets.Concat(parts));
        }

        private static string Repeat(string hex, int n)
        {
            string s = "";
            for (int i = 0; i < n; i++)
            {
                s += hex;
            }

            return s;
        }
    }
}
