using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// GET /api/v1/info: who the device is and how it runs, for the page's header and for inventory
    /// scripts: {"manufacturer","model","serial","firmware","options","channels","uptimeS",
    /// "clockSynchronized","time","modbus":{"enabled","port"},"snmp":{"enabled"}}. Services are what the
    /// configuration in force says (the HTTP port is the one the client used).
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
        }

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
                w.WriteInteger(config.Modbus.Port);
                w.WriteEndObject();
            }

            if (config != null && config.Snmp != null)
            {
                w.WriteName("snmp");
                w.WriteStartObject();
                w.WriteName("enabled");
                w.WriteBoolean(config.Snmp.Enabled);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            return HttpStatus.Ok;
        }
    }
}
