namespace Ipenergy.Probe.Hal
{
    /// <summary>Parity of the serial line (constants, not an enum: Enum.ToString() gives the number on nanoFramework 1.x).
    /// Values are System.IO.Ports.Parity's, so the board passes them through.</summary>
    public static class SerialParity
    {
        public const int None = 0;
        public const int Odd = 1;
        public const int Even = 2;

        /// <summary>"8N1"/"8E1"/"8O1" style: 'N', 'E' or 'O'.</summary>
        public static char Letter(int parity)
        {
            return parity == Even ? 'E' : (parity == Odd ? 'O' : 'N');
        }
    }
}
