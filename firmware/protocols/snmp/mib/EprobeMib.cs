using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;

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
            EprobeConfigChange change = new EprobeConfigChange(live);
            return new IMibSubtree[]
            {
                new EprobeDeviceGroup(source, live, identity, clock, change),
                new EprobePhaseTable(source),
                new EprobeChannelTable(source, live, change),
                new EprobeCircuitTable(source, live, change),
            };
        }
    }
}
