namespace Ipenergy.Probe.Metering.Chip
{
    /// <summary>The register values the driver writes at initialisation and on a configuration change.</summary>
    public sealed class Atm90e32Settings
    {
        /// <summary>Voltage and current inputs per chip (A, B, C).</summary>
        public const int Inputs = 3;

        public Atm90e32Settings()
        {
            MMode0 = Atm90e32Registers.MMode0Default;
            Ugain = new int[Inputs];
            Igain = new int[Inputs];
            for (int i = 0; i < Inputs; i++)
            {
                Ugain[i] = 32768;
                Igain[i] = 32768;
            }
        }

        public int MMode0;

        /// <summary>UgainA..C.</summary>
        public readonly int[] Ugain;

        /// <summary>IgainA..C.</summary>
        public readonly int[] Igain;
    }
}
