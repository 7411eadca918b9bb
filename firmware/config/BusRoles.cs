namespace Ipenergy.Probe.Config
{
    /// <summary>
    /// What a module does on the internal RS-485 bus. Constants, not an enum (Enum.ToString() gives
    /// the number on nanoFramework 1.x); JSON uses the names.
    /// </summary>
    public static class BusRoles
    {
        /// <summary>No bus traffic at all (a single e-Probe with its own Ethernet).</summary>
        public const int Standalone = 0;

        /// <summary>Answers the gateway's Modbus-RTU requests at its bus address.</summary>
        public const int Slave = 1;

        /// <summary>The Ethernet module: polls the slaves and exposes them over the network.</summary>
        public const int Gateway = 2;

        public const int Count = 3;

        private static readonly string[] Names = { "standalone", "slave", "gateway" };

        public static string Name(int role)
        {
            return role >= 0 && role < Count ? Names[role] : "standalone";
        }

        /// <summary>The role named "standalone", "slave" or "gateway"; −1 for anything else.</summary>
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
