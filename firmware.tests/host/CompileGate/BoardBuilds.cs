using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;

namespace Ipenergy.Probe.Tests.CompileGate
{
    /// <summary>
    /// Device builds of the board projects: each board's sources against the real mscorlib, the stubs of
    /// ITS packages.config and the firmware compilation (made once, <see cref="SharedSourceBuilds.Firmware"/>).
    /// A namespace of a package the board does not list has no stub, so using it fails to compile.
    /// </summary>
    public static class BoardBuilds
    {
        private static readonly ConcurrentDictionary<string, Lazy<DeviceBuild>> Builds =
            new ConcurrentDictionary<string, Lazy<DeviceBuild>>(StringComparer.Ordinal);

        /// <summary>The board project's build, once per test run.</summary>
        public static DeviceBuild Of(BoardProject board)
        {
            if (board.ProjectPath == null || !File.Exists(board.PackagesConfigPath))
            {
                throw new InvalidOperationException(
                    board.RelativeFolder + " is not a board project: it needs one .nfproj and a packages.config");
            }

            return Builds.GetOrAdd(board.ProjectPath, _ => new Lazy<DeviceBuild>(() => Compile(
                AssemblyName(board), board.Sources, PackagesConfig.Load(board.PackagesConfigPath)))).Value;
        }

        /// <summary>Sources compiled the way a board project is (real boards, and the bad board samples).</summary>
        public static DeviceBuild Compile(string assemblyName, IEnumerable<string> files, PackagesConfig packages)
        {
            return DeviceCompiler.Shared.Compile(assemblyName, files, packages.Ids, new[] { SharedSourceBuilds.Firmware.AsReference });
        }

        private static string AssemblyName(BoardProject board)
        {
            string name = NfprojFile.Load(board.ProjectPath).Property("AssemblyName");
            return string.IsNullOrEmpty(name) ? "Ipenergy.Probe.Board." + board.Name : name;
        }
    }
}
