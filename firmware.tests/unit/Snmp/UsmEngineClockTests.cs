using Ipenergy.Probe.Protocols.Snmp.Usm;
using Ipenergy.Probe.Tests.Unit.TestDoubles;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Snmp
{
    /// <summary>snmpEngineBoots / snmpEngineTime (RFC 3414 2.2) with a fake monotonic clock.</summary>
    [TestClass]
    public class UsmEngineClockTests
    {
        [TestMethod]
        public void TimeCountsWholeSecondsSinceStart()
        {
            SnmpTestClock time = new SnmpTestClock();
            time.MonotonicMilliseconds = 123456;
            SnmpEngineClock clock = new SnmpEngineClock(new FlashEngineBootsStore(UsmEngineBootsStoreTests.NewFlash()), time);
            Assert.IsFalse(clock.Started);
            clock.Start();
            Assert.AreEqual(1, clock.Boots);
            Assert.AreEqual(0, clock.Time);
            time.MonotonicMilliseconds = 123456 + 999;
            clock.Update();
            Assert.AreEqual(0, clock.Time);
            time.MonotonicMilliseconds = 123456 + 1000;
            clock.Update();
            Assert.AreEqual(1, clock.Time);
            time.MonotonicMilliseconds = 123456 + 86400500;
            clock.Update();
            Assert.AreEqual(86400, clock.Time);
            Assert.AreEqual(1, clock.Boots);
        }

        [TestMethod]
        public void TimeWrapsToZeroAt2Pow31SecondsAndBootsCountsTheWrap()
        {
            MemoryFlash flash = UsmEngineBootsStoreTests.NewFlash();
            SnmpTestClock time = new SnmpTestClock();
            time.MonotonicMilliseconds = 7;
            SnmpEngineClock clock = new SnmpEngineClock(new FlashEngineBootsStore(flash), time);
            clock.Start();
            Assert.AreEqual(1, clock.Boots);

            time.MonotonicMilliseconds = 7 + 2147483648000L - 1;
            clock.Update();
            Assert.AreEqual(2147483647, clock.Time);
            Assert.AreEqual(1, clock.Boots);

            time.MonotonicMilliseconds = 7 + 2147483648000L;
            clock.Update();
            Assert.AreEqual(0, clock.Time);
            Assert.AreEqual(2, clock.Boots);
            Assert.AreEqual(2, new FlashEngineBootsStore(flash).Load(), "the wrap's boots must be stored");

            // A jump over two wraps at once counts both.
            time.MonotonicMilliseconds = 7 + 3 * 2147483648000L + 5000;
            clock.Update();
            Assert.AreEqual(5, clock.Time);
            Assert.AreEqual(4, clock.Boots);
            Assert.AreEqual(4, new FlashEngineBootsStore(flash).Load());
        }

        [TestMethod]
        public void BootsLatchesAt2147483647()
        {
            MemoryFlash flash = UsmEngineBootsStoreTests.NewFlash();
            FlashEngineBootsStore store = new FlashEngineBootsStore(flash);
            store.Load();
            Assert.IsTrue(store.Save(2147483645));
            SnmpTestClock time = new SnmpTestClock();

            SnmpEngineClock clock = new SnmpEngineClock(new FlashEngineBootsStore(flash), time);
            clock.Start();
            Assert.AreEqual(2147483646, clock.Boots);
            Assert.IsFalse(clock.Latched);

            clock = new SnmpEngineClock(new FlashEngineBootsStore(flash), time);
            clock.Start();
            Assert.AreEqual(2147483647, clock.Boots);
            Assert.IsTrue(clock.Latched);
            Assert.IsTrue(clock.BootsPersisted);

            // It stays there, at each start and at a time wrap; the time still counts and wraps.
            clock = new SnmpEngineClock(new FlashEngineBootsStore(flash), time);
            clock.Start();
            Assert.AreEqual(2147483647, clock.Boots);
            time.MonotonicMilliseconds = 2147483648000L + 3000;
            clock.Update();
            Assert.AreEqual(2147483647, clock.Boots);
            Assert.AreEqual(3, clock.Time);
            Assert.AreEqual(2147483647, new FlashEngineBootsStore(flash).Load());
            Assert.AreEqual(UsmTimeliness.NotInTimeWindow, UsmTimeliness.Check(clock, clock.Boots, clock.Time));
        }

        [TestMethod]
        public void FailedSaveLatchesInsteadOfRunningOnAnUnsavedValue()
        {
            MemoryFlash flash = UsmEngineBootsStoreTests.NewFlash();
            SnmpTestClock time = new SnmpTestClock();
            new SnmpEngineClock(new FlashEngineBootsStore(flash), time).Start();
            flash.CutAfterBytes = 0;
            SnmpEngineClock clock = new SnmpEngineClock(new FlashEngineBootsStore(flash), time);
            clock.Start();
            Assert.IsFalse(clock.BootsPersisted);
            Assert.IsTrue(clock.Latched);
            Assert.AreEqual(1, new FlashEngineBootsStore(flash).Load());
        }

        [TestMethod]
        public void UpdateBeforeStartChangesNothing()
        {
            SnmpTestClock time = new SnmpTestClock();
            time.MonotonicMilliseconds = 50000;
            SnmpEngineClock clock = new SnmpEngineClock(new FlashEngineBootsStore(UsmEngineBootsStoreTests.NewFlash()), time);
            clock.Update();
            Assert.AreEqual(0, clock.Boots);
            Assert.AreEqual(0, clock.Time);
        }
    }
}
