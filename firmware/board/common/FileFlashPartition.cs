using System;
using System.IO;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Board
{
    /// <summary>
    /// One flash partition kept in one file of the MCU's internal flash file system, behaving exactly as
    /// IFlashPartition documents NOR flash: erased bytes read 0xFF, Program ANDs its bytes in (1 -> 0 only) and
    /// never crosses a page, Erase sets a whole sector back to 0xFF. The file system underneath levels wear and
    /// survives power cuts itself; the storage code's own CRCs and commit markers still catch a torn write.
    /// Erase counts are kept since boot only (the file system does not expose the real wear).
    /// </summary>
    public sealed class FileFlashPartition : IFlashPartition, IDisposable
    {
        public const int DefaultSectorSize = 4096;
        public const int DefaultPageSize = 256;

        /// <summary>What the storage code is told to plan for; the file system's own wear levelling adds to it.</summary>
        public const int DefaultEnduranceCycles = 100000;

        private readonly FileStream _file;
        private readonly int[] _erases;
        private readonly byte[] _page;
        private readonly byte[] _erased;
        private readonly object _lock = new object();

        /// <summary>Opens (or creates, erased) the file; a file shorter than the partition is extended with 0xFF.</summary>
        public FileFlashPartition(string path, string name, int sectorCount)
        {
            Name = name;
            SectorSize = DefaultSectorSize;
            PageSize = DefaultPageSize;
            SectorCount = sectorCount;
            EnduranceCycles = DefaultEnduranceCycles;
            _erases = new int[sectorCount];
            _page = new byte[PageSize];
            _erased = new byte[SectorSize];
            for (int i = 0; i < _erased.Length; i++)
            {
                _erased[i] = 0xFF;
            }

            _file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            long size = (long)sectorCount * SectorSize;
            long length = _file.Length;
            if (length < size)
            {
                // Whole sectors of 0xFF from the last complete one: a partial tail (power cut while growing) is erased too.
                int firstMissing = (int)(length / SectorSize);
                _file.Seek((long)firstMissing * SectorSize, SeekOrigin.Begin);
                for (int s = firstMissing; s < sectorCount; s++)
                {
                    _file.Write(_erased, 0, SectorSize);
                }

                _file.Flush();
            }
        }

        public string Name { get; private set; }

        public int SectorSize { get; private set; }

        public int PageSize { get; private set; }

        public int SectorCount { get; private set; }

        public int EnduranceCycles { get; private set; }

        public void Read(int offset, byte[] buffer, int index, int count)
        {
            CheckRange(offset, count);
            lock (_lock)
            {
                ReadFile(offset, buffer, index, count);
            }
        }

        public void Program(int offset, byte[] data, int index, int count)
        {
            CheckRange(offset, count);
            if (count > 0 && offset / PageSize != (offset + count - 1) / PageSize)
            {
                throw new ArgumentException("program crosses a page boundary");
            }

            lock (_lock)
            {
                ReadFile(offset, _page, 0, count);
                for (int i = 0; i < count; i++)
                {
                    _page[i] = (byte)(_page[i] & data[index + i]);
                }

                _file.Seek(offset, SeekOrigin.Begin);
                _file.Write(_page, 0, count);
                _file.Flush();
            }
        }

        public void Erase(int sector)
        {
            if (sector < 0 || sector >= SectorCount)
            {
                throw new ArgumentOutOfRangeException("sector");
            }

            lock (_lock)
            {
                _file.Seek((long)sector * SectorSize, SeekOrigin.Begin);
                _file.Write(_erased, 0, SectorSize);
                _file.Flush();
                _erases[sector]++;
            }
        }

        public int EraseCount(int sector)
        {
            lock (_lock)
            {
                return _erases[sector];
            }
        }

        /// <summary>Closes the file (shutdown; the partition is unusable afterwards).</summary>
        public void Dispose()
        {
            lock (_lock)
            {
                _file.Close();
            }
        }

        private void ReadFile(int offset, byte[] buffer, int index, int count)
        {
            _file.Seek(offset, SeekOrigin.Begin);
            int done = 0;
            while (done < count)
            {
                int n = _file.Read(buffer, index + done, count - done);
                if (n <= 0)
                {
                    throw new IOException("flash file " + Name + " shorter than its partition");
                }

                done += n;
            }
        }

        private void CheckRange(int offset, int count)
        {
            if (offset < 0 || count < 0 || (long)offset + count > (long)SectorCount * SectorSize)
            {
                throw new ArgumentOutOfRangeException("offset");
            }
        }
    }
}
