using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Ipenergy.Probe.Tests.CompileGate
{
    /// <summary>
    /// What Ipenergy.Probe.sln must hold: every project of the checkout; the host projects (.csproj)
    /// built in Debug and Release (what `dotnet build` / `dotnet test` do on Linux); the nanoFramework
    /// projects (.nfproj) built only in "Device Debug"/"Device Release" (Visual Studio with the
    /// nanoFramework extension), the executables deployed there too, the board projects under the
    /// 'firmware' solution folder.
    /// </summary>
    public static class SolutionChecks
    {
        public static readonly string[] DeviceConfigurations = { "Device Debug|Any CPU", "Device Release|Any CPU" };

        /// <summary>Projects on disk the sln lacks, and projects it lists that are not on disk.</summary>
        public static List<string> ProjectListProblems(string root, SolutionFile sln, IEnumerable<string> projectsOnDisk)
        {
            string name = Path.GetFileName(sln.Path);
            var listed = new HashSet<string>(sln.Projects.Where(p => !p.IsSolutionFolder).Select(p => p.RelativePath), StringComparer.Ordinal);
            List<string> problems = projectsOnDisk
                .Where(p => !listed.Contains(p))
                .Select(p => p + ": not in " + name)
                .ToList();
            problems.AddRange(listed
                .Where(p => !File.Exists(Path.Combine(root, p)))
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => name + " lists " + p + ", which is not on disk"));
            return problems;
        }

        public static List<string> NanoFrameworkProblems(string root, SolutionFile sln)
        {
            var problems = new List<string>();
            string name = Path.GetFileName(sln.Path);
            foreach (string configuration in DeviceConfigurations.Where(c => !sln.Configurations.Contains(c)))
            {
                problems.Add(name + ": no solution configuration " + configuration);
            }

            foreach (SolutionFile.Project p in sln.Projects.Where(p => p.RelativePath.EndsWith(".nfproj", StringComparison.Ordinal)))
            {
                string at = name + ": " + p.RelativePath;
                if (!string.Equals(p.Type, SolutionFile.NanoFrameworkProjectType, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add(at + ": project type " + p.Type + ", a .nfproj is " + SolutionFile.NanoFrameworkProjectType);
                }

                string path = Path.Combine(root, p.RelativePath);
                NfprojFile project = File.Exists(path) ? NfprojFile.Load(path) : null;
                string guid = project == null ? null : project.Property("ProjectGuid");
                if (project != null && !string.Equals(guid, p.Guid, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add(at + ": listed as " + p.Guid + ", its ProjectGuid is " + (guid ?? "(none)"));
                }

                bool executable = project != null && project.Property("OutputType") == "Exe";
                foreach (string configuration in sln.Configurations)
                {
                    bool device = DeviceConfigurations.Contains(configuration);
                    if (!sln.Has(p, configuration, "ActiveCfg"))
                    {
                        problems.Add(at + ": no ActiveCfg for " + configuration);
                    }

                    if (!device && sln.Has(p, configuration, "Build.0"))
                    {
                        problems.Add(at + ": Build.0 in " + configuration + " (dotnet cannot build a .nfproj: Device configurations only)");
                    }

                    if (!device && sln.Has(p, configuration, "Deploy.0"))
                    {
                        problems.Add(at + ": Deploy.0 in " + configuration + " (Device configurations only)");
                    }

                    if (device && !sln.Has(p, configuration, "Build.0"))
                    {
                        problems.Add(at + ": no Build.0 in " + configuration);
                    }

                    if (device && executable && !sln.Has(p, configuration, "Deploy.0"))
                    {
                        problems.Add(at + ": a nanoFramework executable without Deploy.0 in " + configuration);
                    }
                }

                if (p.RelativePath.StartsWith("firmware/board/", StringComparison.Ordinal) && !sln.FolderChain(p).Contains("firmware"))
                {
                    problems.Add(at + ": not nested under the 'firmware' solution folder (is in: " + string.Join(" < ", sln.FolderChain(p)) + ")");
                }
            }

            return problems;
        }

        public static List<string> HostProjectProblems(SolutionFile sln)
        {
            var problems = new List<string>();
            string name = Path.GetFileName(sln.Path);
            List<string> hostConfigurations = sln.Configurations.Where(c => !DeviceConfigurations.Contains(c)).ToList();
            foreach (string configuration in new[] { "Debug|Any CPU", "Release|Any CPU" }.Where(c => !hostConfigurations.Contains(c)))
            {
                problems.Add(name + ": no solution configuration " + configuration);
            }

            foreach (SolutionFile.Project p in sln.Projects.Where(p => p.RelativePath.EndsWith(".csproj", StringComparison.Ordinal)))
            {
                foreach (string configuration in sln.Configurations.Where(c => !sln.Has(p, c, "ActiveCfg")))
                {
                    problems.Add(name + ": " + p.RelativePath + ": no ActiveCfg for " + configuration);
                }

                foreach (string configuration in hostConfigurations.Where(c => !sln.Has(p, c, "Build.0")))
                {
                    problems.Add(name + ": " + p.RelativePath + ": no Build.0 in " + configuration);
                }
            }

            return problems;
        }

        /// <summary>Every .csproj and .nfproj of the checkout (not under bin/, obj/, packages/ or dot folders), relative, forward slashes.</summary>
        public static List<string> ProjectsOnDisk(string root)
        {
            var found = new List<string>();
            var pending = new Stack<string>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                string dir = pending.Pop();
                foreach (string sub in Directory.GetDirectories(dir))
                {
                    string folder = Path.GetFileName(sub);
                    if (!folder.StartsWith(".", StringComparison.Ordinal) && folder != "bin" && folder != "obj" && folder != "packages" && folder != "node_modules")
                    {
                        pending.Push(sub);
                    }
                }

                found.AddRange(Directory.GetFiles(dir)
                    .Where(f => f.EndsWith(".csproj", StringComparison.Ordinal) || f.EndsWith(".nfproj", StringComparison.Ordinal))
                    .Select(f => RepoLayout.Relative(root, f)));
            }

            found.Sort(StringComparer.Ordinal);
            return found;
        }
    }
}
