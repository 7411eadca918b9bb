using System.Security.Cryptography;
using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Simulator
{
    /// <summary>The operating system's generator as the virtual e-Probe's random source (salts, session tokens).</summary>
    public sealed class OsRandomSource : IRandomSource
    {
        public void Fill(byte[] buffer, int offset, int count)
        {
            RandomNumberGenerator.Fill(new System.Span<byte>(buffer, offset, count));
        }
    }
}
