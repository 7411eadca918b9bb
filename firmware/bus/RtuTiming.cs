namespace Ipenergy.Probe.Bus
{
    /// <summary>
    /// Character and silence times of the serial line (Modbus over Serial Line v1.02, 2.5.1.1): a character
    /// is 11 bits (start, 8 data, parity or a second stop, stop); t3.5 is 3.5 characters, fixed at 1750 us
    /// above 19200 baud.
    /// </summary>
    public static class RtuTiming
    {
        public const int BitsPerCharacter = 11;

        /// <summary>
        /// Smallest silence the reader takes for a frame end. Managed code on nanoFramework cannot time
        /// 1.75 ms: the UART driver hands bytes over in chunks and a thread switch costs about a millisecond,
        /// so a shorter wait would split frames. 5 ms is above that jitter and costs little, because frames of
        /// known function codes end by length, not by silence (only garbage and unknown codes wait it out).
        /// </summary>
        public const int MinFrameSilenceMs = 5;

        /// <summary>Microseconds one character takes on the wire.</summary>
        public static int CharacterMicroseconds(int baudRate)
        {
            return (int)((BitsPerCharacter * 1000000L + baudRate - 1) / baudRate);
        }

        /// <summary>t3.5 in microseconds (1750 above 19200 baud).</summary>
        public static int T35Microseconds(int baudRate)
        {
            if (baudRate > 19200)
            {
                return 1750;
            }

            return (int)((BitsPerCharacter * 3500000L + baudRate - 1) / baudRate);
        }

        /// <summary>The silence (ms) the reader waits for before it ends a frame: max(t3.5, 5 ms).</summary>
        public static int FrameSilenceMs(int baudRate)
        {
            int t35Ms = (T35Microseconds(baudRate) + 999) / 1000;
            return t35Ms > MinFrameSilenceMs ? t35Ms : MinFrameSilenceMs;
        }

        /// <summary>Microseconds the given number of bytes take on the wire.</summary>
        public static long FrameMicroseconds(int bytes, int baudRate)
        {
            return bytes * BitsPerCharacter * 1000000L / baudRate;
        }
    }
}
