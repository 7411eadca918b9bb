using System.Diagnostics;
using System.Runtime.InteropServices;
using Xunit;

namespace Ipenergy.Probe.Tests.TestSupport
{
    /// <summary>Sends a POSIX signal to a process (Process.Kill is SIGKILL only; a clean stop is SIGTERM).</summary>
    public static class ProcessSignal
    {
        public const int SigInt = 2;
        public const int SigTerm = 15;

        public static void Send(Process process, int signal)
        {
            Assert.Equal(0, kill(process.Id, signal));
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int sig);
    }
}
