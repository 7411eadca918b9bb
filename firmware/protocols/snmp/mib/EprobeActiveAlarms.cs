using Ipenergy.Probe.Common;
using Ipenergy.Probe.Storage.Alarms;

namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>
    /// The alarm journal's active alarms as one SNMP request sees them, shared by eprobeActiveAlarmTable and
    /// eprobeAlarmStatus. The row ids and level counts are read once per request, and only by a request
    /// that reaches the alarm objects (every request calls BeginRequest on every subtree); a row's cells are
    /// read through one reused AlarmEntry. Nothing is allocated. A null journal has no active alarms.
    /// </summary>
    public sealed class EprobeActiveAlarms
    {
        private readonly AlarmJournal _journal;
        private readonly uint[] _ids = new uint[AlarmJournal.ActiveCapacity];
        private readonly AlarmEntry _entry = new AlarmEntry();
        private bool _taken;
        private int _count;
        private int _warnings;
        private int _criticals;
        private int _loadedRow = -1;

        public EprobeActiveAlarms(AlarmJournal journal)
        {
            _journal = journal;
        }

        /// <summary>A new request begins: the next read takes the journal's active alarms again.</summary>
        public void Invalidate()
        {
            _taken = false;
            _loadedRow = -1;
        }

        /// <summary>Active alarms (rows of the table).</summary>
        public int Count
        {
            get
            {
                Take();
                return _count;
            }
        }

        public int Warnings
        {
            get
            {
                Take();
                return _warnings;
            }
        }

        public int Criticals
        {
            get
            {
                Take();
                return _criticals;
            }
        }

        /// <summary>The journal's newest record number (records written, across restarts); 0 without a journal.</summary>
        public uint EventsTotal
        {
            get { return _journal == null ? 0 : _journal.NextId - 1; }
        }

        /// <summary>Alarm id of the row (ascending with row).</summary>
        public uint IdAt(int row)
        {
            Take();
            return _ids[row];
        }

        /// <summary>The row's alarm as the journal holds it now (reused holder), or null when it has since ended.</summary>
        public AlarmEntry Row(int row)
        {
            Take();
            if (row < 0 || row >= _count)
            {
                return null;
            }

            if (row == _loadedRow)
            {
                return _entry;
            }

            uint id = _ids[row];

            // Usually still at the same place; after an older alarm ended it moved towards the front.
            if (_journal.CopyActive(row, _entry) && _entry.AlarmId == id)
            {
                _loadedRow = row;
                return _entry;
            }

            for (int i = row - 1; i >= 0; i--)
            {
                if (!_journal.CopyActive(i, _entry))
                {
                    continue;
                }

                if (_entry.AlarmId == id)
                {
                    _loadedRow = row;
                    return _entry;
                }

                if (_entry.AlarmId < id)
                {
                    break;
                }
            }

            _loadedRow = -1;
            return null;
        }

        private void Take()
        {
            if (_taken)
            {
                return;
            }

            _taken = true;
            _count = 0;
            _warnings = 0;
            _criticals = 0;
            _loadedRow = -1;
            if (_journal == null)
            {
                return;
            }

            for (int i = 0; i < _ids.Length; i++)
            {
                if (!_journal.CopyActive(i, _entry))
                {
                    break;
                }

                // The table's index must ascend; the journal keeps rows by alarm id, this only guards it.
                if (_count > 0 && _entry.AlarmId <= _ids[_count - 1])
                {
                    _loadedRow = -1;
                    continue;
                }

                _ids[_count] = _entry.AlarmId;
                if (_entry.Level == AlarmCodes.LevelCritical)
                {
                    _criticals++;
                }
                else if (_entry.Level == AlarmCodes.LevelWarning)
                {
                    _warnings++;
                }

                _loadedRow = _count;
                _count++;
            }
        }
    }
}
