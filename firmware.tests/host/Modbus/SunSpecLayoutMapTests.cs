using System;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using System.Text.Json;
using Ipenergy.Probe.Protocols.Modbus.Maps;
using Ipenergy.Probe.Tests.CompileGate;
using Xunit;

namespace Ipenergy.Probe.Tests.Modbus
{
    /// <summary>
    /// The SunSpec layout used by SunSpecMap against the official model definitions in tools/sunspec:
    /// the generated C# is current, and every point's name, offset, size and type matches the JSON.
    /// </summary>
    public class SunSpecLayoutMapTests
    {
        [Fact]
        public void GeneratedLayoutIsUpToDate()
        {
            string python = "/usr/bin/python3";
            Assert.True(File.Exists(python), "python3 is missing: install the Debian package python3");
            var start = new ProcessStartInfo(python)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = RepoLayout.Root,
            };
            start.ArgumentList.Add(Path.Combine(RepoLayout.Root, "tools", "sunspec", "generate-layout"));
            start.ArgumentList.Add("--check");
            using Process process = Process.Start(start);
            string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(60000), "generate-layout --check did not finish");
            Assert.True(process.ExitCode == 0, "run tools/sunspec/generate-layout: " + output);
        }

        [Theory]
        [InlineData(1, typeof(SunSpecModel1))]
        [InlineData(201, typeof(SunSpecModel201))]
        [InlineData(203, typeof(SunSpecModel203))]
        public void EveryPointMatchesTheOfficialDefinition(int modelId, Type layout)
        {
            string path = Path.Combine(RepoLayout.Root, "tools", "sunspec", "model_" + modelId + ".json");
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
            Assert.Equal(modelId, doc.RootElement.GetProperty("id").GetInt32());
            JsonElement points = doc.RootElement.GetProperty("group").GetProperty("points");
            string[] names = (string[])Field(layout, "PointNames");
            int[] offsets = (int[])Field(layout, "PointOffsets");
            int[] sizes = (int[])Field(layout, "PointSizes");
            string[] types = (string[])Field(layout, "PointTypes");
            ushort[] blank = (ushort[])Field(layout, "Unimplemented");
            Assert.Equal(points.GetArrayLength(), names.Length);
            int offset = 0;
            int i = 0;
            foreach (JsonElement point in points.EnumerateArray())
            {
                string name = point.GetProperty("name").GetString();
                int size = point.GetProperty("size").GetInt32();
                string type = point.GetProperty("type").GetString();
                Assert.Equal(name, names[i]);
                Assert.Equal(offset, offsets[i]);
                Assert.Equal(size, sizes[i]);
                Assert.Equal(type, types[i]);
                Assert.Equal(offset, (int)Field(layout, name));
                for (int r = 0; r < size && name != "ID" && name != "L"; r++)
                {
                    Assert.Equal(ExpectedUnimplemented(type, r), blank[offset + r]);
                }

                offset += size;
                i++;
            }

            Assert.Equal(offset, (int)Field(layout, "BlockLength"));
            Assert.Equal(offset - 2, (int)Field(layout, "ModelLength"));
            Assert.Equal(offset, blank.Length);
            Assert.Equal(modelId, blank[0]);
            Assert.Equal(offset - 2, blank[1]);
        }

        [Fact]
        public void SunSpecMapFollowsTheGeneratedLengths()
        {
            Assert.Equal(66, SunSpecModel1.ModelLength);
            Assert.Equal(105, SunSpecModel201.ModelLength);
            Assert.Equal(105, SunSpecModel203.ModelLength);
        }

        /// <summary>The SunSpec "not implemented" values, restated here from the SunSpec information model spec.</summary>
        private static ushort ExpectedUnimplemented(string type, int register)
        {
            switch (type)
            {
                case "int16":
                case "sunssf":
                case "pad":
                    return 0x8000;
                case "uint16":
                case "enum16":
                case "bitfield16":
                case "uint32":
                case "bitfield32":
                case "enum32":
                    return 0xFFFF;
                case "acc32":
                case "acc16":
                case "string":
                    return 0;
                case "int32":
                    return register == 0 ? (ushort)0x8000 : (ushort)0;
                default:
                    throw new InvalidOperationException("type " + type + " not covered");
            }
        }

        private static object Field(Type layout, string name)
        {
            FieldInfo field = layout.GetField(name, BindingFlags.Public | BindingFlags.Static);
            Assert.True(field != null, layout.Name + " has no " + name);
            return field.IsLiteral ? field.GetRawConstantValue() : field.GetValue(null);
        }
    }
}
