using System;
using System.Globalization;

namespace Ipenergy.Probe.Tests.TestSupport
{
    /// <summary>
    /// What a virtual e-Probe printed at start, one service a line (hal-simulator/Setup/Usage.cs): "http URL",
    /// "serial TEXT", "meter ...", "modbus tcp://ADDR:PORT (...)" or "modbus off", "snmp   udp://ADDR:PORT (...)" or
    /// "snmp   off", "discovery udp://ADDR:PORT (...)". Every test wrapper of the probe process reads them here.
    /// </summary>
    public sealed class ProbeServiceLines
    {
        /// <summary>e.g. http://127.0.0.1:41234 (no trailing slash), or null before the http line.</summary>
        public string HttpUrl { get; private set; }

        public string Serial { get; private set; }

        /// <summary>The start-up line that says which front end meters.</summary>
        public string MeterLine { get; private set; }

        /// <summary>The Modbus-TCP port, 0 when off or not printed yet.</summary>
        public int ModbusPort { get; private set; }

        /// <summary>The SNMP UDP port, 0 when off or not printed yet.</summary>
        public int SnmpPort { get; private set; }

        /// <summary>The discovery UDP port, 0 when off or not printed yet.</summary>
        public int DiscoveryPort { get; private set; }

        public bool SawModbus { get; private set; }

        public bool SawSnmp { get; private set; }

        public bool SawDiscovery { get; private set; }

        /// <summary>True once the http, modbus and snmp lines (and the discovery line when asked for) are in.</summary>
        public bool Complete(bool withDiscovery)
        {
            return HttpUrl != null && SawModbus && SawSnmp && (!withDiscovery || SawDiscovery);
        }

        /// <summary>Takes one line of the probe's stdout (others are ignored).</summary>
        public void Read(string line)
        {
            if (line.StartsWith("http ", StringComparison.Ordinal))
            {
                HttpUrl = line.Substring(5).Trim().TrimEnd('/');
            }
            else if (line.StartsWith("serial ", StringComparison.Ordinal))
            {
                Serial = line.Substring(7).Trim();
            }
            else if (line.StartsWith("meter ", StringComparison.Ordinal))
            {
                MeterLine = line.Trim();
            }
            else if (line.StartsWith("modbus ", StringComparison.Ordinal))
            {
                SawModbus = true;
                ModbusPort = PortOf(line);
            }
            else if (line.StartsWith("snmp ", StringComparison.Ordinal))
            {
                SawSnmp = true;
                SnmpPort = PortOf(line);
            }
            else if (line.StartsWith("discovery ", StringComparison.Ordinal))
            {
                SawDiscovery = true;
                DiscoveryPort = PortOf(line);
            }
        }

        /// <summary>"... udp://127.0.0.1:PORT (...)": the number after the last ':' of the address; 0 for "off".</summary>
        public static int PortOf(string line)
        {
            int scheme = line.IndexOf("://", StringComparison.Ordinal);
            if (scheme < 0)
            {
                return 0;
            }

            scheme += 3;
            int end = line.IndexOf(' ', scheme);
            string address = end < 0 ? line.Substring(scheme) : line.Substring(scheme, end - scheme);
            return int.Parse(address.Substring(address.LastIndexOf(':') + 1).TrimEnd('/'), CultureInfo.InvariantCulture);
        }
    }
}
