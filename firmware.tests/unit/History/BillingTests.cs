using System;
using System.Collections;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Storage.History;
using Ipenergy.Probe.Tests.Unit.TestDoubles;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.History
{
    [TestClass]
    public class BillingTests
    {
        private const int Channels = 3;

        [TestMethod]
        public void ScheduleFindsMonthlyBoundariesWithDayHourAndOffset()
        {
            BillingSchedule monthly = new BillingSchedule(1, 0, 0);
            Assert.AreEqual(new DateTime(2026, 3, 1), monthly.PeriodStart(new DateTime(2026, 3, 1, 0, 0, 0)));
            Assert.AreEqual(new DateTime(2026, 2, 1), monthly.PeriodStart(new DateTime(2026, 2, 28, 23, 59, 59)));
            Assert.AreEqual(new DateTime(2026, 1, 1), monthly.NextPeriodStart(new DateTime(2025, 12, 31, 12, 0, 0)));

            // Day 15, 06:00 local at UTC+2: the boundary is 04:00 UTC on the 15th.
            BillingSchedule custom = new BillingSchedule(15, 6, 120);
            Assert.AreEqual(new DateTime(2026, 1, 15, 4, 0, 0), custom.PeriodStart(new DateTime(2026, 1, 15, 4, 0, 0)));
            Assert.AreEqual(new DateTime(2025, 12, 15, 4, 0, 0), custom.PeriodStart(new DateTime(2026, 1, 15, 3, 59, 59)));
            Assert.AreEqual(new DateTime(2026, 2, 15, 4, 0, 0), custom.NextPeriodStart(new DateTime(2026, 1, 20)));
        }

        [TestMethod]
        public void SnapshotsAtEachBoundaryGiveThePeriodsEnergy()
        {
            MemoryFlash flash = new MemoryFlash(FlashPartitionNames.Billing, 4096, 256, 2);
            BillingStore store = new BillingStore(flash, Channels);
            store.Open();
            BillingRecorder recorder = new BillingRecorder(store, new BillingSchedule(1, 0, 0));
            SnapshotFeed feed = new SnapshotFeed(Channels, new DateTime(2026, 1, 31, 23, 0, 0));
            double[] powers = { 3600.0, 7200.0, -360.0 };

            // 2 h across the Feb 1 boundary: the first start takes January's snapshot at once, then Feb 1.
            for (int s = 0; s < 7200; s++)
            {
                recorder.Record(feed.Second(powers));
            }

            BillingList list = new BillingList();
            Assert.AreEqual(2, store.Query(list));
            Assert.AreEqual(new DateTime(2026, 1, 1), (DateTime)list.Periods[0]);
            Assert.AreEqual(new DateTime(2026, 2, 1), (DateTime)list.Periods[1]);
            Assert.AreEqual(new DateTime(2026, 2, 1, 0, 0, 0), (DateTime)list.Taken[1], "taken with the boundary's second");
            // 3.6 kW for the hour between the two snapshots (23:00:01 → 00:00:00) = 3599 s.
            long energy = (long)list.Channel0[1] - (long)list.Channel0[0];
            Assert.IsTrue(Math.Abs(energy - 3599000.0) <= 1.0, "channel 1: " + energy.ToString() + " mWh");
            Assert.IsTrue((long)list.Export2[1] - (long)list.Export2[0] > 350000, "export counted on channel 3");
        }

        [TestMethod]
        public void MeterOffAcrossTheBoundaryTakesItAtBootAndReopenFindsTheNewest()
        {
            MemoryFlash flash = new MemoryFlash(FlashPartitionNames.Billing, 4096, 256, 2);
            BillingStore store = new BillingStore(flash, Channels);
            store.Open();
            BillingRecorder recorder = new BillingRecorder(store, new BillingSchedule(1, 0, 0));
            SnapshotFeed feed = new SnapshotFeed(Channels, new DateTime(2026, 4, 30, 23, 0, 0));
            double[] powers = { 1000.0, 1000.0, 1000.0 };
            recorder.Record(feed.Second(powers));
            feed.Time = new DateTime(2026, 5, 1, 3, 0, 0);

            store = new BillingStore(flash, Channels);
            store.Open();
            Assert.AreEqual(new DateTime(2026, 4, 1), store.NewestPeriodStart);
            recorder = new BillingRecorder(store, new BillingSchedule(1, 0, 0));
            recorder.Record(feed.Second(powers));
            recorder.Record(feed.Second(powers));

            BillingList list = new BillingList();
            Assert.AreEqual(2, store.Query(list));
            Assert.AreEqual(new DateTime(2026, 5, 1), (DateTime)list.Periods[1]);
            Assert.AreEqual(new DateTime(2026, 5, 1, 3, 0, 1), (DateTime)list.Taken[1], "late: the first second after boot");
        }

        [TestMethod]
        public void RingKeepsTheNewestSnapshotsAndIgnoresATornSlotAtEveryByte()
        {
            MemoryFlash flash = new MemoryFlash(FlashPartitionNames.Billing, 512, 64, 2);
            BillingStore store = new BillingStore(flash, Channels);
            store.Open();
            BillingSnapshot snapshot = new BillingSnapshot(Channels);
            for (int month = 1; month <= 12; month++)
            {
                snapshot.PeriodStart = new DateTime(2026, month, 1);
                snapshot.TakenAt = snapshot.PeriodStart;
                snapshot.ImportMilliWh[0] = month * 1000;
                store.Append(snapshot);
            }

            BillingList list = new BillingList();
            int kept = store.Query(list);
            Assert.IsTrue(kept >= store.GuaranteedSnapshots, "kept " + kept.ToString());
            Assert.AreEqual(new DateTime(2026, 12, 1), (DateTime)list.Periods[kept - 1], "newest last");

            byte[] saved = new byte[flash.Raw.Length];
            Array.Copy(flash.Raw, saved, saved.Length);
            for (int cut = 0; cut < store.SlotSize + 512; cut++)
            {
                Array.Copy(saved, flash.Raw, saved.Length);
                BillingStore before = new BillingStore(flash, Channels);
                before.Open();
                flash.CutAfterBytes = cut;
                snapshot.PeriodStart = new DateTime(2027, 1, 1);
                snapshot.ImportMilliWh[0] = 13000;
                bool torn = false;
                try
                {
                    before.Append(snapshot);
                }
                catch (PowerCutException)
                {
                    torn = true;
                }

                flash.CutAfterBytes = -1;
                BillingStore after = new BillingStore(flash, Channels);
                after.Open();
                DateTime expected = torn ? new DateTime(2026, 12, 1) : new DateTime(2027, 1, 1);
                Assert.AreEqual(expected, after.NewestPeriodStart, "cut " + cut.ToString());
                BillingList l = new BillingList();
                int n = after.Query(l);
                for (int i = 0; i < n; i++)
                {
                    long value = (long)l.Channel0[i];
                    DateTime period = (DateTime)l.Periods[i];
                    long monthIndex = period.Year == 2027 ? 13 : period.Month;
                    Assert.AreEqual(monthIndex * 1000, value, "cut " + cut.ToString() + ": no torn values");
                }
            }
        }

        private sealed class BillingList : IBillingVisitor
        {
            public readonly ArrayList Periods = new ArrayList();
            public readonly ArrayList Taken = new ArrayList();
            public readonly ArrayList Channel0 = new ArrayList();
            public readonly ArrayList Export2 = new ArrayList();

            public void Snapshot(BillingSnapshot snapshot)
            {
                Periods.Add(snapshot.PeriodStart);
                Taken.Add(snapshot.TakenAt);
                Channel0.Add(snapshot.ImportMilliWh[0]);
                Export2.Add(snapshot.ExportMilliWh[2]);
            }
        }
    }
}
