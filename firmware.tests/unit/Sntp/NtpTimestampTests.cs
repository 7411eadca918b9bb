using System;
using Ipenergy.Probe.Protocols.Sntp;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Sntp
{
    [TestClass]
    public class NtpTimestampTests
    {
        [TestMethod]
        public void GoldenTimestampReadsAsItsDate()
        {
            // 2026-01-01T00:00:00.5Z: 3976214400 s since 1900 = 0xED003780, fraction 0x80000000 = 0.5 s.
            byte[] b = { 0xED, 0x00, 0x37, 0x80, 0x80, 0x00, 0x00, 0x00 };
            long expected = new DateTime(2026, 1, 1, 0, 0, 0).Ticks + 5000000;
            Assert.AreEqual(expected, NtpTimestamp.ReadTicks(b, 0));
        }

        [TestMethod]
        public void GoldenTimestampIsWrittenByteForByte()
        {
            byte[] b = new byte[10];
            NtpTimestamp.WriteTicks(b, 1, new DateTime(2026, 1, 1, 0, 0, 0).Ticks + 5000000);
            byte[] expected = { 0, 0xED, 0x00, 0x37, 0x80, 0x80, 0x00, 0x00, 0x00, 0 };
            for (int i = 0; i < b.Length; i++)
            {
                Assert.AreEqual(expected[i], b[i], "byte " + i.ToString());
            }
        }

        [TestMethod]
        public void TopBitClearMeansEraOneFrom2036()
        {
            byte[] zero = new byte[8];
            Assert.AreEqual(new DateTime(2036, 2, 7, 6, 28, 16).Ticks, NtpTimestamp.ReadTicks(zero, 0));
            byte[] b = new byte[8];
            NtpTimestamp.WriteTicks(b, 0, new DateTime(2040, 6, 1, 12, 0, 0).Ticks);
            Assert.IsTrue(b[0] < 0x80, "era 1 seconds have the top bit clear");
            Assert.AreEqual(new DateTime(2040, 6, 1, 12, 0, 0).Ticks, NtpTimestamp.ReadTicks(b, 0));
        }

        [TestMethod]
        public void RoundTripKeepsTheTimeToATick()
        {
            long[] times =
            {
                new DateTime(1970, 1, 1, 0, 0, 0).Ticks,
                new DateTime(2016, 2, 29, 23, 59, 59, 999).Ticks + 1234,
                new DateTime(2036, 2, 7, 6, 28, 15, 999).Ticks + 9999,
                new DateTime(2099, 12, 31, 0, 0, 0).Ticks + 7,
            };
            byte[] b = new byte[8];
            for (int i = 0; i < times.Length; i++)
            {
                NtpTimestamp.WriteTicks(b, 0, times[i]);
                long back = NtpTimestamp.ReadTicks(b, 0);
                // The 2^-32 s fraction truncates: at most one tick (100 ns) lost.
                Assert.IsTrue(times[i] - back >= 0 && times[i] - back <= 1, "round trip " + i.ToString() + ": lost " + (times[i] - back).ToString());
            }
        }
    }
}
