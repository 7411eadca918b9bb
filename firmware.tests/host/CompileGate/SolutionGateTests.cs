using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace Ipenergy.Probe.Tests.CompileGate
{
    /// <summary>
    /// Ipenergy.Probe.sln holds every project of the repository, and its configurations keep the two
    /// worlds apart (<see cref="SolutionChecks"/>): Debug/Release build the host projects only,
    /// "Device Debug"/"Device Release" build and deploy the nanoFramework projects.
    /// </summary>
    public class SolutionGateTests
    {
        private static string Root { get { return SharedSourceBuilds.Root; } }

        private static SolutionFile Solution { get { return SolutionFile.Load(Path.Combine(Root, "Ipenergy.Probe.sln")); } }

        [Fact]
        public void EveryProjectOfTheRepositoryIsInTheSolution()
        {
            List<string> onDisk = SolutionChecks.ProjectsOnDisk(Root);
            Assert.True(onDisk.Count(p => p.EndsWith(".nfproj", StringComparison.Ordinal)) >= 4, "expected the firmware, test and two board .nfproj, found: " + string.Join(", ", onDisk));
            List<string> problems = SolutionChecks.ProjectListProblems(Root, Solution, onDisk);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void NanoFrameworkProjectsBuildInTheDeviceConfigurationsOnly()
        {
            SolutionFile sln = Solution;
            Assert.True(sln.Projects.Count(p => p.RelativePath.EndsWith(".nfproj", StringComparison.Ordinal)) >= 4, "Ipenergy.Probe.sln lacks .nfproj projects");
            List<string> problems = SolutionChecks.NanoFrameworkProblems(Root, sln);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void HostProjectsBuildInDebugAndRelease()
        {
            SolutionFile sln = Solution;
            Assert.True(sln.Projects.Count(p => p.RelativePath.EndsWith(".csproj", StringComparison.Ordinal)) >= 2, "Ipenergy.Probe.sln lacks .csproj projects");
            List<string> problems = SolutionChecks.HostProjectProblems(sln);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void SolutionChecksNameWhatIsWrong()
        {
            // The real sln with faults put in: a board project built in Release (dotnet would try to build it),
            // the STM32 project without its Device Release deploy, moved out of the firmware folder, a host
            // project that Debug|x64 does not build, and one project of the disk left out.
            string text = File.ReadAllText(Path.Combine(Root, "Ipenergy.Probe.sln")).Replace("\r\n", "\n");
            const string Esp32 = "{C948A9D4-E62B-4A9C-A21A-F94E1962BB4B}";
            const string Stm32 = "{B57215FD-EC3F-466B-9016-7ACE80456D19}";
            const string Simulator = "{63226AE7-4D33-43A5-AB23-6B86FA3A4072}";
            Assert.Contains(Esp32, text, StringComparison.Ordinal);
            Assert.Contains(Stm32, text, StringComparison.Ordinal);
            string broken = text
                .Replace("\t\t" + Esp32 + ".Release|Any CPU.ActiveCfg = Release|Any CPU\n",
                    "\t\t" + Esp32 + ".Release|Any CPU.ActiveCfg = Release|Any CPU\n\t\t" + Esp32 + ".Release|Any CPU.Build.0 = Release|Any CPU\n")
                .Replace("\t\t" + Stm32 + ".Device Release|Any CPU.Deploy.0 = Release|Any CPU\n", string.Empty)
                .Replace("\t\t" + Stm32 + " = {26F15DFC-F28D-B0BE-C017-813A2850E59B}\n", string.Empty)
                .Replace("\t\t" + Simulator + ".Debug|x64.Build.0 = Debug|Any CPU\n", string.Empty);
            SolutionFile sln = SolutionFile.Parse(Path.Combine(Root, "Ipenergy.Probe.sln"), broken);
            var problems = SolutionChecks.NanoFrameworkProblems(Root, sln);
            problems.AddRange(SolutionChecks.HostProjectProblems(sln));
            problems.AddRange(SolutionChecks.ProjectListProblems(Root, sln, new[] { "tools/other/Other.csproj" }));
            string all = "\n" + string.Join("\n", problems);

            Assert.Contains("Ipenergy.Probe.sln: firmware/board/esp32/Ipenergy.Probe.Esp32.nfproj: Build.0 in Release|Any CPU (dotnet cannot build a .nfproj: Device configurations only)", problems);
            Assert.Contains("Ipenergy.Probe.sln: firmware/board/stm32/Ipenergy.Probe.Stm32.nfproj: a nanoFramework executable without Deploy.0 in Device Release|Any CPU", problems);
            Assert.Contains(problems, p => p.StartsWith("Ipenergy.Probe.sln: firmware/board/stm32/Ipenergy.Probe.Stm32.nfproj: not nested under the 'firmware' solution folder", StringComparison.Ordinal));
            Assert.Contains("Ipenergy.Probe.sln: hal-simulator/Ipenergy.Probe.HalSimulator.csproj: no Build.0 in Debug|x64", problems);
            Assert.Contains("tools/other/Other.csproj: not in Ipenergy.Probe.sln", problems);
            Assert.True(problems.Count == 5, "expected 5 problems, got:" + all);
        }
    }
}
