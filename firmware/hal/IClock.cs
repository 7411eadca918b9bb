using System;

namespace Ipenergy.Probe.Hal
{
    /// <summary>Time as the device knows it.</summary>
    public interface IClock
    {
        /// <summary>Milliseconds since boot; never goes back, unaffected by clock setting.</summary>
        long MonotonicMilliseconds { get; }

        /// <summary>Wall-clock time (UTC) as set by SNTP, the RTC or the simulator.</summary>
        DateTime UtcNow { get; }
    }
}
