using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Ipenergy.Probe.Tests.CompileGate
{
    /// <summary>
    /// The compile gate: the shared firmware sources and the shared unit tests must build for .NET
    /// nanoFramework 1.x (real mscorlib + stubs of the listed packages), keep to its subset, and be
    /// listed in the device projects. The nanoCLR does not run here; this is what stands in for the
    /// device build.
    /// </summary>
    public class DeviceCompileGateTests
    {
        private static string Root { get { return SharedSourceBuilds.Root; } }

        [Fact]
        public void FirmwareSourcesCompileForTheDevice()
        {
            DeviceBuild build = SharedSourceBuilds.Firmware;
            Assert.True(build.ReferenceProblems.Count == 0, "package stubs: " + string.Join("; ", build.ReferenceProblems));
            Assert.True(
                build.CompileErrors.Count == 0,
                "shared firmware sources do not compile for nanoFramework 1.x (mscorlib " + RepoLayout.CoreLibraryVersion
                + " + firmware/packages.config):\n" + DeviceBuild.Describe(build.CompileErrors));
        }

        [Fact]
        public void FirmwareSourcesKeepToTheNanoFrameworkSubset()
        {
            DeviceBuild build = SharedSourceBuilds.Firmware;
            Assert.True(
                build.RuleFindings.Count == 0,
                "shared firmware sources use what nanoFramework 1.x cannot run:\n" + DeviceBuild.Describe(build.RuleFindings));
        }

        [Fact]
        public void UnitTestsCompileForTheDeviceAgainstTheFirmware()
        {
            DeviceBuild build = SharedSourceBuilds.UnitTests;
            Assert.True(build.ReferenceProblems.Count == 0, "package stubs: " + string.Join("; ", build.ReferenceProblems));
            Assert.True(
                build.CompileErrors.Count == 0,
                "shared unit tests do not compile for nanoFramework 1.x (TestFramework API + firmware.tests/packages.config):\n"
                + DeviceBuild.Describe(build.CompileErrors));
        }

        [Fact]
        public void UnitTestsKeepToTheNanoFrameworkSubset()
        {
            DeviceBuild build = SharedSourceBuilds.UnitTests;
            Assert.True(
                build.RuleFindings.Count == 0,
                "shared unit tests use what nanoFramework 1.x cannot run:\n" + DeviceBuild.Describe(build.RuleFindings));
        }

        [Fact]
        public void EveryFirmwareSourceIsListedInTheFirmwareNfproj()
        {
            List<string> problems = ProjectChecks.CompileListProblems(
                Root, NfprojFile.Load(SharedSourceBuilds.FirmwareProject), RepoLayout.FirmwareSources(Root));
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void EveryUnitTestIsListedInTheTestNfproj()
        {
            List<string> problems = ProjectChecks.CompileListProblems(
                Root, NfprojFile.Load(SharedSourceBuilds.UnitTestProject), RepoLayout.UnitTestSources(Root));
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Theory]
        [InlineData("firmware/packages.config", "firmware/Ipenergy.Probe.Firmware.nfproj")]
        [InlineData("firmware.tests/packages.config", "firmware.tests/Ipenergy.Probe.Tests.nfproj")]
        public void PackagesHaveApiListsOfTheSameVersionAndMatchTheNfproj(string packagesConfig, string project)
        {
            PackagesConfig config = PackagesConfig.Load(System.IO.Path.Combine(Root, packagesConfig));
            var problems = ProjectChecks.PackageProblems(Root, DeviceCompiler.Shared.Catalog, config);
            problems.AddRange(ProjectChecks.ReferenceProblems(Root, DeviceCompiler.Shared.Catalog, config, NfprojFile.Load(System.IO.Path.Combine(Root, project))));
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void FirmwareUsesTheCoreLibraryTheGateCompilesAgainst()
        {
            PackagesConfig.Entry core = PackagesConfig.Load(SharedSourceBuilds.FirmwarePackagesConfig).Packages
                .SingleOrDefault(p => p.Id == ApiCatalog.CoreLibraryId);
            Assert.True(core != null, "firmware/packages.config has no " + ApiCatalog.CoreLibraryId);
            Assert.Equal(RepoLayout.CoreLibraryVersion, core.Version);
        }

        [Fact]
        public void TestProjectHasTheFirmwarePackagesAndTheTestFramework()
        {
            var firmware = PackagesConfig.Load(SharedSourceBuilds.FirmwarePackagesConfig).Packages;
            var tests = PackagesConfig.Load(SharedSourceBuilds.UnitTestPackagesConfig).Packages;
            var problems = firmware
                .Where(f => !tests.Any(t => t.Id == f.Id && t.Version == f.Version))
                .Select(f => "firmware.tests/packages.config lacks " + f.Id + " " + f.Version + " (the firmware's packages)")
                .ToList();
            if (!tests.Any(t => t.Id == "nanoFramework.TestFramework"))
            {
                problems.Add("firmware.tests/packages.config lacks nanoFramework.TestFramework");
            }

            Assert.True(problems.Count == 0, string.Join("\n", problems));
            Assert.Contains(@"..\firmware\Ipenergy.Probe.Firmware.nfproj", NfprojFile.Load(SharedSourceBuilds.UnitTestProject).ProjectReferences);
        }
    }
}
