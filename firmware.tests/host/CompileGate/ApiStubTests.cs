using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Ipenergy.Probe.Tests.CompileGate
{
    /// <summary>The stub generator itself: every stable API list becomes a reference assembly, and that
    /// assembly declares what the list says and nothing more.</summary>
    public class ApiStubTests
    {
        private static DeviceCompiler Gate { get { return DeviceCompiler.Shared; } }

        [Fact]
        public void EveryStableApiListBuildsIntoStubsAgainstTheRealMscorlib()
        {
            var failures = new List<string>();
            foreach (ApiList list in Gate.Catalog.Lists.Where(l => l.PackageId != ApiCatalog.CoreLibraryId))
            {
                StubAssembly stub = Gate.Stubs.Get(list.PackageId);
                failures.AddRange(stub.Errors.Select(e => list.PackageId + ": " + e));
            }

            Assert.True(failures.Count == 0, "stub generation failed:\n" + string.Join("\n", failures.Take(60)));
        }

        [Fact]
        public void CoreLibraryListDescribesTheRestoredMscorlib()
        {
            ApiList core = Gate.Catalog.Find(ApiCatalog.CoreLibraryId);
            Assert.NotNull(core);
            Assert.Equal(RepoLayout.CoreLibraryVersion, core.Version);

            CSharpCompilation probe = CSharpCompilation.Create("probe", references: new[] { MetadataReference.CreateFromFile(RepoLayout.DeviceMscorlib) });
            List<string> missing = core.Types
                .Where(t => !t.IsNested && probe.GetTypeByMetadataName(t.DocId) == null)
                .Select(t => t.DocId)
                .ToList();
            Assert.True(missing.Count == 0, "types of the CoreLibrary list missing in " + RepoLayout.DeviceMscorlib + ": " + string.Join(", ", missing));
            Assert.True(core.Types.Count > 150, "the CoreLibrary list looks truncated: " + core.Types.Count + " types");
        }

        [Fact]
        public void StubsDeclareOnlyWhatTheListSays()
        {
            string source = string.Join("\n",
                "class Probe {",
                "  void Listed(System.Collections.Hashtable t, System.Text.StringBuilder sb) { bool b = t.Contains(1); sb.Append(1.5).Append('x'); double r = System.Math.Round(2.5); }",
                "  void NotListed1(System.Collections.Hashtable t) { bool b = t.ContainsKey(1); }",
                "  void NotListed2(System.Text.StringBuilder sb) { sb.AppendFormat(\"{0}\", 1); }",
                "  void NotListed3() { double r = System.Math.Round(2.5, 2); }",
                "  void NotListed4() { long m = System.Math.Max(1L, 2L); }",
                "  void NoImplicitCtor() { var e = new System.Collections.DictionaryEntry(); }",
                "}");
            var references = new List<MetadataReference> { MetadataReference.CreateFromFile(RepoLayout.DeviceMscorlib) };
            var problems = new List<string>();
            references.AddRange(Gate.Stubs.ReferencesFor(new[] { "nanoFramework.System.Collections", "nanoFramework.System.Text", "nanoFramework.System.Math" }, problems));
            Assert.Empty(problems);

            CSharpCompilation compilation = CSharpCompilation.Create(
                "probe",
                new[] { CSharpSyntaxTree.ParseText(source) },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var errorLines = compilation.GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1)
                .Distinct()
                .OrderBy(l => l)
                .ToList();
            Assert.Equal(new[] { 3, 4, 5, 6, 7 }, errorLines);
        }
    }
}
