namespace Ipenergy.Probe.Metering
{
    /// <summary>Per-module bus counters the gateway keeps (<see cref="IModuleDirectory.CounterOf"/>).</summary>
    public static class ModuleCounters
    {
        /// <summary>Poll cycles that addressed the module.</summary>
        public const int Polls = 0;

        /// <summary>Polls that did not bring a complete image (timeout, CRC error, exception, garbage).</summary>
        public const int MissedPolls = 1;

        /// <summary>Requests that got no answer in time.</summary>
        public const int Timeouts = 2;

        /// <summary>Answers with a bad CRC or a broken frame.</summary>
        public const int CrcErrors = 3;

        /// <summary>Modbus exception answers.</summary>
        public const int Exceptions = 4;

        /// <summary>Well-formed frames from the wrong address or with the wrong function/length.</summary>
        public const int Unexpected = 5;

        /// <summary>Times the module went offline since the gateway started.</summary>
        public const int WentOffline = 6;

        public const int Count = 7;

        private static readonly string[] Names =
        {
            "polls", "missedPolls", "timeouts", "crcErrors", "exceptions", "unexpected", "wentOffline",
        };

        /// <summary>JSON name of a counter ("crcErrors"...).</summary>
        public static string Name(int counter)
        {
            return Names[counter];
        }
    }
}
