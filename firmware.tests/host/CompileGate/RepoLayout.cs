using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Ipenergy.Probe.Tests.CompileGate
{
    /// <summary>Where the gate finds the repository, the shared sources and the real device mscorlib.</summary>
    public static class RepoLayout
    {
        public const string CoreLibraryVersion = "1.17.11";

        /// <summary>The checkout root (the folder holding Ipenergy.Probe.sln), found from the test binaries up.</summary>
        public static string Root
        {
            get
            {
                string dir = AppContext.BaseDirectory;
                while (dir != null)
                {
                    if (File.Exists(Path.Combine(dir, "Ipenergy.Probe.sln")))
                    {
                        return dir;
                    }

                    dir = Path.GetDirectoryName(dir.TrimEnd(Path.DirectorySeparatorChar));
                }

                throw new DirectoryNotFoundException("Ipenergy.Probe.sln not found above " + AppContext.BaseDirectory);
            }
        }

        /// <summary>The project's copy of the nanoFramework API lists (a fresh clone has no ../shared).</summary>
        public static string ApiListFolder(string root)
        {
            return Path.Combine(root, "tools", "nanoframework-api");
        }

        /// <summary>
        /// lib/mscorlib.dll of nanoFramework.CoreLibrary, restored by the PackageDownload of the host test
        /// project into the NuGet global packages folder (the one restore used, else NUGET_PACKAGES, else
        /// ~/.nuget/packages).
        /// </summary>
        public static string DeviceMscorlib
        {
            get
            {
                var tried = new List<string>();
                foreach (string root in NuGetRoots())
                {
                    string path = Path.Combine(root, "nanoframework.corelibrary", CoreLibraryVersion, "lib", "mscorlib.dll");
                    if (File.Exists(path))
                    {
                        return path;
                    }

                    tried.Add(path);
                }

                throw new FileNotFoundException(
                    "nanoFramework.CoreLibrary " + CoreLibraryVersion + " lib/mscorlib.dll not found (tried: " + string.Join(", ", tried)
                    + "). It comes from <PackageDownload Include=\"nanoFramework.CoreLibrary\"> in firmware.tests/host/"
                    + "Ipenergy.Probe.Tests.Host.csproj: run 'dotnet restore' on that project.");
            }
        }

        /// <summary>Shared firmware sources: firmware/**/*.cs except board/, host/, obj/ and bin/.</summary>
        public static List<string> FirmwareSources(string root)
        {
            return SourcesUnder(Path.Combine(root, "firmware"), new[] { "board", "host" });
        }

        /// <summary>Shared unit tests: firmware.tests/unit/**/*.cs except obj/ and bin/.</summary>
        public static List<string> UnitTestSources(string root)
        {
            return SourcesUnder(Path.Combine(root, "firmware.tests", "unit"), new string[0]);
        }

        /// <summary>firmware/board: one folder per board project, plus common/ (device-only code both share).</summary>
        public static string BoardFolder(string root)
        {
            return Path.Combine(root, "firmware", "board");
        }

        /// <summary>
        /// What a board project compiles (and tools/update-nfproj lists): firmware/board/common/**/*.cs
        /// and its own folder's **/*.cs, except obj/ and bin/.
        /// </summary>
        public static List<string> BoardSources(string boardsFolder, string board)
        {
            List<string> files = SourcesUnder(Path.Combine(boardsFolder, BoardProject.CommonFolderName), new string[0]);
            files.AddRange(SourcesUnder(Path.Combine(boardsFolder, board), new string[0]));
            files.Sort(StringComparer.Ordinal);
            return files;
        }

        /// <summary>Path relative to the repository root with forward slashes (as the gate reports files).</summary>
        public static string Relative(string root, string path)
        {
            return Path.GetRelativePath(root, path).Replace('\\', '/');
        }

        private static List<string> SourcesUnder(string folder, string[] excludedTopFolders)
        {
            var files = new List<string>();
            if (!Directory.Exists(folder))
            {
                return files;
            }

            foreach (string file in Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories))
            {
                string[] parts = Path.GetRelativePath(folder, file).Split(Path.DirectorySeparatorChar);
                if (parts.Length > 1 && excludedTopFolders.Contains(parts[0]))
                {
                    continue;
                }

                if (parts.Take(parts.Length - 1).Any(p => p == "obj" || p == "bin"))
                {
                    continue;
                }

                files.Add(file);
            }

            files.Sort(StringComparer.Ordinal);
            return files;
        }

        private static IEnumerable<string> NuGetRoots()
        {
            AssemblyMetadataAttribute restored = typeof(RepoLayout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "NuGetPackageRoot");
            if (restored != null && !string.IsNullOrEmpty(restored.Value))
            {
                yield return restored.Value;
            }

            string env = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
            if (!string.IsNullOrEmpty(env))
            {
                yield return env;
            }

            yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }
    }
}
