using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Storage.Alarms;

namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>The IPENERGY-EPROBE-MIB subtrees the agent serves (tools/mib/IPENERGY-EPROBE-MIB.txt).</summary>
    public static class EprobeMib
    {
        /// <summary>
        /// The device group and the phase, channel and circuit tables, for the agent's MibTree next to
        /// the standard subtrees. Values come from source.Latest (taken once per request) and
        /// live.Current; SETs go through live.Apply. The clock gives eprobeMeasurementAge and, when it is an
        /// ISettableClock, eprobeClockSynchronized (else that reads false).
        /// </summary>
        public static IMibSubtree[] CreateSubtrees(IMeasurementSource source, ILiveConfig live, DeviceIdentity identity, IClock clock)
        {
            return CreateSubtrees(source, live, identity, clock, null);
        }

        /// <summary>
        /// As above, plus eprobeActiveAlarmTable and eprobeAlarmStatus read from journal (opened; null: an
        /// empty table and zero counts).
        /// </summary>
        public static IMibSubtree[] CreateSubtrees(IMeasurementSource source, ILiveConfig live, DeviceIdentity identity, IClock clock,
            AlarmJournal journal)
        {
            return CreateSubtrees(source, live, identity, clock, journal, null);
        }

        /// <summary>
        /// As above, plus eprobeBus (role, poll cycle, module counts, site totals) and, on a bus gateway, the
        /// module, module phase and module channel tables read from modules (null: not a gateway, the
        /// three tables are empty and the totals are this e-Probe's own).
        /// </summary>
        public static IMibSubtree[] CreateSubtrees(IMeasurementSource source, ILiveConfig live, DeviceIdentity identity, IClock clock,
            AlarmJournal journal, IModuleDirectory modules)
        {
            EprobeConfigChange change = new EprobeConfigChange(live);
            EprobeActiveAlarms alarms = new EprobeActiveAlarms(journal);
            return new IMibSubtree[]
            {
                new EprobeDeviceGroup(source, live, identity, clock, change),
                new EprobePhaseTable(source),
                new EprobeChannelTable(source, live, change),
                new EprobeCircuitTable(source, live, change),
                new EprobeActiveAlarmTable(alarms, live),
                new EprobeAlarmStatusGroup(alarms),
                new EprobeBusGroup(source, live, modules),
                new EprobeModuleTable(modules),
                new EprobeModulePhaseTable(modules),
                new EprobeModuleChannelTable(modules),
            };
        }
    }
}
