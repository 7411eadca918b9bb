using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;

namespace Ipenergy.Probe.Simulator
{
    /// <summary>
    /// A pause after every chunk the simulated flash writes to its file, so that a SIGKILL can land in the
    /// middle of a Program or an Erase more often (the kill test). Set with the environment variable
    /// EPROBE_FLASH_WRITE_DELAY_US (microseconds per chunk, 0..100000; default 0).
    /// </summary>
    public sealed class FlashWriteDelay
    {
        public const string EnvironmentVariable = "EPROBE_FLASH_WRITE_DELAY_US";
        public const int MaxMicroseconds = 100000;

        public FlashWriteDelay(int microseconds)
        {
            if (microseconds < 0 || microseconds > MaxMicroseconds)
            {
                throw new ArgumentOutOfRangeException(nameof(microseconds), microseconds,
                    EnvironmentVariable + " must be 0.." + MaxMicroseconds + " microseconds");
            }

            Microseconds = microseconds;
        }

        public int Microseconds { get; }

        /// <summary>From EPROBE_FLASH_WRITE_DELAY_US; a bad value is an error naming the variable.</summary>
        public static FlashWriteDelay FromEnvironment()
        {
            return Parse(Environment.GetEnvironmentVariable(EnvironmentVariable));
        }

        /// <summary>The variable's value: null or empty is no delay; anything but whole microseconds in range is an error.</summary>
        public static FlashWriteDelay Parse(string text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return new FlashWriteDelay(0);
            }

            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int us) || us > MaxMicroseconds)
            {
                throw new ArgumentException(EnvironmentVariable + "='" + text + "': expected whole microseconds 0.." + MaxMicroseconds);
            }

            return new FlashWriteDelay(us);
        }

        /// <summary>Waits the delay: spinning below 2 ms (Thread.Sleep is too coarse there), sleeping above.</summary>
        public void Wait()
        {
            int us = Microseconds;
            if (us == 0)
            {
                return;
            }

            if (us >= 2000)
            {
                Thread.Sleep(us / 1000);
                return;
            }

            long until = Stopwatch.GetTimestamp() + us * Stopwatch.Frequency / 1000000;
            while (Stopwatch.GetTimestamp() < until)
            {
                Thread.SpinWait(20);
            }
        }
    }
}
