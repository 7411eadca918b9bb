using System;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Storage.Alarms;
using Ipenergy.Probe.Tests.Unit.TestDoubles;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Storage
{
    [TestClass]
    public class AlarmJournalTests
    {
        private static readonly DateTime T0 = new DateTime(2026, 11, 25, 8, 0, 0);

        [TestMethod]
        public void EmptyJournalOnTheVirtualProbesPartition()
        {
            AlarmJournal journal = OpenJournal(new MemoryFlash("alarms", 4096, 256, 8));
            Assert.AreEqual(0, journal.ActiveCount);
            Assert.AreEqual(0, journal.LogCount);
            Assert.AreEqual(64, journal.SlotsPerSector);
            Assert.AreEqual(448, journal.GuaranteedRecords);
            Assert.AreEqual(1u, journal.NextId);
            Assert.IsFalse(journal.CopyLog(0, new AlarmEntry()));
            Assert.IsFalse(journal.CopyActive(0, new AlarmEntry()));
            Assert.AreEqual(AlarmCodes.LevelNormal, journal.HighestLevel(AlarmCodes.SourceCircuit, 2));
        }

        [TestMethod]
        public void RaiseChangeClearAssignIdsAndKeepTheActiveTable()
        {
            AlarmJournal journal = OpenJournal(null);
            AlarmEntry raised = Event(AlarmCodes.EventRaised, AlarmCodes.SourceCircuit, 2, AlarmCodes.LoadHigh, AlarmCodes.LevelWarning, 85.2, 80, T0);
            Assert.AreEqual(1u, journal.Append(raised));
            Assert.AreEqual(1u, raised.AlarmId);
            Assert.AreEqual(1, journal.ActiveCount);
            Assert.AreEqual(AlarmCodes.LevelWarning, journal.HighestLevel(AlarmCodes.SourceCircuit, 2));
            Assert.AreEqual(AlarmCodes.LevelNormal, journal.HighestLevel(AlarmCodes.SourceCircuit, 3));

            AlarmEntry other = Event(AlarmCodes.EventRaised, AlarmCodes.SourcePhase, 1, AlarmCodes.UnderVoltage, AlarmCodes.LevelCritical, 190, 195.5, T0.AddSeconds(1));
            Assert.AreEqual(2u, journal.Append(other));

            AlarmEntry changed = Event(AlarmCodes.EventChanged, AlarmCodes.SourceCircuit, 2, AlarmCodes.LoadHigh, AlarmCodes.LevelCritical, 95.1, 90, T0.AddSeconds(5));
            changed.PreviousLevel = AlarmCodes.LevelWarning;
            Assert.AreEqual(3u, journal.Append(changed));
            Assert.AreEqual(1u, changed.AlarmId);
            Assert.AreEqual(AlarmCodes.LevelCritical, journal.HighestLevel(AlarmCodes.SourceCircuit, 2));

            AlarmEntry row = new AlarmEntry();
            Assert.IsTrue(journal.FindActive(AlarmCodes.SourceCircuit, 2, AlarmCodes.LoadHigh, row));
            Assert.AreEqual(1u, row.Id);
            Assert.AreEqual(1u, row.AlarmId);
            Assert.AreEqual(AlarmCodes.EventRaised, row.Kind);
            Assert.AreEqual(T0, row.TimestampUtc, "raised time");
            Assert.AreEqual(T0.AddSeconds(5), row.ChangedUtc);
            Assert.AreEqual(95.1, row.Value);
            Assert.AreEqual(AlarmCodes.LevelWarning, row.PreviousLevel);

            // Rows come in AlarmId order.
            Assert.IsTrue(journal.CopyActive(1, row));
            Assert.AreEqual(2u, row.AlarmId);
            Assert.AreEqual(AlarmCodes.SourcePhase, row.Source);

            AlarmEntry cleared = Event(AlarmCodes.EventCleared, AlarmCodes.SourceCircuit, 2, AlarmCodes.LoadHigh, AlarmCodes.LevelNormal, 70, 75, T0.AddSeconds(9));
            Assert.AreEqual(4u, journal.Append(cleared));
            Assert.AreEqual(1u, cleared.AlarmId);
            Assert.AreEqual(1, journal.ActiveCount);
            Assert.IsFalse(journal.FindActive(AlarmCodes.SourceCircuit, 2, AlarmCodes.LoadHigh, row));
            Assert.AreEqual(AlarmCodes.LevelNormal, journal.HighestLevel(AlarmCodes.SourceCircuit, 2));

            Assert.AreEqual(4, journal.LogCount);
            AlarmEntry log = new AlarmEntry();
            Assert.IsTrue(journal.CopyLog(0, log));
            Assert.AreEqual(4u, log.Id);
            Assert.AreEqual(AlarmCodes.EventCleared, log.Kind);
            Assert.IsTrue(journal.CopyLog(3, log));
            Assert.AreEqual(1u, log.Id);
            Assert.AreEqual(85.2, log.Value);
            Assert.AreEqual(80.0, log.Threshold);
            Assert.IsFalse(journal.CopyLog(4, log));
        }

        [TestMethod]
        public void AcknowledgeRecordsWhoAndWhenOnce()
        {
            AlarmJournal journal = OpenJournal(null);
            Recorder recorder = new Recorder();
            journal.Listener = recorder;
            AlarmEntry raised = Event(AlarmCodes.EventRaised, AlarmCodes.SourceChannel, 7, AlarmCodes.OverCurrent, AlarmCodes.LevelWarning, 85, 80, T0);
            journal.Append(raised);
            Assert.IsFalse(journal.Acknowledge(99, "admin", T0), "no such alarm");
            Assert.IsTrue(journal.Acknowledge(1, "operator", T0.AddMinutes(1)));
            Assert.IsFalse(journal.Acknowledge(1, "admin", T0.AddMinutes(2)), "already acknowledged");
            Assert.AreEqual(2, recorder.Count);
            Assert.AreEqual(AlarmCodes.EventAcknowledged, recorder.LastKind);
            Assert.AreEqual("operator", recorder.LastUser);
            Assert.AreEqual(2u, recorder.LastId);
            Assert.AreEqual(1u, recorder.LastAlarmId);

            AlarmEntry row = new AlarmEntry();
            Assert.IsTrue(journal.CopyActive(0, row));
            Assert.IsTrue(row.Acknowledged);
            Assert.AreEqual("operator", row.AckUser);
            Assert.AreEqual(T0.AddMinutes(1), row.AckTimeUtc);

            AlarmEntry log = new AlarmEntry();
            Assert.IsTrue(journal.CopyLog(0, log));
            Assert.AreEqual(AlarmCodes.EventAcknowledged, log.Kind);
            Assert.AreEqual("operator", log.AckUser);
            Assert.AreEqual(T0.AddMinutes(1), log.TimestampUtc);

            // Warning -> critical needs a new acknowledgement; critical -> warning keeps it.
            AlarmEntry up = Event(AlarmCodes.EventChanged, AlarmCodes.SourceChannel, 7, AlarmCodes.OverCurrent, AlarmCodes.LevelCritical, 95, 90, T0.AddMinutes(3));
            journal.Append(up);
            Assert.IsFalse(up.Acknowledged);
            Assert.IsTrue(journal.CopyActive(0, row));
            Assert.IsFalse(row.Acknowledged);
            Assert.IsNull(row.AckUser);
            Assert.IsTrue(journal.Acknowledge(1, "admin", T0.AddMinutes(4)));
            AlarmEntry down = Event(AlarmCodes.EventChanged, AlarmCodes.SourceChannel, 7, AlarmCodes.OverCurrent, AlarmCodes.LevelWarning, 86, 90, T0.AddMinutes(5));
            journal.Append(down);
            Assert.IsTrue(down.Acknowledged);
            Assert.AreEqual("admin", down.AckUser);
            Assert.IsTrue(journal.CopyActive(0, row));
            Assert.IsTrue(row.Acknowledged);
            Assert.AreEqual("admin", row.AckUser);

            // The clear carries the acknowledgement so far.
            AlarmEntry cleared = Event(AlarmCodes.EventCleared, AlarmCodes.SourceChannel, 7, AlarmCodes.OverCurrent, AlarmCodes.LevelNormal, 60, 75, T0.AddMinutes(6));
            journal.Append(cleared);
            Assert.IsTrue(cleared.Acknowledged);
            Assert.AreEqual(T0.AddMinutes(4), cleared.AckTimeUtc);
            Assert.IsFalse(journal.Acknowledge(1, "admin", T0.AddMinutes(7)), "cleared");
            Assert.AreEqual(6, recorder.Count);
        }

        [TestMethod]
        public void LongUserNamesAreCutToSixteenBytesOnACharacterBoundary()
        {
            MemoryFlash flash = NewFlash(4);
            AlarmJournal journal = OpenJournal(flash);
            journal.Append(Event(AlarmCodes.EventRaised, AlarmCodes.SourceDevice, 0, AlarmCodes.FrequencyHigh, AlarmCodes.LevelWarning, 50.6, 50.5, T0));
            string name = "abcdefghijklmno\u00e9xyz"; // 15 ASCII bytes, then a 2-byte character that does not fit
            Assert.IsTrue(journal.Acknowledge(1, name, T0));
            AlarmEntry row = new AlarmEntry();
            Assert.IsTrue(journal.CopyActive(0, row));
            Assert.AreEqual("abcdefghijklmno", row.AckUser, "live row reads what is stored");
            AlarmJournal again = OpenJournal(flash);
            Assert.IsTrue(again.CopyActive(0, row));
            Assert.AreEqual("abcdefghijklmno", row.AckUser);
            Assert.IsTrue(again.CopyLog(0, row));
            Assert.AreEqual("abcdefghijklmno", row.AckUser);

            byte[] buffer = new byte[16];
            Assert.AreEqual(16, AlarmRecordCodec.EncodeUtf8("\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9", buffer, 0, 16));
            Assert.AreEqual(15, AlarmRecordCodec.EncodeUtf8("\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac", buffer, 0, 16));
            Assert.AreEqual(0xE2, (int)buffer[0]);
            Assert.AreEqual(18, AlarmRecordCodec.Utf8Length("\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac"));
        }

        [TestMethod]
        public void ReplayRebuildsTheLogAndTheActiveTableWithAcknowledgements()
        {
            MemoryFlash flash = NewFlash(4);
            AlarmJournal journal = OpenJournal(flash);
            journal.Append(Event(AlarmCodes.EventRaised, AlarmCodes.SourceCircuit, 2, AlarmCodes.LoadHigh, AlarmCodes.LevelWarning, 85.2, 80, T0));
            journal.Append(Event(AlarmCodes.EventRaised, AlarmCodes.SourcePhase, 0, AlarmCodes.PhaseLost, AlarmCodes.LevelCritical, 0.0, 46, T0.AddSeconds(1)));
            journal.Append(Event(AlarmCodes.EventRaised, AlarmCodes.SourceDevice, 0, AlarmCodes.VoltageUnbalance, AlarmCodes.LevelWarning, 2.345, 2, T0.AddSeconds(2)));
            journal.Append(Event(AlarmCodes.EventChanged, AlarmCodes.SourceCircuit, 2, AlarmCodes.LoadHigh, AlarmCodes.LevelCritical, 95.1, 90, T0.AddSeconds(3)));
            Assert.IsTrue(journal.Acknowledge(2, "operator", T0.AddSeconds(4)));
            journal.Append(Event(AlarmCodes.EventCleared, AlarmCodes.SourceDevice, 0, AlarmCodes.VoltageUnbalance, AlarmCodes.LevelNormal, 1.5, 1.8, T0.AddSeconds(5)));

            AlarmJournal again = OpenJournal(flash);
            Assert.AreEqual(journal.LogCount, again.LogCount);
            Assert.AreEqual(6, again.LogCount);
            Assert.AreEqual(journal.NextId, again.NextId);
            Assert.AreEqual(2, again.ActiveCount);
            Assert.AreEqual(Rows(journal), Rows(again));
            Assert.AreEqual(Log(journal), Log(again));

            AlarmEntry row = new AlarmEntry();
            Assert.IsTrue(again.FindActive(AlarmCodes.SourceCircuit, 2, AlarmCodes.LoadHigh, row));
            Assert.AreEqual(AlarmCodes.LevelCritical, row.Level);
            Assert.AreEqual(95.1, row.Value);
            Assert.AreEqual(90.0, row.Threshold);
            Assert.AreEqual(T0, row.TimestampUtc);
            Assert.AreEqual(T0.AddSeconds(3), row.ChangedUtc);
            Assert.IsFalse(row.Acknowledged);
            Assert.IsTrue(again.FindActive(AlarmCodes.SourcePhase, 0, AlarmCodes.PhaseLost, row));
            Assert.IsTrue(row.Acknowledged);
            Assert.AreEqual("operator", row.AckUser);
            Assert.AreEqual(T0.AddSeconds(4), row.AckTimeUtc);

            // Ids go on after the reboot, and the alarm keeps its id.
            AlarmEntry cleared = Event(AlarmCodes.EventCleared, AlarmCodes.SourcePhase, 0, AlarmCodes.PhaseLost, AlarmCodes.LevelNormal, 230, 50, T0.AddSeconds(6));
            Assert.AreEqual(7u, again.Append(cleared));
            Assert.AreEqual(2u, cleared.AlarmId);
            Assert.IsTrue(cleared.Acknowledged);
            Assert.AreEqual("operator", cleared.AckUser);
        }

        [TestMethod]
        public void RingWrapKeepsTheNewestEventsAndEveryActiveAlarm()
        {
            MemoryFlash flash = NewFlash(4);
            AlarmJournal journal = OpenJournal(flash);

            // Three long-lived alarms, one acknowledged, then 10 laps of a flapping one.
            journal.Append(Event(AlarmCodes.EventRaised, AlarmCodes.SourceCircuit, 1, AlarmCodes.LoadHigh, AlarmCodes.LevelWarning, 82, 80, T0));
            journal.Append(Event(AlarmCodes.EventRaised, AlarmCodes.SourcePhase, 2, AlarmCodes.OverVoltage, AlarmCodes.LevelCritical, 266.5, 264.5, T0));
            journal.Append(Event(AlarmCodes.EventRaised, AlarmCodes.SourceChannel, 3, AlarmCodes.OverCurrent, AlarmCodes.LevelWarning, 81, 80, T0));
            Assert.IsTrue(journal.Acknowledge(2, "nightshift", T0.AddMinutes(1)));
            string before = Rows(journal);
            int laps = 10;
            int events = laps * 4 * 64;
            for (int i = 0; i < events; i++)
            {
                int kind = i % 2 == 0 ? AlarmCodes.EventRaised : AlarmCodes.EventCleared;
                journal.Append(Event(kind, AlarmCodes.SourceCircuit, 9, AlarmCodes.LowLoad, i % 2 == 0 ? AlarmCodes.LevelWarning : AlarmCodes.LevelNormal, i, 0.5, T0.AddSeconds(100 + i)));
            }

            Assert.AreEqual(before, Rows(journal), "live table");
            Assert.IsTrue(journal.LogCount >= 3 * 64 - 3 && journal.LogCount <= 4 * 64, "log count " + journal.LogCount.ToString());
            AlarmJournal again = OpenJournal(flash);
            Assert.AreEqual(before, Rows(again), "rebuilt table");
            Assert.AreEqual(Log(journal), Log(again));
            Assert.AreEqual(journal.NextId, again.NextId);

            // Newest first, ids falling, the newest is the last flap.
            AlarmEntry log = new AlarmEntry();
            Assert.IsTrue(again.CopyLog(0, log));
            Assert.AreEqual(AlarmCodes.EventCleared, log.Kind);
            Assert.AreEqual((double)(events - 1), log.Value);
            uint previous = log.Id;
            for (int i = 1; i < again.LogCount; i++)
            {
                Assert.IsTrue(again.CopyLog(i, log));
                Assert.IsTrue(log.Id < previous, "ids fall");
                previous = log.Id;
            }

            for (int s = 0; s < 4; s++)
            {
                Assert.IsTrue(flash.EraseCount(s) >= laps - 1 && flash.EraseCount(s) <= laps + 1, "sector " + s.ToString() + " erased " + flash.EraseCount(s).ToString());
            }
        }

        [TestMethod]
        public void FlippedBitLosesOnlyThatRecord()
        {
            MemoryFlash flash = NewFlash(4);
            AlarmJournal journal = OpenJournal(flash);
            for (int i = 0; i < 4; i++)
            {
                journal.Append(Event(AlarmCodes.EventRaised, AlarmCodes.SourceChannel, i + 1, AlarmCodes.OverCurrent, AlarmCodes.LevelWarning, 85, 80, T0));
            }

            flash.Raw[64 * 2 + 40] ^= 0x04; // record 3's threshold
            AlarmJournal again = OpenJournal(flash);
            Assert.AreEqual(1, again.InvalidSlotsFound);
            Assert.AreEqual(3, again.LogCount);
            Assert.AreEqual(3, again.ActiveCount);
            Assert.IsFalse(again.FindActive(AlarmCodes.SourceChannel, 3, AlarmCodes.OverCurrent, new AlarmEntry()));
            Assert.AreEqual(5u, again.NextId);
        }

        [TestMethod]
        public void AFullTableGivesWayWithTheLeastImportantRow()
        {
            AlarmJournal journal = OpenJournal(NewFlash(4));
            for (int i = 0; i < AlarmJournal.ActiveCapacity; i++)
            {
                journal.Append(Event(AlarmCodes.EventRaised, AlarmCodes.SourceChannel, i + 1, AlarmCodes.OverCurrent, i == 0 ? AlarmCodes.LevelWarning : AlarmCodes.LevelCritical, 95, 90, T0));
            }

            Assert.IsTrue(journal.Acknowledge(5, "admin", T0));
            journal.Append(Event(AlarmCodes.EventRaised, AlarmCodes.SourceChannel, 100, AlarmCodes.OverCurrent, AlarmCodes.LevelCritical, 95, 90, T0));
            Assert.AreEqual(AlarmJournal.ActiveCapacity, journal.ActiveCount);
            Assert.AreEqual(1, journal.ActiveEvicted);
            Assert.IsFalse(journal.FindActive(AlarmCodes.SourceChannel, 5, AlarmCodes.OverCurrent, new AlarmEntry()), "the acknowledged row went");
            journal.Append(Event(AlarmCodes.EventRaised, AlarmCodes.SourceChannel, 101, AlarmCodes.OverCurrent, AlarmCodes.LevelCritical, 95, 90, T0));
            Assert.IsFalse(journal.FindActive(AlarmCodes.SourceChannel, 1, AlarmCodes.OverCurrent, new AlarmEntry()), "then the warning");
            Assert.AreEqual(2, journal.ActiveEvicted);
            journal.Append(Event(AlarmCodes.EventRaised, AlarmCodes.SourceChannel, 102, AlarmCodes.OverCurrent, AlarmCodes.LevelCritical, 95, 90, T0));
            Assert.IsFalse(journal.FindActive(AlarmCodes.SourceChannel, 2, AlarmCodes.OverCurrent, new AlarmEntry()), "then the oldest");
        }

        [TestMethod]
        public void PowerCutAtEveryByteOfAppendsKeepsEverythingOlder()
        {
            // 4 sectors of 64 slots; two long-lived alarms so that entering a sector restates them.
            MemoryFlash flash = NewFlash(4);
            AlarmJournal journal = OpenJournal(flash);
            journal.Append(Event(AlarmCodes.EventRaised, AlarmCodes.SourceCircuit, 1, AlarmCodes.LoadHigh, AlarmCodes.LevelWarning, 82, 80, T0));
            journal.Append(Event(AlarmCodes.EventRaised, AlarmCodes.SourcePhase, 2, AlarmCodes.OverVoltage, AlarmCodes.LevelCritical, 266.5, 264.5, T0));
            Assert.IsTrue(journal.Acknowledge(1, "operator", T0));
            // 3 records, then flaps: flap 189 enters sector 3 (restating sector 0's two alarms), 251 sector 0,
            // 315 sector 1, 379 sector 2 (restating them again from sector 3): the steps cover 379.
            int n = 0;
            while (n < 360)
            {
                Flap(journal, n++);
            }

            int cuts = 0;
            int restated = 0;
            for (int step = 0; step < 30; step++)
            {
                byte[] before = Copy(flash.Raw);
                string rowsBefore = Rows(journal);
                string logBefore = Log(journal);
                uint idBefore = journal.NextId;

                // How many bytes this append writes (erase and restatements included).
                MemoryFlash probe = Clone(before);
                AlarmJournal probeJournal = OpenJournal(probe);
                probe.CutAfterBytes = int.MaxValue;
                Flap(probeJournal, n);
                int span = int.MaxValue - probe.CutAfterBytes;
                string rowsAfter = Rows(probeJournal);
                string logAfter = Log(probeJournal);
                if (probeJournal.NextId > idBefore + 1)
                {
                    restated++;
                }

                for (int cut = 0; cut < span; cut++)
                {
                    MemoryFlash torn = Clone(before);
                    AlarmJournal victim = OpenJournal(torn);
                    torn.CutAfterBytes = cut;
                    bool landed = false;
                    try
                    {
                        Flap(victim, n);
                    }
                    catch (PowerCutException)
                    {
                        landed = true;
                    }

                    Assert.IsTrue(landed, "cut after " + cut.ToString() + " of " + span.ToString() + " bytes did not land");
                    cuts++;
                    AlarmJournal rebooted = OpenJournal(torn);

                    // The record is either not there (cut before its marker) or complete; nothing older is lost.
                    string rows = Rows(rebooted);
                    Assert.IsTrue(rows == rowsBefore, "step " + step.ToString() + " cut " + cut.ToString() + ": active table " + rows);
                    string log = Log(rebooted);
                    Assert.IsTrue(log == logBefore || IsOlderPart(log, logBefore), "step " + step.ToString() + " cut " + cut.ToString() + ": log changed");

                    // And the journal goes on: the same event is appended and survives the next reboot.
                    Flap(rebooted, n);
                    AlarmJournal after = OpenJournal(torn);
                    // (Ids may differ: a torn last slot of a sector moves the retry into the next sector, restating.)
                    Assert.AreEqual(WithoutIds(rowsAfter), WithoutIds(Rows(after)), "after the retry, step " + step.ToString() + " cut " + cut.ToString());
                    Assert.AreEqual(WithoutIds(Newest(logAfter)), WithoutIds(Newest(Log(after))), "retried event");
                }

                Flap(journal, n++);
                Assert.AreEqual(logAfter, Log(journal));
            }

            Assert.IsTrue(restated >= 1 && cuts > 4096, "cuts " + cuts.ToString() + ", appends that restated " + restated.ToString());
        }

        [TestMethod]
        public void RamOnlyJournalWorksWithoutFlash()
        {
            AlarmJournal journal = OpenJournal(null);
            Assert.AreEqual(448, journal.GuaranteedRecords);
            for (int i = 0; i < 2000; i++)
            {
                Flap(journal, i);
            }

            Assert.AreEqual(0, journal.ActiveCount);
            Assert.IsTrue(journal.LogCount >= 448, "log " + journal.LogCount.ToString());
        }

        [TestMethod]
        public void CodecRoundTripsEveryField()
        {
            AlarmEntry e = Event(AlarmCodes.EventChanged, AlarmCodes.SourceCircuit, 300, AlarmCodes.NeutralCurrent, AlarmCodes.LevelCritical, -12.3456, 1234567.891, new DateTime(2026, 1, 2, 3, 4, 5, 678));
            e.Id = 0xFFFFFFF0;
            e.AlarmId = 77;
            e.PreviousLevel = AlarmCodes.LevelWarning;
            e.Latching = true;
            e.Acknowledged = true;
            e.AckUser = "root";
            e.AckTimeUtc = new DateTime(2026, 1, 2, 3, 5, 0);
            e.ChangedUtc = new DateTime(2026, 1, 2, 3, 4, 6);
            byte[] slot = new byte[AlarmRecordCodec.SlotSize];
            AlarmRecordCodec.Encode(e, e.Kind, slot);
            Assert.IsFalse(AlarmRecordCodec.IsValid(slot), "not committed yet");
            slot[AlarmRecordCodec.CommitOffset] = AlarmRecordCodec.Committed;
            Assert.IsTrue(AlarmRecordCodec.IsValid(slot));
            AlarmEntry d = new AlarmEntry();
            AlarmRecordCodec.Decode(slot, d);
            Assert.AreEqual(e.Id, d.Id);
            Assert.AreEqual(77u, d.AlarmId);
            Assert.AreEqual(AlarmCodes.EventChanged, d.Kind);
            Assert.AreEqual(e.TimestampUtc, d.TimestampUtc);
            Assert.AreEqual(e.ChangedUtc, d.ChangedUtc);
            Assert.AreEqual(e.AckTimeUtc, d.AckTimeUtc);
            Assert.AreEqual(AlarmCodes.SourceCircuit, d.Source);
            Assert.AreEqual(300, d.SourceIndex);
            Assert.AreEqual(AlarmCodes.NeutralCurrent, d.Condition);
            Assert.AreEqual(AlarmCodes.LevelCritical, d.Level);
            Assert.AreEqual(AlarmCodes.LevelWarning, d.PreviousLevel);
            Assert.AreEqual(-12.346, d.Value);
            Assert.AreEqual(1234567.891, d.Threshold);
            Assert.IsTrue(d.Latching);
            Assert.IsTrue(d.Acknowledged);
            Assert.IsNull(d.AckUser);
            Assert.AreEqual("root", AlarmRecordCodec.UserString(slot));

            AlarmEntry blank = new AlarmEntry();
            blank.Kind = AlarmCodes.EventRaised;
            blank.TimestampUtc = DateTime.MinValue;
            AlarmRecordCodec.Encode(blank, blank.Kind, slot);
            slot[AlarmRecordCodec.CommitOffset] = AlarmRecordCodec.Committed;
            AlarmRecordCodec.Decode(slot, d);
            Assert.AreEqual(DateTime.MinValue, d.TimestampUtc);
            Assert.IsNull(AlarmRecordCodec.UserString(slot));
        }

        private static void Flap(AlarmJournal journal, int n)
        {
            int kind = n % 2 == 0 ? AlarmCodes.EventRaised : AlarmCodes.EventCleared;
            journal.Append(Event(kind, AlarmCodes.SourceCircuit, 9, AlarmCodes.LowLoad, n % 2 == 0 ? AlarmCodes.LevelWarning : AlarmCodes.LevelNormal, n, 0.5, T0.AddSeconds(n)));
        }

        /// <summary>log is logBefore less some of its oldest lines (an erase cut short drops only older events).</summary>
        private static bool IsOlderPart(string log, string logBefore)
        {
            return logBefore.StartsWith(log) && log.Length > 0;
        }

        /// <summary>The text with each line's leading "Id/AlarmId " left out.</summary>
        private static string WithoutIds(string text)
        {
            string result = string.Empty;
            int start = 0;
            while (start < text.Length)
            {
                int end = text.IndexOf('\n', start);
                if (end < 0)
                {
                    end = text.Length;
                }

                int space = text.IndexOf(' ', start);
                result += (space >= 0 && space < end ? text.Substring(space, end - space) : text.Substring(start, end - start)) + "\n";
                start = end + 1;
            }

            return result;
        }

        private static string Newest(string log)
        {
            int end = log.IndexOf('\n');
            return end < 0 ? log : log.Substring(0, end);
        }

        /// <summary>The active table as text (every field a reader sees).</summary>
        private static string Rows(AlarmJournal journal)
        {
            string text = string.Empty;
            AlarmEntry r = new AlarmEntry();
            for (int i = 0; journal.CopyActive(i, r); i++)
            {
                text += Describe(r) + "\n";
            }

            return text;
        }

        /// <summary>The log as text, newest first.</summary>
        private static string Log(AlarmJournal journal)
        {
            string text = string.Empty;
            AlarmEntry r = new AlarmEntry();
            for (int i = 0; journal.CopyLog(i, r); i++)
            {
                text += Describe(r) + "\n";
            }

            return text;
        }

        private static string Describe(AlarmEntry r)
        {
            return r.Id.ToString() + "/" + r.AlarmId.ToString() + " k" + r.Kind.ToString() + " s" + r.Source.ToString() + "." +
                r.SourceIndex.ToString() + " c" + r.Condition.ToString() + " l" + r.PreviousLevel.ToString() + ">" + r.Level.ToString() +
                " v" + r.Value.ToString() + " t" + r.Threshold.ToString() + " at" + r.TimestampUtc.Ticks.ToString() + " ch" +
                r.ChangedUtc.Ticks.ToString() + " latch" + (r.Latching ? "1" : "0") + " ack" + (r.Acknowledged ? "1" : "0") +
                (r.AckUser == null ? "-" : r.AckUser) + r.AckTimeUtc.Ticks.ToString();
        }

        private static AlarmEntry Event(int kind, int source, int index, int condition, int level, double value, double threshold, DateTime utc)
        {
            AlarmEntry e = new AlarmEntry();
            e.Kind = kind;
            e.Source = source;
            e.SourceIndex = index;
            e.Condition = condition;
            e.Level = level;
            e.Value = value;
            e.Threshold = threshold;
            e.TimestampUtc = utc;
            e.AckTimeUtc = DateTime.MinValue;
            return e;
        }

        private static AlarmJournal OpenJournal(MemoryFlash flash)
        {
            AlarmJournal journal = new AlarmJournal(flash);
            journal.Open();
            return journal;
        }

        private static MemoryFlash NewFlash(int sectors)
        {
            return new MemoryFlash("alarms", 4096, 256, sectors);
        }

        private static MemoryFlash Clone(byte[] raw)
        {
            MemoryFlash flash = NewFlash(raw.Length / 4096);
            Array.Copy(raw, flash.Raw, raw.Length);
            return flash;
        }

        private static byte[] Copy(byte[] raw)
        {
            byte[] copy = new byte[raw.Length];
            Array.Copy(raw, copy, raw.Length);
            return copy;
        }

        private sealed class Recorder : IAlarmJournalListener
        {
            public int Count;
            public int LastKind;
            public string LastUser;
            public uint LastId;
            public uint LastAlarmId;

            public void OnAlarmEvent(AlarmEntry entry)
            {
                Count++;
                LastKind = entry.Kind;
                LastUser = entry.AckUser;
                LastId = entry.Id;
                LastAlarmId = entry.AlarmId;
            }
        }
    }
}
