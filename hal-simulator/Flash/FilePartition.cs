using System;
using System.IO;
using Ipenergy.Probe.Hal;
using Microsoft.Win32.SafeHandles;

namespace Ipenergy.Probe.Simulator
{
    /// <summary>
    /// One flash partition backed by a file in --data-dir, with NOR rules (programming ANDs, within one page;
    /// erase sets a sector to 0xFF) and erase counts per sector in a sidecar file. Writes go to the OS in
    /// small chunks (16 bytes per program call, one page per erase call), each followed by the optional
    /// <see cref="FlashWriteDelay"/>, so a SIGKILL really can leave a page or a sector half written, as a
    /// power cut does on the chip. Thread-safe (one lock per partition).
    /// </summary>
    public sealed class FilePartition : IFlashPartition, IDisposable
    {
        /// <summary>Bytes per write call while programming.</summary>
        public const int ProgramChunk = 16;

        private readonly SafeFileHandle _data;
        private readonly SafeFileHandle _erases;
        private readonly int[] _eraseCounts;
        private readonly FlashWriteDelay _delay;
        private readonly byte[] _page;
        private readonly byte[] _blank;
        private readonly object _lock = new object();

        public FilePartition(string directory, string name, int sectorSize, int pageSize, int sectorCount, int endurance, FlashWriteDelay delay)
        {
            if (sectorSize <= 0 || pageSize <= 0 || sectorSize % pageSize != 0 || pageSize % ProgramChunk != 0 || sectorCount <= 0)
            {
                throw new ArgumentException("bad flash geometry for partition " + name);
            }

            Name = name;
            SectorSize = sectorSize;
            PageSize = pageSize;
            SectorCount = sectorCount;
            EnduranceCycles = endurance;
            _delay = delay;
            _page = new byte[pageSize];
            _blank = new byte[pageSize];
            _blank.AsSpan().Fill(0xFF);
            DataPath = Path.Combine(directory, "flash-" + name + ".bin");
            EraseCountPath = Path.Combine(directory, "flash-" + name + ".erases");
            long size = (long)sectorSize * sectorCount;
            if (!File.Exists(DataPath))
            {
                CreateErased(DataPath, size);
            }

            _data = File.OpenHandle(DataPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            long actual = RandomAccess.GetLength(_data);
            if (actual != size)
            {
                _data.Dispose();
                throw new IOException(DataPath + " has " + actual + " bytes, the " + name + " partition " + size +
                    " (a data dir of another layout? use a fresh --data-dir)");
            }

            _eraseCounts = new int[sectorCount];
            _erases = File.OpenHandle(EraseCountPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
            byte[] counts = new byte[4 * sectorCount];
            int got = RandomAccess.Read(_erases, counts, 0);
            for (int s = 0; s < sectorCount && 4 * s + 4 <= got; s++)
            {
                _eraseCounts[s] = BitConverter.ToInt32(counts, 4 * s);
            }
        }

        public string Name { get; }

        public int SectorSize { get; }

        public int PageSize { get; }

        public int SectorCount { get; }

        public int EnduranceCycles { get; }

        /// <summary>The partition's content file.</summary>
        public string DataPath { get; }

        /// <summary>Erase counts per sector: little-endian int32 each.</summary>
        public string EraseCountPath { get; }

        public void Read(int offset, byte[] buffer, int index, int count)
        {
            Check(offset, count);
            lock (_lock)
            {
                ReadExactly(offset, buffer.AsSpan(index, count));
            }
        }

        public void Program(int offset, byte[] data, int index, int count)
        {
            Check(offset, count);
            if (count > 0 && offset / PageSize != (offset + count - 1) / PageSize)
            {
                throw new ArgumentException("program crosses a page boundary at " + offset);
            }

            lock (_lock)
            {
                Span<byte> current = _page.AsSpan(0, count);
                ReadExactly(offset, current);
                for (int i = 0; i < count; i++)
                {
                    current[i] &= data[index + i];
                }

                for (int done = 0; done < count; done += ProgramChunk)
                {
                    int n = Math.Min(ProgramChunk, count - done);
                    RandomAccess.Write(_data, current.Slice(done, n), offset + done);
                    _delay.Wait();
                }
            }
        }

        public void Erase(int sector)
        {
            if (sector < 0 || sector >= SectorCount)
            {
                throw new ArgumentOutOfRangeException(nameof(sector));
            }

            lock (_lock)
            {
                // The wear counts from the moment the erase starts, as on the chip.
                _eraseCounts[sector]++;
                RandomAccess.Write(_erases, BitConverter.GetBytes(_eraseCounts[sector]), 4L * sector);
                long start = (long)sector * SectorSize;
                for (int done = 0; done < SectorSize; done += PageSize)
                {
                    RandomAccess.Write(_data, _blank, start + done);
                    _delay.Wait();
                }
            }
        }

        public int EraseCount(int sector)
        {
            lock (_lock)
            {
                return _eraseCounts[sector];
            }
        }

        public void Dispose()
        {
            _data.Dispose();
            _erases.Dispose();
        }

        /// <summary>A new partition file, all 0xFF; written aside and renamed so a kill never leaves a short one.</summary>
        private static void CreateErased(string path, long size)
        {
            string temp = path + ".new";
            byte[] ff = new byte[65536];
            ff.AsSpan().Fill(0xFF);
            using (FileStream f = new FileStream(temp, FileMode.Create, FileAccess.Write))
            {
                for (long done = 0; done < size; done += ff.Length)
                {
                    f.Write(ff, 0, (int)Math.Min(ff.Length, size - done));
                }
            }

            File.Move(temp, path, true);
        }

        private void ReadExactly(long offset, Span<byte> buffer)
        {
            while (buffer.Length > 0)
            {
                int n = RandomAccess.Read(_data, buffer, offset);
                if (n <= 0)
                {
                    throw new IOException("unexpected end of " + DataPath);
                }

                buffer = buffer.Slice(n);
                offset += n;
            }
        }

        private void Check(int offset, int count)
        {
            if (offset < 0 || count < 0 || (long)offset + count > (long)SectorSize * SectorCount)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }
        }
    }
}
