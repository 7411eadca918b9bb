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
    /// The parts of firmware/board/common that use nothing device-specific (the flash files over System.IO, the
    /// random source over System.Random and the firmware's SHA-256) also build for .NET: compiled here in-process
    /// against the host firmware assembly and loaded, so their behaviour can be tested (NOR semantics on a real
    /// file system, the storage code on top, the random bytes). The rest of firmware/board needs the device
    /// packages and is covered by the compile gate only.
    /// </summary>
    internal static class BoardCodeOnHost
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

        public static Ipenergy.Probe.Common.IRandomSource OpenRandom(byte[] identity)
        {
            Type type = Compiled.Value.GetType("Ipenergy.Probe.Board.BoardRandomSource", true);
            return (Ipenergy.Probe.Common.IRandomSource)Activator.CreateInstance(type, new object[] { identity });
        }

        public static int[] FitToDrive(string[] names, int[] wanted, long driveBytes)
        {
            Type type = Compiled.Value.GetType("Ipenergy.Probe.Board.InternalFlashStorage", true);
            return (int[])type.GetMethod("FitToDrive").Invoke(null, new object[] { names, wanted, driveBytes });
        }

        private static Assembly Compile()
        {
            string common = Path.Combine(RepoLayout.Root, "firmware", "board", "common");
            SyntaxTree[] trees = new[] { "FileFlashPartition.cs", "InternalFlashStorage.cs", "BoardRandomSource.cs" }
                .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(Path.Combine(common, f)), path: f))
                .ToArray();
            MetadataReference[] references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES"))
                .Split(Path.PathSeparator)
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .Append(MetadataReference.CreateFromFile(typeof(IFlashPartition).Assembly.Location))
                .ToArray();
            CSharpCompilation compilation = CSharpCompilation.Create("BoardCodeOnHost", trees, references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var image = new MemoryStream();
            var result = compilation.Emit(image);
            if (!result.Success)
            {
                throw new InvalidOperationException("firmware/board/common host-buildable files do not build for .NET:\n" +
                    string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            }

            return Assembly.Load(image.ToArray());
        }
    }
}
