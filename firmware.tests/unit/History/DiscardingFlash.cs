using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Tests.Unit.History
{
    /// <summary>
    /// A flash of any size that keeps nothing (reads erased) and counts what is written: measures how a
    /// writer fills a 2 MiB partition without 2 MiB of RAM.
    /// </summary>
    public sealed class DiscardingFlash : IFlashPartition
    {
        private readonly int[] _erases;

        public DiscardingFlash(string name, int sectorSize, int pageSize, int sectorCount)
        {
            Name = name;
            SectorSize = sectorSize;
            PageSize = pageSize;
            SectorCount = sectorCount;
            EnduranceCycles = 100000;
            _erases = new int[sectorCount];
        }

        public string Name { get; private set; }

        public int SectorSize { get; private set; }

        public int PageSize { get; private set; }

        public int SectorCount { get; private set; }

        public int EnduranceCycles { get; private set; }

        public long BytesProgrammed { get; private set; }

        public void Read(int offset, byte[] buffer, int index, int count)
        {
            for (int i = 0; i < count; i++)
            {
                buffer[index + i] = 0xFF;
            }
        }

        public void Program(int offset, byte[] data, int index, int count)
        {
            BytesProgrammed += count;
        }

        public void Erase(int sector)
        {
            _erases[sector]++;
        }

        public int EraseCount(int sector)
        {
            return _erases[sector];
        }
    }
}
