using System;
using System.IO;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;

namespace Ipenergy.Probe.Tests.Display
{
    /// <summary>The committed glyph tables are what fonts/fontgen.py makes of the drawings (nobody edited one alone).</summary>
    public sealed class GraphicsFontTablesTests
    {
        [Fact]
        public void GlyphTablesMatchTheDrawings()
        {
            string python = PeerProcess.Require("/usr/bin/python3", "python3");
            string graphics = Path.Combine(RepoRoot(), "firmware", "display", "graphics");
            string output = Path.Combine(Path.GetTempPath(), "eprobe-fontgen-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(output);
            try
            {
                PeerProcess.Result result = PeerProcess.Run(
                    PeerProcess.StartInfo(python, null, Path.Combine(graphics, "fonts", "fontgen.py"), output), 30000);
                Assert.True(result.ExitCode == 0, "fontgen.py failed: " + result);
                foreach (string name in new[] { "SmallGlyphs.cs", "LargeGlyphs.cs" })
                {
                    Assert.True(
                        File.ReadAllText(Path.Combine(graphics, name)) == File.ReadAllText(Path.Combine(output, name)),
                        name + " differs from its drawing: run python3 firmware/display/graphics/fonts/fontgen.py");
                }
            }
            finally
            {
                Directory.Delete(output, true);
            }
        }

        private static string RepoRoot()
        {
            string dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "firmware", "Ipenergy.Probe.Firmware.nfproj")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            Assert.True(dir != null, "repository root not found above " + AppContext.BaseDirectory);
            return dir;
        }
    }
}
