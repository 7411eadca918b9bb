using System;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Storage.History
{
    /// <summary>
    /// Billing snapshots in the billing partition: fixed-size slots, used round robin over the sectors (a
    /// sector is erased when its first slot is reached, so at least the previous sectors' snapshots stay).
    /// Slot = magic, format, channel count, sequence, period start and reading time (seconds since 2000),
    /// 4 counters × 8 bytes per channel, CRC-32 last: a torn slot fails its CRC and is ignored.
    /// </summary>
    public sealed class BillingStore
    {
        private const byte Magic0 = 0x42;  // 'B'
        private const byte Magic1 = 0x53;  // 'S'
        private const byte FormatVersion = 1;
        private const int HeaderBytes = 16;

        private readonly IFlashPartition _flash;
        private readonly byte[] _slot;
        private readonly BillingSnapshot _read;
        private readonly object _lock = new object();
        private int _newestSlot = -1;
        private long _newestSequence;

        public BillingStore(IFlashPartition flash, int channels)
        {
            _flash = flash;
            Channels = channels;
            SlotSize = (HeaderBytes + channels * 32 + 4 + 15) / 16 * 16;
            SlotsPerSector = flash.SectorSize / SlotSize;
            if (SlotsPerSector < 1 || flash.SectorCount < 2)
            {
                throw new ArgumentException("billing partition too small");
            }

            SlotCount = SlotsPerSector * flash.SectorCount;
            _slot = new byte[SlotSize];
            _read = new BillingSnapshot(channels);
        }

        public int Channels { get; private set; }

        public int SlotSize { get; private set; }

        public int SlotsPerSector { get; private set; }

        public int SlotCount { get; private set; }

        /// <summary>Snapshots always kept: all but the slots of the sector erased next.</summary>
        public int GuaranteedSnapshots { get { return SlotCount - SlotsPerSector; } }

        /// <summary>Period start of the newest snapshot; DateTime.MinValue when there is none.</summary>
        public DateTime NewestPeriodStart { get; private set; }

        /// <summary>Scans the slots (boot) for the newest valid snapshot.</summary>
        public void Open()
        {
            lock (_lock)
            {
                _newestSlot = -1;
                _newestSequence = 0;
                NewestPeriodStart = DateTime.MinValue;
                for (int i = 0; i < SlotCount; i++)
                {
                    if (ReadSlot(i, _read) && _read.Sequence > _newestSequence)
                    {
                        _newestSequence = _read.Sequence;
                        _newestSlot = i;
                        NewestPeriodStart = _read.PeriodStart;
                    }
                }
            }
        }

        /// <summary>Writes the snapshot (its Sequence is assigned here).</summary>
        public void Append(BillingSnapshot snapshot)
        {
            lock (_lock)
            {
                int slot = (_newestSlot + 1) % SlotCount;
                if (slot % SlotsPerSector == 0)
                {
                    _flash.Erase(slot / SlotsPerSector);
                }

                snapshot.Sequence = _newestSequence + 1;
                Encode(snapshot);
                int address = Address(slot);
                int page = _flash.PageSize;
                int index = 0;
                while (index < SlotSize)
                {
                    int room = page - ((address + index) % page);
                    int chunk = SlotSize - index < room ? SlotSize - index : room;
                    _flash.Program(address + index, _slot, index, chunk);
                    index += chunk;
                }

                _newestSlot = slot;
                _newestSequence = snapshot.Sequence;
                NewestPeriodStart = snapshot.PeriodStart;
            }
        }

        /// <summary>Every valid snapshot, oldest first; returns how many.</summary>
        public int Query(IBillingVisitor visitor)
        {
            lock (_lock)
            {
                int count = 0;
                long previous = 0;
                for (int n = 1; n <= SlotCount; n++)
                {
                    int slot = (_newestSlot + n + SlotCount) % SlotCount;
                    if (ReadSlot(slot, _read) && _read.Sequence > previous)
                    {
                        previous = _read.Sequence;
                        visitor.Snapshot(_read);
                        count++;
                    }
                }

                return count;
            }
        }

        private bool ReadSlot(int slot, BillingSnapshot into)
        {
            _flash.Read(Address(slot), _slot, 0, SlotSize);
            int crcAt = SlotSize - 4;
            uint crc = Crc32.Compute(_slot, 0, crcAt);
            if (_slot[0] != Magic0 || _slot[1] != Magic1 || _slot[2] != FormatVersion || _slot[3] != (byte)Channels ||
                ReadUInt(crcAt) != crc)
            {
                return false;
            }

            into.Sequence = ReadUInt(4);
            into.PeriodStart = HistoryTime.FromSeconds(ReadUInt(8));
            into.TakenAt = HistoryTime.FromSeconds(ReadUInt(12));
            int at = HeaderBytes;
            for (int c = 0; c < Channels; c++)
            {
                into.ImportMilliWh[c] = ReadLong(at);
                into.ExportMilliWh[c] = ReadLong(at + 8);
                into.ImportMilliVarh[c] = ReadLong(at + 16);
                into.ExportMilliVarh[c] = ReadLong(at + 24);
                at += 32;
            }

            return true;
        }

        private void Encode(BillingSnapshot s)
        {
            for (int i = 0; i < SlotSize; i++)
            {
                _slot[i] = 0;
            }

            _slot[0] = Magic0;
            _slot[1] = Magic1;
            _slot[2] = FormatVersion;
            _slot[3] = (byte)Channels;
            WriteUInt(4, (uint)s.Sequence);
            WriteUInt(8, (uint)Seconds(s.PeriodStart));
            WriteUInt(12, (uint)Seconds(s.TakenAt));
            int at = HeaderBytes;
            for (int c = 0; c < Channels; c++)
            {
                WriteLong(at, s.ImportMilliWh[c]);
                WriteLong(at + 8, s.ExportMilliWh[c]);
                WriteLong(at + 16, s.ImportMilliVarh[c]);
                WriteLong(at + 24, s.ExportMilliVarh[c]);
                at += 32;
            }

            int crcAt = SlotSize - 4;
            WriteUInt(crcAt, Crc32.Compute(_slot, 0, crcAt));
        }

        private static long Seconds(DateTime utc)
        {
            long seconds = HistoryTime.SecondsOf(utc);
            return seconds < 0 ? 0 : seconds;
        }

        private int Address(int slot)
        {
            return (slot / SlotsPerSector) * _flash.SectorSize + (slot % SlotsPerSector) * SlotSize;
        }

        private uint ReadUInt(int at)
        {
            return (uint)(_slot[at] | (_slot[at + 1] << 8) | (_slot[at + 2] << 16) | (_slot[at + 3] << 24));
        }

        private long ReadLong(int at)
        {
            return (long)ReadUInt(at) | ((long)ReadUInt(at + 4) << 32);
        }

        private void WriteUInt(int at, uint value)
        {
            _slot[at] = (byte)value;
            _slot[at + 1] = (byte)(value >> 8);
            _slot[at + 2] = (byte)(value >> 16);
            _slot[at + 3] = (byte)(value >> 24);
        }

        private void WriteLong(int at, long value)
        {
            WriteUInt(at, (uint)value);
            WriteUInt(at + 4, (uint)(value >> 32));
        }
    }
}
