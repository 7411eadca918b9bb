using System;
using Ipenergy.Probe.Protocols.Snmp.Usm;
using Ipenergy.Probe.Tests.Unit.TestDoubles;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Snmp
{
    /// <summary>
    /// snmpEngineBoots on flash: one more per start, across stores re-created over the same flash (a reboot), and
    /// never lower than a value read before, whatever byte a power cut lands on.
    /// </summary>
    [TestClass]
    public class UsmEngineBootsStoreTests
    {
        /// <summary>2 sectors of 1 KiB, 256-byte pages: 4 records per sector, so a few starts cross sectors and erase.</summary>
        public static MemoryFlash NewFlash()
        {
            return new MemoryFlash(FlashEngineBootsStore.PartitionName, 1024, 256, 2);
        }

        [TestMethod]
        public void BlankPartitionLoadsZero()
        {
            Assert.AreEqual(0, new FlashEngineBootsStore(NewFlash()).Load());
        }

        [TestMethod]
        public void BootsGoesUpByOnePerStartAcrossReboots()
        {
            MemoryFlash flash = NewFlash();
            SnmpTestClock time = new SnmpTestClock();
            for (int start = 1; start <= 40; start++)
            {
                SnmpEngineClock clock = new SnmpEngineClock(new FlashEngineBootsStore(flash), time);
                clock.Start();
                Assert.AreEqual(start, clock.Boots, "start " + start.ToString());
                Assert.IsTrue(clock.BootsPersisted);
                Assert.IsFalse(clock.Latched);
                Assert.AreEqual(start, new FlashEngineBootsStore(flash).Load());
            }

            // 40 starts on 8 slots: the ring went round, erasing as it went.
            Assert.IsTrue(flash.EraseCount(0) >= 4 && flash.EraseCount(1) >= 4, "erases " + flash.EraseCount(0).ToString() + "/" + flash.EraseCount(1).ToString());
        }

        [TestMethod]
        public void LowerValueIsRefusedEqualIsNotRewritten()
        {
            MemoryFlash flash = NewFlash();
            FlashEngineBootsStore store = new FlashEngineBootsStore(flash);
            Assert.AreEqual(0, store.Load());
            Assert.IsTrue(store.Save(5));
            Assert.IsFalse(store.Save(4));
            Assert.IsFalse(store.Save(-1));
            uint sequence = store.Log.NewestSequence;
            Assert.IsTrue(store.Save(5));
            Assert.AreEqual(sequence, store.Log.NewestSequence, "an equal value must not be written again");
            Assert.AreEqual(5, new FlashEngineBootsStore(flash).Load());

            // A store that was never loaded loads before it compares.
            FlashEngineBootsStore fresh = new FlashEngineBootsStore(flash);
            Assert.IsFalse(fresh.Save(3));
            Assert.IsTrue(fresh.Save(6));
            Assert.AreEqual(6, new FlashEngineBootsStore(flash).Load());
        }

        [TestMethod]
        public void PowerCutAtEveryByteOfManyStartsNeverGoesBack()
        {
            MemoryFlash flash = NewFlash();
            SnmpTestClock time = new SnmpTestClock();
            int cutsTried = 0;
            for (int start = 1; start <= 12; start++)
            {
                byte[] before = new byte[flash.Raw.Length];
                Array.Copy(flash.Raw, before, before.Length);
                int previous = new FlashEngineBootsStore(flash).Load();
                Assert.AreEqual(start - 1, previous);

                // How many bytes this start programs and erases.
                flash.CutAfterBytes = int.MaxValue;
                SnmpEngineClock clock = new SnmpEngineClock(new FlashEngineBootsStore(flash), time);
                clock.Start();
                int span = int.MaxValue - flash.CutAfterBytes;
                flash.CutAfterBytes = -1;
                Assert.AreEqual(start, clock.Boots);
                Assert.IsTrue(span > 0);

                for (int cut = 0; cut < span; cut++)
                {
                    MemoryFlash torn = NewFlash();
                    Array.Copy(before, torn.Raw, before.Length);
                    torn.CutAfterBytes = cut;
                    SnmpEngineClock cutClock = new SnmpEngineClock(new FlashEngineBootsStore(torn), time);
                    cutClock.Start();

                    // The save did not complete: the engine must not run on the unsaved value.
                    Assert.IsFalse(cutClock.BootsPersisted, "cut " + cut.ToString());
                    Assert.IsTrue(cutClock.Latched);

                    // Reboot: the value is the old or the new one, never lower than what was read before.
                    int after = new FlashEngineBootsStore(torn).Load();
                    Assert.IsTrue(after == previous || after == previous + 1,
                        "start " + start.ToString() + " cut " + cut.ToString() + ": " + after.ToString() + " after " + previous.ToString());

                    // And the next start goes on from there.
                    SnmpEngineClock next = new SnmpEngineClock(new FlashEngineBootsStore(torn), time);
                    next.Start();
                    Assert.AreEqual(after + 1, next.Boots);
                    Assert.IsTrue(next.BootsPersisted);
                    Assert.AreEqual(after + 1, new FlashEngineBootsStore(torn).Load());
                    cutsTried++;
                }
            }

            Assert.IsTrue(cutsTried > 12 * 20, "cuts tried: " + cutsTried.ToString());
        }

        [TestMethod]
        public void TornNewerRecordKeepsTheOlderAndCountsAsAPossibleNewer()
        {
            MemoryFlash flash = NewFlash();
            FlashEngineBootsStore store = new FlashEngineBootsStore(flash);
            store.Load();
            Assert.IsTrue(store.Save(1));
            Assert.IsTrue(store.Save(2));

            // The third record is cut just before its commit marker: 20 bytes of header and payload programmed.
            flash.CutAfterBytes = 20;
            Assert.IsFalse(store.Save(3));

            // The record of 2 stands; the torn slot after it might have been a committed 3 that went bad, so
            // Load answers 3 and no start can reuse it.
            FlashEngineBootsStore after = new FlashEngineBootsStore(flash);
            Assert.AreEqual(3, after.Load());
            Assert.IsTrue(after.Log.InterruptedAppendFound);
            Assert.IsFalse(after.Save(2));

            // Saving 3 writes a real record of 3 after the torn slot; then the torn slot no longer counts.
            Assert.IsTrue(after.Save(3));
            Assert.AreEqual(3, new FlashEngineBootsStore(flash).Load());
        }

        [TestMethod]
        public void CutBeforeAnyByteIsProgrammedChangesNothing()
        {
            MemoryFlash flash = NewFlash();
            FlashEngineBootsStore store = new FlashEngineBootsStore(flash);
            store.Load();
            Assert.IsTrue(store.Save(1));
            Assert.IsTrue(store.Save(2));
            flash.CutAfterBytes = 0;
            Assert.IsFalse(store.Save(3));
            Assert.AreEqual(2, new FlashEngineBootsStore(flash).Load());
        }

        [TestMethod]
        public void ACommittedNewestRecordThatGoesBadIsNotReused()
        {
            // Mid-sector (record 3 in slot 2 of sector 0) and first in a sector (record 5 in slot 0 of sector 1).
            for (int last = 3; last <= 5; last += 2)
            {
                MemoryFlash flash = NewFlash();
                SnmpTestClock time = new SnmpTestClock();
                for (int start = 1; start <= last; start++)
                {
                    new SnmpEngineClock(new FlashEngineBootsStore(flash), time).Start();
                }

                Assert.AreEqual(last, new FlashEngineBootsStore(flash).Load());

                // A bit of the newest record's payload flips (retention failure): its CRC no longer holds.
                int slot = last - 1;
                int offset = (slot / 4) * 1024 + (slot % 4) * 256 + 16;
                flash.Raw[offset] ^= 0x01;

                // The engine ran with `last`: the next start must go above it, not reuse it.
                SnmpEngineClock clock = new SnmpEngineClock(new FlashEngineBootsStore(flash), time);
                clock.Start();
                Assert.AreEqual(last + 1, clock.Boots, "last " + last.ToString());
                Assert.AreEqual(last + 1, new FlashEngineBootsStore(flash).Load());
            }
        }

        [TestMethod]
        public void OnlyRecordGoneBadStillGivesOne()
        {
            MemoryFlash flash = NewFlash();
            new SnmpEngineClock(new FlashEngineBootsStore(flash), new SnmpTestClock()).Start();
            flash.Raw[16] ^= 0x80;
            Assert.AreEqual(1, new FlashEngineBootsStore(flash).Load());
        }
    }
}
