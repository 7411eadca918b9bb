using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Protocols.Http;
using Xunit;

namespace Ipenergy.Probe.Tests.Http
{
    /// <summary>GET /api/v1/pue through real curl against a fake IPueSource; plus its allocation per request.</summary>
    public sealed class PueEndpointCurlTests : IDisposable
    {
        private readonly FakePue _pue = new FakePue();
        private readonly FixedClock _clock = new FixedClock();
        private readonly HttpServer _server;
        private readonly string _base;

        public PueEndpointCurlTests()
        {
            _server = new HttpServer(new IHttpEndpoint[] { new PueEndpoint(_pue, _clock) }, new SingleUserCredentials("admin", "s3cret"), "127.0.0.1", 0);
            _server.Start();
            _base = "http://127.0.0.1:" + _server.Port + "/api/v1/pue";
        }

        public void Dispose()
        {
            _server.Stop();
        }

        [Fact]
        public void InstantaneousAndIntervalValues()
        {
            HttpResponseText r = CurlRunner.Fetch(_base + "?from=2026-01-01T00:00:00Z&to=2026-01-01T01:00:00Z&resolution=15m");
            Assert.Equal(200, r.Status);
            Assert.Equal("application/json", r.Header("Content-Type"));
            using JsonDocument doc = JsonDocument.Parse(r.Body);
            JsonElement root = doc.RootElement;
            Assert.True(root.GetProperty("configured").GetBoolean());
            Assert.Equal(1500.0m, root.GetProperty("facilityPowerW").GetDecimal());
            Assert.Equal(1000.0m, root.GetProperty("itPowerW").GetDecimal());
            Assert.Equal(1.5m, root.GetProperty("pue").GetDecimal());
            Assert.Equal(66.67m, root.GetProperty("dciePercent").GetDecimal());
            Assert.Equal("15m", root.GetProperty("resolution").GetString());
            Assert.False(root.GetProperty("truncated").GetBoolean());

            // The fake also offers an interval ending at from: (from, to] leaves it out.
            JsonElement[] intervals = root.GetProperty("intervals").EnumerateArray().ToArray();
            Assert.Equal(4, intervals.Length);
            Assert.Equal("2026-01-01T00:15:00.000Z", intervals[0].GetProperty("end").GetString());
            Assert.Equal(900, intervals[0].GetProperty("seconds").GetInt32());
            Assert.Equal(400, intervals[0].GetProperty("facilityEnergyWh").GetInt64());
            Assert.Equal(320, intervals[0].GetProperty("itEnergyWh").GetInt64());
            Assert.Equal(1.25m, intervals[0].GetProperty("pue").GetDecimal());
            Assert.Equal(80.0m, intervals[0].GetProperty("dciePercent").GetDecimal());
            Assert.Equal("2026-01-01T01:00:00.000Z", intervals[3].GetProperty("end").GetString());

            // The fake's second interval has no IT energy: not measurable, null (never 0).
            Assert.Equal(0, intervals[1].GetProperty("itEnergyWh").GetInt64());
            Assert.Equal(JsonValueKind.Null, intervals[1].GetProperty("pue").ValueKind);
            Assert.Equal(JsonValueKind.Null, intervals[1].GetProperty("dciePercent").ValueKind);
        }

        [Fact]
        public void NotConfiguredGivesNulls()
        {
            _pue.Configured = false;
            HttpResponseText r = CurlRunner.Fetch(_base);
            Assert.Equal(200, r.Status);
            using JsonDocument doc = JsonDocument.Parse(r.Body);
            JsonElement root = doc.RootElement;
            Assert.False(root.GetProperty("configured").GetBoolean());
            foreach (string field in new[] { "facilityPowerW", "itPowerW", "pue", "dciePercent" })
            {
                Assert.Equal(JsonValueKind.Null, root.GetProperty(field).ValueKind);
            }
        }

        [Fact]
        public void DefaultsAreTheLastDayAt15Minutes()
        {
            HttpResponseText r = CurlRunner.Fetch(_base);
            Assert.Equal(200, r.Status);
            using JsonDocument doc = JsonDocument.Parse(r.Body);
            JsonElement root = doc.RootElement;
            Assert.Equal("15m", root.GetProperty("resolution").GetString());
            Assert.Equal("2026-01-01T00:00:00.000Z", root.GetProperty("from").GetString());
            Assert.Equal("2026-01-02T00:00:00.000Z", root.GetProperty("to").GetString());
            Assert.Equal(96, root.GetProperty("intervals").GetArrayLength());
            Assert.Equal(900, _pue.LastResolutionSeconds);
        }

        [Fact]
        public void LongAnswersArePagedWithNext()
        {
            HttpResponseText r = CurlRunner.Fetch(_base + "?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z&resolution=1m");
            Assert.Equal(200, r.Status);
            Assert.True(r.Body.Length <= PueEndpoint.PageBytes, "page of " + r.Body.Length + " bytes");
            using JsonDocument doc = JsonDocument.Parse(r.Body);
            JsonElement root = doc.RootElement;
            Assert.True(root.GetProperty("truncated").GetBoolean());
            JsonElement[] intervals = root.GetProperty("intervals").EnumerateArray().ToArray();
            Assert.True(intervals.Length > 50 && intervals.Length < 1440, intervals.Length + " intervals");
            string next = root.GetProperty("next").GetString();
            Assert.Equal(intervals[^1].GetProperty("end").GetString(), next);

            // The next page starts right after the last interval of this one.
            HttpResponseText page2 = CurlRunner.Fetch(_base + "?from=" + next + "&to=2026-01-02T00:00:00Z&resolution=1m");
            using JsonDocument doc2 = JsonDocument.Parse(page2.Body);
            DateTime first = doc2.RootElement.GetProperty("intervals")[0].GetProperty("end").GetDateTime();
            Assert.Equal(DateTime.Parse(next).ToUniversalTime().AddMinutes(1), first.ToUniversalTime());
        }

        [Theory]
        [InlineData("resolution=5m", "resolution: must be 1m, 15m or 1d, got '5m'")]
        [InlineData("from=yesterday", "from: must be an ISO 8601 UTC time such as 2026-01-01T00:00:00Z, got 'yesterday'")]
        [InlineData("to=2026-13-01", "to: must be an ISO 8601 UTC time such as 2026-01-31T00:00:00Z, got '2026-13-01'")]
        [InlineData("from=2026-01-02&to=2026-01-01", "from: must be before to")]
        [InlineData("channel=1", "unknown parameter 'channel' (from, to, resolution)")]
        [InlineData("from=%zz", "malformed query string")]
        public void BadParametersAre400WithAMessage(string query, string message)
        {
            HttpResponseText r = CurlRunner.Fetch(_base + "?" + query);
            Assert.Equal(400, r.Status);
            Assert.Equal("application/json", r.Header("Content-Type"));
            using JsonDocument doc = JsonDocument.Parse(r.Body);
            Assert.Equal(message, doc.RootElement.GetProperty("error").GetString());
        }

        [Fact]
        public void OnlyGetAndHead()
        {
            HttpResponseText r = CurlRunner.Fetch("-X", "PUT", "--data", "{}", _base);
            Assert.Equal(405, r.Status);
            Assert.Equal("GET, HEAD", r.Header("Allow"));
            HttpResponseText head = CurlRunner.Fetch("-I", _base);
            Assert.Equal(200, head.Status);
            Assert.Equal("", head.Body);
        }

        [Fact]
        public void HandleAllocatesNothingPerRequest()
        {
            var endpoint = new PueEndpoint(new FakePue(), new FixedClock());
            var request = new HttpRequest();
            byte[] query = Encoding.ASCII.GetBytes("from=2026-01-01T00:00:00Z&to=2026-01-01T12:00:00Z&resolution=15m");
            Assert.True(request.Query.Parse(query, 0, query.Length));
            var response = new HttpResponse(4096);

            long Serve(int times)
            {
                // No Assert inside the loop: xUnit's comparers allocate.
                int failures = 0;
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < times; i++)
                {
                    response.Reset();
                    if (endpoint.Handle(request, response) != 200)
                    {
                        failures++;
                    }
                }

                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                Assert.Equal(0, failures);
                return allocated;
            }

            Serve(50); // warm-up: JIT and the buffer growing to a page once
            Assert.Contains("\"intervals\":[{", Encoding.UTF8.GetString(response.Buffer, response.Json.Offset, response.BodyLength));
            long bytes = Serve(1000);
            Assert.True(bytes == 0, bytes + " bytes allocated by 1000 requests");
        }

        private sealed class FixedClock : ISettableClock
        {
            public long MonotonicMilliseconds { get { return 0; } }

            public DateTime UtcNow { get { return new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc); } }

            public bool Synchronized { get; set; } = true;

            public void SetUtcNow(DateTime utc)
            {
            }
        }

        // Intervals ending from fromUtc (inclusive) to toUtc: facility 400 Wh, IT 320 Wh (PUE 1.25), except
        // every second one where IT is 0 (not measurable).
        private sealed class FakePue : IPueSource
        {
            public volatile bool Configured = true;

            public int LastResolutionSeconds;

            public void ReadInstantaneous(out bool configured, out double facilityW, out double itW, out double pue, out double dciePercent)
            {
                configured = Configured;
                facilityW = 1500;
                itW = 1000;
                pue = 1.5;
                dciePercent = 100 / 1.5;
            }

            public void Query(DateTime fromUtc, DateTime toUtc, int resolutionSeconds, IPueIntervalVisitor visitor)
            {
                LastResolutionSeconds = resolutionSeconds;
                int n = 0;
                for (DateTime end = fromUtc; end <= toUtc; end = end.AddSeconds(resolutionSeconds), n++)
                {
                    bool measurable = n % 2 == 1;
                    if (!visitor.Interval(end, resolutionSeconds, 400, measurable ? 320 : 0, measurable ? 1.25 : double.NaN, measurable ? 80 : double.NaN))
                    {
                        return;
                    }
                }
            }
        }
    }
}
