using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// GET /api/v1/info: who the device is and how it runs, for the page's header and for inventory
    /// scripts: {"manufacturer","model","serial","firmware","options","channels","uptimeS",
    /// "clockSynchronized","time","modbus":{"enabled","port"},"snmp":{"enabled","port"}}. "enabled" is
    /// what the configuration in force says; "port" is the one the service listens on (set by the app
    /// once it is bound: the virtual e-Probe may run on any free port), else the configured one.
    /// </summary>
    public sealed class InfoEndpoint : ReadOnlyEndpoint
    {

        private readonly DeviceIdentity _identity;
        private readonly ILiveConfig _config;
        private readonly ISettableClock _clock;

        /// <param name="config">Channel count and services; null: left out.</param>
        public InfoEndpoint(DeviceIdentity identity, ILiveConfig config, ISettableClock clock)
            : base("/api/v1/info")
        {
            _identity = identity;
            _config = config;
            _clock = clock;
            ModbusPort = -1;
            SnmpPort = -1;
            DiscoveryPort = -1;
        }

        /// <summary>Port the Modbus-TCP server listens on, or -1 when it does not run (the configured one is shown).</summary>
        public int ModbusPort { get; set; }

        /// <summary>Port the SNMP agent listens on, or -1 when it does not run.</summary>
        public int SnmpPort { get; set; }

        /// <summary>The module on the RS-485 bus, or null when it is not on one: "bus":{"role","address"} and, for a
        /// gateway, "cycleMs","online":[addresses],"offline":[addresses] and "counters" (see <see cref="Modules"/>).</summary>
        /// <summary>The UDP discovery port really bound, -1 when off (then not shown).</summary>
        public int DiscoveryPort { get; set; }

        public IBusStatus Bus { get; set; }

        /// <summary>A gateway's module directory, or null: adds "counters" to "bus", each
        /// <see cref="ModuleCounters"/> summed over the polled modules.</summary>
        public IModuleDirectory Modules { get; set; }

        public override int Handle(HttpRequest request, HttpResponse response)
        {
            JsonWriter w = response.Json;
            w.WriteStartObject();
            w.WriteName("manufacturer");
            w.WriteString(_identity.Manufacturer);
            w.WriteName("model");
            w.WriteString(_identity.Model);
            w.WriteName("serial");
            w.WriteString(_identity.SerialNumber);
            w.WriteName("firmware");
            w.WriteString(_identity.FirmwareVersion);
            w.WriteName("options");
            w.WriteString(_identity.Options);

            MeterConfig config = _config == null ? null : _config.Current;
            if (config != null)
            {
                w.WriteName("channels");
                w.WriteInteger(config.Channels.Length);
            }

            w.WriteName("uptimeS");
            w.WriteInteger(_clock.MonotonicMilliseconds / 1000);
            w.WriteName("clockSynchronized");
            w.WriteBoolean(_clock.Synchronized);
            w.WriteName("time");
            w.WriteTimestamp(_clock.UtcNow);

            if (config != null && config.Modbus != null)
            {
                w.WriteName("modbus");
                w.WriteStartObject();
                w.WriteName("enabled");
                w.WriteBoolean(config.Modbus.Enabled);
                w.WriteName("port");
                w.WriteInteger(ModbusPort >= 0 ? ModbusPort : config.Modbus.Port);
                w.WriteEndObject();
            }

            if (config != null && config.Snmp != null)
            {
                w.WriteName("snmp");
                w.WriteStartObject();
                w.WriteName("enabled");
                w.WriteBoolean(config.Snmp.Enabled);
                if (SnmpPort >= 0)
                {
                    w.WriteName("port");
                    w.WriteInteger(SnmpPort);
                }

                w.WriteEndObject();
            }

            if (DiscoveryPort >= 0)
            {
                w.WriteName("discoveryPort");
                w.WriteInteger(DiscoveryPort);
            }

            WriteBus(w);
            w.WriteEndObject();
            return HttpStatus.Ok;
        }

        private void WriteBus(JsonWriter w)
        {
            IBusStatus bus = Bus;
            if (bus == null)
            {
                return;
            }

            w.WriteName("bus");
            w.WriteStartObject();
            w.WriteName("role");
            w.WriteString(bus.Role);
            w.WriteName("address");
            w.WriteInteger(bus.Address);
            if (bus.LastCycleUs >= 0)
            {
                w.WriteName("cycleMs");
                w.WriteScaled(bus.LastCycleUs, 3);
                WriteAddresses(w, bus, "online", true);
                WriteAddresses(w, bus, "offline", false);
            }

            WriteCounterTotals(w, Modules);

            w.WriteEndObject();
        }

        private static void WriteCounterTotals(JsonWriter w, IModuleDirectory modules)
        {
            if (modules == null)
            {
                return;
            }

            w.WriteName("counters");
            w.WriteStartObject();
            for (int k = 0; k < ModuleCounters.Count; k++)
            {
                long sum = 0;
                for (int i = 0; i < modules.Count; i++)
                {
                    sum += modules.CounterOf(modules.AddressAt(i), k);
                }

                w.WriteName(ModuleCounters.Name(k));
                w.WriteInteger(sum);
            }

            w.WriteEndObject();
        }

        private static void WriteAddresses(JsonWriter w, IBusStatus bus, string name, bool online)
        {
            w.WriteName(name);
            w.WriteStartArray();
            for (int a = bus.ScanFrom; a <= bus.ScanTo; a++)
            {
                if (bus.IsOnline(a) == online)
                {
                    w.WriteInteger(a);
                }
            }

            w.WriteEndArray();
        }
    }
}
