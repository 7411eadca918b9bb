using System;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Storage.Alarms;
using Ipenergy.Probe.Tests.Unit.TestDoubles;
using Xunit;

namespace Ipenergy.Probe.Tests.Storage
{
    /// <summary>Append and Acknowledge allocate nothing in steady state (ring wraps, erases and restatements included).</summary>
    public sealed class AlarmJournalAllocationTests
    {
        [Fact]
        public void AppendAndAcknowledgeAllocateNothing()
        {
            MemoryFlash flash = new MemoryFlash("alarms", 4096, 256, 8);
            AlarmJournal journal = new AlarmJournal(flash);
            journal.Open();
            AlarmEntry e = new AlarmEntry();
            DateTime t0 = new DateTime(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc);
            string user = "operator";
            Cycle(journal, e, t0, user, 0, 600);
            long before = GC.GetAllocatedBytesForCurrentThread();
            Cycle(journal, e, t0, user, 600, 3000);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(0L, allocated);
            Assert.True(flash.EraseCount(0) >= 3, "the ring wrapped");
        }

        /// <summary>A long-lived alarm (restated as the ring turns) plus raise, change, acknowledge and clear cycles.</summary>
        private static void Cycle(AlarmJournal journal, AlarmEntry e, DateTime t0, string user, int from, int to)
        {
            for (int i = from; i < to; i++)
            {
                int step = i % 4;
                Set(e, step == 0 ? AlarmCodes.EventRaised : step == 1 ? AlarmCodes.EventChanged : AlarmCodes.EventCleared, t0.AddSeconds(i));
                if (step == 3)
                {
                    journal.Acknowledge(e.AlarmId, user, t0.AddSeconds(i));
                    Set(e, AlarmCodes.EventCleared, t0.AddSeconds(i));
                }

                if (step != 2)
                {
                    journal.Append(e);
                }

                if (i == 0)
                {
                    Set(e, AlarmCodes.EventRaised, t0);
                    e.SourceIndex = 18;
                    journal.Append(e);
                }
            }
        }

        private static void Set(AlarmEntry e, int kind, DateTime utc)
        {
            e.Kind = kind;
            e.Source = AlarmCodes.SourceChannel;
            e.SourceIndex = 3;
            e.Condition = AlarmCodes.OverCurrent;
            e.Level = kind == AlarmCodes.EventCleared ? AlarmCodes.LevelNormal : kind == AlarmCodes.EventChanged ? AlarmCodes.LevelCritical : AlarmCodes.LevelWarning;
            e.Value = 91.5;
            e.Threshold = 90;
            e.TimestampUtc = utc;
        }
    }
}
