using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Ipenergy.Probe.Tests.CompileGate
{
    /// <summary>
    /// Proof that the gate fails: each bad sample (CompileGate/bad/*.cs) must be reported at every line
    /// it marks "// expect: CODE ...", with that code; and the project checks must name an unlisted
    /// source, a missing dependency and a version that does not match its API list. Bad board samples
    /// (CompileGate/bad/board/*.cs) are compiled the way a board project is: a scratch packages.config
    /// of the firmware's packages plus the ones the sample names, and the firmware as a reference.
    /// </summary>
    public class CompileGateCanFailTests
    {
        private static readonly Regex Expect = new Regex(@"//\s*expect:\s*(?<codes>[A-Z]+[0-9]+(?:\s+[A-Z]+[0-9]+)*)\s*$");
        private static readonly Regex Without = new Regex(@"^//\s*gate-packages:\s*without\s+(?<id>\S+)", RegexOptions.Multiline);
        private static readonly Regex BoardPackages = new Regex(@"^//\s*gate-board-packages:(?<ids>[^\r\n]*)", RegexOptions.Multiline);

        private static string Root { get { return SharedSourceBuilds.Root; } }

        [Theory]
        [InlineData("Linq.cs")]
        [InlineData("GenericList.cs")]
        [InlineData("MathWithoutPackage.cs")]
        [InlineData("MissingMembers.cs")]
        [InlineData("GenericDeclarations.cs")]
        [InlineData("Async.cs")]
        [InlineData("Tuples.cs")]
        [InlineData("NullableInt.cs")]
        [InlineData("EnumNames.cs")]
        [InlineData("LanguageFeatures.cs")]
        public void GateReportsEveryMarkedLineOfBadSample(string sample)
        {
            string path = Path.Combine(Root, "firmware.tests", "host", "CompileGate", "bad", sample);
            Assert.True(File.Exists(path), "bad sample missing: " + path);
            string text = File.ReadAllText(path);
            List<Tuple<int, string>> expected = ExpectedFindings(path);
            Assert.True(expected.Count > 0, sample + " marks no line with '// expect: CODE'");

            var withoutPackages = new HashSet<string>(Without.Matches(text).Select(m => m.Groups["id"].Value), StringComparer.Ordinal);
            List<string> packages = PackagesConfig.Load(SharedSourceBuilds.FirmwarePackagesConfig).Ids.Where(id => !withoutPackages.Contains(id)).ToList();
            Assert.True(withoutPackages.All(id => !packages.Contains(id)));

            DeviceBuild build = DeviceCompiler.Shared.Compile("BadSample", new[] { path }, packages);
            Assert.Empty(build.ReferenceProblems);
            AssertReported(path, expected, build);
        }

        [Theory]
        [InlineData("AdcMissingMember.cs")]
        [InlineData("SpiWithoutPackage.cs")]
        [InlineData("Esp32ApiOnStm32.cs")]
        [InlineData("SubsetRulesInBoardCode.cs")]
        public void GateReportsEveryMarkedLineOfBadBoardSample(string sample)
        {
            string path = Path.Combine(Root, "firmware.tests", "host", "CompileGate", "bad", "board", sample);
            Assert.True(File.Exists(path), "bad board sample missing: " + path);
            List<Tuple<int, string>> expected = ExpectedFindings(path);
            Assert.True(expected.Count > 0, sample + " marks no line with '// expect: CODE'");
            Match named = BoardPackages.Match(File.ReadAllText(path));
            Assert.True(named.Success, sample + " has no '// gate-board-packages: <id> ...' line");

            // The scratch board packages.config: the firmware's packages plus the sample's, at the versions of
            // their lists, a config the project checks accept (so what fails is the code, not the config).
            ApiCatalog catalog = DeviceCompiler.Shared.Catalog;
            var lines = File.ReadAllLines(SharedSourceBuilds.FirmwarePackagesConfig).Where(l => l.Contains("<package ")).ToList();
            foreach (string id in named.Groups["ids"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                ApiList list = catalog.Find(id);
                Assert.True(list != null, sample + " names " + id + ", which has no API list");
                lines.Add("  <package id=\"" + id + "\" version=\"" + list.Version + "\" targetFramework=\"netnano1.0\" />");
            }

            string config = Path.Combine(Path.GetTempPath(), "gate-board-packages-" + Guid.NewGuid().ToString("N") + ".config");
            File.WriteAllText(config, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<packages>\n" + string.Join("\n", lines) + "\n</packages>\n");
            try
            {
                PackagesConfig packages = PackagesConfig.Load(config);
                List<string> configProblems = ProjectChecks.PackageProblems(Root, catalog, packages);
                Assert.True(configProblems.Count == 0, "scratch packages.config of " + sample + ":\n" + string.Join("\n", configProblems));

                DeviceBuild build = BoardBuilds.Compile("BadBoardSample", new[] { path }, packages);
                Assert.Empty(build.ReferenceProblems);
                AssertReported(path, expected, build);

                // Nothing else: the rest of the sample (firmware types such as SampleBlock included) compiles.
                List<GateFinding> stray = build.AllFindings.Where(f => !expected.Any(e => e.Item1 == f.Line)).ToList();
                Assert.True(stray.Count == 0, "findings on lines the sample does not mark:\n" + DeviceBuild.Describe(stray));
            }
            finally
            {
                File.Delete(config);
            }
        }

        [Theory]
        [InlineData("esp32", "nanoFramework.System.Device.Spi", "System.Device.Spi")]
        [InlineData("esp32", "nanoFramework.System.IO.Ports", "System.IO.Ports")]
        [InlineData("stm32", "nanoFramework.System.Device.Spi", "System.Device.Spi")]
        [InlineData("stm32", "nanoFramework.System.Device.Adc", "System.Device.Adc")]
        public void GateFailsARealBoardWhosePackagesLackOneItUses(string board, string packageId, string ns)
        {
            // The real board sources, compiled the way their project is but with one package taken out of
            // its packages.config: every file that imports the package's namespace must fail, and only those.
            BoardProject project = BoardProject.Of(Root, board);
            Assert.True(project.ProjectPath != null && File.Exists(project.PackagesConfigPath), project.RelativeFolder + " is not a board project yet");
            PackagesConfig config = PackagesConfig.Load(project.PackagesConfigPath);
            Assert.True(config.Ids.Contains(packageId), project.RelativeFolder + "/packages.config does not list " + packageId);
            List<string> users = project.Sources
                .Where(f => File.ReadAllLines(f).Any(l => l.Trim() == "using " + ns + ";"))
                .Select(f => RepoLayout.Relative(Root, f))
                .ToList();
            Assert.True(users.Count > 0, "no source of " + project.RelativeFolder + " has 'using " + ns + ";'");

            DeviceBuild build = DeviceCompiler.Shared.Compile(
                "BoardWithoutPackage", project.Sources, config.Ids.Where(id => id != packageId), new[] { SharedSourceBuilds.Firmware.AsReference });

            string findings = "\n" + DeviceBuild.Describe(build.CompileErrors);
            List<string> notCaught = users.Where(u => !build.CompileErrors.Any(e => e.File == u && (e.Code == "CS0234" || e.Code == "CS0246"))).ToList();
            Assert.True(notCaught.Count == 0, "without " + packageId + ", no CS0234/CS0246 in: " + string.Join(", ", notCaught) + findings);
            List<GateFinding> elsewhere = build.CompileErrors
                .Where(e => !users.Contains(e.File) && !File.ReadAllText(Path.Combine(Root, e.File)).Contains(ns, StringComparison.Ordinal))
                .ToList();
            Assert.True(elsewhere.Count == 0, "errors in files that do not use " + ns + ":\n" + DeviceBuild.Describe(elsewhere));
        }

        [Fact]
        public void GateNamesWhatIsWrongWithABoardProject()
        {
            // A scratch layout: root/firmware/board/{common,esp32}, with an esp32 project that is wrong in every
            // way the board checks know about.
            string root = Path.Combine(Path.GetTempPath(), "gate-board-" + Guid.NewGuid().ToString("N"));
            string boards = Path.Combine(root, "firmware", "board");
            string esp32 = Path.Combine(boards, "esp32");
            Directory.CreateDirectory(Path.Combine(boards, "common"));
            Directory.CreateDirectory(esp32);
            try
            {
                File.WriteAllText(Path.Combine(boards, "common", "Shared.cs"), "namespace Ipenergy.Probe.Board { }\n");
                File.WriteAllText(Path.Combine(esp32, "Program.cs"), "namespace Ipenergy.Probe.Board.Esp32 { }\n");
                File.WriteAllText(Path.Combine(esp32, "Unlisted.cs"), "namespace Ipenergy.Probe.Board.Esp32 { }\n");

                PackagesConfig firmware = PackagesConfig.Load(SharedSourceBuilds.FirmwarePackagesConfig);
                var packageLines = firmware.Packages
                    .Where(p => p.Id != "nanoFramework.System.Math")
                    .Select(p => "  <package id=\"" + p.Id + "\" version=\"" + p.Version + "\" targetFramework=\"netnano1.0\" />")
                    .ToList();
                packageLines.Add("  <package id=\"nanoFramework.System.Device.Spi\" version=\"1.3.89\" targetFramework=\"net48\" />");
                File.WriteAllText(
                    Path.Combine(esp32, "packages.config"),
                    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<packages>\n" + string.Join("\n", packageLines) + "\n</packages>\n");

                ApiCatalog catalog = DeviceCompiler.Shared.Catalog;
                var references = new List<string>();
                foreach (PackagesConfig.Entry p in firmware.Packages.Where(p => p.Id != "nanoFramework.System.Math"))
                {
                    string depth = p.Id == "nanoFramework.System.Threading" ? @"..\" : @"..\..\..\";
                    references.Add("    <Reference Include=\"" + catalog.Find(p.Id).AssemblyName + "\"><HintPath>" + depth + @"packages\"
                        + p.Id + "." + p.Version + @"\lib\" + catalog.Find(p.Id).AssemblyName + ".dll</HintPath></Reference>");
                }

                references.Add(@"    <Reference Include=""System.Device.Spi""><HintPath>..\..\..\packages\nanoFramework.System.Device.Spi.1.3.89\lib\System.Device.Spi.dll</HintPath></Reference>");
                File.WriteAllText(Path.Combine(esp32, "Ipenergy.Probe.Esp32.nfproj"), string.Join("\n",
                    "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
                    "<Project ToolsVersion=\"Current\" xmlns=\"http://schemas.microsoft.com/developer/msbuild/2003\">",
                    "  <PropertyGroup><OutputType>Library</OutputType></PropertyGroup>",
                    "  <ItemGroup>",
                    "    <Compile Include=\"Program.cs\" />",
                    "    <Compile Include=\"Gone.cs\" />",
                    "  </ItemGroup>",
                    "  <ItemGroup><ProjectReference Include=\"..\\Ipenergy.Probe.Firmware.nfproj\" /></ItemGroup>",
                    "  <ItemGroup>",
                    string.Join("\n", references),
                    "  </ItemGroup>",
                    "</Project>"));

                List<string> problems = ProjectChecks.BoardProjectProblems(catalog, BoardProject.Of(root, "esp32"), firmware);
                string all = "\n" + string.Join("\n", problems);

                Assert.Contains(problems, p => p.StartsWith("firmware/board/common/Shared.cs: not listed in firmware/board/esp32/Ipenergy.Probe.Esp32.nfproj", StringComparison.Ordinal));
                Assert.Contains(problems, p => p.StartsWith("firmware/board/esp32/Unlisted.cs: not listed in", StringComparison.Ordinal));
                Assert.Contains(problems, p => p.StartsWith("firmware/board/esp32/Ipenergy.Probe.Esp32.nfproj: lists Gone.cs, which is not", StringComparison.Ordinal));
                Assert.Contains(problems, p => p.Contains("nanoFramework.System.Device.Spi 1.3.89: targetFramework should be netnano1.0, not net48", StringComparison.Ordinal));
                Assert.Contains(problems, p => p.Contains("nanoFramework.System.Device.Spi needs nanoFramework.System.Device.Gpio", StringComparison.Ordinal));
                Assert.Contains(problems, p => p == "firmware/board/esp32/packages.config: lacks nanoFramework.System.Math 1.5.116 (every package of the firmware's packages.config)");
                Assert.Contains(problems, p => p.Contains(@"no Reference with HintPath ..\..\..\packages\nanoFramework.System.Threading.1.1.52\lib\System.Threading.dll", StringComparison.Ordinal));
                Assert.Contains(problems, p => p.Contains(@"Reference HintPath ..\packages\nanoFramework.System.Threading.1.1.52\lib\System.Threading.dll matches no package", StringComparison.Ordinal));
                Assert.Contains(problems, p => p.Contains("OutputType is Library, a board project is a nanoFramework executable (Exe)", StringComparison.Ordinal));
                Assert.Contains(problems, p => p.Contains(@"no ProjectReference to ..\..\Ipenergy.Probe.Firmware.nfproj (has: ..\Ipenergy.Probe.Firmware.nfproj)", StringComparison.Ordinal));
                Assert.True(problems.Count == 10, "expected 10 problems, got:" + all);

                // A board folder without its project is named too, not skipped.
                List<string> noProject = ProjectChecks.BoardProjectProblems(catalog, BoardProject.Of(root, "stm32"), firmware);
                Assert.Contains(noProject, p => p == "firmware/board/stm32: 0 .nfproj files, a board needs exactly one");
            }
            finally
            {
                Directory.Delete(root, true);
            }
        }

        private static List<Tuple<int, string>> ExpectedFindings(string path)
        {
            string[] lines = File.ReadAllLines(path);
            var expected = new List<Tuple<int, string>>();
            for (int i = 0; i < lines.Length; i++)
            {
                Match m = Expect.Match(lines[i]);
                if (m.Success)
                {
                    expected.AddRange(m.Groups["codes"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(c => Tuple.Create(i + 1, c)));
                }
            }

            return expected;
        }

        private static void AssertReported(string path, List<Tuple<int, string>> expected, DeviceBuild build)
        {
            List<GateFinding> findings = build.AllFindings.ToList();
            string file = RepoLayout.Relative(Root, path);
            List<string> missed = expected
                .Where(e => !findings.Any(f => f.File == file && f.Line == e.Item1 && f.Code == e.Item2))
                .Select(e => file + ":" + e.Item1 + ": " + e.Item2)
                .ToList();
            Assert.True(
                missed.Count == 0,
                "the gate did not report:\n  " + string.Join("\n  ", missed) + "\nit reported:\n" + DeviceBuild.Describe(findings));
        }

        [Fact]
        public void GateNamesASharedSourceMissingFromTheNfproj()
        {
            NfprojFile project = NfprojFile.Load(SharedSourceBuilds.FirmwareProject);
            List<string> sources = RepoLayout.FirmwareSources(Root);
            string unlisted = Path.Combine(Root, "firmware", "metering", "NotInTheProject.cs");
            sources.Add(unlisted);
            string removed = sources[0];
            sources.RemoveAt(0);

            List<string> problems = ProjectChecks.CompileListProblems(Root, project, sources);

            Assert.Contains(problems, p => p.StartsWith("firmware/metering/NotInTheProject.cs: not listed in firmware/Ipenergy.Probe.Firmware.nfproj", StringComparison.Ordinal));
            string removedItem = Path.GetRelativePath(Path.Combine(Root, "firmware"), removed).Replace('/', '\\');
            Assert.Contains(problems, p => p.Contains("lists " + removedItem + ", which is not a shared source on disk", StringComparison.Ordinal));
            Assert.True(problems.Count == 2, "expected 2 problems, got:\n" + string.Join("\n", problems));
        }

        [Fact]
        public void GateNamesMissingDependenciesAndWrongVersions()
        {
            string config = Path.Combine(Path.GetTempPath(), "gate-packages-" + Guid.NewGuid().ToString("N") + ".config");
            File.WriteAllText(config, string.Join("\n",
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
                "<packages>",
                "  <package id=\"nanoFramework.CoreLibrary\" version=\"1.17.11\" targetFramework=\"netnano1.0\" />",
                "  <package id=\"nanoFramework.System.Net\" version=\"1.11.54\" targetFramework=\"netnano1.0\" />",
                "  <package id=\"nanoFramework.System.Math\" version=\"1.4.0\" targetFramework=\"netnano1.0\" />",
                "  <package id=\"nanoFramework.Not.A.Package\" version=\"1.0.0\" targetFramework=\"netnano1.0\" />",
                "</packages>"));
            try
            {
                List<string> problems = ProjectChecks.PackageProblems(Root, DeviceCompiler.Shared.Catalog, PackagesConfig.Load(config));

                Assert.Contains(problems, p => p.Contains(":4: nanoFramework.System.Net 1.11.54: nanoFramework.System.Net needs nanoFramework.System.IO.Streams", StringComparison.Ordinal));
                Assert.Contains(problems, p => p.Contains(":4: nanoFramework.System.Net 1.11.54: nanoFramework.System.Net needs nanoFramework.System.Threading", StringComparison.Ordinal));
                Assert.Contains(problems, p => p.Contains(":5: nanoFramework.System.Math 1.4.0: the API list is of version 1.5.116", StringComparison.Ordinal));
                Assert.Contains(problems, p => p.Contains(":6: nanoFramework.Not.A.Package 1.0.0: no API list", StringComparison.Ordinal));
                Assert.True(problems.Count == 4, "expected 4 problems, got:\n" + string.Join("\n", problems));
            }
            finally
            {
                File.Delete(config);
            }
        }
    }
}
