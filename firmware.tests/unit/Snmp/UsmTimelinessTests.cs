using Ipenergy.Probe.Protocols.Snmp.Usm;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Snmp
{
    /// <summary>RFC 3414 3.2 step 7a: boots equal, not latched, |time - local time| at most 150 s.</summary>
    [TestClass]
    public class UsmTimelinessTests
    {
        private const int In = UsmTimeliness.InTimeWindow;
        private const int Out = UsmTimeliness.NotInTimeWindow;

        [TestMethod]
        public void EqualPairIsInTheWindow()
        {
            Assert.AreEqual(In, UsmTimeliness.Check(7, 1000, 7, 1000));
        }

        [TestMethod]
        public void Plus150AndMinus150AreInThe151AreNot()
        {
            Assert.AreEqual(In, UsmTimeliness.Check(7, 1000, 7, 1150));
            Assert.AreEqual(In, UsmTimeliness.Check(7, 1000, 7, 850));
            Assert.AreEqual(Out, UsmTimeliness.Check(7, 1000, 7, 1151));
            Assert.AreEqual(Out, UsmTimeliness.Check(7, 1000, 7, 849));
        }

        [TestMethod]
        public void NearZeroTimeAndNearTheTop()
        {
            Assert.AreEqual(In, UsmTimeliness.Check(1, 0, 1, 150));
            Assert.AreEqual(Out, UsmTimeliness.Check(1, 0, 1, 151));
            Assert.AreEqual(In, UsmTimeliness.Check(1, 2147483647, 1, 2147483497));
            Assert.AreEqual(Out, UsmTimeliness.Check(1, 2147483647, 1, 2147483496));
            // The difference of the extremes overflows int: it must still be "far".
            Assert.AreEqual(Out, UsmTimeliness.Check(1, 0, 1, 2147483647));
            Assert.AreEqual(Out, UsmTimeliness.Check(1, 2147483647, 1, 0));
        }

        [TestMethod]
        public void BootsDifferIsOutEvenAtTheSameTime()
        {
            Assert.AreEqual(Out, UsmTimeliness.Check(7, 1000, 6, 1000));
            Assert.AreEqual(Out, UsmTimeliness.Check(7, 1000, 8, 1000));
            Assert.AreEqual(Out, UsmTimeliness.Check(7, 1000, -7, 1000));
        }

        [TestMethod]
        public void LatchedBootsIsAlwaysOut()
        {
            Assert.AreEqual(Out, UsmTimeliness.Check(SnmpEngineClock.MaxBoots, 1000, SnmpEngineClock.MaxBoots, 1000));
            Assert.AreEqual(Out, UsmTimeliness.Check(SnmpEngineClock.MaxBoots, 0, SnmpEngineClock.MaxBoots, 0));
        }

        [TestMethod]
        public void NegativeMessageTimeIsOut()
        {
            Assert.AreEqual(Out, UsmTimeliness.Check(1, 100, 1, -1));
            Assert.AreEqual(Out, UsmTimeliness.Check(1, 0, 1, -1));
        }

        [TestMethod]
        public void CheckAgainstTheEngineClock()
        {
            SnmpTestClock time = new SnmpTestClock();
            time.MonotonicMilliseconds = 5000;
            SnmpEngineClock clock = new SnmpEngineClock(new FlashEngineBootsStore(UsmEngineBootsStoreTests.NewFlash()), time);
            clock.Start();
            time.MonotonicMilliseconds = 5000 + 300500;
            clock.Update();
            Assert.AreEqual(1, clock.Boots);
            Assert.AreEqual(300, clock.Time);
            Assert.AreEqual(In, UsmTimeliness.Check(clock, 1, 450));
            Assert.AreEqual(In, UsmTimeliness.Check(clock, 1, 150));
            Assert.AreEqual(Out, UsmTimeliness.Check(clock, 1, 451));
            Assert.AreEqual(Out, UsmTimeliness.Check(clock, 2, 300));
        }
    }
}
