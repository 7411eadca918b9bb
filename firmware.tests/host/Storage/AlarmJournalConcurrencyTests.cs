using System;
using System.Threading;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Storage.Alarms;
using Xunit;

namespace Ipenergy.Probe.Tests.Storage
{
    /// <summary>The journal under the threads of the e-Probe: the engine appends, HTTP/SNMP threads read and acknowledge.</summary>
    public sealed class AlarmJournalConcurrencyTests
    {
        private static readonly DateTime T0 = new DateTime(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc);

        [Fact]
        public void AnAppendingThreadAndReadingAcknowledgingThreadsKeepTheJournalConsistent()
        {
            AlarmJournal journal = new AlarmJournal(null);
            journal.Open();
            int heard = 0;
            journal.Listener = new CountingListener(() => Interlocked.Increment(ref heard));
            Exception failure = null;
            int acknowledged = 0;
            using CancellationTokenSource stop = new CancellationTokenSource();
            Thread[] readers = new Thread[3];
            for (int t = 0; t < readers.Length; t++)
            {
                int me = t;
                readers[t] = new Thread(() =>
                {
                    try
                    {
                        AlarmEntry row = new AlarmEntry();
                        while (!stop.IsCancellationRequested)
                        {
                            int count = journal.ActiveCount;
                            for (int i = 0; i < count; i++)
                            {
                                if (journal.CopyActive(i, row))
                                {
                                    Assert.True(row.AlarmId > 0 && row.Level > 0, "row " + row.AlarmId);
                                    if (journal.Acknowledge(row.AlarmId, "user" + me, T0))
                                    {
                                        Interlocked.Increment(ref acknowledged);
                                    }
                                }
                            }

                            // Each record read whole (appends between two reads shift the indexes, so no order check).
                            int logs = journal.LogCount;
                            for (int i = 0; i < logs && journal.CopyLog(i, row); i++)
                            {
                                bool whole = row.Kind == AlarmCodes.EventRaised ? row.Level == AlarmCodes.LevelWarning && row.AlarmId == row.Id
                                    : row.Kind == AlarmCodes.EventCleared ? row.Level == AlarmCodes.LevelNormal && row.AlarmId < row.Id
                                    : row.Kind == AlarmCodes.EventAcknowledged && row.AckUser.StartsWith("user", StringComparison.Ordinal);
                                Assert.True(whole && row.Condition == AlarmCodes.OverCurrent, "log record " + row.Id + " kind " + row.Kind);
                            }

                            journal.HighestLevel(AlarmCodes.SourceChannel, 3);
                        }
                    }
                    catch (Exception e)
                    {
                        failure = e;
                    }
                });
                readers[t].Start();
            }

            // Cycles of 10 raises and 10 clears until the readers got acknowledgements in (bounded in time).
            int appended = 0;
            DateTime deadline = DateTime.UtcNow.AddSeconds(30);
            for (int i = 0; i < 3000 || ((Volatile.Read(ref acknowledged) < 50 || i % 20 != 0) && DateTime.UtcNow < deadline); i++)
            {
                int channel = 1 + (i % 10);
                int kind = (i / 10) % 2 == 0 ? AlarmCodes.EventRaised : AlarmCodes.EventCleared;
                AlarmEntry e = new AlarmEntry
                {
                    Kind = kind, Source = AlarmCodes.SourceChannel, SourceIndex = channel, Condition = AlarmCodes.OverCurrent,
                    Level = kind == AlarmCodes.EventRaised ? AlarmCodes.LevelWarning : AlarmCodes.LevelNormal, Value = i,
                    Threshold = 80, TimestampUtc = T0.AddSeconds(i),
                };
                journal.Append(e);
                appended++;
            }

            stop.Cancel();
            foreach (Thread t in readers)
            {
                Assert.True(t.Join(TimeSpan.FromSeconds(30)), "reader thread stuck");
            }

            Assert.Null(failure);
            Assert.Equal(0, journal.ActiveCount);
            Assert.True(acknowledged > 0, "no acknowledgement got in");
            Assert.Equal(appended + acknowledged, heard);
        }

        [Fact]
        public void TheListenerIsCalledWithTheJournalUnlocked()
        {
            AlarmJournal journal = new AlarmJournal(null);
            journal.Open();
            bool otherThreadRead = false;
            journal.Listener = new CountingListener(() =>
            {
                // Another thread must be able to read the journal while the listener runs.
                Thread reader = new Thread(() => otherThreadRead = journal.ActiveCount == 1 && journal.LogCount == 1);
                reader.Start();
                Assert.True(reader.Join(TimeSpan.FromSeconds(10)), "the journal was locked during the listener call");
            });
            journal.Append(new AlarmEntry
            {
                Kind = AlarmCodes.EventRaised, Source = AlarmCodes.SourceDevice, Condition = AlarmCodes.FrequencyLow,
                Level = AlarmCodes.LevelCritical, Value = 48.9, Threshold = 49, TimestampUtc = T0,
            });
            Assert.True(otherThreadRead);
        }

        private sealed class CountingListener : IAlarmJournalListener
        {
            private readonly Action _onEvent;

            public CountingListener(Action onEvent)
            {
                _onEvent = onEvent;
            }

            public void OnAlarmEvent(AlarmEntry entry)
            {
                _onEvent();
            }
        }
    }
}
