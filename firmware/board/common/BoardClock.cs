using System;
using Ipenergy.Probe.Hal;
using nanoFramework.Runtime.Native;

namespace Ipenergy.Probe.Board
{
    /// <summary>
    /// The device's clock: monotonic milliseconds from the system tick count (Environment.TickCount64, counted from
    /// boot and untouched by setting the time), wall time from DateTime.UtcNow (the MCU's RTC: until SNTP sets it,
    /// whatever the RTC held at boot), stepped with Rtc.SetSystemTime.
    /// </summary>
    public sealed class BoardClock : ISettableClock
    {
        private readonly object _lock = new object();
        private bool _synchronized;

        public long MonotonicMilliseconds { get { return Environment.TickCount64; } }

        public DateTime UtcNow { get { return DateTime.UtcNow; } }

        public bool Synchronized
        {
            get { lock (_lock) { return _synchronized; } }
            set { lock (_lock) { _synchronized = value; } }
        }

        public void SetUtcNow(DateTime utc)
        {
            Rtc.SetSystemTime(utc);
        }
    }
}
