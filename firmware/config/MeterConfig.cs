using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Config
{
    /// <summary>What the metering engine needs to know about the installation.</summary>
    public sealed class MeterConfig
    {
        public MeterConfig(int channelCount)
        {
            NominalVoltage = 230.0;
            NominalFrequencyHz = 50.0;
            VoltageGainCorrection = new double[] { 1.0, 1.0, 1.0 };
            Channels = new ChannelConfig[channelCount];
            for (int i = 0; i < channelCount; i++)
            {
                // Default wiring: channels run L1, L2, L3, L1, … as on the terminal block.
                Channels[i] = new ChannelConfig(i + 1, i % PhaseNames.Count, 100.0);
            }

            Circuits = new CircuitConfig[0];
            Network = new NetworkConfig();
            Snmp = new SnmpConfig();
            Modbus = new ModbusConfig();
            History = new HistoryConfig();
            AdminPasswordHash = "";
            Users = new UserConfig[] { UserConfig.FactoryAdmin() };
            Http = new HttpConfig();
            Alarms = new AlarmConfig();
            Bus = new BusConfig();
            Panel = new PanelConfig();
        }

        /// <summary>Phase-to-neutral nominal voltage (230 V in Europe, 120/277 V elsewhere).</summary>
        public double NominalVoltage { get; set; }

        /// <summary>50 or 60 Hz: selects 10- or 12-cycle measurement windows (≈ 200 ms).</summary>
        public double NominalFrequencyHz { get; set; }

        /// <summary>Multiplier per phase voltage input (1.0 = none).</summary>
        public double[] VoltageGainCorrection { get; private set; }

        public ChannelConfig[] Channels { get; private set; }

        public CircuitConfig[] Circuits { get; set; }

        public NetworkConfig Network { get; set; }

        public SnmpConfig Snmp { get; set; }

        public ModbusConfig Modbus { get; set; }

        public HistoryConfig History { get; set; }

        /// <summary>
        /// Placeholder for the administrator's password hash (its format is settled by the HTTP
        /// issue); empty = no password set. A secret: JSON export never shows it.
        /// </summary>
        public string AdminPasswordHash { get; set; }

        /// <summary>Accounts of the HTTP API (1..8, at least one admin); the factory one is admin/admin.</summary>
        public UserConfig[] Users { get; set; }

        /// <summary>HTTP API access settings.</summary>
        public HttpConfig Http { get; set; }

        /// <summary>Alarm threshold rules, storm guard, syslog destination.</summary>
        public AlarmConfig Alarms { get; set; }

        /// <summary>Internal RS-485 bus: role, address, line settings, gateway polling.</summary>
        public BusConfig Bus { get; set; }

        /// <summary>Front panel: language, contrast, backlight timeout, PIN hash.</summary>
        public PanelConfig Panel { get; set; }

        /// <summary>The user with that name, or null.</summary>
        public UserConfig FindUser(string name)
        {
            for (int i = 0; i < Users.Length; i++)
            {
                if (Users[i].Name == name)
                {
                    return Users[i];
                }
            }

            return null;
        }

        /// <summary>A deep copy (edits to it leave this configuration alone).</summary>
        public MeterConfig Clone()
        {
            MeterConfig copy = new MeterConfig(Channels.Length);
            copy.NominalVoltage = NominalVoltage;
            copy.NominalFrequencyHz = NominalFrequencyHz;
            for (int p = 0; p < VoltageGainCorrection.Length; p++)
            {
                copy.VoltageGainCorrection[p] = VoltageGainCorrection[p];
            }

            for (int k = 0; k < Channels.Length; k++)
            {
                copy.Channels[k] = Channels[k].Clone();
            }

            CircuitConfig[] circuits = new CircuitConfig[Circuits.Length];
            for (int c = 0; c < circuits.Length; c++)
            {
                circuits[c] = Circuits[c].Clone();
            }

            copy.Circuits = circuits;
            copy.Network = Network.Clone();
            copy.Snmp = Snmp.Clone();
            copy.Modbus = Modbus.Clone();
            copy.History = History.Clone();
            copy.AdminPasswordHash = AdminPasswordHash;
            UserConfig[] users = new UserConfig[Users.Length];
            for (int u = 0; u < users.Length; u++)
            {
                users[u] = Users[u].Clone();
            }

            copy.Users = users;
            copy.Http = Http.Clone();
            copy.Alarms = Alarms.Clone();
            copy.Bus = Bus.Clone();
            copy.Panel = Panel.Clone();
            return copy;
        }

        /// <summary>Cycles per measurement window: 10 at 50 Hz, 12 at 60 Hz (IEC 61000-4-30).</summary>
        public int CyclesPerWindow { get { return NominalFrequencyHz > 55.0 ? 12 : 10; } }
    }
}
