namespace Ipenergy.Probe.Config
{
    /// <summary>What ConfigStore.Load found: the configuration in force and where it came from.</summary>
    public sealed class ConfigLoadResult
    {
        public ConfigLoadResult(MeterConfig config, int slot, uint sequence, string message)
        {
            Config = config;
            Slot = slot;
            Sequence = sequence;
            Message = message;
        }

        /// <summary>The configuration to run with (factory defaults when nothing usable was stored).</summary>
        public MeterConfig Config { get; private set; }

        /// <summary>0 or 1: the slot it was read from; −1: factory defaults.</summary>
        public int Slot { get; private set; }

        /// <summary>Save counter of the stored configuration (0 for factory defaults).</summary>
        public uint Sequence { get; private set; }

        public bool IsFactoryDefault { get { return Slot < 0; } }

        /// <summary>One line for the log: what was loaded, or why the defaults are in force.</summary>
        public string Message { get; private set; }
    }
}
