using System;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Protocols.Snmp.Mib;
using Ipenergy.Probe.Protocols.Snmp.Usm;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Snmp
{
    /// <summary>
    /// snmpEngineID in the RFC 3411 format: 0x80000000 | enterprise (32473 = 0x7ED9), format octet, data.
    /// The expected bytes are written out by hand from the RFC 3411 SnmpEngineID DESCRIPTION.
    /// </summary>
    [TestClass]
    public class UsmEngineIdTests
    {
        [TestMethod]
        public void SerialNumberGivesTextFormat()
        {
            SnmpEngineId id = SnmpEngineId.FromSerialNumber("EP18-000123");
            Assert.AreEqual((uint)32473, EprobeOids.Enterprise);
            // 80 00 7E D9 | 04 | "EP18-000123"
            Assert.AreEqual("80007ed904" + "455031382d303030313233", HexText.From(id.Bytes, 0, id.Length));
            Assert.AreEqual(16, id.Length);
        }

        [TestMethod]
        public void MacGivesMacFormat()
        {
            SnmpEngineId id = SnmpEngineId.FromMacAddress(HexText.Parse("001a2b3c4d5e"));
            Assert.AreEqual("80007ed903001a2b3c4d5e", HexText.From(id.Bytes, 0, id.Length));
        }

        [TestMethod]
        public void OtherEnterpriseIsEncodedBigEndianWithTheFirstBitSet()
        {
            // Any enterprise number below 2^31: four octets, big-endian, first bit set.
            SnmpEngineId id = SnmpEngineId.FromText(0x12345678, "a");
            Assert.AreEqual("92345678" + "04" + "61", HexText.From(id.Bytes, 0, id.Length));
        }

        [TestMethod]
        public void TextOf27CharactersGives32OctetsAnd28IsRefused()
        {
            string text27 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0";
            SnmpEngineId id = SnmpEngineId.FromSerialNumber(text27);
            Assert.AreEqual(32, id.Length);
            Assert.AreEqual(UsmKeys.MaximumEngineIdLength, id.Length);
            Assert.IsTrue(Refused(text27 + "1"), "28 characters must be refused");
            Assert.IsTrue(Refused(""), "empty text must be refused");
            Assert.IsTrue(Refused("caf\u00e9"), "non-ASCII must be refused");
            Assert.IsTrue(Refused("a\tb"), "control characters must be refused");
        }

        [TestMethod]
        public void ShortestIdIsSixOctetsAndWithinUsmLimits()
        {
            SnmpEngineId id = SnmpEngineId.FromSerialNumber("1");
            Assert.AreEqual(6, id.Length);
            Assert.IsTrue(id.Length >= UsmKeys.MinimumEngineIdLength);
        }

        [TestMethod]
        public void MacOfWrongLengthIsRefused()
        {
            bool refused = false;
            try
            {
                SnmpEngineId.FromMacAddress(new byte[5]);
            }
            catch (ArgumentException)
            {
                refused = true;
            }

            Assert.IsTrue(refused);
        }

        [TestMethod]
        public void MatchesComparesAReceivedIdInPlace()
        {
            SnmpEngineId id = SnmpEngineId.FromSerialNumber("EP3-42");
            byte[] datagram = new byte[40];
            int n = id.CopyTo(datagram, 7);
            Assert.AreEqual(id.Length, n);
            Assert.IsTrue(id.Matches(datagram, 7, n));
            Assert.IsFalse(id.Matches(datagram, 7, n - 1));
            datagram[7 + n - 1] ^= 1;
            Assert.IsFalse(id.Matches(datagram, 7, n));
        }

        private static bool Refused(string text)
        {
            try
            {
                SnmpEngineId.FromSerialNumber(text);
                return false;
            }
            catch (ArgumentException)
            {
                return true;
            }
        }
    }
}
