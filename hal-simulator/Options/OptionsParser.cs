using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;

namespace Ipenergy.Probe.Simulator
{
    /// <summary>
    /// Parses the command line. Accepts "--name value" and "--name=value"; a bad option or value throws a
    /// <see cref="SetupException"/> whose one-line message names it, e.g.
    /// "--time-scale must be a number > 0, got 'abc'".
    /// </summary>
    public static class OptionsParser
    {
        public const int MinSampleRateHz = 1000;
        public const int MaxSampleRateHz = 1000000;

        private static readonly string[] ValueOptions =
        {
            "--model", "--scenario", "--http-port", "--modbus-port", "--snmp-port", "--discovery-port", "--discovery-bind", "--trap-target", "--bind",
            "--data-dir", "--time-scale", "--sample-rate", "--ntp-server", "--clock-start", "--serial",
            "--bus", "--bus-address", "--bus-role", "--bus-baud", "--bus-parity", "--bus-hub", "--bus-raw-port", "--bus-control-port",
            "--panel-png", "--log", "--front-end",
        };

        /// <summary>Baud rates of the RS-485 bus (Modbus-RTU, issue 9).</summary>
        public static readonly int[] BusBaudRates = { 9600, 19200, 38400, 57600, 115200 };

        private static readonly string[] FlagOptions = { "--standard-ports", "--help", "-h", "--print-scenario", "--panel", "--no-panel" };

        public static SimulatorOptions Parse(string[] args)
        {
            SimulatorOptions options = new SimulatorOptions();
            if (Array.IndexOf(args, "--help") >= 0 || Array.IndexOf(args, "-h") >= 0)
            {
                options.Help = true;
                return options;
            }

            HashSet<string> seen = new HashSet<string>(StringComparer.Ordinal);
            int? httpPort = null, modbusPort = null, snmpPort = null, busRawPort = null, busControlPort = null;
            for (int i = 0; i < args.Length; i++)
            {
                string arg = args[i];
                string name = arg;
                string value = null;
                int eq = arg.IndexOf('=');
                if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 2)
                {
                    name = arg.Substring(0, eq);
                    value = arg.Substring(eq + 1);
                }

                bool takesValue = Array.IndexOf(ValueOptions, name) >= 0;
                bool isFlag = Array.IndexOf(FlagOptions, name) >= 0;
                if (!takesValue && !isFlag)
                {
                    throw new SetupException(arg.StartsWith("-", StringComparison.Ordinal)
                        ? "unknown option '" + name + "' (see --help)"
                        : "unexpected argument '" + arg + "' (options start with --, see --help)");
                }

                if (isFlag && value != null)
                {
                    throw new SetupException(name + " takes no value, got '" + value + "'");
                }

                if (name != "--trap-target" && name != "--ntp-server" && !seen.Add(name))
                {
                    throw new SetupException(name + " given more than once");
                }

                if (takesValue && value == null)
                {
                    if (i + 1 >= args.Length || (args[i + 1].StartsWith("--", StringComparison.Ordinal) && args[i + 1].Length > 2))
                    {
                        throw new SetupException(name + " needs a value (see --help)");
                    }

                    value = args[++i];
                }

                switch (name)
                {
                    case "--model":
                        options.Model = ParseModel(value);
                        break;
                    case "--scenario":
                        options.ScenarioPath = NonEmpty(name, value, "a file name");
                        break;
                    case "--http-port":
                        httpPort = ParsePort(name, value, 0);
                        break;
                    case "--modbus-port":
                        modbusPort = ParsePort(name, value, 0);
                        break;
                    case "--snmp-port":
                        snmpPort = ParsePort(name, value, 0);
                        break;
                    case "--discovery-port":
                        options.DiscoveryPort = ParsePort(name, value, 0);
                        break;
                    case "--discovery-bind":
                        options.DiscoveryBindAddress = ParseBindAddress(value);
                        break;
                    case "--trap-target":
                        options.TrapTargets.Add(ParseTrapTarget(value));
                        break;
                    case "--bind":
                        options.BindAddress = ParseBindAddress(value);
                        break;
                    case "--data-dir":
                        options.DataDir = NonEmpty(name, value, "a directory");
                        break;
                    case "--time-scale":
                        options.TimeScale = ParseTimeScale(value);
                        break;
                    case "--sample-rate":
                        options.SampleRateHz = ParseSampleRate(value);
                        break;
                    case "--ntp-server":
                        options.NtpServers.Add(ParseNtpServer(value));
                        break;
                    case "--clock-start":
                        options.ClockStart = ParseClockStart(value);
                        break;
                    case "--serial":
                        options.SerialNumber = ParseSerial(value);
                        break;
                    case "--bus":
                        options.Bus = ParseBusEndpoint(value);
                        break;
                    case "--bus-address":
                        options.BusAddress = ParseBusAddress(value);
                        break;
                    case "--bus-role":
                        options.BusRole = ParseBusRole(value);
                        break;
                    case "--bus-baud":
                        options.BusBaud = ParseBusBaud(value);
                        break;
                    case "--bus-parity":
                        options.BusParity = ParseBusParity(value);
                        break;
                    case "--bus-hub":
                        options.BusHubPort = ParsePort(name, value, 0);
                        break;
                    case "--bus-raw-port":
                        busRawPort = ParsePort(name, value, 0);
                        break;
                    case "--bus-control-port":
                        busControlPort = ParsePort(name, value, 0);
                        break;
                    case "--standard-ports":
                        options.StandardPorts = true;
                        break;
                    case "--print-scenario":
                        options.PrintScenario = true;
                        break;
                    case "--panel":
                        options.Panel = true;
                        break;
                    case "--no-panel":
                        options.NoPanel = true;
                        break;
                    case "--panel-png":
                        options.PanelPngDir = NonEmpty(name, value, "a directory");
                        break;
                    case "--log":
                        options.LogFile = NonEmpty(name, value, "a file name");
                        break;
                    case "--front-end":
                        options.FrontEnd = ParseFrontEnd(value);
                        break;
                }
            }

            // --standard-ports sets the device's ports; a port given explicitly wins over it.
            if (options.StandardPorts)
            {
                options.HttpPort = SimulatorOptions.StandardHttpPort;
                options.ModbusPort = SimulatorOptions.StandardModbusPort;
                options.SnmpPort = SimulatorOptions.StandardSnmpPort;
            }

            options.HttpPort = httpPort ?? options.HttpPort;
            options.ModbusPort = modbusPort ?? options.ModbusPort;
            options.SnmpPort = snmpPort ?? options.SnmpPort;
            if (options.HttpPort != 0 && options.HttpPort == options.ModbusPort)
            {
                throw new SetupException("--modbus-port and --http-port are both TCP port " + options.HttpPort + "; give them different ports");
            }

            CheckBus(options, seen, busRawPort, busControlPort);
            if (options.NoPanel && (options.Panel || options.PanelPngDir != null))
            {
                throw new SetupException("--no-panel removes the front panel: give no --panel or --panel-png with it");
            }

            return options;
        }

        // The bus options make sense together only: a node needs --bus, the hub's ports need --bus-hub.
        private static void CheckBus(SimulatorOptions options, HashSet<string> seen, int? rawPort, int? controlPort)
        {
            bool hub = options.BusHubPort >= 0;
            if (hub && options.Bus != null)
            {
                throw new SetupException("--bus-hub runs the hub, --bus joins one: give only one of them");
            }

            foreach (string name in new[] { "--bus-address", "--bus-role" })
            {
                if (seen.Contains(name) && options.Bus == null)
                {
                    throw new SetupException(name + " needs --bus HOST:PORT (the hub to join)");
                }
            }

            foreach (string name in new[] { "--bus-baud", "--bus-parity" })
            {
                if (seen.Contains(name) && options.Bus == null && !hub)
                {
                    throw new SetupException(name + " needs --bus HOST:PORT or --bus-hub PORT");
                }
            }

            foreach (string name in new[] { "--bus-raw-port", "--bus-control-port" })
            {
                if (seen.Contains(name) && !hub)
                {
                    throw new SetupException(name + " needs --bus-hub PORT");
                }
            }

            if (options.Bus != null)
            {
                options.BusRole ??= options.BusAddress > 0 ? SimulatorOptions.BusRoleSlave : SimulatorOptions.BusRoleGateway;
                if (options.BusRole == SimulatorOptions.BusRoleGateway && options.BusAddress > 0)
                {
                    throw new SetupException("--bus-address is a slave's address; the gateway (bus master) has none: drop it or give --bus-role slave");
                }
            }

            if (hub)
            {
                int next = options.BusHubPort == 0 ? 0 : options.BusHubPort + 1;
                options.BusRawPort = rawPort ?? (next == 0 ? 0 : Math.Min(next, 65535));
                options.BusControlPort = controlPort ?? (next == 0 ? 0 : Math.Min(next + 1, 65535));
                if (options.BusHubPort > 0 && (options.BusRawPort == options.BusHubPort || options.BusControlPort == options.BusHubPort ||
                    (options.BusRawPort > 0 && options.BusRawPort == options.BusControlPort)))
                {
                    throw new SetupException("--bus-hub, --bus-raw-port and --bus-control-port need three different ports");
                }
            }
        }

        private static BusEndpoint ParseBusEndpoint(string value)
        {
            int colon = value.LastIndexOf(':');
            string host = colon > 0 ? value.Substring(0, colon) : "";
            if (colon <= 0 || value.IndexOf(':') != colon || Uri.CheckHostName(host) == UriHostNameType.Unknown ||
                !int.TryParse(value.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port < 1 || port > 65535)
            {
                throw new SetupException("--bus must be HOST:PORT of a bus hub (e.g. 127.0.0.1:4850), got '" + value + "'");
            }

            return new BusEndpoint(host, port);
        }

        private static int ParseBusAddress(string value)
        {
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int address) || address < 1 || address > 247)
            {
                throw new SetupException("--bus-address must be a Modbus slave address 1..247, got '" + value + "'");
            }

            return address;
        }

        private static string ParseBusRole(string value)
        {
            string role = value.Trim().ToLowerInvariant();
            if (role != SimulatorOptions.BusRoleSlave && role != SimulatorOptions.BusRoleGateway)
            {
                throw new SetupException("--bus-role must be slave or gateway, got '" + value + "'");
            }

            return role;
        }

        private static int ParseBusBaud(string value)
        {
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int baud) || Array.IndexOf(BusBaudRates, baud) < 0)
            {
                throw new SetupException("--bus-baud must be one of 9600, 19200, 38400, 57600, 115200, got '" + value + "'");
            }

            return baud;
        }

        private static int ParseBusParity(string value)
        {
            string p = value.Trim().ToUpperInvariant();
            if (p == "E")
            {
                return Ipenergy.Probe.Hal.SerialParity.Even;
            }

            if (p == "N")
            {
                return Ipenergy.Probe.Hal.SerialParity.None;
            }

            throw new SetupException("--bus-parity must be E (8E1) or N (8N1), got '" + value + "'");
        }

        private static string ParseFrontEnd(string value)
        {
            string frontEnd = value.Trim().ToLowerInvariant();
            if (frontEnd != SimulatorOptions.FrontEndAdc && frontEnd != SimulatorOptions.FrontEndAtm90e32)
            {
                throw new SetupException("--front-end must be adc or atm90e32, got '" + value + "'");
            }

            return frontEnd;
        }

        private static string ParseModel(string value)
        {
            string model = value.Trim().ToUpperInvariant();
            if (!ProbeModel.IsKnown(model))
            {
                throw new SetupException("--model must be MPP3 or MPP18, got '" + value + "'");
            }

            return model;
        }

        private static int ParsePort(string name, string value, int min)
        {
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port < min || port > 65535)
            {
                throw new SetupException(name + " must be a port number " + min + "..65535" + (min == 0 ? " (0 = any free port)" : "") +
                    ", got '" + value + "'");
            }

            return port;
        }

        private static TrapTarget ParseTrapTarget(string value)
        {
            const string Expected = "--trap-target must be HOST:PORT (e.g. 127.0.0.1:162 or [::1]:162)";
            string version = "";
            if (value.EndsWith("/v1", StringComparison.Ordinal) || value.EndsWith("/v2c", StringComparison.Ordinal))
            {
                int slash = value.LastIndexOf('/');
                version = value.Substring(slash);
                value = value.Substring(0, slash);
            }

            string host;
            string port;
            if (value.StartsWith("[", StringComparison.Ordinal))
            {
                int close = value.IndexOf("]:", StringComparison.Ordinal);
                if (close < 0)
                {
                    throw new SetupException(Expected + ", got '" + value + "'");
                }

                host = value.Substring(1, close - 1);
                port = value.Substring(close + 2);
                if (!IPAddress.TryParse(host, out IPAddress address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
                {
                    throw new SetupException(Expected + ", got '" + value + "' (not an IPv6 address in brackets)");
                }
            }
            else
            {
                int colon = value.LastIndexOf(':');
                if (colon <= 0 || value.IndexOf(':') != colon)
                {
                    throw new SetupException(Expected + ", got '" + value + "'");
                }

                host = value.Substring(0, colon);
                port = value.Substring(colon + 1);
                if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
                {
                    throw new SetupException(Expected + ", got '" + value + "' (bad host '" + host + "')");
                }
            }

            if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number < 1 || number > 65535)
            {
                throw new SetupException(Expected + ", got '" + value + "' (port must be 1..65535)");
            }

            return new TrapTarget(host, number, version);
        }

        // Same rules as the firmware's SNTP client (host, host:port, [v6]:port; port 123 when absent).
        private static string ParseNtpServer(string value)
        {
            try
            {
                new Ipenergy.Probe.Protocols.Sntp.SntpServerAddress(value);
            }
            catch (ArgumentException e)
            {
                throw new SetupException("--ntp-server: " + e.Message);
            }

            return value.Trim();
        }

        private static DateTime ParseClockStart(string value)
        {
            if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime start)
                || start.Year < 1970 || start.Year > 2099)
            {
                throw new SetupException("--clock-start must be an ISO 8601 UTC time 1970..2099 (e.g. 2016-01-01T00:00:00Z), got '" + value + "'");
            }

            return DateTime.SpecifyKind(start, DateTimeKind.Utc);
        }

        private static string ParseBindAddress(string value)
        {
            // IPAddress.TryParse also takes shorthands such as "1" (0.0.0.1): an IPv4 address must be written in full.
            bool valid = IPAddress.TryParse(value, out IPAddress address) &&
                (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
                    ? value.Contains(':')
                    : address.ToString() == value);
            if (!valid)
            {
                throw new SetupException("--bind must be an IP address (e.g. 127.0.0.1, 0.0.0.0, ::1), got '" + value + "'");
            }

            return value;
        }

        private static double ParseTimeScale(string value)
        {
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double scale) ||
                double.IsNaN(scale) || double.IsInfinity(scale) || scale <= 0)
            {
                throw new SetupException("--time-scale must be a number > 0, got '" + value + "'");
            }

            return scale;
        }

        private static int ParseSampleRate(string value)
        {
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int rate) ||
                rate < MinSampleRateHz || rate > MaxSampleRateHz)
            {
                throw new SetupException("--sample-rate must be an integer " + MinSampleRateHz + ".." + MaxSampleRateHz +
                    " (frames per second), got '" + value + "'");
            }

            return rate;
        }

        private static string ParseSerial(string value)
        {
            if (string.IsNullOrEmpty(value) || value.Length > 32)
            {
                throw new SetupException("--serial must be 1..32 letters, digits or '-', got '" + value + "'");
            }

            foreach (char c in value)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c == '-'))
                {
                    throw new SetupException("--serial must be 1..32 letters, digits or '-', got '" + value + "'");
                }
            }

            return value;
        }

        private static string NonEmpty(string name, string value, string what)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new SetupException(name + " needs " + what + ", got '" + value + "'");
            }

            return value;
        }
    }
}
