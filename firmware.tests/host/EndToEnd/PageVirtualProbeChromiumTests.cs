using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ipenergy.Probe.Tests.Http;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.EndToEnd
{
    /// <summary>
    /// Issue 7's acceptance test: headless Chromium against the virtual e-Probe as a real process (default
    /// MPP18 scenario, a fresh --data-dir): the DOM shows the live values curl reads from
    /// /api/v1/measurements, a login and configuration changes made through the page's forms are visible in
    /// curl's GET /api/v1/config (and a refused value shows the server's message next to its field), and
    /// desktop and phone screenshots are kept as artefacts.
    /// </summary>
    [Collection(AloneCollection.Name)]
    public sealed class PageVirtualProbeChromiumTests : IDisposable
    {
        private readonly ITestOutputHelper _output;
        private readonly string _dataDir;
        private readonly VirtualProbe _probe;

        public PageVirtualProbeChromiumTests(ITestOutputHelper output)
        {
            _output = output;
            ChromiumRunner.Find(); // fails naming the apt package before anything starts
            _dataDir = Path.Combine(Path.GetTempPath(), "eprobe-page-e2e-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_dataDir);
            _probe = new VirtualProbe("--data-dir", _dataDir);
            _output.WriteLine("virtual e-Probe at " + _probe.HttpUrl + ", data dir " + _dataDir);
        }

        public void Dispose()
        {
            _probe.Dispose();
            try
            {
                Directory.Delete(_dataDir, true);
            }
            catch (IOException)
            {
            }
        }

        [Fact]
        public void DomShowsTheLiveValuesCurlReads()
        {
            var watch = Stopwatch.StartNew();
            _probe.MeasurementsAfter(2.0);
            JsonElement before = Measurements();
            using var chromium = new ChromiumRunner();
            string dom = chromium.Run("--virtual-time-budget=5000", "--dump-dom", _probe.HttpUrl + "/");
            JsonElement after = Measurements();
            Assert.Contains("<span id=\"status\" class=\"status ok\">live</span>", dom);

            // Frequency: 3 decimals, as the page formats it.
            string frequency = Single(dom, "<b id=\"frequency\">([^<]*) Hz</b>", "the frequency tile");
            Near(frequency, 3, before.GetProperty("frequencyHz"), after.GetProperty("frequencyHz"), 0.002, "frequency");

            // Phase voltages: 2 decimals, in the phase tiles.
            foreach (string phase in new[] { "L1", "L2", "L3" })
            {
                string shown = Single(dom, "<span class=\"muted\">" + phase + "</span><b class=\"vrms\">([^<]*) V</b>", phase + "'s tile");
                Near(shown, 2, Phase(before, phase).GetProperty("vrms"), Phase(after, phase).GetProperty("vrms"), 0.05, phase + " vrms");
            }

            // Every channel's current in the table: 2 decimals.
            JsonElement[] channels = before.GetProperty("channels").EnumerateArray().ToArray();
            JsonElement[] channelsAfter = after.GetProperty("channels").EnumerateArray().ToArray();
            Assert.Equal(18, channels.Length);
            for (int i = 0; i < channels.Length; i++)
            {
                int n = channels[i].GetProperty("channel").GetInt32();
                string phase = channels[i].GetProperty("phase").GetString();
                string shown = Single(dom, "<tr><td>" + n + "</td><td>" + phase + "</td><td></td><td></td><td></td><td class=\"num\">([^<]*)</td>",
                    "channel " + n + "'s row");
                double irms = channels[i].GetProperty("irms").GetDouble();
                Near(shown, 2, channels[i].GetProperty("irms"), channelsAfter[i].GetProperty("irms"), Math.Max(0.02, irms * 0.002), "channel " + n + " irms");
            }

            _output.WriteLine("DOM checked against curl in " + watch.ElapsedMilliseconds + " ms");
        }

        [Fact]
        public void LoginAndConfigurationChangesInTheFormsReachTheApi()
        {
            var watch = Stopwatch.StartNew();
            using var chromium = new ChromiumRunner();
            int port = chromium.StartWithDevTools(_probe.HttpUrl + "/#config");
            using var page = new ChromiumDevTools(port);
            page.WaitFor("!!document.querySelector('input[data-path=\"channels[0].label\"]')", 30000, "the channel form");

            // Log in through the page's form (EPROBE_ADMIN_PASSWORD=admin: no forced change).
            page.Evaluate("(function(){document.getElementById('login-open').click();" +
                "document.getElementById('login-user').value='admin';document.getElementById('login-password').value='admin';" +
                "document.getElementById('login-form').requestSubmit();return true;})()");
            page.WaitFor("document.getElementById('user').textContent==='admin (admin)'", 10000, "the logged-in user");
            Assert.Equal("true", page.Evaluate("document.getElementById('password').hidden"));

            // A channel label.
            page.Evaluate("(function(){document.querySelector('input[data-path=\"channels[0].label\"]').value='PDU A1 left';" +
                "document.getElementById('save-channels').click();return true;})()");
            page.WaitFor("document.querySelector('input[data-path=\"channels[0].label\"]').dataset.original==='\"PDU A1 left\"'" +
                "&&document.querySelector('#config-channels .form-message').textContent==='Saved.'", 10000, "the label saved and read back");

            // The factory configuration has no circuit: add one through the form, then change its breaker rating.
            page.Evaluate("(function(){var f=document.getElementById('config-circuits');" +
                "Array.prototype.filter.call(f.querySelectorAll('button'),function(b){return b.textContent==='Add';})[0].click();" +
                "f.querySelector('[data-path=\"circuits[0].name\"]').value='Rack A1';" +
                "f.querySelector('[data-path=\"circuits[0].channels\"]').value='1';" +
                "f.querySelector('[data-path=\"circuits[0].breakerRatedA\"]').value='32';" +
                "document.getElementById('save-circuits').click();return true;})()");
            const string breaker = "document.querySelector('input[data-path=\"circuits[0].breakerRatedA\"]')";
            page.WaitFor(breaker + ".dataset.original==='32'&&document.querySelector('#config-circuits .form-message').textContent==='Saved.'",
                10000, "the circuit saved and read back");
            page.Evaluate("(function(){" + breaker + ".value='40';document.getElementById('save-circuits').click();return true;})()");
            page.WaitFor(breaker + ".dataset.original==='40'&&document.querySelector('#config-circuits .form-message').textContent==='Saved.'",
                10000, "the new breaker rating saved and read back");

            JsonElement config = Config();
            Assert.Equal("PDU A1 left", config.GetProperty("channels")[0].GetProperty("label").GetString());
            Assert.Equal("", config.GetProperty("channels")[1].GetProperty("label").GetString());
            Assert.Equal(1, config.GetProperty("circuits").GetArrayLength());
            Assert.Equal("Rack A1", config.GetProperty("circuits")[0].GetProperty("name").GetString());
            Assert.Equal(40.0, config.GetProperty("circuits")[0].GetProperty("breakerRatedA").GetDouble());

            // A CT rating the server refuses: its message stands next to that field, nothing changes.
            const string ct = "document.querySelector('input[data-path=\"channels[2].ctRatedA\"]')";
            page.Evaluate("(function(){" + ct + ".value='5000';document.getElementById('save-channels').click();return true;})()");
            page.WaitFor(ct + ".parentNode.querySelector('.field-error').textContent.indexOf('channels[2].ctRatedA')===0", 10000,
                "the CT rating's error next to the field");
            string shown = page.Evaluate(ct + ".parentNode.querySelector('.field-error').textContent");
            _output.WriteLine("shown next to channels[2].ctRatedA: " + shown);
            Assert.Equal("true", page.Evaluate(ct + ".classList.contains('invalid')"));
            Assert.Equal(100.0, Config().GetProperty("channels")[2].GetProperty("ctRatedA").GetDouble());

            // The live values carry on with the new label and circuit.
            page.WaitFor("document.getElementById('circuits').textContent.indexOf('Rack A1')>=0" +
                "&&document.querySelector('#channel-table tbody').rows[0].cells[2].textContent==='PDU A1 left'", 10000, "the circuit and label in the live view");
            _output.WriteLine("forms checked in " + watch.ElapsedMilliseconds + " ms");
        }

        [Fact]
        public void ScreenshotsAreSavedAsArtefacts()
        {
            // Labels and a few circuits first, so the pictures show what an installation looks like.
            string doc = "{\"channels\":[" + string.Join(",", Enumerable.Range(1, 18).Select(n =>
                "{\"label\":\"PDU " + (char)('A' + (n - 1) / 6) + ((n - 1) % 6 + 1) + "\",\"rack\":\"R" + ((n - 1) / 2 + 1).ToString("00") +
                "\",\"customer\":\"" + (n <= 9 ? "ACME" : "Globex") + "\"}")) + "]," +
                "\"circuits\":[{\"name\":\"Rack R01\",\"channels\":[1,2,3],\"breakerRatedA\":80,\"customer\":\"ACME\"}," +
                "{\"name\":\"Rack R02\",\"channels\":[4],\"breakerRatedA\":63,\"customer\":\"ACME\"}," +
                "{\"name\":\"Rack R03\",\"channels\":[5],\"breakerRatedA\":80,\"customer\":\"ACME\"}]}";
            HttpResponseText put = CurlRunner.Fetch("-u", "admin:admin", "-X", "PUT", "-H", "Content-Type: application/json",
                "--data-binary", doc, _probe.HttpUrl + "/api/v1/config");
            Assert.True(put.Status == 200, "PUT /api/v1/config: " + put.StatusLine + " " + put.Body);
            _probe.MeasurementsAfter(2.0);

            using var chromium = new ChromiumRunner();
            foreach (string size in new[] { "1280x900", "phone-390x844" })
            {
                string window = size.Substring(size.LastIndexOf('-') + 1).Replace('x', ',');
                string file = Path.Combine(PageChromiumTests.ArtifactsDirectory, "virtual-probe-" + size + ".png");
                File.Delete(file);
                var watch = Stopwatch.StartNew();
                chromium.Run("--virtual-time-budget=5000", "--hide-scrollbars", "--window-size=" + window, "--screenshot=" + file, _probe.HttpUrl + "/");
                Assert.True(File.Exists(file), "no screenshot at " + file);
                byte[] png = File.ReadAllBytes(file);
                byte[] signature = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
                Assert.True(png.Length > 10240 && png.Take(8).SequenceEqual(signature),
                    "not a PNG of a rendered page: " + file + ", " + png.Length + " bytes");
                _output.WriteLine("screenshot " + file + " (" + png.Length + " bytes, " + watch.ElapsedMilliseconds + " ms)");
                Console.WriteLine("virtual e-Probe screenshot: " + file);
            }
        }

        private JsonElement Measurements()
        {
            HttpResponseText r = CurlRunner.Fetch(_probe.HttpUrl + "/api/v1/measurements");
            Assert.True(r.Status == 200, "GET /api/v1/measurements: " + r.StatusLine);
            return JsonDocument.Parse(r.Body).RootElement.Clone();
        }

        private JsonElement Config()
        {
            HttpResponseText r = CurlRunner.Fetch(_probe.HttpUrl + "/api/v1/config");
            Assert.True(r.Status == 200, "GET /api/v1/config: " + r.StatusLine);
            return JsonDocument.Parse(r.Body).RootElement.Clone();
        }

        private static JsonElement Phase(JsonElement m, string phase)
        {
            return m.GetProperty("phases").EnumerateArray().Single(p => p.GetProperty("phase").GetString() == phase);
        }

        private static string Single(string dom, string pattern, string what)
        {
            MatchCollection found = Regex.Matches(dom, pattern);
            Assert.True(found.Count == 1, what + ": " + found.Count + " matches of " + pattern);
            return found[0].Groups[1].Value;
        }

        /// <summary>
        /// The page's text has exactly <paramref name="decimals"/> decimals and lies within the values curl read
        /// just before and after Chromium (widened by <paramref name="tolerance"/>: the values refresh every
        /// second and carry the scenario's ADC noise).
        /// </summary>
        private void Near(string shown, int decimals, JsonElement before, JsonElement after, double tolerance, string what)
        {
            Assert.Matches("^-?\\d+\\." + new string('0', decimals).Replace("0", "\\d") + "$", shown);
            double value = double.Parse(shown, CultureInfo.InvariantCulture);
            double a = before.GetDouble(), b = after.GetDouble();
            double lo = Math.Min(a, b) - tolerance, hi = Math.Max(a, b) + tolerance;
            _output.WriteLine(what + ": page " + shown + ", curl " + a.ToString("F" + decimals, CultureInfo.InvariantCulture) + " / " +
                b.ToString("F" + decimals, CultureInfo.InvariantCulture));
            Assert.True(value >= lo && value <= hi, what + ": the page shows " + shown + ", curl read " + a + " and " + b);
        }
    }
}
