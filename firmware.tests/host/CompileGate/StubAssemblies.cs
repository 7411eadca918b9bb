using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Ipenergy.Probe.Tests.CompileGate
{
    /// <summary>A compiled stub assembly for one package, with the stubs it was compiled against.</summary>
    public sealed class StubAssembly
    {
        public StubAssembly(ApiList list, MetadataReference reference, List<StubAssembly> dependencies, List<string> errors, string source)
        {
            List = list;
            Reference = reference;
            Dependencies = dependencies;
            Errors = errors;
            Source = source;
        }

        public ApiList List { get; }

        /// <summary>Null when the stubs did not compile (see <see cref="Errors"/>).</summary>
        public MetadataReference Reference { get; }

        public List<StubAssembly> Dependencies { get; }

        /// <summary>Why the stubs could not be built (generator or list problems, missing dependencies).</summary>
        public List<string> Errors { get; }

        public string Source { get; }
    }

    /// <summary>
    /// Builds (once per test run) a reference assembly per nanoFramework package from its API list,
    /// compiled against the real device mscorlib and the stubs of the packages it needs.
    /// </summary>
    public sealed class StubAssemblies
    {
        private readonly ApiCatalog _catalog;
        private readonly MetadataReference _mscorlib;
        private readonly Dictionary<string, StubAssembly> _built = new Dictionary<string, StubAssembly>(StringComparer.Ordinal);
        private readonly HashSet<string> _building = new HashSet<string>(StringComparer.Ordinal);
        private readonly object _gate = new object();

        public StubAssemblies(ApiCatalog catalog, MetadataReference mscorlib)
        {
            _catalog = catalog;
            _mscorlib = mscorlib;
        }

        public StubAssembly Get(string packageId)
        {
            lock (_gate)
            {
                return GetLocked(packageId);
            }
        }

        /// <summary>Stub references for exactly these packages (CoreLibrary is the real mscorlib, not a stub).</summary>
        public List<MetadataReference> ReferencesFor(IEnumerable<string> packageIds, List<string> problems)
        {
            var references = new List<MetadataReference>();
            foreach (string id in packageIds)
            {
                if (id == ApiCatalog.CoreLibraryId)
                {
                    continue;
                }

                if (_catalog.Find(id) == null)
                {
                    problems.Add(id + ": no API list in " + _catalog.Folder);
                    continue;
                }

                StubAssembly stub = Get(id);
                if (stub.Reference == null)
                {
                    problems.Add(id + ": stubs did not compile: " + string.Join("; ", stub.Errors.Take(5)));
                    continue;
                }

                references.Add(stub.Reference);
            }

            return references;
        }

        private StubAssembly GetLocked(string packageId)
        {
            StubAssembly stub;
            if (_built.TryGetValue(packageId, out stub))
            {
                return stub;
            }

            ApiList list = _catalog.Find(packageId);
            if (list == null)
            {
                throw new ArgumentException("no API list for " + packageId);
            }

            if (!_building.Add(packageId))
            {
                throw new InvalidOperationException("packages need each other: " + string.Join(" -> ", _building) + " -> " + packageId);
            }

            try
            {
                stub = Build(list);
            }
            finally
            {
                _building.Remove(packageId);
            }

            _built.Add(packageId, stub);
            return stub;
        }

        private StubAssembly Build(ApiList list)
        {
            var errors = new List<string>();
            var deps = new List<StubAssembly>();
            foreach (ApiList dep in _catalog.Dependencies(list, null, errors))
            {
                StubAssembly built = GetLocked(dep.PackageId);
                if (built.Reference == null)
                {
                    errors.Add("needs " + dep.PackageId + ", whose stubs did not compile");
                }

                deps.Add(built);
            }

            var references = new List<MetadataReference> { _mscorlib };
            references.AddRange(Closure(deps).Where(d => d.Reference != null).Select(d => d.Reference));

            string source = StubSourceWriter.Write(list, _catalog, null);
            CSharpCompilation compilation = Compile(list, source, references);
            Dictionary<string, List<string>> explicitMembers = MissingInterfaceMembers(compilation);
            if (explicitMembers.Count > 0)
            {
                source = StubSourceWriter.Write(list, _catalog, explicitMembers);
                compilation = Compile(list, source, references);
            }

            using (var image = new MemoryStream())
            {
                var result = compilation.Emit(image);
                foreach (Diagnostic d in result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
                {
                    errors.Add(d.ToString());
                }

                MetadataReference reference = errors.Count == 0
                    ? MetadataReference.CreateFromImage(image.ToArray(), filePath: list.AssemblyName + ".dll")
                    : null;
                return new StubAssembly(list, reference, deps, errors, source);
            }
        }

        private static IEnumerable<StubAssembly> Closure(IEnumerable<StubAssembly> roots)
        {
            var seen = new HashSet<StubAssembly>();
            var stack = new Stack<StubAssembly>(roots);
            while (stack.Count > 0)
            {
                StubAssembly s = stack.Pop();
                if (seen.Add(s))
                {
                    foreach (StubAssembly d in s.Dependencies)
                    {
                        stack.Push(d);
                    }
                }
            }

            return seen;
        }

        private static CSharpCompilation Compile(ApiList list, string source, IEnumerable<MetadataReference> references)
        {
            SyntaxTree tree = CSharpSyntaxTree.ParseText(
                source,
                new CSharpParseOptions(LanguageVersion.Latest),
                path: Path.GetFileNameWithoutExtension(list.FilePath) + ".stubs.cs");
            return CSharpCompilation.Create(
                list.AssemblyName,
                new[] { tree },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        }

        /// <summary>
        /// Interface members a stub class does not implement publicly (the list names only public
        /// members; the real class implements the rest explicitly): explicit implementations to add.
        /// </summary>
        private static Dictionary<string, List<string>> MissingInterfaceMembers(CSharpCompilation compilation)
        {
            var extra = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (INamedTypeSymbol type in AllTypes(compilation.Assembly.GlobalNamespace))
            {
                if (type.TypeKind != TypeKind.Class && type.TypeKind != TypeKind.Struct)
                {
                    continue;
                }

                foreach (INamedTypeSymbol iface in type.AllInterfaces)
                {
                    foreach (ISymbol member in iface.GetMembers())
                    {
                        if (member.IsStatic || type.FindImplementationForInterfaceMember(member) != null)
                        {
                            continue;
                        }

                        string text = ExplicitImplementation(iface, member);
                        if (text == null)
                        {
                            continue;
                        }

                        string key = type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
                        List<string> lines;
                        if (!extra.TryGetValue(key, out lines))
                        {
                            lines = new List<string>();
                            extra.Add(key, lines);
                        }

                        lines.Add(text);
                    }
                }
            }

            return extra;
        }

        private static string ExplicitImplementation(INamedTypeSymbol iface, ISymbol member)
        {
            string owner = iface.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            var method = member as IMethodSymbol;
            if (method != null)
            {
                if (method.MethodKind != MethodKind.Ordinary)
                {
                    return null; // accessors come with their property or event
                }

                return Display(method.ReturnType) + " " + owner + "." + method.Name + "(" + ParameterList(method.Parameters) + ") { throw null; }";
            }

            var property = member as IPropertySymbol;
            if (property != null)
            {
                string head = property.IsIndexer
                    ? "this[" + ParameterList(property.Parameters) + "]"
                    : property.Name;
                return Display(property.Type) + " " + owner + "." + head + " {"
                    + (property.GetMethod != null ? " get { throw null; }" : string.Empty)
                    + (property.SetMethod != null ? " set { }" : string.Empty) + " }";
            }

            var ev = member as IEventSymbol;
            if (ev != null)
            {
                return "event " + Display(ev.Type) + " " + owner + "." + ev.Name + " { add { } remove { } }";
            }

            return null;
        }

        private static string ParameterList(IEnumerable<IParameterSymbol> parameters)
        {
            return string.Join(", ", parameters.Select(p =>
                (p.RefKind == RefKind.Ref ? "ref " : p.RefKind == RefKind.Out ? "out " : p.RefKind == RefKind.In ? "in " : string.Empty)
                + Display(p.Type) + " " + SignatureText.Identifier(p.Name)));
        }

        private static string Display(ITypeSymbol type)
        {
            return type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        }

        private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceOrTypeSymbol container)
        {
            foreach (ISymbol member in container.GetMembers())
            {
                var ns = member as INamespaceSymbol;
                if (ns != null)
                {
                    foreach (INamedTypeSymbol t in AllTypes(ns))
                    {
                        yield return t;
                    }
                }

                var type = member as INamedTypeSymbol;
                if (type != null)
                {
                    yield return type;
                    foreach (INamedTypeSymbol nested in AllTypes(type))
                    {
                        yield return nested;
                    }
                }
            }
        }
    }
}
