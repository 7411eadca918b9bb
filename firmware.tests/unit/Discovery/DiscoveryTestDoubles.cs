using System;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Tests.Unit.Discovery
{
    /// <summary>A clock the test moves by hand.</summary>
    public sealed class DiscoveryFakeClock : IClock
    {
        public long Now { get; set; }

        public long MonotonicMilliseconds { get { return Now; } }

        public DateTime UtcNow { get { return new DateTime(2026, 1, 1); } }
    }

    /// <summary>A configuration that never changes (Apply refuses).</summary>
    public sealed class DiscoveryFixedConfig : ILiveConfig
    {
        public DiscoveryFixedConfig(MeterConfig current)
        {
            Current = current;
        }

        public MeterConfig Current { get; set; }

        public string Apply(byte[] json, int offset, int length)
        {
            return "read-only";
        }
    }

    /// <summary>Builds requests and reads answers as bytes.</summary>
    public static class DiscoveryBytes
    {
        public static byte[] Request(byte b0, byte b1, byte b2, byte b3)
        {
            byte[] r = new byte[DiscoveryBytesLength];
            byte[] magic = System.Text.Encoding.UTF8.GetBytes("EPRBDISC");
            for (int i = 0; i < 8; i++)
            {
                r[i] = magic[i];
            }

            r[8] = 1;
            r[9] = b0;
            r[10] = b1;
            r[11] = b2;
            r[12] = b3;
            return r;
        }

        public const int DiscoveryBytesLength = 13;

        public static string Text(byte[] buffer, int offset, int length)
        {
            return new string(System.Text.Encoding.UTF8.GetChars(buffer, offset, length));
        }
    }
}
