using System;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Storage.History;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.History
{
    /// <summary>
    /// The retention figures from real encodings: an MPP18 records a week of seconds into a 2 MiB history
    /// partition (4 KiB sectors, the default layout); bytes per record are measured per resolution
    /// (sector headers, bases and unused sector tails included) and turned into retention:
    /// (sectors − 1) × records per sector × interval, the oldest sector being the one erased.
    /// </summary>
    [TestClass]
    public class HistoryRetentionTests
    {
        private const int Channels = 18;
        private const int SectorSize = 4096;
        private const int Sectors = 512;
        private const int Days = 7;

        [TestMethod]
        public void DataCentreWeekKeeps30DaysOfMinutesAnd2YearsOfQuarterHours()
        {
            double[] days = Measure(LoadProfile.DataCentre(Channels, 11), "data-centre");
            Assert.IsTrue(days[HistoryResolution.Minute] >= 30.0, "1-minute retention " + days[0].ToString() + " days < 30");
            Assert.IsTrue(days[HistoryResolution.QuarterHour] >= 730.0, "15-minute retention " + days[1].ToString() + " days < 730");
            Assert.IsTrue(days[HistoryResolution.Day] >= 730.0, "daily retention " + days[2].ToString() + " days < 730");
        }

        [TestMethod]
        public void RandomLoadsStillKeepUsefulHistory()
        {
            // The worst case has no target: the figures are reported, and must stay within sane bounds.
            double[] days = Measure(LoadProfile.Random(Channels, 12), "random");
            Assert.IsTrue(days[HistoryResolution.Minute] >= 7.0, "1-minute retention " + days[0].ToString() + " days");
            Assert.IsTrue(days[HistoryResolution.QuarterHour] >= 180.0, "15-minute retention " + days[1].ToString() + " days");
        }

        private static double[] Measure(LoadProfile load, string name)
        {
            DiscardingFlash flash = new DiscardingFlash(FlashPartitionNames.History, SectorSize, 256, Sectors);
            HistoryLayout layout = HistoryLayout.ForPartition(Sectors);
            HistoryRecorder recorder = new HistoryRecorder(flash, layout, Channels);
            recorder.Open();
            SnapshotFeed feed = new SnapshotFeed(Channels, new DateTime(2026, 3, 1, 0, 0, 0));
            int seconds = Days * 86400 + 1;
            for (int s = 0; s < seconds; s++)
            {
                recorder.Record(feed.Second(load.Next()));
            }

            double[] retentionDays = new double[HistoryResolution.Count];
            for (int r = 0; r < HistoryResolution.Count; r++)
            {
                HistoryRing ring = recorder.Ring(r);
                double bytesPerRecord = (double)ring.BytesConsumed / ring.RecordsWritten;
                double recordsPerSector = SectorSize / bytesPerRecord;
                retentionDays[r] = (ring.SectorCount - 1) * recordsPerSector * HistoryResolution.Seconds(r) / 86400.0;
                OutputHelper.WriteLine(name + " " + HistoryResolution.Name(r) + ": " + ring.RecordsWritten.ToString() +
                    " records, " + bytesPerRecord.ToString("F2") + " bytes/record (" + (bytesPerRecord * 8 / Channels).ToString("F2") +
                    " bits per channel-interval), " + ring.SectorCount.ToString() + " sectors, retention " + retentionDays[r].ToString("F1") + " days");
            }

            return retentionDays;
        }
    }
}
