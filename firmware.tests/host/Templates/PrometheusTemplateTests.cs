using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Templates
{
    /// <summary>
    /// tools/templates/prometheus: promtool accepts prometheus.yml with its rule file and runs the rule unit
    /// tests; a real prometheus running the shipped configuration scrapes a virtual e-Probe over /metrics
    /// and through the SNMP exporter, and its alert rule agrees with the probe's own alarm.
    /// </summary>
    [Collection(PrometheusTemplateCollection.Name)]
    public class PrometheusTemplateTests
    {
        private readonly PrometheusTemplatePeers _peers;
        private readonly ITestOutputHelper _out;

        public PrometheusTemplateTests(PrometheusTemplatePeers peers, ITestOutputHelper output)
        {
            _peers = peers;
            _out = output;
        }

        private static string Dir
        {
            get { return PrometheusTemplatePeers.PrometheusDirectory; }
        }

        private static PeerProcess.Result Promtool(string workingDirectory, params string[] args)
        {
            var start = PeerProcess.StartInfo(PeerProcess.Require("promtool", "prometheus"), null, args);
            start.WorkingDirectory = workingDirectory;
            return PeerProcess.Run(start, 60000);
        }

        private static int AlertCount(string rulesFile)
        {
            return Regex.Matches(File.ReadAllText(rulesFile), @"^\s*- alert: ", RegexOptions.Multiline).Count;
        }

        [Fact]
        public void PromtoolCheckConfigAcceptsPrometheusYmlAndItsRules()
        {
            PeerProcess.Result r = Promtool(Dir, "check", "config", "prometheus.yml");
            _out.WriteLine(r.ToString());
            string all = r.Stdout + r.Stderr;
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.Contains("SUCCESS: prometheus.yml is valid prometheus config file syntax", all);
            Assert.Contains("SUCCESS: 1 rule files found", all);
            Assert.Contains("SUCCESS: " + AlertCount(Path.Combine(Dir, "eprobe-alerts.yml")) + " rules found", all);
        }

        [Fact]
        public void PromtoolCheckRulesAcceptsTheAlertsAndRefusesABrokenCopy()
        {
            PeerProcess.Result r = Promtool(Dir, "check", "rules", "eprobe-alerts.yml");
            _out.WriteLine(r.ToString());
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.Contains("SUCCESS: " + AlertCount(Path.Combine(Dir, "eprobe-alerts.yml")) + " rules found", r.Stdout + r.Stderr);

            // The check can fail: a copy with a broken expression is refused.
            string dir = Directory.CreateTempSubdirectory("eprobe-promtool-rules").FullName;
            try
            {
                string text = File.ReadAllText(Path.Combine(Dir, "eprobe-alerts.yml"));
                string broken = text.Replace("eprobe_circuit_breaker_load_ratio >= 0.80 < 0.90", "eprobe_circuit_breaker_load_ratio >= >= 0.80");
                Assert.NotEqual(text, broken);
                File.WriteAllText(Path.Combine(dir, "eprobe-alerts.yml"), broken);
                PeerProcess.Result bad = Promtool(dir, "check", "rules", "eprobe-alerts.yml");
                Assert.True(bad.ExitCode != 0, "promtool accepted a broken rule:\n" + bad);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void PromtoolRuleUnitTestsPassAndCatchAChangedThreshold()
        {
            PeerProcess.Result r = Promtool(Dir, "test", "rules", "eprobe-alerts.test.yml");
            _out.WriteLine(r.ToString());
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.Contains("SUCCESS", r.Stdout + r.Stderr);

            // The unit tests can fail: the same tests against rules whose circuit warning moved to 86 %.
            string dir = Directory.CreateTempSubdirectory("eprobe-promtool-test").FullName;
            try
            {
                string text = File.ReadAllText(Path.Combine(Dir, "eprobe-alerts.yml"));
                string moved = text.Replace("eprobe_circuit_breaker_load_ratio >= 0.80 < 0.90", "eprobe_circuit_breaker_load_ratio >= 0.86 < 0.90");
                Assert.NotEqual(text, moved);
                File.WriteAllText(Path.Combine(dir, "eprobe-alerts.yml"), moved);
                File.Copy(Path.Combine(Dir, "eprobe-alerts.test.yml"), Path.Combine(dir, "eprobe-alerts.test.yml"));
                PeerProcess.Result bad = Promtool(dir, "test", "rules", "eprobe-alerts.test.yml");
                Assert.True(bad.ExitCode != 0, "the rule unit tests passed with the warning level at 86 %:\n" + bad);
                Assert.Contains("EprobeCircuitLoadHigh", bad.Stdout + bad.Stderr);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void AlertThresholdsAreTheFirmwareDefaults()
        {
            // The levels written in the rules are those of the firmware's AlarmConfig defaults.
            var defaults = new AlarmConfig();
            string rules = File.ReadAllText(Path.Combine(Dir, "eprobe-alerts.yml"));
            void Expect(string expr, string why)
            {
                Assert.True(rules.Contains("expr: " + expr), why + ": the rules have no 'expr: " + expr + "'");
            }

            string Ratio(double percent)
            {
                return (percent / 100).ToString("0.00", CultureInfo.InvariantCulture);
            }

            var r = defaults.Rules;
            Expect("eprobe_circuit_breaker_load_ratio >= " + Ratio(r[AlarmCodes.LoadHigh].Warning) + " < " + Ratio(r[AlarmCodes.LoadHigh].Critical), "loadHigh warning");
            Expect("eprobe_circuit_breaker_load_ratio >= " + Ratio(r[AlarmCodes.LoadHigh].Critical), "loadHigh critical");
            Expect("eprobe_channel_ct_load_ratio >= " + Ratio(r[AlarmCodes.OverCurrent].Warning) + " < " + Ratio(r[AlarmCodes.OverCurrent].Critical), "overCurrent warning");
            Expect("eprobe_circuit_current_amperes <= " + r[AlarmCodes.LowLoad].Warning.ToString(CultureInfo.InvariantCulture), "lowLoad warning");
            double nominal = 230;
            string Volts(double percent)
            {
                return (nominal * percent / 100).ToString("0.###", CultureInfo.InvariantCulture);
            }

            Expect("eprobe_phase_voltage_volts <= " + Volts(r[AlarmCodes.UnderVoltage].Warning) + " > " + Volts(r[AlarmCodes.UnderVoltage].Critical), "underVoltage");
            Expect("eprobe_phase_voltage_volts >= " + Volts(r[AlarmCodes.OverVoltage].Warning) + " < " + Volts(r[AlarmCodes.OverVoltage].Critical), "overVoltage");
            Expect("eprobe_phase_voltage_volts <= " + Volts(r[AlarmCodes.PhaseLost].Critical), "phaseLost");
            Expect("(eprobe_voltage_unbalance_ratio >= " + Ratio(r[AlarmCodes.VoltageUnbalance].Warning) + " < " + Ratio(r[AlarmCodes.VoltageUnbalance].Critical) + ")", "voltageUnbalance");
            Expect("(eprobe_circuit_current_unbalance_ratio >= " + Ratio(r[AlarmCodes.CurrentUnbalance].Warning) + " < " + Ratio(r[AlarmCodes.CurrentUnbalance].Critical) + ")", "currentUnbalance");
            Expect("eprobe_circuit_neutral_current_amperes / eprobe_circuit_breaker_rated_amperes >= " + Ratio(r[AlarmCodes.NeutralCurrent].Warning) + " < " + Ratio(r[AlarmCodes.NeutralCurrent].Critical), "neutralCurrent");
            double f = 50;
            Expect("(eprobe_frequency_hertz <= " + (f - r[AlarmCodes.FrequencyLow].Warning).ToString("0.0", CultureInfo.InvariantCulture) + " > " + (f - r[AlarmCodes.FrequencyLow].Critical).ToString("0.0", CultureInfo.InvariantCulture) + ")", "frequencyLow");
            Expect("(eprobe_frequency_hertz <= 49.5 > 49.0) or (eprobe_frequency_hertz >= " + (f + r[AlarmCodes.FrequencyHigh].Warning).ToString("0.0", CultureInfo.InvariantCulture) + " < " + (f + r[AlarmCodes.FrequencyHigh].Critical).ToString("0.0", CultureInfo.InvariantCulture) + ")", "frequencyHigh");
        }

        [Fact]
        public void PrometheusWithTheShippedConfigScrapesTheVirtualProbe()
        {
            string prometheus = _peers.PrometheusUrl;

            // Both jobs up, instance = the probe's address without the port.
            var deadline = DateTime.UtcNow.AddSeconds(20);
            Dictionary<string, string> health;
            while (true)
            {
                JsonElement targets = JsonDocument.Parse(PrometheusTemplatePeers.Get(prometheus + "/api/v1/targets")).RootElement.GetProperty("data").GetProperty("activeTargets");
                health = targets.EnumerateArray().ToDictionary(
                    t => t.GetProperty("labels").GetProperty("job").GetString() + "@" + t.GetProperty("labels").GetProperty("instance").GetString(),
                    t => t.GetProperty("health").GetString() + " " + t.GetProperty("lastError").GetString());
                if ((health.Count == 2 && health.Values.All(h => h.StartsWith("up", StringComparison.Ordinal))) || DateTime.UtcNow > deadline)
                {
                    break;
                }

                Thread.Sleep(250);
            }

            _out.WriteLine(string.Join("\n", health.Select(h => h.Key + " " + h.Value)));
            Assert.True(health.TryGetValue("eprobe@" + PrometheusTemplatePeers.Instance, out string http) && http.StartsWith("up", StringComparison.Ordinal), "job eprobe: " + string.Join(", ", health) + "\n" + _peers.PrometheusLog);
            Assert.True(health.TryGetValue("eprobe-snmp@" + PrometheusTemplatePeers.Instance, out string snmp) && snmp.StartsWith("up", StringComparison.Ordinal), "job eprobe-snmp: " + string.Join(", ", health) + "\n" + _peers.PrometheusLog);

            // The phase voltages as stored by prometheus, from /metrics (V) and SNMP (0.1 V), against the JSON API.
            JsonElement viaHttp = _peers.QueryUntilData("eprobe_phase_voltage_volts{job=\"eprobe\"}", 15);
            JsonElement viaSnmp = _peers.QueryUntilData("eprobePhaseVoltage{job=\"eprobe-snmp\"} / 10", 15);
            JsonElement measured = _peers.Probe.MeasurementsAfter(0);
            foreach (JsonElement phase in measured.GetProperty("phases").EnumerateArray())
            {
                string name = phase.GetProperty("phase").GetString();
                double vrms = phase.GetProperty("vrms").GetDouble();
                double http1 = ValueOf(viaHttp, "phase", name);
                double snmp1 = ValueOf(viaSnmp, "eprobePhaseName", name);
                _out.WriteLine(name + ": API " + vrms + " V, prometheus /metrics " + http1 + " V, prometheus SNMP " + snmp1 + " V");
                Assert.True(Math.Abs(http1 - vrms) < 0.2, name + " /metrics " + http1 + " vs API " + vrms);
                Assert.True(Math.Abs(snmp1 - vrms) < 0.2, name + " SNMP " + snmp1 + " vs API " + vrms);
            }

            // PDU-7 at 85 % of its 15 A breaker: the shipped warning rule and the probe's own alarm both see it.
            JsonElement alert = default;
            deadline = DateTime.UtcNow.AddSeconds(20);
            while (alert.ValueKind == JsonValueKind.Undefined && DateTime.UtcNow < deadline)
            {
                JsonElement alerts = JsonDocument.Parse(PrometheusTemplatePeers.Get(prometheus + "/api/v1/alerts")).RootElement.GetProperty("data").GetProperty("alerts");
                foreach (JsonElement a in alerts.EnumerateArray())
                {
                    JsonElement labels = a.GetProperty("labels");
                    if (labels.GetProperty("alertname").GetString() == "EprobeCircuitLoadHigh" && labels.GetProperty("circuit").GetString() == "PDU-7")
                    {
                        alert = a;
                    }
                }

                Thread.Sleep(250);
            }

            Assert.True(alert.ValueKind == JsonValueKind.Object, "no EprobeCircuitLoadHigh alert for PDU-7 in 20 s\n" + _peers.PrometheusLog);
            _out.WriteLine("prometheus alert: " + alert.GetRawText());
            Assert.Contains(alert.GetProperty("state").GetString(), new[] { "pending", "firing" });
            Assert.Equal("warning", alert.GetProperty("labels").GetProperty("severity").GetString());
            Assert.Empty(_peers.Query("ALERTS{alertname=\"EprobeCircuitLoadCritical\"}").EnumerateArray());

            JsonElement own = _peers.QueryUntilData("eprobe_alarms_active{job=\"eprobe\",level=\"warning\"} >= 1", 20);
            Assert.True(own.GetArrayLength() == 1, "the probe's own loadHigh warning never reached prometheus");
            _out.WriteLine("probe alarms: " + PrometheusTemplatePeers.Get(_peers.Probe.HttpUrl + "/api/v1/alarms"));
        }

        private static double ValueOf(JsonElement result, string label, string value)
        {
            foreach (JsonElement series in result.EnumerateArray())
            {
                if (series.GetProperty("metric").TryGetProperty(label, out JsonElement v) && v.GetString() == value)
                {
                    return double.Parse(series.GetProperty("value")[1].GetString(), CultureInfo.InvariantCulture);
                }
            }

            Assert.Fail("no series with " + label + "=\"" + value + "\" in " + result.GetRawText());
            return double.NaN;
        }
    }
}
