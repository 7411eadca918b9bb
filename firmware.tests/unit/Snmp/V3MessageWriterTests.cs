using Ipenergy.Probe.Protocols.Snmp;
using Ipenergy.Probe.Protocols.Snmp.Ber;
using Ipenergy.Probe.Protocols.Snmp.V3;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Snmp
{
    /// <summary>
    /// <see cref="V3MessageWriter"/>: a report written byte for byte as laid out by hand from RFC 3412
    /// section 6 and RFC 3414 section 2.4, and authPriv / authNoPriv answers read back by
    /// <see cref="V3MessageReader"/>.
    /// </summary>
    [TestClass]
    public class V3MessageWriterTests
    {
        private static readonly byte[] EngineId = SnmpPackets.FromHex("80 00 00 00 01 02 03 04 05");

        /// <summary>
        /// Report { request-id 1, varbind usmStatsUnknownEngineIDs.0 (1.3.6.1.6.3.15.1.1.4.0) = Counter32 5 }
        /// written with the existing <see cref="BerWriter"/>.
        /// </summary>
        internal static byte[] UnknownEngineIdReport(int requestId, uint count)
        {
            uint[] name = new uint[] { 1, 3, 6, 1, 6, 3, 15, 1, 1, 4, 0 };
            SnmpValue value = new SnmpValue();
            value.SetCounter32(count);
            int varbind = BerWriter.VarbindLength(name, name.Length, value);
            int content = BerWriter.ElementLength(BerWriter.SignedLength(requestId)) + 6 + BerWriter.ElementLength(varbind);
            byte[] pdu = new byte[BerWriter.ElementLength(content)];
            BerWriter w = new BerWriter();
            w.Reset(pdu, 0);
            w.WriteHeader(SnmpPduType.Report, content);
            w.WriteInteger(requestId);
            w.WriteInteger(0);
            w.WriteInteger(0);
            w.WriteHeader(0x30, varbind);
            w.WriteVarbind(name, name.Length, value);
            return pdu;
        }

        [TestMethod]
        public void ReportByteForByte()
        {
            byte[] pdu = UnknownEngineIdReport(1, 5);
            V3MessageWriter w = new V3MessageWriter(1472);
            byte[] scoped = new byte[100];
            int scopedLength = w.WriteScopedPdu(scoped, 0, EngineId, 0, EngineId.Length, new byte[0], 0, 0, pdu, 0, pdu.Length);
            Assert.AreEqual(V3MessageWriter.ScopedPduLength(9, 0, pdu.Length), scopedLength);
            w.MsgId = 1;
            w.MsgFlags = V3MsgFlags.Reportable;
            w.SetEngineId(EngineId, 0, EngineId.Length);
            w.EngineBoots = 1;
            w.EngineTime = 2;
            w.SetUserName(new byte[0], 0, 0);
            w.AuthParamsLength = 0;
            w.SetPrivParams(new byte[0], 0, 0);
            int n = w.WritePlaintext(scoped, 0, scopedLength);
            Assert.AreEqual(w.Length, n);
            Assert.AreEqual(
                "30 5A 02 01 03 30 0D 02 01 01 02 02 05 C0 04 01 00 02 01 03"
                + " 04 19 30 17 04 09 80 00 00 00 01 02 03 04 05 02 01 01 02 01 02 04 00 04 00 04 00"
                + " 30 2B 04 09 80 00 00 00 01 02 03 04 05 04 00"
                + " A8 1C 02 01 01 02 01 00 02 01 00 30 11 30 0F 06 0A 2B 06 01 06 03 0F 01 01 04 00 41 01 05",
                SnmpPackets.Hex(w.Message, 0, n));
        }

        [TestMethod]
        public void AuthPrivAnswerReadsBack()
        {
            byte[] user = SnmpPackets.Ascii("someone");
            byte[] salt = SnmpPackets.FromHex("00 00 00 01 00 00 00 02");
            byte[] encrypted = new byte[300];
            for (int i = 0; i < encrypted.Length; i++)
            {
                encrypted[i] = (byte)(i * 7);
            }

            V3MessageWriter w = new V3MessageWriter(1472);
            w.MsgId = int.MaxValue;
            w.MsgFlags = (byte)(V3MsgFlags.Auth | V3MsgFlags.Priv | V3MsgFlags.Reportable);
            w.SetEngineId(EngineId, 0, EngineId.Length);
            w.EngineBoots = 7;
            w.EngineTime = 123456;
            w.SetUserName(user, 0, user.Length);
            w.AuthParamsLength = 12;
            w.SetPrivParams(salt, 0, salt.Length);
            int n = w.WriteEncrypted(encrypted, 0, encrypted.Length);
            Assert.IsTrue(n > 300, "written");

            V3MessageReader r = new V3MessageReader();
            V3MessageReaderTests.AssertResult(V3ParseResult.Ok, r.Read(w.Message, 0, n), "read back");
            Assert.AreEqual(int.MaxValue, r.MsgId);
            Assert.AreEqual(1472, r.MsgMaxSize);
            Assert.AreEqual((byte)3, r.MsgFlags);
            Assert.AreEqual(SnmpPackets.Hex(EngineId), SnmpPackets.Hex(w.Message, r.EngineIdOffset, r.EngineIdLength));
            Assert.AreEqual(7, r.EngineBoots);
            Assert.AreEqual(123456, r.EngineTime);
            Assert.AreEqual("73 6F 6D 65 6F 6E 65", SnmpPackets.Hex(w.Message, r.UserNameOffset, r.UserNameLength));
            Assert.AreEqual(12, r.AuthParamsLength);
            Assert.AreEqual(w.AuthParamsOffset, r.AuthParamsOffset);
            Assert.AreEqual("00 00 00 00 00 00 00 00 00 00 00 00", SnmpPackets.Hex(w.Message, r.AuthParamsOffset, 12));
            Assert.AreEqual("00 00 00 01 00 00 00 02", SnmpPackets.Hex(w.Message, r.PrivParamsOffset, r.PrivParamsLength));
            Assert.IsTrue(r.IsEncrypted);
            Assert.AreEqual(300, r.EncryptedLength);
            Assert.AreEqual(SnmpPackets.Hex(encrypted), SnmpPackets.Hex(w.Message, r.EncryptedOffset, r.EncryptedLength));
            Assert.AreEqual(n, r.EncryptedOffset + r.EncryptedLength);
        }

        [TestMethod]
        public void AuthNoPrivWithSha256ParametersReadsBack()
        {
            byte[] pdu = UnknownEngineIdReport(77, 1);
            V3MessageWriter w = new V3MessageWriter(484);
            byte[] scoped = new byte[200];
            int scopedLength = w.WriteScopedPdu(scoped, 3, EngineId, 0, EngineId.Length, SnmpPackets.Ascii("ctx"), 0, 3, pdu, 0, pdu.Length);
            w.MsgId = 0;
            w.MsgFlags = V3MsgFlags.Auth;
            w.SetEngineId(EngineId, 0, EngineId.Length);
            w.SetUserName(SnmpPackets.Ascii("u"), 0, 1);
            w.AuthParamsLength = 24;
            w.SetPrivParams(null, 0, 0);
            int n = w.WritePlaintext(scoped, 3, scopedLength);

            V3MessageReader r = new V3MessageReader();
            V3MessageReaderTests.AssertResult(V3ParseResult.Ok, r.Read(w.Message, 0, n), "read back");
            Assert.AreEqual(484, r.MsgMaxSize);
            Assert.AreEqual((byte)1, r.MsgFlags);
            Assert.AreEqual(24, r.AuthParamsLength);
            Assert.AreEqual(w.AuthParamsOffset, r.AuthParamsOffset);
            Assert.AreEqual(0, r.PrivParamsLength);
            Assert.AreEqual("63 74 78", SnmpPackets.Hex(w.Message, r.ContextNameOffset, r.ContextNameLength));
            Assert.AreEqual(SnmpPduType.Report, r.PduType);
            Assert.AreEqual(SnmpPackets.Hex(pdu), SnmpPackets.Hex(w.Message, r.PduOffset, r.PduLength));
        }

        [TestMethod]
        public void TooBigIsRefused()
        {
            V3MessageWriter w = new V3MessageWriter(484);
            w.SetEngineId(EngineId, 0, EngineId.Length);
            w.SetUserName(new byte[0], 0, 0);
            w.SetPrivParams(new byte[0], 0, 0);
            byte[] big = new byte[480];
            Assert.AreEqual(0, w.WriteEncrypted(big, 0, big.Length), "over 484 octets");
            Assert.AreEqual(0, w.Length);
            Assert.IsTrue(w.WriteEncrypted(big, 0, 400) > 400, "fits");
            Assert.AreEqual(0, w.WriteScopedPdu(new byte[10], 0, EngineId, 0, 9, new byte[0], 0, 0, big, 0, 20), "target too small");
        }
    }
}
