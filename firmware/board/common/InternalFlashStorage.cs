using System.Diagnostics;
using System.IO;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Board
{
    /// <summary>
    /// The board's flash layout on the MCU's internal flash file system ("I:\"): one file per partition
    /// (FileFlashPartition). The board asks for sector counts per partition (4 KiB sectors); when the drive is
    /// too small for them, the history partition (the only big one) shrinks to what fits, keeping a quarter of the
    /// drive free for the file system's own blocks. A partition that cannot be opened is left out (null): that
    /// service then runs without persistence, and the reason is logged.
    /// </summary>
    public sealed class InternalFlashStorage : IFlashStorage
    {
        /// <summary>The internal flash drive of nanoFramework targets.</summary>
        public const string InternalDrive = "I:\\";

        private readonly string[] _names;
        private readonly FileFlashPartition[] _partitions;

        /// <param name="folder">Folder of the partition files, e.g. "I:\\eprobe".</param>
        /// <param name="names">Partition names (FlashPartitionNames.*).</param>
        /// <param name="sectorCounts">Sectors wanted per partition.</param>
        /// <param name="driveBytes">Size of the drive (DriveInfo.TotalSize), 0 when unknown: no shrinking then.</param>
        public InternalFlashStorage(string folder, string[] names, int[] sectorCounts, long driveBytes)
        {
            _names = names;
            _partitions = new FileFlashPartition[names.Length];
            int[] sectors = FitToDrive(names, sectorCounts, driveBytes);
            if (!Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder);
            }

            for (int i = 0; i < names.Length; i++)
            {
                try
                {
                    _partitions[i] = new FileFlashPartition(folder + "\\" + names[i] + ".bin", names[i], sectors[i]);
                }
                catch (System.Exception e)
                {
                    Debug.WriteLine("flash: partition " + names[i] + " unavailable: " + e.Message);
                    _partitions[i] = null;
                }
            }
        }

        /// <summary>The layout both boards ask for: config 4, energy 32, history 512 (2 MiB), billing 16, alarms 8, snmp-engine 2 sectors.</summary>
        public static string[] StandardNames()
        {
            return new string[]
            {
                FlashPartitionNames.Config, FlashPartitionNames.Energy, FlashPartitionNames.History,
                FlashPartitionNames.Billing, FlashPartitionNames.Alarms, FlashPartitionNames.SnmpEngine,
            };
        }

        /// <summary>Sector counts of <see cref="StandardNames"/> with the history partition given.</summary>
        public static int[] StandardSectors(int historySectors)
        {
            return new int[] { 4, 32, historySectors, 16, 8, 2 };
        }

        /// <summary>Size of the internal drive in bytes, 0 when the target does not say.</summary>
        public static long InternalDriveBytes()
        {
            try
            {
                return new DriveInfo(InternalDrive).TotalSize;
            }
            catch (System.Exception)
            {
                return 0;
            }
        }

        public IFlashPartition Partition(string name)
        {
            for (int i = 0; i < _names.Length; i++)
            {
                if (_names[i] == name)
                {
                    return _partitions[i];
                }
            }

            return null;
        }

        /// <summary>The sector counts that fit in three quarters of the drive, history taking the cut.</summary>
        public static int[] FitToDrive(string[] names, int[] wanted, long driveBytes)
        {
            int[] sectors = new int[wanted.Length];
            long total = 0;
            int history = -1;
            for (int i = 0; i < wanted.Length; i++)
            {
                sectors[i] = wanted[i];
                total += wanted[i];
                if (names[i] == FlashPartitionNames.History)
                {
                    history = i;
                }
            }

            long available = driveBytes / 4 * 3 / FileFlashPartition.DefaultSectorSize;
            if (driveBytes <= 0 || total <= available || history < 0)
            {
                return sectors;
            }

            long others = total - sectors[history];
            long left = available - others;
            sectors[history] = left < 2 ? 2 : (int)left;
            Debug.WriteLine("flash: history cut to " + sectors[history].ToString() + " sectors to fit the " +
                (driveBytes / 1024).ToString() + " KiB drive");
            return sectors;
        }
    }
}
