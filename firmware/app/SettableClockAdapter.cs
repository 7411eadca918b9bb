using System;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.App
{
    /// <summary>
    /// Makes any IClock settable by keeping an offset over its UtcNow (monotonic time untouched), for a
    /// board whose clock cannot be set and for tests.
    /// </summary>
    public sealed class SettableClockAdapter : ISettableClock
    {
        private readonly IClock _inner;
        private readonly object _lock = new object();
        private long _offsetTicks;
        private bool _synchronized;

        public SettableClockAdapter(IClock inner)
        {
            _inner = inner;
        }

        public long MonotonicMilliseconds { get { return _inner.MonotonicMilliseconds; } }

        public DateTime UtcNow
        {
            get
            {
                lock (_lock)
                {
                    return _inner.UtcNow.AddTicks(_offsetTicks);
                }
            }
        }

        public bool Synchronized
        {
            get { lock (_lock) { return _synchronized; } }
            set { lock (_lock) { _synchronized = value; } }
        }

        public void SetUtcNow(DateTime utc)
        {
            lock (_lock)
            {
                _offsetTicks = utc.Ticks - _inner.UtcNow.Ticks;
            }
        }
    }
}
