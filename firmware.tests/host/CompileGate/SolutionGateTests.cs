using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace Ipenergy.Probe.Tests.CompileGate
{
    /// <summary>
    /// Ipenergy.Probe.sln holds every project of the repository, and its configurations keep the two
    /// worlds apart: Debug/Release build the host projects only (what `dotnet build` / `dotnet test` on
    /// Linux do), "Device Debug"/"Device Release" build and deploy the nanoFramework projects (Visual
    /// Studio with the nanoFramework extension).
    /// </summary>
    public class SolutionGateTests
    {
        private static readonly string[] DeviceConfigurations = { "Device Debug|Any CPU", "Device Release|Any CPU" };

        private static string Root { get { return SharedSourceBuilds.Root; } }

        private static SolutionFile Solution { get { return SolutionFile.Load(Path.Combine(Root, "Ipenergy.Probe.sln")); } }

        [Fact]
        public void EveryProjectOfTheRepositoryIsInTheSolution()
        {
            SolutionFile sln = Solution;
            var listed = new HashSet<string>(sln.Projects.Where(p => !p.IsSolutionFolder).Select(p => p.RelativePath), StringComparer.Ordinal);
            List<string> onDisk = ProjectsOnDisk();
            Assert.True(onDisk.Count(p => p.EndsWith(".nfproj", StringComparison.Ordinal)) >= 2, "no .nfproj found under " + Root);
            List<string> problems = onDisk
                .Where(p => !listed.Contains(p))
                .Select(p => p + ": not in Ipenergy.Probe.sln")
                .ToList();
            problems.AddRange(listed
                .Where(p => !File.Exists(Path.Combine(Root, p)))
                .Select(p => "Ipenergy.Probe.sln lists " + p + ", which is not on disk"));
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void NanoFrameworkProjectsBuildInTheDeviceConfigurationsOnly()
        {
            SolutionFile sln = Solution;
            Assert.True(
                DeviceConfigurations.All(sln.Configurations.Contains),
                "Ipenergy.Probe.sln needs the solution configurations " + string.Join(", ", DeviceConfigurations)
                + " (has: " + string.Join(", ", sln.Configurations) + ")");
            var problems = new List<string>();
            List<SolutionFile.Project> nfprojs = sln.Projects.Where(p => p.RelativePath.EndsWith(".nfproj", StringComparison.Ordinal)).ToList();
            Assert.True(nfprojs.Count >= 2, "Ipenergy.Probe.sln has no .nfproj");
            foreach (SolutionFile.Project p in nfprojs)
            {
                string at = "Ipenergy.Probe.sln: " + p.RelativePath;
                if (!string.Equals(p.Type, SolutionFile.NanoFrameworkProjectType, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add(at + ": project type " + p.Type + ", a .nfproj is " + SolutionFile.NanoFrameworkProjectType);
                }

                string path = Path.Combine(Root, p.RelativePath);
                NfprojFile project = File.Exists(path) ? NfprojFile.Load(path) : null;
                string guid = project == null ? null : project.Property("ProjectGuid");
                if (project != null && !string.Equals(guid, p.Guid, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add(at + ": listed as " + p.Guid + ", its ProjectGuid is " + (guid ?? "(none)"));
                }

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

                    bool executable = project != null && project.Property("OutputType") == "Exe";
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

            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void HostProjectsBuildInDebugAndRelease()
        {
            SolutionFile sln = Solution;
            var problems = new List<string>();
            List<SolutionFile.Project> csprojs = sln.Projects.Where(p => p.RelativePath.EndsWith(".csproj", StringComparison.Ordinal)).ToList();
            Assert.True(csprojs.Count >= 2, "Ipenergy.Probe.sln has no .csproj");
            List<string> hostConfigurations = sln.Configurations.Where(c => !DeviceConfigurations.Contains(c)).ToList();
            Assert.Contains("Debug|Any CPU", hostConfigurations);
            Assert.Contains("Release|Any CPU", hostConfigurations);
            foreach (SolutionFile.Project p in csprojs)
            {
                foreach (string configuration in sln.Configurations)
                {
                    if (!sln.Has(p, configuration, "ActiveCfg"))
                    {
                        problems.Add("Ipenergy.Probe.sln: " + p.RelativePath + ": no ActiveCfg for " + configuration);
                    }
                }

                foreach (string configuration in hostConfigurations)
                {
                    if (!sln.Has(p, configuration, "Build.0"))
                    {
                        problems.Add("Ipenergy.Probe.sln: " + p.RelativePath + ": no Build.0 in " + configuration);
                    }
                }
            }

            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        /// <summary>Every .csproj and .nfproj of the checkout (not under bin/, obj/ or dot folders), relative, forward slashes.</summary>
        private static List<string> ProjectsOnDisk()
        {
            var found = new List<string>();
            var pending = new Stack<string>();
            pending.Push(Root);
            while (pending.Count > 0)
            {
                string dir = pending.Pop();
                foreach (string sub in Directory.GetDirectories(dir))
                {
                    string name = Path.GetFileName(sub);
                    if (!name.StartsWith(".", StringComparison.Ordinal) && name != "bin" && name != "obj" && name != "packages" && name != "node_modules")
                    {
                        pending.Push(sub);
                    }
                }

                found.AddRange(Directory.GetFiles(dir)
                    .Where(f => f.EndsWith(".csproj", StringComparison.Ordinal) || f.EndsWith(".nfproj", StringComparison.Ordinal))
                    .Select(f => RepoLayout.Relative(Root, f)));
            }

            found.Sort(StringComparer.Ordinal);
            return found;
        }
    }
}
