using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Ipenergy.Probe.Tests.CompileGate
{
    /// <summary>
    /// Compiles shared sources the way the device build sees them: C# 9 (the nanoFramework project
    /// system's default), no standard library but the real nanoFramework mscorlib, plus one stub
    /// assembly per package of the packages.config in force. Then runs the subset rules.
    /// </summary>
    public sealed class DeviceCompiler
    {
        /// <summary>The nanoFramework Visual Studio extension compiles C# 9 unless a project says otherwise.</summary>
        public static readonly LanguageVersion DeviceLanguageVersion = LanguageVersion.CSharp9;

        private static readonly Lazy<DeviceCompiler> SharedInstance = new Lazy<DeviceCompiler>(() => new DeviceCompiler(RepoLayout.Root));

        private readonly MetadataReference _mscorlib;

        public DeviceCompiler(string root)
        {
            Root = root;
            Catalog = new ApiCatalog(RepoLayout.ApiListFolder(root));
            _mscorlib = MetadataReference.CreateFromFile(RepoLayout.DeviceMscorlib);
            Stubs = new StubAssemblies(Catalog, _mscorlib);
        }

        /// <summary>One per test run: the API lists are parsed and the stubs compiled once.</summary>
        public static DeviceCompiler Shared { get { return SharedInstance.Value; } }

        public string Root { get; }

        public ApiCatalog Catalog { get; }

        public StubAssemblies Stubs { get; }

        public DeviceBuild Compile(string assemblyName, IEnumerable<string> files, IEnumerable<string> packageIds, IEnumerable<MetadataReference> extraReferences = null)
        {
            var clock = Stopwatch.StartNew();
            var problems = new List<string>();
            var references = new List<MetadataReference> { _mscorlib };
            references.AddRange(Stubs.ReferencesFor(packageIds, problems));
            if (extraReferences != null)
            {
                references.AddRange(extraReferences);
            }

            var parseOptions = new CSharpParseOptions(DeviceLanguageVersion);
            var trees = new List<SyntaxTree>();
            foreach (string file in files)
            {
                trees.Add(CSharpSyntaxTree.ParseText(File.ReadAllText(file), parseOptions, path: RepoLayout.Relative(Root, file)));
            }

            CSharpCompilation compilation = CSharpCompilation.Create(
                assemblyName,
                trees,
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));

            // Emit, not just GetDiagnostics: lowering (foreach, lock, string concatenation, async ...)
            // needs runtime members that only emit reports missing.
            var errors = new List<GateFinding>();
            using (var pe = new MemoryStream())
            {
                foreach (Diagnostic d in compilation.Emit(pe).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
                {
                    errors.Add(ToFinding(d));
                }
            }

            var rules = new List<GateFinding>();
            foreach (SyntaxTree tree in trees)
            {
                SubsetRules.Check(compilation.GetSemanticModel(tree), tree.FilePath, rules);
            }

            return new DeviceBuild(Sorted(errors), Sorted(rules), problems, compilation, clock.Elapsed);
        }

        private static GateFinding ToFinding(Diagnostic d)
        {
            if (d.Location.IsInSource)
            {
                FileLinePositionSpan span = d.Location.GetLineSpan();
                return new GateFinding(span.Path, span.StartLinePosition.Line + 1, d.Id, d.GetMessage());
            }

            return new GateFinding("(compilation)", 0, d.Id, d.GetMessage());
        }

        private static List<GateFinding> Sorted(List<GateFinding> findings)
        {
            // The same text twice on a line gives the same finding twice: keep one.
            return findings
                .GroupBy(f => f.ToString(), StringComparer.Ordinal)
                .Select(g => g.First())
                .OrderBy(f => f.File, StringComparer.Ordinal)
                .ThenBy(f => f.Line)
                .ThenBy(f => f.Code, StringComparer.Ordinal)
                .ToList();
        }
    }
}
