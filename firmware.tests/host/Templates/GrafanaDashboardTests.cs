using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Templates
{
    /// <summary>
    /// tools/templates/grafana/eprobe-dashboard.json: a well-formed dashboard whose every PromQL expression
    /// names only metrics the virtual e-Probe's /metrics or the SNMP exporter really serve, and returns data
    /// from a real prometheus scraping the virtual e-Probe with the shipped configuration.
    /// </summary>
    [Collection(PrometheusTemplateCollection.Name)]
    public class GrafanaDashboardTests
    {
        private static readonly string[] PromqlWords =
        {
            "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "offset", "bool",
            "inf", "nan",
        };

        private readonly PrometheusTemplatePeers _peers;
        private readonly ITestOutputHelper _out;

        public GrafanaDashboardTests(PrometheusTemplatePeers peers, ITestOutputHelper output)
        {
            _peers = peers;
            _out = output;
        }

        private static JsonElement Dashboard()
        {
            string path = Path.Combine(PrometheusTemplatePeers.TemplatesDirectory, "grafana", "eprobe-dashboard.json");
            return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
        }

        private static IEnumerable<JsonElement> Panels(JsonElement dashboard)
        {
            foreach (JsonElement p in dashboard.GetProperty("panels").EnumerateArray())
            {
                yield return p;
                if (p.TryGetProperty("panels", out JsonElement inner))
                {
                    foreach (JsonElement q in inner.EnumerateArray())
                    {
                        yield return q;
                    }
                }
            }
        }

        /// <summary>(panel title, expression) of every query of every panel.</summary>
        private static List<(string Title, string Expr)> Expressions(JsonElement dashboard)
        {
            var all = new List<(string, string)>();
            foreach (JsonElement p in Panels(dashboard))
            {
                if (p.TryGetProperty("targets", out JsonElement targets))
                {
                    foreach (JsonElement t in targets.EnumerateArray())
                    {
                        all.Add((p.GetProperty("title").GetString(), t.GetProperty("expr").GetString()));
                    }
                }
            }

            return all;
        }

        /// <summary>The dashboard's variables replaced by the test's values (the probe and its job).</summary>
        private static string Substitute(string expr)
        {
            return expr.Replace("$instance", PrometheusTemplatePeers.Instance).Replace("$job", "eprobe");
        }

        /// <summary>
        /// Metric names of a PromQL expression: identifiers left once strings, label matchers, ranges,
        /// grouping clauses and function calls are taken out.
        /// </summary>
        public static HashSet<string> MetricNamesOf(string expr)
        {
            string s = Regex.Replace(expr, "\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
            s = Regex.Replace(s, @"\{[^}]*\}", " ");
            s = Regex.Replace(s, @"\[[^\]]*\]", " ");
            s = Regex.Replace(s, @"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ");
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match m in Regex.Matches(s, @"(?<![\w.])[A-Za-z_:][A-Za-z0-9_:]*(?![\w(])(?!\s*\()"))
            {
                if (!PromqlWords.Contains(m.Value.ToLowerInvariant()))
                {
                    names.Add(m.Value);
                }
            }

            return names;
        }

        [Fact]
        public void MetricNameExtractionSeesEveryMetricAndNoFunction()
        {
            Assert.Equal(new[] { "a_total", "b_watts" }, MetricNamesOf("sum by (phase) (increase(a_total{x=\"y\",circuit=~\"$it\"}[1d])) / on(instance) group_left(z) b_watts").OrderBy(n => n));
            Assert.Equal(new[] { "eprobe_up" }, MetricNamesOf("eprobe_up == 0 and bool 1e3"));
        }

        [Fact]
        public void DashboardIsGrafanaJsonWithADatasourceVariableAndAnInstanceVariable()
        {
            JsonElement d = Dashboard();
            Assert.True(d.GetProperty("schemaVersion").GetInt32() >= 36, "schemaVersion " + d.GetProperty("schemaVersion"));
            Assert.False(string.IsNullOrEmpty(d.GetProperty("uid").GetString()));
            List<JsonElement> vars = d.GetProperty("templating").GetProperty("list").EnumerateArray().ToList();
            JsonElement ds = vars.Single(v => v.GetProperty("name").GetString() == "DS_PROMETHEUS");
            Assert.Equal("datasource", ds.GetProperty("type").GetString());
            Assert.Equal("prometheus", ds.GetProperty("query").GetString());
            JsonElement instance = vars.Single(v => v.GetProperty("name").GetString() == "instance");
            Assert.Equal("query", instance.GetProperty("type").GetString());
            Assert.Contains("label_values(eprobe_info", instance.GetProperty("definition").GetString());

            var ids = new HashSet<int>();
            int queries = 0;
            foreach (JsonElement p in Panels(d))
            {
                Assert.True(ids.Add(p.GetProperty("id").GetInt32()), "panel id " + p.GetProperty("id") + " twice");
                JsonElement grid = p.GetProperty("gridPos");
                Assert.True(grid.GetProperty("x").GetInt32() + grid.GetProperty("w").GetInt32() <= 24, "panel " + p.GetProperty("title") + " wider than the grid");
                if (p.GetProperty("type").GetString() == "row")
                {
                    continue;
                }

                Assert.Equal("${DS_PROMETHEUS}", p.GetProperty("datasource").GetProperty("uid").GetString());
                foreach (JsonElement t in p.GetProperty("targets").EnumerateArray())
                {
                    queries++;
                    Assert.Equal("${DS_PROMETHEUS}", t.GetProperty("datasource").GetProperty("uid").GetString());
                    Assert.Contains("instance=\"$instance\"", t.GetProperty("expr").GetString());
                }
            }

            string[] titles = Panels(d).Select(p => p.GetProperty("title").GetString()).ToArray();
            foreach (string title in new[] { "Phase voltage", "Phase current", "Voltage THD", "Frequency", "Circuit load (% of breaker)", "Channel active power", "Energy per day", "PUE now" })
            {
                Assert.Contains(title, titles);
            }

            _out.WriteLine(titles.Length + " panels, " + queries + " queries");
        }

        [Fact]
        public void EveryDashboardMetricIsServedByTheProbeOrTheExporter()
        {
            HashSet<string> served = PrometheusTemplatePeers.MetricNames(PrometheusTemplatePeers.Get(_peers.Probe.HttpUrl + "/metrics"));
            int fromProbe = served.Count;
            served.UnionWith(PrometheusTemplatePeers.MetricNames(_peers.ScrapeExporter()));
            Assert.True(fromProbe > 20 && served.Count > fromProbe + 50, "probe " + fromProbe + " names, with the exporter " + served.Count);

            JsonElement d = Dashboard();
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (title, expr) in Expressions(d))
            {
                used.UnionWith(MetricNamesOf(expr));
            }

            foreach (JsonElement v in d.GetProperty("templating").GetProperty("list").EnumerateArray())
            {
                if (v.GetProperty("type").GetString() == "query")
                {
                    Match m = Regex.Match(v.GetProperty("definition").GetString(), @"label_values\((?<q>.*),\s*\w+\)$");
                    Assert.True(m.Success, "variable " + v.GetProperty("name") + ": " + v.GetProperty("definition"));
                    used.UnionWith(MetricNamesOf(m.Groups["q"].Value));
                }
            }

            _out.WriteLine("dashboard metrics: " + string.Join(", ", used.OrderBy(n => n)));
            Assert.True(used.Count >= 10, "only " + used.Count + " metric names found in the dashboard");
            string[] missing = used.Where(n => !served.Contains(n)).OrderBy(n => n).ToArray();
            Assert.True(missing.Length == 0, "the dashboard uses metrics neither /metrics nor the exporter serve: " + string.Join(", ", missing));
        }

        [Fact]
        public void EveryDashboardQueryReturnsDataFromPrometheus()
        {
            JsonElement d = Dashboard();
            var empty = new List<string>();
            foreach (var (title, expr) in Expressions(d))
            {
                string query = Substitute(expr);
                Assert.DoesNotContain("$", query);

                // increase() over 1 d / 30 d needs two samples of the counter: the first seconds may be empty.
                JsonElement result = _peers.QueryUntilData(query, 20);
                if (result.GetArrayLength() == 0)
                {
                    empty.Add(title + ": " + query);
                    continue;
                }

                JsonElement first = result[0];
                _out.WriteLine(title + " | " + query + " -> " + result.GetArrayLength() + " series, e.g. " + first.GetProperty("metric").GetRawText() + " " + first.GetProperty("value")[1].GetString());
            }

            Assert.True(empty.Count == 0, "dashboard queries without data:\n" + string.Join("\n", empty) + "\n" + _peers.PrometheusLog);

            // The variables resolve to the probe and its circuits.
            JsonElement instances = _peers.Query("group by (instance) (eprobe_info{job=\"eprobe\"})");
            Assert.Contains(instances.EnumerateArray(), s => s.GetProperty("metric").GetProperty("instance").GetString() == PrometheusTemplatePeers.Instance);
            string[] circuits = _peers.Query("group by (circuit) (eprobe_circuit_active_power_watts{instance=\"" + PrometheusTemplatePeers.Instance + "\"})")
                .EnumerateArray().Select(s => s.GetProperty("metric").GetProperty("circuit").GetString()).OrderBy(c => c).ToArray();
            Assert.Equal(new[] { "Facility", "IT", "PDU-7" }, circuits);

            // PUE now, through prometheus, is what the probe's own /api/v1/pue says.
            string pueExpr = Expressions(d).First(e => e.Title == "PUE now").Expr;
            double pue = double.Parse(_peers.Query(Substitute(pueExpr))[0].GetProperty("value")[1].GetString(), System.Globalization.CultureInfo.InvariantCulture);
            JsonElement own = JsonDocument.Parse(PrometheusTemplatePeers.Get(_peers.Probe.HttpUrl + "/api/v1/pue")).RootElement;
            double ownPue = own.GetProperty("pue").GetDouble();
            _out.WriteLine("PUE: dashboard " + pue + ", probe /api/v1/pue " + ownPue);
            Assert.True(Math.Abs(pue - ownPue) < 0.02 * ownPue, "dashboard PUE " + pue + " vs the probe's " + ownPue);
        }
    }
}
