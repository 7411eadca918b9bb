using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Tests.Unit.TestDoubles;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Http
{
    /// <summary>
    /// The page on a bus gateway, in headless Chromium against the in-process page server over the module
    /// fixture (2 and 4 online, 3 offline): the "Bus modules" table and site totals, the module selector with
    /// each seen module and its state, switching the overview/phases/channels to a module's
    /// /api/v1/modules/{a}/measurements and back; desktop and phone screenshots of the modules view kept as
    /// artefacts. On a module that is not a gateway the selector and the view stay hidden.
    /// </summary>
    public sealed class PageModulesChromiumTests
    {
        private readonly ITestOutputHelper _output;

        public PageModulesChromiumTests(ITestOutputHelper output)
        {
            _output = output;
            ChromiumRunner.Find(); // fails naming the apt package before anything starts
        }

        [Fact]
        public void SelectorSwitchesTheViewsToAModuleAndTheModulesViewListsThem()
        {
            FakeModuleDirectory modules = ModuleFixtures.Directory();
            using var server = new PageTestServer(false, modules);
            using var chromium = new ChromiumRunner();
            int port = chromium.StartWithDevTools(server.Base + "/");
            using var page = new ChromiumDevTools(port);

            // The modules view: one row per module seen, with state, names, model, values and errors.
            const string rows = "document.querySelectorAll('#module-table tbody tr')";
            page.WaitFor(rows + ".length===3&&!document.getElementById('modules').hidden", 20000, "the module table");
            string[][] cells = JsonSerializer.Deserialize<string[][]>(page.Evaluate("Array.prototype.map.call(" + rows +
                ",function(r){return Array.prototype.map.call(r.cells,function(c){return c.textContent;});})"));
            Assert.Equal(new[] { "2", "online", "Row 2 \"left\"", "Hall B", "MPP3", "EP3-0002" }, cells[0].Take(6));
            Assert.Equal(new[] { "3", "offline", "Row 3", "", "MPP3", "EP3-0003" }, cells[1].Take(6));
            Assert.Equal(new[] { "4", "online", "", "", "MPP18", "EP18-0004" }, cells[2].Take(6));
            Assert.Equal(new[] { "0.5", "31.5", "0.5" }, cells.Select(c => c[8]));
            Assert.Equal(new[] { "7", "11", "0" }, cells.Select(c => c[9]));
            MeasurementSnapshot four = modules.LatestOf(4);
            Assert.Equal((four.Channels.Sum(c => c.ActivePowerW) / 1000).ToString("0.00", CultureInfo.InvariantCulture), cells[2][6]);
            Assert.Equal("\"3 counted, 1 offline\"", page.Evaluate("document.querySelector('#site-totals .tile.warn b').textContent"));
            Assert.Equal("false", page.Evaluate("document.getElementById('nav-modules').hidden"));

            // The selector: this e-Probe, then each module with its state.
            string[] options = JsonSerializer.Deserialize<string[]>(page.Evaluate(
                "Array.prototype.map.call(document.getElementById('module-select').options,function(o){return o.value+'='+o.text;})"));
            Assert.Equal(new[]
            {
                "0=This e-Probe (gateway)", "2=2 · Row 2 \"left\" (Hall B) · online", "3=3 · Row 3 · offline", "4=4 · EP18-0004 · online",
            }, options);

            // Module 4 (MPP18) selected: status, phases and all 18 channels are the module's.
            Select(page, 4);
            page.WaitFor("document.getElementById('status').textContent==='module 4 online'&&document.querySelectorAll('#channel-table tbody tr').length===18",
                10000, "module 4 in the channel table");
            string[] currents = JsonSerializer.Deserialize<string[]>(page.Evaluate(
                "Array.prototype.map.call(document.querySelectorAll('#channel-table tbody tr'),function(r){return r.cells[5].textContent;})"));
            Assert.Equal(four.Channels.Select(c => c.Irms.ToString("0.00", CultureInfo.InvariantCulture)), currents);
            Assert.Equal("\"" + four.Phases[0].Vrms.ToString("0.00", CultureInfo.InvariantCulture) + " V\"", page.Evaluate("document.querySelector('#phases .vrms').textContent"));
            Assert.Equal("\"The gateway does not read the circuits of bus modules.\"", page.Evaluate("document.querySelector('#circuits p').textContent"));
            Assert.Equal("\"selected\"", page.Evaluate(rows + "[2].className"));
            _output.WriteLine("module 4: " + page.Evaluate("document.getElementById('module-state').textContent"));

            // Module 3 is offline: its last values, flagged.
            Select(page, 3);
            page.WaitFor("document.getElementById('status').textContent==='module 3 offline'&&document.querySelectorAll('#channel-table tbody tr').length===3",
                10000, "module 3 offline");
            Assert.Equal("\"status bad\"", page.Evaluate("document.getElementById('status').className"));
            Assert.StartsWith("\"offline, last values from 31.5 s ago", page.Evaluate("document.getElementById('module-state').textContent"));

            // A click on a row of the modules table selects that module too.
            page.Evaluate("(function(){" + rows + "[2].click();return true;})()");
            page.WaitFor("document.getElementById('status').textContent==='module 4 online'&&document.getElementById('module-select').value==='4'",
                10000, "module 4 selected by its row");

            // Back to the gateway itself: its own 3 channels with their configured labels.
            Select(page, 0);
            page.WaitFor("document.getElementById('status').textContent==='live'&&document.querySelectorAll('#channel-table tbody tr').length===3",
                10000, "the gateway's own channels");
            Assert.Equal("\"\"", page.Evaluate("document.getElementById('module-state').textContent"));

            // Screenshots of the modules view with module 4 selected: desktop, then phone.
            Select(page, 4);
            page.WaitFor("document.getElementById('status').textContent==='module 4 online'", 10000, "module 4 again");
            string desktop = Screenshot(page, "page-modules-1280x900.png");
            string selected = Screenshot(page, "page-module-selected-1280x900.png", "module-bar");
            page.Call("Emulation.setDeviceMetricsOverride", new { width = 390, height = 844, deviceScaleFactor = 1, mobile = true });
            string phone = Screenshot(page, "page-modules-phone-390x844.png");
            Assert.Equal("true", page.Evaluate("document.getElementById('module-select').getBoundingClientRect().right<=390"));
            Console.WriteLine("modules view screenshots: " + desktop + ", " + selected + ", " + phone);
        }

        [Fact]
        public void NotAGatewayShowsNoSelector()
        {
            using var server = new PageTestServer();
            using var chromium = new ChromiumRunner();
            int port = chromium.StartWithDevTools(server.Base + "/");
            using var page = new ChromiumDevTools(port);
            page.WaitFor("document.getElementById('status').textContent==='live'&&performance.getEntriesByType('resource')" +
                ".some(function(e){return /\\/api\\/v1\\/modules$/.test(e.name);})", 20000, "the page asking for the modules");
            Thread.Sleep(500);
            Assert.Equal("true", page.Evaluate("document.getElementById('module-bar').hidden&&document.getElementById('modules').hidden" +
                "&&document.getElementById('nav-modules').hidden"));
        }

        private static void Select(ChromiumDevTools page, int address)
        {
            page.Evaluate("(function(){var s=document.getElementById('module-select');s.value='" + address +
                "';s.dispatchEvent(new Event('change'));return true;})()");
        }

        private string Screenshot(ChromiumDevTools page, string name)
        {
            return Screenshot(page, name, "modules");
        }

        // The window scrolled to the element with that id.
        private string Screenshot(ChromiumDevTools page, string name, string id)
        {
            string file = Path.Combine(PageChromiumTests.ArtifactsDirectory, name);
            File.Delete(file);
            page.Evaluate("(function(){document.getElementById('" + id + "').scrollIntoView();window.scrollBy(0,-60);return true;})()");
            Thread.Sleep(300);
            page.CaptureScreenshot(file);
            byte[] png = File.ReadAllBytes(file);
            Assert.True(png.Length > 10240 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "not a PNG of a rendered page: " + file + ", " + png.Length + " bytes");
            _output.WriteLine("screenshot " + file + " (" + png.Length + " bytes)");
            return file;
        }
    }
}
