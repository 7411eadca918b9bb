using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Ipenergy.Probe.Tests.CompileGate
{
    /// <summary>
    /// The compile gate for the board projects (firmware/board/&lt;board&gt;/*.nfproj): each board's
    /// sources (board/common + its own folder) build for nanoFramework 1.x against the real mscorlib,
    /// the stubs of ITS packages.config and the firmware; keep to the subset; and the project lists
    /// every source and package. Run for esp32 and stm32 whether on disk or not (a missing board
    /// fails), and for any other board found.
    /// </summary>
    public class BoardCompileGateTests
    {
        private static string Root { get { return SharedSourceBuilds.Root; } }

        public static IEnumerable<object[]> Boards
        {
            get { return BoardProject.NamesToCheck(RepoLayout.Root).Select(n => new object[] { n }); }
        }

        [Fact]
        public void BothBoardProjectsExist()
        {
            List<string> onDisk = BoardProject.NamesOnDisk(Root);
            List<string> missing = BoardProject.RequiredBoards.Where(b => !onDisk.Contains(b)).ToList();
            Assert.True(
                missing.Count == 0,
                "issue 11 needs a board project (firmware/board/<board>/*.nfproj) for: " + string.Join(", ", missing)
                + " (found: " + (onDisk.Count == 0 ? "none" : string.Join(", ", onDisk)) + ")");
        }

        [Theory]
        [MemberData(nameof(Boards))]
        public void BoardSourcesCompileForTheDevice(string board)
        {
            BoardProject project = Existing(board);
            DeviceBuild build = BoardBuilds.Of(project);
            Assert.True(build.ReferenceProblems.Count == 0, "package stubs: " + string.Join("; ", build.ReferenceProblems));
            Assert.True(
                build.Compilation.SyntaxTrees.Count() == project.Sources.Count && project.Sources.Count > 0,
                "compiled " + build.Compilation.SyntaxTrees.Count() + " files of the " + project.Sources.Count + " board sources");
            Assert.True(
                build.CompileErrors.Count == 0,
                "firmware/board/" + board + " does not compile for nanoFramework 1.x (mscorlib " + RepoLayout.CoreLibraryVersion
                + " + firmware/board/" + board + "/packages.config + the firmware):\n" + DeviceBuild.Describe(build.CompileErrors));
        }

        [Theory]
        [MemberData(nameof(Boards))]
        public void BoardProjectHasOneEntryPoint(string board)
        {
            // The board project is an executable: the nanoCLR starts the one static Main of its sources.
            DeviceBuild build = BoardBuilds.Of(Existing(board));
            List<string> mains = build.Compilation.GetSymbolsWithName("Main", SymbolFilter.Member)
                .OfType<IMethodSymbol>()
                .Where(m => m.IsStatic)
                .Select(m => m.ContainingType.ToDisplayString() + ".Main")
                .ToList();
            Assert.True(mains.Count == 1, "firmware/board/" + board + " needs exactly one static Main, has: " + (mains.Count == 0 ? "none" : string.Join(", ", mains)));
        }

        [Theory]
        [MemberData(nameof(Boards))]
        public void BoardSourcesKeepToTheNanoFrameworkSubset(string board)
        {
            DeviceBuild build = BoardBuilds.Of(Existing(board));
            Assert.True(
                build.RuleFindings.Count == 0,
                "firmware/board/" + board + " uses what nanoFramework 1.x cannot run:\n" + DeviceBuild.Describe(build.RuleFindings));
        }

        [Theory]
        [MemberData(nameof(Boards))]
        public void BoardProjectListsEverySourceAndPackage(string board)
        {
            List<string> problems = ProjectChecks.BoardProjectProblems(
                DeviceCompiler.Shared.Catalog, BoardProject.Of(Root, board), PackagesConfig.Load(SharedSourceBuilds.FirmwarePackagesConfig));
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        private static BoardProject Existing(string board)
        {
            BoardProject project = BoardProject.Of(Root, board);
            Assert.True(project.ProjectPath != null, project.RelativeFolder + ": no board project (exactly one .nfproj expected, found " + project.ProjectPaths.Count + ")");
            Assert.True(System.IO.File.Exists(project.PackagesConfigPath), project.RelativeFolder + ": no packages.config");
            return project;
        }
    }
}
