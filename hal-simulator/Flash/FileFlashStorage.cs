using System;
using System.IO;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Simulator
{
    /// <summary>
    /// The virtual e-Probe's flash: one <see cref="FilePartition"/> per partition of the model's
    /// <see cref="FlashLayout"/>, files in the data directory, created 0xFF-filled on first use.
    /// </summary>
    public sealed class FileFlashStorage : IFlashStorage, IDisposable
    {
        private readonly FilePartition[] _partitions;

        public FileFlashStorage(string directory, string model, FlashWriteDelay delay)
        {
            Directory.CreateDirectory(directory);
            FlashLayout layout = FlashLayout.For(model);
            _partitions = new FilePartition[layout.Names.Length];
            try
            {
                for (int i = 0; i < _partitions.Length; i++)
                {
                    _partitions[i] = new FilePartition(directory, layout.Names[i], FlashLayout.SectorSize, FlashLayout.PageSize,
                        layout.SectorCounts[i], FlashLayout.EnduranceCycles, delay);
                }
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        public IFlashPartition Partition(string name)
        {
            foreach (FilePartition p in _partitions)
            {
                if (p != null && p.Name == name)
                {
                    return p;
                }
            }

            return null;
        }

        public void Dispose()
        {
            foreach (FilePartition p in _partitions)
            {
                p?.Dispose();
            }
        }
    }
}
