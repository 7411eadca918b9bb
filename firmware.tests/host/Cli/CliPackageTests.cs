using System;
using System.IO;
using Ipenergy.Probe.Tests.CompileGate;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;

namespace Ipenergy.Probe.Tests.Cli
{
    /// <summary>
    /// eprobe is a .NET tool: `dotnet pack` makes its package and `dotnet tool install` from that package gives a
    /// working `eprobe` command, exactly as README tells a user (offline: the package has no dependencies).
    /// </summary>
    public sealed class CliPackageTests : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "eprobe-pack-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            try
            {
                Directory.Delete(_dir, true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }

        [Fact]
        public void PackedToolInstallsAndRuns()
        {
            string project = Path.GetFullPath(Path.Combine(RepoLayout.Root, "tools", "eprobe", "Ipenergy.Probe.Cli.csproj"));
            string nupkg = Path.Combine(_dir, "nupkg");
            string toolPath = Path.Combine(_dir, "bin");

            // Same configuration the test run built (Release in CI, Debug from an IDE): pack without rebuilding.
            string configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
            PeerProcess.Result pack = PeerProcess.Run(PeerProcess.StartInfo("dotnet", null, "pack", project, "-c", configuration, "--no-build", "-o", nupkg, "--nologo"), 120000);
            Assert.True(pack.ExitCode == 0, "dotnet pack failed: " + pack);
            Assert.True(File.Exists(Path.Combine(nupkg, "Ipenergy.Probe.Cli.0.1.0.nupkg")), "no package in " + nupkg + ": " + pack);

            PeerProcess.Result install = PeerProcess.Run(PeerProcess.StartInfo("dotnet", null, "tool", "install", "Ipenergy.Probe.Cli", "--tool-path", toolPath, "--add-source", nupkg), 120000);
            Assert.True(install.ExitCode == 0, "dotnet tool install failed: " + install);

            string eprobe = Path.Combine(toolPath, "eprobe");
            PeerProcess.Result version = PeerProcess.Run(PeerProcess.StartInfo(eprobe, null, "--version"), 30000);
            Assert.Equal(0, version.ExitCode);
            Assert.Equal("eprobe 0.1.0", version.Stdout.Trim());

            PeerProcess.Result help = PeerProcess.Run(PeerProcess.StartInfo(eprobe, null, "--help"), 30000);
            Assert.Equal(0, help.ExitCode);
            Assert.Contains("discover", help.Stdout, StringComparison.Ordinal);
            Assert.Contains("Exit codes:", help.Stdout, StringComparison.Ordinal);

            PeerProcess.Result none = PeerProcess.Run(PeerProcess.StartInfo(eprobe, null), 30000);
            Assert.Equal(2, none.ExitCode);
            Assert.Contains("usage: eprobe COMMAND", none.Stderr, StringComparison.Ordinal);
        }
    }
}
