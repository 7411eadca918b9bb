using System.Net;
using System.Text.Json.Nodes;

namespace Ipenergy.Probe.Cli
{
    /// <summary>One discovery answer (tools/discovery.md): who answered, from where, and where it listens.</summary>
    public sealed class DiscoveredProbe
    {
        /// <summary>The address the answer came from (used when the probe's own "ip" is empty).</summary>
        public IPAddress Source { get; set; }

        public string Model { get; set; }

        public string Serial { get; set; }

        public string Firmware { get; set; }

        public string Mac { get; set; }

        /// <summary>The probe's own idea of its address ("" on the virtual e-Probe).</summary>
        public string Ip { get; set; }

        public int HttpPort { get; set; }

        public int ModbusPort { get; set; }

        public int SnmpPort { get; set; }

        public string BusRole { get; set; }

        public int BusAddress { get; set; }

        public string Name { get; set; }

        public string Location { get; set; }

        /// <summary>The address to talk to: the answer's source (what surely routes back), its "ip" when none.</summary>
        public string Address
        {
            get { return Source != null ? Source.ToString() : Ip; }
        }

        /// <summary>The HTTP API target, or null when the probe's HTTP server is off.</summary>
        public ProbeTarget ToTarget()
        {
            if (HttpPort <= 0)
            {
                return null;
            }

            string host = Address.Contains(':') ? "[" + Address + "]" : Address;
            ProbeTarget target = ProbeTarget.Parse(host + ":" + HttpPort);
            target.Discovered = this;
            return target;
        }

        /// <summary>Reads an answer's JSON; missing fields stay empty/-1 (an older firmware may send fewer).</summary>
        public static DiscoveredProbe FromJson(IPAddress source, JsonObject json)
        {
            return new DiscoveredProbe
            {
                Source = source,
                Model = Text(json, "model"),
                Serial = Text(json, "serial"),
                Firmware = Text(json, "firmware"),
                Mac = Text(json, "mac"),
                Ip = Text(json, "ip"),
                HttpPort = Number(json, "httpPort"),
                ModbusPort = Number(json, "modbusPort"),
                SnmpPort = Number(json, "snmpPort"),
                BusRole = Text(json, "busRole"),
                BusAddress = Number(json, "busAddress"),
                Name = Text(json, "name"),
                Location = Text(json, "location"),
            };
        }

        private static string Text(JsonObject json, string name)
        {
            JsonNode node = json[name];
            return node == null ? "" : node.ToString();
        }

        private static int Number(JsonObject json, string name)
        {
            JsonNode node = json[name];
            int value;
            if (node is JsonValue v && v.TryGetValue(out value))
            {
                return value;
            }

            return -1;
        }
    }
}
