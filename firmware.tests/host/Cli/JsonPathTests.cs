using System.Collections.Generic;
using System.Text.Json.Nodes;
using Ipenergy.Probe.Cli;
using Xunit;

namespace Ipenergy.Probe.Tests.Cli
{
    /// <summary>The CLI's JSON paths (config get/set, push diffs): parsing, get, set, leaves, errors.</summary>
    public sealed class JsonPathTests
    {
        private const string Doc = "{\"snmp\":{\"sysName\":\"a\",\"trapTargets\":[]},\"channels\":[{\"channel\":1,\"ctRatedA\":100},{\"channel\":2,\"ctRatedA\":50}],"
            + "\"voltageGain\":[1,1,1],\"alarms\":{\"rules\":{\"lowLoad\":{\"critical\":null}}}}";

        [Theory]
        [InlineData("snmp.sysName", "snmp.sysName")]
        [InlineData("channels[1].ctRatedA", "channels[1].ctRatedA")]
        [InlineData("channels.1.ctRatedA", "channels[1].ctRatedA")]
        [InlineData("voltageGain[2]", "voltageGain[2]")]
        [InlineData("alarms.rules.lowLoad.critical", "alarms.rules.lowLoad.critical")]
        public void ParsesBothIndexFormsToOneCanonicalText(string text, string canonical)
        {
            Assert.Equal(canonical, JsonPath.Parse(text).Text);
        }

        [Theory]
        [InlineData("")]
        [InlineData("snmp.")]
        [InlineData("channels[x].ctRatedA")]
        [InlineData("channels[1")]
        [InlineData("channels[1]x")]
        [InlineData("a..b")]
        public void MalformedPathsAreUsageErrors(string text)
        {
            Assert.Throws<UsageException>(() => JsonPath.Parse(text));
        }

        [Fact]
        public void GetsValuesAndSaysWhichStepIsMissing()
        {
            JsonNode doc = JsonNode.Parse(Doc);
            Assert.Equal(50, JsonPath.Parse("channels[1].ctRatedA").Get(doc).GetValue<int>());
            Assert.Equal("\"a\"", JsonPath.Show(JsonPath.Parse("snmp.sysName").Get(doc)));
            Assert.Null(JsonPath.Parse("alarms.rules.lowLoad.critical").Get(doc));

            JsonNode value;
            string why;
            Assert.False(JsonPath.Parse("channels[2].ctRatedA").TryGet(doc, out value, out why));
            Assert.Equal("channels[2]: the list has 2 elements (0..1)", why);
            Assert.False(JsonPath.Parse("snmp.sysname").TryGet(doc, out value, out why));
            Assert.Equal("snmp.sysname: no such field (did you mean sysName?)", why);
            Assert.False(JsonPath.Parse("snmp.sysName.x").TryGet(doc, out value, out why));
            Assert.Contains("has no fields", why);
            Assert.False(JsonPath.Parse("alarms.rules.lowLoad.critical.x").TryGet(doc, out value, out why));
            Assert.Equal("alarms.rules.lowLoad.critical is null", why);
        }

        [Fact]
        public void SetsAnExistingMemberOrElementOnly()
        {
            JsonNode doc = JsonNode.Parse(Doc);
            JsonPath.Parse("channels[0].ctRatedA").Set(doc, JsonValue.Create(32));
            JsonPath.Parse("voltageGain[1]").Set(doc, JsonValue.Create(1.01));
            Assert.Equal(32, doc["channels"][0]["ctRatedA"].GetValue<int>());
            Assert.Equal(1.01, doc["voltageGain"][1].GetValue<double>());
            Assert.Throws<KeyNotFoundException>(() => JsonPath.Parse("snmp.nope").Set(doc, JsonValue.Create(1)));
        }

        [Fact]
        public void LeavesWalkObjectsAndListsOfObjectsButKeepPlainListsWhole()
        {
            var paths = new List<string>();
            foreach (KeyValuePair<JsonPath, JsonNode> leaf in JsonPath.Leaves(JsonNode.Parse(Doc)))
            {
                paths.Add(leaf.Key.Text + "=" + JsonPath.Show(leaf.Value));
            }

            Assert.Equal(
                new[]
                {
                    "snmp.sysName=\"a\"", "snmp.trapTargets=[]", "channels[0].channel=1", "channels[0].ctRatedA=100",
                    "channels[1].channel=2", "channels[1].ctRatedA=50", "voltageGain=[1,1,1]", "alarms.rules.lowLoad.critical=null",
                },
                paths);
        }

        [Fact]
        public void ValuesShowAsPeopleTypeThem()
        {
            Assert.Equal("\"noc+pager@example.com, O'Brien <ops>\"", JsonPath.Show(JsonValue.Create("noc+pager@example.com, O'Brien <ops>")));
            Assert.Equal("\"tab\\there \\\"q\\\"\"", JsonPath.Show(JsonValue.Create("tab\there \"q\"")));
            Assert.Equal("null", JsonPath.Show(null));
        }

        [Fact]
        public void IsUnderComparesWholeSteps()
        {
            Assert.True(JsonPath.Parse("network.hostname").IsUnder(JsonPath.Parse("network")));
            Assert.True(JsonPath.Parse("snmp.sysName").IsUnder(JsonPath.Parse("snmp.sysName")));
            Assert.False(JsonPath.Parse("snmp.sysNameX").IsUnder(JsonPath.Parse("snmp.sysName")));
            Assert.False(JsonPath.Parse("snmp").IsUnder(JsonPath.Parse("snmp.sysName")));
            Assert.True(JsonPath.Parse("channels[2].label").IsUnder(JsonPath.Parse("channels[2]")));
        }
    }
}
