using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;
using Ipenergy.Probe.Cli;
using Xunit;

namespace Ipenergy.Probe.Tests.Cli
{
    /// <summary>
    /// The pure part of read/watch (MeasurementView) on hand-made answers: a value the probe could not measure
    /// (null) stays empty/"-", never 0; numbers keep the probe's own text in CSV; errors take the row.
    /// </summary>
    public sealed class ReadViewTests
    {
        private const string Measurements = @"{""timestamp"":""2026-01-01T00:00:00.000Z"",""sequence"":7,""frequencyHz"":50.000,
""phases"":[{""phase"":""L1"",""vrms"":230.05},{""phase"":""L2"",""vrms"":null},{""phase"":""L3"",""vrms"":229.90}],
""channels"":[{""channel"":1,""phase"":""L1"",""irms"":10.500,""activePowerW"":2000.0,""importEnergyWh"":1.250},
              {""channel"":2,""phase"":""L2"",""irms"":null,""activePowerW"":null,""importEnergyWh"":0.000}],
""circuits"":[{""name"":""A, left"",""loadPercent"":41.20},{""name"":""B"",""loadPercent"":77.75}]}";

        [Fact]
        public void NullIsEmptyInCsvAndADashInTheTableNeverZero()
        {
            List<ProbeOutcome> outcomes = Outcomes();
            var csv = new StringWriter();
            MeasurementView.WriteCsv(csv, outcomes, MeasurementWhat.Channels);
            string[] rows = csv.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(3, rows.Length); // header + 2 channels of the good probe; the failed one is left out
            Assert.StartsWith("10.0.0.1:80,Room,S1,2026-01-01T00:00:00.000Z,1,L1,10.500,", rows[1]);
            Assert.StartsWith("10.0.0.1:80,Room,S1,2026-01-01T00:00:00.000Z,2,L2,,", rows[2]);

            var table = new StringWriter();
            MeasurementView.WriteTable(table, outcomes, MeasurementWhat.Summary);
            string[] lines = table.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(3, lines.Length);
            Assert.Matches("^10\\.0\\.0\\.1:80 +Room +MPP3 +S1 +50\\.00 +230\\.1 +- +229\\.9 +2\\.00 +77\\.8 +2 \\(1 critical\\)$", lines[1]);
            Assert.Equal("10.0.0.2:80  error: timed out after 5 s", lines[2]);
        }

        [Fact]
        public void JsonKeepsTheProbesNumbersAndNamesTheMostLoadedCircuit()
        {
            JsonArray json = MeasurementView.ToJson(Outcomes(), MeasurementWhat.Summary);
            string text = json.ToJsonString();
            Assert.Contains("\"frequencyHz\":50.000", text);
            Assert.Contains("\"vrms\":{\"L1\":230.05,\"L2\":null,\"L3\":229.90}", text);
            Assert.Equal("B", json[0]["maxCircuit"].GetValue<string>());
            Assert.Equal(2000.0, json[0]["activePowerW"].GetValue<double>());
            Assert.Equal("{\"probe\":\"10.0.0.2:80\",\"ok\":false,\"error\":\"timed out after 5 s\"}", json[1].ToJsonString());

            var csv = new StringWriter();
            MeasurementView.WriteCsv(csv, Outcomes(), MeasurementWhat.Circuits);
            Assert.Contains("\r\n10.0.0.1:80,Room,S1,2026-01-01T00:00:00.000Z,\"A, left\",", csv.ToString());
        }

        [Fact]
        public void ASpanningRowLinesUpWithoutWideningTheColumns()
        {
            var table = new TableWriter("PROBE", "V").AlignRight(1);
            table.Add("10.0.0.1:80", "230.1");
            table.AddSpanning("10.0.0.22:8080", "error: unreachable (Connection refused)");
            var text = new StringWriter();
            table.Write(text);
            Assert.Equal(
                "PROBE               V" + Environment.NewLine
                + "10.0.0.1:80     230.1" + Environment.NewLine
                + "10.0.0.22:8080  error: unreachable (Connection refused)" + Environment.NewLine,
                text.ToString());
        }

        private static List<ProbeOutcome> Outcomes()
        {
            var reading = new MeasurementReading
            {
                Info = (JsonObject)JsonNode.Parse("{\"model\":\"MPP3\",\"serial\":\"S1\",\"firmware\":\"0.5.0\"}"),
                Measurements = (JsonObject)JsonNode.Parse(Measurements),
                Name = "Room",
                AlarmsKnown = true,
                AlarmsActive = 2,
                AlarmsWarning = 1,
                AlarmsCritical = 1,
            };
            return new List<ProbeOutcome>
            {
                new ProbeOutcome(ProbeTarget.Parse("10.0.0.1"), reading, null),
                new ProbeOutcome(ProbeTarget.Parse("10.0.0.2"), null, "timed out after 5 s"),
            };
        }
    }
}
