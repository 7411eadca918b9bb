using System;
using System.IO;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Simulator;
using Ipenergy.Probe.Storage.Alarms;
using Xunit;

namespace Ipenergy.Probe.Tests.Storage
{
    /// <summary>The alarm journal on the virtual e-Probe's flash files: the partition, and records on file at return.</summary>
    public sealed class AlarmJournalFileFlashTests : IDisposable
    {
        private static readonly DateTime T0 = new DateTime(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc);
        private readonly string _dir = Directory.CreateTempSubdirectory("alarm-journal-test-").FullName;

        public void Dispose()
        {
            Directory.Delete(_dir, true);
        }

        [Fact]
        public void ADataDirMadeBeforeTheAlarmsPartitionStillStarts()
        {
            using (FileFlashStorage flash = new FileFlashStorage(_dir, "MPP18", new FlashWriteDelay(0)))
            {
                flash.Partition(FlashPartitionNames.Energy).Program(0, new byte[] { 0x12 }, 0, 1);
            }

            // An older layout had no alarms partition: its files are simply not there.
            File.Delete(Path.Combine(_dir, "flash-alarms.bin"));
            File.Delete(Path.Combine(_dir, "flash-alarms.erases"));
            using (FileFlashStorage flash = new FileFlashStorage(_dir, "MPP18", new FlashWriteDelay(0)))
            {
                IFlashPartition alarms = flash.Partition(FlashPartitionNames.Alarms);
                Assert.NotNull(alarms);
                Assert.Equal(8, alarms.SectorCount);
                Assert.Equal(4096, alarms.SectorSize);
                byte[] energy = new byte[1];
                flash.Partition(FlashPartitionNames.Energy).Read(0, energy, 0, 1);
                Assert.Equal(0x12, energy[0]);
                AlarmJournal journal = new AlarmJournal(alarms);
                journal.Open();
                Assert.Equal(0, journal.LogCount);
                Assert.Equal(448, journal.GuaranteedRecords);
            }

            byte[] file = File.ReadAllBytes(Path.Combine(_dir, "flash-alarms.bin"));
            Assert.Equal(8 * 4096, file.Length);
        }

        [Fact]
        public void EveryEventIsInTheFileWhenAppendReturns()
        {
            // A second storage on the same files, opened while the first is still live (nothing flushed or
            // closed), sees what a process started after a SIGKILL would see.
            using FileFlashStorage live = new FileFlashStorage(_dir, "MPP3", new FlashWriteDelay(0));
            AlarmJournal journal = new AlarmJournal(live.Partition(FlashPartitionNames.Alarms));
            journal.Open();
            AlarmEntry e = new AlarmEntry
            {
                Kind = AlarmCodes.EventRaised, Source = AlarmCodes.SourceCircuit, SourceIndex = 2, Condition = AlarmCodes.LoadHigh,
                Level = AlarmCodes.LevelCritical, Value = 95.1, Threshold = 90, TimestampUtc = T0,
            };
            uint id = journal.Append(e);
            AlarmEntry read = new AlarmEntry();
            using (FileFlashStorage after = new FileFlashStorage(_dir, "MPP3", new FlashWriteDelay(0)))
            {
                AlarmJournal seen = new AlarmJournal(after.Partition(FlashPartitionNames.Alarms));
                seen.Open();
                Assert.Equal(1, seen.LogCount);
                Assert.True(seen.FindActive(AlarmCodes.SourceCircuit, 2, AlarmCodes.LoadHigh, read));
                Assert.Equal(id, read.AlarmId);
                Assert.Equal(95.1, read.Value);
            }

            Assert.True(journal.Acknowledge(id, "operator", T0.AddMinutes(1)));
            using (FileFlashStorage after = new FileFlashStorage(_dir, "MPP3", new FlashWriteDelay(0)))
            {
                AlarmJournal seen = new AlarmJournal(after.Partition(FlashPartitionNames.Alarms));
                seen.Open();
                Assert.Equal(2, seen.LogCount);
                Assert.True(seen.CopyActive(0, read));
                Assert.True(read.Acknowledged);
                Assert.Equal("operator", read.AckUser);
                Assert.Equal(T0.AddMinutes(1), read.AckTimeUtc);
            }
        }
    }
}
