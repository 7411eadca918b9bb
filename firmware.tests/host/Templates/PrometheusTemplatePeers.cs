using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using Ipenergy.Probe.Tests.CompileGate;
using Ipenergy.Probe.Tests.EndToEnd;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;

namespace Ipenergy.Probe.Tests.Templates
{
    /// <summary>The Prometheus, SNMP exporter and Grafana template tests share one set of real peers.</summary>
    [CollectionDefinition(Name)]
    public sealed class PrometheusTemplateCollection : ICollectionFixture<PrometheusTemplatePeers>
    {
        public const string Name = "Prometheus templates";
    }

    /// <summary>
    /// The real peers of the tools/templates/prometheus and grafana tests, started once on first use and
    /// stopped at the end: a virtual e-Probe (MPP18, labels and circuits PUT through its API),
    /// prometheus-snmp-exporter with the committed snmp.yml, and a prometheus running a copy of the shipped
    /// prometheus.yml (targets = the virtual e-Probe and the exporter, every interval 1 s).
    /// </summary>
    public sealed class PrometheusTemplatePeers : IDisposable
    {
        /// <summary>Channel 1 and 2 labels and customers, three circuits; PDU-7 (channel 7, 12.7 A in the
        /// default room) on a 15 A breaker runs at 85 %: over the 80 % warning, under the 90 % critical.</summary>
        public const string Config = "{\"channels\":["
            + "{\"channel\":1,\"label\":\"rack A1 feed A\",\"customer\":\"ACME\"},"
            + "{\"channel\":2,\"label\":\"rack A1 feed B\",\"customer\":\"ACME\"}],"
            + "\"circuits\":["
            + "{\"name\":\"Facility\",\"channels\":[1,2,3],\"breakerRatedA\":250,\"role\":\"facility-total\"},"
            + "{\"name\":\"IT\",\"channels\":[4,5,6],\"breakerRatedA\":125,\"role\":\"it-load\",\"customer\":\"Globex\"},"
            + "{\"name\":\"PDU-7\",\"channels\":[7],\"breakerRatedA\":15}]}";

        public const string Instance = "127.0.0.1";

        private static readonly HttpClient Http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };

        private readonly object _sync = new object();
        private readonly string _dir = Directory.CreateTempSubdirectory("eprobe-prom-templates").FullName;
        private VirtualProbe _probe;
        private Peer _exporter;
        private Peer _prometheus;

        public static string TemplatesDirectory
        {
            get { return Path.Combine(RepoLayout.Root, "tools", "templates"); }
        }

        public static string PrometheusDirectory
        {
            get { return Path.Combine(TemplatesDirectory, "prometheus"); }
        }

        /// <summary>The virtual e-Probe, configured and measuring.</summary>
        public VirtualProbe Probe
        {
            get
            {
                lock (_sync)
                {
                    if (_probe == null)
                    {
                        var probe = new VirtualProbe("--model", "MPP18", "--time-scale", "4", "--data-dir", Path.Combine(_dir, "probe"));
                        try
                        {
                            Configure(probe);
                        }
                        catch
                        {
                            probe.Dispose();
                            throw;
                        }

                        _probe = probe;
                    }

                    return _probe;
                }
            }
        }

        private static void Configure(VirtualProbe probe)
        {
            var put = new HttpRequestMessage(HttpMethod.Put, probe.HttpUrl + "/api/v1/config")
            {
                Content = new StringContent(Config, Encoding.UTF8, "application/json"),
            };
            put.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("admin:admin")));
            HttpResponseMessage answer = Http.Send(put);
            Assert.True(answer.StatusCode == HttpStatusCode.OK, "PUT config -> " + (int)answer.StatusCode + " " + answer.Content.ReadAsStringAsync().Result);
            long now = probe.MeasurementsAfter(0).GetProperty("sequence").GetInt64();
            probe.MeasurementsAtSequence(now + 2);
        }

        /// <summary>http://127.0.0.1:PORT of prometheus-snmp-exporter --config.file=tools/templates/prometheus/snmp.yml.</summary>
        public string ExporterUrl
        {
            get
            {
                lock (_sync)
                {
                    if (_exporter == null)
                    {
                        string exe = PeerProcess.Require("prometheus-snmp-exporter", "prometheus-snmp-exporter");
                        int port = FreeTcpPort();
                        _exporter = new Peer(PeerProcess.StartInfo(exe, null,
                            "--config.file=" + Path.Combine(PrometheusDirectory, "snmp.yml"),
                            "--web.listen-address=127.0.0.1:" + port), "http://127.0.0.1:" + port);
                        _exporter.WaitUntilAnswers("/", 20);
                    }

                    return _exporter.Url;
                }
            }
        }

        /// <summary>The exporter's log so far (for failure messages).</summary>
        public string ExporterLog
        {
            get { return _exporter == null ? string.Empty : _exporter.Log; }
        }

        /// <summary>http://127.0.0.1:PORT of a prometheus running the shipped prometheus.yml against the virtual e-Probe.</summary>
        public string PrometheusUrl
        {
            get
            {
                lock (_sync)
                {
                    if (_prometheus == null)
                    {
                        string exe = PeerProcess.Require("prometheus", "prometheus");
                        VirtualProbe probe = Probe;
                        string exporter = ExporterUrl;
                        string config = Path.Combine(_dir, "prometheus");
                        Directory.CreateDirectory(config);
                        File.WriteAllText(Path.Combine(config, "prometheus.yml"), TestConfig(File.ReadAllText(Path.Combine(PrometheusDirectory, "prometheus.yml")), exporter));
                        File.Copy(Path.Combine(PrometheusDirectory, "eprobe-alerts.yml"), Path.Combine(config, "eprobe-alerts.yml"));
                        File.WriteAllText(Path.Combine(config, "eprobe-targets.yml"), "- targets: ['" + new Uri(probe.HttpUrl).Authority + "']\n");
                        File.WriteAllText(Path.Combine(config, "eprobe-snmp-targets.yml"), "- targets: ['127.0.0.1:" + probe.SnmpPort + "']\n");
                        int port = FreeTcpPort();
                        ProcessStartInfo start = PeerProcess.StartInfo(exe, null,
                            "--config.file=" + Path.Combine(config, "prometheus.yml"),
                            "--storage.tsdb.path=" + Path.Combine(_dir, "tsdb"),
                            "--web.listen-address=127.0.0.1:" + port);
                        start.WorkingDirectory = config;
                        _prometheus = new Peer(start, "http://127.0.0.1:" + port);
                        _prometheus.WaitUntilAnswers("/-/ready", 30);
                    }

                    return _prometheus.Url;
                }
            }
        }

        /// <summary>The prometheus log so far (for failure messages).</summary>
        public string PrometheusLog
        {
            get { return _prometheus == null ? string.Empty : _prometheus.Log; }
        }

        /// <summary>
        /// The shipped prometheus.yml for this test: every interval and timeout 1 s and the exporter's address
        /// replaced; each replacement must have found its text (a changed template fails here, not later).
        /// </summary>
        public static string TestConfig(string shipped, string exporterUrl)
        {
            string text = shipped;
            text = Replace(text, @"scrape_interval: \d+s", "scrape_interval: 1s");
            text = Replace(text, @"scrape_timeout: \d+s", "scrape_timeout: 1s");
            text = Replace(text, @"evaluation_interval: \d+s", "evaluation_interval: 1s");
            text = Replace(text, @"127\.0\.0\.1:9116", new Uri(exporterUrl).Authority);
            return text;
        }

        private static string Replace(string text, string pattern, string replacement)
        {
            Assert.True(Regex.IsMatch(text, pattern), "the shipped prometheus.yml has no " + pattern);
            return Regex.Replace(text, pattern, replacement);
        }

        /// <summary>GET url: the body of a 200 answer, else a failed assertion.</summary>
        public static string Get(string url)
        {
            HttpResponseMessage answer = Http.GetAsync(url).Result;
            string body = answer.Content.ReadAsStringAsync().Result;
            Assert.True(answer.StatusCode == HttpStatusCode.OK, "GET " + url + " -> " + (int)answer.StatusCode + " " + body);
            return body;
        }

        /// <summary>An instant query of the prometheus: the result array (status must be success).</summary>
        public JsonElement Query(string promql)
        {
            string body = Get(PrometheusUrl + "/api/v1/query?query=" + Uri.EscapeDataString(promql));
            JsonElement root = JsonDocument.Parse(body).RootElement;
            Assert.True(root.GetProperty("status").GetString() == "success", promql + " -> " + body);
            return root.GetProperty("data").GetProperty("result");
        }

        /// <summary>Polls an instant query until it returns at least one series (or the time runs out: empty).</summary>
        public JsonElement QueryUntilData(string promql, int seconds)
        {
            var deadline = DateTime.UtcNow.AddSeconds(seconds);
            while (true)
            {
                JsonElement result = Query(promql);
                if (result.GetArrayLength() > 0 || DateTime.UtcNow > deadline)
                {
                    return result;
                }

                Thread.Sleep(250);
            }
        }

        /// <summary>Metric names of a Prometheus text exposition (the part of each sample line before '{' or ' ').</summary>
        public static HashSet<string> MetricNames(string exposition)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (string raw in exposition.Split('\n'))
            {
                string line = raw.Trim();
                if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal))
                {
                    continue;
                }

                int end = line.IndexOfAny(new[] { '{', ' ' });
                names.Add(end < 0 ? line : line.Substring(0, end));
            }

            return names;
        }

        /// <summary>The exporter's answer for the virtual e-Probe, module eprobe.</summary>
        public string ScrapeExporter()
        {
            return Get(ExporterUrl + "/snmp?target=127.0.0.1:" + Probe.SnmpPort + "&module=eprobe");
        }

        public static int FreeTcpPort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        public void Dispose()
        {
            _prometheus?.Dispose();
            _exporter?.Dispose();
            _probe?.Dispose();
            try
            {
                Directory.Delete(_dir, true);
            }
            catch (IOException)
            {
                // a file still held by a dying process: the temp folder is left behind
            }
        }

        /// <summary>A long-running peer (exporter, prometheus): output kept for messages, killed on Dispose.</summary>
        private sealed class Peer : IDisposable
        {
            private readonly Process _process;
            private readonly StringBuilder _log = new StringBuilder();

            public Peer(ProcessStartInfo start, string url)
            {
                Url = url;
                _process = new Process { StartInfo = start };
                _process.OutputDataReceived += (s, e) => Append(e.Data);
                _process.ErrorDataReceived += (s, e) => Append(e.Data);
                _process.Start();
                _process.BeginOutputReadLine();
                _process.BeginErrorReadLine();
            }

            public string Url { get; }

            public string Log
            {
                get
                {
                    lock (_log)
                    {
                        return _log.ToString();
                    }
                }
            }

            private void Append(string line)
            {
                if (line != null)
                {
                    lock (_log)
                    {
                        _log.AppendLine(line);
                    }
                }
            }

            public void WaitUntilAnswers(string path, int seconds)
            {
                var deadline = DateTime.UtcNow.AddSeconds(seconds);
                while (true)
                {
                    Assert.False(_process.HasExited, _process.StartInfo.FileName + " exited " + (_process.HasExited ? _process.ExitCode : 0) + ":\n" + Log);
                    try
                    {
                        if (Http.GetAsync(Url + path).Result.StatusCode == HttpStatusCode.OK)
                        {
                            return;
                        }
                    }
                    catch (AggregateException)
                    {
                        // not listening yet
                    }

                    Assert.True(DateTime.UtcNow < deadline, _process.StartInfo.FileName + " did not answer " + path + " in " + seconds + " s:\n" + Log);
                    Thread.Sleep(200);
                }
            }

            public void Dispose()
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(10000);
                }

                _process.Dispose();
            }
        }
    }
}
