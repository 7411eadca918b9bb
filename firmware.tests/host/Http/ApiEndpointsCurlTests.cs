using System;
using System.IO;
using System.Text;
using System.Text.Json;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Protocols.Http;
using Xunit;

namespace Ipenergy.Probe.Tests.Http
{
    /// <summary>History, billing and config endpoints through real curl, against in-process fakes behind the HTTP interfaces.</summary>
    public sealed class ApiEndpointsCurlTests : IDisposable
    {
        private readonly FakeClock _clock = new FakeClock();
        private readonly FakeConfig _config = new FakeConfig();
        private readonly HttpServer _server;
        private readonly string _base;

        public ApiEndpointsCurlTests()
        {
            var endpoints = new IHttpEndpoint[]
            {
                new MeasurementsEndpoint(new FakeMeasurementSource(HandMadeSnapshots.Make(3)), _clock),
                new HistoryEndpoint(new FakeHistory(), _clock),
                new BillingEndpoint(new FakeBilling()),
                new ConfigEndpoint(_config),
            };
            _server = new HttpServer(endpoints, new SingleUserCredentials("admin", "s3cret"), "127.0.0.1", 0);
            _server.Start();
            _base = "http://127.0.0.1:" + _server.Port;
        }

        public void Dispose()
        {
            _server.Stop();
        }

        [Fact]
        public void MeasurementsCarryClockSynchronized()
        {
            _clock.Synchronized = true;
            HttpResponseText r = CurlRunner.Fetch(_base + "/api/v1/measurements");
            Assert.Equal(200, r.Status);
            using JsonDocument doc = JsonDocument.Parse(r.Body);
            Assert.True(doc.RootElement.GetProperty("clockSynchronized").GetBoolean());
        }

        [Fact]
        public void HistoryJsonListsTheRecordsInRange()
        {
            HttpResponseText r = CurlRunner.Fetch(_base + "/api/v1/history?channel=2&from=2026-01-01T00:00:00Z&to=2026-01-01T01:00:00Z&resolution=15m");
            Assert.Equal(200, r.Status);
            Assert.Equal("application/json", r.Header("Content-Type"));
            using JsonDocument doc = JsonDocument.Parse(r.Body);
            JsonElement root = doc.RootElement;
            Assert.Equal(2, root.GetProperty("channel").GetInt32());
            Assert.Equal("15m", root.GetProperty("resolution").GetString());
            Assert.False(root.GetProperty("truncated").GetBoolean());
            JsonElement[] records = System.Linq.Enumerable.ToArray(root.GetProperty("records").EnumerateArray());
            Assert.Equal(4, records.Length);
            Assert.Equal("2026-01-01T00:15:00.000Z", records[0].GetProperty("end").GetString());
            Assert.Equal("2026-01-01T01:00:00.000Z", records[3].GetProperty("end").GetString());
            Assert.Equal(2000 + 15 * 2, records[0].GetProperty("importEnergyWh").GetInt64());
            Assert.Equal(-5, records[0].GetProperty("minPowerW").GetInt64());
        }

        [Fact]
        public void HistoryCsvHasAHeaderRow()
        {
            HttpResponseText r = CurlRunner.Fetch(_base + "/api/v1/history?channel=1&from=2026-01-01&to=2026-01-01T00%3A03Z&resolution=1m&format=csv");
            Assert.Equal(200, r.Status);
            Assert.StartsWith("text/csv", r.Header("Content-Type"));
            string[] lines = r.Body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("end,coverageSeconds,importEnergyWh,exportEnergyWh,averagePowerW,minPowerW,maxPowerW", lines[0]);
            Assert.Equal(4, lines.Length);
            Assert.Equal("2026-01-01T00:01:00.000Z,60,1001,7,60,-5,120", lines[1]);
        }

        [Fact]
        public void LongHistoryIsPagedWithNext()
        {
            HttpResponseText r = CurlRunner.Fetch(_base + "/api/v1/history?channel=1&from=2026-01-01&to=2026-01-02&resolution=1m");
            Assert.Equal(200, r.Status);
            using JsonDocument doc = JsonDocument.Parse(r.Body);
            Assert.True(doc.RootElement.GetProperty("truncated").GetBoolean());
            int count = doc.RootElement.GetProperty("records").GetArrayLength();
            Assert.InRange(count, 50, 1439);
            string next = doc.RootElement.GetProperty("next").GetString();
            Assert.Equal(DateTime.Parse("2026-01-01T00:00:00Z").ToUniversalTime().AddMinutes(count).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"), next);
        }

        [Theory]
        [InlineData("channel=0&resolution=1m", "channel: must be 1..3, got '0'")]
        [InlineData("resolution=1m", "channel: must be 1..3, got ''")]
        [InlineData("channel=1&resolution=5m", "resolution: must be 1m, 15m or 1d, got '5m'")]
        [InlineData("channel=1&from=yesterday", "from: must be an ISO 8601 UTC time such as 2026-01-01T00:00:00Z, got 'yesterday'")]
        [InlineData("channel=1&from=2026-02-30", "from: must be an ISO 8601 UTC time such as 2026-01-01T00:00:00Z, got '2026-02-30'")]
        [InlineData("channel=1&from=2026-01-02&to=2026-01-01", "from: must be before to")]
        [InlineData("channel=1&format=xml", "format: must be json or csv, got 'xml'")]
        [InlineData("channel=1&chanel=2", "unknown parameter 'chanel' (channel, from, to, resolution, format)")]
        [InlineData("channel=1&from=%zz", "malformed query string")]
        public void BadHistoryParametersAre400WithAMessage(string query, string message)
        {
            HttpResponseText r = CurlRunner.Fetch(_base + "/api/v1/history?" + query);
            Assert.Equal(400, r.Status);
            using JsonDocument doc = JsonDocument.Parse(r.Body);
            Assert.Equal(message, doc.RootElement.GetProperty("error").GetString());
        }

        [Fact]
        public void BillingListsSnapshots()
        {
            HttpResponseText r = CurlRunner.Fetch(_base + "/api/v1/billing");
            Assert.Equal(200, r.Status);
            using JsonDocument doc = JsonDocument.Parse(r.Body);
            JsonElement snapshot = doc.RootElement.GetProperty("snapshots")[1];
            Assert.Equal("2026-02-01T00:00:00.000Z", snapshot.GetProperty("boundary").GetString());
            Assert.Equal("2026-02-01T00:00:01.000Z", snapshot.GetProperty("takenAt").GetString());
            JsonElement counter = snapshot.GetProperty("counters")[2];
            Assert.Equal(3, counter.GetProperty("channel").GetInt32());
            Assert.Equal("ACME", counter.GetProperty("customer").GetString());
            Assert.Equal(1234.567m, counter.GetProperty("importEnergyWh").GetDecimal());
        }

        [Fact]
        public void ConfigGetNeedsNoCredentials()
        {
            HttpResponseText r = CurlRunner.Fetch(_base + "/api/v1/config");
            Assert.Equal(200, r.Status);
            Assert.Equal("{\"ctRatedA\":100}", r.Body);
        }

        [Fact]
        public void ConfigPutWithoutOrWithWrongCredentialsIs401()
        {
            string file = WriteBody("{\"ctRatedA\":200}");
            try
            {
                HttpResponseText none = CurlRunner.Fetch("-X", "PUT", "--data-binary", "@" + file, _base + "/api/v1/config");
                Assert.Equal(401, none.Status);
                Assert.StartsWith("Basic realm=", none.Header("WWW-Authenticate"));
                HttpResponseText wrong = CurlRunner.Fetch("-X", "PUT", "-u", "admin:guess", "--data-binary", "@" + file, _base + "/api/v1/config");
                Assert.Equal(401, wrong.Status);
                HttpResponseText otherUser = CurlRunner.Fetch("-X", "PUT", "-u", "root:s3cret", "--data-binary", "@" + file, _base + "/api/v1/config");
                Assert.Equal(401, otherUser.Status);
                Assert.Equal(0, _config.Applied);
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Fact]
        public void ConfigPutWithCredentialsAppliesOrNamesTheField()
        {
            string good = WriteBody("{\"ctRatedA\":200}");
            string bad = WriteBody("{\"ctRatedA\":600}");
            try
            {
                HttpResponseText ok = CurlRunner.Fetch("-X", "PUT", "-u", "admin:s3cret", "--data-binary", "@" + good, _base + "/api/v1/config");
                Assert.Equal(200, ok.Status);
                Assert.Equal("{\"ctRatedA\":200}", ok.Body);
                HttpResponseText refused = CurlRunner.Fetch("-X", "PUT", "-u", "admin:s3cret", "--data-binary", "@" + bad, _base + "/api/v1/config");
                Assert.Equal(400, refused.Status);
                Assert.Equal("{\"error\":\"channels[3].ctRatedA: must be 5..500 A, got 600\"}", refused.Body);
                Assert.Equal("{\"ctRatedA\":200}", CurlRunner.Fetch(_base + "/api/v1/config").Body);
            }
            finally
            {
                File.Delete(good);
                File.Delete(bad);
            }
        }

        [Fact]
        public void ConfigBodyOver16KiBIs413AndUpTo16KiBIsRead()
        {
            string big = WriteBody("{\"ctRatedA\":200" + new string(' ', ConfigEndpoint.MaxConfigBody) + "}");
            string fits = WriteBody("{\"ctRatedA\":300" + new string(' ', ConfigEndpoint.MaxConfigBody - 20) + "}");
            try
            {
                HttpResponseText tooBig = CurlRunner.Fetch("-X", "PUT", "-u", "admin:s3cret", "--data-binary", "@" + big, _base + "/api/v1/config");
                Assert.Equal(413, tooBig.Status);
                HttpResponseText ok = CurlRunner.Fetch("-X", "PUT", "-u", "admin:s3cret", "--data-binary", "@" + fits, _base + "/api/v1/config");
                Assert.Equal(200, ok.Status);
                Assert.Equal("{\"ctRatedA\":300}", ok.Body);
            }
            finally
            {
                File.Delete(big);
                File.Delete(fits);
            }
        }

        [Fact]
        public void WrongMethodIs405WithTheEndpointsAllow()
        {
            HttpResponseText r = CurlRunner.Fetch("-X", "DELETE", _base + "/api/v1/config");
            Assert.Equal(405, r.Status);
            Assert.Equal("GET, HEAD, PUT", r.Header("Allow"));
            r = CurlRunner.Fetch("-X", "PUT", "-u", "admin:s3cret", _base + "/api/v1/history");
            Assert.Equal(405, r.Status);
            Assert.Equal("GET, HEAD", r.Header("Allow"));
            Assert.Equal(404, CurlRunner.Fetch(_base + "/api/v1/nothing").Status);
        }

        private static string WriteBody(string text)
        {
            string file = Path.GetTempFileName();
            File.WriteAllText(file, text, new UTF8Encoding(false));
            return file;
        }

        private sealed class FakeClock : ISettableClock
        {
            public long MonotonicMilliseconds { get { return 0; } }

            public DateTime UtcNow { get { return new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc); } }

            public bool Synchronized { get; set; }

            public void SetUtcNow(DateTime utc)
            {
            }
        }

        // One record per interval: import = 1000 × channel + minutes since 2026-01-01 × channel.
        private sealed class FakeHistory : IHistorySource
        {
            public int ChannelCount { get { return 3; } }

            public void Query(int channel, DateTime fromUtc, DateTime toUtc, int resolutionSeconds, IHistoryVisitor visitor)
            {
                DateTime origin = new DateTime(2026, 1, 1);
                for (DateTime end = fromUtc.AddSeconds(resolutionSeconds); end <= toUtc; end = end.AddSeconds(resolutionSeconds))
                {
                    long minutes = (long)(end - origin).TotalMinutes;
                    if (!visitor.Record(end, resolutionSeconds, 1000 * channel + minutes * channel, 7, 60, -5, 120))
                    {
                        return;
                    }
                }
            }
        }

        private sealed class FakeBilling : IBillingSource
        {
            public void Visit(IBillingVisitor visitor)
            {
                for (int month = 1; month <= 2; month++)
                {
                    visitor.BeginSnapshot(new DateTime(2026, month, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, month, 1, 0, 0, 1, DateTimeKind.Utc), true);
                    for (int channel = 1; channel <= 3; channel++)
                    {
                        visitor.Counter(channel, channel == 3 ? "ACME" : null, 1234567, 0, 5, 10);
                    }

                    visitor.EndSnapshot();
                }
            }
        }

        private sealed class FakeConfig : IConfigStore
        {
            private int _ctRatedA = 100;

            public int Applied { get; private set; }

            public void WriteJson(JsonWriter writer)
            {
                writer.WriteStartObject();
                writer.WriteName("ctRatedA");
                writer.WriteInteger(_ctRatedA);
                writer.WriteEndObject();
            }

            public string Apply(byte[] json, int offset, int length)
            {
                using JsonDocument doc = JsonDocument.Parse(new ReadOnlyMemory<byte>(json, offset, length));
                int value = doc.RootElement.GetProperty("ctRatedA").GetInt32();
                if (value < 5 || value > 500)
                {
                    return "channels[3].ctRatedA: must be 5..500 A, got " + value;
                }

                _ctRatedA = value;
                Applied++;
                return null;
            }
        }
    }
}
