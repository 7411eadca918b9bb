using System;
using System.Diagnostics;
using System.IO;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Protocols.Snmp.Usm;
using Ipenergy.Probe.Simulator;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Snmp
{
    /// <summary>
    /// snmpEngineBoots on the virtual e-Probe's file-backed flash (the simulator's FilePartition, NOR rules, files
    /// that outlive the process), and the per-message cost of the timeliness check.
    /// </summary>
    public sealed class UsmEngineBootsHostTests : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("usm-engine-boots-").FullName;
        private readonly ITestOutputHelper _output;

        public UsmEngineBootsHostTests(ITestOutputHelper output)
        {
            _output = output;
        }

        public void Dispose()
        {
            Directory.Delete(_dir, true);
        }

        [Fact]
        public void BootsGoesUpOncePerStartAcrossReopenedFlashFiles()
        {
            ManualClock time = new ManualClock();
            for (int start = 1; start <= 40; start++)
            {
                // Each start opens the partition files afresh, as a restarted simulator does.
                using (FilePartition partition = NewPartition())
                {
                    SnmpEngineClock clock = new SnmpEngineClock(new FlashEngineBootsStore(partition), time);
                    clock.Start();
                    Assert.Equal(start, clock.Boots);
                    Assert.True(clock.BootsPersisted);
                }
            }

            using (FilePartition partition = NewPartition())
            {
                Assert.Equal(40, new FlashEngineBootsStore(partition).Load());

                // 40 one-page records on 16-slot sectors: 1..16 in sector 0 (blank, no erase), 17..32 in sector 1
                // (erased), 33..40 in sector 0 again (erased): the ring went round.
                Assert.Equal(1, partition.EraseCount(0));
                Assert.Equal(1, partition.EraseCount(1));
            }
        }

        [Fact]
        public void ANewestRecordDamagedOnTheFileIsNotReused()
        {
            ManualClock time = new ManualClock();
            string path;
            using (FilePartition partition = NewPartition())
            {
                path = partition.DataPath;
                FlashEngineBootsStore store = new FlashEngineBootsStore(partition);
                store.Load();
                Assert.True(store.Save(41));
                Assert.True(store.Save(42));
            }

            // Tear the record of 42 on the file itself: its payload's first byte (slot 1 = byte 256, header 16 bytes).
            using (FileStream file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite))
            {
                file.Position = 256 + 16;
                file.WriteByte(0x00);
            }

            // The record of 41 is the newest valid one; the damaged slot after it may have held 42, so 42 is
            // not reused: the next start takes 43.
            using (FilePartition partition = NewPartition())
            {
                Assert.Equal(42, new FlashEngineBootsStore(partition).Load());
                SnmpEngineClock clock = new SnmpEngineClock(new FlashEngineBootsStore(partition), time);
                clock.Start();
                Assert.Equal(43, clock.Boots);
            }

            using (FilePartition partition = NewPartition())
            {
                Assert.Equal(43, new FlashEngineBootsStore(partition).Load());
            }
        }

        [Fact]
        public void TimelinessCheckAndClockUpdateAllocateNothing()
        {
            ManualClock time = new ManualClock();
            using (FilePartition partition = NewPartition())
            {
                SnmpEngineClock clock = new SnmpEngineClock(new FlashEngineBootsStore(partition), time);
                clock.Start();
                time.MonotonicMilliseconds = 1000000;
                clock.Update();
                UsmTimeliness.Check(clock, clock.Boots, clock.Time);

                const int Rounds = 1000000;
                int inWindow = 0;
                Stopwatch watch = Stopwatch.StartNew();
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < Rounds; i++)
                {
                    time.MonotonicMilliseconds += 1;
                    clock.Update();
                    if (UsmTimeliness.Check(clock, 1, 1000 + (i % 400) - 200) == UsmTimeliness.InTimeWindow)
                    {
                        inWindow++;
                    }
                }

                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                watch.Stop();
                _output.WriteLine(allocated + " bytes allocated over " + Rounds + " x (clock Update + timeliness check), "
                    + (watch.Elapsed.TotalMilliseconds * 1000000.0 / Rounds).ToString("F1") + " ns each on this host; "
                    + inWindow + " in the window");
                Assert.Equal(0, allocated);

                // The clock moved from 1000 s to 2000 s while the message times swept 800..1199: some in, most out.
                Assert.True(inWindow > 0 && inWindow < Rounds, "in window: " + inWindow);
            }
        }

        private FilePartition NewPartition()
        {
            return new FilePartition(_dir, FlashEngineBootsStore.PartitionName, FlashLayout.SectorSize, FlashLayout.PageSize, 2,
                FlashLayout.EnduranceCycles, new FlashWriteDelay(0));
        }

        private sealed class ManualClock : IClock
        {
            public long MonotonicMilliseconds { get; set; }

            public DateTime UtcNow { get { return new DateTime(2026, 11, 25, 0, 0, 0, DateTimeKind.Utc); } }
        }
    }
}
