using System.Collections.Generic;
using System.Text.Json.Nodes;
using Ipenergy.Probe.Cli;
using Xunit;

namespace Ipenergy.Probe.Tests.Cli
{
    /// <summary>How push lays a file over a probe's configuration (ConfigMerge), without a probe.</summary>
    public sealed class ConfigMergeTests
    {
        private const string Probe =
            "{\"channels\":[{\"channel\":1,\"ctRatedA\":100,\"label\":\"a\"},{\"channel\":2,\"ctRatedA\":100,\"label\":\"b\"},{\"channel\":3,\"ctRatedA\":100,\"label\":\"c\"}],"
            + "\"circuits\":[{\"name\":\"X\",\"channels\":[1]}],"
            + "\"network\":{\"dhcp\":false,\"address\":\"10.0.0.5\",\"hostname\":\"probe-5\"},"
            + "\"snmp\":{\"readCommunity\":\"***\",\"writeCommunity\":\"\",\"sysName\":\"probe-5\",\"sysLocation\":\"Room A\",\"sysContact\":\"\",\"trapTargets\":[\"10.0.0.1:162\"]},"
            + "\"users\":[{\"name\":\"admin\",\"role\":\"admin\"},{\"name\":\"ops\",\"role\":\"operator\"}],\"adminPasswordHash\":\"\","
            + "\"bus\":{\"role\":\"slave\",\"address\":7,\"baud\":115200},\"panel\":{\"language\":\"en\",\"pinHash\":\"***\"}}";

        private static JsonNode Merge(string file, bool identity, List<string> kept, List<string> notes, params string[] excluded)
        {
            var ex = new List<JsonPath>();
            foreach (string e in excluded)
            {
                ex.Add(JsonPath.Parse(e));
            }

            return ConfigMerge.Apply(JsonNode.Parse(Probe), JsonNode.Parse(file), identity, ex, kept, notes);
        }

        [Fact]
        public void FieldsInTheFileReplaceOthersKeepTheProbesValue()
        {
            var kept = new List<string>();
            var notes = new List<string>();
            JsonNode r = Merge("{\"snmp\":{\"sysContact\":\"noc\",\"trapTargets\":[\"10.9.9.9:162\"]},\"channels\":[{\"channel\":9,\"ctRatedA\":50},{},{\"label\":\"C\"}],\"bus\":{\"baud\":9600}}", false, kept, notes);
            Assert.Equal("noc", r["snmp"]["sysContact"].GetValue<string>());
            Assert.Equal("[\"10.9.9.9:162\"]", r["snmp"]["trapTargets"].ToJsonString());
            Assert.Equal(1, r["channels"][0]["channel"].GetValue<int>());
            Assert.Equal(50, r["channels"][0]["ctRatedA"].GetValue<int>());
            Assert.Equal("a", r["channels"][0]["label"].GetValue<string>());
            Assert.Equal(100, r["channels"][1]["ctRatedA"].GetValue<int>());
            Assert.Equal("C", r["channels"][2]["label"].GetValue<string>());
            Assert.Equal(9600, r["bus"]["baud"].GetValue<int>());
            Assert.Equal(7, r["bus"]["address"].GetValue<int>());
            Assert.Equal("[{\"name\":\"X\",\"channels\":[1]}]", r["circuits"].ToJsonString());
            Assert.Empty(kept);
            Assert.Empty(notes);
        }

        [Fact]
        public void IdentityIsKeptUnlessAskedCredentialsNever()
        {
            const string File = "{\"network\":{\"hostname\":\"ref\",\"dhcp\":true},\"snmp\":{\"sysName\":\"ref\",\"sysLocation\":\"Room A\",\"readCommunity\":\"***\",\"writeCommunity\":\"s3cret\"},"
                + "\"bus\":{\"role\":\"gateway\",\"address\":0},\"users\":[{\"name\":\"admin\",\"role\":\"viewer\"}],\"panel\":{\"pin\":\"1234\",\"pinHash\":\"***\"},\"adminPasswordHash\":\"x\"}";
            var kept = new List<string>();
            JsonNode r = Merge(File, false, kept, new List<string>());
            Assert.Equal("probe-5", r["network"]["hostname"].GetValue<string>());
            Assert.False(r["network"]["dhcp"].GetValue<bool>());
            Assert.Equal("probe-5", r["snmp"]["sysName"].GetValue<string>());
            Assert.Equal("slave", r["bus"]["role"].GetValue<string>());
            Assert.Equal(7, r["bus"]["address"].GetValue<int>());
            Assert.Equal("s3cret", r["snmp"]["writeCommunity"].GetValue<string>());
            Assert.Equal("***", r["snmp"]["readCommunity"].GetValue<string>());
            Assert.Equal("operator", r["users"][1]["role"].GetValue<string>());
            Assert.Equal("admin", r["users"][0]["role"].GetValue<string>());
            Assert.False(r["panel"].AsObject().ContainsKey("pin"));
            Assert.Equal("", r["adminPasswordHash"].GetValue<string>());

            // sysLocation equal in both: not listed as kept.
            Assert.Equal(
                new[]
                {
                    "network (per-device, kept: --include-identity to push it)",
                    "snmp.sysName (per-device, kept: --include-identity to push it)",
                    "bus.role (per-device, kept: --include-identity to push it)",
                    "bus.address (per-device, kept: --include-identity to push it)",
                    "users (credentials are never pushed)",
                    "panel.pin (credentials are never pushed)",
                    "adminPasswordHash (credentials are never pushed)",
                },
                kept);

            kept.Clear();
            r = Merge(File, true, kept, new List<string>());
            Assert.Equal("ref", r["network"]["hostname"].GetValue<string>());
            Assert.Equal("ref", r["snmp"]["sysName"].GetValue<string>());
            Assert.Equal("gateway", r["bus"]["role"].GetValue<string>());
            Assert.Equal("operator", r["users"][1]["role"].GetValue<string>());
            Assert.Equal(3, kept.Count);
        }

        [Fact]
        public void ExcludeKeepsMoreAndExtraChannelsAreIgnoredWithANote()
        {
            var kept = new List<string>();
            var notes = new List<string>();
            JsonNode r = Merge("{\"circuits\":[],\"channels\":[{\"label\":\"A\"},{\"label\":\"B\"},{},{\"label\":\"D\"},{}]}", false, kept, notes, "circuits", "channels[1].label");
            Assert.Equal("[{\"name\":\"X\",\"channels\":[1]}]", r["circuits"].ToJsonString());
            Assert.Equal("A", r["channels"][0]["label"].GetValue<string>());
            Assert.Equal("b", r["channels"][1]["label"].GetValue<string>());
            Assert.Equal(3, r["channels"].AsArray().Count);
            Assert.Equal(new[] { "the file has 5 channels, this probe 3: channels 4..5 ignored" }, notes);
            Assert.Equal(new[] { "circuits (--exclude circuits)", "channels[1].label (--exclude channels[1].label)" }, kept);
        }

        [Fact]
        public void AFileThatIsNotAnObjectIsAUsageError()
        {
            Assert.Throws<UsageException>(() => ConfigMerge.Apply(JsonNode.Parse(Probe), JsonNode.Parse("[1]"), false, null, new List<string>(), new List<string>()));
        }

        [Fact]
        public void SetTypesTheValueByTheFieldsCurrentType()
        {
            Assert.Equal("50", ConfigSetCommand.SetPlanner.Typed(JsonPath.Parse("x"), JsonValue.Create(100), "50").ToJsonString());
            Assert.Equal("0.25", ConfigSetCommand.SetPlanner.Typed(JsonPath.Parse("x"), JsonValue.Create(100), "0.25").ToJsonString());
            Assert.Null(ConfigSetCommand.SetPlanner.Typed(JsonPath.Parse("x"), JsonValue.Create(100), "null"));
            Assert.Equal("7", ConfigSetCommand.SetPlanner.Typed(JsonPath.Parse("x"), null, "7").ToJsonString());
            Assert.Equal("true", ConfigSetCommand.SetPlanner.Typed(JsonPath.Parse("x"), JsonValue.Create(false), "true").ToJsonString());
            Assert.Equal("\"123\"", ConfigSetCommand.SetPlanner.Typed(JsonPath.Parse("x"), JsonValue.Create("a"), "123").ToJsonString());
            Assert.Equal("[\"a:1\"]", ConfigSetCommand.SetPlanner.Typed(JsonPath.Parse("x"), new JsonArray(), "[\"a:1\"]").ToJsonString());
            Assert.Throws<ConfigPlanException>(() => ConfigSetCommand.SetPlanner.Typed(JsonPath.Parse("x"), JsonValue.Create(100), "abc"));
            Assert.Throws<ConfigPlanException>(() => ConfigSetCommand.SetPlanner.Typed(JsonPath.Parse("x"), JsonValue.Create(true), "yes"));
            Assert.Throws<ConfigPlanException>(() => ConfigSetCommand.SetPlanner.Typed(JsonPath.Parse("x"), new JsonArray(), "a:1"));
        }
    }
}
