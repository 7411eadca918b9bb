using System;
using System.IO;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Storage;
using Xunit;

namespace Ipenergy.Probe.Tests.Board
{
    /// <summary>
    /// The board's flash partitions are files that must behave as NOR flash (IFlashPartition): erased = 0xFF,
    /// programming only clears bits and stays in a page, erase restores a whole sector; contents survive a reopen.
    /// </summary>
    public sealed class FileFlashPartitionTests : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("board-flash-").FullName;

        public void Dispose()
        {
            Directory.Delete(_folder, true);
        }

        private string PathOf(string name)
        {
            return Path.Combine(_folder, name + ".bin");
        }

        [Fact]
        public void ANewPartitionIsErasedAndAsLargeAsItsSectors()
        {
            IFlashPartition p = BoardCodeOnHost.OpenPartition(PathOf("energy"), "energy", 3);
            Assert.Equal("energy", p.Name);
            Assert.Equal(4096, p.SectorSize);
            Assert.Equal(256, p.PageSize);
            Assert.Equal(3, p.SectorCount);
            Assert.Equal(3 * 4096L, new FileInfo(PathOf("energy")).Length);
            byte[] all = new byte[3 * 4096];
            p.Read(0, all, 0, all.Length);
            Assert.All(all, b => Assert.Equal(0xFF, b));
        }

        [Fact]
        public void ProgrammingOnlyClearsBits()
        {
            IFlashPartition p = BoardCodeOnHost.OpenPartition(PathOf("config"), "config", 2);
            p.Program(4100, new byte[] { 0x0F, 0xAA }, 0, 2);
            p.Program(4100, new byte[] { 0xF3, 0xFF }, 0, 2);
            byte[] read = new byte[4];
            p.Read(4099, read, 0, 4);
            Assert.Equal(new byte[] { 0xFF, 0x03, 0xAA, 0xFF }, read);
        }

        [Fact]
        public void AProgramMustStayInOnePage()
        {
            IFlashPartition p = BoardCodeOnHost.OpenPartition(PathOf("alarms"), "alarms", 2);
            Assert.Throws<ArgumentException>(() => p.Program(250, new byte[10], 0, 10));
            Assert.Throws<ArgumentOutOfRangeException>(() => p.Read(2 * 4096 - 2, new byte[4], 0, 4));
            byte[] read = new byte[10];
            p.Read(250, read, 0, 10);
            Assert.All(read, b => Assert.Equal(0xFF, b));
        }

        [Fact]
        public void EraseRestoresOneWholeSectorAndCountsIt()
        {
            IFlashPartition p = BoardCodeOnHost.OpenPartition(PathOf("history"), "history", 3);
            byte[] zeros = new byte[256];
            for (int sector = 0; sector < 3; sector++)
            {
                for (int page = 0; page < 16; page++)
                {
                    p.Program(sector * 4096 + page * 256, zeros, 0, 256);
                }
            }

            p.Erase(1);
            p.Erase(1);
            byte[] all = new byte[3 * 4096];
            p.Read(0, all, 0, all.Length);
            for (int i = 0; i < all.Length; i++)
            {
                Assert.True(all[i] == (i / 4096 == 1 ? 0xFF : 0x00), "byte " + i + " is " + all[i]);
            }

            Assert.Equal(0, p.EraseCount(0));
            Assert.Equal(2, p.EraseCount(1));
        }

        [Fact]
        public void ContentSurvivesAReopenAndAGrownLayoutAddsErasedSectors()
        {
            IFlashPartition first = BoardCodeOnHost.OpenPartition(PathOf("billing"), "billing", 2);
            first.Program(8000, new byte[] { 0x12, 0x34 }, 0, 2);
            ((IDisposable)first).Dispose();

            IFlashPartition again = BoardCodeOnHost.OpenPartition(PathOf("billing"), "billing", 4);
            byte[] read = new byte[2];
            again.Read(8000, read, 0, 2);
            Assert.Equal(new byte[] { 0x12, 0x34 }, read);
            byte[] grown = new byte[2 * 4096];
            again.Read(2 * 4096, grown, 0, grown.Length);
            Assert.All(grown, b => Assert.Equal(0xFF, b));
        }

        [Fact]
        public void TheEnergyStoreKeepsItsCountersAcrossAReboot()
        {
            long[] counters = new long[3 * EnergyStore.RegistersPerChannel];
            for (int i = 0; i < counters.Length; i++)
            {
                counters[i] = 1000L * (i + 1) + 7;
            }

            IFlashPartition boot1 = BoardCodeOnHost.OpenPartition(PathOf("energy"), "energy", 32);
            EnergyStore store = new EnergyStore(boot1, 3);
            store.Open();
            Assert.False(store.HasSaved);
            for (int n = 0; n < 50; n++)
            {
                counters[0] += n;
                store.Save(counters, 60000L * n, new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc), EnergyStore.ReasonPeriodic);
            }

            ((IDisposable)boot1).Dispose();

            IFlashPartition boot2 = BoardCodeOnHost.OpenPartition(PathOf("energy"), "energy", 32);
            EnergyStore reopened = new EnergyStore(boot2, 3);
            reopened.Open();
            Assert.True(reopened.HasSaved);
            Assert.Equal(counters, reopened.SavedMilliUnits);
            Assert.Equal(60000L * 49, reopened.SavedUptimeMilliseconds);
        }

        [Fact]
        public void TheStorageGivesEveryPartitionByName()
        {
            string[] names = { FlashPartitionNames.Config, FlashPartitionNames.Energy, FlashPartitionNames.History };
            IFlashStorage storage = BoardCodeOnHost.OpenStorage(Path.Combine(_folder, "eprobe"), names, new[] { 4, 8, 16 }, 0);
            Assert.Equal(4, storage.Partition(FlashPartitionNames.Config).SectorCount);
            Assert.Equal(16, storage.Partition(FlashPartitionNames.History).SectorCount);
            Assert.Null(storage.Partition(FlashPartitionNames.Billing));
        }

        [Fact]
        public void HistoryShrinksToFitThreeQuartersOfASmallDrive()
        {
            string[] names = { "config", "energy", "history", "billing", "alarms" };
            int[] wanted = { 4, 32, 512, 16, 8 };

            // 1 MiB drive: 192 sectors usable, 60 for the others, 132 left for history.
            Assert.Equal(new[] { 4, 32, 132, 16, 8 }, BoardCodeOnHost.FitToDrive(names, wanted, 1024 * 1024));

            // 4 MiB and more, or unknown (0): the layout as asked.
            Assert.Equal(wanted, BoardCodeOnHost.FitToDrive(names, wanted, 4L * 1024 * 1024));
            Assert.Equal(wanted, BoardCodeOnHost.FitToDrive(names, wanted, 0));

            // Too small even for the others: history keeps the 2 sectors a ring needs.
            Assert.Equal(2, BoardCodeOnHost.FitToDrive(names, wanted, 64 * 1024)[2]);
        }
    }
}
