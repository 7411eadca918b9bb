using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Protocols.Http;
using Xunit;

namespace Ipenergy.Probe.Tests.Http
{
    /// <summary>The HTTP server on 127.0.0.1 (port 0) against the real curl: statuses, headers, keep-alive, exact JSON.</summary>
    public sealed class HttpServerCurlTests : IDisposable
    {
        private readonly MeasurementSnapshot _snapshot = HandMadeSnapshots.Mpp18();
        private readonly FakeMeasurementSource _source;
        private readonly HttpServer _server;

        public HttpServerCurlTests()
        {
            _source = new FakeMeasurementSource(_snapshot);
            _server = new HttpServer(_source, "127.0.0.1", 0);
            _server.Start();
        }

        private string Url(string path = "/api/v1/measurements") => "http://127.0.0.1:" + _server.Port + path;

        public void Dispose() => _server.Stop();

        [Fact]
        public void StartPicksARealPortWhenZeroIsAsked()
        {
            Assert.InRange(_server.Port, 1, 65535);
        }

        [Fact]
        public void GetMeasurementsIsTheSnapshotFieldByField()
        {
            HttpResponseText response = CurlRunner.Fetch(Url());
            Assert.Equal(200, response.Status);
            Assert.Equal("application/json", response.Header("content-type"));
            Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(response.Body).ToString(CultureInfo.InvariantCulture), response.Header("content-length"));
            Assert.Null(response.Header("connection"));
            MeasurementsJsonAssert.Matches(_snapshot, response.Body);
        }

        [Fact]
        public void QueryStringIsIgnored()
        {
            HttpResponseText response = CurlRunner.Fetch(Url("/api/v1/measurements?channel=3&x=%20"));
            Assert.Equal(200, response.Status);
            MeasurementsJsonAssert.Matches(_snapshot, response.Body);
        }

        [Fact]
        public void Mpp3ModelListsItsThreeChannels()
        {
            MeasurementSnapshot mpp3 = HandMadeSnapshots.Make(3);
            _source.Latest = mpp3;
            HttpResponseText response = CurlRunner.Fetch(Url());
            Assert.Equal(200, response.Status);
            MeasurementsJsonAssert.Matches(mpp3, response.Body);
        }

        [Fact]
        public void HeadHasTheHeadersOfGetAndNoBody()
        {
            HttpResponseText get = CurlRunner.Fetch(Url());
            HttpResponseText head = CurlRunner.Fetch("-I", Url());
            Assert.Equal(200, head.Status);
            Assert.Equal("application/json", head.Header("content-type"));
            Assert.Equal(get.Header("content-length"), head.Header("content-length"));
            Assert.Equal("", head.Body);
        }

        [Fact]
        public void TwoUrlsShareOneConnection()
        {
            CurlRunner.Result result = CurlRunner.Run(
                "-sS", "--http1.1", "-o", "/dev/null", "-o", "/dev/null", "-w", "%{http_code} %{num_connects}\\n", Url(), Url());
            Assert.True(result.ExitCode == 0, result.Stderr);
            Assert.Equal(new[] { "200 1", "200 0" }, result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }

        [Fact]
        public void ConnectionCloseIsHonoured()
        {
            HttpResponseText response = CurlRunner.Fetch("-H", "Connection: close", Url());
            Assert.Equal(200, response.Status);
            Assert.Equal("close", response.Header("connection"));

            CurlRunner.Result twice = CurlRunner.Run(
                "-sS", "--http1.1", "-H", "Connection: close", "-o", "/dev/null", "-o", "/dev/null",
                "-w", "%{num_connects}\\n", Url(), Url());
            Assert.Equal(new[] { "1", "1" }, twice.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }

        [Fact]
        public void Http10ClosesUnlessAskedToKeepAlive()
        {
            HttpResponseText plain = CurlRunner.Fetch("--http1.0", Url());
            Assert.Equal(200, plain.Status);
            Assert.Equal("close", plain.Header("connection"));

            HttpResponseText kept = CurlRunner.Fetch("--http1.0", "-H", "Connection: keep-alive", Url());
            Assert.Equal(200, kept.Status);
            Assert.Equal("keep-alive", kept.Header("connection"));
            MeasurementsJsonAssert.Matches(_snapshot, kept.Body);
        }

        [Fact]
        public void NoMeasurementYetIs503()
        {
            _source.Latest = null;
            HttpResponseText response = CurlRunner.Fetch(Url());
            AssertJsonError(response, 503, "no measurement yet");
            Assert.Equal("1", response.Header("retry-after"));
        }

        [Fact]
        public void UnknownPathIs404()
        {
            AssertJsonError(CurlRunner.Fetch(Url("/")), 404, "not found");
            AssertJsonError(CurlRunner.Fetch(Url("/api/v1/measurements/")), 404, "not found");
            AssertJsonError(CurlRunner.Fetch(Url("/API/V1/MEASUREMENTS")), 404, "not found");
            AssertJsonError(CurlRunner.Fetch("-X", "POST", Url("/nothing")), 404, "not found");
        }

        [Fact]
        public void OtherMethodsAre405WithAllow()
        {
            foreach (string method in new[] { "POST", "PUT", "DELETE", "OPTIONS", "get" })
            {
                HttpResponseText response = CurlRunner.Fetch("-X", method, Url());
                AssertJsonError(response, 405, "method not allowed");
                Assert.Equal("GET, HEAD", response.Header("allow"));
            }

            // A small body is read and dropped; the connection stays usable.
            CurlRunner.Result both = CurlRunner.Run(
                "-sS", "--http1.1", "-o", "/dev/null", "-w", "%{http_code} %{num_connects}\\n", "--data-binary", "abc", Url(),
                "--next", "-sS", "--http1.1", "-o", "/dev/null", "-w", "%{http_code} %{num_connects}\\n", Url());
            Assert.True(both.ExitCode == 0, both.Stderr);
            Assert.Equal(new[] { "405 1", "200 0" }, both.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }

        [Fact]
        public void MalformedRequestIs400()
        {
            // A method with a space: "GE T /api/v1/measurements HTTP/1.1".
            AssertJsonError(CurlRunner.Fetch("-X", "GE T", Url()), 400, "bad request");
            // Whitespace between a field name and its colon (RFC 9112 5.1: must be rejected).
            AssertJsonError(CurlRunner.Fetch("-H", "Bad Name: x", Url()), 400, "bad request");
        }

        [Fact]
        public void HugeHeaderIs431()
        {
            HttpResponseText response = CurlRunner.Fetch("-H", "X-Big: " + new string('a', 3000), Url());
            AssertJsonError(response, 431, "request header too large");
            Assert.Equal("close", response.Header("connection"));
        }

        [Fact]
        public void HugeBodyIs413()
        {
            HttpResponseText announced = CurlRunner.Fetch("-X", "GET", "-H", "Content-Length: 100000", Url());
            AssertJsonError(announced, 413, "request body too large");
            Assert.Equal("close", announced.Header("connection"));

            string file = Path.GetTempFileName();
            try
            {
                File.WriteAllBytes(file, new byte[HttpConnectionHandler.MaxRequestBody + 1]);
                HttpResponseText sent = CurlRunner.Fetch("-X", "GET", "--data-binary", "@" + file, Url());
                AssertJsonError(sent, 413, "request body too large");
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Fact]
        public void ChunkedBodyIs501()
        {
            HttpResponseText response = CurlRunner.Fetch("-H", "Transfer-Encoding: chunked", "--data-binary", "abc", Url());
            AssertJsonError(response, 501, "transfer-encoding not supported");
        }

        [Fact]
        public void OtherHttpVersionIs505()
        {
            // curl's gopher "_" selector sends the bytes verbatim: the way to make the real curl send HTTP/2.0 in a request line.
            string raw = "GET /api/v1/measurements HTTP/2.0\r\nHost: x\r\n\r\n";
            CurlRunner.Result result = CurlRunner.Run("-sS", "gopher://127.0.0.1:" + _server.Port + "/_" + Uri.EscapeDataString(raw));
            Assert.True(result.ExitCode == 0, "curl gopher failed (" + result.ExitCode + "): " + result.Stderr);
            AssertJsonError(HttpResponseText.Parse(result.Stdout), 505, "http version not supported");
        }

        [Fact]
        public void ExpectContinueIsAnswered()
        {
            // curl waits for "100 Continue" before sending a body it was told to expect for.
            CurlRunner.Result result = CurlRunner.Run(
                "-sS", "--http1.1", "-o", "/dev/null", "-w", "%{http_code} %{time_total}\\n",
                "-H", "Expect: 100-continue", "--expect100-timeout", "10", "--data-binary", "abc", Url());
            Assert.True(result.ExitCode == 0, result.Stderr);
            string[] parts = result.Stdout.Trim().Split(' ');
            Assert.Equal("405", parts[0]);
            Assert.True(double.Parse(parts[1], CultureInfo.InvariantCulture) < 5.0, "curl waited for its expect timeout: " + result.Stdout);
        }

        internal static void AssertJsonError(HttpResponseText response, int status, string message)
        {
            Assert.Equal(status, response.Status);
            Assert.Equal("application/json", response.Header("content-type"));
            Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(response.Body).ToString(CultureInfo.InvariantCulture), response.Header("content-length"));
            using JsonDocument doc = JsonDocument.Parse(response.Body);
            Assert.Equal(JsonValueKind.Object, doc.RootElement.ValueKind);
            Assert.Equal(new[] { "error" }, doc.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.Equal(message, doc.RootElement.GetProperty("error").GetString());
        }
    }
}
