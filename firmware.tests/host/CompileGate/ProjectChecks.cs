using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Ipenergy.Probe.Tests.CompileGate
{
    /// <summary>
    /// Consistency of the device projects with the files on disk and the API lists: every shared source
    /// compiled by the .nfproj, every package backed by a list of the same version, every package's
    /// dependencies present, and a HintPath per package.
    /// </summary>
    public static class ProjectChecks
    {
        public const string TargetFramework = "netnano1.0";

        /// <summary>Sources not listed in the project, and listed items that are not on disk.</summary>
        public static List<string> CompileListProblems(string root, NfprojFile project, IEnumerable<string> sourceFiles)
        {
            var problems = new List<string>();
            string projectDir = Path.GetDirectoryName(project.Path);
            string projectName = RepoLayout.Relative(root, project.Path);
            var listed = new HashSet<string>(project.CompileItems, StringComparer.Ordinal);
            foreach (string file in sourceFiles)
            {
                string item = Path.GetRelativePath(projectDir, file).Replace('\\', '/');
                if (!listed.Remove(item))
                {
                    problems.Add(RepoLayout.Relative(root, file) + ": not listed in " + projectName + " (run tools/update-nfproj)");
                }
            }

            foreach (string item in listed.OrderBy(i => i, StringComparer.Ordinal))
            {
                problems.Add(projectName + ": lists " + item.Replace('/', '\\') + ", which is not a shared source on disk (run tools/update-nfproj)");
            }

            return problems;
        }

        /// <summary>Every package has a list with the same version, its dependencies are listed too, and no assembly is there twice.</summary>
        public static List<string> PackageProblems(string root, ApiCatalog catalog, PackagesConfig config)
        {
            var problems = new List<string>();
            string where = RepoLayout.Relative(root, config.Path);
            var ids = new HashSet<string>(config.Ids, StringComparer.Ordinal);
            var assemblies = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!ids.Contains(ApiCatalog.CoreLibraryId))
            {
                problems.Add(where + ": no " + ApiCatalog.CoreLibraryId + " (mscorlib)");
            }

            foreach (PackagesConfig.Entry p in config.Packages)
            {
                string at = where + ":" + p.Line + ": " + p.Id + " " + p.Version;
                ApiList list = catalog.Find(p.Id);
                if (list == null)
                {
                    problems.Add(at + ": no API list tools/nanoframework-api/" + p.Id + ".txt");
                    continue;
                }

                if (list.Version != p.Version)
                {
                    problems.Add(at + ": the API list is of version " + list.Version + " (" + RepoLayout.Relative(root, list.FilePath) + ")");
                }

                if (p.TargetFramework != TargetFramework)
                {
                    problems.Add(at + ": targetFramework should be " + TargetFramework + ", not " + (p.TargetFramework ?? "(none)"));
                }

                string other;
                if (assemblies.TryGetValue(list.AssemblyName, out other))
                {
                    problems.Add(at + ": assembly " + list.AssemblyName + " comes from " + other + " already");
                }
                else
                {
                    assemblies.Add(list.AssemblyName, p.Id);
                }

                var missing = new List<string>();
                catalog.Dependencies(list, ids, missing);
                problems.AddRange(missing.Select(m => at + ": " + m + ", which is not in this packages.config"));
            }

            return problems;
        }

        /// <summary>The Reference HintPaths of a project against its packages.config.</summary>
        public static List<string> ReferenceProblems(string root, ApiCatalog catalog, PackagesConfig config, NfprojFile project)
        {
            var problems = new List<string>();
            string projectName = RepoLayout.Relative(root, project.Path);
            var hints = new HashSet<string>(project.HintPaths, StringComparer.OrdinalIgnoreCase);
            var expectedFolders = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (PackagesConfig.Entry p in config.Packages)
            {
                ApiList list = catalog.Find(p.Id);
                if (list == null)
                {
                    continue; // reported by PackageProblems
                }

                string folder = @"..\packages\" + p.Id + "." + p.Version + @"\lib\";
                expectedFolders.Add(folder);
                string hint = folder + list.AssemblyName + ".dll";
                if (!hints.Contains(hint))
                {
                    problems.Add(projectName + ": no Reference with HintPath " + hint + " (run tools/update-nfproj)");
                }
            }

            foreach (string hint in hints.Where(h => !expectedFolders.Any(f => h.StartsWith(f, StringComparison.OrdinalIgnoreCase))))
            {
                problems.Add(projectName + ": Reference HintPath " + hint + " matches no package of " + RepoLayout.Relative(root, config.Path));
            }

            return problems;
        }
    }
}
