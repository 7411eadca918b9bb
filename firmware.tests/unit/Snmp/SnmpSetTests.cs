using Ipenergy.Probe.Protocols.Snmp;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Snmp
{
    /// <summary>SET in two phases: every varbind checked before any is written, error-index = the failing varbind.</summary>
    [TestClass]
    public class SnmpSetTests
    {
        private const string S = "1.3.6.1.4.1.32473.99.1";
        private const string T = "1.3.6.1.4.1.32473.99.2.1";

        private static byte[] Set(int version, string community, byte[][] varbinds)
        {
            return SnmpPackets.Request(version, community, 0xA3, 77, 0, 0, varbinds);
        }

        [TestMethod]
        public void SetCommitsEveryVarbindAndEchoesThem()
        {
            SnmpCounters counters = new SnmpCounters();
            SnmpMessageProcessor p = SnmpPackets.Processor(counters, 1472);
            SnmpTestResponse r = SnmpPackets.Decoded(p, Set(1, "private", new byte[][]
            {
                SnmpPackets.Varbind(S + ".1.0", SnmpPackets.Integer(7)),
                SnmpPackets.Varbind(S + ".2.0", SnmpPackets.OctetString("rack B12")),
                SnmpPackets.Varbind(T + ".2.5", SnmpPackets.Integer(99)),
            }));
            r.AssertError(0, 0, "SET");
            Assert.AreEqual(3, r.Count, "varbinds echoed");
            r.AssertVarbind(1, S + ".2.0", SnmpType.OctetString, "value echoed");
            Assert.AreEqual(7, SnmpPackets.LastScalars.Number, "scalar 1 written");
            Assert.AreEqual("rack B12", SnmpPackets.LastScalars.Text, "scalar 2 written");
            Assert.AreEqual(99, SnmpPackets.LastTable.Level(2), "row index 5 written");
            Assert.AreEqual(3u, counters.Read(SnmpCounters.InTotalSetVars), "snmpInTotalSetVars");
            Assert.AreEqual(1u, counters.Read(SnmpCounters.InSetRequests), "snmpInSetRequests");
        }

        [TestMethod]
        public void SetOfAnIpAddressTakesItsFourOctets()
        {
            SnmpMessageProcessor p = SnmpPackets.Processor(new SnmpCounters(), 1472);
            SnmpPackets.Decoded(p, Set(1, "private", new byte[][] { SnmpPackets.Varbind(S + ".7.0", SnmpPackets.FromHex("40 04 C0 00 02 FE")) }))
                .AssertError(0, 0, "SET IpAddress");
            Assert.AreEqual(0xC00002FEu, SnmpPackets.LastScalars.Address, "192.0.2.254");
            SnmpPackets.Decoded(p, Set(1, "private", new byte[][] { SnmpPackets.Varbind(S + ".7.0", SnmpPackets.OctetString("abcd")) }))
                .AssertError(SnmpErrorStatus.WrongType, 1, "an OCTET STRING is not an IpAddress");
        }

        [TestMethod]
        public void AFailingVarbindStopsTheWholeSetBeforeAnyWrite()
        {
            SnmpMessageProcessor p = SnmpPackets.Processor(new SnmpCounters(), 1472);
            byte[][] varbinds = new byte[][]
            {
                SnmpPackets.Varbind(S + ".1.0", SnmpPackets.Integer(7)),
                SnmpPackets.Varbind(S + ".3.0", SnmpPackets.Integer(1)),
            };
            SnmpTestResponse r = SnmpPackets.Decoded(p, Set(1, "private", varbinds));
            r.AssertError(SnmpErrorStatus.NotWritable, 2, "read-only Counter32 in v2c");
            Assert.AreEqual(0, SnmpPackets.LastScalars.Commits, "nothing committed");
            Assert.AreEqual(42, SnmpPackets.LastScalars.Number, "scalar 1 unchanged");
            r = SnmpPackets.Decoded(p, Set(0, "private", varbinds));
            r.AssertError(SnmpErrorStatus.NoSuchName, 2, "notWritable -> noSuchName in v1 (RFC 3584 4.3)");
            Assert.AreEqual(2, r.Count, "request varbinds");
        }

        [TestMethod]
        public void ValueErrorsMapToBadValueInV1()
        {
            SnmpCounters counters = new SnmpCounters();
            SnmpMessageProcessor p = SnmpPackets.Processor(counters, 1472);
            byte[][] wrongType = new byte[][] { SnmpPackets.Varbind(S + ".1.0", SnmpPackets.OctetString("x")) };
            SnmpPackets.Decoded(p, Set(1, "private", wrongType)).AssertError(SnmpErrorStatus.WrongType, 1, "v2c wrongType");
            SnmpPackets.Decoded(p, Set(0, "private", wrongType)).AssertError(SnmpErrorStatus.BadValue, 1, "v1 badValue");
            byte[][] wrongValue = new byte[][]
            {
                SnmpPackets.Varbind(S + ".2.0", SnmpPackets.OctetString("ok")),
                SnmpPackets.Varbind(S + ".1.0", SnmpPackets.Integer(1000)),
            };
            SnmpPackets.Decoded(p, Set(1, "private", wrongValue)).AssertError(SnmpErrorStatus.WrongValue, 2, "v2c wrongValue");
            byte[][] wrongLength = new byte[][] { SnmpPackets.Varbind(S + ".2.0", SnmpPackets.OctetString("seventeen octets!")) };
            SnmpPackets.Decoded(p, Set(1, "private", wrongLength)).AssertError(SnmpErrorStatus.WrongLength, 1, "v2c wrongLength");
            byte[][] exception = new byte[][] { SnmpPackets.Varbind(S + ".1.0", new byte[] { 0x81, 0x00 }) };
            SnmpPackets.Decoded(p, Set(1, "private", exception)).AssertError(SnmpErrorStatus.WrongType, 1, "an exception as a value");
            Assert.AreEqual(1u, counters.Read(SnmpCounters.OutBadValues), "snmpOutBadValues");
            Assert.AreEqual(0, SnmpPackets.LastScalars.Commits, "nothing committed");
        }

        [TestMethod]
        public void UnknownObjectsAndRowsCannotBeCreated()
        {
            SnmpMessageProcessor p = SnmpPackets.Processor(new SnmpCounters(), 1472);
            SnmpPackets.Decoded(p, Set(1, "private", new byte[][] { SnmpPackets.Varbind("1.3.6.1.4.1.32473.98.0", SnmpPackets.Integer(1)) }))
                .AssertError(SnmpErrorStatus.NotWritable, 1, "outside the view");
            SnmpPackets.Decoded(p, Set(1, "private", new byte[][] { SnmpPackets.Varbind(T + ".2.3", SnmpPackets.Integer(1)) }))
                .AssertError(SnmpErrorStatus.NoCreation, 1, "a row that does not exist");
            SnmpPackets.Decoded(p, Set(1, "private", new byte[][] { SnmpPackets.Varbind(T + ".3.1", SnmpPackets.OctetString("x")) }))
                .AssertError(SnmpErrorStatus.NotWritable, 1, "a read-only column");
            SnmpPackets.Decoded(p, Set(0, "private", new byte[][] { SnmpPackets.Varbind(T + ".2.3", SnmpPackets.Integer(1)) }))
                .AssertError(SnmpErrorStatus.NoSuchName, 1, "noCreation -> noSuchName in v1");
        }

        [TestMethod]
        public void CommitFailures()
        {
            SnmpMessageProcessor p = SnmpPackets.Processor(new SnmpCounters(), 1472);
            SnmpPackets.Decoded(p, Set(1, "private", new byte[][] { SnmpPackets.Varbind(S + ".9.0", SnmpPackets.Integer(1)) }))
                .AssertError(SnmpErrorStatus.CommitFailed, 1, "the first commit fails: nothing applied");
            SnmpPackets.Decoded(p, Set(1, "private", new byte[][]
            {
                SnmpPackets.Varbind(S + ".1.0", SnmpPackets.Integer(3)),
                SnmpPackets.Varbind(S + ".9.0", SnmpPackets.Integer(1)),
            })).AssertError(SnmpErrorStatus.UndoFailed, 0, "a later commit fails: the first cannot be undone");
            SnmpPackets.Decoded(p, Set(0, "private", new byte[][] { SnmpPackets.Varbind(S + ".9.0", SnmpPackets.Integer(1)) }))
                .AssertError(SnmpErrorStatus.GenErr, 1, "commitFailed -> genErr in v1");
        }

        [TestMethod]
        public void SetWithTheReadCommunityIsRefusedWithNoAccess()
        {
            SnmpCounters counters = new SnmpCounters();
            SnmpMessageProcessor p = SnmpPackets.Processor(counters, 1472);
            byte[][] varbinds = new byte[][] { SnmpPackets.Varbind(S + ".1.0", SnmpPackets.Integer(7)) };
            SnmpPackets.Decoded(p, Set(1, "public", varbinds)).AssertError(SnmpErrorStatus.NoAccess, 1, "v2c");
            SnmpPackets.Decoded(p, Set(0, "public", varbinds)).AssertError(SnmpErrorStatus.NoSuchName, 1, "v1");
            Assert.AreEqual(2u, counters.Read(SnmpCounters.InBadCommunityUses), "snmpInBadCommunityUses");
            Assert.IsNull(SnmpPackets.Answer(p, Set(1, "other", varbinds)), "unknown community: no answer");
            Assert.AreEqual(42, SnmpPackets.LastScalars.Number, "unchanged");
        }

        [TestMethod]
        public void AnEmptyWriteCommunityTurnsWritesOff()
        {
            SnmpCounters counters = new SnmpCounters();
            SnmpSettings settings = new SnmpSettings();
            settings.ReadCommunity = "public";
            settings.WriteCommunity = "";
            TestScalars scalars = new TestScalars();
            SnmpMessageProcessor p = new SnmpMessageProcessor(new MibTree(new IMibSubtree[] { scalars }), counters, settings, 1472);
            byte[][] varbinds = new byte[][] { SnmpPackets.Varbind(S + ".1.0", SnmpPackets.Integer(7)) };
            Assert.IsNull(SnmpPackets.Answer(p, Set(1, "", varbinds)), "the empty community is no write community");
            SnmpPackets.Decoded(p, Set(1, "public", varbinds)).AssertError(SnmpErrorStatus.NoAccess, 1, "read community");
            Assert.AreEqual(42, scalars.Number, "unchanged");
        }
    }
}
