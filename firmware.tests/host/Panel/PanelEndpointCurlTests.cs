using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Protocols.Http;
using Ipenergy.Probe.Tests.Http;
using Xunit;

namespace Ipenergy.Probe.Tests.Panel
{
    /// <summary>
    /// GET /api/v1/panel and POST /api/v1/panel/keys through real curl against an in-process server over a
    /// FakePanelMirror: the PNG decodes to the mirror's frame at every scale, ETag / If-None-Match 304, bad
    /// parameters 400; keys pressed in order as short or long presses, 400 naming bad JSON or an unknown key
    /// (nothing pressed), 401 anonymous, 503 on a full queue; 404 on both routes without a panel.
    /// </summary>
    public sealed class PanelEndpointCurlTests : IDisposable
    {
        private readonly FakePanelMirror _mirror = new FakePanelMirror();
        private readonly PanelEndpoint _panel = new PanelEndpoint();
        private readonly PanelKeysEndpoint _keys = new PanelKeysEndpoint();
        private readonly HttpServer _server;
        private readonly string _base;
        private readonly string _dir = Directory.CreateTempSubdirectory("panel-http-").FullName;

        public PanelEndpointCurlTests()
        {
            _panel.Mirror = _mirror;
            _keys.Mirror = _mirror;
            _server = new HttpServer(new IHttpEndpoint[] { _panel, _keys },
                new SingleUserCredentials("admin", "s3cret"), "127.0.0.1", 0);
            _server.Start();
            _base = "http://127.0.0.1:" + _server.Port;
        }

        public void Dispose()
        {
            _server.Stop();
            Directory.Delete(_dir, true);
        }

        [Fact]
        public void PanelIsThePngOfTheMirrorsFrameAtEachScale()
        {
            // A diagonal, a border and a dot: position and orientation errors show.
            for (int i = 0; i < 64; i++)
            {
                _mirror.Set(i, i);
            }

            for (int x = 0; x < 128; x++)
            {
                _mirror.Set(x, 63);
            }

            _mirror.Set(127, 0);
            _mirror.Number = 4242;

            for (int scale = 1; scale <= 4; scale++)
            {
                (int status, string headers, byte[] body) = Get("/api/v1/panel?scale=" + scale);
                Assert.Equal(200, status);
                Assert.Contains("Content-Type: image/png", headers);
                Assert.Contains("ETag: \"0000004242\"", headers);
                bool[,] pixels = PanelPng.Decode(body, out int width, out int height);
                Assert.Equal(128 * scale, width);
                Assert.Equal(64 * scale, height);
                for (int y = 0; y < 64; y++)
                {
                    for (int x = 0; x < 128; x++)
                    {
                        bool on = (_mirror.Frame[(y / 8) * 128 + x] & (1 << (y & 7))) != 0;
                        for (int dy = 0; dy < scale; dy++)
                        {
                            for (int dx = 0; dx < scale; dx++)
                            {
                                Assert.True(on == pixels[y * scale + dy, x * scale + dx], "pixel " + x + "," + y + " at scale " + scale);
                            }
                        }
                    }
                }
            }

            // Default scale 1.
            (int s1, _, byte[] b1) = Get("/api/v1/panel");
            Assert.Equal(200, s1);
            PanelPng.Decode(b1, out int w1, out _);
            Assert.Equal(128, w1);
        }

        [Fact]
        public void SameFrameNumberAnswers304AndANewFrameTheImage()
        {
            _mirror.Number = 7;
            (int status, string headers, byte[] body) = Get("/api/v1/panel?scale=2", "-H", "If-None-Match: \"0000000007\"");
            Assert.Equal(304, status);
            Assert.Contains("ETag: \"0000000007\"", headers);
            Assert.Empty(body);

            _mirror.Set(10, 10);
            _mirror.Number = 8;
            (status, headers, body) = Get("/api/v1/panel?scale=2", "-H", "If-None-Match: \"0000000007\"");
            Assert.Equal(200, status);
            Assert.Contains("ETag: \"0000000008\"", headers);
            Assert.True(PanelPng.Decode(body, out _, out _)[20, 20]);

            Assert.Equal(304, Get("/api/v1/panel", "-H", "If-None-Match: W/\"0000000001\", \"0000000008\"").Status);
        }

        [Fact]
        public void BadScaleOrParameterIs400()
        {
            foreach (string query in new[] { "?scale=0", "?scale=5", "?scale=x", "?zoom=2" })
            {
                HttpResponseText r = CurlRunner.Fetch(_base + "/api/v1/panel" + query);
                Assert.Equal(400, r.Status);
                string error = JsonDocument.Parse(r.Body).RootElement.GetProperty("error").GetString();
                Assert.True(error.Contains("scale"), query + ": " + error);
            }
        }

        [Fact]
        public void KeysArePressedInOrderAsShortOrLongPresses()
        {
            HttpResponseText r = PostKeys("{\"keys\":[\"down\",\"enter\",\"back\",\"up\"],\"long\":false}");
            Assert.Equal(202, r.Status);
            Assert.Equal(4, JsonDocument.Parse(r.Body).RootElement.GetProperty("queued").GetInt32());
            Assert.Equal(new[] { (PanelKeys.Down, false), (PanelKeys.Enter, false), (PanelKeys.Back, false), (PanelKeys.Up, false) },
                _mirror.Presses.ToArray());

            _mirror.Presses.Clear();
            Assert.Equal(202, PostKeys("{\"long\":true,\"keys\":[\"back\"]}").Status);
            Assert.Equal(new[] { (PanelKeys.Back, true) }, _mirror.Presses.ToArray());

            _mirror.Presses.Clear();
            Assert.Equal(202, PostKeys("{\"keys\":[\"enter\"]}").Status);
            Assert.Equal(new[] { (PanelKeys.Enter, false) }, _mirror.Presses.ToArray());
        }

        [Fact]
        public void BadBodiesAre400WithAMessageAndPressNothing()
        {
            (string body, string expected)[] cases =
            {
                ("{\"keys\":[\"down\",\"left\"]}", "unknown key 'left'"),
                ("{\"keys\":[\"down\"", "bad JSON"),
                ("not json", "bad JSON"),
                ("{\"keys\":[]}", "no key"),
                ("{}", "no key"),
                ("{\"keys\":\"down\"}", "array"),
                ("{\"keys\":[\"down\"],\"long\":1}", "long must be true or false"),
                ("{\"keys\":[\"down\"],\"hold\":true}", "unknown member 'hold'"),
                ("{\"keys\":[" + string.Join(",", Enumerable.Repeat("\"up\"", 17)) + "]}", "at most 16"),
            };
            foreach ((string body, string expected) in cases)
            {
                HttpResponseText r = PostKeys(body);
                Assert.True(r.Status == 400, body + " -> " + r.Status);
                string error = JsonDocument.Parse(r.Body).RootElement.GetProperty("error").GetString();
                Assert.True(error.Contains(expected), body + " -> " + error);
            }

            Assert.Empty(_mirror.Presses);
        }

        [Fact]
        public void KeysNeedCredentialsAndAFullQueueIs503()
        {
            HttpResponseText anonymous = CurlRunner.Fetch("-X", "POST", "-H", "Content-Type: application/json",
                "--data-binary", "{\"keys\":[\"down\"]}", _base + "/api/v1/panel/keys");
            Assert.Equal(401, anonymous.Status);
            Assert.Empty(_mirror.Presses);

            _mirror.QueueLength = 2;
            HttpResponseText full = PostKeys("{\"keys\":[\"down\",\"down\",\"down\"]}");
            Assert.Equal(503, full.Status);
            Assert.Contains("2 of 3", JsonDocument.Parse(full.Body).RootElement.GetProperty("error").GetString());
            Assert.Equal(2, _mirror.Presses.Count);
        }

        [Fact]
        public void WithoutAPanelBothRoutesAre404()
        {
            _panel.Mirror = null;
            _keys.Mirror = null;
            HttpResponseText get = CurlRunner.Fetch(_base + "/api/v1/panel");
            Assert.Equal(404, get.Status);
            Assert.Contains("no front panel", get.Body);
            HttpResponseText post = PostKeys("{\"keys\":[\"down\"]}");
            Assert.Equal(404, post.Status);
            Assert.Contains("no front panel", post.Body);
        }

        private HttpResponseText PostKeys(string json)
        {
            return CurlRunner.Fetch("-u", "admin:s3cret", "-X", "POST", "-H", "Content-Type: application/json",
                "--data-binary", json, _base + "/api/v1/panel/keys");
        }

        // Binary-safe GET: status, raw header block, body bytes.
        private (int Status, string Headers, byte[] Body) Get(string path, params string[] extra)
        {
            string headers = Path.Combine(_dir, "h.txt");
            string body = Path.Combine(_dir, "b.bin");
            File.Delete(body);
            var args = new[] { "-sS", "--http1.1", "-D", headers, "-o", body, "-w", "%{http_code}" }.Concat(extra)
                .Append(_base + path).ToArray();
            CurlRunner.Result r = CurlRunner.Run(args);
            Assert.True(r.ExitCode == 0, "curl exited " + r.ExitCode + ": " + r.Stderr);
            return (int.Parse(r.Stdout), File.ReadAllText(headers), File.Exists(body) ? File.ReadAllBytes(body) : new byte[0]);
        }
    }
}
