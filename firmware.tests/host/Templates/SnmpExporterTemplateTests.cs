using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ipenergy.Probe.Tests.Snmp;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Templates
{
    /// <summary>
    /// tools/templates/prometheus/generator.yml and snmp.yml: prometheus-snmp-generator turns our MIB into
    /// exactly the committed snmp.yml, and prometheus-snmp-exporter with that file reads a virtual e-Probe's
    /// phases, channels and circuits with their labels, values matching /api/v1/measurements.
    /// </summary>
    [Collection(PrometheusTemplateCollection.Name)]
    public class SnmpExporterTemplateTests
    {
        private static readonly Regex Sample = new Regex(@"^(?<name>[A-Za-z_:][A-Za-z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)$");
        private static readonly Regex Label = new Regex("(?<k>[A-Za-z_][A-Za-z0-9_]*)=\"(?<v>(?:[^\"\\\\]|\\\\.)*)\"");

        private readonly PrometheusTemplatePeers _peers;
        private readonly ITestOutputHelper _out;

        public SnmpExporterTemplateTests(PrometheusTemplatePeers peers, ITestOutputHelper output)
        {
            _peers = peers;
            _out = output;
        }

        /// <summary>The YAML without full-line comments and with runs of white space made one space.</summary>
        private static string Normalized(string yaml)
        {
            IEnumerable<string> lines = yaml.Split('\n').Where(l => !l.TrimStart().StartsWith("#", StringComparison.Ordinal));
            return Regex.Replace(string.Join("\n", lines), @"\s+", " ").Trim();
        }

        [Fact]
        public void GeneratorMakesTheCommittedSnmpYmlFromOurMib()
        {
            string shared = SharedMibs.Directory;
            if (shared == null)
            {
                SharedMibs.ReportAbsent(_out, "prometheus-snmp-generator generate of tools/templates/prometheus/generator.yml against the committed snmp.yml");
                return;
            }

            string exe = PeerProcess.Require("prometheus-snmp-generator", "prometheus-snmp-exporter");
            string dir = Directory.CreateTempSubdirectory("eprobe-snmp-generator").FullName;
            try
            {
                File.Copy(Path.Combine(PrometheusTemplatePeers.PrometheusDirectory, "generator.yml"), Path.Combine(dir, "generator.yml"));
                var environment = new Dictionary<string, string>
                {
                    ["MIBDIRS"] = SharedMibs.ProjectDirectory + ":" + shared,
                    ["MIBS"] = string.Empty,
                    ["HOME"] = dir,
                };
                var start = PeerProcess.StartInfo(exe, environment, "--fail-on-parse-errors", "generate", "-o", Path.Combine(dir, "snmp.yml"));
                start.WorkingDirectory = dir;
                PeerProcess.Result r = PeerProcess.Run(start, 60000);
                _out.WriteLine(r.ToString());
                Assert.True(r.ExitCode == 0, r.ToString());
                Assert.Matches(@"Generated metrics.*module=eprobe metrics=\d+", r.Stderr + r.Stdout);

                string generated = File.ReadAllText(Path.Combine(dir, "snmp.yml"));
                string committed = File.ReadAllText(Path.Combine(PrometheusTemplatePeers.PrometheusDirectory, "snmp.yml"));
                Assert.StartsWith("# snmp_exporter 0.21 configuration", committed);
                Assert.Contains("regenerate-snmp.sh", committed.Substring(0, 400));
                Assert.True(Normalized(generated) == Normalized(committed),
                    "tools/templates/prometheus/snmp.yml differs from what prometheus-snmp-generator makes of generator.yml: run tools/templates/prometheus/regenerate-snmp.sh");

                // Every table the generator.yml names is walked (an OID prefix of our MIB in the generated walk list).
                foreach (string oid in new[] { "1.3.6.1.4.1.32473.1.1.1", "1.3.6.1.4.1.32473.1.1.2", "1.3.6.1.4.1.32473.1.1.3", "1.3.6.1.4.1.32473.1.1.4", "1.3.6.1.4.1.32473.1.1.7", "1.3.6.1.4.1.32473.1.1.8", "1.3.6.1.4.1.32473.1.1.9", "1.3.6.1.4.1.32473.1.1.10", "1.3.6.1.4.1.32473.1.1.11" })
                {
                    Assert.Contains("  - " + oid + "\n", generated);
                }
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        private sealed class Series
        {
            public string Name;
            public Dictionary<string, string> Labels;
            public double Value;
            public string Line;
        }

        private static List<Series> Parse(string exposition)
        {
            var all = new List<Series>();
            foreach (string raw in exposition.Split('\n'))
            {
                string line = raw.Trim();
                if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal))
                {
                    continue;
                }

                Match m = Sample.Match(line);
                Assert.True(m.Success, "not a sample line: " + line);
                all.Add(new Series
                {
                    Name = m.Groups["name"].Value,
                    Labels = Label.Matches(m.Groups["labels"].Value).ToDictionary(l => l.Groups["k"].Value, l => l.Groups["v"].Value),
                    Value = double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture),
                    Line = line,
                });
            }

            return all;
        }

        private static Series One(List<Series> all, string name, string label, string value)
        {
            List<Series> found = all.Where(s => s.Name == name && s.Labels.TryGetValue(label, out string v) && v == value).ToList();
            Assert.True(found.Count == 1, found.Count + " series " + name + "{" + label + "=\"" + value + "\"}");
            return found[0];
        }

        [Fact]
        public void ExporterWithTheCommittedSnmpYmlReadsTheVirtualProbe()
        {
            JsonElement before = _peers.Probe.MeasurementsAfter(0);
            string text = _peers.ScrapeExporter();
            JsonElement after = _peers.Probe.MeasurementsAfter(0);
            List<Series> all = Parse(text);
            Assert.True(all.Count > 100, "exporter answered " + all.Count + " series:\n" + text + "\n" + _peers.ExporterLog);

            // Identity and scrape health.
            Assert.Equal("MPP18", One(all, "eprobeModel", "eprobeModel", "MPP18").Labels["eprobeModel"]);
            Assert.Equal(18, (int)all.Single(s => s.Name == "eprobeChannelCount").Value);
            Assert.Equal(3, (int)all.Single(s => s.Name == "eprobeCircuitCount").Value);

            // Phases: voltage in 0.1 V against the API (read just before and just after the scrape).
            for (int i = 0; i < 3; i++)
            {
                string name = before.GetProperty("phases")[i].GetProperty("phase").GetString();
                Series v = One(all, "eprobePhaseVoltage", "eprobePhaseName", name);
                Assert.Equal((i + 1).ToString(CultureInfo.InvariantCulture), v.Labels["eprobePhaseIndex"]);
                _out.WriteLine(v.Line);
                Within(v.Value / 10, 0.1, before.GetProperty("phases")[i].GetProperty("vrms").GetDouble(), after.GetProperty("phases")[i].GetProperty("vrms").GetDouble(), name + " voltage");
                Series thd = One(all, "eprobePhaseThd", "eprobePhaseName", name);
                Assert.InRange(thd.Value, 19, 21); // the room's 2 % 5th harmonic on every phase, in 0.1 %
                Assert.InRange(One(all, "eprobePhaseFrequency", "eprobePhaseName", name).Value, 4999, 5001); // 50 Hz in 0.01 Hz
            }

            // Channels: current in mA with the configured label and customer as labels.
            for (int channel = 1; channel <= 18; channel++)
            {
                Series c = One(all, "eprobeChannelCurrent", "eprobeChannelIndex", channel.ToString(CultureInfo.InvariantCulture));
                if (channel <= 3)
                {
                    _out.WriteLine(c.Line);
                }

                double irms0 = before.GetProperty("channels")[channel - 1].GetProperty("irms").GetDouble();
                double irms1 = after.GetProperty("channels")[channel - 1].GetProperty("irms").GetDouble();
                Within(c.Value / 1000, 0.001, irms0, irms1, "channel " + channel + " current");
                Series p = One(all, "eprobeChannelActivePower", "eprobeChannelIndex", channel.ToString(CultureInfo.InvariantCulture));
                Within(p.Value, 1, before.GetProperty("channels")[channel - 1].GetProperty("activePowerW").GetDouble(), after.GetProperty("channels")[channel - 1].GetProperty("activePowerW").GetDouble(), "channel " + channel + " power");
            }

            Series one = One(all, "eprobeChannelCurrent", "eprobeChannelIndex", "1");
            Assert.Equal("rack A1 feed A", one.Labels["eprobeChannelLabel"]);
            Assert.Equal("ACME", one.Labels["eprobeChannelCustomer"]);
            Assert.Equal("rack A1 feed B", One(all, "eprobeChannelCurrent", "eprobeChannelIndex", "2").Labels["eprobeChannelLabel"]);
            Assert.Equal(string.Empty, One(all, "eprobeChannelCurrent", "eprobeChannelIndex", "3").Labels["eprobeChannelLabel"]);
            Assert.Equal("l3", One(all, "eprobeChannelPhase_info", "eprobeChannelIndex", "3").Labels["eprobeChannelPhase"]);

            // Circuits by name: PDU-7 (channel 7 alone) at its current over a 15 A breaker, in 0.1 %.
            Series load = One(all, "eprobeCircuitLoad", "eprobeCircuitName", "PDU-7");
            _out.WriteLine(load.Line);
            double i7a = before.GetProperty("channels")[6].GetProperty("irms").GetDouble();
            double i7b = after.GetProperty("channels")[6].GetProperty("irms").GetDouble();
            Within(load.Value / 10, 0.1, i7a * 100 / 15, i7b * 100 / 15, "PDU-7 load %");
            Assert.Equal("Globex", One(all, "eprobeCircuitActivePower", "eprobeCircuitName", "IT").Labels["eprobeCircuitCustomer"]);
            Assert.Equal(15, One(all, "eprobeCircuitBreakerRating", "eprobeCircuitName", "PDU-7").Value);

            // Lookup-only columns are labels, not series; the bus role is an enum info series.
            Assert.DoesNotContain(all, s => s.Name == "eprobeChannelLabel" || s.Name == "eprobeCircuitName" || s.Name == "eprobePhaseName");
            Assert.Equal("standalone", all.Single(s => s.Name == "eprobeBusRole_info").Labels["eprobeBusRole"]);
            Assert.Contains(all, s => s.Name == "snmp_scrape_pdus_returned" && s.Value > 100);
        }

        /// <summary>
        /// The SNMP value (integer at the MIB's resolution) lies within one resolution step of the API's values
        /// read just before and just after it, plus 0.1 % for the seconds in between (the ADC noise moves the
        /// last digits from one second to the next).
        /// </summary>
        private static void Within(double snmp, double resolution, double apiBefore, double apiAfter, string what)
        {
            double slack = resolution + 0.001 * Math.Max(Math.Abs(apiBefore), Math.Abs(apiAfter));
            double low = Math.Min(apiBefore, apiAfter) - slack;
            double high = Math.Max(apiBefore, apiAfter) + slack;
            Assert.True(snmp >= low && snmp <= high, what + ": SNMP " + snmp + " outside the API's [" + apiBefore + ", " + apiAfter + "] +/- " + slack);
        }
    }
}
