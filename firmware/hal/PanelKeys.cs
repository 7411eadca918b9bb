namespace Ipenergy.Probe.Hal
{
    /// <summary>Front-panel buttons, as bits (constants: Enum.ToString() gives the number on device).</summary>
    public static class PanelKeys
    {
        public const int Up = 1;
        public const int Down = 2;
        public const int Enter = 4;
        public const int Back = 8;

        private static readonly string[] Names = { "up", "down", "enter", "back" };

        /// <summary>"up", "down", "enter", "back" for one key bit; "" otherwise.</summary>
        public static string Name(int key)
        {
            for (int i = 0; i < Names.Length; i++)
            {
                if (key == (1 << i))
                {
                    return Names[i];
                }
            }

            return "";
        }

        /// <summary>The key bit of a name ("up"...), 0 when unknown.</summary>
        public static int Parse(string name)
        {
            for (int i = 0; i < Names.Length; i++)
            {
                if (name == Names[i])
                {
                    return 1 << i;
                }
            }

            return 0;
        }
    }
}
