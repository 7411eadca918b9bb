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
    /// source, a missing dependency and a version that does not match its API list.
    /// </summary>
    public class CompileGateCanFailTests
    {
        private static readonly Regex Expect = new Regex(@"//\s*expect:\s*(?<codes>[A-Z]+[0-9]+(?:\s+[A-Z]+[0-9]+)*)\s*$");
        private static readonly Regex Without = new Regex(@"^//\s*gate-packages:\s*without\s+(?<id>\S+)", RegexOptions.Multiline);

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

            Assert.True(expected.Count > 0, sample + " marks no line with '// expect: CODE'");

            var withoutPackages = new HashSet<string>(Without.Matches(text).Select(m => m.Groups["id"].Value), StringComparer.Ordinal);
            List<string> packages = PackagesConfig.Load(SharedSourceBuilds.FirmwarePackagesConfig).Ids.Where(id => !withoutPackages.Contains(id)).ToList();
            Assert.True(withoutPackages.All(id => !packages.Contains(id)));

            DeviceBuild build = DeviceCompiler.Shared.Compile("BadSample", new[] { path }, packages);
            Assert.Empty(build.ReferenceProblems);
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
