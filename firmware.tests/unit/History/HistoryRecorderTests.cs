using System;
using Ipenergy.Probe.Storage.History;
using Ipenergy.Probe.Tests.Unit.TestDoubles;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.History
{
    [TestClass]
    public class HistoryRecorderTests
    {
        [TestMethod]
        public void RecordsCloseOnUtcMinuteQuarterAndDayBoundaries()
        {
            HistoryRun run = new HistoryRun(4096, 40);
            run.Run(40 * 60 + 5);

            CollectingVisitor minutes = run.Query(HistoryResolution.Minute);
            // The run starts on a minute boundary: the first interval has no base before it and is partial
            // only by the first snapshot; every later minute is whole.
            Assert.AreEqual(40, minutes.Count, "1-minute records");
            for (int i = 0; i < minutes.Count; i++)
            {
                Assert.AreEqual(0, minutes.End(i).Second, "minute boundary");
                int minute = run.MinuteOf(minutes.End(i));
                Assert.AreEqual(run.ExpectedWh(minute), minutes.Import(i), "counter at minute " + minute.ToString());
                if (i > 0)
                {
                    Assert.AreEqual(60, (int)minutes.Seconds[i], "whole minute");
                    Assert.IsTrue((long)minutes.MinW[i] <= (long)minutes.AverageW[i] && (long)minutes.AverageW[i] <= (long)minutes.MaxW[i], "min <= avg <= max");
                }
            }

            CollectingVisitor quarters = run.Query(HistoryResolution.QuarterHour);
            // Start 23:50 → quarters end 00:00, 00:15, 00:30 (00:45 is still open at 00:30:05).
            Assert.AreEqual(2, quarters.Count - 1, "quarter-hour records");
            Assert.AreEqual(new DateTime(2026, 6, 1, 0, 0, 0), quarters.End(0));
            Assert.AreEqual(new DateTime(2026, 6, 1, 0, 30, 0), quarters.End(2));
            Assert.AreEqual(run.ExpectedWh(10), quarters.Import(0));
            Assert.AreEqual(run.ExpectedWh(40), quarters.Import(2));

            CollectingVisitor days = run.Query(HistoryResolution.Day);
            Assert.AreEqual(1, days.Count, "daily record at midnight");
            Assert.AreEqual(new DateTime(2026, 6, 1, 0, 0, 0), days.End(0));
            // The first snapshot (23:50:01) is the base reading: measured from then to midnight.
            Assert.AreEqual(599, (int)days.Seconds[0], "the day was measured from the first reading");
        }

        [TestMethod]
        public void DifferencesOfRecordsEqualTheEnergyCounted()
        {
            HistoryRun run = new HistoryRun(512, 120);
            run.Run(120 * 60 + 1);
            CollectingVisitor minutes = run.Query(HistoryResolution.Minute);
            Assert.AreEqual(120, minutes.Count);
            for (int i = 1; i < minutes.Count; i++)
            {
                long counted = run.ExpectedWh(run.MinuteOf(minutes.End(i))) - run.ExpectedWh(run.MinuteOf(minutes.End(i - 1)));
                Assert.AreEqual(counted, minutes.Import(i) - minutes.Import(i - 1), "energy of minute " + i.ToString());
                // Average from the energy: whole Wh over 60 s.
                Assert.IsTrue(Math.Abs((double)((long)minutes.AverageW[i] - counted * 60)) < 1.0, "average");
            }
        }

        [TestMethod]
        public void RebootResumesAndTheGapIsReportedNotFilled()
        {
            HistoryRun run = new HistoryRun(512, 30);
            run.Run(10 * 60 + 20);
            run.Off(5 * 60);
            run.Reboot();
            run.Run(10 * 60);

            CollectingVisitor minutes = run.Query(HistoryResolution.Minute);
            Assert.AreEqual(1, minutes.GapFrom.Count, "one gap");
            Assert.AreEqual(Start(10), (DateTime)minutes.GapFrom[0]);
            Assert.AreEqual(Start(15).AddSeconds(21), (DateTime)minutes.GapTo[0], "the first reading after boot");
            for (int i = 0; i < minutes.Count; i++)
            {
                int minute = run.MinuteOf(minutes.End(i));
                Assert.IsTrue(minute <= 10 || minute >= 16, "no record inside the gap: minute " + minute.ToString());
                Assert.AreEqual(run.ExpectedWh(minute), minutes.Import(i), "counter at minute " + minute.ToString());
                if (minute == 16)
                {
                    Assert.AreEqual(39, (int)minutes.Seconds[i], "the minute after boot was measured from 00:05:21");
                }
            }

            Assert.AreEqual(10 + 10, minutes.Count, "minutes 1-10 and 16-25");
        }

        [TestMethod]
        public void ClockSetBackPausesUntilItPassesTheNewestRecord()
        {
            HistoryRun run = new HistoryRun(512, 30);
            run.Run(5 * 60);
            run.Feed.Time = run.Feed.Time.AddSeconds(-120);
            run.Run(4 * 60);

            CollectingVisitor minutes = run.Query(HistoryResolution.Minute);
            for (int i = 1; i < minutes.Count; i++)
            {
                Assert.IsTrue(minutes.End(i) > minutes.End(i - 1), "history stays in time order");
            }

            Assert.AreEqual(1, minutes.GapFrom.Count, "the paused stretch is a gap");
        }

        [TestMethod]
        public void ClockSetForwardLeavesAGap()
        {
            HistoryRun run = new HistoryRun(512, 30);
            run.Run(5 * 60 + 30);
            run.Feed.Time = run.Feed.Time.AddSeconds(600);
            run.Run(5 * 60);
            CollectingVisitor minutes = run.Query(HistoryResolution.Minute);
            Assert.AreEqual(1, minutes.GapFrom.Count, "the skipped stretch is a gap");
            Assert.AreEqual(Start(6), (DateTime)minutes.GapFrom[0]);
            Assert.AreEqual(Start(15), (DateTime)minutes.GapTo[0]);
            Assert.AreEqual(Start(6), minutes.End(5));
            Assert.AreEqual(30, (int)minutes.Seconds[5], "the interval of the step measured 30 s");
            Assert.AreEqual(30, (int)minutes.Seconds[6], "after the step: 15:31 (counted as 1 s) to 16:00");
        }

        [TestMethod]
        public void PowerCutAtEveryByteOfAnAppendNeverYieldsATornRecord()
        {
            // Dry run: how many bytes the appends between minute 9 and minute 16 write (a quarter-hour
            // record and, with 512-byte sectors, sector changes included).
            HistoryRun dry = new HistoryRun(512, 40);
            dry.Run(9 * 60 - 1);
            dry.Flash.CutAfterBytes = int.MaxValue;
            dry.Run(7 * 60);
            int bytes = int.MaxValue - dry.Flash.CutAfterBytes;
            Assert.IsTrue(bytes > 50, "appends in the window: " + bytes.ToString());

            for (int cut = 0; cut < bytes; cut++)
            {
                HistoryRun run = new HistoryRun(512, 40);
                run.Run(9 * 60 - 1);
                run.Flash.CutAfterBytes = cut;
                bool cutLanded = false;
                for (int s = 0; s < 7 * 60 && !cutLanded; s++)
                {
                    try
                    {
                        run.Run(1);
                    }
                    catch (PowerCutException)
                    {
                        cutLanded = true;
                    }
                }

                Assert.IsTrue(cutLanded, "cut " + cut.ToString() + " did not land");
                run.Off(30);
                run.Reboot();
                run.Run(8 * 60);

                CollectingVisitor minutes = run.Query(HistoryResolution.Minute);
                int found = 0;
                for (int i = 0; i < minutes.Count; i++)
                {
                    int minute = run.MinuteOf(minutes.End(i));
                    Assert.AreEqual(run.ExpectedWh(minute), minutes.Import(i), "cut " + cut.ToString() + ": counter at minute " + minute.ToString());
                    if (i > 0)
                    {
                        Assert.IsTrue(minutes.End(i) > minutes.End(i - 1), "cut " + cut.ToString() + ": time order");
                    }

                    if (minute <= 8)
                    {
                        found++;
                    }
                }

                Assert.AreEqual(8, found, "cut " + cut.ToString() + ": records written before the cut survive");
                Assert.IsTrue(run.MinuteOf(minutes.End(minutes.Count - 1)) >= 16, "cut " + cut.ToString() + ": recording resumed");
            }
        }

        private static DateTime Start(int minutes)
        {
            return HistoryRun.Start.AddMinutes(minutes);
        }
    }
}
