using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace Ipenergy.Probe.Tests.CompileGate
{
    /// <summary>tools/update-nfproj works and the committed projects are what it writes.</summary>
    public class UpdateNfprojTests
    {
        [Fact]
        public async Task CommittedProjectsAreWhatUpdateNfprojWrites()
        {
            string root = SharedSourceBuilds.Root;
            var start = new ProcessStartInfo("python3")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(root, "tools", "update-nfproj"));
            start.ArgumentList.Add("--check");

            Process process;
            try
            {
                process = Process.Start(start);
            }
            catch (Win32Exception e)
            {
                throw new InvalidOperationException("python3 is needed to run tools/update-nfproj: apt-get install python3", e);
            }

            using (process)
            {
                // Both pipes are drained while it runs, so a full pipe cannot stall the script.
                Task<string> stdoutRead = process.StandardOutput.ReadToEndAsync();
                Task<string> stderrRead = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit(30000))
                {
                    process.Kill(true);
                    Assert.Fail("tools/update-nfproj --check did not finish in 30 s");
                }

                string stdout = await stdoutRead;
                string stderr = await stderrRead;
                Assert.True(
                    process.ExitCode == 0,
                    "tools/update-nfproj --check exited " + process.ExitCode + " (run tools/update-nfproj):\n" + stdout + stderr);
                Assert.Contains("Ipenergy.Probe.Firmware.nfproj is up to date", stdout, StringComparison.Ordinal);
                Assert.Contains("Ipenergy.Probe.Tests.nfproj is up to date", stdout, StringComparison.Ordinal);
            }
        }
    }
}
