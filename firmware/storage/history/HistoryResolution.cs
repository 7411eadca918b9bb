namespace Ipenergy.Probe.Storage.History
{
    /// <summary>The history resolutions, one ring each (constants: no enum on nanoFramework 1.x).</summary>
    public static class HistoryResolution
    {
        public const int Minute = 0;

        public const int QuarterHour = 1;

        public const int Day = 2;

        public const int Count = 3;

        private static readonly int[] Lengths = { 60, 900, 86400 };

        private static readonly string[] Names = { "1min", "15min", "1d" };

        /// <summary>Interval length in seconds; intervals are aligned on UTC (multiples since 2000-01-01).</summary>
        public static int Seconds(int resolution)
        {
            return Lengths[resolution];
        }

        /// <summary>"1min", "15min", "1d": the names the HTTP query uses.</summary>
        public static string Name(int resolution)
        {
            return resolution >= 0 && resolution < Count ? Names[resolution] : "";
        }

        /// <summary>The resolution named "1min", "15min" or "1d"; −1 for anything else.</summary>
        public static int Parse(string name)
        {
            for (int i = 0; i < Count; i++)
            {
                if (name == Names[i])
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
