using System.Diagnostics;
using System.Threading;

namespace Ipenergy.Probe.Simulator.Bus
{
    /// <summary>
    /// Paces a transmission on an absolute schedule (no drift over a long frame): waits until the given
    /// Stopwatch timestamp, sleeping while more than a millisecond is left and yielding for the rest.
    /// </summary>
    public static class WirePacer
    {
        public static void WaitUntil(long dueTimestamp)
        {
            while (true)
            {
                long left = dueTimestamp - Stopwatch.GetTimestamp();
                if (left <= 0)
                {
                    return;
                }

                int ms = (int)(left * 1000 / Stopwatch.Frequency);
                if (ms >= 2)
                {
                    Thread.Sleep(ms - 1);
                }
                else
                {
                    Thread.Yield();
                }
            }
        }
    }
}
