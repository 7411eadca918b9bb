using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Storage.Alarms;

namespace Ipenergy.Probe.Protocols.Modbus.Maps
{
    /// <summary>
    /// Builds the register space of unit 1 for one configuration: vendor map (1000), configuration block
    /// (3000) and SunSpec (40000) behind one CompositeRegisterMap. The SunSpec chain and the vendor circuit
    /// region follow the configuration's circuits, so build a new one when the circuits change.
    /// </summary>
    public static class ProbeRegisterMap
    {
        public static CompositeRegisterMap Create(IMeasurementSource source, MeterConfig config, IModbusConfigStore store,
            IClock clock, DeviceIdentity identity, int unitId)
        {
            return Create(source, config, store, clock, identity, unitId, null);
        }

        /// <param name="alarms">The alarm journal behind the vendor alarm registers and the SunSpec Evt points; null: they read 0.</param>
        public static CompositeRegisterMap Create(IMeasurementSource source, MeterConfig config, IModbusConfigStore store,
            IClock clock, DeviceIdentity identity, int unitId, AlarmJournal alarms)
        {
            // The identity block shows the live sysName/sysLocation through the store's Current configuration.
            VendorMap vendor = new VendorMap(source, config.Channels.Length, config.Circuits.Length, alarms, identity, store);
            ConfigRegisterMap settings = new ConfigRegisterMap(store, clock);
            SunSpecMap sunSpec = new SunSpecMap(source, config, identity, unitId, alarms);
            return CompositeRegisterMap.ForProbe(vendor, settings, sunSpec);
        }
    }
}
