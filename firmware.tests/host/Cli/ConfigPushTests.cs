using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;
using Ipenergy.Probe.Cli;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Cli
{
    /// <summary>
    /// eprobe config get/set/export/import and push against three real virtual e-Probes (loopback, own ports):
    /// read back with the CLI and with each probe's own GET /api/v1/config (curl). Each test changes its own
    /// fields, so the order they run in does not matter.
    /// </summary>
    public sealed class ConfigPushTests : IClassFixture<ConfigFleetFixture>
    {
        private readonly ConfigFleetFixture _fleet;
        private readonly ITestOutputHelper _log;

        public ConfigPushTests(ConfigFleetFixture fleet, ITestOutputHelper log)
        {
            _fleet = fleet;
            _log = log;
        }

        private static CliResult Admin(params string[] args)
        {
            var all = new List<string>(args) { "--user", "admin", "--password", "admin", "--no-progress" };
            return EprobeCli.Run(all.ToArray());
        }

        [Fact]
        public void PushAppliesToEveryProbeReadsBackEqualAndKeepsEachProbesIdentity()
        {
            for (int i = 0; i < 3; i++)
            {
                CliResult own = Admin("config", "set", "snmp.sysName=probe-" + i, "snmp.sysLocation=Room " + i, "network.hostname=probe-" + i, "-p", _fleet.Addresses[i]);
                Assert.True(own.ExitCode == 0, own.ToString());
            }

            string file = _fleet.Write("reference.json",
                "{\"snmp\":{\"sysName\":\"REF\",\"sysLocation\":\"REF room\",\"sysContact\":\"noc@example.com\",\"readCommunity\":\"***\"},"
                + "\"network\":{\"hostname\":\"ref\"},\"history\":{\"energySaveIntervalS\":120},"
                + "\"channels\":[{\"channel\":1,\"ctRatedA\":50,\"label\":\"PDU A\"}],\"alarms\":{\"rules\":{\"loadHigh\":{\"warning\":75}}},"
                + "\"users\":[{\"name\":\"admin\",\"role\":\"viewer\"}]}");
            CliResult push = Admin("push", file, "-p", _fleet.All);
            _log.WriteLine("$ eprobe push reference.json -p " + _fleet.All + "\n" + push.Output + push.Error);
            Assert.True(push.ExitCode == 0, push.ToString());
            Assert.Contains("applied and verified", push.Output);
            Assert.Contains("history.energySaveIntervalS: 60 -> 120", push.Output);
            Assert.Contains("kept: snmp.sysName (per-device, kept: --include-identity to push it)", push.Output);
            Assert.Contains("kept: users (credentials are never pushed)", push.Output);

            // Read back with the CLI...
            CliResult get = EprobeCli.Run("config", "get", "snmp.sysContact", "history.energySaveIntervalS", "channels[0].ctRatedA", "channels[0].label",
                "alarms.rules.loadHigh.warning", "snmp.sysName", "snmp.sysLocation", "network.hostname", "users[0].role", "-p", _fleet.All, "--json");
            Assert.True(get.ExitCode == 0, get.ToString());
            JsonArray answers = JsonNode.Parse(get.Output).AsArray();
            Assert.Equal(3, answers.Count);
            for (int i = 0; i < 3; i++)
            {
                JsonNode values = answers[i]["values"];
                Assert.Equal(_fleet.Addresses[i], answers[i]["probe"].GetValue<string>());
                Assert.Equal("noc@example.com", values["snmp.sysContact"].GetValue<string>());
                Assert.Equal(120, values["history.energySaveIntervalS"].GetValue<int>());
                Assert.Equal(50, values["channels[0].ctRatedA"].GetValue<int>());
                Assert.Equal("PDU A", values["channels[0].label"].GetValue<string>());
                Assert.Equal(75, values["alarms.rules.loadHigh.warning"].GetValue<int>());
                Assert.Equal("probe-" + i, values["snmp.sysName"].GetValue<string>());
                Assert.Equal("Room " + i, values["snmp.sysLocation"].GetValue<string>());
                Assert.Equal("probe-" + i, values["network.hostname"].GetValue<string>());
                Assert.Equal("admin", values["users[0].role"].GetValue<string>());

                // ... and with the probe's own API: the same.
                JsonNode own = _fleet.ConfigOf(i);
                Assert.Equal("noc@example.com", own["snmp"]["sysContact"].GetValue<string>());
                Assert.Equal(120, own["history"]["energySaveIntervalS"].GetValue<int>());
                Assert.Equal(50, own["channels"][0]["ctRatedA"].GetValue<int>());
                Assert.Equal("PDU A", own["channels"][0]["label"].GetValue<string>());
                Assert.Equal(100, own["channels"][1]["ctRatedA"].GetValue<int>());
                Assert.Equal(75, own["alarms"]["rules"]["loadHigh"]["warning"].GetValue<int>());
                Assert.Equal("probe-" + i, own["snmp"]["sysName"].GetValue<string>());
                Assert.Equal("Room " + i, own["snmp"]["sysLocation"].GetValue<string>());
                Assert.Equal("probe-" + i, own["network"]["hostname"].GetValue<string>());
                Assert.Equal("admin", own["users"][0]["role"].GetValue<string>());
                Assert.Equal("***", own["snmp"]["readCommunity"].GetValue<string>());
            }

            // Pushing the same file again: nothing to do.
            CliResult again = Admin("push", file, "-p", _fleet.All, "--json");
            Assert.True(again.ExitCode == 0, again.ToString());
            foreach (JsonNode probe in JsonNode.Parse(again.Output).AsArray())
            {
                Assert.True(probe["ok"].GetValue<bool>());
                Assert.Empty(probe["changes"].AsArray());
                Assert.False(probe["applied"].GetValue<bool>());
            }
        }

        [Fact]
        public void DryRunShowsEachProbesDiffAndChangesNothing()
        {
            var before = new string[3];
            for (int i = 0; i < 3; i++)
            {
                before[i] = _fleet.ConfigOf(i).ToJsonString();
            }

            string file = _fleet.Write("dry.json", "{\"modbus\":{\"unitId\":9},\"snmp\":{\"sysContact\":\"dry@example.com\"}}");
            CliResult dry = Admin("push", file, "--dry-run", "-p", _fleet.All);
            _log.WriteLine("$ eprobe push dry.json --dry-run ...\n" + dry.Output + dry.Error);
            Assert.True(dry.ExitCode == 0, dry.ToString());
            Assert.Equal(3, CountOf(dry.Output, "(dry run, nothing sent)"));
            Assert.Equal(3, CountOf(dry.Output, "  modbus.unitId: 1 -> 9"));

            CliResult json = Admin("push", file, "--dry-run", "-p", _fleet.All, "--json");
            Assert.True(json.ExitCode == 0, json.ToString());
            foreach (JsonNode probe in JsonNode.Parse(json.Output).AsArray())
            {
                Assert.False(probe["applied"].GetValue<bool>());
                Assert.Contains(probe["changes"].AsArray(), c => c["path"].GetValue<string>() == "modbus.unitId" && c["old"].GetValue<int>() == 1 && c["new"].GetValue<int>() == 9);
            }

            for (int i = 0; i < 3; i++)
            {
                Assert.Equal(before[i], _fleet.ConfigOf(i).ToJsonString());
            }
        }

        [Fact]
        public void AProbeRefusingAValueIsReportedWithItsOwnMessageAndTheOthersApply()
        {
            // Probes 0 and 1 allow a higher over-voltage warning; probe 2 keeps critical 115.
            CliResult prepare = Admin("config", "set", "alarms.rules.overVoltage.critical=120", "-p", _fleet.Addresses[0] + "," + _fleet.Addresses[1]);
            Assert.True(prepare.ExitCode == 0, prepare.ToString());

            string file = _fleet.Write("ov.json", "{\"alarms\":{\"rules\":{\"overVoltage\":{\"warning\":118}}}}");
            CliResult push = Admin("push", file, "-p", _fleet.All);
            _log.WriteLine(push.Output + push.Error);
            Assert.True(push.ExitCode == 1, push.ToString());
            Assert.Contains("eprobe: " + _fleet.Addresses[2] + ": HTTP 400: alarms.rules.overVoltage", push.Error);
            Assert.Contains(_fleet.Addresses[2] + " (", push.Output);
            Assert.Contains("NOT applied: HTTP 400", push.Output);
            Assert.Equal(118, _fleet.ConfigOf(0)["alarms"]["rules"]["overVoltage"]["warning"].GetValue<int>());
            Assert.Equal(118, _fleet.ConfigOf(1)["alarms"]["rules"]["overVoltage"]["warning"].GetValue<int>());
            Assert.Equal(110, _fleet.ConfigOf(2)["alarms"]["rules"]["overVoltage"]["warning"].GetValue<int>());

            // The same refusal from config set: every probe refuses -> exit 4, and nothing changed.
            CliResult set = Admin("config", "set", "channels[0].ctRatedA=600", "-p", _fleet.All);
            Assert.True(set.ExitCode == 4, set.ToString());
            Assert.Contains("HTTP 400: channels[0].ctRatedA: must be 5..500 A, got 600", set.Error);
        }

        [Fact]
        public void AnUnreachableProbeInTheListIsReportedAndTheOthersApply()
        {
            string closed = ConfigFleetFixture.ClosedAddress();
            string file = _fleet.Write("panel.json", "{\"panel\":{\"contrast\":40},\"snmp\":{\"writeCommunity\":\"private2\"}}");
            CliResult push = Admin("push", file, "-p", _fleet.Addresses[0] + "," + closed + "," + _fleet.Addresses[1] + "," + _fleet.Addresses[2], "--json");
            Assert.True(push.ExitCode == 1, push.ToString());
            Assert.Contains("eprobe: " + closed + ": unreachable", push.Error);
            JsonArray results = JsonNode.Parse(push.Output).AsArray();
            Assert.Equal(4, results.Count);
            Assert.False(results[1]["ok"].GetValue<bool>());
            Assert.StartsWith("unreachable", results[1]["error"].GetValue<string>());
            Assert.True(results[0]["applied"].GetValue<bool>());
            Assert.Contains(results[0]["changes"].AsArray(), c => c["path"].GetValue<string>() == "snmp.writeCommunity" && c["new"].GetValue<string>() == "(new secret)");
            Assert.DoesNotContain("private2", push.Output);
            for (int i = 0; i < 3; i++)
            {
                Assert.Equal(40, _fleet.ConfigOf(i)["panel"]["contrast"].GetValue<int>());

                // A secret reads back as set ("***"): the verify step checks that, never the text.
                Assert.Equal("***", _fleet.ConfigOf(i)["snmp"]["writeCommunity"].GetValue<string>());
            }
        }

        [Fact]
        public void ConfigSetTypesValuesAndRefusesUnknownPathsAndBadValuesAsUsage()
        {
            CliResult set = Admin("config", "set", "modbus.writesUnlocked=true", "bus.pollIntervalMs=2000", "snmp.sysContact=123", "-p", _fleet.All);
            Assert.True(set.ExitCode == 0, set.ToString());
            CliResult get = EprobeCli.Run("config", "get", "modbus.writesUnlocked", "bus.pollIntervalMs", "snmp.sysContact", "-p", _fleet.All, "--format", "csv");
            Assert.True(get.ExitCode == 0, get.ToString());
            Assert.Contains(_fleet.Addresses[2] + ",", get.Output);
            Assert.Equal(3, CountOf(get.Output, ",modbus.writesUnlocked,true"));
            Assert.Equal(3, CountOf(get.Output, ",bus.pollIntervalMs,2000"));
            Assert.Equal(3, CountOf(get.Output, ",snmp.sysContact,\"\"\"123\"\"\""));

            CliResult unknown = Admin("config", "set", "snmp.sysname=x", "-p", _fleet.All);
            Assert.True(unknown.ExitCode == 2, unknown.ToString());
            Assert.Contains("unknown configuration path snmp.sysname", unknown.Error);
            Assert.Contains("did you mean sysName?", unknown.Error);

            CliResult badType = Admin("config", "set", "channels[0].ctRatedA=lots", "-p", _fleet.All);
            Assert.True(badType.ExitCode == 2, badType.ToString());
            Assert.Contains("channels[0].ctRatedA is a number, got \"lots\"", badType.Error);

            CliResult noChannel = EprobeCli.Run("config", "get", "channels[5].label", "-p", _fleet.All);
            Assert.True(noChannel.ExitCode == 2, noChannel.ToString());
            Assert.Contains("the list has 3 elements", noChannel.Error);

            Assert.Equal(2, Admin("config", "set", "users[0].role=viewer", "-p", _fleet.All).ExitCode);
            Assert.Equal(2, Admin("config", "set", "snmp.sysContact", "-p", _fleet.All).ExitCode);
            Assert.Equal(2, Admin("config", "set", "-p", _fleet.All).ExitCode);
            Assert.Equal(2, Admin("config", "set", "a=1", "--bogus", "-p", _fleet.All).ExitCode);
            Assert.Equal(2, EprobeCli.Run("config", "get").ExitCode);

            // Writes need a login: without one every probe refuses.
            CliResult anonymous = EprobeCli.Run("config", "set", "snmp.sysContact=x", "-p", _fleet.All);
            Assert.True(anonymous.ExitCode == 4, anonymous.ToString());
            Assert.Contains("HTTP 401", anonymous.Error);
        }

        [Fact]
        public void ExportThenImportRestoresEachProbeFromItsOwnFile()
        {
            string dir = Path.Combine(_fleet.TempDir, "backup") + "/";
            CliResult export = EprobeCli.Run("config", "export", "-p", _fleet.All, "--output", dir);
            Assert.True(export.ExitCode == 0, export.ToString());
            string[] files = Directory.GetFiles(dir, "*.json");
            Assert.Equal(3, files.Length);
            var serials = new List<string>();
            for (int i = 0; i < 3; i++)
            {
                CliResult serial = EprobeCli.Run("config", "export", "-p", _fleet.Addresses[i]);
                Assert.True(serial.ExitCode == 0, serial.ToString());
                JsonNode single = JsonNode.Parse(serial.Output);
                Assert.True(single is JsonObject);
                Assert.True(Ipenergy.Probe.Cli.JsonDiff.Same(_fleet.ConfigOf(i), single));
            }

            CliResult change = Admin("config", "set", "panel.backlightTimeoutS=900", "snmp.sysLocation=moved", "-p", _fleet.All);
            Assert.True(change.ExitCode == 0, change.ToString());

            CliResult dry = Admin("config", "import", dir, "-p", _fleet.All, "--dry-run");
            Assert.True(dry.ExitCode == 0, dry.ToString());
            Assert.Equal(3, CountOf(dry.Output, "  panel.backlightTimeoutS: 900 -> 300"));
            Assert.Equal(3, CountOf(dry.Output, "  snmp.sysLocation: \"moved\" -> "));

            CliResult import = Admin("config", "import", dir, "-p", _fleet.All);
            _log.WriteLine(import.Output + import.Error);
            Assert.True(import.ExitCode == 0, import.ToString());
            for (int i = 0; i < 3; i++)
            {
                JsonNode now = _fleet.ConfigOf(i);
                Assert.Equal(300, now["panel"]["backlightTimeoutS"].GetValue<int>());
                Assert.NotEqual("moved", now["snmp"]["sysLocation"].GetValue<string>());
            }

            // The array form (export of many on stdout) imports by serial too; a probe without an entry fails.
            CliResult many = EprobeCli.Run("config", "export", "-p", _fleet.Addresses[0] + "," + _fleet.Addresses[1]);
            Assert.True(many.ExitCode == 0, many.ToString());
            string arrayFile = _fleet.Write("two.json", many.Output);
            CliResult partial = Admin("config", "import", arrayFile, "-p", _fleet.All, "--dry-run");
            Assert.True(partial.ExitCode == 1, partial.ToString());
            Assert.Contains("eprobe: " + _fleet.Addresses[2] + ": no saved configuration for serial", partial.Error);

            // One FILE for several probes is refused before anything is read.
            CliResult oneFile = EprobeCli.Run("config", "export", "-p", _fleet.All, "--output", Path.Combine(_fleet.TempDir, "one.json"));
            Assert.True(oneFile.ExitCode == 2, oneFile.ToString());
        }

        [Fact]
        public void AnOperatorMayChangeLabelsOnlyTheWholeDocumentPutKeepsThatRule()
        {
            // An operator on probe 1 (created by the admin; the new user must change its password first).
            using (var http = new System.Net.Http.HttpClient())
            {
                string baseUrl = "http://" + _fleet.Addresses[1];
                Send(http, System.Net.Http.HttpMethod.Put, baseUrl + "/api/v1/users/ops", "admin", "admin", "{\"role\":\"operator\",\"password\":\"First-Pass-2026\"}");
                Send(http, System.Net.Http.HttpMethod.Put, baseUrl + "/api/v1/session/password", "ops", "First-Pass-2026", "{\"current\":\"First-Pass-2026\",\"new\":\"Ops-Pass-2026\"}");
            }

            CliResult label = EprobeCli.Run("config", "set", "channels[2].label=UPS B", "channels[2].customer=Initech", "-p", _fleet.Addresses[1], "--user", "ops", "--password", "Ops-Pass-2026");
            Assert.True(label.ExitCode == 0, label.ToString());
            Assert.Equal("UPS B", _fleet.ConfigOf(1)["channels"][2]["label"].GetValue<string>());

            CliResult rating = EprobeCli.Run("config", "set", "channels[2].ctRatedA=60", "-p", _fleet.Addresses[1], "--user", "ops", "--password", "Ops-Pass-2026");
            Assert.True(rating.ExitCode == 4, rating.ToString());
            Assert.Contains("HTTP 403: role operator may change labels only, not channels[2].ctRatedA", rating.Error);
            Assert.Equal(100, _fleet.ConfigOf(1)["channels"][2]["ctRatedA"].GetValue<int>());
        }

        private static void Send(System.Net.Http.HttpClient http, System.Net.Http.HttpMethod method, string url, string user, string password, string json)
        {
            using var request = new System.Net.Http.HttpRequestMessage(method, url) { Content = new System.Net.Http.StringContent(json, System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", System.Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(user + ":" + password)));
            using System.Net.Http.HttpResponseMessage response = http.Send(request);
            Assert.True((int)response.StatusCode < 300, method + " " + url + ": " + (int)response.StatusCode + " " + response.Content.ReadAsStringAsync().Result);
        }

        [Fact]
        public void BadAnswersAndBadFilesAreReported()
        {
            using var garbage = new GarbageHttpServer();
            CliResult get = EprobeCli.Run("config", "get", "snmp.sysName", "-p", _fleet.Addresses[0] + "," + garbage.Address);
            Assert.True(get.ExitCode == 1, get.ToString());
            Assert.Contains("eprobe: " + garbage.Address + ": bad answer to /api/v1/info: not JSON", get.Error);
            Assert.Contains(_fleet.Addresses[0], get.Output);

            CliResult push = Admin("push", _fleet.Write("ok.json", "{\"panel\":{\"language\":\"en\"}}"), "-p", garbage.Address);
            Assert.True(push.ExitCode == 4, push.ToString());
            Assert.Contains("bad answer", push.Error);

            CliResult notJson = Admin("push", _fleet.Write("bad.json", "{\"snmp\": {"), "-p", _fleet.All);
            Assert.True(notJson.ExitCode == 2, notJson.ToString());
            Assert.Contains("is not valid JSON", notJson.Error);
            Assert.Equal(2, Admin("push", Path.Combine(_fleet.TempDir, "missing.json"), "-p", _fleet.All).ExitCode);
            Assert.Equal(2, Admin("push", _fleet.Write("array.json", "[{}]"), "-p", _fleet.All).ExitCode);

            // An unknown field in the file: the probe's own check names it, nothing applied.
            CliResult unknownField = Admin("push", _fleet.Write("unknown.json", "{\"snmp\":{\"sysNmae\":\"x\"}}"), "-p", _fleet.All);
            Assert.True(unknownField.ExitCode == 4, unknownField.ToString());
            Assert.Contains("HTTP 400: snmp.sysNmae", unknownField.Error);
        }

        private static int CountOf(string text, string part)
        {
            int count = 0;
            for (int at = text.IndexOf(part, System.StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, System.StringComparison.Ordinal))
            {
                count++;
            }

            return count;
        }
    }
}
