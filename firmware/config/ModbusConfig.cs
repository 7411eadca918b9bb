namespace Ipenergy.Probe.Config
{
    /// <summary>Modbus-TCP server settings.</summary>
    public sealed class ModbusConfig
    {
        public ModbusConfig()
        {
            Enabled = true;
            Port = 502;
            UnitId = 1;
            WritesUnlocked = false;
        }

        public bool Enabled { get; set; }

        /// <summary>TCP port, 1…65535 (502 is the standard one).</summary>
        public int Port { get; set; }

        /// <summary>Unit identifier the server answers to, 1…247.</summary>
        public int UnitId { get; set; }

        /// <summary>False: write function codes are refused (Modbus has no authentication).</summary>
        public bool WritesUnlocked { get; set; }

        public ModbusConfig Clone()
        {
            ModbusConfig copy = new ModbusConfig();
            copy.Enabled = Enabled;
            copy.Port = Port;
            copy.UnitId = UnitId;
            copy.WritesUnlocked = WritesUnlocked;
            return copy;
        }
    }
}
