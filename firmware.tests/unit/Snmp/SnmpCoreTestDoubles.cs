using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Tests.Unit.Snmp
{
    /// <summary>A monotonic clock the test moves by hand.</summary>
    public sealed class SnmpTestClock : IClock
    {
        public long MonotonicMilliseconds { get; set; }

        public System.DateTime UtcNow { get { return new System.DateTime(2026, 1, 1); } }
    }

    /// <summary>A live configuration the test replaces whole (as the real one is replaced on each change).</summary>
    public sealed class SnmpTestLiveConfig : ILiveConfig
    {
        public SnmpTestLiveConfig(MeterConfig current)
        {
            Current = current;
        }

        public MeterConfig Current { get; set; }

        public string Apply(byte[] json, int offset, int length)
        {
            return "not used by these tests";
        }
    }
}
