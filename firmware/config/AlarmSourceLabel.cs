using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Config
{
    /// <summary>
    /// The name people know an alarm's source by, from the configuration in force: the phase name,
    /// the channel's label (else "channel N"), the circuit's name (else "circuit N"), "module A" for the bus
    /// module at address A (on a gateway), or "device".
    /// Shared by the page, SNMP notifications and syslog so they all say the same thing.
    /// </summary>
    public static class AlarmSourceLabel
    {
        private static readonly string[] ChannelFallback = BuildFallback("channel ", 32);
        private static readonly string[] CircuitFallback = BuildFallback("circuit ", 32);

        // Bus addresses 1..247, each named on first use (only a gateway has module alarms).
        private static readonly string[] ModuleNames = new string[248];

        public static string Of(MeterConfig config, int source, int index)
        {
            if (source == AlarmCodes.SourcePhase)
            {
                return index >= 0 && index < PhaseNames.Count ? PhaseNames.Name(index) : "phase";
            }

            if (source == AlarmCodes.SourceChannel)
            {
                if (config != null && index >= 1 && index <= config.Channels.Length)
                {
                    string label = config.Channels[index - 1].Label;
                    if (label != null && label.Length > 0)
                    {
                        return label;
                    }
                }

                return Fallback(ChannelFallback, "channel", index);
            }

            if (source == AlarmCodes.SourceCircuit)
            {
                if (config != null && index >= 1 && index <= config.Circuits.Length)
                {
                    string name = config.Circuits[index - 1].Name;
                    if (name != null && name.Length > 0)
                    {
                        return name;
                    }
                }

                return Fallback(CircuitFallback, "circuit", index);
            }

            if (source == AlarmCodes.SourceModule)
            {
                if (index < 1 || index >= ModuleNames.Length)
                {
                    return "module";
                }

                string name = ModuleNames[index];
                if (name == null)
                {
                    name = "module " + index.ToString();
                    ModuleNames[index] = name;
                }

                return name;
            }

            return "device";
        }

        // Made once, so naming an unlabelled source allocates nothing.
        private static string[] BuildFallback(string prefix, int count)
        {
            string[] names = new string[count + 1];
            for (int i = 1; i <= count; i++)
            {
                names[i] = prefix + i.ToString();
            }

            return names;
        }

        private static string Fallback(string[] names, string word, int index)
        {
            return index >= 1 && index < names.Length ? names[index] : word;
        }
    }
}
