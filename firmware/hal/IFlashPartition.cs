namespace Ipenergy.Probe.Hal
{
    /// <summary>
    /// A region of NOR flash as the chip really behaves, so that storage code written against it is
    /// correct on the device: erased bytes read 0xFF; programming can only clear bits (1 → 0), a page
    /// at a time; the only way back to 0xFF is erasing a whole sector, and each sector survives a
    /// finite number of erases. A power cut during Program or Erase may leave the page or sector
    /// partly written (torn): readers must detect that (CRC, commit markers), never trust it.
    /// </summary>
    public interface IFlashPartition
    {
        /// <summary>Partition name ("config", "energy", "history", …), as the board's layout names it.</summary>
        string Name { get; }

        /// <summary>Erase unit in bytes (e.g. 4096).</summary>
        int SectorSize { get; }

        /// <summary>Program unit in bytes (e.g. 256); a Program call must not cross a page boundary.</summary>
        int PageSize { get; }

        int SectorCount { get; }

        /// <summary>Erase cycles the manufacturer guarantees per sector (e.g. 100 000).</summary>
        int EnduranceCycles { get; }

        /// <summary>Copies count bytes at offset (from the partition start) into buffer[index…].</summary>
        void Read(int offset, byte[] buffer, int index, int count);

        /// <summary>ANDs count bytes of data[index…] into the flash at offset (within one page).</summary>
        void Program(int offset, byte[] data, int index, int count);

        /// <summary>Sets every byte of the sector to 0xFF and counts one erase cycle.</summary>
        void Erase(int sector);

        /// <summary>Erase cycles sector has seen so far (wear statistics).</summary>
        int EraseCount(int sector);
    }
}
