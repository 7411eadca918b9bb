using System.Security.Cryptography;
using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Tests.Host.Crypto
{
    /// <summary>The operating system's generator behind the firmware's IRandomSource (tests; the simulator has its own).</summary>
    public sealed class HostRandomSource : IRandomSource
    {
        public void Fill(byte[] buffer, int offset, int count)
        {
            RandomNumberGenerator.Fill(new System.Span<byte>(buffer, offset, count));
        }
    }
}
