using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Http
{
    /// <summary>
    /// The page in headless Chromium against a real in-process server (PageTestServer's known scenario):
    /// live values in the DOM after the scripts ran, a screenshot kept as a test artefact, and a
    /// configuration change made through the form (DevTools protocol) visible in GET /api/v1/config.
    /// </summary>
    [Collection(AloneCollection.Name)]
    public sealed class PageChromiumTests : IDisposable
    {
        private readonly PageTestServer _server = new PageTestServer();
        private readonly ITestOutputHelper _output;

        public PageChromiumTests(ITestOutputHelper output)
        {
            _output = output;
        }

        public void Dispose()
        {
            _server.Dispose();
        }

        /// <summary>firmware.tests/host/bin/&lt;configuration&gt;/net10.0/artifacts.</summary>
        public static string ArtifactsDirectory
        {
            get
            {
                string dir = Path.Combine(AppContext.BaseDirectory, "artifacts");
                Directory.CreateDirectory(dir);
                return dir;
            }
        }

        [Fact]
        public void PageShowsTheLiveValuesOfTheScenario()
        {
            using var chromium = new ChromiumRunner();
            string dom = chromium.Run("--virtual-time-budget=5000", "--dump-dom", _server.Base + "/");

            // Phases (HandMadeSnapshots: L1 230.0049 V, L2 231.2419 V, L3 lost), frequency, unbalance.
            Assert.Contains("230.00 V", dom);
            Assert.Contains("231.24 V", dom);
            Assert.Contains("L3 (no voltage)", dom);
            Assert.Contains("50.012 Hz", dom);
            Assert.Contains("0.35 %", dom);

            // Circuits: load of breaker, bar colour by threshold (green < 80 <= amber < 90 <= red).
            Assert.Contains("Rack A1", dom);
            Assert.Matches("class=\"bar green\"><span style=\"width: 45%;\">", dom);
            Assert.Matches("class=\"bar amber\"><span style=\"width: 85%;\">", dom);
            Assert.Matches("class=\"bar red\"><span style=\"width: 95%;\">", dom);
            Assert.Contains("27.2 A of 32 A breaker", dom);

            // Channel table with the configuration's labels, rack and customer next to live values.
            Assert.Contains("<td>PDU A2 left</td><td>R02</td><td>ACME</td>", dom);
            Assert.Contains("<td class=\"num\">3.85</td>", dom); // channel 2: 1.5 + 2.345678 A

            // Energy per customer: November from the two billing snapshots.
            Assert.Contains("2025-11-01 → 2025-12-01 (kWh)", dom);
            Assert.Contains("<td>ACME</td><td class=\"num\">300.000</td>", dom);
            Assert.Contains("<td>Globex</td><td class=\"num\">120.000</td>", dom);

            // PUE configured; trends found history.
            Assert.Contains("1.500", dom);
            Assert.Contains("66.7 %", dom);

            // Alarms (PageTestServer's journal): the header badge, the active list (critical first) with level, source,
            // condition in words, value and threshold with unit, next to the circuit bar and phase tile; the journal.
            Assert.Contains("<a id=\"alarm-badge\" class=\"badge critical\" href=\"#alarms\">2 critical · 1 warning</a>", dom);
            Assert.Matches("<tr class=\"critical\" data-alarm=\"\\d+\"><td><span class=\"lvl critical\">critical</span></td><td>Circuit Rack A3</td>"
                + "<td>Load high</td><td class=\"num value\">95.00 %</td><td class=\"num\">90.00 %</td><td>2026-01-01 13:09:15 \\(5 min\\)</td>"
                + "<td class=\"ack\">no</td><td><button type=\"button\" class=\"ack-button\">Acknowledge</button></td></tr>", dom);
            Assert.Contains("<td>Phase L3</td><td>Phase lost</td><td class=\"num value\">0.00 V</td>", dom);
            Assert.Contains("<b>Rack A3<span class=\"tag critical\">Load high</span></b>", dom);
            Assert.Contains("<span class=\"tag critical\">Phase lost</span>", dom);
            Assert.Contains("<td>2026-01-01 12:24:15</td><td>cleared</td><td>normal</td><td>Device</td><td>Voltage unbalance</td>", dom);
            Assert.Contains("data-path=\"alarms.rules.loadHigh.critical\"", dom);
            Assert.Contains("60 intervals of 1m", dom);

            // Configuration forms built from GET /api/v1/config.
            Assert.Contains("data-path=\"channels[2].ctRatedA\"", dom);
            Assert.Contains("id=\"save-modbus\"", dom);
        }

        [Fact]
        public void ScreenshotIsSavedAsATestArtefact()
        {
            string file = Path.Combine(ArtifactsDirectory, "page-1280x900.png");
            File.Delete(file);
            using var chromium = new ChromiumRunner();
            chromium.Run("--virtual-time-budget=5000", "--hide-scrollbars", "--window-size=1280,900", "--screenshot=" + file, _server.Base + "/");
            Assert.True(File.Exists(file), "no screenshot at " + file);
            byte[] png = File.ReadAllBytes(file);
            Assert.True(png.Length > 10000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "not a PNG of a rendered page: " + png.Length + " bytes");
            _output.WriteLine("screenshot: " + file);
            Console.WriteLine("page screenshot: " + file);

            string phone = Path.Combine(ArtifactsDirectory, "page-phone-390x844.png");
            File.Delete(phone);
            chromium.Run("--virtual-time-budget=5000", "--hide-scrollbars", "--window-size=390,844", "--screenshot=" + phone, _server.Base + "/");
            Assert.True(File.Exists(phone), "no phone screenshot at " + phone);
            _output.WriteLine("phone screenshot: " + phone);

            // The whole page (configuration forms included) on a tall window.
            string full = Path.Combine(ArtifactsDirectory, "page-full-1280.png");
            File.Delete(full);
            chromium.Run("--virtual-time-budget=5000", "--hide-scrollbars", "--window-size=1280,4200", "--screenshot=" + full, _server.Base + "/");
            Assert.True(File.Exists(full), "no full-page screenshot at " + full);
            _output.WriteLine("full page screenshot: " + full);
        }

        [Fact]
        public void ConfigurationChangeMadeInTheFormReachesTheApi()
        {
            using var chromium = new ChromiumRunner();
            int port = chromium.StartWithDevTools(_server.Base + "/#config");
            using var page = new ChromiumDevTools(port);
            page.WaitFor("!!document.querySelector('input[data-path=\"channels[1].label\"]')", 20000, "the channel form");

            // Edit a label and save: no session API here, so the page asks for credentials and sends Basic.
            page.Evaluate("(function(){var i=document.querySelector('input[data-path=\"channels[1].label\"]');" +
                "i.value='Rack B2 right';document.getElementById('save-channels').click();return true;})()");
            page.WaitFor("!document.getElementById('login').hidden", 10000, "the login form after 401");
            page.Evaluate("(function(){document.getElementById('login-user').value='" + PageTestServer.User + "';" +
                "document.getElementById('login-password').value='" + PageTestServer.Password + "';" +
                "document.getElementById('login-form').requestSubmit();return true;})()");
            page.WaitFor("document.querySelector('#config-channels .form-message').textContent==='Saved.'", 10000, "'Saved.'");
            Assert.Equal("Rack B2 right", ConfigValue(c => c.GetProperty("channels")[1].GetProperty("label").GetString()));
            Assert.Equal("PDU A1 left", ConfigValue(c => c.GetProperty("channels")[0].GetProperty("label").GetString()));

            // A value the server refuses: its message appears next to the field it names, nothing changes.
            page.Evaluate("(function(){var i=document.querySelector('input[data-path=\"channels[2].ctRatedA\"]');" +
                "i.value='9999';document.getElementById('save-channels').click();return true;})()");
            page.WaitFor("document.querySelector('input[data-path=\"channels[2].ctRatedA\"]').parentNode" +
                ".querySelector('.field-error').textContent.indexOf('channels[2].ctRatedA')===0", 10000, "the field's error message");
            string shown = page.Evaluate("document.querySelector('input[data-path=\"channels[2].ctRatedA\"]').parentNode.querySelector('.field-error').textContent");
            _output.WriteLine("error shown next to the field: " + shown);
            Assert.Equal(100.0, ConfigValue(c => c.GetProperty("channels")[2].GetProperty("ctRatedA").GetDouble()));

            // A section form: Modbus unit id.
            page.Evaluate("(function(){var i=document.querySelector('input[data-path=\"modbus.unitId\"]');" +
                "i.value='17';document.getElementById('save-modbus').click();return true;})()");
            page.WaitFor("document.querySelector('#config-modbus .form-message').textContent==='Saved.'", 10000, "'Saved.' for modbus");
            Assert.Equal(17, ConfigValue(c => c.GetProperty("modbus").GetProperty("unitId").GetInt32()));
        }

        [Fact]
        public void TrendRangesReadTheHistoryAtTheirResolution()
        {
            using var chromium = new ChromiumRunner();
            int port = chromium.StartWithDevTools(_server.Base + "/#trends");
            using var page = new ChromiumDevTools(port);
            const string note = "document.getElementById('trend-note').textContent";
            page.WaitFor(note + ".indexOf('60 intervals of 1m')===0", 20000, "the 1 h trend");
            page.Evaluate("(function(){document.querySelector('#trend-range [data-range=\"24h\"]').click();return true;})()");
            page.WaitFor(note + ".indexOf('96 intervals of 15m')===0", 10000, "the 24 h trend");
            page.Evaluate("(function(){document.querySelector('#trend-range [data-range=\"30d\"]').click();return true;})()");
            page.WaitFor(note + ".indexOf('30 intervals of 1d')===0", 10000, "the 30-day trend");

            // Another channel: its labelled option, and the curve drawn (pixels of the line colour on the canvas).
            page.Evaluate("(function(){var s=document.getElementById('trend-channel');s.value='3';" +
                "s.dispatchEvent(new Event('change'));return true;})()");
            Assert.Equal("true", page.Evaluate("document.getElementById('trend-channel').selectedOptions[0].textContent==='Channel 3 \\u2013 PDU A3 left'"));
            page.WaitFor("(function(){var c=document.getElementById('trend-canvas'),d=c.getContext('2d').getImageData(0,0,c.width,c.height).data,n=0;" +
                "for(var i=0;i<d.length;i+=4){if(d[i]===11&&d[i+1]===107&&d[i+2]===203&&d[i+3]===255){n++;}}return n>200;})()", 10000,
                "the average-power line on the canvas");
        }

        [Fact]
        public void CircuitsAreAddedAndRemovedInTheForm()
        {
            using var chromium = new ChromiumRunner();
            int port = chromium.StartWithDevTools(_server.Base + "/#config");
            using var page = new ChromiumDevTools(port);
            page.WaitFor("!!document.querySelector('#config-circuits button')", 20000, "the circuits form");

            // A new row whose channel already belongs to Rack A1: refused, the message sits next to its channels.
            page.Evaluate("(function(){var f=document.getElementById('config-circuits');" +
                "Array.prototype.filter.call(f.querySelectorAll('button'),function(b){return b.textContent==='Add';})[0].click();" +
                "f.querySelector('[data-path=\"circuits[3].name\"]').value='Rack A4';" +
                "f.querySelector('[data-path=\"circuits[3].channels\"]').value='1';" +
                "f.querySelector('[data-path=\"circuits[3].breakerRatedA\"]').value='20';" +
                "f.querySelector('[data-path=\"circuits[3].role\"]').value='it-load';" +
                "document.getElementById('save-circuits').click();return true;})()");
            page.WaitFor("!document.getElementById('login').hidden", 10000, "the login form before the first write");
            page.Evaluate("(function(){document.getElementById('login-user').value='" + PageTestServer.User + "';" +
                "document.getElementById('login-password').value='" + PageTestServer.Password + "';" +
                "document.getElementById('login-form').requestSubmit();return true;})()");
            // A fourth circuit on a 3-channel meter: the message names no field, so it stands next to Save.
            const string formMessage = "document.querySelector('#config-circuits .form-message').textContent";
            page.WaitFor(formMessage + ".indexOf('circuits:')===0", 10000, "the circuits form's message");
            Assert.Equal("\"circuits: at most 3 circuits (one per channel)\"", page.Evaluate(formMessage));
            Assert.Equal(3, ConfigValue(c => c.GetProperty("circuits").GetArrayLength()));

            // Remove Rack A3: the new row becomes circuits[2]. Its channel 1 belongs to Rack A1: refused, the
            // message sits next to its channels.
            page.Evaluate("(function(){var f=document.getElementById('config-circuits');" +
                "var rows=f.querySelector('tbody').rows;" +
                "Array.prototype.filter.call(rows[2].querySelectorAll('button'),function(b){return b.textContent==='Remove';})[0].click();" +
                "document.getElementById('save-circuits').click();return true;})()");
            const string channelsError = "document.querySelector('[data-path=\"circuits[2].channels\"]').parentNode.querySelector('.field-error').textContent";
            page.WaitFor(channelsError + ".length>0", 10000, "the error next to circuits[2].channels");
            Assert.Equal("\"circuits[2].channels[0]: channel 1 is already in circuits[0]\"", page.Evaluate(channelsError));
            Assert.Equal("Rack A3", ConfigValue(c => c.GetProperty("circuits")[2].GetProperty("name").GetString()));

            // Channel 3 instead: saved.
            page.Evaluate("(function(){var f=document.getElementById('config-circuits');" +
                "f.querySelector('[data-path=\"circuits[2].channels\"]').value='3';" +
                "document.getElementById('save-circuits').click();return true;})()");
            page.WaitFor("document.querySelector('#config-circuits .form-message').textContent==='Saved.'", 10000, "'Saved.' for circuits");
            Assert.Equal("Rack A1,Rack A2,Rack A4", ConfigValue(c => string.Join(",",
                System.Linq.Enumerable.Select(c.GetProperty("circuits").EnumerateArray(), x => x.GetProperty("name").GetString()))));
            Assert.Equal(3, ConfigValue(c => c.GetProperty("circuits")[2].GetProperty("channels")[0].GetInt32()));
            Assert.Equal(20.0, ConfigValue(c => c.GetProperty("circuits")[2].GetProperty("breakerRatedA").GetDouble()));
            Assert.Equal("it-load", ConfigValue(c => c.GetProperty("circuits")[2].GetProperty("role").GetString()));
        }

        [Fact]
        public void SessionLoginForcedPasswordChangeThenAWriteWithTheCookie()
        {
            using var sessions = new PageTestServer(true);
            using var chromium = new ChromiumRunner();
            int port = chromium.StartWithDevTools(sessions.Base + "/");
            using var page = new ChromiumDevTools(port);
            page.WaitFor("!!document.querySelector('[data-path=\"channels[0].label\"]')", 20000, "the configuration forms");

            // Factory admin: logged in through POST /api/v1/session, the password form opens by itself.
            page.Evaluate("(function(){document.getElementById('login-open').click();" +
                "document.getElementById('login-user').value='admin';document.getElementById('login-password').value='admin';" +
                "document.getElementById('login-form').requestSubmit();return true;})()");
            page.WaitFor("!document.getElementById('password').hidden", 10000, "the forced password change form");
            Assert.Equal("\"admin (admin)\"", page.Evaluate("document.getElementById('user').textContent"));

            // A write before the change: the server's 403 is shown, nothing changes.
            page.Evaluate("(function(){document.querySelector('[data-path=\"channels[0].label\"]').value='Before change';" +
                "document.getElementById('save-channels').click();return true;})()");
            page.WaitFor("document.querySelector('#config-channels .form-message').textContent==='password change required'", 10000,
                "the password-change refusal");
            Assert.Equal("PDU A1 left", ConfigValue(sessions, c => c.GetProperty("channels")[0].GetProperty("label").GetString()));

            page.Evaluate("(function(){document.getElementById('password-current').value='admin';" +
                "document.getElementById('password-new').value='Pdu-Rack-2026';document.getElementById('password-again').value='Pdu-Rack-2026';" +
                "document.getElementById('password-form').requestSubmit();return true;})()");
            page.WaitFor("document.getElementById('password').hidden", 10000, "the password form to close after 204");

            // Now the same form saves, with the session cookie and X-Requested-With.
            page.Evaluate("(function(){document.getElementById('save-channels').click();return true;})()");
            page.WaitFor("document.querySelector('#config-channels .form-message').textContent==='Saved.'", 10000, "'Saved.'");
            Assert.Equal("Before change", ConfigValue(sessions, c => c.GetProperty("channels")[0].GetProperty("label").GetString()));

            // The users of the configuration are listed (for the admin: rows to manage); logging out ends the session.
            Assert.Equal("true", page.Evaluate("!!document.querySelector('#users tr[data-user=\"admin\"]')"));
            page.Evaluate("(function(){document.getElementById('logout').click();return true;})()");
            page.WaitFor("!document.getElementById('login-open').hidden", 10000, "the Log in button after logging out");
            Assert.Equal("401", page.Evaluate("fetch('/api/v1/session').then(function(r){return r.status;})"));
        }

        [Fact]
        public void AnAdministratorManagesUsersInThePage()
        {
            using var sessions = new PageTestServer(true);
            using var chromium = new ChromiumRunner();
            int port = chromium.StartWithDevTools(sessions.Base + "/#config");
            using var page = new ChromiumDevTools(port);
            page.WaitFor("!!document.querySelector('#users')", 20000, "the users list");

            // Anonymous: the names and roles only, no form.
            Assert.Equal("false", page.Evaluate("!!document.getElementById('user-add')"));
            Assert.Equal("true", page.Evaluate("document.getElementById('users').textContent.indexOf('admin – admin')>=0"));

            // The factory admin logs in and changes the password; then the users form appears.
            page.Evaluate("(function(){document.getElementById('login-open').click();" +
                "document.getElementById('login-user').value='admin';document.getElementById('login-password').value='admin';" +
                "document.getElementById('login-form').requestSubmit();return true;})()");
            page.WaitFor("!document.getElementById('password').hidden", 10000, "the forced password change form");
            page.Evaluate("(function(){document.getElementById('password-current').value='admin';" +
                "document.getElementById('password-new').value='Pdu-Rack-2026';document.getElementById('password-again').value='Pdu-Rack-2026';" +
                "document.getElementById('password-form').requestSubmit();return true;})()");
            page.WaitFor("document.getElementById('password').hidden", 10000, "the password form to close after 204");
            page.WaitFor("!!document.getElementById('user-add')", 10000, "the users form for the admin");
            Assert.Equal("\"admin\"", page.Evaluate("document.querySelector('#users tbody tr').dataset.user"));

            // A new user with a short password: the server's message stands next to the password field.
            const string passwordError = "document.getElementById('user-add-password').parentNode.querySelector('.field-error').textContent";
            page.Evaluate("(function(){document.getElementById('user-add-name').value='ops';" +
                "document.getElementById('user-add-role').value='operator';document.getElementById('user-add-password').value='short';" +
                "document.getElementById('user-add').requestSubmit();return true;})()");
            page.WaitFor(passwordError + ".length>0", 10000, "the password's error");
            Assert.Equal("\"password must be 8..64 characters\"", page.Evaluate(passwordError));
            Assert.Equal(1, ConfigValue(sessions, c => c.GetProperty("users").GetArrayLength()));

            // A bad name: next to the name field.
            const string nameError = "document.getElementById('user-add-name').parentNode.querySelector('.field-error').textContent";
            page.Evaluate("(function(){document.getElementById('user-add-name').value='o p';" +
                "document.getElementById('user-add-password').value='Night-Shift-42';" +
                "document.getElementById('user-add').requestSubmit();return true;})()");
            page.WaitFor(nameError + ".indexOf('name:')===0", 10000, "the name's error");

            // Added: a row for it and the configuration lists it (names and roles only, never hashes).
            page.Evaluate("(function(){document.getElementById('user-add-name').value='ops';" +
                "document.getElementById('user-add').requestSubmit();return true;})()");
            page.WaitFor("!!document.querySelector('#users tr[data-user=\"ops\"]')", 10000, "the new user's row");
            Assert.Equal("operator", ConfigValue(sessions, c => c.GetProperty("users")[1].GetProperty("role").GetString()));
            Assert.Equal("ops", ConfigValue(sessions, c => c.GetProperty("users")[1].GetProperty("name").GetString()));
            Assert.Equal(2, ConfigValue(sessions, c => c.GetProperty("users")[1].EnumerateObject().Count()));

            // Its role changed in its row.
            page.Evaluate("(function(){var r=document.querySelector('#users tr[data-user=\"ops\"]');" +
                "r.querySelector('select').value='viewer';r.querySelector('button.primary').click();return true;})()");
            page.WaitFor("document.querySelector('#users tr[data-user=\"ops\"] .form-message').textContent==='Saved.'", 10000, "'Saved.' in the row");
            Assert.Equal("viewer", ConfigValue(sessions, c => c.GetProperty("users")[1].GetProperty("role").GetString()));

            // The last admin cannot become a viewer: the server's message (it names no field) next to Save.
            page.Evaluate("(function(){var r=document.querySelector('#users tr[data-user=\"admin\"]');" +
                "r.querySelector('select').value='viewer';r.querySelector('button.primary').click();return true;})()");
            const string rowMessage = "document.querySelector('#users tr[data-user=\"admin\"] .form-message').textContent";
            page.WaitFor(rowMessage + ".indexOf('users:')===0", 10000, "the last-admin refusal");
            Assert.Equal("\"users: at least one user must be admin\"", page.Evaluate(rowMessage));
            Assert.Equal("admin", ConfigValue(sessions, c => c.GetProperty("users")[0].GetProperty("role").GetString()));

            // Deleted with two clicks.
            page.Evaluate("(function(){var b=document.querySelector('#users tr[data-user=\"ops\"] button:not(.primary)');b.click();b.click();return true;})()");
            page.WaitFor("!document.querySelector('#users tr[data-user=\"ops\"]')", 10000, "the row to go");
            Assert.Equal(1, ConfigValue(sessions, c => c.GetProperty("users").GetArrayLength()));

            // The web access settings: a session timeout out of range is refused next to its field, then one saved.
            const string timeout = "document.querySelector('input[data-path=\"http.sessionTimeoutS\"]')";
            page.Evaluate("(function(){" + timeout + ".value='30';document.getElementById('save-http').click();return true;})()");
            page.WaitFor(timeout + ".parentNode.querySelector('.field-error').textContent.indexOf('http.sessionTimeoutS:')===0", 10000,
                "the session timeout's error");
            page.Evaluate("(function(){" + timeout + ".value='900';document.getElementById('save-http').click();return true;})()");
            page.WaitFor(timeout + ".dataset.original==='900'", 10000, "the session timeout saved and read back");
            Assert.Equal(900, ConfigValue(sessions, c => c.GetProperty("http").GetProperty("sessionTimeoutS").GetInt32()));

            // An operator sees the users but gets no form to manage them.
            page.Evaluate("(function(){document.getElementById('user-add-name').value='ops';" +
                "document.getElementById('user-add-role').value='operator';document.getElementById('user-add-password').value='Night-Shift-42';" +
                "document.getElementById('user-add').requestSubmit();return true;})()");
            page.WaitFor("!!document.querySelector('#users tr[data-user=\"ops\"]')", 10000, "the operator's row");
            page.Evaluate("(function(){document.getElementById('logout').click();return true;})()");
            page.WaitFor("!document.getElementById('login-open').hidden&&!document.getElementById('user-add')", 10000, "the list without form after logout");
            page.Evaluate("(function(){document.getElementById('login-open').click();" +
                "document.getElementById('login-user').value='ops';document.getElementById('login-password').value='Night-Shift-42';" +
                "document.getElementById('login-form').requestSubmit();return true;})()");
            page.WaitFor("document.getElementById('user').textContent==='ops (operator)'", 10000, "the operator logged in");
            Assert.Equal("false", page.Evaluate("!!document.getElementById('user-add')"));
            Assert.Equal("true", page.Evaluate("document.getElementById('users').textContent.indexOf('ops – operator')>=0"));

            // The operator acknowledges Rack A3's alarm with the page's button: first refused (a user the admin created
            // must change the password; the server's message stands next to the button), then, after the change, done.
            const string rackA3 = "Array.prototype.filter.call(document.querySelectorAll('#alarm-table tbody tr'),function(r){return r.cells[1].textContent==='Circuit Rack A3';})[0]";
            page.WaitFor(rackA3 + ".querySelector('.ack-button')", 10000, "Rack A3's Acknowledge button");
            page.Evaluate("(function(){" + rackA3 + ".querySelector('.ack-button').click();return true;})()");
            page.WaitFor(rackA3 + ".querySelector('.error').textContent.indexOf('password change required')>=0", 10000, "the refusal next to the button");
            page.Evaluate("(function(){document.getElementById('password-current').value='Night-Shift-42';" +
                "document.getElementById('password-new').value='Night-Shift-43';document.getElementById('password-again').value='Night-Shift-43';" +
                "document.getElementById('password-form').requestSubmit();return true;})()");
            page.WaitFor("document.getElementById('password').hidden", 10000, "the operator's password changed");
            page.Evaluate("(function(){" + rackA3 + ".querySelector('.ack-button').click();return true;})()");
            page.WaitFor(rackA3 + ".querySelector('.ack').textContent==='by ops at 2026-01-01 13:14:15'", 10000, "the alarm acknowledged by ops");
            Assert.Equal("\"ops\"", page.Evaluate("Array.prototype.filter.call(document.querySelectorAll('#alarm-log tbody tr'),function(r)" +
                "{return r.cells[1].textContent==='acknowledged';})[0].cells[7].textContent"));

            // Only administrators change alarm rules: the operator's save shows the server's refusal.
            page.Evaluate("(function(){document.querySelector('input[data-path=\"alarms.rules.loadHigh.warning\"]').value='70';" +
                "document.getElementById('save-alarms').click();return true;})()");
            page.WaitFor("document.querySelector('#config-alarms .form-message').className.indexOf('error')>=0", 10000, "the refusal");
            string refusal = page.Evaluate("document.querySelector('#config-alarms .form-message').textContent");
            _output.WriteLine("operator saving alarm rules: " + refusal);
            Assert.Equal("\"role operator may change labels only, not alarms\"", refusal);
            Assert.Equal(80.0, ConfigValue(sessions, c => c.GetProperty("alarms").GetProperty("rules").GetProperty("loadHigh").GetProperty("warning").GetDouble()));
        }

        [Fact]
        public void WithAnonymousReadingOffThePageAsksForALoginThenShowsTheValues()
        {
            using var sessions = new PageTestServer(true);
            byte[] off = System.Text.Encoding.UTF8.GetBytes("{\"http\":{\"anonymousRead\":false}}");
            Assert.Null(sessions.Config.Apply(off, 0, off.Length));
            using var chromium = new ChromiumRunner();
            int port = chromium.StartWithDevTools(sessions.Base + "/");
            using var page = new ChromiumDevTools(port);
            page.WaitFor("!document.getElementById('login').hidden", 20000, "the login form");
            Assert.Equal("\"login needed\"", page.Evaluate("document.getElementById('status').textContent"));
            Assert.Equal("false", page.Evaluate("document.body.textContent.indexOf('230.00 V')>=0"));

            page.Evaluate("(function(){document.getElementById('login-user').value='admin';" +
                "document.getElementById('login-password').value='admin';" +
                "document.getElementById('login-form').requestSubmit();return true;})()");
            page.WaitFor("document.body.textContent.indexOf('230.00 V')>=0", 10000, "the live values after login");
            page.WaitFor("!!document.querySelector('[data-path=\"http.anonymousRead\"]')", 10000, "the configuration forms after login");
            Assert.Equal("false", page.Evaluate("document.querySelector('[data-path=\"http.anonymousRead\"]').checked"));
            Assert.Equal("\"live\"", page.Evaluate("document.getElementById('status').textContent"));
        }

        private T ConfigValue<T>(PageTestServer server, Func<JsonElement, T> pick)
        {
            using var http = new HttpClient(new HttpClientHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };
            string body = http.GetStringAsync(server.Base + "/api/v1/config").GetAwaiter().GetResult();
            using JsonDocument doc = JsonDocument.Parse(body);
            return pick(doc.RootElement);
        }

        private T ConfigValue<T>(Func<JsonElement, T> pick)
        {
            using var http = new HttpClient(new HttpClientHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };
            string body = http.GetStringAsync(_server.Base + "/api/v1/config").GetAwaiter().GetResult();
            using JsonDocument doc = JsonDocument.Parse(body);
            return pick(doc.RootElement);
        }
    }
}
