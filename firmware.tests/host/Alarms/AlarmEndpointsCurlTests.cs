using System;
using System.Text.Json;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Protocols.Http;
using Ipenergy.Probe.Storage.Alarms;
using Ipenergy.Probe.Tests.Host.Crypto;
using Ipenergy.Probe.Tests.Http;
using Xunit;

namespace Ipenergy.Probe.Tests.Alarms
{
    /// <summary>
    /// GET /api/v1/alarms and POST /api/v1/alarms/&lt;id&gt;/ack over a real socket with curl, on a RAM
    /// journal filled by hand: the JSON shape, who may acknowledge, and every refusal (400/401/403/404/405/409).
    /// </summary>
    public sealed class AlarmEndpointsCurlTests : IDisposable
    {
        private readonly AlarmJournal _journal = new AlarmJournal(null);
        private readonly AuthTestConfig _config = new AuthTestConfig();
        private readonly ManualClock _clock = new ManualClock();
        private readonly HttpServer _server;
        private readonly string _base;
        private readonly uint _loadAlarm;
        private readonly uint _phaseAlarm;

        public AlarmEndpointsCurlTests()
        {
            _journal.Open();
            var accounts = new UserAccounts(_config, new HostRandomSource(), _clock);
            Assert.Null(accounts.SetInitialAdminPassword("admin-pass-1"));
            Assert.Null(accounts.PutUser("op", HttpRole.Operator, "operator-pass-1", false));
            Assert.Null(accounts.PutUser("view", HttpRole.Viewer, "viewer-pass-1", false));
            byte[] labels = Bytes("{\"channels\":[{\"channel\":1,\"label\":\"PDU A1\"}],"
                + "\"circuits\":[{\"name\":\"Rack A1\",\"channels\":[1],\"breakerRatedA\":32}]}");
            Assert.Null(_config.Apply(labels, 0, labels.Length));

            _loadAlarm = Raise(AlarmCodes.SourceCircuit, 1, AlarmCodes.LoadHigh, AlarmCodes.LevelCritical, 95.04, 90);
            _phaseAlarm = Raise(AlarmCodes.SourcePhase, 1, AlarmCodes.PhaseLost, AlarmCodes.LevelCritical, 0.0, 115);
            uint cleared = Raise(AlarmCodes.SourceDevice, 0, AlarmCodes.VoltageUnbalance, AlarmCodes.LevelWarning, 2.2, 2);
            var clear = new AlarmEntry
            {
                Kind = AlarmCodes.EventCleared, TimestampUtc = _clock.UtcNow, Source = AlarmCodes.SourceDevice, SourceIndex = 0,
                Condition = AlarmCodes.VoltageUnbalance, Level = AlarmCodes.LevelNormal, PreviousLevel = AlarmCodes.LevelWarning,
                Value = 1.1, Threshold = 1.5,
            };
            _journal.Append(clear);
            Assert.Equal(cleared, clear.AlarmId);

            _server = new HttpServer(new IHttpEndpoint[]
            {
                new AlarmsEndpoint(_journal, _config),
                new AlarmAcknowledgeEndpoint(_journal, _config, _clock),
            }, "127.0.0.1", 0, accounts);
            _server.Start();
            _base = "http://127.0.0.1:" + _server.Port;
        }

        public void Dispose()
        {
            _server.Stop();
        }

        [Fact]
        public void ListsActiveAlarmsWithNamesUnitsAndTheLog()
        {
            HttpResponseText r = CurlRunner.Fetch(_base + "/api/v1/alarms");
            Assert.Equal(200, r.Status);
            using JsonDocument doc = JsonDocument.Parse(r.Body);
            JsonElement root = doc.RootElement;
            JsonElement[] active = ToArray(root.GetProperty("active"));
            Assert.Equal(2, active.Length);
            Assert.Equal(_loadAlarm, active[0].GetProperty("id").GetUInt32());
            Assert.Equal("circuit", active[0].GetProperty("source").GetString());
            Assert.Equal(1, active[0].GetProperty("index").GetInt32());
            Assert.Equal("Rack A1", active[0].GetProperty("name").GetString());
            Assert.Equal("loadHigh", active[0].GetProperty("condition").GetString());
            Assert.Equal("critical", active[0].GetProperty("level").GetString());
            Assert.Equal(95.04, active[0].GetProperty("value").GetDouble(), 3);
            Assert.Equal(90.0, active[0].GetProperty("threshold").GetDouble(), 3);
            Assert.Equal("%", active[0].GetProperty("unit").GetString());
            Assert.False(active[0].GetProperty("acknowledged").GetBoolean());
            Assert.Equal(JsonValueKind.Null, active[0].GetProperty("ackUser").ValueKind);
            Assert.Equal("L2", active[1].GetProperty("name").GetString());
            Assert.Equal("V", active[1].GetProperty("unit").GetString());
            Assert.Equal(0, root.GetProperty("warning").GetInt32());
            Assert.Equal(2, root.GetProperty("critical").GetInt32());
            Assert.Equal(2, root.GetProperty("unacknowledged").GetInt32());

            // Newest first: the clear, then the three raises.
            JsonElement[] log = ToArray(root.GetProperty("log"));
            Assert.Equal(4, log.Length);
            Assert.Equal("cleared", log[0].GetProperty("event").GetString());
            Assert.Equal("voltageUnbalance", log[0].GetProperty("condition").GetString());
            Assert.Equal("device", log[0].GetProperty("name").GetString());
            Assert.Equal("warning", log[0].GetProperty("previousLevel").GetString());
            Assert.Equal("raised", log[3].GetProperty("event").GetString());

            using JsonDocument limited = JsonDocument.Parse(CurlRunner.Fetch(_base + "/api/v1/alarms?log=1").Body);
            Assert.Single(ToArray(limited.RootElement.GetProperty("log")));
        }

        [Fact]
        public void AnOperatorAcknowledgesOnceAndTheJournalKeepsWhoAndWhen()
        {
            HttpResponseText r = CurlRunner.Fetch("-u", "op:operator-pass-1", "-X", "POST", _base + "/api/v1/alarms/" + _loadAlarm + "/ack");
            Assert.Equal(200, r.Status);
            using (JsonDocument doc = JsonDocument.Parse(r.Body))
            {
                Assert.True(doc.RootElement.GetProperty("acknowledged").GetBoolean());
                Assert.Equal("op", doc.RootElement.GetProperty("ackUser").GetString());
                Assert.Equal("2026-01-01T00:16:40.000Z", doc.RootElement.GetProperty("ackAt").GetString());
            }

            HttpResponseText again = CurlRunner.Fetch("-u", "admin:admin-pass-1", "-X", "POST", _base + "/api/v1/alarms/" + _loadAlarm + "/ack");
            HttpServerCurlTests.AssertJsonError(again, 409, "alarm " + _loadAlarm + " was already acknowledged by op");

            using JsonDocument list = JsonDocument.Parse(CurlRunner.Fetch(_base + "/api/v1/alarms").Body);
            JsonElement newest = ToArray(list.RootElement.GetProperty("log"))[0];
            Assert.Equal("acknowledged", newest.GetProperty("event").GetString());
            Assert.Equal("op", newest.GetProperty("user").GetString());
            Assert.Equal(_loadAlarm, newest.GetProperty("id").GetUInt32());
            Assert.Equal(1, list.RootElement.GetProperty("unacknowledged").GetInt32());
        }

        [Fact]
        public void RefusalsCarryTheStandardStatusAndAJsonMessage()
        {
            string ack = _base + "/api/v1/alarms/" + _phaseAlarm + "/ack";
            Assert.Equal(401, CurlRunner.Fetch("-X", "POST", ack).Status);
            Assert.Equal(403, CurlRunner.Fetch("-u", "view:viewer-pass-1", "-X", "POST", ack).Status);
            Assert.Equal(405, CurlRunner.Fetch(ack).Status);
            Assert.Equal(405, CurlRunner.Fetch("-X", "PUT", "-d", "{}", _base + "/api/v1/alarms").Status);
            HttpServerCurlTests.AssertJsonError(CurlRunner.Fetch("-u", "op:operator-pass-1", "-X", "POST", _base + "/api/v1/alarms/999/ack"),
                404, "no active alarm 999");
            foreach (string bad in new[] { "abc/ack", "1/ak", "1", "/ack", "12345678901/ack", "-1/ack" })
            {
                Assert.Equal(404, CurlRunner.Fetch("-u", "op:operator-pass-1", "-X", "POST", _base + "/api/v1/alarms/" + bad).Status);
            }

            HttpServerCurlTests.AssertJsonError(CurlRunner.Fetch(_base + "/api/v1/alarms?log=201"), 400, "log: must be an integer 0..200");
            HttpServerCurlTests.AssertJsonError(CurlRunner.Fetch(_base + "/api/v1/alarms?since=1"), 400, "unknown parameter \"since\" (known: log)");
        }

        private uint Raise(int source, int index, int condition, int level, double value, double threshold)
        {
            var e = new AlarmEntry
            {
                Kind = AlarmCodes.EventRaised, TimestampUtc = _clock.UtcNow, ChangedUtc = _clock.UtcNow, Source = source, SourceIndex = index,
                Condition = condition, Level = level, PreviousLevel = AlarmCodes.LevelNormal, Value = value, Threshold = threshold,
            };
            return _journal.Append(e);
        }

        private static byte[] Bytes(string s)
        {
            return System.Text.Encoding.UTF8.GetBytes(s);
        }

        private static JsonElement[] ToArray(JsonElement array)
        {
            var list = new System.Collections.Generic.List<JsonElement>();
            foreach (JsonElement e in array.EnumerateArray())
            {
                list.Add(e);
            }

            return list.ToArray();
        }
    }
}
