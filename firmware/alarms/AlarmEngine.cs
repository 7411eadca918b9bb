using System;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Storage.Alarms;

namespace Ipenergy.Probe.Alarms
{
    /// <summary>
    /// Turns each published second into alarm events: every slot (source × condition, see
    /// AlarmSlotTable) is checked against its rule, level changes go to the journal as Raised /
    /// Changed / Cleared, through a per-slot storm guard. Called once per snapshot on the metering
    /// thread; allocates nothing unless the channel/circuit layout or the storm limit changes.
    /// Policies (README.md): one cause one alarm (a lost phase raises phaseLost only; no frequency
    /// alarm without voltage; no voltage or current unbalance with a phase lost; no current
    /// unbalance on a circuit below 10 % of its breaker); latching alarms clear after acknowledgement and return;
    /// beyond the storm limit transitions are held back and one event brings the journal in line
    /// once the window has room. On a gateway (<see cref="Modules"/> set) each polled bus address
    /// also has a moduleOffline slot: offline raises, online clears, never answered changes nothing.
    /// </summary>
    public sealed class AlarmEngine
    {
        /// <summary>Below this share of its breaker (%) a circuit's current unbalance is noise.</summary>
        public const double UnbalanceMinLoadPercent = 10.0;

        private readonly AlarmJournal _journal;
        private readonly AlarmEntry _entry = new AlarmEntry();
        private readonly AlarmEntry _row = new AlarmEntry();
        private readonly AlarmThresholds[] _thresholds = new AlarmThresholds[AlarmCodes.ConditionCount];
        private readonly bool[] _phaseLost = new bool[PhaseNames.Count];
        private AlarmSlotTable _table;
        private bool _anyPhaseLost;
        private bool _started;
        private long _lastSequence;
        private long _lastTicks;
        private int _pollIntervalMs;

        // Engine seconds: snapshot time that never runs backwards (a clock set back by NTP counts as 1 s).
        private long _now;

        public AlarmEngine(AlarmJournal journal)
        {
            _journal = journal;
            for (int c = 0; c < _thresholds.Length; c++)
            {
                _thresholds[c] = new AlarmThresholds();
            }
        }

        /// <summary>
        /// The gateway's bus modules (one moduleOffline alarm per polled address), null on a slave or
        /// standalone module. Read every evaluated second; slots follow its addresses.
        /// </summary>
        public IModuleDirectory Modules { get; set; }

        /// <summary>Level transitions the storm guard kept out of the journal since start.</summary>
        public int HeldBackEvents { get; private set; }

        /// <summary>Slots of the current layout (0 before the first snapshot).</summary>
        public int SlotCount { get { return _table == null ? 0 : _table.Slots.Length; } }

        /// <summary>Current level of a slot (latching included), or −1 when there is no such slot.</summary>
        public int LevelOf(int source, int sourceIndex, int condition)
        {
            AlarmSlot slot = _table == null ? null : _table.Find(source, sourceIndex, condition);
            return slot == null ? -1 : slot.Level;
        }

        public void Evaluate(MeasurementSnapshot snapshot, MeterConfig config)
        {
            if (snapshot == null || config == null || (_started && snapshot.Sequence == _lastSequence))
            {
                return;
            }

            AdvanceClock(snapshot.Timestamp);
            _lastSequence = snapshot.Sequence;
            AlarmConfig alarms = config.Alarms;
            for (int c = 0; c < _thresholds.Length; c++)
            {
                _thresholds[c].Update(c, alarms.Rules[c], config.NominalVoltage, config.NominalFrequencyHz);
            }

            int stormLimit = alarms.StormMaxEventsPerMinute;
            stormLimit = stormLimit < AlarmConfig.MinStormEventsPerMinute ? AlarmConfig.MinStormEventsPerMinute
                : stormLimit > AlarmConfig.MaxStormEventsPerMinute ? AlarmConfig.MaxStormEventsPerMinute : stormLimit;
            IModuleDirectory modules = Modules;
            _pollIntervalMs = config.Bus.PollIntervalMs;
            if (_table == null || !_table.Matches(snapshot, modules))
            {
                Rebuild(snapshot, stormLimit, modules);
            }

            _anyPhaseLost = false;
            AlarmThresholds lost = _thresholds[AlarmCodes.PhaseLost];
            for (int p = 0; p < _phaseLost.Length; p++)
            {
                PhaseValues phase = p < snapshot.Phases.Length ? snapshot.Phases[p] : null;
                _phaseLost[p] = phase == null || !phase.Present || lost.IsPastFirst(phase.Vrms);
            }

            AlarmSlot[] slots = _table.Slots;
            for (int i = 0; i < slots.Length; i++)
            {
                Step(slots[i], snapshot, stormLimit, modules);
            }
        }

        private void AdvanceClock(DateTime timestamp)
        {
            long ticks = timestamp.Ticks;
            if (!_started)
            {
                _started = true;
                _lastTicks = ticks;
                return;
            }

            long seconds = (ticks - _lastTicks + TimeSpan.TicksPerSecond / 2) / TimeSpan.TicksPerSecond;
            _lastTicks = ticks;
            _now += seconds >= 1 ? seconds : 1;
        }

        private void Step(AlarmSlot slot, MeasurementSnapshot snapshot, int stormLimit, IModuleDirectory modules)
        {
            bool applicable = true;
            bool hold = false;
            double value = 0.0;
            int index = slot.SourceIndex;
            switch (slot.Condition)
            {
                case AlarmCodes.PhaseLost:
                case AlarmCodes.UnderVoltage:
                case AlarmCodes.OverVoltage:
                    value = snapshot.Phases[index].Vrms;
                    applicable = slot.Condition != AlarmCodes.UnderVoltage || !_phaseLost[index];
                    break;
                case AlarmCodes.FrequencyLow:
                case AlarmCodes.FrequencyHigh:
                    value = snapshot.FrequencyHz;
                    applicable = value > 0.0;
                    break;
                case AlarmCodes.VoltageUnbalance:
                    value = snapshot.VoltageUnbalancePercent;
                    applicable = !_anyPhaseLost;
                    break;
                case AlarmCodes.OverCurrent:
                    value = snapshot.Channels[index - 1].LoadPercentOfCt;
                    break;
                case AlarmCodes.ModuleOffline:
                    int status = modules.StatusOf(index);
                    // Never answered: nothing known, nothing changes (an alarm taken over at restart stays until it answers).
                    hold = status == ModuleStatus.Unknown;
                    value = status == ModuleStatus.Offline ? MissedPolls(modules.AgeSecondsOf(index)) : 0.0;
                    break;
                default:
                    CircuitValues circuit = snapshot.Circuits[index - 1];
                    value = CircuitValue(slot.Condition, circuit);
                    applicable = slot.Condition != AlarmCodes.CurrentUnbalance
                        || (circuit.LoadPercent >= UnbalanceMinLoadPercent && !_anyPhaseLost);
                    break;
            }

            AlarmThresholds t = _thresholds[slot.Condition];
            int before = slot.Level;
            slot.Value = value;
            if (hold && t.Enabled)
            {
                // Level and streaks as they are.
            }
            else if (!t.Enabled || !applicable)
            {
                // A disabled rule, or a source it does not apply to now, clears at once (latching too).
                slot.Reset();
                slot.Level = AlarmCodes.LevelNormal;
            }
            else
            {
                slot.Warning.Update(value, t.Warning, t.Hysteresis, t.LowSide, t.AssertDelayS, t.ClearDelayS);
                slot.Critical.Update(value, t.Critical, t.Hysteresis, t.LowSide, t.AssertDelayS, t.ClearDelayS);
                int measured = slot.MeasuredLevel;
                if (!t.Latching || measured >= slot.Level)
                {
                    slot.Level = measured;
                }
                else if (measured == AlarmCodes.LevelNormal && AcknowledgedOrUntracked(slot))
                {
                    slot.Level = AlarmCodes.LevelNormal;
                }
            }

            if (slot.Condition == AlarmCodes.PhaseLost && slot.Level != AlarmCodes.LevelNormal)
            {
                // Still lost while phaseLost clears: undervoltage waits for it.
                _phaseLost[index] = true;
            }

            if (slot.Source == AlarmCodes.SourcePhase && _phaseLost[index])
            {
                _anyPhaseLost = true;
            }

            if (slot.Guard.Limit != stormLimit)
            {
                slot.Guard.Resize(stormLimit);
            }

            bool appended = false;
            if (slot.Level != slot.RecordedLevel && slot.Guard.HasRoom(_now))
            {
                Record(slot, snapshot.Timestamp, t);
                slot.Guard.Note(_now);
                appended = true;
            }

            if (slot.Level != before && !appended)
            {
                HeldBackEvents++;
            }
        }

        // Polls missed in a row by an offline module: its silence over the poll interval, at least the 3
        // that made the gateway mark it offline (also when it never answered: age -1).
        private double MissedPolls(double ageSeconds)
        {
            double interval = _pollIntervalMs > 0 ? _pollIntervalMs / 1000.0 : 1.0;
            double polls = ageSeconds > 0.0 ? Math.Floor(ageSeconds / interval) : 0.0;
            return polls > AlarmConfig.ModuleOfflineMinPolls ? polls : AlarmConfig.ModuleOfflineMinPolls;
        }

        private static double CircuitValue(int condition, CircuitValues circuit)
        {
            switch (condition)
            {
                case AlarmCodes.LoadHigh:
                    return circuit.LoadPercent;
                case AlarmCodes.LowLoad:
                    return circuit.MaxIrms;
                case AlarmCodes.CurrentUnbalance:
                    return circuit.CurrentUnbalancePercent;
                default:
                    return circuit.BreakerRatedAmps > 0.0 ? 100.0 * circuit.NeutralCurrentA / circuit.BreakerRatedAmps : 0.0;
            }
        }

        // A latched alarm may clear once someone acknowledged its active row; if the journal never
        // had it (held back) or no longer has it, there is nothing to acknowledge.
        private bool AcknowledgedOrUntracked(AlarmSlot slot)
        {
            if (slot.RecordedLevel == AlarmCodes.LevelNormal
                || !_journal.FindActive(slot.Source, slot.SourceIndex, slot.Condition, _row))
            {
                return true;
            }

            return _row.Acknowledged;
        }

        private void Record(AlarmSlot slot, DateTime timestamp, AlarmThresholds t)
        {
            int kind = slot.RecordedLevel == AlarmCodes.LevelNormal ? AlarmCodes.EventRaised
                : slot.Level == AlarmCodes.LevelNormal ? AlarmCodes.EventCleared : AlarmCodes.EventChanged;
            double threshold = slot.Level == AlarmCodes.LevelNormal ? slot.RecordedThreshold : t.Of(slot.Level);
            if (double.IsNaN(threshold))
            {
                threshold = slot.RecordedThreshold;
            }

            Append(kind, timestamp, slot.Source, slot.SourceIndex, slot.Condition, slot.Level, slot.RecordedLevel,
                slot.Value, threshold, t.Latching);
            slot.RecordedLevel = slot.Level;
            if (slot.Level != AlarmCodes.LevelNormal)
            {
                slot.RecordedThreshold = threshold;
            }
        }

        private void Append(int kind, DateTime timestamp, int source, int sourceIndex, int condition, int level, int previous,
            double value, double threshold, bool latching)
        {
            AlarmEntry e = _entry;
            e.Id = 0;
            e.AlarmId = 0;
            e.Kind = kind;
            e.TimestampUtc = timestamp;
            e.Source = source;
            e.SourceIndex = sourceIndex;
            e.Condition = condition;
            e.Level = level;
            e.PreviousLevel = previous;
            e.Value = value;
            e.Threshold = threshold;
            e.Latching = latching;
            e.Acknowledged = false;
            e.AckUser = null;
            e.AckTimeUtc = DateTime.MinValue;
            e.ChangedUtc = timestamp;
            _journal.Append(e);
        }

        // A new layout (first snapshot, channels or circuits changed): slots that still exist keep
        // their state; at start, alarms the journal holds as active are taken over (so they clear
        // through the normal path, or stay latched); active alarms left without a slot are cleared.
        private void Rebuild(MeasurementSnapshot snapshot, int stormLimit, IModuleDirectory modules)
        {
            AlarmSlotTable table = new AlarmSlotTable(snapshot, stormLimit, modules);
            if (_table != null)
            {
                table.Adopt(_table);
            }
            else
            {
                for (int i = 0; i < table.Slots.Length; i++)
                {
                    AlarmSlot slot = table.Slots[i];
                    if (_journal.FindActive(slot.Source, slot.SourceIndex, slot.Condition, _row) && _row.Level != AlarmCodes.LevelNormal)
                    {
                        slot.Restore(_row.Level, _row.Threshold);
                    }
                }
            }

            _table = table;
            ClearOrphans(snapshot.Timestamp);
        }

        private void ClearOrphans(DateTime timestamp)
        {
            int count = _journal.ActiveCount;
            AlarmEntry[] orphans = new AlarmEntry[count];
            int n = 0;
            for (int i = 0; i < count; i++)
            {
                AlarmEntry row = new AlarmEntry();
                if (!_journal.CopyActive(i, row))
                {
                    continue;
                }

                AlarmSlot slot = _table.Find(row.Source, row.SourceIndex, row.Condition);
                if (slot == null || slot.RecordedLevel == AlarmCodes.LevelNormal)
                {
                    orphans[n++] = row;
                }
            }

            for (int i = 0; i < n; i++)
            {
                AlarmEntry row = orphans[i];
                Append(AlarmCodes.EventCleared, timestamp, row.Source, row.SourceIndex, row.Condition, AlarmCodes.LevelNormal,
                    row.Level, 0.0, row.Threshold, row.Latching);
            }
        }
    }
}
