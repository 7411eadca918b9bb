namespace Ipenergy.Probe.Simulator
{
    /// <summary>
    /// The partitions of the virtual e-Probe's flash, as a board would lay them out on a 4 MiB SPI NOR
    /// (4 KiB sectors, 256-byte pages, 100 000 erase cycles). Both models get the same layout: the MPP18
    /// needs the 2 MiB of history, and the MPP3 board carries the same chip.
    /// </summary>
    public sealed class FlashLayout
    {
        public const int SectorSize = 4096;
        public const int PageSize = 256;
        public const int EnduranceCycles = 100000;

        private FlashLayout(string[] names, int[] sectors)
        {
            Names = names;
            SectorCounts = sectors;
        }

        public string[] Names { get; }

        public int[] SectorCounts { get; }

        /// <summary>The layout for a model ("MPP3" or "MPP18").</summary>
        public static FlashLayout For(string model)
        {
            // config: two slots of two sectors each (an MPP18 config with every label at full length is 5 KiB);
            // energy: the counters' ring; history: 2 MiB; billing: period snapshots; alarms: the alarm journal
            // (8 sectors of 64 records: 448 events always kept); snmp-engine: SNMPv3 engine boots. A data dir made
            // before a partition existed still starts: the missing partition's file is created erased.
            return new FlashLayout(
                new[] { "config", "energy", "history", "billing", "alarms", "snmp-engine" },
                new[] { 4, 32, 512, 16, 8, 2 });
        }

        /// <summary>Sectors of the named partition, or 0 when the layout has none.</summary>
        public int SectorsOf(string name)
        {
            for (int i = 0; i < Names.Length; i++)
            {
                if (Names[i] == name)
                {
                    return SectorCounts[i];
                }
            }

            return 0;
        }
    }
}
