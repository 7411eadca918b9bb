using System;
using System.Collections.Generic;

namespace Ipenergy.Probe.Simulator
{
    /// <summary>The command line of the virtual e-Probe (spec: shared/spec/virtual-probe.md, "Start").</summary>
    public sealed class SimulatorOptions
    {
        public const int DefaultHttpPort = 8080;
        public const int DefaultModbusPort = 5020;
        public const int DefaultSnmpPort = 1161;
        public const int StandardHttpPort = 80;
        public const int StandardModbusPort = 502;
        public const int StandardSnmpPort = 161;
        public const string DefaultBindAddress = "127.0.0.1";

        /// <summary>MPP3 or MPP18 as given by --model; null when not given.</summary>
        public string Model { get; set; }

        /// <summary>--scenario FILE; null for the built-in scenario.</summary>
        public string ScenarioPath { get; set; }

        public int HttpPort { get; set; } = DefaultHttpPort;

        public int ModbusPort { get; set; } = DefaultModbusPort;

        public int SnmpPort { get; set; } = DefaultSnmpPort;

        /// <summary>--discovery-port: UDP discovery responder, off (-1) unless asked; 0 = any free port.</summary>
        public int DiscoveryPort { get; set; } = -1;

        /// <summary>--discovery-bind: address of the discovery socket; null = the --bind address.</summary>
        public string DiscoveryBindAddress { get; set; }

        public List<TrapTarget> TrapTargets { get; } = new List<TrapTarget>();

        public string BindAddress { get; set; } = DefaultBindAddress;

        /// <summary>--data-dir DIR; null for a fresh temporary directory.</summary>
        public string DataDir { get; set; }

        public double TimeScale { get; set; } = 1.0;

        public int SampleRateHz { get; set; } = WaveformSynthesizer.DefaultSampleRateHz;

        public bool StandardPorts { get; set; }

        /// <summary>--ntp-server HOST[:PORT], repeatable: the SNTP servers, asked in order (none: the clock is never synchronized).</summary>
        public List<string> NtpServers { get; } = new List<string>();

        /// <summary>--clock-start ISO8601: the device clock's time at start (tests start it wrong); null: the host's UTC now.</summary>
        public DateTime? ClockStart { get; set; }

        /// <summary>--serial TEXT: the device's serial number; null: one derived from the data directory.</summary>
        public string SerialNumber { get; set; }

        public const string BusRoleSlave = "slave";
        public const string BusRoleGateway = "gateway";

        /// <summary>--bus HOST:PORT: join this bus hub (RS-485 simulation); null: no bus.</summary>
        public BusEndpoint Bus { get; set; }

        /// <summary>--bus-address N: the slave's bus address 1..247; 0: unaddressed (waits for automatic addressing).</summary>
        public int BusAddress { get; set; }

        /// <summary>--bus-role slave|gateway; default slave when --bus-address is given, else gateway.</summary>
        public string BusRole { get; set; }

        /// <summary>--bus-baud N (9600..115200); the bus line of a node or of the hub.</summary>
        public int BusBaud { get; set; } = 115200;

        /// <summary>--bus-parity E|N as a SerialParity value (1 stop bit either way).</summary>
        public int BusParity { get; set; } = Ipenergy.Probe.Hal.SerialParity.Even;

        /// <summary>--bus-hub PORT: run as the bus hub instead of a probe (node port; 0 = any free port); -1: not a hub.</summary>
        public int BusHubPort { get; set; } = -1;

        /// <summary>--bus-raw-port N: the hub's unframed port (socat pty bridge); default PORT+1 (0 when PORT is 0).</summary>
        public int BusRawPort { get; set; }

        /// <summary>--bus-control-port N: the hub's control port (fault injection); default PORT+2 (0 when PORT is 0).</summary>
        public int BusControlPort { get; set; }

        /// <summary>--panel: draw the front panel in this terminal and read its keys (the service lines go to --log or stderr).</summary>
        public bool Panel { get; set; }

        /// <summary>--no-panel: a probe without front panel (no display; /api/v1/panel answers 404).</summary>
        public bool NoPanel { get; set; }

        /// <summary>--panel-png DIR: keep DIR/panel.png up to date with the display; null: none.</summary>
        public string PanelPngDir { get; set; }

        /// <summary>--log FILE: the service lines and firmware messages go to FILE (appended) instead of stdout; null: stdout.</summary>
        public string LogFile { get; set; }

        public const string FrontEndAdc = "adc";
        public const string FrontEndAtm90e32 = "atm90e32";

        /// <summary>--front-end adc|atm90e32: the firmware meters the ADC samples itself, or reads simulated metering ICs over SPI.</summary>
        public string FrontEnd { get; set; } = FrontEndAdc;

        /// <summary>--help: print usage and exit.</summary>
        public bool Help { get; set; }

        /// <summary>--print-scenario: print the scenario in force as JSON and exit.</summary>
        public bool PrintScenario { get; set; }
    }
}
