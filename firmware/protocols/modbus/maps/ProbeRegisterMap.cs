using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;

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
            VendorMap vendor = new VendorMap(source, config.Channels.Length, config.Circuits.Length);
            ConfigRegisterMap settings = new ConfigRegisterMap(store, clock);
            SunSpecMap sunSpec = new SunSpecMap(source, config, identity, unitId);
            return CompositeRegisterMap.ForProbe(vendor, settings, sunSpec);
        }
    }
}
