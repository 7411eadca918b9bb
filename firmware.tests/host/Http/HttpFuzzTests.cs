using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Text.Json;
using Ipenergy.Probe.Protocols.Http;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Http
{
    /// <summary>
    /// Random and mutated requests (deterministic seeds, bounded counts): the parser never throws, and
    /// the running server answers every connection with well-formed responses or closes it, never
    /// hangs, and still serves a valid request afterwards.
    /// </summary>
    public sealed class HttpFuzzTests
    {
        private static readonly int[] KnownStatuses = { 200, 304, 400, 404, 405, 408, 413, 431, 500, 501, 503, 505 };
        private static readonly string CssETag = Encoding.ASCII.GetString(WebAssets.AppCss.ETag);

        // If-None-Match values, well-formed or not, for the page asset (conditional GET).
        private static readonly string[] IfNoneMatchValues =
        {
            CssETag, "W/" + CssETag, "*", "\"a\", " + CssETag, "\"", "W/", "W/\"", ",,,", " , ", "\"x\"\"y\"", "W/W/" + CssETag,
            CssETag.Substring(0, 5), new string(',', 300), "\"" + new string('e', 600) + "\"", "*, *", "\t\t", "\"\\\"\"",
        };

        private static readonly string[] Seeds =
        {
            "GET /api/v1/measurements HTTP/1.1\r\nHost: probe\r\n\r\n",
            "HEAD /api/v1/measurements HTTP/1.1\r\nHost: probe\r\nAccept: */*\r\n\r\n",
            "GET /api/v1/measurements?x=1&y=%20 HTTP/1.1\r\nHost: probe\r\nUser-Agent: curl/7.88.1\r\nAccept: application/json\r\n\r\n",
            "GET /api/v1/measurements HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
            "GET http://probe:8080/api/v1/measurements HTTP/1.1\r\nHost: probe:8080\r\nConnection: close\r\n\r\n",
            "POST /api/v1/measurements HTTP/1.1\r\nHost: probe\r\nContent-Length: 11\r\nContent-Type: text/plain\r\n\r\nhello world",
            "PUT /x HTTP/1.1\r\nHost: probe\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\nbody",
            "GET /api/v1/measurements HTTP/1.1\r\nHost: probe\r\n\r\nGET /nope HTTP/1.1\r\nHost: probe\r\n\r\n",
            "OPTIONS * HTTP/1.1\r\nHost: probe\r\n\r\n",
            "GET /api/v1/measurements HTTP/1.1\nHost: probe\n\n",
            "GET /app.css HTTP/1.1\r\nHost: probe\r\nIf-None-Match: \"x\", W/" + CssETag + "\r\n\r\n",
            "HEAD /app.css HTTP/1.1\r\nHost: probe\r\nIf-None-Match: " + CssETag + "\r\n\r\n",
            "GET /app.css HTTP/1.1\r\nHost: probe\r\nIf-None-Match: \"0123456789abcdef\"\r\n\r\n",
        };

        private readonly ITestOutputHelper _output;

        public HttpFuzzTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void ParserNeverThrowsOnRandomAndMutatedHeads()
        {
            var random = new Random(9112);
            var head = new HttpRequestHead();
            var outcomes = new Dictionary<int, int>();
            for (int i = 0; i < 200000; i++)
            {
                byte[] bytes = i % 10 == 0 ? RandomBytes(random, random.Next(0, 300)) : Mutate(random, Seeds[random.Next(Seeds.Length)]);
                int end = HttpRequestParser.FindHeadEnd(bytes, 0, bytes.Length, 0);
                int length = end > 0 ? end : bytes.Length;
                int skip = HttpRequestParser.CountLeadingEmptyLines(bytes, 0, length);
                int status = HttpRequestParser.Parse(bytes, skip, length - skip, head);
                Assert.True(status == HttpRequestParser.Ok || KnownStatuses.Contains(status), "unexpected result " + status);
                if (status == HttpRequestParser.Ok)
                {
                    Assert.InRange(head.PathStart, skip, length);
                    Assert.InRange(head.PathStart + head.PathLength, head.PathStart, length);
                    Assert.True(head.ContentLength >= 0);
                }

                outcomes[status] = outcomes.TryGetValue(status, out int n) ? n + 1 : 1;
            }

            _output.WriteLine(string.Join(", ", outcomes.OrderBy(p => p.Key).Select(p => p.Key + ": " + p.Value)));
            // The mutations must exercise both sides, or the fuzzing proves little.
            Assert.True(outcomes[HttpRequestParser.Ok] > 10000, "too few valid requests");
            Assert.True(outcomes[400] > 10000, "too few malformed requests");
        }

        [Fact]
        public void ServerSurvivesThousandsOfMutatedRequests()
        {
            var source = new FakeMeasurementSource(HandMadeSnapshots.Mpp18());
            var endpoints = new IHttpEndpoint[]
            {
                new MeasurementsEndpoint(source, null),
                new StaticAssetEndpoint("/app.css", WebAssets.AppCss),
            };
            var server = new HttpServer(endpoints, null, "127.0.0.1", 0) { IdleTimeoutMs = 2000, HeadTimeoutMs = 2000 };
            server.Start();
            var statuses = new Dictionary<int, int>();
            var watch = Stopwatch.StartNew();
            try
            {
                var random = new Random(20260101);
                // Over 20 000 of them malformed (every case whose first answer is not a success).
                const int Cases = 25000;
                for (int i = 0; i < Cases; i++)
                {
                    byte[] request = i % 10 == 0 ? RandomBytes(random, random.Next(1, 3000)) : Mutate(random, Seeds[random.Next(Seeds.Length)]);
                    byte[] reply = Exchange(server.Port, request, random);
                    int status = CheckReply(reply, i, request);
                    statuses[status] = statuses.TryGetValue(status, out int n) ? n + 1 : 1;
                    Assert.True(watch.Elapsed < TimeSpan.FromSeconds(300), "fuzzing took too long: the server is stalling");
                }

                _output.WriteLine(Cases + " cases in " + watch.ElapsedMilliseconds + " ms; statuses (0 = closed without answer): "
                    + string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => p.Key + ": " + p.Value)));
                Assert.True(statuses.TryGetValue(200, out int ok) && ok > 100, "too few successful requests");
                Assert.True(statuses.TryGetValue(400, out int bad) && bad > 100, "too few rejected requests");
                Assert.True(statuses.TryGetValue(304, out int notModified) && notModified > 50, "too few conditional GETs answered 304");
                int malformed = Cases - ok - notModified;
                Assert.True(malformed >= 20000, "only " + malformed + " malformed requests");

                // Still healthy: a valid request through curl, answered promptly and correctly.
                var after = Stopwatch.StartNew();
                HttpResponseText response = CurlRunner.Fetch("http://127.0.0.1:" + server.Port + "/api/v1/measurements");
                Assert.Equal(200, response.Status);
                MeasurementsJsonAssert.Matches(source.Latest, response.Body);
                Assert.True(after.ElapsedMilliseconds < 5000, "valid request after fuzzing took " + after.ElapsedMilliseconds + " ms");
            }
            finally
            {
                server.Stop();
            }
        }

        // Sends the request (in up to three pieces), ends the sending side and reads until the server closes.
        private static byte[] Exchange(int port, byte[] request, Random random)
        {
            using var client = new RawHttpClient(port, receiveTimeoutMs: 6000);
            int pieces = random.Next(1, 4);
            int offset = 0;
            try
            {
                for (int p = 0; p < pieces && offset < request.Length; p++)
                {
                    int size = p == pieces - 1 ? request.Length - offset : random.Next(0, request.Length - offset + 1);
                    client.Send(request.AsSpan(offset, size).ToArray());
                    offset += size;
                }
            }
            catch (System.Net.Sockets.SocketException)
            {
                // The server answered (e.g. 431 after 2 KiB) and closed before the rest was sent: read what it said.
            }

            try
            {
                client.ShutdownSend();
            }
            catch (System.Net.Sockets.SocketException)
            {
                // The server may already have answered and closed.
            }

            try
            {
                return client.ReadToEnd();
            }
            catch (TimeoutException)
            {
                throw new Xunit.Sdk.XunitException("server hung on: " + Printable(request));
            }
        }

        // Every response in the reply must be well formed; returns the first status (0 when none).
        private static int CheckReply(byte[] reply, int index, byte[] request)
        {
            string text = Encoding.Latin1.GetString(reply);
            if (text.Length == 0)
            {
                return 0;
            }

            int first = 0;
            int position = 0;
            while (position < text.Length)
            {
                // An interim answer to "Expect: 100-continue" (sent only when the body had not arrived yet).
                const string Continue = "HTTP/1.1 100 Continue\r\n\r\n";
                if (string.CompareOrdinal(text, position, Continue, 0, Continue.Length) == 0)
                {
                    position += Continue.Length;
                    continue;
                }

                int headEnd = text.IndexOf("\r\n\r\n", position, StringComparison.Ordinal);
                Assert.True(headEnd > 0, "case " + index + ": incomplete response to " + Printable(request) + ": " + text.Substring(position));
                HttpResponseText response = HttpResponseText.Parse(text.Substring(position, headEnd + 4 - position));
                Assert.Contains(response.Status, KnownStatuses);
                bool asset = response.Header("etag") != null;
                if (response.Status == 304)
                {
                    // No body, no length, no type: just the asset's tag.
                    Assert.Equal(CssETag, response.Header("etag"));
                    Assert.Null(response.Header("content-length"));
                    Assert.Null(response.Header("content-type"));
                }
                else
                {
                    Assert.Equal(asset ? "text/css; charset=utf-8" : "application/json", response.Header("content-type"));
                }

                int length = int.Parse(response.Header("content-length") ?? "0");
                if (first == 0)
                {
                    first = response.Status;
                }

                position = headEnd + 4;
                // A HEAD response has no body; the next bytes then start another status line.
                bool bodyFollows = position + length <= text.Length
                    && (position + length == text.Length || text.Substring(position + length).StartsWith("HTTP/1.1 ", StringComparison.Ordinal))
                    && (length == 0 || text[position] == (asset ? '\x1f' : '{'));
                if (!bodyFollows)
                {
                    continue;
                }

                string body = Encoding.UTF8.GetString(reply, position, length);
                if (asset && length > 0)
                {
                    Assert.Equal(200, response.Status);
                    Assert.Equal(WebAssets.AppCss.Gzip, reply.AsSpan(position, length).ToArray());
                }

                position += length;
                if (asset)
                {
                    continue;
                }

                if (response.Status != 200 && length > 0)
                {
                    using JsonDocument doc = JsonDocument.Parse(body);
                    Assert.False(string.IsNullOrEmpty(doc.RootElement.GetProperty("error").GetString()));
                }
                else if (length > 0)
                {
                    using JsonDocument doc = JsonDocument.Parse(body);
                    Assert.Equal(18, doc.RootElement.GetProperty("channels").GetArrayLength());
                }
            }

            return first;
        }

        private static byte[] Mutate(Random random, string seed)
        {
            var bytes = new List<byte>(Encoding.ASCII.GetBytes(seed));
            int operations = random.Next(1, 5);
            for (int op = 0; op < operations; op++)
            {
                int at = random.Next(0, bytes.Count + 1);
                switch (random.Next(0, 15))
                {
                    case 0: // flip a byte to anything
                        if (bytes.Count > 0)
                        {
                            bytes[Math.Min(at, bytes.Count - 1)] = (byte)random.Next(0, 256);
                        }

                        break;
                    case 1: // insert random bytes
                        bytes.InsertRange(at, RandomBytes(random, random.Next(1, 16)));
                        break;
                    case 2: // delete a range
                        if (at < bytes.Count)
                        {
                            bytes.RemoveRange(at, random.Next(1, Math.Min(20, bytes.Count - at) + 1));
                        }

                        break;
                    case 3: // duplicate a range
                        if (at < bytes.Count)
                        {
                            int len = random.Next(1, Math.Min(40, bytes.Count - at) + 1);
                            bytes.InsertRange(at, bytes.GetRange(at, len));
                        }

                        break;
                    case 4: // truncate
                        bytes.RemoveRange(at, bytes.Count - at);
                        break;
                    case 5: // line ends: bare LF, bare CR, doubled
                        ReplaceAll(bytes, "\r\n", random.Next(3) switch { 0 => "\n", 1 => "\r", _ => "\r\n\r\n" }, random);
                        break;
                    case 6: // a huge header field
                        InsertAfterFirstLine(bytes, "X-Pad: " + new string('p', random.Next(500, 2600)) + "\r\n");
                        break;
                    case 7: // odd versions
                        ReplaceAll(bytes, "HTTP/1.1", new[] { "HTTP/2.0", "HTTP/1.9", "HTTP/0.9", "HTTP/1.", "http/1.1", "HTTP/11", "HTTP/1.1 " }[random.Next(7)], random);
                        break;
                    case 8: // odd lengths
                        InsertAfterFirstLine(bytes, "Content-Length: " + new[] { "-1", "99999999999999999999", "5000", "10", "0", "4096", "1, 1", " 3 ", "x" }[random.Next(9)] + "\r\n");
                        break;
                    case 9: // whitespace around the colon, folded lines
                        ReplaceAll(bytes, ": ", new[] { " : ", ":", ":\t", "\r\n : " }[random.Next(4)], random);
                        break;
                    case 10: // control and high bytes
                        bytes.Insert(at, new byte[] { 0, 1, 0x7F, 0x80, 0xFF, 0x0B }[random.Next(6)]);
                        break;
                    case 11: // transfer coding, duplicate host, connection tokens
                        InsertAfterFirstLine(bytes, new[] { "Transfer-Encoding: chunked\r\n", "Host: other\r\n", "Connection: close\r\n", "Connection: keep-alive, Upgrade\r\n", "Expect: 100-continue\r\n" }[random.Next(5)]);
                        break;
                    case 13: // an If-None-Match field, well-formed or garbage
                        InsertAfterFirstLine(bytes, "If-None-Match: " + IfNoneMatchValues[random.Next(IfNoneMatchValues.Length)] + "\r\n");
                        break;
                    case 12: // leading empty lines
                        bytes.InsertRange(0, Encoding.ASCII.GetBytes(new string('\n', random.Next(1, 5))));
                        break;
                    default: // another request pipelined behind
                        bytes.AddRange(Encoding.ASCII.GetBytes(Seeds[random.Next(Seeds.Length)]));
                        break;
                }
            }

            return bytes.ToArray();
        }

        private static void ReplaceAll(List<byte> bytes, string from, string to, Random random)
        {
            string text = Encoding.Latin1.GetString(bytes.ToArray());
            int index = text.IndexOf(from, StringComparison.Ordinal);
            if (index < 0)
            {
                return;
            }

            // Replace either the first occurrence or all of them.
            text = random.Next(2) == 0
                ? text.Substring(0, index) + to + text.Substring(index + from.Length)
                : text.Replace(from, to, StringComparison.Ordinal);
            bytes.Clear();
            bytes.AddRange(Encoding.Latin1.GetBytes(text));
        }

        private static void InsertAfterFirstLine(List<byte> bytes, string line)
        {
            int lf = bytes.IndexOf((byte)'\n');
            bytes.InsertRange(lf < 0 ? bytes.Count : lf + 1, Encoding.Latin1.GetBytes(line));
        }

        private static byte[] RandomBytes(Random random, int count)
        {
            var bytes = new byte[count];
            random.NextBytes(bytes);
            return bytes;
        }

        private static string Printable(byte[] bytes)
        {
            var text = new StringBuilder();
            foreach (byte b in bytes.Take(300))
            {
                text.Append(b >= 32 && b < 127 ? ((char)b).ToString() : "\\x" + b.ToString("x2"));
            }

            return text.ToString();
        }
    }
}
