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

        /// <summary>A SamplePacer over scripted ADC inputs (6 a frame; code = input * 1000 + frame read so far).</summary>
        public static PacerUnderTest OpenPacer(int sampleRateHz, int slowAtRead, int slowMs)
        {
            Assembly assembly = Compiled.Value;
            object inputs = Activator.CreateInstance(assembly.GetType("Ipenergy.Probe.Board.HostTests.ScriptedInputs", true),
                slowAtRead, slowMs);
            object pacer = Activator.CreateInstance(assembly.GetType("Ipenergy.Probe.Board.SamplePacer", true), inputs, sampleRateHz);
            return new PacerUnderTest(pacer);
        }

        // Test double compiled with the board code (it implements the board's IAdcInputs).
        private const string ScriptedInputsSource = @"
namespace Ipenergy.Probe.Board.HostTests
{
    public sealed class ScriptedInputs : Ipenergy.Probe.Board.IAdcInputs
    {
        private readonly int _slowAtRead;
        private readonly int _slowMs;
        private int _reads;

        public ScriptedInputs(int slowAtRead, int slowMs) { _slowAtRead = slowAtRead; _slowMs = slowMs; }

        public int Count { get { return 6; } }

        public int Read(int input)
        {
            int n = _reads++;
            if (n == _slowAtRead) { System.Threading.Thread.Sleep(_slowMs); }
            return input * 1000 + n / 6;
        }
    }
}";

        private static Assembly Compile()
        {
            string common = Path.Combine(RepoLayout.Root, "firmware", "board", "common");
            SyntaxTree[] trees = new[] { "FileFlashPartition.cs", "InternalFlashStorage.cs", "BoardRandomSource.cs", "IAdcInputs.cs", "SamplePacer.cs" }
                .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(Path.Combine(common, f)), path: f))
                .Append(CSharpSyntaxTree.ParseText(ScriptedInputsSource, path: "ScriptedInputs.cs"))
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

    /// <summary>Typed access to the compiled SamplePacer.</summary>
    internal sealed class PacerUnderTest
    {
        private readonly object _pacer;

        public PacerUnderTest(object pacer)
        {
            _pacer = pacer;
        }

        public bool Fill(Ipenergy.Probe.Hal.SampleBlock block)
        {
            return (bool)_pacer.GetType().GetMethod("Fill").Invoke(_pacer, new object[] { block });
        }

        public void Stop()
        {
            _pacer.GetType().GetMethod("Stop").Invoke(_pacer, null);
        }

        public long LostFrames
        {
            get { return (long)_pacer.GetType().GetProperty("LostFrames").GetValue(_pacer); }
        }

        public long NextFrameIndex
        {
            get { return (long)_pacer.GetType().GetProperty("NextFrameIndex").GetValue(_pacer); }
        }
    }
}
