using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ipenergy.Probe.Cli
{
    /// <summary>
    /// Tolerant access to a probe's JSON for the read, watch and alarms commands: a missing field or a null
    /// (the probe writes null for a value it could not measure) reads as "" / null, never as 0.
    /// </summary>
    public static class ReadJson
    {
        public static string Text(JsonNode node, string name)
        {
            JsonNode value = node is JsonObject o ? o[name] : null;
            if (value == null)
            {
                return "";
            }

            return value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        }

        public static double? Number(JsonNode node, string name)
        {
            JsonNode value = node is JsonObject o ? o[name] : null;
            if (value == null || value.GetValueKind() != JsonValueKind.Number)
            {
                return null;
            }

            return value.GetValue<double>();
        }

        public static int Integer(JsonNode node, string name, int fallback)
        {
            double? value = Number(node, name);
            return value.HasValue ? (int)value.Value : fallback;
        }

        /// <summary>A number as the probe wrote it ("230.05", its decimals kept), a boolean as true/false, "" for null.</summary>
        public static string Raw(JsonNode node, string name)
        {
            return Text(node, name);
        }

        /// <summary>A number for a table: fixed decimals, scaled (e.g. 0.001 for W to kW), "-" when absent.</summary>
        public static string Format(double? value, int decimals)
        {
            return value.HasValue ? value.Value.ToString("F" + decimals, CultureInfo.InvariantCulture) : "-";
        }
    }
}
