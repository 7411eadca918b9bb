using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Protocols.Snmp
{
    /// <summary>
    /// sysUpTime: hundredths of a second since the agent started, from the device's monotonic clock (a
    /// clock set by SNTP does not move it). The system group and every notification read the same one.
    /// </summary>
    public sealed class SysUpTime
    {
        private readonly IClock _clock;
        private readonly long _startMs;

        public SysUpTime(IClock clock)
        {
            _clock = clock;
            _startMs = clock.MonotonicMilliseconds;
        }

        /// <summary>TimeTicks now (wraps after 497 days, as the SMI type does).</summary>
        public uint Centiseconds
        {
            get { return (uint)((_clock.MonotonicMilliseconds - _startMs) / 10); }
        }
    }
}
