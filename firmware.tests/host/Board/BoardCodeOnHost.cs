using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Tests.CompileGate;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Ipenergy.Probe.Tests.Board
{
    /// <summary>
    /// The board's flash files (firmware/board/common/FileFlashPartition.cs and InternalFlashStorage.cs) use only
    /// System.IO, so they also build for .NET: compiled here in-process against the host firmware assembly (for
    /// IFlashPartition) and loaded, so their NOR semantics and the storage code on top can be tested on a real file
    /// system. The rest of firmware/board needs the device packages and is covered by the compile gate only.
    /// </summary>
    internal static class BoardFlashOnHost
    {
        private static readonly Lazy<Assembly> Compiled = new Lazy<Assembly>(Compile);

        public static IFlashPartition OpenPartition(string path, string name, int sectors)
        {
            Type type = Compiled.Value.GetType("Ipenergy.Probe.Board.FileFlashPartition", true);
            return (IFlashPartition)Activator.CreateInstance(type, path, name, sectors);
        }

        public static IFlashStorage OpenStorage(string folder, string[] names, int[] sectors, long driveBytes)
        {
            Type type = Compiled.Value.GetType("Ipenergy.Probe.Board.InternalFlashStorage", true);
            return (IFlashStorage)Activator.CreateInstance(type, folder, names, sectors, driveBytes);
        }

        public static int[] FitToDrive(string[] names, int[] wanted, long driveBytes)
        {
            Type type = Compiled.Value.GetType("Ipenergy.Probe.Board.InternalFlashStorage", true);
            return (int[])type.GetMethod("FitToDrive").Invoke(null, new object[] { names, wanted, driveBytes });
        }

        private static Assembly Compile()
        {
            string common = Path.Combine(RepoLayout.Root, "firmware", "board", "common");
            SyntaxTree[] trees = new[] { "FileFlashPartition.cs", "InternalFlashStorage.cs" }
                .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(Path.Combine(common, f)), path: f))
                .ToArray();
            MetadataReference[] references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES"))
                .Split(Path.PathSeparator)
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .Append(MetadataReference.CreateFromFile(typeof(IFlashPartition).Assembly.Location))
                .ToArray();
            CSharpCompilation compilation = CSharpCompilation.Create("BoardFlashOnHost", trees, references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var image = new MemoryStream();
            var result = compilation.Emit(image);
            if (!result.Success)
            {
                throw new InvalidOperationException("firmware/board/common flash files do not build for .NET:\n" +
                    string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            }

            return Assembly.Load(image.ToArray());
        }
    }
}
