using Ipenergy.Probe.Common;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Common
{
    [TestClass]
    public class SteadyClockTests
    {
        private const long Ms = 10000;

        [TestMethod]
        public void FollowsTheWallClockInSmallSteps()
        {
            SteadyClock clock = new SteadyClock();
            long start = 5000000 * Ms;
            clock.Advance(start);
            long begin = clock.Advance(start);
            Assert.AreEqual(begin + 100, clock.Advance(start + 100 * Ms));
            Assert.AreEqual(begin + 350, clock.Advance(start + 350 * Ms));
        }

        [TestMethod]
        public void KeepsFractionsOfAMillisecond()
        {
            SteadyClock clock = new SteadyClock();
            long t = 7000000 * Ms;
            long begin = clock.Advance(t);
            for (int i = 0; i < 10; i++)
            {
                t += Ms / 2;
                clock.Advance(t);
            }

            Assert.AreEqual(begin + 5, clock.Advance(t));
        }

        [TestMethod]
        public void WallClockSetBackwardsCountsNothing()
        {
            SteadyClock clock = new SteadyClock();
            long t = 9000000 * Ms;
            long begin = clock.Advance(t);
            Assert.AreEqual(begin, clock.Advance(t - 3600000 * Ms));
            Assert.AreEqual(begin + 10, clock.Advance(t - 3600000 * Ms + 10 * Ms));
        }

        [TestMethod]
        public void WallClockSetForwardsCountsAtMostOneStep()
        {
            SteadyClock clock = new SteadyClock();
            long t = 9000000 * Ms;
            long begin = clock.Advance(t);
            Assert.AreEqual(begin + SteadyClock.MaxStepMs, clock.Advance(t + 86400000 * Ms));
        }

        [TestMethod]
        public void RealClockMovesForward()
        {
            SteadyClock clock = new SteadyClock();
            long a = clock.Milliseconds;
            long b = clock.Milliseconds;
            Assert.IsTrue(b >= a, "went backwards");
        }
    }
}
