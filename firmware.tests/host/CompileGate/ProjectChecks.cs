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

            // The NuGet packages folder beside the sln: ..\packages\ from firmware/, ..\..\..\packages\ from a board.
            string packagesFolder = Path.GetRelativePath(Path.GetDirectoryName(project.Path), Path.Combine(root, "packages"))
                .Replace('/', '\\') + @"\";
            foreach (PackagesConfig.Entry p in config.Packages)
            {
                ApiList list = catalog.Find(p.Id);
                if (list == null)
                {
                    continue; // reported by PackageProblems
                }

                string folder = packagesFolder + p.Id + "." + p.Version + @"\lib\";
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

        /// <summary>
        /// A board project (firmware/board/&lt;board&gt;): one .nfproj, a nanoFramework executable that
        /// references the firmware library and lists every board source (common + its own); its
        /// packages.config backed by API lists (versions, dependencies, targetFramework), holding every
        /// package of the firmware at the same version, each with its HintPath.
        /// </summary>
        public static List<string> BoardProjectProblems(ApiCatalog catalog, BoardProject board, PackagesConfig firmwarePackages)
        {
            var problems = new List<string>();
            string root = board.Root;
            if (board.ProjectPaths.Count != 1)
            {
                problems.Add(board.RelativeFolder + ": " + board.ProjectPaths.Count + " .nfproj files, a board needs exactly one");
            }

            if (!File.Exists(board.PackagesConfigPath))
            {
                problems.Add(board.RelativeFolder + ": no packages.config");
            }

            if (problems.Count > 0)
            {
                return problems;
            }

            NfprojFile project = NfprojFile.Load(board.ProjectPath);
            string projectName = RepoLayout.Relative(root, project.Path);
            PackagesConfig config = PackagesConfig.Load(board.PackagesConfigPath);

            problems.AddRange(CompileListProblems(root, project, board.Sources));
            problems.AddRange(PackageProblems(root, catalog, config));
            problems.AddRange(ReferenceProblems(root, catalog, config, project));

            string where = RepoLayout.Relative(root, config.Path);
            foreach (PackagesConfig.Entry f in firmwarePackages.Packages)
            {
                PackagesConfig.Entry mine = config.Packages.FirstOrDefault(p => p.Id == f.Id);
                if (mine == null)
                {
                    problems.Add(where + ": lacks " + f.Id + " " + f.Version + " (every package of the firmware's packages.config)");
                }
                else if (mine.Version != f.Version)
                {
                    problems.Add(where + ":" + mine.Line + ": " + f.Id + " " + mine.Version + ": the firmware uses " + f.Version);
                }
            }

            string outputType = project.Property("OutputType");
            if (outputType != "Exe")
            {
                problems.Add(projectName + ": OutputType is " + (outputType ?? "(none)") + ", a board project is a nanoFramework executable (Exe)");
            }

            if (!project.ProjectReferences.Contains(BoardProject.FirmwareProjectReference, StringComparer.Ordinal))
            {
                problems.Add(projectName + ": no ProjectReference to " + BoardProject.FirmwareProjectReference
                    + " (has: " + string.Join(", ", project.ProjectReferences) + ")");
            }

            return problems;
        }
    }
}
