using System;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Storage
{
    /// <summary>
    /// An append-only log of records on a NOR flash partition that survives a power cut at any byte of a
    /// Program or Erase. Records sit in fixed, page-aligned slots; appends go round all sectors in turn
    /// (wear levelling: a sector is erased only when the log moves into it, which drops the oldest
    /// records). After a reboot, <see cref="Open"/> finds the newest record that is complete.
    ///
    /// Slot layout (little-endian): magic "RL" (2), payload length (2), sequence number (4), CRC-32 of
    /// bytes 0..7 and the payload (4), 3 bytes left erased, commit marker (1), payload. The record is
    /// programmed page by page with the marker still 0xFF, then the marker alone is programmed to 0x00:
    /// a record counts only when its marker is 0x00 and its CRC matches, so a torn program (or a sector
    /// whose erase was cut) is never trusted; the newest record wins by sequence number.
    /// </summary>
    public sealed class RecordLog
    {
        /// <summary>Bytes of the header in front of every payload.</summary>
        public const int HeaderSize = 16;

        private const byte Magic0 = 0x52; // 'R'
        private const byte Magic1 = 0x4C; // 'L'
        private const int CrcOffset = 8;
        private const int CommitOffset = 15;
        private const byte Committed = 0x00;
        private const byte Erased = 0xFF;

        private readonly IFlashPartition _flash;
        private readonly byte[] _slot;
        private readonly byte[] _marker = new byte[] { Committed };

        private bool _hasNewest;
        private uint _newestSequence;
        private int _newestSector;
        private int _newestSlot;
        private int _newestLength;
        private int _appendSector;
        private int _appendSlot;
        private bool _appendNeedsErase;

        /// <summary>A log over the whole partition for payloads of at most maxPayloadLength bytes.</summary>
        public RecordLog(IFlashPartition flash, int maxPayloadLength)
        {
            if (flash == null)
            {
                throw new ArgumentNullException("flash");
            }

            if (maxPayloadLength < 1 || maxPayloadLength > 0xFFFF)
            {
                throw new ArgumentOutOfRangeException("maxPayloadLength");
            }

            if (flash.SectorCount < 2 || flash.PageSize < 1 || flash.SectorSize % flash.PageSize != 0)
            {
                throw new ArgumentException("record log needs >= 2 sectors made of whole pages: " + flash.Name);
            }

            int pages = (HeaderSize + maxPayloadLength + flash.PageSize - 1) / flash.PageSize;
            int slotSize = pages * flash.PageSize;
            if (slotSize > flash.SectorSize)
            {
                throw new ArgumentException("record of " + maxPayloadLength.ToString() + " bytes does not fit a sector of " + flash.Name);
            }

            _flash = flash;
            MaxPayloadLength = maxPayloadLength;
            SlotSize = slotSize;
            SlotsPerSector = flash.SectorSize / slotSize;
            _slot = new byte[slotSize];
        }

        public int MaxPayloadLength { get; private set; }

        /// <summary>Bytes one record occupies on flash (header + payload rounded up to whole pages).</summary>
        public int SlotSize { get; private set; }

        public int SlotsPerSector { get; private set; }

        /// <summary>Records the log always keeps: all sectors but the one being refilled.</summary>
        public int GuaranteedRecords { get { return (_flash.SectorCount - 1) * SlotsPerSector; } }

        /// <summary>True when Open found (or Append wrote) a complete record.</summary>
        public bool HasRecord { get { return _hasNewest; } }

        /// <summary>Sequence number of the newest record (the first record is 1).</summary>
        public uint NewestSequence { get { return _newestSequence; } }

        public int NewestLength { get { return _newestLength; } }

        /// <summary>Slots Open found written but not valid (torn programs, cut erases, foreign data): never trusted.</summary>
        public int InvalidSlotsFound { get; private set; }

        /// <summary>Open found a record whose program was cut, right after the newest complete one.</summary>
        public bool InterruptedAppendFound { get; private set; }

        /// <summary>Open found that the erase of the sector the log moves into next was cut.</summary>
        public bool InterruptedEraseFound { get; private set; }

        /// <summary>Where the next record goes (diagnostics and tests).</summary>
        public int AppendSector { get { return _appendSector; } }

        public int AppendSlot { get { return _appendSlot; } }

        /// <summary>
        /// Boot scan: reads every slot, keeps the complete record with the highest sequence number, and
        /// places the next append after anything written behind it (a torn record is skipped, never reused
        /// without an erase).
        /// </summary>
        public void Open()
        {
            _hasNewest = false;
            _newestSequence = 0;
            _newestLength = 0;
            InvalidSlotsFound = 0;
            InterruptedAppendFound = false;
            InterruptedEraseFound = false;
            int sectors = _flash.SectorCount;
            for (int s = 0; s < sectors; s++)
            {
                for (int k = 0; k < SlotsPerSector; k++)
                {
                    int length = ReadValid(s, k);
                    if (length < 0)
                    {
                        if (!IsSlotBlank(s, k))
                        {
                            InvalidSlotsFound++;
                        }

                        continue;
                    }

                    uint sequence = ReadUInt32(_slot, 4);
                    if (!_hasNewest || sequence > _newestSequence)
                    {
                        _hasNewest = true;
                        _newestSequence = sequence;
                        _newestSector = s;
                        _newestSlot = k;
                        _newestLength = length;
                    }
                }
            }

            if (!_hasNewest)
            {
                _appendSector = 0;
                _appendSlot = 0;
                _appendNeedsErase = !IsSectorBlank(0);
                return;
            }

            // Anything written after the newest record in its sector is a cut append: skip past it.
            int last = _newestSlot;
            for (int k = _newestSlot + 1; k < SlotsPerSector; k++)
            {
                if (!IsSlotBlank(_newestSector, k))
                {
                    last = k;
                }
            }

            InterruptedAppendFound = last > _newestSlot;
            if (last + 1 < SlotsPerSector)
            {
                _appendSector = _newestSector;
                _appendSlot = last + 1;
                _appendNeedsErase = false;
                return;
            }

            // The sector is full: the next append erases the following one (always: a cut erase can leave
            // cells that read 0xFF yet are not reliably erased).
            int next = (_newestSector + 1) % sectors;
            _appendSector = next;
            _appendSlot = 0;
            _appendNeedsErase = true;
            DiagnoseNextSector(next);
        }

        /// <summary>Copies the newest record's payload to buffer[index...]; returns its length, or -1 when there is none.</summary>
        public int ReadNewest(byte[] buffer, int index)
        {
            if (!_hasNewest)
            {
                return -1;
            }

            _flash.Read(SlotOffset(_newestSector, _newestSlot) + HeaderSize, buffer, index, _newestLength);
            return _newestLength;
        }

        /// <summary>
        /// Appends one record; allocates nothing. When this returns, the record is the newest; if the power
        /// fails before, the previous newest record still stands. Call Open first.
        /// </summary>
        public void Append(byte[] payload, int index, int length)
        {
            if (length < 0 || length > MaxPayloadLength)
            {
                throw new ArgumentOutOfRangeException("length");
            }

            if (_appendSlot >= SlotsPerSector)
            {
                _appendSector = (_appendSector + 1) % _flash.SectorCount;
                _appendSlot = 0;
                _appendNeedsErase = true;
            }

            if (_appendNeedsErase)
            {
                _flash.Erase(_appendSector);
                _appendNeedsErase = false;
            }

            int sector = _appendSector;
            int slot = _appendSlot;

            // The slot is used from now on, whether this append completes or not.
            _appendSlot++;
            uint sequence = _hasNewest ? _newestSequence + 1 : 1;
            byte[] image = _slot;
            image[0] = Magic0;
            image[1] = Magic1;
            image[2] = (byte)length;
            image[3] = (byte)(length >> 8);
            WriteUInt32(image, 4, sequence);
            Array.Copy(payload, index, image, HeaderSize, length);
            uint crc = Crc32.Update(Crc32.Initial, image, 0, CrcOffset);
            crc = Crc32.Finish(Crc32.Update(crc, image, HeaderSize, length));
            WriteUInt32(image, CrcOffset, crc);
            image[12] = Erased;
            image[13] = Erased;
            image[14] = Erased;
            image[CommitOffset] = Erased;

            int start = SlotOffset(sector, slot);
            int total = HeaderSize + length;
            int page = _flash.PageSize;
            for (int done = 0; done < total; done += page)
            {
                int count = total - done < page ? total - done : page;
                _flash.Program(start + done, image, done, count);
            }

            _flash.Program(start + CommitOffset, _marker, 0, 1);
            _hasNewest = true;
            _newestSequence = sequence;
            _newestSector = sector;
            _newestSlot = slot;
            _newestLength = length;
        }

        /// <summary>Payload length of the complete record in the slot (its payload then in _slot), or -1.</summary>
        private int ReadValid(int sector, int slot)
        {
            int start = SlotOffset(sector, slot);
            _flash.Read(start, _slot, 0, HeaderSize);
            if (_slot[0] != Magic0 || _slot[1] != Magic1 || _slot[CommitOffset] != Committed)
            {
                return -1;
            }

            int length = _slot[2] | (_slot[3] << 8);
            if (length > MaxPayloadLength || ReadUInt32(_slot, 4) == 0xFFFFFFFF)
            {
                return -1;
            }

            _flash.Read(start + HeaderSize, _slot, HeaderSize, length);
            uint crc = Crc32.Update(Crc32.Initial, _slot, 0, CrcOffset);
            crc = Crc32.Finish(Crc32.Update(crc, _slot, HeaderSize, length));
            return crc == ReadUInt32(_slot, CrcOffset) ? length : -1;
        }

        /// <summary>
        /// The sector after a full one holds older records (normal), nothing (first lap), or traces of a cut
        /// operation: a torn first record after a finished erase, or an erase cut half way (erasing runs from
        /// the start, so blank leading bytes with data behind them). Diagnostics only: the next append
        /// erases this sector whatever it holds.
        /// </summary>
        private void DiagnoseNextSector(int sector)
        {
            bool firstBlank = IsSlotBlank(sector, 0);
            bool restBlank = true;
            for (int k = 1; k < SlotsPerSector; k++)
            {
                if (!IsSlotBlank(sector, k))
                {
                    restBlank = false;
                    break;
                }
            }

            if (firstBlank)
            {
                InterruptedEraseFound = !restBlank;
                return;
            }

            // A record's first byte is its magic, programmed first: 0xFF there with data behind is an erase cut.
            _flash.Read(SlotOffset(sector, 0), _slot, 0, 1);
            if (_slot[0] == Erased)
            {
                InterruptedEraseFound = true;
            }
            else if (restBlank && ReadValid(sector, 0) < 0)
            {
                InterruptedAppendFound = true;
            }
        }

        private bool IsSectorBlank(int sector)
        {
            for (int k = 0; k < SlotsPerSector; k++)
            {
                if (!IsSlotBlank(sector, k))
                {
                    return false;
                }
            }

            return true;
        }

        private bool IsSlotBlank(int sector, int slot)
        {
            _flash.Read(SlotOffset(sector, slot), _slot, 0, SlotSize);
            for (int i = 0; i < SlotSize; i++)
            {
                if (_slot[i] != Erased)
                {
                    return false;
                }
            }

            return true;
        }

        private int SlotOffset(int sector, int slot)
        {
            return sector * _flash.SectorSize + slot * SlotSize;
        }

        private static void WriteUInt32(byte[] b, int at, uint v)
        {
            b[at] = (byte)v;
            b[at + 1] = (byte)(v >> 8);
            b[at + 2] = (byte)(v >> 16);
            b[at + 3] = (byte)(v >> 24);
        }

        private static uint ReadUInt32(byte[] b, int at)
        {
            return (uint)(b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24));
        }
    }
}
