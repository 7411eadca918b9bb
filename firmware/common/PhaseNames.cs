namespace Ipenergy.Probe.Common
{
    /// <summary>
    /// Phases are plain indexes 0, 1, 2 (not an enum: on nanoFramework 1.x Enum.ToString() gives the number).
    /// </summary>
    public static class PhaseNames
    {
        public const int Count = 3;
        public const int L1 = 0;
        public const int L2 = 1;
        public const int L3 = 2;

        private static readonly string[] Names = { "L1", "L2", "L3" };

        public static string Name(int phase)
        {
            return Names[phase];
        }

        /// <summary>Index of "L1", "L2" or "L3"; −1 for anything else.</summary>
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
