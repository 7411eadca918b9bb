namespace Ipenergy.Probe.Config
{
    /// <summary>
    /// What a circuit feeds, for PUE = facility total / IT load and DCiE = 1 / PUE. Constants, not an
    /// enum (Enum.ToString() gives the number on nanoFramework 1.x); JSON uses the names.
    /// </summary>
    public static class CircuitRoles
    {
        public const int None = 0;

        /// <summary>The whole facility's intake (IT, cooling, lighting, losses).</summary>
        public const int FacilityTotal = 1;

        /// <summary>Power delivered to IT equipment.</summary>
        public const int ItLoad = 2;

        public const int Count = 3;

        private static readonly string[] Names = { "none", "facility-total", "it-load" };

        public static string Name(int role)
        {
            return role >= 0 && role < Count ? Names[role] : "none";
        }

        /// <summary>The role named "none", "facility-total" or "it-load"; −1 for anything else.</summary>
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
