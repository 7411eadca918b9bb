using System;

namespace Ipenergy.Probe.Common
{
    /// <summary>
    /// Milliseconds that only move forward at the pace of real time, for network timeouts. Built on
    /// DateTime.UtcNow (the one clock CoreLibrary has) but immune to the wall clock being set (SNTP,
    /// RTC): a step backwards counts as nothing and a step forwards as at most <see cref="MaxStepMs"/>,
    /// so callers must read it at least that often while they wait. Simulated time is no use here: at
    /// a time scale of 100 a 10 s timeout would last 0.1 s. Not thread-safe: one per thread.
    /// </summary>
    public sealed class SteadyClock
    {
        public const long MaxStepMs = 1000;

        private const long TicksPerMillisecond = 10000;

        private long _lastWallTicks;
        private long _pendingTicks;
        private long _milliseconds;

        public SteadyClock()
        {
            _lastWallTicks = DateTime.UtcNow.Ticks;
        }

        /// <summary>Milliseconds since this clock was made (minus any wall-clock jumps).</summary>
        public long Milliseconds
        {
            get { return Advance(DateTime.UtcNow.Ticks); }
        }

        /// <summary>Moves the clock to a wall-clock reading (in DateTime ticks) and returns the milliseconds.</summary>
        public long Advance(long wallTicks)
        {
            long step = wallTicks - _lastWallTicks;
            _lastWallTicks = wallTicks;
            if (step < 0)
            {
                step = 0;
            }
            else if (step > MaxStepMs * TicksPerMillisecond)
            {
                step = MaxStepMs * TicksPerMillisecond;
            }

            _pendingTicks += step;
            _milliseconds += _pendingTicks / TicksPerMillisecond;
            _pendingTicks %= TicksPerMillisecond;
            return _milliseconds;
        }
    }
}
