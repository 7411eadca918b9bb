using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Ipenergy.Probe.Tests.EndToEnd;
using Xunit;

namespace Ipenergy.Probe.Tests.Cli
{
    /// <summary>
    /// Three virtual e-Probes the read, watch and alarms tests share (started once for the collection):
    /// an MPP18 on the built-in room, an MPP3 with one 3-phase circuit configured (channels 1-3, 100 A breaker),
    /// and an MPP3 whose scenario raises alarms at simulated second 40 (time-scale 10: 4 s after start):
    /// channel 1 from 50 to 125 A on a 100 A CT (overCurrent critical, >= 120 %), channel 2 from 20 to 105 A
    /// (overCurrent warning, >= 100 %).
    /// </summary>
    public sealed class ReadProbes : IDisposable
    {
        public const string Scenario = @"{ ""model"": ""MPP3"",
  ""channels"": [ { ""channel"": 1, ""phase"": ""L1"", ""ctRatedA"": 100, ""irms"": 50.0 },
                { ""channel"": 2, ""phase"": ""L2"", ""ctRatedA"": 100, ""irms"": 20.0 } ],
  ""events"": [ { ""atS"": 40, ""channel"": 1, ""irms"": 125.0 }, { ""atS"": 40, ""channel"": 2, ""irms"": 105.0 } ] }";

        private readonly string _scenarioFile;

        public ReadProbes()
        {
            _scenarioFile = Path.Combine(Path.GetTempPath(), "eprobe-read-scenario-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(_scenarioFile, Scenario);
            try
            {
                Mpp18 = new VirtualProbe("--serial", "READ-MPP18");
                Mpp3 = new VirtualProbe("--model", "MPP3", "--serial", "READ-MPP3");
                Alarmed = new VirtualProbe("--scenario", _scenarioFile, "--time-scale", "10", "--serial", "READ-SCN");
                string answer = Send(HttpMethod.Put, Mpp3, "/api/v1/config",
                    "{\"circuits\":[{\"name\":\"Rack A\",\"channels\":[1,2,3],\"breakerRatedA\":100}]}");
                Assert.Contains("Rack A", answer);
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        public VirtualProbe Mpp18 { get; }

        public VirtualProbe Mpp3 { get; }

        public VirtualProbe Alarmed { get; }

        /// <summary>The three as the CLI takes them: "127.0.0.1:PORT".</summary>
        public string[] Addresses
        {
            get { return new[] { Address(Mpp18), Address(Mpp3), Address(Alarmed) }; }
        }

        public static string Address(VirtualProbe probe)
        {
            return probe.HttpUrl.Substring("http://".Length);
        }

        /// <summary>The probe's own answer to a GET (the reference the CLI output is compared with).</summary>
        public static JsonElement Get(VirtualProbe probe, string path)
        {
            return JsonDocument.Parse(Send(HttpMethod.Get, probe, path, null)).RootElement;
        }

        /// <summary>Waits (at most 30 s) until the probe has an active alarm at this level.</summary>
        public void WaitForAlarm(string level)
        {
            DateTime deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                JsonElement alarms = Get(Alarmed, "/api/v1/alarms?log=0");
                foreach (JsonElement a in alarms.GetProperty("active").EnumerateArray())
                {
                    if (a.GetProperty("level").GetString() == level)
                    {
                        return;
                    }
                }

                Assert.True(DateTime.UtcNow < deadline, "no " + level + " alarm on the scenario probe after 30 s: " + alarms);
                System.Threading.Thread.Sleep(200);
            }
        }

        public void Dispose()
        {
            Alarmed?.Dispose();
            Mpp3?.Dispose();
            Mpp18?.Dispose();
            File.Delete(_scenarioFile);
        }

        private static string Send(HttpMethod method, VirtualProbe probe, string path, string body)
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            using var request = new HttpRequestMessage(method, probe.HttpUrl + path);
            if (body != null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:admin")));
            }

            using HttpResponseMessage response = http.Send(request);
            string text = new StreamReader(response.Content.ReadAsStream()).ReadToEnd();
            Assert.True(response.IsSuccessStatusCode, method + " " + path + ": " + (int)response.StatusCode + " " + text);
            return text;
        }
    }

    /// <summary>The read, watch and alarms tests run one after the other on the same three probes.</summary>
    [CollectionDefinition(Name)]
    public sealed class ReadProbesCollection : ICollectionFixture<ReadProbes>
    {
        public const string Name = "eprobe read/watch/alarms probes";
    }
}
