using System;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Storage.Alarms
{
    /// <summary>
    /// A flash partition in RAM with the NOR rules (programs AND bits within a page, erase sets 0xFF), so
    /// an AlarmJournal without flash (tests, a board without a journal partition) behaves exactly as one
    /// with flash, only forgetting everything at reset.
    /// </summary>
    public sealed class RamFlashPartition : IFlashPartition
    {
        private readonly byte[] _data;
        private readonly int[] _erases;

        public RamFlashPartition(string name, int sectorSize, int pageSize, int sectorCount)
        {
            Name = name;
            SectorSize = sectorSize;
            PageSize = pageSize;
            SectorCount = sectorCount;
            EnduranceCycles = 100000;
            _data = new byte[sectorSize * sectorCount];
            _erases = new int[sectorCount];
            for (int i = 0; i < _data.Length; i++)
            {
                _data[i] = 0xFF;
            }
        }

        public string Name { get; private set; }

        public int SectorSize { get; private set; }

        public int PageSize { get; private set; }

        public int SectorCount { get; private set; }

        public int EnduranceCycles { get; private set; }

        public void Read(int offset, byte[] buffer, int index, int count)
        {
            Array.Copy(_data, offset, buffer, index, count);
        }

        public void Program(int offset, byte[] data, int index, int count)
        {
            if (count > 0 && offset / PageSize != (offset + count - 1) / PageSize)
            {
                throw new ArgumentException("program crosses a page boundary");
            }

            for (int i = 0; i < count; i++)
            {
                _data[offset + i] &= data[index + i];
            }
        }

        public void Erase(int sector)
        {
            _erases[sector]++;
            int start = sector * SectorSize;
            for (int i = 0; i < SectorSize; i++)
            {
                _data[start + i] = 0xFF;
            }
        }

        public int EraseCount(int sector)
        {
            return _erases[sector];
        }
    }
}
