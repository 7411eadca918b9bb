using Ipenergy.Probe.Protocols.Snmp;
using Ipenergy.Probe.Protocols.Snmp.Ber;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Snmp
{
    /// <summary>The BER codec against encodings written by hand from X.690 (examples of 8.1.3, 8.3, 8.19) and RFC 2578 / 3416.</summary>
    [TestClass]
    public class BerCodecTests
    {
        private static string Written(SnmpValue value)
        {
            byte[] buffer = new byte[400];
            BerWriter writer = new BerWriter();
            writer.Reset(buffer, 0);
            writer.WriteValue(value);
            Assert.AreEqual(writer.Position, 1 + BerWriter.LengthOfLength(BerWriter.ValueLength(value)) + BerWriter.ValueLength(value), "counted length = written length");
            return SnmpPackets.Hex(buffer, 0, writer.Position);
        }

        private static string Integer(int n)
        {
            SnmpValue v = new SnmpValue();
            v.SetInteger32(n);
            return Written(v);
        }

        [TestMethod]
        public void IntegersAreMinimalTwosComplement()
        {
            Assert.AreEqual("02 01 00", Integer(0), "0");
            Assert.AreEqual("02 01 7F", Integer(127), "127");
            Assert.AreEqual("02 02 00 80", Integer(128), "128");
            Assert.AreEqual("02 02 01 00", Integer(256), "256");
            Assert.AreEqual("02 01 80", Integer(-128), "-128");
            Assert.AreEqual("02 02 FF 7F", Integer(-129), "-129");
            Assert.AreEqual("02 01 FF", Integer(-1), "-1");
            Assert.AreEqual("02 04 80 00 00 00", Integer(int.MinValue), "min Integer32");
            Assert.AreEqual("02 04 7F FF FF FF", Integer(int.MaxValue), "max Integer32");
        }

        [TestMethod]
        public void UnsignedTypesGetALeadingZeroWhenTheTopBitIsSet()
        {
            SnmpValue v = new SnmpValue();
            v.SetCounter64(ulong.MaxValue);
            Assert.AreEqual("46 09 00 FF FF FF FF FF FF FF FF", Written(v), "Counter64 max (RFC 2578: 0..18446744073709551615)");
            v.SetCounter64(0x0123456789ABCDEFUL);
            Assert.AreEqual("46 08 01 23 45 67 89 AB CD EF", Written(v), "Counter64");
            v.SetCounter32(4294967295u);
            Assert.AreEqual("41 05 00 FF FF FF FF", Written(v), "Counter32 max");
            v.SetCounter32(0);
            Assert.AreEqual("41 01 00", Written(v), "Counter32 0");
            v.SetGauge32(128);
            Assert.AreEqual("42 02 00 80", Written(v), "Gauge32 128");
            v.SetTimeTicks(360000);
            Assert.AreEqual("43 03 05 7E 40", Written(v), "TimeTicks one hour");
            v.SetIpAddress(0xC0000201u);
            Assert.AreEqual("40 04 C0 00 02 01", Written(v), "IpAddress 192.0.2.1");
        }

        [TestMethod]
        public void ObjectIdentifiersCombineTheFirstTwoArcsAndUseBase128()
        {
            SnmpValue v = new SnmpValue();
            v.SetOid(new uint[] { 2, 999, 3 }, 3);
            Assert.AreEqual("06 03 88 37 03", Written(v), "X.690 8.19.5 example {2 999 3}");
            v.SetOid(new uint[] { 1, 3, 6, 1, 4, 1, 32473 }, 7);
            Assert.AreEqual("06 08 2B 06 01 04 01 81 FD 59", Written(v), "enterprises.32473");
            v.SetOid(new uint[] { 1, 3, 4294967295u }, 3);
            Assert.AreEqual("06 06 2B 8F FF FF FF 7F", Written(v), "largest arc");
        }

        [TestMethod]
        public void StringsNullAndExceptions()
        {
            SnmpValue v = new SnmpValue();
            v.SetText("public");
            Assert.AreEqual("04 06 70 75 62 6C 69 63", Written(v), "OCTET STRING");
            v.SetNull();
            Assert.AreEqual("05 00", Written(v), "NULL");
            v.SetException(SnmpType.NoSuchObject);
            Assert.AreEqual("80 00", Written(v), "noSuchObject");
            v.SetException(SnmpType.NoSuchInstance);
            Assert.AreEqual("81 00", Written(v), "noSuchInstance");
            v.SetException(SnmpType.EndOfMibView);
            Assert.AreEqual("82 00", Written(v), "endOfMibView");
        }

        [TestMethod]
        public void LongFormLengths()
        {
            byte[] content = new byte[300];
            SnmpValue v = new SnmpValue();
            v.SetOctets(content, 0, 201);
            Assert.AreEqual("04 81 C9", Written(v).Substring(0, 8), "201: X.690 8.1.3.5 long form");
            Assert.AreEqual(3, BerWriter.LengthOfLength(300), "300 needs two length octets after 0x82");
            byte[] buffer = new byte[10];
            BerWriter writer = new BerWriter();
            writer.Reset(buffer, 0);
            writer.WriteHeader(0x30, 300);
            Assert.AreEqual("30 82 01 2C", SnmpPackets.Hex(buffer, 0, writer.Position), "300");
            writer.Reset(buffer, 0);
            writer.WriteHeader(0x30, 127);
            Assert.AreEqual("30 7F", SnmpPackets.Hex(buffer, 0, writer.Position), "127: short form");
        }

        private static bool Header(string hex, out int length)
        {
            byte[] bytes = SnmpPackets.FromHex(hex);
            BerReader reader = new BerReader();
            reader.Reset(bytes, 0, bytes.Length);
            byte tag;
            return reader.ReadHeader(out tag, out length);
        }

        [TestMethod]
        public void ReaderAcceptsShortAndLongFormLengths()
        {
            int length;
            Assert.IsTrue(Header("04 03 41 42 43", out length), "short form");
            Assert.AreEqual(3, length, "short form length");
            Assert.IsTrue(Header("04 81 03 41 42 43", out length), "long form");
            Assert.AreEqual(3, length, "long form length");
            Assert.IsTrue(Header("04 82 00 03 41 42 43", out length), "long form with a leading zero octet (BER allows it)");
            Assert.AreEqual(3, length, "long form length 2");
        }

        [TestMethod]
        public void ReaderRefusesMalformedHeaders()
        {
            int length;
            Assert.IsFalse(Header("30 80 02 01 00 00 00", out length), "indefinite length");
            Assert.IsFalse(Header("04 85 00 00 00 00 01 00", out length), "five length octets");
            Assert.IsFalse(Header("04 05 01 02", out length), "length beyond the datagram");
            Assert.IsFalse(Header("04 84 7F FF FF FF 00", out length), "huge length");
            Assert.IsFalse(Header("04 82 01", out length), "truncated length octets");
            Assert.IsFalse(Header("1F 01 00", out length), "high tag number form");
            Assert.IsFalse(Header("04", out length), "no length at all");
            Assert.IsFalse(Header("", out length), "empty");
        }

        private static bool Signed(string hex, out long value)
        {
            byte[] bytes = SnmpPackets.FromHex(hex);
            BerReader reader = new BerReader();
            reader.Reset(bytes, 0, bytes.Length);
            byte tag;
            int length;
            value = 0;
            return reader.ReadHeader(out tag, out length) && reader.ReadSigned(length, out value);
        }

        [TestMethod]
        public void ReaderIntegers()
        {
            long value;
            Assert.IsTrue(Signed("02 02 FF 7F", out value), "-129");
            Assert.AreEqual(-129L, value, "-129 value");
            Assert.IsTrue(Signed("02 08 80 00 00 00 00 00 00 00", out value), "8 octets");
            Assert.AreEqual(long.MinValue, value, "long min");
            Assert.IsFalse(Signed("02 09 00 FF FF FF FF FF FF FF FF", out value), "9 octets are refused as signed");
            Assert.IsFalse(Signed("02 00", out value), "no content octet");

            byte[] bytes = SnmpPackets.FromHex("46 09 00 FF FF FF FF FF FF FF FF");
            BerReader reader = new BerReader();
            reader.Reset(bytes, 0, bytes.Length);
            byte tag;
            int length;
            ulong unsigned = 0;
            Assert.IsTrue(reader.ReadHeader(out tag, out length) && reader.ReadUnsigned(length, out unsigned), "Counter64 max");
            Assert.AreEqual(ulong.MaxValue, unsigned, "Counter64 max value");
            bytes = SnmpPackets.FromHex("41 01 80");
            reader.Reset(bytes, 0, bytes.Length);
            Assert.IsTrue(reader.ReadHeader(out tag, out length), "header");
            Assert.IsFalse(reader.ReadUnsigned(length, out unsigned), "negative unsigned");
        }

        private static bool Oid(string hex, OidBuffer oid)
        {
            byte[] bytes = SnmpPackets.FromHex(hex);
            BerReader reader = new BerReader();
            reader.Reset(bytes, 0, bytes.Length);
            int length;
            return reader.Open(SnmpType.ObjectIdentifier, out length) && reader.ReadOid(length, oid);
        }

        private static string ArcsOf(int count)
        {
            // 0x2B is 1.3 (two arcs); every further 01 one more arc.
            string hex = "2B";
            for (int i = 2; i < count; i++)
            {
                hex += " 01";
            }

            int n = count - 1;
            string length = n < 128 ? SnmpPackets.Hex(new byte[] { (byte)n }) : "81 " + SnmpPackets.Hex(new byte[] { (byte)n });
            return "06 " + length + " " + hex;
        }

        [TestMethod]
        public void ReaderObjectIdentifiers()
        {
            OidBuffer oid = new OidBuffer();
            Assert.IsTrue(Oid("06 03 88 37 03", oid), "{2 999 3}");
            Assert.AreEqual("2.999.3", SnmpTestResponse.Dotted(oid.Arcs, oid.Length), "{2 999 3} arcs");
            Assert.IsTrue(Oid("06 01 00", oid), "0.0");
            Assert.AreEqual("0.0", SnmpTestResponse.Dotted(oid.Arcs, oid.Length), "0.0 arcs");
            Assert.IsTrue(Oid("06 06 2B 8F FF FF FF 7F", oid), "arc 2^32-1");
            Assert.AreEqual(4294967295u, oid.Arcs[2], "arc 2^32-1 value");
            Assert.IsTrue(Oid(ArcsOf(128), oid), "128 arcs");
            Assert.AreEqual(128, oid.Length, "128 arcs count");

            Assert.IsFalse(Oid(ArcsOf(129), oid), "129 arcs");
            Assert.IsFalse(Oid("06 07 2B 90 80 80 80 00", oid), "arc 2^32");
            Assert.IsFalse(Oid("06 03 2B 80 01", oid), "leading 0x80 octet");
            Assert.IsFalse(Oid("06 02 2B 81", oid), "truncated sub-identifier");
            Assert.IsFalse(Oid("06 00", oid), "empty OID");
        }
    }
}
