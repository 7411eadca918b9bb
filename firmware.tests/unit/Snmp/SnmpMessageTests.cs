using Ipenergy.Probe.Protocols.Snmp;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Snmp
{
    /// <summary>GET, GETNEXT, GETBULK, communities, versions and malformed messages through the message layer.</summary>
    [TestClass]
    public class SnmpMessageTests
    {
        private const string S = "1.3.6.1.4.1.32473.99.1";
        private const string T = "1.3.6.1.4.1.32473.99.2.1";

        [TestMethod]
        public void GetV2cExceptionsPerVarbind()
        {
            SnmpCounters counters = new SnmpCounters();
            SnmpMessageProcessor p = SnmpPackets.Processor(counters, 1472);
            SnmpTestResponse r = SnmpPackets.Decoded(p, SnmpPackets.Get(1, "public",
                new string[] { S + ".1.0", "1.3.6.1.4.1.32473.98.0", S + ".1.1", S + ".77.0", T + ".4.5", T + ".3.2" }));
            r.AssertError(0, 0, "v2c GET");
            Assert.AreEqual(1000, r.RequestId, "request-id echoed");
            r.AssertVarbind(0, S + ".1.0", SnmpType.Integer, "scalar");
            r.AssertVarbind(1, "1.3.6.1.4.1.32473.98.0", SnmpType.NoSuchObject, "outside every subtree");
            r.AssertVarbind(2, S + ".1.1", SnmpType.NoSuchInstance, "scalar with instance 1");
            r.AssertVarbind(3, S + ".77.0", SnmpType.NoSuchObject, "unknown scalar");
            r.AssertVarbind(4, T + ".4.5", SnmpType.NoSuchInstance, "sparse cell");
            r.AssertVarbind(5, T + ".3.2", SnmpType.OctetString, "table cell");
            Assert.AreEqual(1u, counters.Read(SnmpCounters.InGetRequests), "snmpInGetRequests");
            Assert.AreEqual(6u, counters.Read(SnmpCounters.InTotalReqVars), "snmpInTotalReqVars");
            Assert.AreEqual(1u, counters.Read(SnmpCounters.OutGetResponses), "snmpOutGetResponses");
            Assert.AreEqual(1, SnmpPackets.LastScalars.Requests, "one BeginRequest per request");
        }

        [TestMethod]
        public void GetV1NoSuchNameWithIndexAndCounter64()
        {
            SnmpCounters counters = new SnmpCounters();
            SnmpMessageProcessor p = SnmpPackets.Processor(counters, 1472);
            SnmpTestResponse r = SnmpPackets.Decoded(p, SnmpPackets.Get(0, "public", new string[] { S + ".1.0", S + ".2.0", "1.3.6.1.4.1.32473.98.0" }));
            r.AssertError(SnmpErrorStatus.NoSuchName, 3, "v1 GET of a missing object");
            Assert.AreEqual(3, r.Count, "v1 errors carry the request's varbinds");
            r.AssertVarbind(0, S + ".1.0", SnmpType.Null, "request varbind 1 unchanged");
            r = SnmpPackets.Decoded(p, SnmpPackets.Get(0, "public", new string[] { S + ".1.0", S + ".4.0" }));
            r.AssertError(SnmpErrorStatus.NoSuchName, 2, "v1 GET of a Counter64 (RFC 3584 4.2.2.1)");
            Assert.AreEqual(2u, counters.Read(SnmpCounters.OutNoSuchNames), "snmpOutNoSuchNames");
        }

        [TestMethod]
        public void GetNextWalksAcrossSubtreesInOrder()
        {
            SnmpMessageProcessor p = SnmpPackets.Processor(new SnmpCounters(), 1472);
            SnmpTestResponse r = SnmpPackets.Decoded(p, SnmpPackets.GetNext(1, "public",
                new string[] { "1.3.6.1", S + ".9.0", T + ".2.5", T + ".4.2", T + ".4.5" }));
            r.AssertError(0, 0, "GETNEXT");
            r.AssertVarbind(0, S + ".1.0", SnmpType.Integer, "first object of the view");
            r.AssertVarbind(1, T + ".2.1", SnmpType.Integer, "last scalar -> first table cell");
            r.AssertVarbind(2, T + ".3.1", SnmpType.OctetString, "end of a column -> next column");
            r.AssertVarbind(3, T + ".4.2", SnmpType.EndOfMibView, "sparse row 5 skipped, then the end of the view");
            r.AssertVarbind(4, T + ".4.5", SnmpType.EndOfMibView, "after the last object");
        }

        [TestMethod]
        public void GetNextV1SkipsCounter64AndAnswersNoSuchNameAtTheEnd()
        {
            SnmpMessageProcessor p = SnmpPackets.Processor(new SnmpCounters(), 1472);
            SnmpTestResponse r = SnmpPackets.Decoded(p, SnmpPackets.GetNext(0, "public", new string[] { S + ".3.0" }));
            r.AssertError(0, 0, "v1 GETNEXT");
            r.AssertVarbind(0, S + ".5.0", SnmpType.Gauge32, "the Counter64 .4.0 is skipped in v1");
            r = SnmpPackets.Decoded(p, SnmpPackets.GetNext(1, "public", new string[] { S + ".3.0" }));
            r.AssertVarbind(0, S + ".4.0", SnmpType.Counter64, "v2c sees the Counter64");
            r = SnmpPackets.Decoded(p, SnmpPackets.GetNext(0, "public", new string[] { S + ".1.0", T + ".4.2" }));
            r.AssertError(SnmpErrorStatus.NoSuchName, 2, "v1 GETNEXT past the end");
            r.AssertVarbind(1, T + ".4.2", SnmpType.Null, "the request's varbinds");
        }

        [TestMethod]
        public void GetBulkRepeatsAfterNonRepeaters()
        {
            SnmpMessageProcessor p = SnmpPackets.Processor(new SnmpCounters(), 1472);
            SnmpTestResponse r = SnmpPackets.Decoded(p, SnmpPackets.GetBulk("public", 1, 3, new string[] { S, S + ".5", T + ".3" }));
            r.AssertError(0, 0, "GETBULK");
            Assert.AreEqual(7, r.Count, "1 non-repeater + 3 repetitions of 2");
            r.AssertVarbind(0, S + ".1.0", SnmpType.Integer, "non-repeater");
            r.AssertVarbind(1, S + ".5.0", SnmpType.Gauge32, "repetition 1, repeater 1");
            r.AssertVarbind(2, T + ".3.1", SnmpType.OctetString, "repetition 1, repeater 2");
            r.AssertVarbind(3, S + ".6.0", SnmpType.TimeTicks, "repetition 2, repeater 1");
            r.AssertVarbind(4, T + ".3.2", SnmpType.OctetString, "repetition 2, repeater 2");
            r.AssertVarbind(5, S + ".7.0", SnmpType.IpAddress, "repetition 3, repeater 1");
            r.AssertVarbind(6, T + ".3.5", SnmpType.OctetString, "repetition 3, repeater 2");
        }

        [TestMethod]
        public void GetBulkEndsWithEndOfMibViewAndStopsRepeatingIt()
        {
            SnmpMessageProcessor p = SnmpPackets.Processor(new SnmpCounters(), 1472);
            SnmpTestResponse r = SnmpPackets.Decoded(p, SnmpPackets.GetBulk("public", 0, 50, new string[] { T + ".4" }));
            Assert.AreEqual(3, r.Count, "two cells, then one endOfMibView and no more repetitions");
            r.AssertVarbind(0, T + ".4.1", SnmpType.Gauge32, "cell 1");
            r.AssertVarbind(1, T + ".4.2", SnmpType.Gauge32, "cell 2");
            r.AssertVarbind(2, T + ".4.2", SnmpType.EndOfMibView, "end of the view under the last name");

            r = SnmpPackets.Decoded(p, SnmpPackets.GetBulk("public", 5, -3, new string[] { S + ".8.0", T + ".4.5" }));
            Assert.AreEqual(2, r.Count, "non-repeaters capped at the varbind count, negative repetitions = 0");
            r.AssertVarbind(1, T + ".4.5", SnmpType.EndOfMibView, "non-repeater at the end");
        }

        [TestMethod]
        public void GetBulkIsCutToTheMessageSizeWithoutTooBig()
        {
            SnmpMessageProcessor p = SnmpPackets.Processor(new SnmpCounters(), 484);
            SnmpPackets.LastScalars.Text = "0123456789012345678901234567890123456789";
            byte[] answer = SnmpPackets.Answer(p, SnmpPackets.GetBulk("public", 0, 1000, new string[] { S + ".2", S + ".2", S + ".2", S + ".2" }));
            Assert.IsNotNull(answer, "answered");
            Assert.IsTrue(answer.Length <= 484, "within 484 octets: " + answer.Length.ToString());
            SnmpTestResponse r = SnmpTestResponse.Parse(answer);
            r.AssertError(0, 0, "GETBULK cut, not tooBig");
            Assert.IsTrue(r.Count >= 4 && r.Count < 40, "some varbinds: " + r.Count.ToString());
            int next = p.Process(SnmpPackets.GetBulk("public", 0, 1000, new string[] { S }), 0, 0);
            Assert.AreEqual(0, next, "an empty datagram gets no answer");
        }

        [TestMethod]
        public void GetTooBigV2cHasNoVarbindsV1KeepsThem()
        {
            SnmpCounters counters = new SnmpCounters();
            SnmpMessageProcessor p = SnmpPackets.Processor(counters, 484);
            SnmpPackets.LastScalars.Text = "0123456789012345678901234567890123456789012345678901234567890123456789";
            string[] names = new string[12];
            for (int i = 0; i < names.Length; i++)
            {
                names[i] = S + ".2.0";
            }

            SnmpTestResponse r = SnmpPackets.Decoded(p, SnmpPackets.Get(1, "public", names));
            r.AssertError(SnmpErrorStatus.TooBig, 0, "v2c GET too big");
            Assert.AreEqual(0, r.Count, "RFC 3416 4.2.1: empty varbinds");
            r = SnmpPackets.Decoded(p, SnmpPackets.Get(0, "public", names));
            r.AssertError(SnmpErrorStatus.TooBig, 0, "v1 GET too big");
            Assert.AreEqual(12, r.Count, "RFC 1157 4.1.2: the request's varbinds");
            for (int i = 0; i < names.Length; i++)
            {
                names[i] = S + ".1.0";
            }

            r = SnmpPackets.Decoded(p, SnmpPackets.GetNext(1, "public", names));
            r.AssertError(SnmpErrorStatus.TooBig, 0, "v2c GETNEXT too big");
            Assert.AreEqual(3u, counters.Read(SnmpCounters.OutTooBigs), "snmpOutTooBigs");
        }

        [TestMethod]
        public void WrongCommunityGetsNoAnswer()
        {
            SnmpCounters counters = new SnmpCounters();
            SnmpMessageProcessor p = SnmpPackets.Processor(counters, 1472);
            Assert.IsNull(SnmpPackets.Answer(p, SnmpPackets.Get(1, "secret", new string[] { S + ".1.0" })), "wrong community");
            Assert.IsNull(SnmpPackets.Answer(p, SnmpPackets.Get(0, "", new string[] { S + ".1.0" })), "empty community");
            Assert.IsNull(SnmpPackets.Answer(p, SnmpPackets.Get(1, "publi", new string[] { S + ".1.0" })), "prefix of the community");
            Assert.IsNull(SnmpPackets.Answer(p, SnmpPackets.Get(1, "publicc", new string[] { S + ".1.0" })), "community with more");
            Assert.AreEqual(4u, counters.Read(SnmpCounters.InBadCommunityNames), "snmpInBadCommunityNames");
            Assert.AreEqual(0u, counters.Read(SnmpCounters.OutPkts), "nothing sent");
            Assert.IsNotNull(SnmpPackets.Answer(p, SnmpPackets.Get(1, "private", new string[] { S + ".1.0" })), "the write community reads too");
        }

        [TestMethod]
        public void UnknownVersionsAndOtherPdusAreDropped()
        {
            SnmpCounters counters = new SnmpCounters();
            SnmpMessageProcessor p = SnmpPackets.Processor(counters, 1472);
            Assert.IsNull(SnmpPackets.Answer(p, SnmpPackets.Get(2, "public", new string[] { S + ".1.0" })), "version 2 (SNMPv2u)");
            Assert.IsNull(SnmpPackets.Answer(p, SnmpPackets.Get(3, "public", new string[] { S + ".1.0" })), "version 3");
            Assert.AreEqual(2u, counters.Read(SnmpCounters.InBadVersions), "snmpInBadVersions");
            Assert.IsNull(SnmpPackets.Answer(p, SnmpPackets.Request(1, "public", 0xA2, 5, 2, 1, SnmpPackets.NullVarbinds(new string[] { S }))), "Response");
            Assert.AreEqual(1u, counters.Read(SnmpCounters.InGetResponses), "snmpInGetResponses");
            Assert.AreEqual(1u, counters.Read(SnmpCounters.InNoSuchNames), "snmpInNoSuchNames of the received response");
            Assert.IsNull(SnmpPackets.Answer(p, SnmpPackets.Request(1, "public", 0xA7, 5, 0, 0, SnmpPackets.NullVarbinds(new string[] { S }))), "SNMPv2-Trap");
            Assert.IsNull(SnmpPackets.Answer(p, SnmpPackets.Request(1, "public", 0xA8, 5, 0, 0, SnmpPackets.NullVarbinds(new string[] { S }))), "Report");
            Assert.AreEqual(1u, counters.Read(SnmpCounters.InTraps), "snmpInTraps");
            Assert.IsNull(SnmpPackets.Answer(p, SnmpPackets.Request(0, "public", 0xA5, 5, 0, 5, SnmpPackets.NullVarbinds(new string[] { S }))), "GETBULK in v1");
            Assert.AreEqual(0u, counters.Read(SnmpCounters.OutPkts), "nothing sent");
        }

        [TestMethod]
        public void MalformedMessagesCountAsParseErrors()
        {
            SnmpCounters counters = new SnmpCounters();
            SnmpMessageProcessor p = SnmpPackets.Processor(counters, 1472);
            byte[] good = SnmpPackets.Get(1, "public", new string[] { S + ".1.0" });
            string[] bad = new string[]
            {
                "30 80 02 01 01 04 06 70 75 62 6C 69 63 A0 80 02 01 01 02 01 00 02 01 00 30 80 00 00 00 00 00 00",
                "30 05 02 01 01 04 06",
                "30 0B 02 09 01 00 00 00 00 00 00 00 01",
                "02 01 01",
                "30 0F 02 01 01 04 06 70 75 62 6C 69 63 A0 02 02 01",
                "30 1B 02 01 01 04 06 70 75 62 6C 69 63 A0 0E 02 01 01 02 01 00 02 01 00 30 03 30 01 05",
                "30 1D 02 01 01 04 06 70 75 62 6C 69 63 A0 10 02 01 01 02 01 00 02 01 00 30 05 30 03 06 01 2B",
                "30 1F 02 01 01 04 06 70 75 62 6C 69 63 A0 12 02 01 01 02 01 00 02 01 00 30 07 30 05 06 01 2B 05 01",
                "30 1F 02 01 01 04 06 70 75 62 6C 69 63 A9 12 02 01 01 02 01 00 02 01 00 30 07 30 05 06 01 2B 05 00",
            };
            for (int i = 0; i < bad.Length; i++)
            {
                Assert.IsNull(SnmpPackets.Answer(p, SnmpPackets.FromHex(bad[i])), "malformed " + i.ToString());
            }

            Assert.AreEqual((uint)bad.Length, counters.Read(SnmpCounters.InAsnParseErrs), "snmpInASNParseErrs");
            byte[] truncated = new byte[good.Length - 1];
            for (int i = 0; i < truncated.Length; i++)
            {
                truncated[i] = good[i];
            }

            Assert.IsNull(SnmpPackets.Answer(p, truncated), "truncated");
            Assert.IsNotNull(SnmpPackets.Answer(p, good), "still answers");
            Assert.AreEqual((uint)(bad.Length + 2), counters.Read(SnmpCounters.InPkts), "snmpInPkts");
        }
    }
}
