using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>
    /// The physical entities for one configuration, ascending by index (chassis, phases, channels,
    /// circuits: see <see cref="EntityIndexScheme"/>), never changed once built: a request that took it
    /// reads one consistent list while a new configuration builds the next.
    /// </summary>
    public sealed class EntityList
    {
        private EntityList(PhysicalEntity[] all, PhysicalEntity[] sensors, uint lastChange)
        {
            All = all;
            Sensors = sensors;
            LastChange = lastChange;
        }

        /// <summary>Every entity, the chassis first (entPhysicalTable rows).</summary>
        public PhysicalEntity[] All { get; private set; }

        /// <summary>The sensor entities (entPhySensorTable rows), ascending by index.</summary>
        public PhysicalEntity[] Sensors { get; private set; }

        /// <summary>entLastChangeTime: sysUpTime when this list replaced a different one (or was first built).</summary>
        public uint LastChange { get; private set; }

        /// <summary>The entities of this configuration (allocates: only when the configuration changes).</summary>
        public static EntityList Build(DeviceIdentity identity, MeterConfig config, uint now)
        {
            ChannelConfig[] channels = config.Channels;
            CircuitConfig[] circuits = config.Circuits;
            int sensorCount = (2 * PhaseNames.Count) + (2 * channels.Length) + (3 * circuits.Length);
            PhysicalEntity[] sensors = new PhysicalEntity[sensorCount];
            int n = 0;

            for (int p = 0; p < PhaseNames.Count; p++)
            {
                string phase = PhaseNames.Name(p);
                sensors[n++] = Sensor(EntityIndexScheme.Phase(p, EntityIndexScheme.PhaseVoltage), phase + " voltage", SensorQuantity.PhaseVoltage, p);
                sensors[n++] = Sensor(EntityIndexScheme.Phase(p, EntityIndexScheme.PhaseFrequency), phase + " frequency", SensorQuantity.PhaseFrequency, p);
            }

            for (int k = 0; k < channels.Length; k++)
            {
                ChannelConfig channel = channels[k];
                string head = "Ch " + channel.Number.ToString();
                string where = Where(channel);
                sensors[n++] = Sensor(EntityIndexScheme.Channel(channel.Number, EntityIndexScheme.ChannelCurrent), head + " current" + where, SensorQuantity.ChannelCurrent, k);
                sensors[n++] = Sensor(EntityIndexScheme.Channel(channel.Number, EntityIndexScheme.ChannelActivePower), head + " active power" + where, SensorQuantity.ChannelActivePower, k);
            }

            for (int c = 0; c < circuits.Length; c++)
            {
                string head = "Circuit " + circuits[c].Name;
                sensors[n++] = Sensor(EntityIndexScheme.Circuit(c, EntityIndexScheme.CircuitLoad), head + " load", SensorQuantity.CircuitLoad, c);
                sensors[n++] = Sensor(EntityIndexScheme.Circuit(c, EntityIndexScheme.CircuitCurrent), head + " current", SensorQuantity.CircuitCurrent, c);
                sensors[n++] = Sensor(EntityIndexScheme.Circuit(c, EntityIndexScheme.CircuitActivePower), head + " active power", SensorQuantity.CircuitActivePower, c);
            }

            PhysicalEntity[] all = new PhysicalEntity[sensorCount + 1];
            all[0] = Chassis(identity);
            for (int i = 0; i < sensorCount; i++)
            {
                all[i + 1] = sensors[i];
            }

            return new EntityList(all, sensors, now);
        }

        /// <summary>True when both lists have the same rows with the same columns.</summary>
        public bool SameAs(EntityList other)
        {
            if (other == null || other.All.Length != All.Length)
            {
                return false;
            }

            for (int i = 0; i < All.Length; i++)
            {
                if (!All[i].SameAs(other.All[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private static PhysicalEntity Chassis(DeviceIdentity identity)
        {
            PhysicalEntity chassis = new PhysicalEntity(EntityIndexScheme.Chassis, PhysicalEntity.ClassChassis,
                "e-Probe " + identity.Model, SensorQuantity.None, 0);
            chassis.Description = ProductText.ProductName(identity);
            chassis.HardwareRev = identity.Options;
            chassis.FirmwareRev = identity.FirmwareVersion;
            chassis.SerialNum = identity.SerialNumber;
            chassis.MfgName = identity.Manufacturer;
            chassis.ModelName = identity.Model;
            chassis.VendorType = ProductText.ProductOid(identity);
            return chassis;
        }

        private static PhysicalEntity Sensor(uint index, string name, int quantity, int source)
        {
            return new PhysicalEntity(index, PhysicalEntity.ClassSensor, name, quantity, source);
        }

        // " (label, rack B12)", " (rack B12)", " (label)" or "" from the channel's labels.
        private static string Where(ChannelConfig channel)
        {
            string label = channel.Label == null ? "" : channel.Label;
            string rack = channel.Rack == null || channel.Rack.Length == 0 ? "" : "rack " + channel.Rack;
            if (label.Length == 0 && rack.Length == 0)
            {
                return "";
            }

            if (label.Length == 0 || rack.Length == 0)
            {
                return " (" + label + rack + ")";
            }

            return " (" + label + ", " + rack + ")";
        }
    }
}
