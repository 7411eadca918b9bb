using System;
using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Storage.Alarms
{
    /// <summary>
    /// The alarms that are active now, one row per (source, index, condition), ordered by AlarmId, rebuilt
    /// from the journal's records (live appends and the boot replay go through the same Apply). Bounded:
    /// when a new alarm finds every row taken, the row that gives way is the least important one, i.e. an
    /// acknowledged row before an unacknowledged one, then the lowest level, then the oldest (Evicted counts
    /// them; the evicted alarm is forgotten, no record is written, and a replay evicts the same row).
    /// Not thread-safe: the journal's lock covers it.
    /// </summary>
    public sealed class ActiveAlarmTable
    {
        private readonly ActiveAlarmRow[] _rows;
        private readonly ActiveAlarmRow[] _free;
        private int _freeCount;

        public ActiveAlarmTable(int capacity)
        {
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }

            _rows = new ActiveAlarmRow[capacity];
            _free = new ActiveAlarmRow[capacity];
            for (int i = 0; i < capacity; i++)
            {
                _free[i] = new ActiveAlarmRow();
            }

            _freeCount = capacity;
        }

        public int Capacity { get { return _rows.Length; } }

        public int Count { get; private set; }

        /// <summary>Active alarms dropped because the table was full (since Clear).</summary>
        public int Evicted { get; private set; }

        /// <summary>The i-th row by AlarmId (0 = oldest).</summary>
        public ActiveAlarmRow RowAt(int i)
        {
            return _rows[i];
        }

        public ActiveAlarmRow FindSlot(int source, int sourceIndex, int condition)
        {
            for (int i = 0; i < Count; i++)
            {
                if (_rows[i].Entry.SameSlot(source, sourceIndex, condition))
                {
                    return _rows[i];
                }
            }

            return null;
        }

        public ActiveAlarmRow FindAlarm(uint alarmId)
        {
            for (int i = 0; i < Count; i++)
            {
                if (_rows[i].Entry.AlarmId == alarmId)
                {
                    return _rows[i];
                }
            }

            return null;
        }

        /// <summary>AlarmCodes.Level* of the most severe active row of the source (LevelNormal when none).</summary>
        public int HighestLevel(int source, int sourceIndex)
        {
            int level = AlarmCodes.LevelNormal;
            for (int i = 0; i < Count; i++)
            {
                AlarmEntry e = _rows[i].Entry;
                if (e.Source == source && e.SourceIndex == sourceIndex && e.Level > level)
                {
                    level = e.Level;
                }
            }

            return level;
        }

        public void Clear()
        {
            while (Count > 0)
            {
                Remove(_rows[Count - 1]);
            }

            Evicted = 0;
        }

        /// <summary>
        /// Brings the table up to date with one record (rec's fields as stored; image = its encoded slot, for
        /// the user name's bytes; slot = where it sits on flash). Returns the row it touched, or null.
        /// </summary>
        public ActiveAlarmRow Apply(AlarmEntry rec, byte[] image, int slot)
        {
            ActiveAlarmRow row;
            switch (rec.Kind)
            {
                case AlarmCodes.EventCleared:
                    row = FindSlot(rec.Source, rec.SourceIndex, rec.Condition);
                    if (row != null)
                    {
                        Remove(row);
                    }

                    return null;

                case AlarmCodes.EventAcknowledged:
                    row = FindAlarm(rec.AlarmId);
                    if (row == null)
                    {
                        return null;
                    }

                    row.Entry.Acknowledged = true;
                    row.Entry.AckTimeUtc = rec.AckTimeUtc;
                    SetUser(row, rec, image);
                    return row;

                case AlarmCodes.EventChanged:
                    row = FindSlot(rec.Source, rec.SourceIndex, rec.Condition);
                    if (row == null || row.Entry.AlarmId != rec.AlarmId)
                    {
                        // No Raised record for it (cannot happen through the journal): the change stands for one.
                        return Set(rec, image, slot);
                    }

                    AlarmEntry e = row.Entry;
                    e.Level = rec.Level;
                    e.PreviousLevel = rec.PreviousLevel;
                    e.Value = rec.Value;
                    e.Threshold = rec.Threshold;
                    e.Latching = rec.Latching;
                    e.ChangedUtc = rec.ChangedUtc;
                    e.Acknowledged = rec.Acknowledged;
                    e.AckTimeUtc = rec.AckTimeUtc;
                    SetUser(row, rec, image);
                    return row;

                default:
                    // Raised, or an active-alarm snapshot (whose timestamp is the raise time).
                    return Set(rec, image, slot);
            }
        }

        /// <summary>The row of rec's alarm (reused, or a new one in AlarmId order) set from rec.</summary>
        private ActiveAlarmRow Set(AlarmEntry rec, byte[] image, int slot)
        {
            ActiveAlarmRow row = FindSlot(rec.Source, rec.SourceIndex, rec.Condition);
            if (row == null || row.Entry.AlarmId != rec.AlarmId)
            {
                if (row != null)
                {
                    Remove(row);
                }

                ActiveAlarmRow other = FindAlarm(rec.AlarmId);
                if (other != null)
                {
                    Remove(other);
                }

                row = Add(rec.AlarmId);
            }

            row.Entry.CopyFrom(rec);
            row.Entry.Id = rec.AlarmId;
            row.Entry.Kind = AlarmCodes.EventRaised;
            SetUser(row, rec, image);
            row.BaseSlot = slot;
            return row;
        }

        /// <summary>
        /// The stored name's bytes; the live string is kept only when the bytes hold all of it (a name cut to
        /// 16 bytes reads back cut, before and after a reboot alike).
        /// </summary>
        private static void SetUser(ActiveAlarmRow row, AlarmEntry rec, byte[] image)
        {
            row.UserLength = AlarmRecordCodec.CopyUser(image, row.User);
            string user = rec.AckUser;
            row.Entry.AckUser = user != null && AlarmRecordCodec.Utf8Length(user) == row.UserLength ? user : null;
        }

        private ActiveAlarmRow Add(uint alarmId)
        {
            if (_freeCount == 0)
            {
                Remove(_rows[Victim()]);
                Evicted++;
            }

            ActiveAlarmRow row = _free[--_freeCount];
            _free[_freeCount] = null;
            int at = Count;
            while (at > 0 && _rows[at - 1].Entry.AlarmId > alarmId)
            {
                _rows[at] = _rows[at - 1];
                at--;
            }

            _rows[at] = row;
            Count++;
            row.Entry.AlarmId = alarmId;
            return row;
        }

        private void Remove(ActiveAlarmRow row)
        {
            int at = 0;
            while (at < Count && _rows[at] != row)
            {
                at++;
            }

            if (at == Count)
            {
                return;
            }

            for (int i = at; i < Count - 1; i++)
            {
                _rows[i] = _rows[i + 1];
            }

            Count--;
            _rows[Count] = null;
            row.Entry.AckUser = null;
            row.UserLength = 0;
            row.BaseSlot = -1;
            _free[_freeCount++] = row;
        }

        /// <summary>Index of the row that gives way: acknowledged first, then the lowest level, then the oldest.</summary>
        private int Victim()
        {
            int best = 0;
            for (int i = 1; i < Count; i++)
            {
                AlarmEntry a = _rows[i].Entry;
                AlarmEntry b = _rows[best].Entry;
                if (a.Acknowledged != b.Acknowledged)
                {
                    if (a.Acknowledged)
                    {
                        best = i;
                    }
                }
                else if (a.Level < b.Level)
                {
                    best = i;
                }
            }

            // Rows are in AlarmId order, so the first of equals is already the oldest.
            return best;
        }
    }
}
