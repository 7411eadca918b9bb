using Ipenergy.Probe.Protocols.Snmp.Usm;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Snmp
{
    /// <summary>The usmStats counters (RFC 3414 5): OIDs and the Counter32 wrap.</summary>
    [TestClass]
    public class UsmStatsTests
    {
        [TestMethod]
        public void CountersStartAtZeroAndCountSeparately()
        {
            UsmStats stats = new UsmStats();
            for (int c = 1; c <= UsmStats.Count; c++)
            {
                Assert.AreEqual((uint)0, stats.Read(c));
            }

            stats.Increment(UsmStats.NotInTimeWindows);
            stats.Increment(UsmStats.NotInTimeWindows);
            stats.Increment(UsmStats.DecryptionErrors);
            Assert.AreEqual((uint)2, stats.Read(UsmStats.NotInTimeWindows));
            Assert.AreEqual((uint)1, stats.Read(UsmStats.DecryptionErrors));
            Assert.AreEqual((uint)0, stats.Read(UsmStats.WrongDigests));
        }

        [TestMethod]
        public void CountersWrapAt2Pow32()
        {
            UsmStats stats = new UsmStats();
            for (int c = 1; c <= UsmStats.Count; c++)
            {
                stats.Preset(c, 0xFFFFFFFE);
                stats.Increment(c);
                Assert.AreEqual(0xFFFFFFFF, stats.Read(c));
                stats.Increment(c);
                Assert.AreEqual((uint)0, stats.Read(c));
                stats.Increment(c);
                Assert.AreEqual((uint)1, stats.Read(c));
            }

            // Across the int32 sign boundary too (the counters are stored as int).
            stats.Preset(UsmStats.WrongDigests, 0x7FFFFFFF);
            stats.Increment(UsmStats.WrongDigests);
            Assert.AreEqual((uint)0x80000000, stats.Read(UsmStats.WrongDigests));
        }

        [TestMethod]
        public void InstanceOidsAreUsmStatsNZero()
        {
            Assert.AreEqual("1.3.6.1.6.3.15.1.1.1.0", Dotted(UsmStats.UnsupportedSecLevelsInstance));
            Assert.AreEqual("1.3.6.1.6.3.15.1.1.2.0", Dotted(UsmStats.NotInTimeWindowsInstance));
            Assert.AreEqual("1.3.6.1.6.3.15.1.1.3.0", Dotted(UsmStats.UnknownUserNamesInstance));
            Assert.AreEqual("1.3.6.1.6.3.15.1.1.4.0", Dotted(UsmStats.UnknownEngineIdsInstance));
            Assert.AreEqual("1.3.6.1.6.3.15.1.1.5.0", Dotted(UsmStats.WrongDigestsInstance));
            Assert.AreEqual("1.3.6.1.6.3.15.1.1.6.0", Dotted(UsmStats.DecryptionErrorsInstance));
            for (int c = 1; c <= UsmStats.Count; c++)
            {
                uint[] oid = UsmStats.InstanceOf(c);
                Assert.AreEqual(Dotted(UsmStats.Subtree) + "." + c.ToString() + ".0", Dotted(oid));
            }

            Assert.IsNull(UsmStats.InstanceOf(0));
            Assert.IsNull(UsmStats.InstanceOf(7));
        }

        private static string Dotted(uint[] oid)
        {
            string text = "";
            for (int i = 0; i < oid.Length; i++)
            {
                text += (i == 0 ? "" : ".") + oid[i].ToString();
            }

            return text;
        }
    }
}
