using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>
    /// The standard subtrees of the e-Probe's agent, ready for a MibTree next to the enterprise MIB:
    /// SNMPv2-MIB system and snmp groups, ENTITY-MIB entPhysicalTable and entLastChangeTime, and
    /// ENTITY-SENSOR-MIB entPhySensorTable (the last three share one entity list).
    /// </summary>
    public static class StandardMib
    {
        /// <summary>Number of subtrees <see cref="CreateSubtrees"/> returns.</summary>
        public const int SubtreeCount = 5;

        /// <param name="identity">Who the device is (sysDescr, sysObjectID, the chassis entity).</param>
        /// <param name="config">Configuration in force: sysName/Location/Contact, labels for entity names; SETs go through Apply.</param>
        /// <param name="source">Snapshots the sensors read.</param>
        /// <param name="upTime">The agent's sysUpTime (also entLastChangeTime and sensor time stamps).</param>
        /// <param name="counters">The message layer's snmp group counters.</param>
        /// <param name="authenTraps">snmpEnableAuthenTraps, also read by the agent's trap logic.</param>
        public static IMibSubtree[] CreateSubtrees(DeviceIdentity identity, ILiveConfig config, IMeasurementSource source,
            SysUpTime upTime, SnmpCounters counters, SnmpAuthenTrapSwitch authenTraps)
        {
            EntityInventory inventory = new EntityInventory(identity, config, upTime);
            return new IMibSubtree[]
            {
                new SystemGroup(identity, config.Current.Channels.Length, config, upTime),
                new SnmpGroup(counters, authenTraps),
                new EntPhysicalTable(inventory),
                new EntityGeneralGroup(inventory),
                new EntPhySensorTable(inventory, source, upTime),
            };
        }
    }
}
