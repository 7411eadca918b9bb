using System;
using System.IO;

namespace Ipenergy.Probe.Tests.CompileGate
{
    /// <summary>The device builds of the repository's shared sources, made once per test run.</summary>
    public static class SharedSourceBuilds
    {
        public const string FirmwareAssembly = "Ipenergy.Probe.Firmware";
        public const string UnitTestAssembly = "NFUnitTest";

        private static readonly Lazy<DeviceBuild> FirmwareBuild = new Lazy<DeviceBuild>(BuildFirmware);
        private static readonly Lazy<DeviceBuild> UnitTestBuild = new Lazy<DeviceBuild>(BuildUnitTests);

        public static string Root { get { return DeviceCompiler.Shared.Root; } }

        public static string FirmwarePackagesConfig { get { return Path.Combine(Root, "firmware", "packages.config"); } }

        public static string UnitTestPackagesConfig { get { return Path.Combine(Root, "firmware.tests", "packages.config"); } }

        public static string FirmwareProject { get { return Path.Combine(Root, "firmware", "Ipenergy.Probe.Firmware.nfproj"); } }

        public static string UnitTestProject { get { return Path.Combine(Root, "firmware.tests", "Ipenergy.Probe.Tests.nfproj"); } }

        /// <summary>firmware/**/*.cs (shared part) against mscorlib + the stubs of firmware/packages.config.</summary>
        public static DeviceBuild Firmware { get { return FirmwareBuild.Value; } }

        /// <summary>
        /// firmware.tests/unit/**/*.cs against mscorlib + the stubs of firmware.tests/packages.config
        /// (nanoFramework.TestFramework included) + the firmware compiled above.
        /// </summary>
        public static DeviceBuild UnitTests { get { return UnitTestBuild.Value; } }

        private static DeviceBuild BuildFirmware()
        {
            return DeviceCompiler.Shared.Compile(
                FirmwareAssembly,
                RepoLayout.FirmwareSources(Root),
                PackagesConfig.Load(FirmwarePackagesConfig).Ids);
        }

        private static DeviceBuild BuildUnitTests()
        {
            return DeviceCompiler.Shared.Compile(
                UnitTestAssembly,
                RepoLayout.UnitTestSources(Root),
                PackagesConfig.Load(UnitTestPackagesConfig).Ids,
                new[] { Firmware.AsReference });
        }
    }
}
