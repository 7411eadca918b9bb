using System;

namespace Ipenergy.Probe.Hal
{
    /// <summary>
    /// A device clock that a time source (SNTP) may set. Setting it steps <see cref="IClock.UtcNow"/> only:
    /// <see cref="IClock.MonotonicMilliseconds"/> keeps running undisturbed, so timeouts and intervals
    /// measured on it never jump. There is no slew: the step is the only correction available.
    /// </summary>
    public interface ISettableClock : IClock
    {
        /// <summary>Steps the wall clock so that UtcNow reads <paramref name="utc"/> now.</summary>
        void SetUtcNow(DateTime utc);

        /// <summary>
        /// Whether a time source has confirmed UtcNow since boot. False until the first SNTP reply: until
        /// then timestamps carry the RTC or boot time. Set by whoever synchronizes the clock.
        /// </summary>
        bool Synchronized { get; set; }
    }
}
