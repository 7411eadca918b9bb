using System;
using System.Threading;

namespace Ipenergy.Probe.Bus
{
    /// <summary>
    /// The bus clock of the device: DateTime ticks made monotonic (a wall-clock step backwards counts as
    /// nothing, forwards as at most a second), sleeps rounded up to whole milliseconds (Thread.Sleep).
    /// Thread-safe: share one instance between the bus thread and the readers of the cache, so capture
    /// times and "now" come from the same counter.
    /// </summary>
    public sealed class SystemBusClock : IBusClock
    {
        private const long MaxStepTicks = 10000000;

        private readonly object _lock = new object();
        private long _lastTicks;
        private long _ticks;

        public SystemBusClock()
        {
            _lastTicks = DateTime.UtcNow.Ticks;
        }

        public long Microseconds
        {
            get
            {
                lock (_lock)
                {
                    long now = DateTime.UtcNow.Ticks;
                    long step = now - _lastTicks;
                    _lastTicks = now;
                    if (step > 0)
                    {
                        _ticks += step > MaxStepTicks ? MaxStepTicks : step;
                    }

                    return _ticks / 10;
                }
            }
        }

        public void Sleep(int microseconds)
        {
            if (microseconds > 0)
            {
                Thread.Sleep((microseconds + 999) / 1000);
            }
        }
    }
}
