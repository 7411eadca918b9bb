using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace Ipenergy.Probe.Cli
{
    /// <summary>eprobe discover: who answers the discovery broadcast, one line each.</summary>
    public sealed class DiscoverCommand : ICommand
    {
        public string Name { get { return "discover"; } }

        public string Summary { get { return "find the e-Probes on the network (UDP broadcast) and list them"; } }

        public string Help
        {
            get
            {
                return
@"usage: eprobe discover [--broadcast ADDR]... [--discovery-port N] [--discovery-wait S] [--format table|json|csv]

Broadcasts the discovery request (tools/discovery.md) and lists every e-Probe that answers within the wait:
address, ports, model, serial, firmware, bus role/address, name and location. The list can feed other commands:
  eprobe discover --format csv | tail -n +2 | cut -d, -f1,2 --output-delimiter=: > probes.txt
  eprobe read --probes-file probes.txt
or use --discover on any command. Exit code 0 when at least one probe answered, 3 when none did.

Options:
  --broadcast ADDR      where requests go, repeatable (default 255.255.255.255 and every local interface's
                        broadcast address); a unicast address asks one host
  --discovery-port N    UDP port (default 30303)
  --discovery-wait S    how long to collect answers (default 2)
  --format table|json|csv, --json";
            }
        }

        public int Run(CommandContext context)
        {
            FleetOptions options = FleetOptions.Read(context.Args);
            OutputFormat format = context.ReadFormat(options.Json, true);
            context.Args.Finish();
            if (options.ProbeTexts.Count > 0 || options.ProbesFile != null)
            {
                throw new UsageException("discover finds probes itself: --probe and --probes-file do not apply");
            }

            List<DiscoveredProbe> found = options.DiscoverAll(context.Cancel);
            switch (format)
            {
                case OutputFormat.Json:
                    WriteJson(context, found);
                    break;
                case OutputFormat.Csv:
                    CsvText.WriteRow(context.Output, "address", "httpPort", "modbusPort", "snmpPort", "model", "serial", "firmware", "mac", "busRole", "busAddress", "name", "location");
                    foreach (DiscoveredProbe p in found)
                    {
                        CsvText.WriteRow(context.Output, p.Address, Port(p.HttpPort), Port(p.ModbusPort), Port(p.SnmpPort), p.Model, p.Serial, p.Firmware, p.Mac, p.BusRole, Port(p.BusAddress), p.Name, p.Location);
                    }

                    break;
                default:
                    var table = new TableWriter("ADDRESS", "HTTP", "MODBUS", "SNMP", "MODEL", "SERIAL", "FIRMWARE", "BUS", "NAME", "LOCATION").AlignRight(1, 2, 3);
                    foreach (DiscoveredProbe p in found)
                    {
                        table.Add(p.Address, Port(p.HttpPort), Port(p.ModbusPort), Port(p.SnmpPort), p.Model, p.Serial, p.Firmware, Bus(p), p.Name, p.Location);
                    }

                    table.Write(context.Output);
                    context.Error.WriteLine(found.Count + " e-Probe" + (found.Count == 1 ? "" : "s") + " found");
                    break;
            }

            return found.Count > 0 ? ExitCodes.Ok : ExitCodes.NoProbe;
        }

        private static void WriteJson(CommandContext context, List<DiscoveredProbe> found)
        {
            using var stream = new System.IO.MemoryStream();
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                json.WriteStartArray();
                foreach (DiscoveredProbe p in found)
                {
                    json.WriteStartObject();
                    json.WriteString("address", p.Address);
                    json.WriteNumber("httpPort", p.HttpPort);
                    json.WriteNumber("modbusPort", p.ModbusPort);
                    json.WriteNumber("snmpPort", p.SnmpPort);
                    json.WriteString("model", p.Model);
                    json.WriteString("serial", p.Serial);
                    json.WriteString("firmware", p.Firmware);
                    json.WriteString("mac", p.Mac);
                    json.WriteString("ip", p.Ip);
                    json.WriteString("busRole", p.BusRole);
                    json.WriteNumber("busAddress", p.BusAddress);
                    json.WriteString("name", p.Name);
                    json.WriteString("location", p.Location);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            context.Output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        }

        private static string Port(int port)
        {
            return port < 0 ? "off" : port.ToString(CultureInfo.InvariantCulture);
        }

        private static string Bus(DiscoveredProbe p)
        {
            return p.BusRole == "slave" ? "slave " + p.BusAddress : p.BusRole;
        }
    }
}
