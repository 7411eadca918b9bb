using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using Ipenergy.Probe.Tests.Http;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.EndToEnd
{
    /// <summary>
    /// The page's alarms against the virtual e-Probe process (--time-scale 10): a channel stepping to 95 % of
    /// its circuit's 32 A breaker raises a critical loadHigh alarm that the page lists with its name, level and
    /// value; an administrator logged in through the page acknowledges it with the page's button (curl then reads
    /// it acknowledged by admin); a rule changed in the alarms form reaches GET /api/v1/config, and a critical
    /// level below the warning shows the server's message next to that field. A screenshot is kept.
    /// </summary>
    [Collection(AloneCollection.Name)]
    public sealed class PageAlarmsChromiumTests : IDisposable
    {
        private const string Admin = "admin:admin";
        private readonly ITestOutputHelper _output;
        private readonly string _dir = Directory.CreateTempSubdirectory("eprobe-page-alarms-").FullName;

        public PageAlarmsChromiumTests(ITestOutputHelper output)
        {
            _output = output;
            ChromiumRunner.Find(); // fails naming the apt package before anything starts
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(_dir, true);
            }
            catch (IOException)
            {
                // Left in /tmp: harmless.
            }
        }

        [Fact]
        public void AlarmIsListedAcknowledgedThroughThePageAndRulesAreEditedInTheForm()
        {
            var watch = Stopwatch.StartNew();
            string scenario = Path.Combine(_dir, "scenario.json");
            File.WriteAllText(scenario, Scenario());
            using var probe = new VirtualProbe("--scenario", scenario, "--data-dir", Path.Combine(_dir, "data"), "--time-scale", "10",
                "--clock-start", "2026-03-01T00:00:00Z");
            HttpResponseText put = CurlRunner.Fetch("-u", Admin, "-X", "PUT", "-H", "Content-Type: application/json", "-d",
                "{\"circuits\":[{\"name\":\"Rack A1\",\"channels\":[1],\"breakerRatedA\":32}]}", probe.HttpUrl + "/api/v1/config");
            Assert.True(put.Status == 200, "config PUT: " + put.Status + " " + put.Body);

            // 1. The alarm, as curl reads it, then in the page's list and header badge.
            // (Critical once the step is wholly inside the measurement: a window straddling it may first raise a warning.)
            JsonElement alarm = WaitForActive(probe, "loadHigh", "critical", 40000);
            Assert.Equal("Rack A1", alarm.GetProperty("name").GetString());
            uint id = alarm.GetProperty("id").GetUInt32();
            _output.WriteLine("alarm " + id + " raised after " + watch.ElapsedMilliseconds + " ms: " + alarm);

            using var chromium = new ChromiumRunner();
            int port = chromium.StartWithDevTools(probe.HttpUrl + "/#alarms");
            using var page = new ChromiumDevTools(port);
            string row = "document.querySelector('#alarm-table tr[data-alarm=\"" + id + "\"]')";
            page.WaitFor(row, 20000, "the alarm's row");
            Assert.Equal("\"critical\"", page.Evaluate(row + ".className"));
            Assert.Equal("\"critical\"", page.Evaluate(row + ".cells[0].textContent"));
            Assert.Equal("\"Circuit Rack A1\"", page.Evaluate(row + ".cells[1].textContent"));
            Assert.Equal("\"Load high\"", page.Evaluate(row + ".cells[2].textContent"));
            Assert.Equal("\"90.00 %\"", page.Evaluate(row + ".cells[4].textContent"));
            string value = JsonSerializer.Deserialize<string>(page.Evaluate(row + ".cells[3].textContent"));
            Assert.Matches("^\\d+\\.\\d\\d %$", value);
            Assert.InRange(double.Parse(value.Split(' ')[0], CultureInfo.InvariantCulture), 93.0, 97.0);
            Assert.Equal("\"no\"", page.Evaluate(row + ".cells[6].textContent"));
            Assert.Equal("\"1 critical\"", page.Evaluate("document.getElementById('alarm-badge').textContent"));
            Assert.Equal("\"Load high\"", page.Evaluate("document.querySelector('#circuits .tag.critical').textContent"));
            Assert.Equal("true", page.Evaluate("Array.prototype.some.call(document.querySelectorAll('#alarm-log tbody tr'),function(r)" +
                "{return r.cells[1].textContent==='raised'&&r.cells[3].textContent==='Circuit Rack A1';})"));

            // 2. Log in through the page's form, acknowledge with the page's button; curl reads who did it.
            page.Evaluate("(function(){document.getElementById('login-open').click();" +
                "document.getElementById('login-user').value='admin';document.getElementById('login-password').value='admin';" +
                "document.getElementById('login-form').requestSubmit();return true;})()");
            page.WaitFor("document.getElementById('user').textContent==='admin (admin)'", 10000, "the logged-in user");
            page.WaitFor(row + ".querySelector('.ack-button')", 5000, "the Acknowledge button");
            page.Evaluate("(function(){" + row + ".querySelector('.ack-button').click();return true;})()");
            page.WaitFor(row + ".cells[6].textContent.indexOf('by admin at 2026-03-01 ')===0&&!" + row + ".querySelector('.ack-button')",
                10000, "the alarm acknowledged by admin in the list");
            var (status, body) = VirtualProbe.Curl(probe.HttpUrl + "/api/v1/alarms");
            Assert.Equal(200, status);
            using (JsonDocument doc = JsonDocument.Parse(body))
            {
                JsonElement acked = doc.RootElement.GetProperty("active").EnumerateArray().Single(a => a.GetProperty("id").GetUInt32() == id);
                Assert.True(acked.GetProperty("acknowledged").GetBoolean(), "not acknowledged: " + acked);
                Assert.Equal("admin", acked.GetProperty("ackUser").GetString());
                Assert.Equal(0, doc.RootElement.GetProperty("unacknowledged").GetInt32());
                JsonElement record = doc.RootElement.GetProperty("log").EnumerateArray().First(r => r.GetProperty("event").GetString() == "acknowledged");
                Assert.Equal("admin", record.GetProperty("user").GetString());
            }

            page.WaitFor("Array.prototype.some.call(document.querySelectorAll('#alarm-log tbody tr'),function(r)" +
                "{return r.cells[1].textContent==='acknowledged'&&r.cells[7].textContent==='admin';})", 10000, "the acknowledgement in the journal");

            // 3. A rule changed in the alarms form: loadHigh warning 75, overVoltage warning off (empty = null).
            const string warning = "document.querySelector('input[data-path=\"alarms.rules.loadHigh.warning\"]')";
            const string critical = "document.querySelector('input[data-path=\"alarms.rules.loadHigh.critical\"]')";
            const string overVoltage = "document.querySelector('input[data-path=\"alarms.rules.overVoltage.warning\"]')";
            page.Evaluate("(function(){" + warning + ".value='75';" + overVoltage + ".value='';document.getElementById('save-alarms').click();return true;})()");
            page.WaitFor(warning + ".dataset.original==='75'&&" + overVoltage + ".dataset.original==='null'" +
                "&&document.querySelector('#config-alarms .form-message').textContent==='Saved.'", 10000, "the rule saved and read back");
            JsonElement rules = Config(probe).GetProperty("alarms").GetProperty("rules");
            Assert.Equal(75.0, rules.GetProperty("loadHigh").GetProperty("warning").GetDouble());
            Assert.Equal(90.0, rules.GetProperty("loadHigh").GetProperty("critical").GetDouble());
            Assert.Equal(JsonValueKind.Null, rules.GetProperty("overVoltage").GetProperty("warning").ValueKind);
            Assert.Equal(115.0, rules.GetProperty("overVoltage").GetProperty("critical").GetDouble());

            // 4. Critical below warning: the server's message next to the critical field, nothing changed.
            page.Evaluate("(function(){" + critical + ".value='70';document.getElementById('save-alarms').click();return true;})()");
            page.WaitFor(critical + ".parentNode.querySelector('.field-error').textContent.indexOf('alarms.rules.loadHigh.critical: ')===0", 10000,
                "the critical level's error next to its field");
            _output.WriteLine("shown next to alarms.rules.loadHigh.critical: " + page.Evaluate(critical + ".parentNode.querySelector('.field-error').textContent"));
            Assert.Equal("true", page.Evaluate(critical + ".classList.contains('invalid')"));
            Assert.Equal(90.0, Config(probe).GetProperty("alarms").GetProperty("rules").GetProperty("loadHigh").GetProperty("critical").GetDouble());

            // 5. The alarms section as it looks now.
            string file = Path.Combine(PageChromiumTests.ArtifactsDirectory, "virtual-probe-alarms-1280x900.png");
            File.Delete(file);
            page.Evaluate("(function(){document.getElementById('alarms').scrollIntoView();window.scrollBy(0,-60);return true;})()");
            Thread.Sleep(300);
            page.CaptureScreenshot(file);
            byte[] png = File.ReadAllBytes(file);
            byte[] signature = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
            Assert.True(png.Length > 10240 && png.Take(8).SequenceEqual(signature), "not a PNG of a rendered page: " + file + ", " + png.Length + " bytes");
            _output.WriteLine("screenshot " + file + " (" + png.Length + " bytes); whole test " + watch.ElapsedMilliseconds + " ms");
            Console.WriteLine("virtual e-Probe alarms screenshot: " + file);
        }

        // MPP3, 230 V, 20/10/10 A; channel 1 steps to 30.4 A (95 % of the 32 A breaker) at 10 s and stays there.
        private static string Scenario()
        {
            return "{\"model\":\"MPP3\",\"frequencyHz\":50.0,\"adc\":{\"bits\":12,\"noiseRmsLsb\":0.5,\"seed\":1},"
                + "\"phases\":{\"L1\":{\"vrms\":230,\"angleDeg\":0},\"L2\":{\"vrms\":230,\"angleDeg\":-120},\"L3\":{\"vrms\":230,\"angleDeg\":120}},"
                + "\"channels\":[{\"channel\":1,\"phase\":\"L1\",\"ctRatedA\":100,\"irms\":20,\"angleDeg\":-10},"
                + "{\"channel\":2,\"phase\":\"L2\",\"ctRatedA\":100,\"irms\":10,\"angleDeg\":-10},"
                + "{\"channel\":3,\"phase\":\"L3\",\"ctRatedA\":100,\"irms\":10,\"angleDeg\":-10}],"
                + "\"events\":[{\"atS\":10,\"channel\":1,\"irms\":30.4}]}";
        }

        private static JsonElement WaitForActive(VirtualProbe probe, string condition, string level, int timeoutMs)
        {
            DateTime deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
            string last = "";
            while (DateTime.UtcNow < deadline)
            {
                var (status, body) = VirtualProbe.Curl(probe.HttpUrl + "/api/v1/alarms");
                last = status + " " + body;
                if (status == 200)
                {
                    JsonElement root = JsonDocument.Parse(body).RootElement.Clone();
                    foreach (JsonElement a in root.GetProperty("active").EnumerateArray())
                    {
                        if (a.GetProperty("condition").GetString() == condition && a.GetProperty("level").GetString() == level)
                        {
                            return a;
                        }
                    }
                }

                Thread.Sleep(200);
            }

            throw new TimeoutException("no active " + level + " " + condition + " alarm in " + timeoutMs + " ms; last answer: " + last);
        }

        private static JsonElement Config(VirtualProbe probe)
        {
            HttpResponseText r = CurlRunner.Fetch("-u", Admin, probe.HttpUrl + "/api/v1/config");
            Assert.True(r.Status == 200, "GET /api/v1/config: " + r.StatusLine);
            return JsonDocument.Parse(r.Body).RootElement.Clone();
        }
    }
}
