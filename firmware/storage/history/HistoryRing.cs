using System;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Storage.History
{
    /// <summary>
    /// The sectors of one resolution, used round robin (wear levelled: every sector is erased once per
    /// turn). Each sector is self-contained: a 16-byte header (magic, format, resolution, channel count,
    /// sequence number, CRC-32), then items, the first a base with absolute counters, so the oldest
    /// sector can be erased without touching the others. The newest sector is the highest valid sequence.
    /// The writing state (codec states, base record, bit writer: about 6.5 KB of heap for an MPP18) is built by
    /// the first Open or Append: the reader's rings only read headers and sectors and never carry it.
    /// </summary>
    public sealed class HistoryRing
    {
        public const int HeaderSize = 16;
        private const byte Magic0 = 0x48;  // 'H'
        private const byte Magic1 = 0x53;  // 'S'
        private const byte FormatVersion = 1;

        private readonly IFlashPartition _flash;
        private readonly HistoryRecordCodec _codec = new HistoryRecordCodec();
        private BitWriter _writer;
        private HistoryRecord _base;
        private readonly byte[] _header = new byte[HeaderSize];
        private HistoryCodecState _committed;
        private HistoryCodecState _scratch;
        private int _current = -1;
        private long _sequence;
        private int _writePosition;
        private bool _needsNewSector;

        public HistoryRing(IFlashPartition flash, int firstSector, int sectorCount, int resolution, int channels)
        {
            if (sectorCount < 2)
            {
                throw new ArgumentException("a history ring needs at least 2 sectors");
            }

            _flash = flash;
            FirstSector = firstSector;
            SectorCount = sectorCount;
            Resolution = resolution;
            Channels = channels;
            LengthSeconds = HistoryResolution.Seconds(resolution);
        }

        public int FirstSector { get; private set; }

        public int SectorCount { get; private set; }

        public int Resolution { get; private set; }

        public int Channels { get; private set; }

        public int LengthSeconds { get; private set; }

        public int SectorSize { get { return _flash.SectorSize; } }

        /// <summary>What the last item written (or found at Open) left: counters, last interval, last second.</summary>
        public HistoryCodecState Last
        {
            get
            {
                EnsureWriteState();
                return _committed;
            }
        }

        /// <summary>Sectors started since the ring was opened (wear statistics for tests and reports).</summary>
        public int SectorsStarted { get; private set; }

        /// <summary>Interval records (not bases) appended since the ring was opened.</summary>
        public long RecordsWritten { get; private set; }

        /// <summary>Flash bytes taken since the ring was opened: whole sectors started, including their unused tails.</summary>
        public long BytesConsumed
        {
            get { return SectorsStarted == 0 ? 0 : (long)(SectorsStarted - 1) * SectorSize + _writePosition; }
        }

        /// <summary>Bytes of items in the current sector (after its header).</summary>
        public int UsedInCurrentSector { get { return _current < 0 ? 0 : _writePosition - HeaderSize; } }

        /// <summary>
        /// Finds the newest sector and replays it (scratch must hold a sector). A torn or corrupt tail is
        /// never trusted: the next item then goes to a fresh sector.
        /// </summary>
        public void Open(byte[] scratch)
        {
            EnsureWriteState();
            _current = -1;
            _sequence = 0;
            _committed.Clear();
            for (int i = 0; i < SectorCount; i++)
            {
                long sequence = ReadHeader(i);
                if (sequence > _sequence)
                {
                    _sequence = sequence;
                    _current = i;
                }
            }

            if (_current < 0)
            {
                return;
            }

            ReadSector(_current, scratch);
            HistoryRecord item = new HistoryRecord(Channels);
            int position = HeaderSize;
            while (position < SectorSize)
            {
                int length = _codec.Decode(_scratch, item, LengthSeconds, scratch, position, SectorSize - position);
                if (length <= 0)
                {
                    break;
                }

                _committed.CopyFrom(_scratch);
                position += length;
            }

            _scratch.CopyFrom(_committed);
            _writePosition = position;
            _needsNewSector = false;
            for (int i = position; i < SectorSize; i++)
            {
                if (scratch[i] != 0xFF)
                {
                    _needsNewSector = true;
                    break;
                }
            }
        }

        /// <summary>Appends an item; a record needs a base before it (the recorder writes one at start).</summary>
        public void Append(HistoryRecord item)
        {
            EnsureWriteState();
            if (!item.IsBase)
            {
                RecordsWritten++;
            }

            if (!item.IsBase && !_committed.HasBase)
            {
                throw new InvalidOperationException("history record without a base");
            }

            if (_current >= 0 && !_needsNewSector && _committed.HasBase)
            {
                _scratch.CopyFrom(_committed);
                int length = _codec.Encode(_scratch, item, LengthSeconds, _writer);
                if (_writePosition + length <= SectorSize)
                {
                    WriteItem(length);
                    return;
                }
            }

            StartSector(item);
        }

        // The writing side's buffers, on first use (see the class comment).
        private void EnsureWriteState()
        {
            if (_committed != null)
            {
                return;
            }

            _writer = new BitWriter(HistoryRecordCodec.MaxItemBytes(Channels));
            _base = new HistoryRecord(Channels);
            _scratch = new HistoryCodecState(Channels);
            _committed = new HistoryCodecState(Channels);
        }

        /// <summary>Sequence of the ring sector's valid header, or 0.</summary>
        public long ReadHeader(int ringSector)
        {
            _flash.Read(Address(ringSector), _header, 0, HeaderSize);
            if (_header[0] != Magic0 || _header[1] != Magic1 || _header[2] != FormatVersion ||
                _header[3] != (byte)Resolution || _header[4] != (byte)Channels)
            {
                return 0;
            }

            uint crc = Crc32.Compute(_header, 0, 12);
            if (_header[12] != (byte)crc || _header[13] != (byte)(crc >> 8) ||
                _header[14] != (byte)(crc >> 16) || _header[15] != (byte)(crc >> 24))
            {
                return 0;
            }

            return (long)_header[6] | ((long)_header[7] << 8) | ((long)_header[8] << 16) | ((long)_header[9] << 24);
        }

        public void ReadSector(int ringSector, byte[] buffer)
        {
            _flash.Read(Address(ringSector), buffer, 0, SectorSize);
        }

        /// <summary>Ring sector that follows the newest one: the oldest, next to be erased.</summary>
        public int OldestCandidate { get { return _current < 0 ? 0 : (_current + 1) % SectorCount; } }

        private void StartSector(HistoryRecord item)
        {
            int next = _current < 0 ? 0 : (_current + 1) % SectorCount;
            bool continuation = !item.IsBase;
            if (continuation)
            {
                _base.IsBase = true;
                _base.IsRestart = _committed.LastIsRestart;
                _base.Seconds = _committed.LastSeconds;
                Array.Copy(_committed.ImportWh, _base.ImportWh, Channels);
                Array.Copy(_committed.ExportWh, _base.ExportWh, Channels);
            }

            _needsNewSector = true;
            _flash.Erase(FirstSector + next);
            _current = next;
            _sequence++;
            SectorsStarted++;
            WriteHeader(next, _sequence);
            _writePosition = HeaderSize;
            _needsNewSector = false;
            _committed.Clear();
            if (continuation)
            {
                _scratch.CopyFrom(_committed);
                WriteItem(_codec.Encode(_scratch, _base, LengthSeconds, _writer));
            }

            _scratch.CopyFrom(_committed);
            int length = _codec.Encode(_scratch, item, LengthSeconds, _writer);
            if (_writePosition + length > SectorSize)
            {
                throw new InvalidOperationException("history item larger than a sector");
            }

            WriteItem(length);
        }

        private void WriteHeader(int ringSector, long sequence)
        {
            _header[0] = Magic0;
            _header[1] = Magic1;
            _header[2] = FormatVersion;
            _header[3] = (byte)Resolution;
            _header[4] = (byte)Channels;
            _header[5] = 0;
            _header[6] = (byte)sequence;
            _header[7] = (byte)(sequence >> 8);
            _header[8] = (byte)(sequence >> 16);
            _header[9] = (byte)(sequence >> 24);
            _header[10] = 0;
            _header[11] = 0;
            uint crc = Crc32.Compute(_header, 0, 12);
            _header[12] = (byte)crc;
            _header[13] = (byte)(crc >> 8);
            _header[14] = (byte)(crc >> 16);
            _header[15] = (byte)(crc >> 24);
            Program(Address(ringSector), _header, HeaderSize);
        }

        // Commits the encoded item: on a failed write the tail is suspect, so the next item starts a sector.
        private void WriteItem(int length)
        {
            _needsNewSector = true;
            Program(Address(_current) + _writePosition, _writer.Buffer, length);
            _needsNewSector = false;
            _writePosition += length;
            HistoryCodecState done = _committed;
            _committed = _scratch;
            _scratch = done;
        }

        private void Program(int address, byte[] data, int count)
        {
            int page = _flash.PageSize;
            int index = 0;
            while (index < count)
            {
                int room = page - ((address + index) % page);
                int chunk = count - index < room ? count - index : room;
                _flash.Program(address + index, data, index, chunk);
                index += chunk;
            }
        }

        private int Address(int ringSector)
        {
            return (FirstSector + ringSector) * _flash.SectorSize;
        }
    }
}
