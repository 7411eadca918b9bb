using System;
using System.Collections.Generic;
using Ipenergy.Probe.App;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Protocols.Http;
using Ipenergy.Probe.Tests.Unit.History;
using Ipenergy.Probe.Tests.Unit.TestDoubles;
using Xunit;

namespace Ipenergy.Probe.Tests.History
{
    /// <summary>
    /// A new billing schedule (history.billingDay/billingHour/utcOffsetMinutes, e.g. pushed by eprobe) takes effect
    /// without a restart: the boundary it puts in the past gets its snapshot at the next second, marked late by its
    /// takenAt, and the following boundaries follow the new schedule. The same schedule again takes nothing.
    /// </summary>
    public sealed class BillingScheduleChangeTests
    {
        private static readonly double[] Powers = { 1000, 2000, 0 };

        [Fact]
        public void ANewScheduleTakesEffectWithoutARestart()
        {
            var config = new MeterConfig(3);
            config.History.BillingDay = 1;
            var history = new HistoryService(new BillingOnlyFlash(), 3, config, null);
            history.Open();
            var feed = new SnapshotFeed(3, new DateTime(2026, 1, 20, 12, 0, 0, DateTimeKind.Utc));
            history.Record(feed.Second(Powers));
            history.Record(feed.Advance(Powers, 60));

            // The same schedule again (any other change of configuration): nothing new.
            history.Configure(config);
            history.Record(feed.Second(Powers));
            Assert.Single(Snapshots(history));

            config.History.BillingDay = 15;
            history.Configure(config);
            DateTime changedAt = feed.Time;
            history.Record(feed.Second(Powers));
            history.Record(feed.Advance(Powers, 40 * 86400)); // to 1 March: crosses 15 February only
            history.Record(feed.Second(Powers));

            List<Seen> seen = Snapshots(history);
            Assert.Equal(3, seen.Count);
            Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), seen[0].Boundary);
            Assert.Equal(new DateTime(2026, 1, 15, 0, 0, 0, DateTimeKind.Utc), seen[1].Boundary);
            Assert.True(seen[1].TakenAt > changedAt && seen[1].TakenAt <= changedAt.AddSeconds(1), "taken at the first second after the change, got " + seen[1].TakenAt.ToString("o"));
            Assert.Equal(new DateTime(2026, 2, 15, 0, 0, 0, DateTimeKind.Utc), seen[2].Boundary);
            Assert.True(seen[2].TakenAt >= seen[2].Boundary, "a snapshot is never taken before its boundary");
        }

        private static List<Seen> Snapshots(HistoryService history)
        {
            var visitor = new Collector();
            history.Visit(visitor);
            return visitor.Seen;
        }

        private sealed class Seen
        {
            public DateTime Boundary;
            public DateTime TakenAt;
        }

        private sealed class Collector : IBillingVisitor
        {
            public readonly List<Seen> Seen = new List<Seen>();

            public void BeginSnapshot(DateTime boundaryUtc, DateTime takenAtUtc, bool clockSynchronized)
            {
                Seen.Add(new Seen { Boundary = DateTime.SpecifyKind(boundaryUtc, DateTimeKind.Utc), TakenAt = DateTime.SpecifyKind(takenAtUtc, DateTimeKind.Utc) });
            }

            public void Counter(int channel, string customer, long importMilliWh, long exportMilliWh, long importMilliVarh, long exportMilliVarh)
            {
            }

            public void EndSnapshot()
            {
            }
        }

        private sealed class BillingOnlyFlash : IFlashStorage
        {
            private readonly MemoryFlash _billing = new MemoryFlash(FlashPartitionNames.Billing, 4096, 256, 2);

            public IFlashPartition Partition(string name)
            {
                return name == FlashPartitionNames.Billing ? _billing : null;
            }
        }
    }
}
