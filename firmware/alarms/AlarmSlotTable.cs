using Ipenergy.Probe.Common;
using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Alarms
{
    /// <summary>
    /// The slots for one channel/circuit layout, in a fixed order: per phase underVoltage,
    /// overVoltage, phaseLost (phaseLost first, so undervoltage can defer to it); the device's
    /// frequencyLow, frequencyHigh, voltageUnbalance; per channel overCurrent; per circuit loadHigh,
    /// lowLoad and, for 3-phase circuits, currentUnbalance and neutralCurrent; on a gateway, per polled
    /// bus address moduleOffline. Built (allocating) only when the layout of the snapshot or the
    /// directory's addresses change; <see cref="Matches"/> checks without allocating.
    /// </summary>
    public sealed class AlarmSlotTable
    {
        private readonly int _channelCount;
        private readonly int[] _circuitPhases;
        private readonly string[] _circuitNames;
        private readonly int[] _moduleAddresses;

        /// <param name="modules">The gateway's bus modules (one moduleOffline slot per polled address), or null.</param>
        public AlarmSlotTable(MeasurementSnapshot snapshot, int stormLimit, IModuleDirectory modules)
        {
            _channelCount = snapshot.Channels.Length;
            CircuitValues[] circuits = snapshot.Circuits;
            _circuitPhases = new int[circuits.Length];
            _circuitNames = new string[circuits.Length];
            int count = snapshot.Phases.Length * 3 + 3 + _channelCount;
            for (int c = 0; c < circuits.Length; c++)
            {
                _circuitPhases[c] = circuits[c].PhaseCount;
                _circuitNames[c] = circuits[c].Name;
                count += circuits[c].PhaseCount == 3 ? 4 : 2;
            }

            _moduleAddresses = new int[modules == null ? 0 : modules.Count];
            for (int m = 0; m < _moduleAddresses.Length; m++)
            {
                _moduleAddresses[m] = modules.AddressAt(m);
            }

            count += _moduleAddresses.Length;
            Slots = new AlarmSlot[count];
            int n = 0;
            for (int p = 0; p < snapshot.Phases.Length; p++)
            {
                Slots[n++] = new AlarmSlot(AlarmCodes.SourcePhase, p, AlarmCodes.PhaseLost, stormLimit);
                Slots[n++] = new AlarmSlot(AlarmCodes.SourcePhase, p, AlarmCodes.UnderVoltage, stormLimit);
                Slots[n++] = new AlarmSlot(AlarmCodes.SourcePhase, p, AlarmCodes.OverVoltage, stormLimit);
            }

            Slots[n++] = new AlarmSlot(AlarmCodes.SourceDevice, 0, AlarmCodes.FrequencyLow, stormLimit);
            Slots[n++] = new AlarmSlot(AlarmCodes.SourceDevice, 0, AlarmCodes.FrequencyHigh, stormLimit);
            Slots[n++] = new AlarmSlot(AlarmCodes.SourceDevice, 0, AlarmCodes.VoltageUnbalance, stormLimit);
            for (int k = 0; k < _channelCount; k++)
            {
                Slots[n++] = new AlarmSlot(AlarmCodes.SourceChannel, snapshot.Channels[k].Channel, AlarmCodes.OverCurrent, stormLimit);
            }

            for (int c = 0; c < circuits.Length; c++)
            {
                Slots[n++] = new AlarmSlot(AlarmCodes.SourceCircuit, c + 1, AlarmCodes.LoadHigh, stormLimit);
                Slots[n++] = new AlarmSlot(AlarmCodes.SourceCircuit, c + 1, AlarmCodes.LowLoad, stormLimit);
                if (circuits[c].PhaseCount == 3)
                {
                    Slots[n++] = new AlarmSlot(AlarmCodes.SourceCircuit, c + 1, AlarmCodes.CurrentUnbalance, stormLimit);
                    Slots[n++] = new AlarmSlot(AlarmCodes.SourceCircuit, c + 1, AlarmCodes.NeutralCurrent, stormLimit);
                }
            }

            for (int m = 0; m < _moduleAddresses.Length; m++)
            {
                Slots[n++] = new AlarmSlot(AlarmCodes.SourceModule, _moduleAddresses[m], AlarmCodes.ModuleOffline, stormLimit);
            }
        }

        public AlarmSlot[] Slots { get; private set; }

        /// <summary>
        /// True when the snapshot has the channels and circuits (count, phases, names) and the directory
        /// the polled addresses this table was built for.
        /// </summary>
        public bool Matches(MeasurementSnapshot snapshot, IModuleDirectory modules)
        {
            int moduleCount = modules == null ? 0 : modules.Count;
            if (moduleCount != _moduleAddresses.Length)
            {
                return false;
            }

            for (int m = 0; m < moduleCount; m++)
            {
                if (modules.AddressAt(m) != _moduleAddresses[m])
                {
                    return false;
                }
            }

            CircuitValues[] circuits = snapshot.Circuits;
            if (snapshot.Channels.Length != _channelCount || circuits.Length != _circuitPhases.Length)
            {
                return false;
            }

            for (int c = 0; c < circuits.Length; c++)
            {
                if (circuits[c].PhaseCount != _circuitPhases[c] || circuits[c].Name != _circuitNames[c])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Takes over the slots of the previous layout that still exist (same source, index and
        /// condition; for a circuit also the same name), with their levels, streaks and storm windows.
        /// </summary>
        public void Adopt(AlarmSlotTable previous)
        {
            for (int i = 0; i < Slots.Length; i++)
            {
                AlarmSlot slot = Slots[i];
                if (slot.Source == AlarmCodes.SourceCircuit)
                {
                    int c = slot.SourceIndex - 1;
                    if (c >= previous._circuitNames.Length || previous._circuitNames[c] != _circuitNames[c])
                    {
                        continue;
                    }
                }

                AlarmSlot old = previous.Find(slot.Source, slot.SourceIndex, slot.Condition);
                if (old != null)
                {
                    Slots[i] = old;
                }
            }
        }

        /// <summary>The slot with that identity, or null.</summary>
        public AlarmSlot Find(int source, int sourceIndex, int condition)
        {
            for (int i = 0; i < Slots.Length; i++)
            {
                AlarmSlot s = Slots[i];
                if (s.Source == source && s.SourceIndex == sourceIndex && s.Condition == condition)
                {
                    return s;
                }
            }

            return null;
        }
    }
}
