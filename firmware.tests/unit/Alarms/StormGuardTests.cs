using Ipenergy.Probe.Alarms;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Alarms
{
    [TestClass]
    public class StormGuardTests
    {
        [TestMethod]
        public void SlidingWindowOfSixtySeconds()
        {
            StormGuard g = new StormGuard(3);
            g.Note(0);
            g.Note(10);
            g.Note(20);
            Assert.IsFalse(g.HasRoom(59), "3 events within 60 s");
            Assert.IsTrue(g.HasRoom(60), "the event at 0 has left the window");
            g.Note(60);
            Assert.IsFalse(g.HasRoom(69));
            Assert.IsTrue(g.HasRoom(70));
        }

        [TestMethod]
        public void ResizeKeepsTheNewestEvents()
        {
            StormGuard g = new StormGuard(4);
            for (int t = 0; t < 6; t++)
            {
                g.Note(t * 10);                      // ring holds 20, 30, 40, 50
            }

            g.Resize(2);                             // keeps 40, 50
            Assert.AreEqual(2, g.Limit);
            Assert.IsFalse(g.HasRoom(99));
            Assert.IsTrue(g.HasRoom(100));
            g.Resize(5);                             // 40, 50 and room for 3 more
            Assert.IsTrue(g.HasRoom(51));
            g.Note(51);
            g.Note(52);
            g.Note(53);
            Assert.IsFalse(g.HasRoom(99), "40, 50, 51, 52, 53 within the window");
            Assert.IsTrue(g.HasRoom(100), "40 has left");
        }
    }
}
