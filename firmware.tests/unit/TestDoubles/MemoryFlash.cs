using System;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Tests.Unit.TestDoubles
{
    /// <summary>
    /// A flash partition in RAM with the chip's rules (AND programming, page-bounded programs, sector
    /// erase counts) and a simulated power cut: after CutAfterBytes more programmed or erased bytes
    /// the write stops half way and PowerCutException is thrown, leaving a torn page or sector.
    /// </summary>
    public sealed class MemoryFlash : IFlashPartition
    {
        private readonly byte[] _data;
        private readonly int[] _erases;

        public MemoryFlash(string name, int sectorSize, int pageSize, int sectorCount)
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

            CutAfterBytes = -1;
        }

        public string Name { get; private set; }

        public int SectorSize { get; private set; }

        public int PageSize { get; private set; }

        public int SectorCount { get; private set; }

        public int EnduranceCycles { get; private set; }

        /// <summary>−1: no cut. Otherwise the number of bytes still written before the power fails.</summary>
        public int CutAfterBytes { get; set; }

        /// <summary>The raw bytes, for tests that corrupt or inspect the flash.</summary>
        public byte[] Raw { get { return _data; } }

        public void Read(int offset, byte[] buffer, int index, int count)
        {
            Check(offset, count);
            Array.Copy(_data, offset, buffer, index, count);
        }

        public void Program(int offset, byte[] data, int index, int count)
        {
            Check(offset, count);
            if (count > 0 && offset / PageSize != (offset + count - 1) / PageSize)
            {
                throw new ArgumentException("program crosses a page boundary at " + offset.ToString());
            }

            for (int i = 0; i < count; i++)
            {
                Tick();
                _data[offset + i] &= data[index + i];
            }
        }

        public void Erase(int sector)
        {
            if (sector < 0 || sector >= SectorCount)
            {
                throw new ArgumentOutOfRangeException("sector");
            }

            _erases[sector]++;
            int start = sector * SectorSize;
            for (int i = 0; i < SectorSize; i++)
            {
                Tick();
                _data[start + i] = 0xFF;
            }
        }

        public int EraseCount(int sector)
        {
            return _erases[sector];
        }

        private void Tick()
        {
            if (CutAfterBytes == 0)
            {
                CutAfterBytes = -1;
                throw new PowerCutException();
            }

            if (CutAfterBytes > 0)
            {
                CutAfterBytes--;
            }
        }

        private void Check(int offset, int count)
        {
            if (offset < 0 || count < 0 || offset + count > _data.Length)
            {
                throw new ArgumentOutOfRangeException("offset");
            }
        }
    }

    /// <summary>Thrown by MemoryFlash when the simulated power cut lands.</summary>
    public sealed class PowerCutException : Exception
    {
    }
}
