using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using Xunit;

namespace Ipenergy.Probe.Tests.EndToEnd
{
    /// <summary>
    /// PUE/DCiE through the real virtual e-Probe (default MPP18 room): circuit 0 (channels 1-3) marked
    /// facility-total and circuit 1 (channels 4-6) it-load by an authenticated config PUT; the published
    /// PUE is checked against the measured powers and each history interval against its own energies.
    /// </summary>
    public class PueApiTests
    {
        private const string Circuits = "{\"circuits\":["
            + "{\"name\":\"Facility\",\"channels\":[1,2,3],\"breakerRatedA\":250,\"role\":\"facility-total\"},"
            + "{\"name\":\"IT\",\"channels\":[4,5,6],\"breakerRatedA\":125,\"role\":\"it-load\"}]}";

        private static (int Status, string Body) Curl(params string[] args)
        {
            var psi = new ProcessStartInfo("curl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string a in new[] { "-sS", "--max-time", "20", "-w", "\n%{http_code}" }.Concat(args))
            {
                psi.ArgumentList.Add(a);
            }

            Process p;
            try
            {
                p = Process.Start(psi);
            }
            catch (System.ComponentModel.Win32Exception)
            {
                throw new InvalidOperationException("curl is missing: apt-get install curl");
            }

            using (p)
            {
                string all = p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                int cut = all.LastIndexOf('\n');
                return (int.Parse(all.Substring(cut + 1)), all.Substring(0, cut));
            }
        }

        private static JsonElement Get(string url)
        {
            var (status, body) = Curl(url);
            Assert.True(status == 200, url + " -> " + status + " " + body);
            return JsonDocument.Parse(body).RootElement;
        }

        [Fact]
        public void PueFollowsTheCircuitRolesAndTheMeasuredPowers()
        {
            string dir = Path.Combine(Path.GetTempPath(), "eprobe-e2e-pue-" + Guid.NewGuid().ToString("N"));
            try
            {
                using var probe = new VirtualProbe("--model", "MPP18", "--data-dir", dir, "--time-scale", "20");
                string api = probe.HttpUrl + "/api/v1/";
                probe.MeasurementsAfter(1.0);

                // Factory defaults: no circuit has a role, nothing to publish.
                JsonElement before = Get(api + "pue");
                Assert.False(before.GetProperty("configured").GetBoolean());
                Assert.Equal(JsonValueKind.Null, before.GetProperty("pue").ValueKind);

                // The config's own field names, as GET shows them: circuits[].channels / role.
                JsonElement config = Get(api + "config");
                Assert.Equal(JsonValueKind.Array, config.GetProperty("circuits").ValueKind);
                Assert.Equal(401, Curl("-X", "PUT", "--data", Circuits, api + "config").Status);
                var put = Curl("-u", "admin:admin", "-X", "PUT", "-H", "Content-Type: application/json", "--data", Circuits, api + "config");
                Assert.True(put.Status == 200, "PUT config -> " + put.Status + " " + put.Body);
                JsonElement circuits = Get(api + "config").GetProperty("circuits");
                Assert.Equal("facility-total", circuits[0].GetProperty("role").GetString());
                Assert.Equal("it-load", circuits[1].GetProperty("role").GetString());

                // Instantaneous: PUE = facility P / IT P from the measured channels' active power.
                probe.MeasurementsAfter(3.0);
                JsonElement pue = Get(api + "pue");
                JsonElement m = Get(api + "measurements");
                double facility = Enumerable.Range(0, 3).Sum(i => m.GetProperty("channels")[i].GetProperty("activePowerW").GetDouble());
                double it = Enumerable.Range(3, 3).Sum(i => m.GetProperty("channels")[i].GetProperty("activePowerW").GetDouble());
                Assert.True(facility > 0 && it > 0, "powers " + facility + " / " + it);
                double expected = facility / it;
                Assert.True(pue.GetProperty("configured").GetBoolean());
                double published = pue.GetProperty("pue").GetDouble();
                Assert.True(Math.Abs(published - expected) <= 0.01 * expected, "pue " + published + ", measured " + facility + " W / " + it + " W = " + expected);
                Assert.True(Math.Abs(pue.GetProperty("facilityPowerW").GetDouble() - facility) <= 0.01 * facility, "facility " + pue.GetProperty("facilityPowerW") + " vs " + facility);
                Assert.True(Math.Abs(pue.GetProperty("itPowerW").GetDouble() - it) <= 0.01 * it, "IT " + pue.GetProperty("itPowerW") + " vs " + it);
                double dcie = pue.GetProperty("dciePercent").GetDouble();
                Assert.True(Math.Abs(dcie - 100 / published) < 0.05, "dcie " + dcie + " vs 100 / " + published);

                // Per interval: 1-minute history (the roles apply to the channels' stored energies).
                JsonElement[] intervals = Array.Empty<JsonElement>();
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (intervals.Length < 2)
                {
                    Assert.True(DateTime.UtcNow < deadline, "fewer than 2 one-minute PUE intervals after 60 s (time-scale 20)");
                    Thread.Sleep(500);
                    intervals = Get(api + "pue?resolution=1m").GetProperty("intervals").EnumerateArray().ToArray();
                }

                foreach (JsonElement interval in intervals)
                {
                    long f = interval.GetProperty("facilityEnergyWh").GetInt64();
                    long i = interval.GetProperty("itEnergyWh").GetInt64();
                    int seconds = interval.GetProperty("seconds").GetInt32();
                    Assert.True(seconds > 0 && seconds <= 60, "seconds " + seconds);
                    Assert.True(f > 0 && i > 0, "energies " + f + " / " + i + " Wh over " + seconds + " s");
                    double ratio = interval.GetProperty("pue").GetDouble();
                    Assert.True(Math.Abs(ratio - (double)f / i) < 0.0006, "interval pue " + ratio + " vs " + f + " / " + i);
                    Assert.True(Math.Abs(interval.GetProperty("dciePercent").GetDouble() - 100.0 * i / f) < 0.006, "interval dcie");
                }

                // A whole minute of the steady room: its energy ratio agrees with the power ratio.
                JsonElement full = intervals.Last(x => x.GetProperty("seconds").GetInt32() == 60);
                double fullPue = full.GetProperty("pue").GetDouble();
                Assert.True(Math.Abs(fullPue - expected) <= 0.01 * expected, "1-minute pue " + fullPue + " vs instantaneous " + expected);

                // Bad parameters: 400 with a message.
                var bad = Curl(api + "pue?resolution=2h");
                Assert.Equal(400, bad.Status);
                Assert.Contains("resolution", JsonDocument.Parse(bad.Body).RootElement.GetProperty("error").GetString());
            }
            finally
            {
                if (Directory.Exists(dir))
                {
                    Directory.Delete(dir, true);
                }
            }
        }
    }
}
