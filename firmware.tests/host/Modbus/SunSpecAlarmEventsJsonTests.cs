using System.IO;
using System.Text.Json;
using Ipenergy.Probe.Protocols.Modbus.Maps;
using Ipenergy.Probe.Tests.CompileGate;
using Xunit;

namespace Ipenergy.Probe.Tests.Modbus
{
    /// <summary>SunSpecAlarmEvents' bit numbers against the Evt symbols of the official meter models 201-204.</summary>
    public class SunSpecAlarmEventsJsonTests
    {
        [Theory]
        [InlineData(201)]
        [InlineData(202)]
        [InlineData(203)]
        [InlineData(204)]
        public void EvtBitsAreTheModelsSymbolValues(int modelId)
        {
            string path = Path.Combine(RepoLayout.Root, "tools", "sunspec", "model_" + modelId + ".json");
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
            JsonElement? evt = null;
            foreach (JsonElement point in doc.RootElement.GetProperty("group").GetProperty("points").EnumerateArray())
            {
                if (point.GetProperty("name").GetString() == "Evt")
                {
                    evt = point;
                }
            }

            Assert.True(evt.HasValue, "model " + modelId + " has no Evt point");
            Assert.Equal("bitfield32", evt.Value.GetProperty("type").GetString());
            Assert.Equal(SunSpecAlarmEvents.PowerFailureBit, Symbol(evt.Value, "Power_Failure"));
            Assert.Equal(SunSpecAlarmEvents.UnderVoltageBit, Symbol(evt.Value, "Under_Voltage"));
            Assert.Equal(SunSpecAlarmEvents.LowPfBit, Symbol(evt.Value, "Low_PF"));
            Assert.Equal(SunSpecAlarmEvents.OverCurrentBit, Symbol(evt.Value, "Over_Current"));
            Assert.Equal(SunSpecAlarmEvents.OverVoltageBit, Symbol(evt.Value, "Over_Voltage"));
            Assert.Equal(7, Symbol(evt.Value, "Missing_Sensor"));
            for (int k = 0; k < SunSpecAlarmEvents.OemConditions.Length; k++)
            {
                Assert.Equal(SunSpecAlarmEvents.FirstOemBit + k, Symbol(evt.Value, "OEM" + (k + 1).ToString("00")));
            }
        }

        /// <summary>Value of the symbol named suffix (201 spells "Power_Failure", 203 "M_EVENT_Power_Failure").</summary>
        private static int Symbol(JsonElement evt, string suffix)
        {
            foreach (JsonElement symbol in evt.GetProperty("symbols").EnumerateArray())
            {
                string name = symbol.GetProperty("name").GetString();
                if (name == suffix || name == "M_EVENT_" + suffix)
                {
                    return symbol.GetProperty("value").GetInt32();
                }
            }

            Assert.Fail("no Evt symbol " + suffix);
            return -1;
        }
    }
}
