namespace Ipenergy.Probe.Metering
{
    /// <summary>What the gateway knows of a polled bus address (constants: Enum.ToString() gives the number on device).</summary>
    public static class ModuleStatus
    {
        /// <summary>Never answered since the gateway started (nothing at that address, or not yet polled).</summary>
        public const int Unknown = 0;

        /// <summary>Answered its last poll.</summary>
        public const int Online = 1;

        /// <summary>Answered before, or is expected, but missed 3 polls in a row.</summary>
        public const int Offline = 2;

        private static readonly string[] Names = { "unknown", "online", "offline" };

        /// <summary>JSON/metrics name: "unknown", "online", "offline".</summary>
        public static string Name(int status)
        {
            return status >= 0 && status < Names.Length ? Names[status] : "unknown";
        }
    }
}
