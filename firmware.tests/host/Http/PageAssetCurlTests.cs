using System;
using System.IO;
using System.Text;
using Ipenergy.Probe.Protocols.Http;
using Xunit;

namespace Ipenergy.Probe.Tests.Http
{
    /// <summary>The page's files through real curl: gzip, content types, ETag, cache fields, HEAD, 405; 304 and allocation in process.</summary>
    public sealed class PageAssetCurlTests : IDisposable
    {
        private readonly PageTestServer _server = new PageTestServer();

        public void Dispose()
        {
            _server.Dispose();
        }

        [Theory]
        [InlineData("/", "index.html", "text/html; charset=utf-8")]
        [InlineData("/index.html", "index.html", "text/html; charset=utf-8")]
        [InlineData("/app.js", "app.js", "text/javascript; charset=utf-8")]
        [InlineData("/app.css", "app.css", "text/css; charset=utf-8")]
        public void AssetIsServedGzippedWithItsETag(string path, string file, string contentType)
        {
            string source = File.ReadAllText(Path.Combine(PageAssetFileTests.WebFolder, file));
            HttpResponseText r = CurlRunner.Fetch("--compressed", _server.Base + path);
            Assert.Equal(200, r.Status);
            Assert.Equal(contentType, r.Header("Content-Type"));
            Assert.Equal("gzip", r.Header("Content-Encoding"));
            Assert.Equal("no-cache", r.Header("Cache-Control"));
            Assert.Equal(PageAssetFileTests.ETagOf(Encoding.UTF8.GetBytes(source)), r.Header("ETag"));
            Assert.Equal(source, r.Body);
        }

        [Fact]
        public void RawBytesAreTheEmbeddedGzipAndHeadSaysTheirLength()
        {
            string file = Path.Combine(Path.GetTempPath(), "eprobe-app-js-" + Guid.NewGuid().ToString("N") + ".gz");
            try
            {
                // Without --compressed curl stores what the server sent: the gzip member made at build time.
                CurlRunner.Result get = CurlRunner.Run("-sS", "--http1.1", "-o", file, _server.Base + "/app.js");
                Assert.True(get.ExitCode == 0, "curl exited " + get.ExitCode + ": " + get.Stderr);
                byte[] raw = File.ReadAllBytes(file);
                Assert.Equal(WebAssets.AppJs.Gzip, raw);
                Assert.Equal(0x1F, raw[0]);
                Assert.Equal(0x8B, raw[1]);
            }
            finally
            {
                File.Delete(file);
            }

            HttpResponseText head = CurlRunner.Fetch("-I", _server.Base + "/app.js");
            Assert.Equal(200, head.Status);
            Assert.Equal(WebAssets.AppJs.Gzip.Length.ToString(), head.Header("Content-Length"));
            Assert.Equal("", head.Body);
        }

        [Fact]
        public void OtherMethodsGet405WithAllow()
        {
            HttpResponseText r = CurlRunner.Fetch("-X", "PUT", "--data", "x", _server.Base + "/");
            Assert.Equal(405, r.Status);
            Assert.Equal("GET, HEAD", r.Header("Allow"));
            Assert.Equal("application/json", r.Header("Content-Type"));
            Assert.Contains("\"error\"", r.Body);
        }

        [Fact]
        public void NotModifiedHasNoBodyNoLengthButTheETag()
        {
            var endpoint = new StaticAssetEndpoint("/", WebAssets.IndexHtml);
            var response = new HttpResponse(4096);
            int status = endpoint.Serve(response, true);
            Assert.Equal(304, status);
            Assert.Equal(0, response.BodyLength);
            var head = new byte[HttpResponseHead.MaxLength];
            int length = HttpResponseHead.Write(head, 0, status, response.BodyLength, HttpResponseHead.KeepAliveImplicit,
                response.ContentType, response.ExtraFields, response.ExtraFieldsLength);
            string text = Encoding.ASCII.GetString(head, 0, length);
            Assert.StartsWith("HTTP/1.1 304 Not Modified\r\n", text);
            Assert.Contains("ETag: " + Encoding.ASCII.GetString(WebAssets.IndexHtml.ETag) + "\r\n", text);
            Assert.Contains("Cache-Control: no-cache\r\n", text);
            Assert.DoesNotContain("Content-Length", text);
            Assert.DoesNotContain("Content-Type", text);
            Assert.DoesNotContain("Content-Encoding", text);
            Assert.DoesNotContain("no-store", text);
        }

        [Theory]
        [InlineData("/")]
        [InlineData("/app.js")]
        public void ConditionalGetAnswers304WithoutBodyWhenTheETagMatches(string path)
        {
            HttpResponseText first = CurlRunner.Fetch(_server.Base + path);
            Assert.Equal(200, first.Status);
            string etag = first.Header("ETag");
            Assert.Matches("^\"[0-9a-f]+\"$", etag);

            foreach (string field in new[] { etag, "W/" + etag, "\"nope\", " + etag, "*" })
            {
                // -w prints the body size curl received: it must be zero.
                CurlRunner.Result r = CurlRunner.Run("-sSi", "--http1.1", "-H", "If-None-Match: " + field,
                    "-w", "\nbody bytes: %{size_download}", _server.Base + path);
                Assert.True(r.ExitCode == 0, "curl exited " + r.ExitCode + ": " + r.Stderr);
                Assert.EndsWith("\r\n\r\n\nbody bytes: 0", r.Stdout);
                HttpResponseText notModified = HttpResponseText.Parse(r.Stdout.Substring(0, r.Stdout.LastIndexOf('\n')));
                Assert.True(notModified.Status == 304, "If-None-Match: " + field + " gave " + notModified.StatusLine);
                Assert.Equal(etag, notModified.Header("ETag"));
                Assert.Equal("no-cache", notModified.Header("Cache-Control"));
                Assert.Null(notModified.Header("Content-Length"));
                Assert.Null(notModified.Header("Content-Type"));
            }

            foreach (string field in new[] { "\"0123456789abcdef\"", "W/\"nope\", \"other\"", etag.Substring(1, etag.Length - 2), "garbage,,, \t" })
            {
                HttpResponseText r = CurlRunner.Fetch("-H", "If-None-Match: " + field, _server.Base + path);
                Assert.True(r.Status == 200, "If-None-Match: " + field + " gave " + r.StatusLine);
                Assert.Equal(etag, r.Header("ETag"));
                Assert.True(r.Body.Length > 0);
            }

            // HEAD with a matching tag: 304 too; without one: the GET's Content-Length.
            Assert.Equal(304, CurlRunner.Fetch("-I", "-H", "If-None-Match: " + etag, _server.Base + path).Status);
            Assert.Equal(first.Header("Content-Length"), CurlRunner.Fetch("-I", _server.Base + path).Header("Content-Length"));
        }

        [Fact]
        public void NotModifiedKeepsTheConnectionFramed()
        {
            // A 304 has no body and no Content-Length: the next request on the connection must be read right.
            string etag = CurlRunner.Fetch(_server.Base + "/app.css").Header("ETag");
            int port = new Uri(_server.Base).Port;
            using var client = new RawHttpClient(port);
            client.Send("GET /app.css HTTP/1.1\r\nHost: p\r\nIf-None-Match: " + etag + "\r\n\r\n"
                + "GET /app.css HTTP/1.1\r\nHost: p\r\nConnection: close\r\n\r\n");
            HttpResponseText first = client.ReadResponse();
            Assert.Equal(304, first.Status);
            Assert.Equal("", first.Body);
            HttpResponseText second = client.ReadResponse();
            Assert.Equal(200, second.Status);
            Assert.Equal(WebAssets.AppCss.Gzip.Length.ToString(), second.Header("Content-Length"));
            Assert.Empty(client.ReadToEnd());
        }

        [Theory]
        [InlineData("\"0000000000000000\"", false)]
        [InlineData("*", true)]
        [InlineData("ETAG", true)]
        [InlineData("W/ETAG", true)]
        [InlineData("\"x\", ETAG , \"y\"", true)]
        [InlineData("\"x\",\"y\"", false)]
        [InlineData("", false)]
        public void IfNoneMatchComparison(string field, bool matches)
        {
            StaticAsset asset = WebAssets.AppCss;
            byte[] value = Encoding.ASCII.GetBytes("xx" + field.Replace("ETAG", Encoding.ASCII.GetString(asset.ETag)));
            Assert.Equal(matches, asset.MatchesETag(value, 2, value.Length - 2));
        }

        [Fact]
        public void ServingAllocatesNothingPerRequest()
        {
            var endpoint = new StaticAssetEndpoint("/app.js", WebAssets.AppJs);
            var response = new HttpResponse(4096);
            var request = new HttpRequest();
            endpoint.Handle(request, response);
            response.Reset();
            int okCount = 0;
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                response.Reset();
                okCount += endpoint.Handle(request, response) == 200 ? 1 : 0;
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(1000, okCount);
            Assert.Equal(WebAssets.AppJs.Gzip.Length, response.BodyLength);
            Assert.True(allocated == 0, allocated + " bytes allocated by 1000 requests");
        }
    }
}
