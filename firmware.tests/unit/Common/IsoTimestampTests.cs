using System;
using System.Text;
using Ipenergy.Probe.Common;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Common
{
    [TestClass]
    public class IsoTimestampTests
    {
        private static string Format(DateTime time)
        {
            byte[] buffer = new byte[IsoTimestamp.Length + 2];
            int end = IsoTimestamp.Write(buffer, 1, time);
            Assert.AreEqual(1 + IsoTimestamp.Length, end, "length");
            return Encoding.UTF8.GetString(buffer, 1, IsoTimestamp.Length);
        }

        [TestMethod]
        public void StartOfYear()
        {
            Assert.AreEqual("2026-01-01T00:00:00.000Z", Format(new DateTime(2026, 1, 1, 0, 0, 0, 0)));
        }

        [TestMethod]
        public void EveryFieldPadded()
        {
            Assert.AreEqual("2026-03-04T05:06:07.089Z", Format(new DateTime(2026, 3, 4, 5, 6, 7, 89)));
            Assert.AreEqual("1999-12-31T23:59:59.999Z", Format(new DateTime(1999, 12, 31, 23, 59, 59, 999)));
        }

        [TestMethod]
        public void LeapDayAndSubMillisecondTicksTruncated()
        {
            // 0.9999 ms past the second: the millisecond field truncates, it does not round up.
            DateTime time = new DateTime(2028, 2, 29, 12, 0, 0, 0).AddTicks(9999);
            Assert.AreEqual("2028-02-29T12:00:00.000Z", Format(time));
        }

        [TestMethod]
        public void Extremes()
        {
            Assert.AreEqual("0001-01-01T00:00:00.000Z", Format(DateTime.MinValue));
            Assert.AreEqual("9999-12-31T23:59:59.999Z", Format(DateTime.MaxValue));
        }
    }
}
