namespace Ipenergy.Probe.App
{
    /// <summary>
    /// What the board (or the simulator's command line) tells the app besides the stored configuration:
    /// where to listen, extra time servers and trap receivers, and the device's serial number.
    /// </summary>
    public sealed class ProbeOptions
    {
        /// <summary>A port that means "this service is off".</summary>
        public const int Off = -1;

        public ProbeOptions()
        {
            BusRole = -1;
            BusAddress = -1;
            BindAddress = "";
            HttpPort = 80;
            ModbusPort = Off;
            SnmpPort = Off;
            DiscoveryPort = Off;
            NtpServers = new string[0];
            TrapTargets = new string[0];
            SerialNumber = "";
            SecondsQueued = 256;
        }

        /// <summary>
        /// Published seconds the metering thread may hold for the services thread (history, billing) while it is busy
        /// (a flash erase). Each one keeps a snapshot alive (about 4 KB for an MPP18 on nanoCLR), so a board sets a small
        /// number (16); the host's default of 256 lets the virtual e-Probe run thousands of times faster than real time.
        /// When full, the oldest is dropped and counted (ProbeApp.HistorySecondsDropped).
        /// </summary>
        public int SecondsQueued { get; set; }

        /// <summary>IPv4 address the servers bind ("" = every interface).</summary>
        public string BindAddress { get; set; }

        /// <summary>HTTP port (0 = any free port).</summary>
        public int HttpPort { get; set; }

        /// <summary>Modbus-TCP port (0 = any free port, <see cref="Off"/> = no server; modbus.enabled can also switch it off).</summary>
        public int ModbusPort { get; set; }

        /// <summary>SNMP UDP port (0 = any free port, <see cref="Off"/> = no agent; snmp.enabled can also switch it off).</summary>
        public int SnmpPort { get; set; }

        /// <summary>UDP discovery port (0 = any free port, <see cref="Off"/> = no responder; the boards use
        /// Protocols.Discovery.DiscoveryResponder.DefaultPort).</summary>
        public int DiscoveryPort { get; set; }

        /// <summary>IPv4 address the discovery responder binds; null: <see cref="BindAddress"/>. Broadcasts reach only a
        /// socket bound to every interface or to the broadcast address itself (tools/discovery.md).</summary>
        public string DiscoveryBindAddress { get; set; }

        /// <summary>"host:port" time servers added to those of the configuration.</summary>
        public string[] NtpServers { get; set; }

        /// <summary>"host:port" trap receivers added to those of the configuration.</summary>
        public string[] TrapTargets { get; set; }

        /// <summary>
        /// Unpredictable bytes for password salts and session tokens (the board's hardware generator). With
        /// one, the HTTP server checks the configuration's users and sessions; without one (unit tests), the
        /// credentials given to ProbeApp are used instead.
        /// </summary>
        public Ipenergy.Probe.Common.IRandomSource RandomSource { get; set; }

        /// <summary>The board's serial number (from its chip ID or factory data); up to 32 characters.</summary>
        public string SerialNumber { get; set; }

        /// <summary>The module's RS-485 port (the board's UART, a simulated bus node); null: no bus.
        /// What the module does on it follows the configuration's bus.role.</summary>
        public Ipenergy.Probe.Hal.ISerialPort BusPort { get; set; }

        /// <summary>bus.role to store at start (Config.BusRoles.*), or -1 to keep the configuration's (the
        /// virtual e-Probe's --bus-role; on the board the panel or the API sets it).</summary>
        public int BusRole { get; set; }

        /// <summary>The front-panel LCD; null: no panel (no panel thread, GET /api/v1/panel answers 404).</summary>
        public Ipenergy.Probe.Hal.IDisplay Display { get; set; }

        /// <summary>The front-panel buttons (null: only the HTTP mirror presses them).</summary>
        public Ipenergy.Probe.Hal.IKeypad Keypad { get; set; }

        /// <summary>The Ethernet interface as the panel's network screen shows it (null: unknown).</summary>
        public Ipenergy.Probe.Hal.INetworkStatus NetworkStatus { get; set; }

        /// <summary>bus.address to store at start (0..247), or -1 to keep the configuration's.</summary>
        public int BusAddress { get; set; }

        /// <summary>
        /// The metering ICs (ATM90E32-class), one per group of three CT channels in channel order: 1 on an MPP3, 6 on an
        /// MPP18. When set, the chips meter and the ADC sample source is not read (firmware/metering/chip); null: the
        /// sample engine meters the ADC blocks.
        /// </summary>
        public Ipenergy.Probe.Hal.ISpiDevice[] MeteringChips { get; set; }
    }
}
