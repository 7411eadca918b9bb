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

        /// <summary>--help: print usage and exit.</summary>
        public bool Help { get; set; }

        /// <summary>--print-scenario: print the scenario in force as JSON and exit.</summary>
        public bool PrintScenario { get; set; }
    }
}
