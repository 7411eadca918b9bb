using System;
using System.IO;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Simulator;
using Ipenergy.Probe.Storage;
using Xunit;

namespace Ipenergy.Probe.Tests.Storage
{
    /// <summary>The simulator's flash files: NOR rules, erase counts that survive restarts, layout checks.</summary>
    public sealed class FileFlashStorageTests : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("flash-test-").FullName;

        public void Dispose()
        {
            Directory.Delete(_dir, true);
        }

        [Fact]
        public void FirstUseCreatesErasedPartitionsOfTheLayout()
        {
            using (FileFlashStorage flash = new FileFlashStorage(_dir, "MPP18", new FlashWriteDelay(0)))
            {
                Assert.Equal(4 * 4096, Size(flash, FlashPartitionNames.Config));
                Assert.Equal(32 * 4096, Size(flash, FlashPartitionNames.Energy));
                Assert.Equal(2 * 1024 * 1024, Size(flash, FlashPartitionNames.History));
                Assert.Equal(16 * 4096, Size(flash, FlashPartitionNames.Billing));
                Assert.Null(flash.Partition("nonsense"));
                IFlashPartition energy = flash.Partition(FlashPartitionNames.Energy);
                Assert.Equal(256, energy.PageSize);
                Assert.Equal(100000, energy.EnduranceCycles);
            }

            byte[] file = File.ReadAllBytes(Path.Combine(_dir, "flash-energy.bin"));
            Assert.Equal(32 * 4096, file.Length);
            Assert.All(file, b => Assert.Equal(0xFF, b));
        }

        [Fact]
        public void ProgrammingOnlyClearsBitsWithinOnePage()
        {
            using FileFlashStorage flash = new FileFlashStorage(_dir, "MPP3", new FlashWriteDelay(0));
            IFlashPartition p = flash.Partition(FlashPartitionNames.Energy);
            p.Program(300, new byte[] { 0x0F, 0xAA }, 0, 2);
            p.Program(300, new byte[] { 0xF3, 0xFF }, 0, 2);
            byte[] got = new byte[3];
            p.Read(299, got, 0, 3);
            Assert.Equal(new byte[] { 0xFF, 0x03, 0xAA }, got);
            Assert.Throws<ArgumentException>(() => p.Program(250, new byte[10], 0, 10));
            Assert.Throws<ArgumentOutOfRangeException>(() => p.Read(32 * 4096 - 1, got, 0, 2));
        }

        [Fact]
        public void EraseRestoresOnesAndItsCountSurvivesARestart()
        {
            using (FileFlashStorage flash = new FileFlashStorage(_dir, "MPP18", new FlashWriteDelay(0)))
            {
                IFlashPartition p = flash.Partition(FlashPartitionNames.Energy);
                p.Program(4096 + 10, new byte[] { 0 }, 0, 1);
                p.Erase(1);
                p.Erase(1);
                p.Erase(5);
                byte[] b = new byte[1];
                p.Read(4096 + 10, b, 0, 1);
                Assert.Equal(0xFF, b[0]);
            }

            using (FileFlashStorage again = new FileFlashStorage(_dir, "MPP18", new FlashWriteDelay(0)))
            {
                IFlashPartition p = again.Partition(FlashPartitionNames.Energy);
                Assert.Equal(2, p.EraseCount(1));
                Assert.Equal(1, p.EraseCount(5));
                Assert.Equal(0, p.EraseCount(0));
            }
        }

        [Fact]
        public void AFileOfTheWrongSizeIsRefusedWithItsName()
        {
            File.WriteAllBytes(Path.Combine(_dir, "flash-energy.bin"), new byte[100]);
            IOException e = Assert.Throws<IOException>(() => new FileFlashStorage(_dir, "MPP18", new FlashWriteDelay(0)));
            Assert.Contains("flash-energy.bin has 100 bytes", e.Message);
        }

        [Fact]
        public void TheRecordLogRunsOnTheFiles()
        {
            using (FileFlashStorage flash = new FileFlashStorage(_dir, "MPP18", new FlashWriteDelay(0)))
            {
                EnergyStore store = new EnergyStore(flash.Partition(FlashPartitionNames.Energy), 18);
                store.Open();
                long[] c = new long[72];
                for (int n = 1; n <= 12; n++)
                {
                    c[0] = n;
                    store.Save(c, n * 60000L, DateTime.UtcNow, EnergyStore.ReasonPeriodic);
                }
            }

            using (FileFlashStorage flash = new FileFlashStorage(_dir, "MPP18", new FlashWriteDelay(0)))
            {
                IFlashPartition p = flash.Partition(FlashPartitionNames.Energy);
                EnergyStore store = new EnergyStore(p, 18);
                store.Open();
                Assert.Equal(12L, store.SavedMilliUnits[0]);
                Assert.Equal(12u, store.SavedSequence);

                // 12 records of 5 a sector: sectors 1 and 2 were erased on entry, sector 0 was blank.
                Assert.Equal(new[] { 0, 1, 1, 0 }, new[] { p.EraseCount(0), p.EraseCount(1), p.EraseCount(2), p.EraseCount(3) });
            }
        }

        [Fact]
        public void EnduranceAtTheDefaultIntervalFromTheSidecarCounts()
        {
            // Five laps of the MPP18 ring (160 records a lap), erase counts read back from the sidecar file.
            const int Records = 800;
            using (FileFlashStorage flash = new FileFlashStorage(_dir, "MPP18", new FlashWriteDelay(0)))
            {
                EnergyStore store = new EnergyStore(flash.Partition(FlashPartitionNames.Energy), 18);
                store.Open();
                long[] c = new long[72];
                for (int n = 1; n <= Records; n++)
                {
                    c[0] = n;
                    store.Save(c, n * 60000L, DateTime.UtcNow, EnergyStore.ReasonPeriodic);
                }
            }

            using (FileFlashStorage flash = new FileFlashStorage(_dir, "MPP18", new FlashWriteDelay(0)))
            {
                IFlashPartition p = flash.Partition(FlashPartitionNames.Energy);
                int total = 0;
                for (int s = 0; s < p.SectorCount; s++)
                {
                    // Every sector is erased on each entry but the first (blank) entry of sector 0.
                    Assert.InRange(p.EraseCount(s), 4, 5);
                    total += p.EraseCount(s);
                }

                double perRecord = (double)total / Records;
                double perSectorPerYear = perRecord * (365.25 * 86400 / 60.0) / p.SectorCount;
                double years = p.EnduranceCycles / perSectorPerYear;
                Assert.True(years >= 20, years + " years to " + p.EnduranceCycles + " cycles at 60 s");
                Assert.InRange(perSectorPerYear, 3200, 3300);   // storage/README.md: 3 287 a year, 30.4 years
            }
        }

        [Theory]
        [InlineData(null, 0)]
        [InlineData("", 0)]
        [InlineData("250", 250)]
        public void TheWriteDelayComesFromTheEnvironmentVariable(string text, int us)
        {
            Assert.Equal(us, FlashWriteDelay.Parse(text).Microseconds);
        }

        [Theory]
        [InlineData("-1")]
        [InlineData("1.5")]
        [InlineData("100001")]
        [InlineData("fast")]
        public void ABadWriteDelayNamesTheVariable(string text)
        {
            ArgumentException e = Assert.Throws<ArgumentException>(() => FlashWriteDelay.Parse(text));
            Assert.StartsWith("EPROBE_FLASH_WRITE_DELAY_US='" + text + "'", e.Message);
        }

        [Fact]
        public void TheWriteDelayIsSpentPerChunk()
        {
            using FileFlashStorage flash = new FileFlashStorage(_dir, "MPP18", new FlashWriteDelay(1000));
            IFlashPartition p = flash.Partition(FlashPartitionNames.Energy);
            System.Diagnostics.Stopwatch sw = System.Diagnostics.Stopwatch.StartNew();
            p.Program(0, new byte[256], 0, 256);   // 16 chunks of 16 bytes
            p.Erase(2);                             // 16 pages
            double ms = sw.Elapsed.TotalMilliseconds;
            Assert.True(ms >= 32, "32 chunks at 1 ms took only " + ms + " ms");
        }

        private static long Size(FileFlashStorage flash, string name)
        {
            IFlashPartition p = flash.Partition(name);
            return (long)p.SectorSize * p.SectorCount;
        }
    }
}
