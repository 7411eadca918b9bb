namespace Ipenergy.Probe.Common
{
    /// <summary>
    /// The numbers every part of the alarm feature shares (constants, not enums: on nanoFramework 1.x
    /// Enum.ToString() gives the number). Sources and levels use the enterprise MIB's values.
    /// </summary>
    public static class AlarmCodes
    {
        // What the alarm is about (= eprobeAlarmSourceKind). Index: device 0, phase 0..2, channel number 1..n,
        // circuit 1..m, module = its RS-485 bus address (on a gateway).
        public const int SourceDevice = 1;
        public const int SourcePhase = 2;
        public const int SourceChannel = 3;
        public const int SourceCircuit = 4;
        public const int SourceModule = 5;

        // Severity (= eprobeAlarmLevel, with 0 for "no alarm").
        public const int LevelNormal = 0;
        public const int LevelWarning = 1;
        public const int LevelCritical = 2;

        // What happened to an alarm (one journal record each).
        public const int EventRaised = 1;       // normal -> warning/critical
        public const int EventChanged = 2;      // warning <-> critical while active
        public const int EventCleared = 3;      // -> normal (for a latching rule: after acknowledgement)
        public const int EventAcknowledged = 4; // a user acknowledged it (who, when)

        // Conditions: index into AlarmConfig.Rules. Units of AlarmEntry.Value/Threshold in brackets,
        // and of the rule's thresholds where they differ.
        public const int LoadHigh = 0;          // circuit: highest phase current, % of breaker rating [%]
        public const int OverCurrent = 1;       // channel: Irms, % of the CT rating [%]
        public const int LowLoad = 2;           // circuit: highest phase current [A] (tripped breaker, unplugged PDU)
        public const int UnderVoltage = 3;      // phase: Vrms [V]; rule thresholds in % of nominal
        public const int OverVoltage = 4;       // phase: Vrms [V]; rule thresholds in % of nominal
        public const int PhaseLost = 5;         // phase: Vrms [V]; rule thresholds in % of nominal
        public const int FrequencyLow = 6;      // device: frequency [Hz]; rule thresholds in Hz below nominal
        public const int FrequencyHigh = 7;     // device: frequency [Hz]; rule thresholds in Hz above nominal
        public const int VoltageUnbalance = 8;  // device: voltage unbalance [%]
        public const int CurrentUnbalance = 9;  // three-phase circuit: current unbalance [%]
        public const int NeutralCurrent = 10;   // three-phase circuit: computed neutral current, % of breaker rating [%]
        public const int ModuleOffline = 11;    // module on the bus (gateway): missed polls in a row [polls]
        public const int ConditionCount = 12;

        private static readonly string[] ConditionNames =
        {
            "loadHigh", "overCurrent", "lowLoad", "underVoltage", "overVoltage", "phaseLost",
            "frequencyLow", "frequencyHigh", "voltageUnbalance", "currentUnbalance", "neutralCurrent", "moduleOffline",
        };

        private static readonly string[] ConditionUnits = { "%", "%", "A", "V", "V", "V", "Hz", "Hz", "%", "%", "%", "polls" };

        // True where the alarm is on when the value falls BELOW the threshold.
        private static readonly bool[] LowSide = { false, false, true, true, false, true, true, false, false, false, false, false };

        private static readonly int[] ConditionSources =
        {
            SourceCircuit, SourceChannel, SourceCircuit, SourcePhase, SourcePhase, SourcePhase,
            SourceDevice, SourceDevice, SourceDevice, SourceCircuit, SourceCircuit, SourceModule,
        };

        private static readonly string[] LevelNames = { "normal", "warning", "critical" };
        private static readonly string[] SourceNames = { "", "device", "phase", "channel", "circuit", "module" };
        private static readonly string[] EventNames = { "", "raised", "changed", "cleared", "acknowledged" };

        /// <summary>JSON/config name of a condition ("loadHigh"...).</summary>
        public static string ConditionName(int condition)
        {
            return ConditionNames[condition];
        }

        /// <summary>Condition of a name, or -1.</summary>
        public static int ParseCondition(string name)
        {
            for (int i = 0; i < ConditionCount; i++)
            {
                if (name == ConditionNames[i])
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Unit of AlarmEntry.Value and Threshold for the condition.</summary>
        public static string Unit(int condition)
        {
            return ConditionUnits[condition];
        }

        /// <summary>True when the condition is an "under" alarm (value below threshold).</summary>
        public static bool IsLowSide(int condition)
        {
            return LowSide[condition];
        }

        /// <summary>The kind of source the condition is evaluated on (Source*).</summary>
        public static int SourceOf(int condition)
        {
            return ConditionSources[condition];
        }

        public static string LevelName(int level)
        {
            return level >= 0 && level < LevelNames.Length ? LevelNames[level] : "unknown";
        }

        public static string SourceName(int source)
        {
            return source > 0 && source < SourceNames.Length ? SourceNames[source] : "unknown";
        }

        public static string EventName(int kind)
        {
            return kind > 0 && kind < EventNames.Length ? EventNames[kind] : "unknown";
        }
    }
}
