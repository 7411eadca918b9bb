using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using Ipenergy.Probe.Tests.Http;
using Ipenergy.Probe.Tests.Snmp;
using Ipenergy.Probe.Tests.Syslog;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.EndToEnd
{
    /// <summary>
    /// Issue 8's acceptance run on the virtual e-Probe process: scenario events (a channel stepping to 95 % of
    /// its circuit's 32 A breaker, phase L2 dropping to 0 V, an unbalance on L3) raise and clear the right
    /// alarms after the configured delays; snmptrapd receives the notifications and socat the syslog
    /// messages; the journal, with an acknowledgement, survives SIGKILL. Prints the detection latency from
    /// each event to its journal record in simulated time (the device clock starts at a known instant).
    /// </summary>
    [Collection(AloneCollection.Name)]
    public sealed class AlarmEndToEndTests : IDisposable
    {
        private static readonly DateTime ClockStart = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        private const string Admin = "admin:admin";

        private readonly ITestOutputHelper _output;
        private readonly string _dir = Directory.CreateTempSubdirectory("eprobe-alarms-").FullName;

        public AlarmEndToEndTests(ITestOutputHelper output)
        {
            _output = output;
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
        public void ScenarioEventsRaiseAndClearTheRightAlarmsToTrapsSyslogAndAJournalThatSurvivesSigkill()
        {
            string dataDir = Path.Combine(_dir, "data");
            string scenario = Path.Combine(_dir, "scenario.json");
            File.WriteAllText(scenario, Scenario(true));
            File.WriteAllText(Path.Combine(_dir, "quiet.json"), Scenario(false));
            using var traps = new SnmpTrapdReceiver();
            using var syslog = new SocatUdpReceiver();

            // 1. Configure the circuit and the syslog destination, stored on the simulated flash; then a power cut.
            using (var setup = new VirtualProbe("--scenario", Path.Combine(_dir, "quiet.json"), "--data-dir", dataDir))
            {
                HttpResponseText put = CurlRunner.Fetch("-u", Admin, "-X", "PUT", "-H", "Content-Type: application/json", "-d",
                    "{\"circuits\":[{\"name\":\"Rack A1\",\"channels\":[1],\"breakerRatedA\":32}],"
                    + "\"alarms\":{\"syslog\":\"127.0.0.1:" + syslog.Port + "\"}}", setup.HttpUrl + "/api/v1/config");
                Assert.True(put.Status == 200, "config PUT: " + put.Status + " " + put.Body);
            }

            // 2. The scenario with its events, from simulated second 0, at 10x.
            JsonElement journal;
            uint unbalanceId;
            using (var probe = new VirtualProbe("--scenario", scenario, "--data-dir", dataDir, "--time-scale", "10",
                "--clock-start", "2026-03-01T00:00:00Z", "--trap-target", "127.0.0.1:" + traps.Port))
            {
                probe.MeasurementsAfter(0);
                journal = WaitForRecord(probe, "voltageUnbalance", "raised", 40000);
                JsonElement[] log = Records(journal);
                Describe(log);

                JsonElement load = Single(log, "loadHigh", "raised");
                Assert.Equal("circuit", load.GetProperty("source").GetString());
                Assert.Equal("Rack A1", load.GetProperty("name").GetString());
                Assert.Equal("critical", load.GetProperty("level").GetString());
                Assert.InRange(load.GetProperty("value").GetDouble(), 93.0, 97.0);
                double loadLatency = Latency(load, 20);
                Assert.InRange(loadLatency, 5.0, 8.0);
                double loadClear = Latency(Single(log, "loadHigh", "cleared"), 40);
                Assert.InRange(loadClear, 10.0, 13.0);

                JsonElement lost = Single(log, "phaseLost", "raised");
                Assert.Equal("L2", lost.GetProperty("name").GetString());
                Assert.Equal("critical", lost.GetProperty("level").GetString());
                double lostLatency = Latency(lost, 60);
                Assert.InRange(lostLatency, 1.0, 3.0);
                Assert.InRange(Latency(Single(log, "phaseLost", "cleared"), 68), 5.0, 8.0);

                // One cause, one alarm: the lost phase is not also an undervoltage, nor a frequency excursion.
                Assert.DoesNotContain(log, r => r.GetProperty("condition").GetString() == "underVoltage");
                Assert.DoesNotContain(log, r => r.GetProperty("condition").GetString().StartsWith("frequency", StringComparison.Ordinal));

                JsonElement unbalance = Single(log, "voltageUnbalance", "raised");
                Assert.Equal("warning", unbalance.GetProperty("level").GetString());
                double unbalanceLatency = Latency(unbalance, 95);
                Assert.InRange(unbalanceLatency, 10.0, 13.0);
                unbalanceId = unbalance.GetProperty("id").GetUInt32();
                _output.WriteLine(string.Format(CultureInfo.InvariantCulture,
                    "detection latency, event to journal record (simulated s): load 95 % -> loadHigh raised {0:0.0} (assert delay 5), "
                    + "cleared {1:0.0} after the step back (clear delay 10); L2 0 V -> phaseLost {2:0.0} (delay 1); "
                    + "L3 214 V -> voltageUnbalance {3:0.0} (delay 10)", loadLatency, loadClear, lostLatency, unbalanceLatency));

                // SNMP notifications (numeric, tab-separated varbinds): eprobeAlarmRaised x3, eprobeAlarmCleared x2;
                // the circuit's raise carries kind circuit(4), index 1, its name, load(4), critical(2), 95.0 % over 90.0 %
                // (0.1 % units), condition loadHigh(1).
                const string Raised = "OID: .1.3.6.1.4.1.32473.1.2.0.1\t";
                const string Cleared = "OID: .1.3.6.1.4.1.32473.1.2.0.2\t";
                Assert.True(WaitForCount(() => Count(traps.Log, Raised), 3, 5000), "eprobeAlarmRaised traps: " + traps.Log);
                Assert.True(WaitForCount(() => Count(traps.Log, Cleared), 2, 5000), "eprobeAlarmCleared traps: " + traps.Log);
                Assert.Matches(Regex.Escape(Raised) + "\\.1\\.3\\.6\\.1\\.4\\.1\\.32473\\.1\\.1\\.5\\.1\\.0 = INTEGER: 4\t"
                    + "[^\n]*5\\.3\\.0 = STRING: \"Rack A1\"\t[^\n]*5\\.4\\.0 = INTEGER: 4\t[^\n]*5\\.5\\.0 = INTEGER: 2\t"
                    + "[^\n]*5\\.6\\.0 = INTEGER: 9[45][0-9]\t[^\n]*5\\.7\\.0 = INTEGER: 900\t[^\n]*5\\.8\\.0 = INTEGER: 1\t", traps.Log);
                Assert.Contains("5.3.0 = STRING: \"L2\"", traps.Log);

                // The trap's sysUpTime (simulated, from the start) against the event's simulated second: the latency
                // an NMS sees, measured on the received notification itself.
                Match loadTrap = Regex.Match(traps.Log, "Timeticks: \\(([0-9]+)\\)[^\n]*" + Regex.Escape(Raised) + "[^\n]*\"Rack A1\"");
                Assert.True(loadTrap.Success, "no loadHigh trap with its uptime: " + traps.Log);
                double trapLatency = long.Parse(loadTrap.Groups[1].Value, CultureInfo.InvariantCulture) / 100.0 - 20;
                Assert.InRange(trapLatency, 5.0, 8.5);
                _output.WriteLine(string.Format(CultureInfo.InvariantCulture,
                    "event to trap (sysUpTime in the received eprobeAlarmRaised): load 95 % -> {0:0.00} s", trapLatency));

                // Syslog: one RFC 5424 message per record, structured data naming the condition.
                string messages = WaitForSyslog(syslog, 5, 5000);
                Assert.Matches("<1[0-9]{2}>1 2026-03-01T00:00:[0-9.]+Z \\S+ eprobe - raised \\[eprobe@32473 [^\\]]*condition=\"loadHigh\"", messages);
                Assert.Contains("condition=\"phaseLost\"", messages);
                Assert.Contains(" cleared [", messages);

                // An operator's acknowledgement, then a power cut.
                HttpResponseText ack = CurlRunner.Fetch("-u", Admin, "-X", "POST", probe.HttpUrl + "/api/v1/alarms/" + unbalanceId + "/ack");
                Assert.True(ack.Status == 200, "ack: " + ack.Status + " " + ack.Body);
            }

            // 3. After SIGKILL: the whole journal is back, the unbalance still active and acknowledged by admin.
            using (var after = new VirtualProbe("--scenario", Path.Combine(_dir, "quiet.json"), "--data-dir", dataDir,
                "--clock-start", "2026-03-01T01:00:00Z"))
            {
                var (status, body) = VirtualProbe.Curl(after.HttpUrl + "/api/v1/alarms?log=200");
                Assert.Equal(200, status);
                using JsonDocument doc = JsonDocument.Parse(body);
                JsonElement[] log = Records(doc.RootElement);
                Assert.Equal(Records(journal).Length + 1, log.Length);
                JsonElement acked = log.First(r => r.GetProperty("event").GetString() == "acknowledged");
                Assert.Equal("admin", acked.GetProperty("user").GetString());
                JsonElement active = doc.RootElement.GetProperty("active").EnumerateArray().Single();
                Assert.Equal(unbalanceId, active.GetProperty("id").GetUInt32());
                Assert.True(active.GetProperty("acknowledged").GetBoolean());
                Assert.Equal("admin", active.GetProperty("ackUser").GetString());
            }
        }

        [Fact]
        public void AFlappingPhaseRespectsTheStormGuardThenSettles()
        {
            // L3 toggles between 230 V and 0 V every simulated second for two minutes, with phaseLost set to react
            // at once (no delays): 120 transitions. The storm guard (6 events a minute per alarm) keeps the journal,
            // the traps and syslog to 6 in any 60 s, and once L3 stays up the alarm ends cleared.
            string dataDir = Path.Combine(_dir, "data");
            File.WriteAllText(Path.Combine(_dir, "quiet.json"), Scenario(false));
            var flaps = new StringBuilder();
            for (int t = 10; t < 130; t++)
            {
                flaps.Append(flaps.Length == 0 ? "" : ",").Append("{\"atS\":").Append(t).Append(",\"phase\":\"L3\",\"vrms\":")
                    .Append(t % 2 == 0 ? "0" : "230").Append('}');
            }

            string flapping = Scenario(false);
            flapping = flapping.Substring(0, flapping.Length - 1) + ",\"events\":[" + flaps + "]}";
            File.WriteAllText(Path.Combine(_dir, "flapping.json"), flapping);
            using (var setup = new VirtualProbe("--scenario", Path.Combine(_dir, "quiet.json"), "--data-dir", dataDir))
            {
                HttpResponseText put = CurlRunner.Fetch("-u", Admin, "-X", "PUT", "-H", "Content-Type: application/json", "-d",
                    "{\"alarms\":{\"stormMaxEventsPerMinute\":6,\"rules\":{\"phaseLost\":{\"assertDelayS\":0,\"clearDelayS\":0}}}}",
                    setup.HttpUrl + "/api/v1/config");
                Assert.True(put.Status == 200, "config PUT: " + put.Status + " " + put.Body);
            }

            using var traps = new SnmpTrapdReceiver();
            using var probe = new VirtualProbe("--scenario", Path.Combine(_dir, "flapping.json"), "--data-dir", dataDir,
                "--time-scale", "10", "--clock-start", "2026-03-01T00:00:00Z", "--trap-target", "127.0.0.1:" + traps.Port);
            probe.MeasurementsAfter(0);

            // Past the flapping (130 s) and one more storm window: the final state must be recorded by then.
            JsonElement last = probe.MeasurementsAfter(200);
            var (status, body) = VirtualProbe.Curl(probe.HttpUrl + "/api/v1/alarms?log=200");
            Assert.Equal(200, status);
            using JsonDocument doc = JsonDocument.Parse(body);
            JsonElement[] log = Records(doc.RootElement).Where(r => r.GetProperty("condition").GetString() == "phaseLost").ToArray();
            Describe(log);
            double[] times = log.Select(r => Latency(r, 0)).ToArray();
            for (int i = 6; i < times.Length; i++)
            {
                Assert.True(times[i] - times[i - 6] >= 60.0, "7 events within 60 s: " + string.Join(", ", times));
            }

            Assert.InRange(log.Length, 6, 2 * 6 + 2);
            Assert.Equal("cleared", log[^1].GetProperty("event").GetString());
            Assert.Empty(doc.RootElement.GetProperty("active").EnumerateArray());
            int trapped = Count(traps.Log, "OID: .1.3.6.1.4.1.32473.1.2.0.");
            _output.WriteLine(log.Length + " phaseLost records and " + trapped + " alarm traps for 120 transitions in 120 s "
                + "(storm guard: 6 per minute); last at " + times[^1].ToString("0.0", CultureInfo.InvariantCulture) + " s, "
                + "measurement time " + last.GetProperty("timestamp").GetString());
            Assert.Equal(log.Length, trapped);
        }

        // MPP3, 230 V, 20/10/10 A; with events: 30.4 A at 20 s (95 % of 32 A) back at 40 s, L2 lost 60..68 s,
        // L3 at 214 V from 95 s (voltage unbalance about 2.4 %).
        private static string Scenario(bool events)
        {
            string head = "{\"model\":\"MPP3\",\"frequencyHz\":50.0,\"adc\":{\"bits\":12,\"noiseRmsLsb\":0.5,\"seed\":1},"
                + "\"phases\":{\"L1\":{\"vrms\":230,\"angleDeg\":0},\"L2\":{\"vrms\":230,\"angleDeg\":-120},\"L3\":{\"vrms\":230,\"angleDeg\":120}},"
                + "\"channels\":[{\"channel\":1,\"phase\":\"L1\",\"ctRatedA\":100,\"irms\":20,\"angleDeg\":-10},"
                + "{\"channel\":2,\"phase\":\"L2\",\"ctRatedA\":100,\"irms\":10,\"angleDeg\":-10},"
                + "{\"channel\":3,\"phase\":\"L3\",\"ctRatedA\":100,\"irms\":10,\"angleDeg\":-10}]";
            if (!events)
            {
                return head + "}";
            }

            return head + ",\"events\":[{\"atS\":20,\"channel\":1,\"irms\":30.4},{\"atS\":40,\"channel\":1,\"irms\":20},"
                + "{\"atS\":60,\"phase\":\"L2\",\"vrms\":0},{\"atS\":68,\"phase\":\"L2\",\"vrms\":230},"
                + "{\"atS\":95,\"phase\":\"L3\",\"vrms\":214}]}";
        }

        private static JsonElement WaitForRecord(VirtualProbe probe, string condition, string kind, int timeoutMs)
        {
            DateTime deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
            string last = "";
            while (DateTime.UtcNow < deadline)
            {
                var (status, body) = VirtualProbe.Curl(probe.HttpUrl + "/api/v1/alarms?log=200");
                last = status + " " + body;
                if (status == 200)
                {
                    JsonElement root = JsonDocument.Parse(body).RootElement.Clone();
                    if (Records(root).Any(r => Is(r, condition, kind)))
                    {
                        return root;
                    }
                }

                Thread.Sleep(200);
            }

            throw new TimeoutException("no " + condition + " " + kind + " record in " + timeoutMs + " ms; last answer: " + last);
        }

        private static JsonElement[] Records(JsonElement root)
        {
            return root.GetProperty("log").EnumerateArray().Reverse().ToArray();
        }

        private static bool Is(JsonElement r, string condition, string kind)
        {
            return r.GetProperty("condition").GetString() == condition && r.GetProperty("event").GetString() == kind;
        }

        private static JsonElement Single(JsonElement[] log, string condition, string kind)
        {
            JsonElement[] found = log.Where(r => Is(r, condition, kind)).ToArray();
            Assert.True(found.Length == 1, "expected one " + condition + " " + kind + " record, found " + found.Length);
            return found[0];
        }

        // Seconds from the scenario event (simulated second atS after the clock start) to the record's time.
        private static double Latency(JsonElement record, double atS)
        {
            DateTime time = DateTime.Parse(record.GetProperty("time").GetString(), CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            return (time - ClockStart).TotalSeconds - atS;
        }

        private void Describe(JsonElement[] log)
        {
            foreach (JsonElement r in log)
            {
                _output.WriteLine(r.GetProperty("time").GetString() + " " + r.GetProperty("event").GetString() + " "
                    + r.GetProperty("condition").GetString() + " " + r.GetProperty("name").GetString() + " "
                    + r.GetProperty("level").GetString() + " value " + r.GetProperty("value"));
            }
        }

        private static int Count(string text, string what)
        {
            int n = 0;
            for (int at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + 1, StringComparison.Ordinal))
            {
                n++;
            }

            return n;
        }

        private static bool WaitForCount(Func<int> count, int atLeast, int timeoutMs)
        {
            DateTime deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
            while (count() < atLeast && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }

            return count() >= atLeast;
        }

        private static string WaitForSyslog(SocatUdpReceiver receiver, int messages, int timeoutMs)
        {
            var text = new StringBuilder();
            DateTime deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
            while (true)
            {
                long pending = receiver.Pending;
                if (pending > 0)
                {
                    text.Append(Encoding.UTF8.GetString(receiver.Take((int)pending, 1000)));
                }

                if (Regex.Matches(text.ToString(), "<[0-9]{1,3}>1 ").Count >= messages || DateTime.UtcNow > deadline)
                {
                    Assert.True(Regex.Matches(text.ToString(), "<[0-9]{1,3}>1 ").Count >= messages,
                        "syslog messages received: " + text);
                    return text.ToString();
                }

                Thread.Sleep(50);
            }
        }
    }
}
