using Ipenergy.Probe.Protocols.Snmp;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Snmp
{
    /// <summary>
    /// Whole request and response datagrams written by hand from RFC 1157 / RFC 3416 (message and PDU
    /// layout) and X.690 (encodings), byte for byte.
    /// </summary>
    [TestClass]
    public class SnmpMessageGoldenTests
    {
        // enterprises.32473.99.1.1.0 = 2B 06 01 04 01 81 FD 59 63 01 01 00 (12 octets).
        private const string Number = "06 0C 2B 06 01 04 01 81 FD 59 63 01 01 00";

        [TestMethod]
        public void GetRequestV2c()
        {
            SnmpMessageProcessor p = SnmpPackets.Processor(new SnmpCounters(), 1472);
            byte[] request = SnmpPackets.FromHex(
                "30 2A 02 01 01 04 06 70 75 62 6C 69 63 A0 1D 02 01 01 02 01 00 02 01 00 30 12 30 10 " + Number + " 05 00");
            SnmpPackets.AssertBytes(
                "30 2B 02 01 01 04 06 70 75 62 6C 69 63 A2 1E 02 01 01 02 01 00 02 01 00 30 13 30 11 " + Number + " 02 01 2A",
                SnmpPackets.Answer(p, request), "GET 42");
        }

        [TestMethod]
        public void GetRequestV1WithNoSuchName()
        {
            // v1 GET of .99.1.1.1 (no such instance): noSuchName, error-index 1, the request's varbinds.
            SnmpMessageProcessor p = SnmpPackets.Processor(new SnmpCounters(), 1472);
            string name = "06 0C 2B 06 01 04 01 81 FD 59 63 01 01 01";
            byte[] request = SnmpPackets.FromHex(
                "30 2C 02 01 00 04 06 70 75 62 6C 69 63 A0 1F 02 03 01 00 00 02 01 00 02 01 00 30 12 30 10 " + name + " 05 00");
            SnmpPackets.AssertBytes(
                "30 2C 02 01 00 04 06 70 75 62 6C 69 63 A2 1F 02 03 01 00 00 02 01 02 02 01 01 30 12 30 10 " + name + " 05 00",
                SnmpPackets.Answer(p, request), "v1 noSuchName");
        }

        [TestMethod]
        public void GetNextV2cAtTheEndOfTheView()
        {
            // GETNEXT of 1.3.6.1.4.1.32473.100 (after every test subtree): endOfMibView under the request's name.
            SnmpMessageProcessor p = SnmpPackets.Processor(new SnmpCounters(), 1472);
            string name = "06 08 2B 06 01 04 01 81 FD 5A";
            byte[] request = SnmpPackets.FromHex(
                "30 26 02 01 01 04 06 70 75 62 6C 69 63 A1 19 02 01 07 02 01 00 02 01 00 30 0E 30 0C " + name + " 05 00");
            SnmpPackets.AssertBytes(
                "30 26 02 01 01 04 06 70 75 62 6C 69 63 A2 19 02 01 07 02 01 00 02 01 00 30 0E 30 0C " + name + " 82 00",
                SnmpPackets.Answer(p, request), "endOfMibView");
        }

        [TestMethod]
        public void GetCounter64AndNegativeInteger()
        {
            // .99.1.4.0 Counter64 0x0123456789ABCDEF and .99.1.9.0 Integer32 -5, in one v2c GET.
            SnmpMessageProcessor p = SnmpPackets.Processor(new SnmpCounters(), 1472);
            string counter = "06 0C 2B 06 01 04 01 81 FD 59 63 01 04 00";
            string negative = "06 0C 2B 06 01 04 01 81 FD 59 63 01 09 00";
            byte[] request = SnmpPackets.FromHex(
                "30 3C 02 01 01 04 06 70 75 62 6C 69 63 A0 2F 02 01 02 02 01 00 02 01 00 30 24 30 10 " + counter + " 05 00 30 10 " + negative + " 05 00");
            SnmpPackets.AssertBytes(
                "30 45 02 01 01 04 06 70 75 62 6C 69 63 A2 38 02 01 02 02 01 00 02 01 00 30 2D 30 18 " + counter
                + " 46 08 01 23 45 67 89 AB CD EF 30 11 " + negative + " 02 01 FB",
                SnmpPackets.Answer(p, request), "Counter64 and -5");
        }

        [TestMethod]
        public void GetBulkTwoRepetitions()
        {
            // GETBULK non-repeaters 0, max-repetitions 2 of .99.2.1.4 (the Gauge32 column): cells 1 and 2.
            SnmpMessageProcessor p = SnmpPackets.Processor(new SnmpCounters(), 1472);
            string column = "2B 06 01 04 01 81 FD 59 63 02 01 04";
            byte[] request = SnmpPackets.FromHex(
                "30 2A 02 01 01 04 06 70 75 62 6C 69 63 A5 1D 02 01 03 02 01 00 02 01 02 30 12 30 10 06 0C " + column + " 05 00");
            SnmpPackets.AssertBytes(
                "30 42 02 01 01 04 06 70 75 62 6C 69 63 A2 35 02 01 03 02 01 00 02 01 00 30 2A "
                + "30 13 06 0D " + column + " 01 42 02 03 E8 30 13 06 0D " + column + " 02 42 02 07 D0",
                SnmpPackets.Answer(p, request), "GETBULK");
        }

        [TestMethod]
        public void SetRequestEchoesItsVarbinds()
        {
            // SET .99.1.1.0 = 7 with the write community "private": the response is the request with tag A2.
            SnmpMessageProcessor p = SnmpPackets.Processor(new SnmpCounters(), 1472);
            string body = " 1E 02 01 04 02 01 00 02 01 00 30 13 30 11 " + Number + " 02 01 07";
            byte[] request = SnmpPackets.FromHex("30 2C 02 01 01 04 07 70 72 69 76 61 74 65 A3" + body);
            SnmpPackets.AssertBytes("30 2C 02 01 01 04 07 70 72 69 76 61 74 65 A2" + body, SnmpPackets.Answer(p, request), "SET");
            Assert.AreEqual(7, SnmpPackets.LastScalars.Number, "written");
        }
    }
}
