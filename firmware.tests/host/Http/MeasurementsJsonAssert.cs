using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Protocols.Http;
using Xunit;

namespace Ipenergy.Probe.Tests.Http
{
    /// <summary>Checks a /api/v1/measurements body against the snapshot it came from, field by field, with System.Text.Json.</summary>
    public static class MeasurementsJsonAssert
    {
        private static readonly string[] TopFields =
        {
            "timestamp", "sequence", "clockSynchronized", "frequencyHz", "voltageUnbalancePercent", "phases", "channels", "circuits",
        };

        /// <summary>GET /api/v1/modules/{address}/measurements: the module's state instead of the gateway's clock state.</summary>
        public static readonly string[] ModuleTopFields =
        {
            "timestamp", "sequence", "address", "status", "ageS", "frequencyHz", "voltageUnbalancePercent", "phases", "channels", "circuits",
        };

        private static readonly string[] PhaseFields =
        {
            "phase", "vrms", "fundamentalVrms", "frequencyHz", "thdPercent", "angleDeg", "present",
        };

        private static readonly string[] ChannelFields =
        {
            "channel", "phase", "irms", "fundamentalIrms", "thdPercent", "activePowerW", "reactivePowerVar",
            "apparentPowerVA", "powerFactor", "cosPhi", "loadPercentOfCt", "importEnergyWh", "exportEnergyWh",
            "importReactiveVarh", "exportReactiveVarh",
        };

        private static readonly string[] CircuitFields =
        {
            "name", "phases", "breakerRatedA", "maxIrms", "loadPercent", "activePowerW", "reactivePowerVar",
            "apparentPowerVA", "powerFactor", "currentUnbalancePercent", "neutralCurrentA", "importEnergyWh", "exportEnergyWh",
        };

        public static void Matches(MeasurementSnapshot s, string body)
        {
            Matches(s, body, TopFields);
        }

        /// <summary>The document with these top-level fields in this order (e.g. <see cref="ModuleTopFields"/>).</summary>
        public static void Matches(MeasurementSnapshot s, string body, string[] topFields)
        {
            using JsonDocument doc = JsonDocument.Parse(body);
            JsonElement root = doc.RootElement;
            Fields(root, topFields, "top level");
            Assert.Equal(s.Timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), root.GetProperty("timestamp").GetString());
            Assert.Equal(s.Sequence, root.GetProperty("sequence").GetInt64());
            Number(root, "frequencyHz", s.FrequencyHz, MeasurementsJson.FrequencyDecimals);
            Number(root, "voltageUnbalancePercent", s.VoltageUnbalancePercent, MeasurementsJson.PercentDecimals);

            JsonElement[] phases = root.GetProperty("phases").EnumerateArray().ToArray();
            Assert.Equal(s.Phases.Length, phases.Length);
            for (int i = 0; i < phases.Length; i++)
            {
                PhaseValues p = s.Phases[i];
                JsonElement e = phases[i];
                Fields(e, PhaseFields, "phase " + i);
                Assert.Equal(PhaseNames.Name(p.Phase), e.GetProperty("phase").GetString());
                Number(e, "vrms", p.Vrms, MeasurementsJson.VoltDecimals);
                Number(e, "fundamentalVrms", p.FundamentalVrms, MeasurementsJson.VoltDecimals);
                Number(e, "frequencyHz", p.FrequencyHz, MeasurementsJson.FrequencyDecimals);
                Number(e, "thdPercent", p.ThdPercent, MeasurementsJson.PercentDecimals);
                Number(e, "angleDeg", p.AngleDeg, MeasurementsJson.AngleDecimals);
                Assert.Equal(p.Present, e.GetProperty("present").GetBoolean());
            }

            JsonElement[] channels = root.GetProperty("channels").EnumerateArray().ToArray();
            Assert.Equal(s.Channels.Length, channels.Length);
            for (int i = 0; i < channels.Length; i++)
            {
                ChannelValues c = s.Channels[i];
                JsonElement e = channels[i];
                Fields(e, ChannelFields, "channel " + (i + 1));
                Assert.Equal(c.Channel, e.GetProperty("channel").GetInt32());
                Assert.Equal(i + 1, c.Channel);
                Assert.Equal(PhaseNames.Name(c.Phase), e.GetProperty("phase").GetString());
                Number(e, "irms", c.Irms, MeasurementsJson.AmpereDecimals);
                Number(e, "fundamentalIrms", c.FundamentalIrms, MeasurementsJson.AmpereDecimals);
                Number(e, "thdPercent", c.ThdPercent, MeasurementsJson.PercentDecimals);
                Number(e, "activePowerW", c.ActivePowerW, MeasurementsJson.PowerDecimals);
                Number(e, "reactivePowerVar", c.ReactivePowerVar, MeasurementsJson.PowerDecimals);
                Number(e, "apparentPowerVA", c.ApparentPowerVA, MeasurementsJson.PowerDecimals);
                Number(e, "powerFactor", c.PowerFactor, MeasurementsJson.PowerFactorDecimals);
                Number(e, "cosPhi", c.CosPhi, MeasurementsJson.PowerFactorDecimals);
                Number(e, "loadPercentOfCt", c.LoadPercentOfCt, MeasurementsJson.PercentDecimals);
                Energy(e, "importEnergyWh", c.ImportEnergyMilliWh);
                Energy(e, "exportEnergyWh", c.ExportEnergyMilliWh);
                Energy(e, "importReactiveVarh", c.ImportReactiveMilliVarh);
                Energy(e, "exportReactiveVarh", c.ExportReactiveMilliVarh);
            }

            JsonElement[] circuits = root.GetProperty("circuits").EnumerateArray().ToArray();
            Assert.Equal(s.Circuits.Length, circuits.Length);
            for (int i = 0; i < circuits.Length; i++)
            {
                CircuitValues c = s.Circuits[i];
                JsonElement e = circuits[i];
                Fields(e, CircuitFields, "circuit " + i);
                Assert.Equal(c.Name, e.GetProperty("name").GetString());
                Assert.Equal(c.PhaseCount, e.GetProperty("phases").GetInt32());
                Number(e, "breakerRatedA", c.BreakerRatedAmps, MeasurementsJson.AmpereDecimals);
                Number(e, "maxIrms", c.MaxIrms, MeasurementsJson.AmpereDecimals);
                Number(e, "loadPercent", c.LoadPercent, MeasurementsJson.PercentDecimals);
                Number(e, "activePowerW", c.ActivePowerW, MeasurementsJson.PowerDecimals);
                Number(e, "reactivePowerVar", c.ReactivePowerVar, MeasurementsJson.PowerDecimals);
                Number(e, "apparentPowerVA", c.ApparentPowerVA, MeasurementsJson.PowerDecimals);
                Number(e, "powerFactor", c.PowerFactor, MeasurementsJson.PowerFactorDecimals);
                Number(e, "currentUnbalancePercent", c.CurrentUnbalancePercent, MeasurementsJson.PercentDecimals);
                Number(e, "neutralCurrentA", c.NeutralCurrentA, MeasurementsJson.AmpereDecimals);
                Energy(e, "importEnergyWh", c.ImportEnergyMilliWh);
                Energy(e, "exportEnergyWh", c.ExportEnergyMilliWh);
            }
        }

        private static void Fields(JsonElement e, string[] expected, string where)
        {
            Assert.Equal(JsonValueKind.Object, e.ValueKind);
            Assert.Equal(expected, e.EnumerateObject().Select(p => p.Name).ToArray());
        }

        // The value is the snapshot's, rounded to the quantity's decimals, written with exactly that many; NaN is null.
        private static void Number(JsonElement parent, string name, double expected, int decimals)
        {
            JsonElement e = parent.GetProperty(name);
            if (double.IsNaN(expected) || double.IsInfinity(expected))
            {
                Assert.Equal(JsonValueKind.Null, e.ValueKind);
                return;
            }

            Assert.Equal(JsonValueKind.Number, e.ValueKind);
            string raw = e.GetRawText();
            int point = raw.IndexOf('.');
            Assert.True(point > 0 && raw.Length - point - 1 == decimals, name + " = " + raw + ": expected " + decimals + " decimals");
            double actual = e.GetDouble();
            double halfUnit = 0.5 * Math.Pow(10, -decimals);
            Assert.True(
                Math.Abs(actual - expected) <= halfUnit * (1 + 1e-9),
                name + " = " + raw + " is not " + expected.ToString("R", CultureInfo.InvariantCulture) + " rounded to " + decimals + " decimals");
            Assert.Equal(Math.Round(expected, decimals, MidpointRounding.AwayFromZero), actual, Math.Pow(10, -decimals - 6));
        }

        // Energies are exact: milli-units as units with three decimals.
        private static void Energy(JsonElement parent, string name, long milli)
        {
            JsonElement e = parent.GetProperty(name);
            Assert.Equal(JsonValueKind.Number, e.ValueKind);
            Assert.Equal((milli / 1000m).ToString("0.000", CultureInfo.InvariantCulture), e.GetRawText());
        }
    }
}
