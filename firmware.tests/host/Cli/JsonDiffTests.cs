using System.Collections.Generic;
using System.Text.Json.Nodes;
using Ipenergy.Probe.Cli;
using Xunit;

namespace Ipenergy.Probe.Tests.Cli
{
    /// <summary>The value-by-value diff push and config set print.</summary>
    public sealed class JsonDiffTests
    {
        private static List<string> Diff(string a, string b)
        {
            var lines = new List<string>();
            foreach (JsonChange c in JsonDiff.Compare(JsonNode.Parse(a), JsonNode.Parse(b)))
            {
                lines.Add(c.ToString());
            }

            return lines;
        }

        [Fact]
        public void EqualDocumentsHaveNoChangeNumbersCompareByValue()
        {
            Assert.Empty(Diff("{\"a\":1,\"b\":{\"c\":[1,2]}}", "{\"b\":{\"c\":[1.0,2]},\"a\":1.0}"));
        }

        [Fact]
        public void ChangedAddedAndRemovedValuesOnePerLine()
        {
            Assert.Equal(
                new[]
                {
                    "snmp.sysContact: \"\" -> \"noc\"",
                    "snmp.old: 1 -> (absent)",
                    "channels[1].ctRatedA: 100 -> 50",
                    "voltageGain: [1,1,1] -> [1,1.01,1]",
                    "alarms.rules.lowLoad.critical: null -> 0.1",
                    "circuits[1].name: (absent) -> \"A\"",
                    "circuits[1].channels: (absent) -> [1,2,3]",
                },
                Diff(
                    "{\"snmp\":{\"sysContact\":\"\",\"old\":1},\"channels\":[{\"ctRatedA\":100},{\"ctRatedA\":100}],\"voltageGain\":[1,1,1],\"alarms\":{\"rules\":{\"lowLoad\":{\"critical\":null}}},\"circuits\":[{\"name\":\"B\",\"channels\":[4]}]}",
                    "{\"snmp\":{\"sysContact\":\"noc\"},\"channels\":[{\"ctRatedA\":100},{\"ctRatedA\":50}],\"voltageGain\":[1,1.01,1],\"alarms\":{\"rules\":{\"lowLoad\":{\"critical\":0.1}}},\"circuits\":[{\"name\":\"B\",\"channels\":[4]},{\"name\":\"A\",\"channels\":[1,2,3]}]}"));
        }

        [Fact]
        public void AnEmptyListBecomingAListOfObjectsIsOneChange()
        {
            Assert.Equal(new[] { "circuits: [] -> [{\"name\":\"A\"}]" }, Diff("{\"circuits\":[]}", "{\"circuits\":[{\"name\":\"A\"}]}"));
        }

        [Fact]
        public void SameTreatsNullAndTypesStrictly()
        {
            Assert.True(JsonDiff.Same(null, null));
            Assert.False(JsonDiff.Same(JsonNode.Parse("0"), null));
            Assert.False(JsonDiff.Same(JsonNode.Parse("1"), JsonNode.Parse("\"1\"")));
            Assert.False(JsonDiff.Same(JsonNode.Parse("true"), JsonNode.Parse("1")));
            Assert.True(JsonDiff.Same(JsonNode.Parse("{\"a\":1,\"b\":2}"), JsonNode.Parse("{\"b\":2,\"a\":1}")));
        }
    }
}
