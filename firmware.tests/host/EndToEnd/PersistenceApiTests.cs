using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using Ipenergy.Probe.Tests.Sntp;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;

namespace Ipenergy.Probe.Tests.EndToEnd
{
    /// <summary>
    /// Issue 4 through the real virtual e-Probe: configuration PUT with authentication and kept across a
    /// restart, history and billing over a simulated day checked against the scenario's truth, and the
    /// device clock set by a real NTP server (chrony).
    /// </summary>
    [Collection(AloneCollection.Name)]
    public class PersistenceApiTests
    {
        private const string DayScenario = @"{
  ""model"": ""MPP3"",
  ""adc"": { ""bits"": 12, ""noiseRmsLsb"": 0.5, ""seed"": 3 },
  ""channels"": [
    { ""channel"": 1, ""phase"": ""L1"", ""ctRatedA"": 100, ""irms"": 40.0, ""angleDeg"": -20 },
    { ""channel"": 2, ""phase"": ""L2"", ""ctRatedA"": 63,  ""irms"": 20.0, ""angleDeg"": 0 }
  ],
  ""events"": [ { ""atS"": 43200, ""channel"": 1, ""irms"": 10.0 } ]
}";

        private static string Temp(string what)
        {
            return Path.Combine(Path.GetTempPath(), "eprobe-e2e-" + what + "-" + Guid.NewGuid().ToString("N"));
        }

        /// <summary>curl with method, body and credentials; returns (status, body).</summary>
        internal static (int Status, string Body) Curl(params string[] args)
        {
            var psi = new ProcessStartInfo("curl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string a in new[] { "-sS", "--max-time", "20", "-w", "\n%{http_code}" }.Concat(args))
            {
                psi.ArgumentList.Add(a);
            }

            using Process p = Process.Start(psi);
            string all = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            int cut = all.LastIndexOf('\n');
            return (int.Parse(all.Substring(cut + 1)), all.Substring(0, cut));
        }

        [Fact]
        public void ConfigurationIsProtectedValidatedAndKeptAcrossARestart()
        {
            string dir = Temp("config");
            try
            {
                string url;
                using (var probe = new VirtualProbe("--model", "MPP3", "--data-dir", dir, "--time-scale", "4"))
                {
                    url = probe.HttpUrl + "/api/v1/config";
                    var (status, body) = Curl(url);
                    Assert.Equal(200, status);
                    JsonElement config = JsonDocument.Parse(body).RootElement;
                    Assert.Equal(3, config.GetProperty("channels").GetArrayLength());

                    const string change = "{\"channels\":[{\"channel\":1,\"rack\":\"B12\",\"customer\":\"ACME\"}]}";
                    Assert.Equal(401, Curl("-X", "PUT", "-H", "Content-Type: application/json", "--data", change, url).Status);
                    Assert.Equal(401, Curl("-u", "admin:wrong", "-X", "PUT", "--data", change, url).Status);

                    var bad = Curl("-u", "admin:admin", "-X", "PUT", "--data", "{\"channels\":[{\"channel\":1,\"ctRatedA\":600}]}", url);
                    Assert.Equal(400, bad.Status);
                    Assert.Contains("ctRatedA", JsonDocument.Parse(bad.Body).RootElement.GetProperty("error").GetString());

                    Assert.Equal(200, Curl("-u", "admin:admin", "-X", "PUT", "--data", change, url).Status);
                    JsonElement after = JsonDocument.Parse(Curl(url).Body).RootElement;
                    Assert.Equal("B12", after.GetProperty("channels")[0].GetProperty("rack").GetString());
                    probe.MeasurementsAfter(1.0); // still measuring after the engine swap
                }

                using (var again = new VirtualProbe("--model", "MPP3", "--data-dir", dir, "--time-scale", "4"))
                {
                    JsonElement kept = JsonDocument.Parse(Curl(again.HttpUrl + "/api/v1/config").Body).RootElement;
                    Assert.Equal("B12", kept.GetProperty("channels")[0].GetProperty("rack").GetString());
                    Assert.Equal("ACME", kept.GetProperty("channels")[0].GetProperty("customer").GetString());

                    string reset = again.HttpUrl + "/api/v1/config/factory-reset";
                    Assert.Equal(401, Curl("-X", "PUT", reset).Status);
                    var (status, body) = Curl("-u", "admin:admin", "-X", "PUT", reset);
                    Assert.Equal(200, status);
                    Assert.Equal("", JsonDocument.Parse(body).RootElement.GetProperty("channels")[0].GetProperty("rack").GetString());
                }

                using (var third = new VirtualProbe("--model", "MPP3", "--data-dir", dir, "--time-scale", "4"))
                {
                    JsonElement factory = JsonDocument.Parse(Curl(third.HttpUrl + "/api/v1/config").Body).RootElement;
                    Assert.Equal("", factory.GetProperty("channels")[0].GetProperty("rack").GetString());
                    third.MeasurementsAfter(1.0);
                }
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void HistoryOverASimulatedDayMatchesTheScenarioTruth()
        {
            string dir = Temp("day");
            string scenario = Temp("day") + ".json";
            File.WriteAllText(scenario, DayScenario);
            try
            {
                // 1600 Hz on an MPP3 at 2000x: a simulated day in about 45 s of wall clock.
                using var probe = new VirtualProbe("--scenario", scenario, "--data-dir", dir, "--sample-rate", "1600",
                    "--time-scale", "2000", "--clock-start", "2026-03-01T00:00:00Z");
                var start = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
                JsonElement m = probe.MeasurementsAfter(0);
                while (m.GetProperty("timestamp").GetDateTime().ToUniversalTime() < start.AddHours(25))
                {
                    System.Threading.Thread.Sleep(1000);
                    m = probe.MeasurementsAfter(0);
                }

                double p1Before = 230.0 * 40.0 * Math.Cos(-20 * Math.PI / 180), p1After = 230.0 * 10.0 * Math.Cos(-20 * Math.PI / 180);
                double p2 = 230.0 * 20.0;

                // Daily record at the end of the first day: its energy is the day's (difference from the
                // first minute's record, the meter started at 00:00).
                string q = "/api/v1/history?channel={0}&resolution={1}&from=2026-03-01T00:00:00Z&to=2026-03-02T00:15:00Z";
                JsonElement[] quarter1 = Records(probe, string.Format(q, 1, "15m"));
                JsonElement[] quarter2 = Records(probe, string.Format(q, 2, "15m"));
                Assert.True(quarter1.Length >= 95, "15-minute records over the day: " + quarter1.Length);

                // Each full quarter hour: energy difference = P × 900 s (± 2 Wh of register resolution and boundary).
                int checkedIntervals = 0;
                for (int i = 1; i < quarter1.Length; i++)
                {
                    DateTime end = quarter1[i].GetProperty("end").GetDateTime().ToUniversalTime();
                    DateTime prev = quarter1[i - 1].GetProperty("end").GetDateTime().ToUniversalTime();
                    if ((end - prev).TotalSeconds != 900 || (end > start.AddHours(12) && prev < start.AddHours(12).AddSeconds(1)))
                    {
                        continue; // the interval with the event: mixed load
                    }

                    double p = end <= start.AddHours(12) ? p1Before : p1After;
                    double wh = quarter1[i].GetProperty("importEnergyWh").GetDouble() - quarter1[i - 1].GetProperty("importEnergyWh").GetDouble();
                    Assert.True(Math.Abs(wh - p * 900 / 3600) <= 2.0 + p * 1.0 / 3600, $"ch1 quarter ending {end:o}: {wh} Wh, truth {p * 900 / 3600}");
                    double wh2 = quarter2[i].GetProperty("importEnergyWh").GetDouble() - quarter2[i - 1].GetProperty("importEnergyWh").GetDouble();
                    Assert.True(Math.Abs(wh2 - p2 * 900 / 3600) <= 2.0 + p2 * 1.0 / 3600, $"ch2 quarter ending {end:o}: {wh2} Wh");
                    checkedIntervals++;
                }

                Assert.True(checkedIntervals >= 90, "checked " + checkedIntervals + " quarter hours");

                // Over the whole day (first to last quarter record) against the truth with the event at noon.
                DateTime t0 = quarter1[0].GetProperty("end").GetDateTime().ToUniversalTime();
                DateTime t1 = quarter1[^1].GetProperty("end").GetDateTime().ToUniversalTime();
                double noon = (start.AddHours(12) - t0).TotalSeconds;
                double truth = (p1Before * Math.Clamp(noon, 0, (t1 - t0).TotalSeconds) + p1After * Math.Max(0, (t1 - start.AddHours(12)).TotalSeconds)) / 3600;
                double measured = quarter1[^1].GetProperty("importEnergyWh").GetDouble() - quarter1[0].GetProperty("importEnergyWh").GetDouble();
                Assert.True(Math.Abs(measured / truth - 1) < 0.002, $"day energy {measured} Wh, truth {truth} Wh");

                JsonElement[] days = Records(probe, string.Format(q, 2, "1d"));
                Assert.NotEmpty(days);

                // Billing: the period boundary of 1 March 00:00 was passed at start; counters are listed.
                var (status, billing) = Curl(probe.HttpUrl + "/api/v1/billing");
                Assert.Equal(200, status);
                JsonElement[] snapshots = JsonDocument.Parse(billing).RootElement.GetProperty("snapshots").EnumerateArray().ToArray();
                Assert.NotEmpty(snapshots);
                Assert.Equal(3, snapshots[^1].GetProperty("counters").GetArrayLength());
            }
            finally
            {
                File.Delete(scenario);
                Directory.Delete(dir, true);
            }
        }

        private static JsonElement[] Records(VirtualProbe probe, string pathAndQuery)
        {
            var (status, body) = Curl(probe.HttpUrl + pathAndQuery);
            Assert.True(status == 200, pathAndQuery + " -> " + status + " " + body);
            return JsonDocument.Parse(body).RootElement.GetProperty("records").EnumerateArray().ToArray();
        }

        [Fact]
        public void ARealNtpServerSetsTheDeviceClock()
        {
            using ChronyServer chrony = ChronyServer.Start();
            using var probe = new VirtualProbe("--model", "MPP3", "--clock-start", "2015-06-01T00:00:00Z",
                "--ntp-server", "127.0.0.1:" + chrony.Port);
            DateTime deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                var (status, body) = VirtualProbe.Curl(probe.HttpUrl + "/api/v1/measurements");
                JsonElement m = JsonDocument.Parse(body).RootElement;
                if (status == 200 && m.GetProperty("clockSynchronized").GetBoolean())
                {
                    DateTime ts = m.GetProperty("timestamp").GetDateTime().ToUniversalTime();
                    Assert.True(Math.Abs((ts - DateTime.UtcNow).TotalSeconds) < 3, "device clock " + ts.ToString("o") + " vs " + DateTime.UtcNow.ToString("o"));
                    return;
                }

                Assert.True(DateTime.UtcNow < deadline, "not synchronized after 30 s; chrony log: " + chrony.Log);
                System.Threading.Thread.Sleep(500);
            }
        }
    }
}
