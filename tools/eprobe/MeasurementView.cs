using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ipenergy.Probe.Cli
{
    /// <summary>
    /// Prints the readings of `read` and `watch` as a table (rounded, kW), JSON (one object per probe, the
    /// probe's own objects and numbers as it sent them) or CSV (one row per probe and item, numbers as the probe
    /// sent them, with a dot, units in the header). A failed probe is a row with its error in the table, an
    /// {"ok":false,"error"} object in JSON, and absent from CSV (its error goes to stderr).
    /// </summary>
    public static class MeasurementView
    {
        private static readonly Column[] PhaseColumns =
        {
            new Column("PHASE", "phase", "phase"),
            new Column("V", "vrms_V", "vrms", 1),
            new Column("V FUND", "fundamentalVrms_V", "fundamentalVrms", 1),
            new Column("THD %", "thd_percent", "thdPercent", 1),
            new Column("ANGLE", "angle_deg", "angleDeg", 1),
            new Column("HZ", "frequency_Hz", "frequencyHz", 2),
            new Column("P kW", "activePower_W", (r, item) => r.PhaseActivePowerW(ReadJson.Text(item, "phase")), 2, 0.001, 1),
            new Column("PRESENT", "present", "present"),
        };

        private static readonly Column[] ChannelColumns =
        {
            new Column("CH", "channel", "channel", 0),
            new Column("PHASE", "phase", "phase"),
            new Column("I A", "irms_A", "irms", 2),
            new Column("% CT", "loadPercentOfCt_percent", "loadPercentOfCt", 1),
            new Column("P kW", "activePower_W", "activePowerW", 2, 0.001),
            new Column("Q kvar", "reactivePower_var", "reactivePowerVar", 2, 0.001),
            new Column("S kVA", "apparentPower_VA", "apparentPowerVA", 2, 0.001),
            new Column("PF", "powerFactor", "powerFactor", 3),
            new Column("THD %", "thd_percent", "thdPercent", 1),
            new Column("IMPORT kWh", "importEnergy_Wh", "importEnergyWh", 3, 0.001),
            new Column("EXPORT kWh", "exportEnergy_Wh", "exportEnergyWh", 3, 0.001),
            new Column(null, "fundamentalIrms_A", "fundamentalIrms", 3),
            new Column(null, "cosPhi", "cosPhi", 4),
            new Column(null, "importReactive_varh", "importReactiveVarh", 3),
            new Column(null, "exportReactive_varh", "exportReactiveVarh", 3),
        };

        private static readonly Column[] CircuitColumns =
        {
            new Column("CIRCUIT", "circuit", "name"),
            new Column("PHASES", "phases", "phases", 0),
            new Column("BREAKER A", "breakerRated_A", "breakerRatedA", 0),
            new Column("MAX I A", "maxIrms_A", "maxIrms", 2),
            new Column("% BREAKER", "load_percent", "loadPercent", 1),
            new Column("P kW", "activePower_W", "activePowerW", 2, 0.001),
            new Column("PF", "powerFactor", "powerFactor", 3),
            new Column("UNBAL %", "currentUnbalance_percent", "currentUnbalancePercent", 1),
            new Column("IN A", "neutralCurrent_A", "neutralCurrentA", 2),
            new Column("IMPORT kWh", "importEnergy_Wh", "importEnergyWh", 3, 0.001),
            new Column(null, "reactivePower_var", "reactivePowerVar", 1),
            new Column(null, "apparentPower_VA", "apparentPowerVA", 1),
            new Column(null, "exportEnergy_Wh", "exportEnergyWh", 3),
        };

        public static MeasurementWhat ParseWhat(string text)
        {
            switch (text ?? "summary")
            {
                case "summary": return MeasurementWhat.Summary;
                case "phases": return MeasurementWhat.Phases;
                case "channels": return MeasurementWhat.Channels;
                case "circuits": return MeasurementWhat.Circuits;
                default: throw new UsageException("--what must be summary, phases, channels or circuits, got \"" + text + "\"");
            }
        }

        public static void Write(TextWriter output, OutputFormat format, IList<ProbeOutcome> outcomes, MeasurementWhat what)
        {
            switch (format)
            {
                case OutputFormat.Json:
                    output.WriteLine(ToJson(outcomes, what).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                    break;
                case OutputFormat.Csv:
                    WriteCsv(output, outcomes, what);
                    break;
                default:
                    WriteTable(output, outcomes, what);
                    break;
            }
        }

        public static void WriteTable(TextWriter output, IList<ProbeOutcome> outcomes, MeasurementWhat what)
        {
            TableWriter table;
            if (what == MeasurementWhat.Summary)
            {
                table = new TableWriter("PROBE", "NAME", "MODEL", "SERIAL", "HZ", "L1 V", "L2 V", "L3 V", "P kW", "MAX CIRCUIT %", "ALARMS")
                    .AlignRight(4, 5, 6, 7, 8, 9, 10);
                foreach (ProbeOutcome outcome in outcomes)
                {
                    var r = outcome.Result as MeasurementReading;
                    if (r == null)
                    {
                        table.AddSpanning(outcome.Target.Name, "error: " + outcome.Error);
                        continue;
                    }

                    table.Add(outcome.Target.Name, r.Name, r.Model, r.Serial, ReadJson.Format(ReadJson.Number(r.Measurements, "frequencyHz"), 2),
                        ReadJson.Format(r.PhaseVoltage("L1"), 1), ReadJson.Format(r.PhaseVoltage("L2"), 1), ReadJson.Format(r.PhaseVoltage("L3"), 1),
                        ReadJson.Format(Scaled(r.TotalActivePowerW, 0.001), 2), ReadJson.Format(ReadJson.Number(r.MostLoadedCircuit(), "loadPercent"), 1),
                        AlarmCell(r));
                }
            }
            else
            {
                Column[] columns = ColumnsOf(what);
                var header = new List<string> { "PROBE" };
                var right = new List<int>();
                foreach (Column c in columns)
                {
                    if (c.TableHeader != null)
                    {
                        if (c.Decimals >= 0)
                        {
                            right.Add(header.Count);
                        }

                        header.Add(c.TableHeader);
                    }
                }

                table = new TableWriter(header.ToArray()).AlignRight(right.ToArray());
                foreach (ProbeOutcome outcome in outcomes)
                {
                    var r = outcome.Result as MeasurementReading;
                    if (r == null)
                    {
                        table.AddSpanning(outcome.Target.Name, "error: " + outcome.Error);
                        continue;
                    }

                    JsonArray items = ItemsOf(r, what);
                    if (items.Count == 0)
                    {
                        table.AddSpanning(outcome.Target.Name, what == MeasurementWhat.Circuits ? "(no circuit configured)" : "(none)");
                    }

                    foreach (JsonNode item in items)
                    {
                        var cells = new List<string> { outcome.Target.Name };
                        foreach (Column c in columns)
                        {
                            if (c.TableHeader != null)
                            {
                                cells.Add(c.TableCell(r, item));
                            }
                        }

                        table.Add(cells.ToArray());
                    }
                }
            }

            table.Write(output);
        }

        public static JsonArray ToJson(IList<ProbeOutcome> outcomes, MeasurementWhat what)
        {
            var array = new JsonArray();
            foreach (ProbeOutcome outcome in outcomes)
            {
                var o = new JsonObject { ["probe"] = outcome.Target.Name, ["ok"] = outcome.Ok };
                var r = outcome.Result as MeasurementReading;
                if (r == null)
                {
                    o["error"] = outcome.Error;
                    array.Add(o);
                    continue;
                }

                o["name"] = r.Name;
                o["model"] = r.Model;
                o["serial"] = r.Serial;
                o["firmware"] = r.Firmware;
                o["timestamp"] = r.Timestamp;
                o["sequence"] = Clone(r.Measurements["sequence"]);
                if (what == MeasurementWhat.Summary)
                {
                    o["frequencyHz"] = Clone(r.Measurements["frequencyHz"]);
                    var vrms = new JsonObject();
                    foreach (JsonNode p in r.Phases)
                    {
                        vrms[ReadJson.Text(p, "phase")] = Clone(p["vrms"]);
                    }

                    o["vrms"] = vrms;
                    double? total = r.TotalActivePowerW;
                    o["activePowerW"] = total.HasValue ? JsonValue.Create(Math.Round(total.Value, 1)) : null;
                    JsonNode worst = r.MostLoadedCircuit();
                    o["maxCircuit"] = worst == null ? null : JsonValue.Create(ReadJson.Text(worst, "name"));
                    o["maxCircuitLoadPercent"] = worst == null ? null : Clone(worst["loadPercent"]);
                    o["alarms"] = !r.AlarmsKnown ? null : new JsonObject
                    {
                        ["active"] = r.AlarmsActive,
                        ["warning"] = r.AlarmsWarning,
                        ["critical"] = r.AlarmsCritical,
                    };
                }
                else
                {
                    o[what.ToString().ToLowerInvariant()] = Clone(ItemsOf(r, what));
                }

                array.Add(o);
            }

            return array;
        }

        public static void WriteCsv(TextWriter output, IList<ProbeOutcome> outcomes, MeasurementWhat what)
        {
            if (what == MeasurementWhat.Summary)
            {
                CsvText.WriteRow(output, "probe", "name", "model", "serial", "firmware", "timestamp", "frequency_Hz", "vrms_L1_V", "vrms_L2_V", "vrms_L3_V",
                    "activePower_W", "maxCircuit", "maxCircuitLoad_percent", "alarmsActive", "alarmsWarning", "alarmsCritical");
                foreach (ProbeOutcome outcome in outcomes)
                {
                    var r = outcome.Result as MeasurementReading;
                    if (r == null)
                    {
                        continue;
                    }

                    JsonNode worst = r.MostLoadedCircuit();
                    double? total = r.TotalActivePowerW;
                    CsvText.WriteRow(output, outcome.Target.Name, r.Name, r.Model, r.Serial, r.Firmware, r.Timestamp, ReadJson.Raw(r.Measurements, "frequencyHz"),
                        PhaseRaw(r, "L1"), PhaseRaw(r, "L2"), PhaseRaw(r, "L3"), total.HasValue ? CsvText.Number(total.Value, 1) : "",
                        ReadJson.Text(worst, "name"), ReadJson.Raw(worst, "loadPercent"),
                        r.AlarmsKnown ? Int(r.AlarmsActive) : "", r.AlarmsKnown ? Int(r.AlarmsWarning) : "", r.AlarmsKnown ? Int(r.AlarmsCritical) : "");
                }

                return;
            }

            Column[] columns = ColumnsOf(what);
            var header = new List<string> { "probe", "name", "serial", "timestamp" };
            foreach (Column c in columns)
            {
                header.Add(c.CsvHeader);
            }

            CsvText.WriteRow(output, header.ToArray());
            foreach (ProbeOutcome outcome in outcomes)
            {
                var r = outcome.Result as MeasurementReading;
                if (r == null)
                {
                    continue;
                }

                foreach (JsonNode item in ItemsOf(r, what))
                {
                    var fields = new List<string> { outcome.Target.Name, r.Name, r.Serial, r.Timestamp };
                    foreach (Column c in columns)
                    {
                        fields.Add(c.CsvCell(r, item));
                    }

                    CsvText.WriteRow(output, fields.ToArray());
                }
            }
        }

        private static string AlarmCell(MeasurementReading r)
        {
            if (!r.AlarmsKnown)
            {
                return "-";
            }

            if (r.AlarmsActive == 0)
            {
                return "0";
            }

            return Int(r.AlarmsActive) + (r.AlarmsCritical > 0 ? " (" + Int(r.AlarmsCritical) + " critical)" : "");
        }

        private static string PhaseRaw(MeasurementReading r, string phase)
        {
            foreach (JsonNode p in r.Phases)
            {
                if (ReadJson.Text(p, "phase") == phase)
                {
                    return ReadJson.Raw(p, "vrms");
                }
            }

            return "";
        }

        private static JsonArray ItemsOf(MeasurementReading r, MeasurementWhat what)
        {
            switch (what)
            {
                case MeasurementWhat.Phases: return r.Phases;
                case MeasurementWhat.Channels: return r.Channels;
                default: return r.Circuits;
            }
        }

        private static Column[] ColumnsOf(MeasurementWhat what)
        {
            switch (what)
            {
                case MeasurementWhat.Phases: return PhaseColumns;
                case MeasurementWhat.Channels: return ChannelColumns;
                default: return CircuitColumns;
            }
        }

        private static JsonNode Clone(JsonNode node)
        {
            return node == null ? null : node.DeepClone();
        }

        private static double? Scaled(double? value, double scale)
        {
            return value.HasValue ? value.Value * scale : (double?)null;
        }

        private static string Int(int value)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>One column of an item table: the table shows it rounded and scaled, CSV as the probe sent it.</summary>
        private sealed class Column
        {
            private readonly string _field;
            private readonly Func<MeasurementReading, JsonNode, double?> _derived;
            private readonly double _scale;
            private readonly int _csvDecimals;

            /// <summary>A text field (no decimals).</summary>
            public Column(string tableHeader, string csvHeader, string field)
                : this(tableHeader, csvHeader, field, -1)
            {
            }

            /// <param name="tableHeader">null: CSV only (the table keeps to what fits a terminal).</param>
            public Column(string tableHeader, string csvHeader, string field, int decimals, double scale = 1)
            {
                TableHeader = tableHeader;
                CsvHeader = csvHeader;
                _field = field;
                Decimals = decimals;
                _scale = scale;
            }

            /// <summary>A value the probe does not send, computed from the reading (CSV with csvDecimals).</summary>
            public Column(string tableHeader, string csvHeader, Func<MeasurementReading, JsonNode, double?> derived, int decimals, double scale, int csvDecimals)
            {
                TableHeader = tableHeader;
                CsvHeader = csvHeader;
                _derived = derived;
                Decimals = decimals;
                _scale = scale;
                _csvDecimals = csvDecimals;
            }

            public string TableHeader { get; }

            public string CsvHeader { get; }

            /// <summary>Decimals in the table; -1 for a text column.</summary>
            public int Decimals { get; }

            public string TableCell(MeasurementReading r, JsonNode item)
            {
                if (Decimals < 0)
                {
                    return ReadJson.Text(item, _field);
                }

                double? value = _derived != null ? _derived(r, item) : ReadJson.Number(item, _field);
                return ReadJson.Format(Scaled(value, _scale), Decimals);
            }

            public string CsvCell(MeasurementReading r, JsonNode item)
            {
                if (_derived == null)
                {
                    return ReadJson.Raw(item, _field);
                }

                double? value = _derived(r, item);
                return value.HasValue ? CsvText.Number(value.Value, _csvDecimals) : "";
            }
        }
    }
}
