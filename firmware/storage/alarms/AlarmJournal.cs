using System;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Storage.Alarms
{
    /// <summary>
    /// The alarm log (raised / changed / cleared / acknowledged events) and the table of active alarms,
    /// persisted in the "alarms" flash partition and rebuilt at boot by replaying the records.
    ///
    /// Flash: 64-byte records (AlarmRecordCodec) in slots used round the partition's sectors; entering a
    /// sector erases it (dropping the oldest records). A record is programmed with its commit marker erased,
    /// then the marker alone: it counts only with marker and CRC right, so a power cut during a write loses
    /// that record and nothing older; a slot once started is never reused before its sector's erase.
    /// Every record is on flash when Append/Acknowledge returns.
    ///
    /// Retention: all sectors but the one refilled, i.e. (sectors - 1) x (sector / 64) records: 448 on the
    /// virtual e-Probe's 8 x 4 KiB partition (512 when the ring is not yet wrapped), less one per lap for each
    /// alarm active that long (its restatement).
    ///
    /// Active alarms outlive the ring: each active row remembers the slot of the record it is rebuilt from
    /// (its Raised record, or its latest snapshot). When the ring moves into sector X, the rows based in
    /// sector X+1 (the next one to be erased) are restated in X as "active snapshot" records (full row:
    /// level, times, acknowledgement) before any other record. At most ActiveCapacity (48) rows, fewer than
    /// the 64 slots of a 4 KiB sector, so the restatements always fit. Snapshots use Ids (Id numbers of the
    /// log's events can have gaps) and are not events: the log and the listener never see them.
    ///
    /// Threads: the engine appends on the metering thread, HTTP/SNMP threads read and acknowledge: one lock
    /// guards table, ring and flash. The listener is called after that lock is released, one call at a time
    /// (a second lock serialises the notifications, so a listener may read the journal).
    ///
    /// Memory: nothing is allocated per Append or Acknowledge (buffers and entries are reused; the ack user
    /// string the caller passes is kept by reference). Readers: CopyLog makes a string for a record's user
    /// name; CopyActive makes a row's user name string once (after a reboot) and keeps it.
    /// </summary>
    public sealed class AlarmJournal
    {
        /// <summary>Most active alarms kept (must stay below the slots of one sector: see the class comment).</summary>
        public const int ActiveCapacity = 48;

        /// <summary>Size of the RAM partition used without flash: the virtual e-Probe's alarms partition.</summary>
        public const int RamSectors = 8;

        private readonly IFlashPartition _flash;
        private readonly object _lock = new object();
        private readonly object _notifyLock = new object();
        private readonly byte[] _image = new byte[AlarmRecordCodec.SlotSize];
        private readonly byte[] _read = new byte[AlarmRecordCodec.SlotSize];
        private readonly byte[] _marker = new byte[] { AlarmRecordCodec.Committed };
        private readonly AlarmEntry _replay = new AlarmEntry();
        private readonly AlarmEntry _snapshot = new AlarmEntry();
        private readonly AlarmEntry _ack = new AlarmEntry();
        private readonly ActiveAlarmTable _table = new ActiveAlarmTable(ActiveCapacity);
        private readonly int[] _events;

        private int _eventHead;
        private int _eventCount;
        private bool _opened;
        private uint _nextId = 1;
        private int _appendSector;
        private int _appendSlot;
        private bool _appendNeedsErase;

        /// <summary>A journal on the partition; null keeps it in RAM only (same behaviour, lost at reset).</summary>
        public AlarmJournal(IFlashPartition partition)
        {
            if (partition == null)
            {
                partition = new RamFlashPartition(FlashPartitionNames.Alarms, 4096, 256, RamSectors);
            }

            if (partition.SectorCount < 2 || partition.SectorSize % AlarmRecordCodec.SlotSize != 0 ||
                partition.SectorSize / AlarmRecordCodec.SlotSize <= ActiveCapacity)
            {
                throw new ArgumentException("alarm journal needs >= 2 sectors of more than " +
                    ActiveCapacity.ToString() + " 64-byte records: " + partition.Name);
            }

            _flash = partition;
            SlotsPerSector = partition.SectorSize / AlarmRecordCodec.SlotSize;
            SlotCount = SlotsPerSector * partition.SectorCount;
            _events = new int[SlotCount];
        }

        public IAlarmJournalListener Listener { get; set; }

        public int SlotsPerSector { get; private set; }

        public int SlotCount { get; private set; }

        /// <summary>Records always kept: all sectors but the one being refilled.</summary>
        public int GuaranteedRecords { get { return SlotCount - SlotsPerSector; } }

        /// <summary>Active alarms dropped because the table was full (see ActiveAlarmTable).</summary>
        public int ActiveEvicted
        {
            get
            {
                lock (_lock)
                {
                    return _table.Evicted;
                }
            }
        }

        /// <summary>Slots Open found written but not valid (torn writes, cut erases, bad cells): never trusted.</summary>
        public int InvalidSlotsFound { get; private set; }

        /// <summary>Where the next record goes (diagnostics and tests).</summary>
        public int AppendSector { get { return _appendSector; } }

        /// <summary>Id the next record gets.</summary>
        public uint NextId { get { return _nextId; } }

        public int ActiveCount
        {
            get
            {
                lock (_lock)
                {
                    return _table.Count;
                }
            }
        }

        public int LogCount
        {
            get
            {
                lock (_lock)
                {
                    return _eventCount;
                }
            }
        }

        /// <summary>Boot: scans the partition, rebuilds the log and the active table (oldest to newest record).</summary>
        public void Open()
        {
            lock (_lock)
            {
                _table.Clear();
                _eventHead = 0;
                _eventCount = 0;
                InvalidSlotsFound = 0;
                bool found = false;
                uint newestId = 0;
                int newestSlot = 0;
                for (int slot = 0; slot < SlotCount; slot++)
                {
                    ReadSlot(slot, _read);
                    if (!AlarmRecordCodec.IsValid(_read))
                    {
                        if (!AlarmRecordCodec.IsBlank(_read))
                        {
                            InvalidSlotsFound++;
                        }

                        continue;
                    }

                    uint id = AlarmRecordCodec.Id(_read);
                    if (!found || id > newestId)
                    {
                        found = true;
                        newestId = id;
                        newestSlot = slot;
                    }
                }

                _opened = true;
                if (!found)
                {
                    _nextId = 1;
                    _appendSector = 0;
                    _appendSlot = 0;
                    _appendNeedsErase = !IsSectorBlank(0);
                    return;
                }

                // Replay in ring order: from the sector after the newest record's, round to it.
                int newestSector = newestSlot / SlotsPerSector;
                int start = ((newestSector + 1) % _flash.SectorCount) * SlotsPerSector;
                uint previous = 0;
                for (int n = 0; n < SlotCount; n++)
                {
                    int slot = (start + n) % SlotCount;
                    ReadSlot(slot, _read);
                    if (!AlarmRecordCodec.IsValid(_read) || AlarmRecordCodec.Id(_read) <= previous)
                    {
                        continue;
                    }

                    previous = AlarmRecordCodec.Id(_read);
                    AlarmRecordCodec.Decode(_read, _replay);
                    if (_replay.Kind != AlarmRecordCodec.KindActiveSnapshot)
                    {
                        PushEvent(slot);
                    }

                    _table.Apply(_replay, _read, slot);
                }

                _nextId = newestId + 1;

                // A started slot after the newest record (a cut write) is skipped, never reprogrammed.
                int last = newestSlot % SlotsPerSector;
                for (int k = last + 1; k < SlotsPerSector; k++)
                {
                    ReadSlot(newestSector * SlotsPerSector + k, _read);
                    if (!AlarmRecordCodec.IsBlank(_read))
                    {
                        last = k;
                    }
                }

                _appendSector = newestSector;
                _appendSlot = last + 1;
                _appendNeedsErase = false;
            }
        }

        /// <summary>
        /// Stores an event from the engine (Raised, Changed or Cleared) and updates the active table. Assigns
        /// e.Id and e.AlarmId (= Id for Raised, the active alarm's for the others), e.ChangedUtc (= the event's
        /// time) and, for Changed and Cleared, the alarm's acknowledgement so far (Acknowledged, AckUser,
        /// AckTimeUtc; a change to a higher level needs a new acknowledgement). Returns e.Id.
        /// </summary>
        public uint Append(AlarmEntry e)
        {
            if (e.Kind != AlarmCodes.EventRaised && e.Kind != AlarmCodes.EventChanged && e.Kind != AlarmCodes.EventCleared)
            {
                throw new ArgumentException("Append takes raised, changed or cleared events");
            }

            lock (_notifyLock)
            {
                lock (_lock)
                {
                    RequireOpen();
                    PrepareAppend();
                    ActiveAlarmRow row = _table.FindSlot(e.Source, e.SourceIndex, e.Condition);
                    e.Id = _nextId;
                    e.ChangedUtc = e.TimestampUtc;
                    if (e.Kind == AlarmCodes.EventRaised || row == null)
                    {
                        e.AlarmId = e.Id;
                        e.Acknowledged = false;
                        e.AckUser = null;
                        e.AckTimeUtc = DateTime.MinValue;
                    }
                    else
                    {
                        AlarmEntry active = row.Entry;
                        e.AlarmId = active.AlarmId;
                        bool keepAck = e.Kind == AlarmCodes.EventCleared || e.Level <= active.Level;
                        e.Acknowledged = keepAck && active.Acknowledged;
                        e.AckUser = e.Acknowledged ? UserOf(row) : null;
                        e.AckTimeUtc = e.Acknowledged ? active.AckTimeUtc : DateTime.MinValue;
                    }

                    AlarmRecordCodec.Encode(e, e.Kind, _image);
                    int slot = WriteImage();
                    PushEvent(slot);
                    _table.Apply(e, _image, slot);
                }

                IAlarmJournalListener listener = Listener;
                if (listener != null)
                {
                    listener.OnAlarmEvent(e);
                }
            }

            return e.Id;
        }

        /// <summary>
        /// Stores an Acknowledged record for the active alarm (user cut to 16 UTF-8 bytes on flash) and marks
        /// its row. False when no such alarm is active or it is already acknowledged.
        /// </summary>
        public bool Acknowledge(uint alarmId, string user, DateTime utc)
        {
            lock (_notifyLock)
            {
                lock (_lock)
                {
                    RequireOpen();
                    ActiveAlarmRow row = _table.FindAlarm(alarmId);
                    if (row == null || row.Entry.Acknowledged)
                    {
                        return false;
                    }

                    PrepareAppend();
                    AlarmEntry a = _ack;
                    a.CopyFrom(row.Entry);
                    a.Id = _nextId;
                    a.Kind = AlarmCodes.EventAcknowledged;
                    a.TimestampUtc = utc;
                    a.PreviousLevel = a.Level;
                    a.Acknowledged = true;
                    a.AckUser = user;
                    a.AckTimeUtc = utc;
                    AlarmRecordCodec.Encode(a, a.Kind, _image);
                    int slot = WriteImage();
                    PushEvent(slot);
                    _table.Apply(a, _image, slot);
                }

                IAlarmJournalListener listener = Listener;
                if (listener != null)
                {
                    listener.OnAlarmEvent(_ack);
                }
            }

            return true;
        }

        /// <summary>Copies the active row of (source, index, condition) into into; false when it is not active.</summary>
        public bool FindActive(int source, int sourceIndex, int condition, AlarmEntry into)
        {
            lock (_lock)
            {
                ActiveAlarmRow row = _table.FindSlot(source, sourceIndex, condition);
                if (row == null)
                {
                    return false;
                }

                CopyRow(row, into);
                return true;
            }
        }

        /// <summary>
        /// The i-th active row, by AlarmId (oldest first). Rows: Id = AlarmId, Kind = Raised, TimestampUtc =
        /// raised, ChangedUtc = last level change, Level/PreviousLevel/Value/Threshold of the latest change.
        /// </summary>
        public bool CopyActive(int i, AlarmEntry into)
        {
            lock (_lock)
            {
                if (i < 0 || i >= _table.Count)
                {
                    return false;
                }

                CopyRow(_table.RowAt(i), into);
                return true;
            }
        }

        /// <summary>The active alarm with that id (as <see cref="CopyActive"/> gives it); false when none is.</summary>
        public bool CopyAlarm(uint alarmId, AlarmEntry into)
        {
            lock (_lock)
            {
                ActiveAlarmRow row = _table.FindAlarm(alarmId);
                if (row == null)
                {
                    return false;
                }

                CopyRow(row, into);
                return true;
            }
        }

        /// <summary>Active alarms at exactly that level (AlarmCodes.LevelWarning or LevelCritical).</summary>
        public int CountActive(int level)
        {
            lock (_lock)
            {
                int n = 0;
                for (int i = 0; i < _table.Count; i++)
                {
                    if (_table.RowAt(i).Entry.Level == level)
                    {
                        n++;
                    }
                }

                return n;
            }
        }

        /// <summary>Active alarms nobody has acknowledged (since their last rise).</summary>
        public int CountUnacknowledged()
        {
            lock (_lock)
            {
                int n = 0;
                for (int i = 0; i < _table.Count; i++)
                {
                    if (!_table.RowAt(i).Entry.Acknowledged)
                    {
                        n++;
                    }
                }

                return n;
            }
        }

        /// <summary>AlarmCodes.Level* of the source's most severe active alarm (LevelNormal when none).</summary>
        public int HighestLevel(int source, int sourceIndex)
        {
            lock (_lock)
            {
                return _table.HighestLevel(source, sourceIndex);
            }
        }

        /// <summary>The event newestFirst places back from the newest (0 = newest), read from flash.</summary>
        public bool CopyLog(int newestFirst, AlarmEntry into)
        {
            lock (_lock)
            {
                if (newestFirst < 0 || newestFirst >= _eventCount)
                {
                    return false;
                }

                int slot = _events[(_eventHead + _eventCount - 1 - newestFirst) % _events.Length];
                ReadSlot(slot, _read);
                AlarmRecordCodec.Decode(_read, into);
                into.AckUser = AlarmRecordCodec.UserString(_read);
                return true;
            }
        }

        private void CopyRow(ActiveAlarmRow row, AlarmEntry into)
        {
            if (row.Entry.AckUser == null && row.UserLength > 0)
            {
                row.Entry.AckUser = AlarmRecordCodec.UserString(row.User, 0, row.UserLength);
            }

            into.CopyFrom(row.Entry);
        }

        private string UserOf(ActiveAlarmRow row)
        {
            if (row.Entry.AckUser == null && row.UserLength > 0)
            {
                row.Entry.AckUser = AlarmRecordCodec.UserString(row.User, 0, row.UserLength);
            }

            return row.Entry.AckUser;
        }

        private void RequireOpen()
        {
            if (!_opened)
            {
                throw new InvalidOperationException("AlarmJournal.Open first");
            }
        }

        /// <summary>
        /// Makes room for the next record: enters (erases) the next sector when the current one is full, then
        /// restates the active rows based in the sector that will be erased after this one.
        /// </summary>
        private void PrepareAppend()
        {
            EnsureSlot();
            int doomed = (_appendSector + 1) % _flash.SectorCount;
            for (int i = 0; i < _table.Count; i++)
            {
                ActiveAlarmRow row = _table.RowAt(i);
                if (row.BaseSlot < 0 || row.BaseSlot / SlotsPerSector != doomed)
                {
                    continue;
                }

                if (_appendSlot >= SlotsPerSector)
                {
                    // Cannot happen with fewer rows than slots a sector, short of many cut writes in a row.
                    return;
                }

                AlarmEntry s = _snapshot;
                s.CopyFrom(row.Entry);
                s.Id = _nextId;
                AlarmRecordCodec.EncodeWithUserBytes(s, AlarmRecordCodec.KindActiveSnapshot, row.User, row.UserLength, _image);
                row.BaseSlot = WriteImage();
            }

            EnsureSlot();
        }

        private void EnsureSlot()
        {
            if (_appendSlot >= SlotsPerSector)
            {
                _appendSector = (_appendSector + 1) % _flash.SectorCount;
                _appendSlot = 0;
                _appendNeedsErase = true;
            }

            if (_appendNeedsErase)
            {
                // The oldest events live in the sector about to be erased.
                while (_eventCount > 0 && _events[_eventHead] / SlotsPerSector == _appendSector)
                {
                    _eventHead = (_eventHead + 1) % _events.Length;
                    _eventCount--;
                }

                _flash.Erase(_appendSector);
                _appendNeedsErase = false;
            }
        }

        /// <summary>Programs _image (Id already in it) into the next slot, marker last; returns the slot.</summary>
        private int WriteImage()
        {
            int slot = _appendSector * SlotsPerSector + _appendSlot;

            // The slot is used from now on, whether this write completes or not.
            _appendSlot++;
            int address = slot * AlarmRecordCodec.SlotSize;
            int page = _flash.PageSize;
            int index = 0;
            while (index < AlarmRecordCodec.SlotSize)
            {
                int room = page - ((address + index) % page);
                int chunk = AlarmRecordCodec.SlotSize - index < room ? AlarmRecordCodec.SlotSize - index : room;
                _flash.Program(address + index, _image, index, chunk);
                index += chunk;
            }

            _flash.Program(address + AlarmRecordCodec.CommitOffset, _marker, 0, 1);
            _nextId++;
            return slot;
        }

        private void PushEvent(int slot)
        {
            if (_eventCount == _events.Length)
            {
                _eventHead = (_eventHead + 1) % _events.Length;
                _eventCount--;
            }

            _events[(_eventHead + _eventCount) % _events.Length] = slot;
            _eventCount++;
        }

        private void ReadSlot(int slot, byte[] into)
        {
            _flash.Read(slot * AlarmRecordCodec.SlotSize, into, 0, AlarmRecordCodec.SlotSize);
        }

        private bool IsSectorBlank(int sector)
        {
            for (int k = 0; k < SlotsPerSector; k++)
            {
                ReadSlot(sector * SlotsPerSector + k, _read);
                if (!AlarmRecordCodec.IsBlank(_read))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
