using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using Ipenergy.Probe.Tests.Http;
using Ipenergy.Probe.Tests.Simulator;
using Xunit;

namespace Ipenergy.Probe.Tests.Panel
{
    /// <summary>
    /// The panel over HTTP on a running virtual e-Probe (the firmware's PanelService behind the routes): the PNG of
    /// GET /api/v1/panel shows the Home screen's title, POST /api/v1/panel/keys "down" (curl, admin) turns it into
    /// Phases with a new ETag, an unknown key is 400 and changes nothing; a probe started with --no-panel answers 404.
    /// </summary>
    public sealed class PanelHttpEndToEndTests : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("panel-e2e-").FullName;

        public void Dispose()
        {
            Directory.Delete(_dir, true);
        }

        [Fact]
        public void KeysPostedOverHttpMoveThePanelSeenInItsPng()
        {
            using var probe = new SimulatorProcess("--model", "MPP3", "--http-port", "0");
            string url = Regex.Match(probe.WaitForLine("http ", TimeSpan.FromSeconds(60)), @"http://\S+/").Value;
            Assert.StartsWith("panel  GET ", probe.WaitForLine("panel ", TimeSpan.FromSeconds(10)));
            using JsonDocument config = JsonDocument.Parse(CurlRunner.Fetch("-u", "admin:admin", url + "api/v1/config").Body);
            string sysName = config.RootElement.GetProperty("snmp").GetProperty("sysName").GetString();
            string home = string.IsNullOrEmpty(sysName) ? config.RootElement.GetProperty("network").GetProperty("hostname").GetString() : sysName;

            string homeTag = WaitForScreen(url, home);
            HttpResponseText bad = Post(url, "{\"keys\":[\"left\"]}");
            Assert.Equal(400, bad.Status);
            Assert.Contains("unknown key 'left'", bad.Body);

            HttpResponseText pressed = Post(url, "{\"keys\":[\"down\"]}");
            Assert.Equal(202, pressed.Status);
            string phasesTag = WaitForScreen(url, "Phases");
            Assert.NotEqual(homeTag, phasesTag);

            // Back held: Home again.
            Assert.Equal(202, Post(url, "{\"keys\":[\"back\"],\"long\":true}").Status);
            WaitForScreen(url, home);
        }

        [Fact]
        public void AProbeWithoutPanelAnswers404()
        {
            using var probe = new SimulatorProcess("--model", "MPP3", "--http-port", "0", "--no-panel");
            string url = Regex.Match(probe.WaitForLine("http ", TimeSpan.FromSeconds(60)), @"http://\S+/").Value;
            Assert.Equal("panel  none (--no-panel)", probe.WaitForLine("panel ", TimeSpan.FromSeconds(10)).TrimEnd());
            HttpResponseText get = CurlRunner.Fetch(url + "api/v1/panel");
            Assert.Equal(404, get.Status);
            Assert.Equal(404, Post(url, "{\"keys\":[\"down\"]}").Status);
        }

        private static HttpResponseText Post(string url, string json)
        {
            return CurlRunner.Fetch("-u", "admin:admin", "-X", "POST", "-H", "Content-Type: application/json", "--data-binary", json,
                url + "api/v1/panel/keys");
        }

        // Polls the PNG until the text is on it; returns the ETag of that frame.
        private string WaitForScreen(string url, string text)
        {
            string headers = Path.Combine(_dir, "h.txt");
            string body = Path.Combine(_dir, "panel.png");
            bool[,] pixels = null;
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(15))
            {
                CurlRunner.Result r = CurlRunner.Run("-sS", "--http1.1", "-D", headers, "-o", body, "-w", "%{http_code}", url + "api/v1/panel");
                Assert.True(r.ExitCode == 0 && r.Stdout == "200", "GET /api/v1/panel: " + r.Stdout + " " + r.Stderr);
                pixels = PanelPng.Decode(File.ReadAllBytes(body), out int width, out int height);
                Assert.Equal(128, width);
                Assert.Equal(64, height);
                if (TerminalPanelCapture.Shows(pixels, text))
                {
                    return Regex.Match(File.ReadAllText(headers), "ETag: (\"\\d{10}\")").Groups[1].Value;
                }

                Thread.Sleep(200);
            }

            Assert.Fail("'" + text + "' not on GET /api/v1/panel after 15 s:\n" + TerminalPanelCapture.Art(pixels));
            return null;
        }
    }
}
