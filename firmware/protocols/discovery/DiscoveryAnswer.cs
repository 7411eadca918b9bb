using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Protocols.Discovery
{
    /// <summary>
    /// Lays out an answer into one reused buffer: the request's header with its nonce, then the JSON object of who
    /// this e-Probe is and where it listens. Name, location and bus follow the configuration in force.
    /// </summary>
    public sealed class DiscoveryAnswer
    {
        /// <summary>Room for the header and the JSON with 32-character texts (serial, sysName, sysLocation) escaped.</summary>
        public const int BufferSize = 768;

        private readonly DeviceIdentity _identity;
        private readonly ILiveConfig _config;
        private readonly INetworkStatus _network;
        private readonly byte[] _buffer = new byte[BufferSize];
        private readonly JsonWriter _json;

        /// <param name="network">The Ethernet interface for "mac" and "ip"; null: both are "" (the virtual e-Probe:
        /// a client takes the address the answer came from).</param>
        public DiscoveryAnswer(DeviceIdentity identity, ILiveConfig config, INetworkStatus network)
        {
            _identity = identity;
            _config = config;
            _network = network;
            _json = new JsonWriter(_buffer);
            HttpPort = -1;
            ModbusPort = -1;
            SnmpPort = -1;
        }

        /// <summary>The HTTP port really listened on, -1 when off.</summary>
        public int HttpPort { get; set; }

        /// <summary>The Modbus-TCP port really listened on, -1 when off.</summary>
        public int ModbusPort { get; set; }

        /// <summary>The SNMP UDP port really listened on, -1 when off.</summary>
        public int SnmpPort { get; set; }

        /// <summary>The answer's bytes (from 0, <see cref="Write"/>'s length).</summary>
        public byte[] Buffer { get { return _buffer; } }

        /// <summary>Writes the answer to a request already checked by DiscoveryMessage.IsRequest; returns its length,
        /// 0 when it did not fit (nothing is sent then).</summary>
        public int Write(byte[] request, int requestOffset)
        {
            int header = DiscoveryMessage.WriteAnswerHeader(request, requestOffset, _buffer);
            JsonWriter w = _json;
            w.Reset(_buffer, header);
            MeterConfig config = _config.Current;
            w.WriteStartObject();
            Text(w, "model", _identity.Model);
            Text(w, "serial", _identity.SerialNumber);
            Text(w, "firmware", _identity.FirmwareVersion);
            Text(w, "mac", _network == null ? "" : _network.MacAddress);
            Text(w, "ip", _network == null ? "" : _network.Address);
            Number(w, "httpPort", HttpPort);
            Number(w, "modbusPort", ModbusPort);
            Number(w, "snmpPort", SnmpPort);
            BusConfig bus = config == null ? null : config.Bus;
            Text(w, "busRole", BusRoles.Name(bus == null ? BusRoles.Standalone : bus.Role));
            Number(w, "busAddress", bus == null ? 0 : bus.Address);
            SnmpConfig snmp = config == null ? null : config.Snmp;
            Text(w, "name", snmp == null ? "" : snmp.SysName);
            Text(w, "location", snmp == null ? "" : snmp.SysLocation);
            w.WriteEndObject();
            return w.Failed ? 0 : header + w.Length;
        }

        private static void Text(JsonWriter w, string name, string value)
        {
            w.WriteName(name);
            w.WriteString(value == null ? "" : value);
        }

        private static void Number(JsonWriter w, string name, int value)
        {
            w.WriteName(name);
            w.WriteInteger(value < 0 ? -1 : value);
        }
    }
}
