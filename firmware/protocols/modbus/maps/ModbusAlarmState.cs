using Ipenergy.Probe.Common;
using Ipenergy.Probe.Storage.Alarms;

namespace Ipenergy.Probe.Protocols.Modbus.Maps
{
    /// <summary>
    /// The active alarms as the Modbus maps show them, taken in one pass over the journal's active table
    /// so that one read answers from one consistent view. Condition bits: bit c = AlarmCodes condition c,
    /// set while an alarm of that condition is active at warning or above. Per source: the highest level
    /// (= AlarmJournal.HighestLevel) and its condition bits. Sources outside the map (a channel or circuit
    /// number beyond the sizes given) still count in the totals. All arrays are made once: Scan allocates
    /// nothing. Not thread-safe: the owning map serializes calls.
    /// </summary>
    public sealed class ModbusAlarmState
    {
        private readonly AlarmJournal _journal;
        private readonly AlarmEntry _row = new AlarmEntry();

        // Indexed by AlarmCodes.Source* (0 unused), then by the slot of the source index (see Slot).
        private readonly int[][] _level;
        private readonly int[][] _bits;
        private readonly int[][] _criticalBits;

        /// <param name="journal">null: no alarms (every register reads 0).</param>
        public ModbusAlarmState(AlarmJournal journal, int channelCount, int circuitCount)
        {
            _journal = journal;
            int[] sizes = new int[] { 0, 1, 3, channelCount, circuitCount };
            _level = new int[sizes.Length][];
            _bits = new int[sizes.Length][];
            _criticalBits = new int[sizes.Length][];
            for (int s = 0; s < sizes.Length; s++)
            {
                _level[s] = new int[sizes[s]];
                _bits[s] = new int[sizes[s]];
                _criticalBits[s] = new int[sizes[s]];
            }
        }

        /// <summary>Conditions active at warning or above on any source.</summary>
        public int Bits { get; private set; }

        /// <summary>Conditions active at critical on any source.</summary>
        public int CriticalBits { get; private set; }

        /// <summary>Highest level of all active alarms (AlarmCodes.Level*).</summary>
        public int HighestLevel { get; private set; }

        /// <summary>Active alarms at warning or above.</summary>
        public int ActiveCount { get; private set; }

        /// <summary>Active alarms at critical.</summary>
        public int CriticalCount { get; private set; }

        /// <summary>Active alarms nobody has acknowledged yet.</summary>
        public int UnacknowledgedCount { get; private set; }

        /// <summary>Re-reads the journal's active table.</summary>
        public void Scan()
        {
            for (int s = 0; s < _level.Length; s++)
            {
                for (int i = 0; i < _level[s].Length; i++)
                {
                    _level[s][i] = AlarmCodes.LevelNormal;
                    _bits[s][i] = 0;
                    _criticalBits[s][i] = 0;
                }
            }

            int bits = 0, critical = 0, highest = AlarmCodes.LevelNormal, active = 0, criticalCount = 0, unacknowledged = 0;
            int count = _journal == null ? 0 : _journal.ActiveCount;
            for (int i = 0; i < count; i++)
            {
                // A row removed meanwhile ends the table early: CopyActive answers false.
                if (!_journal.CopyActive(i, _row))
                {
                    break;
                }

                if (_row.Level < AlarmCodes.LevelWarning || _row.Condition < 0 || _row.Condition >= AlarmCodes.ConditionCount)
                {
                    continue;
                }

                int bit = 1 << _row.Condition;
                bool isCritical = _row.Level >= AlarmCodes.LevelCritical;
                active++;
                bits |= bit;
                if (isCritical)
                {
                    criticalCount++;
                    critical |= bit;
                }

                if (!_row.Acknowledged)
                {
                    unacknowledged++;
                }

                if (_row.Level > highest)
                {
                    highest = _row.Level;
                }

                int slot = Slot(_row.Source, _row.SourceIndex);
                if (slot >= 0)
                {
                    int source = _row.Source;
                    _bits[source][slot] |= bit;
                    if (isCritical)
                    {
                        _criticalBits[source][slot] |= bit;
                    }

                    if (_row.Level > _level[source][slot])
                    {
                        _level[source][slot] = _row.Level;
                    }
                }
            }

            Bits = bits;
            CriticalBits = critical;
            HighestLevel = highest;
            ActiveCount = active;
            CriticalCount = criticalCount;
            UnacknowledgedCount = unacknowledged;
        }

        /// <summary>Highest active level of one source (device 0, phase 0..2, channel 1..n, circuit 1..m).</summary>
        public int SourceLevel(int source, int sourceIndex)
        {
            int slot = Slot(source, sourceIndex);
            return slot < 0 ? AlarmCodes.LevelNormal : _level[source][slot];
        }

        /// <summary>Conditions active at warning or above on one source.</summary>
        public int SourceBits(int source, int sourceIndex)
        {
            int slot = Slot(source, sourceIndex);
            return slot < 0 ? 0 : _bits[source][slot];
        }

        /// <summary>Conditions active at critical on one source.</summary>
        public int SourceCriticalBits(int source, int sourceIndex)
        {
            int slot = Slot(source, sourceIndex);
            return slot < 0 ? 0 : _criticalBits[source][slot];
        }

        /// <summary>Array slot of a source, or -1 when the map has no row for it.</summary>
        private int Slot(int source, int sourceIndex)
        {
            if (source < AlarmCodes.SourceDevice || source > AlarmCodes.SourceCircuit)
            {
                return -1;
            }

            // Device and phases count from 0, channels and circuits from 1.
            int slot = source == AlarmCodes.SourceChannel || source == AlarmCodes.SourceCircuit ? sourceIndex - 1 : sourceIndex;
            return slot >= 0 && slot < _level[source].Length ? slot : -1;
        }
    }
}
