using System;
using Ipenergy.Probe.Storage;
using Ipenergy.Probe.Tests.Unit.TestDoubles;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Storage
{
    [TestClass]
    public class RecordLogTests
    {
        // 4 sectors of 1 KiB, 64-byte pages; 40-byte payloads take one 64-byte slot: 16 slots a sector.
        private const int SectorSize = 1024;
        private const int PageSize = 64;
        private const int Sectors = 4;
        private const int Payload = 40;

        [TestMethod]
        public void EmptyFlashHasNoRecord()
        {
            MemoryFlash flash = NewFlash();
            RecordLog log = new RecordLog(flash, Payload);
            log.Open();
            Assert.IsFalse(log.HasRecord);
            Assert.AreEqual(-1, log.ReadNewest(new byte[Payload], 0));
            Assert.AreEqual(0, log.InvalidSlotsFound);
            Assert.AreEqual(64, log.SlotSize);
            Assert.AreEqual(16, log.SlotsPerSector);
            Assert.AreEqual(48, log.GuaranteedRecords);
        }

        [TestMethod]
        public void SlotIsHeaderAndPayloadInWholePages()
        {
            MemoryFlash flash = new MemoryFlash("energy", 4096, 256, 32);
            RecordLog log = new RecordLog(flash, 596);
            Assert.AreEqual(768, log.SlotSize);
            Assert.AreEqual(5, log.SlotsPerSector);
        }

        [TestMethod]
        public void NewestRecordWinsAfterReboot()
        {
            MemoryFlash flash = NewFlash();
            RecordLog log = OpenLog(flash);
            for (uint s = 1; s <= 5; s++)
            {
                AppendNumbered(log, s);
            }

            RecordLog again = OpenLog(flash);
            Assert.IsTrue(again.HasRecord);
            Assert.AreEqual(5u, again.NewestSequence);
            CheckNewest(again, 5);
            AppendNumbered(again, 6);
            CheckNewest(OpenLog(flash), 6);
        }

        [TestMethod]
        public void RingWearsAllSectorsEvenlyAndKeepsTheNewest()
        {
            MemoryFlash flash = NewFlash();
            RecordLog log = OpenLog(flash);
            int laps = 10;
            uint records = (uint)(laps * Sectors * 16);
            for (uint s = 1; s <= records; s++)
            {
                AppendNumbered(log, s);
            }

            RecordLog again = OpenLog(flash);
            Assert.AreEqual(records, again.NewestSequence);
            CheckNewest(again, records);
            for (int sector = 0; sector < Sectors; sector++)
            {
                // Sector 0 was blank at the start and is not erased then; the others are erased on every entry.
                int erases = flash.EraseCount(sector);
                Assert.IsTrue(erases >= laps - 1 && erases <= laps, "sector " + sector.ToString() + " erased " + erases.ToString() + " times in " + laps.ToString() + " laps");
            }
        }

        [TestMethod]
        public void FlippedBitFallsBackToThePreviousRecord()
        {
            MemoryFlash flash = NewFlash();
            RecordLog log = OpenLog(flash);
            AppendNumbered(log, 1);
            AppendNumbered(log, 2);

            // Record 2 is slot 1 of sector 0; flip one payload bit as a bad cell would.
            flash.Raw[64 + RecordLog.HeaderSize + 7] ^= 0x10;
            RecordLog again = OpenLog(flash);
            Assert.AreEqual(1u, again.NewestSequence);
            CheckNewest(again, 1);
            Assert.AreEqual(1, again.InvalidSlotsFound);

            // The next record goes after the bad slot, with a sequence after the newest valid one.
            AppendNumbered(again, 2);
            Assert.AreEqual(2, again.AppendSlot - 1);
            CheckNewest(OpenLog(flash), 2);
        }

        [TestMethod]
        public void PowerCutAtEveryByteOfConsecutiveAppendsKeepsPreviousOrNew()
        {
            // 40 consecutive appends from an older ring cross sector boundaries (so cuts land in erases too).
            MemoryFlash flash = NewFlash();
            RecordLog log = OpenLog(flash);
            uint seq = 0;
            for (int i = 0; i < 70; i++)
            {
                AppendNumbered(log, ++seq);
            }

            int cuts = 0;
            int erasesCut = 0;
            int appendsCut = 0;
            for (int n = 0; n < 40; n++)
            {
                byte[] before = Copy(flash.Raw);
                bool crossesSector = log.AppendSlot >= log.SlotsPerSector;
                int span = RecordLog.HeaderSize + Payload + 1 + (crossesSector ? SectorSize : 0);
                for (int cut = 0; cut < span; cut++)
                {
                    MemoryFlash torn = NewFlash();
                    Array.Copy(before, torn.Raw, before.Length);
                    RecordLog victim = OpenLog(torn);
                    Assert.AreEqual(seq, victim.NewestSequence);
                    torn.CutAfterBytes = cut;
                    bool cutLanded = false;
                    try
                    {
                        AppendNumbered(victim, seq + 1);
                    }
                    catch (PowerCutException)
                    {
                        cutLanded = true;
                    }

                    Assert.IsTrue(cutLanded, "the cut after " + cut.ToString() + " bytes did not land");
                    cuts++;

                    // Reboot: the newest record is the previous one or, once the commit byte is written, the new one.
                    RecordLog rebooted = OpenLog(torn);
                    uint newest = rebooted.NewestSequence;
                    Assert.IsTrue(newest == seq, "cut at byte " + cut.ToString() + " of append " + n.ToString() + ": newest " + newest.ToString());
                    CheckNewest(rebooted, seq);
                    int eraseBytes = crossesSector ? SectorSize : 0;
                    if (cut < eraseBytes && !IsBlank(torn.Raw, torn.SectorSize * rebooted.AppendSector, torn.SectorSize) && cut > 0)
                    {
                        Assert.IsTrue(rebooted.InterruptedEraseFound, "cut erase at byte " + cut.ToString() + " not diagnosed");
                        erasesCut++;
                    }
                    else if (cut >= eraseBytes + 2)
                    {
                        Assert.IsTrue(rebooted.InterruptedAppendFound, "cut program at byte " + cut.ToString() + " not diagnosed");
                        appendsCut++;
                    }

                    // And the log keeps working: the next record lands and wins.
                    AppendNumbered(rebooted, seq + 1);
                    RecordLog after = OpenLog(torn);
                    Assert.AreEqual(seq + 1, after.NewestSequence);
                    CheckNewest(after, seq + 1);
                }

                AppendNumbered(log, ++seq);
            }

            Assert.IsTrue(erasesCut > 1000 && appendsCut > 1000, "cuts: " + cuts.ToString() + ", in erases " + erasesCut.ToString() + ", in programs " + appendsCut.ToString());
        }

        [TestMethod]
        public void RandomCutsOverManyRebootsNeverLoseACompletedRecord()
        {
            MemoryFlash flash = NewFlash();
            RecordLog log = OpenLog(flash);
            uint committed = 0;
            uint rng = 12345;
            for (int step = 0; step < 3000; step++)
            {
                rng = rng * 1664525 + 1013904223;
                bool cut = (rng >> 28) < 6;
                if (cut)
                {
                    flash.CutAfterBytes = (int)((rng >> 8) % (SectorSize + 100));
                }

                try
                {
                    AppendNumbered(log, committed + 1);
                    committed++;
                    flash.CutAfterBytes = -1;
                }
                catch (PowerCutException)
                {
                    log = OpenLog(flash);

                    // The append was cut before its commit byte, so the previous record stands.
                    Assert.AreEqual(committed, log.NewestSequence, "step " + step.ToString());
                    CheckNewest(log, committed);
                }
            }

            RecordLog last = OpenLog(flash);
            Assert.IsTrue(committed > 1500, "only " + committed.ToString() + " appends completed");
            Assert.AreEqual(committed, last.NewestSequence);
            CheckNewest(last, committed);
        }

        [TestMethod]
        public void OversizedPayloadIsRefused()
        {
            RecordLog log = OpenLog(NewFlash());
            bool refused = false;
            try
            {
                log.Append(new byte[Payload + 1], 0, Payload + 1);
            }
            catch (ArgumentOutOfRangeException)
            {
                refused = true;
            }

            Assert.IsTrue(refused, "a payload over the maximum was accepted");
        }

        private static MemoryFlash NewFlash()
        {
            return new MemoryFlash("test", SectorSize, PageSize, Sectors);
        }

        private static RecordLog OpenLog(MemoryFlash flash)
        {
            RecordLog log = new RecordLog(flash, Payload);
            log.Open();
            return log;
        }

        /// <summary>Appends a payload derived from its sequence number, so a reader can tell any record from garbage.</summary>
        private static void AppendNumbered(RecordLog log, uint sequence)
        {
            byte[] p = new byte[Payload];
            Fill(p, sequence);
            log.Append(p, 0, p.Length);
        }

        private static void CheckNewest(RecordLog log, uint sequence)
        {
            Assert.AreEqual(sequence, log.NewestSequence);
            byte[] got = new byte[Payload];
            Assert.AreEqual(Payload, log.ReadNewest(got, 0));
            byte[] expected = new byte[Payload];
            Fill(expected, sequence);
            for (int i = 0; i < Payload; i++)
            {
                Assert.AreEqual(expected[i], got[i], "payload byte " + i.ToString() + " of record " + sequence.ToString());
            }
        }

        private static void Fill(byte[] p, uint sequence)
        {
            for (int i = 0; i < p.Length; i++)
            {
                p[i] = (byte)(sequence * 31 + (uint)i * 7);
            }
        }

        private static bool IsBlank(byte[] raw, int start, int count)
        {
            for (int i = start; i < start + count; i++)
            {
                if (raw[i] != 0xFF)
                {
                    return false;
                }
            }

            return true;
        }

        private static byte[] Copy(byte[] source)
        {
            byte[] copy = new byte[source.Length];
            Array.Copy(source, copy, source.Length);
            return copy;
        }
    }
}
