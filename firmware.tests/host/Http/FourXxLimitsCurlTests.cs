using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using Ipenergy.Probe.App;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Protocols.Http;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Http
{
    /// <summary>
    /// Every 4xx the server answers, in one place, through real curl (raw sockets where curl cannot misbehave):
    /// each is a JSON {"error":"..."} with the right status over a server with the API endpoints, /metrics and
    /// /api/v1/info. Then the limits: slow-loris and garbage connections cannot stop a normal client being served.
    /// </summary>
    public sealed class FourXxLimitsCurlTests : IDisposable
    {
        private readonly ITestOutputHelper _output;
        private readonly HttpServer _server;
        private readonly string _base;

        public FourXxLimitsCurlTests(ITestOutputHelper output)
        {
            _output = output;
            var source = new FakeMeasurementSource(HandMadeSnapshots.Mpp18());
            var clock = new MetricsTestClock();
            var config = new ConfigService(null, new MeterConfig(18));
            var endpoints = new IHttpEndpoint[]
            {
                new MeasurementsEndpoint(source, clock),
                new PueEndpoint(new NoPue(), clock),
                new ConfigEndpoint(config),
                new MetricsEndpoint(source, config, new Ipenergy.Probe.Hal.DeviceIdentity("MPP18", "", "1.0", "S1"), clock),
                new InfoEndpoint(new Ipenergy.Probe.Hal.DeviceIdentity("MPP18", "", "1.0", "S1"), config, clock),
            };
            _server = new HttpServer(endpoints, new SingleUserCredentials("admin", "s3cret"), "127.0.0.1", 0);
            _server.Start();
            _base = "http://127.0.0.1:" + _server.Port;
        }

        public void Dispose()
        {
            _server.Stop();
        }

        private static void AssertError(HttpResponseText r, int status)
        {
            Assert.True(r.Status == status, "expected " + status + ", got " + r.StatusLine + " " + r.Body);
            Assert.Equal("application/json", r.Header("Content-Type"));
            using JsonDocument doc = JsonDocument.Parse(r.Body);
            Assert.Equal(new[] { "error" }, doc.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.False(string.IsNullOrEmpty(doc.RootElement.GetProperty("error").GetString()));
        }

        [Fact]
        public void BadRequests400()
        {
            AssertError(CurlRunner.Fetch(_base + "/api/v1/pue?resolution=5m"), 400);                 // bad parameter value
            AssertError(CurlRunner.Fetch(_base + "/api/v1/pue?color=red"), 400);                     // unknown parameter
            AssertError(CurlRunner.Fetch(_base + "/api/v1/pue?from=%zz"), 400);                      // malformed escape
            AssertError(CurlRunner.Fetch("-u", "admin:s3cret", "-X", "PUT", "-H", "Content-Type: application/json", "--data-binary", "{\"channels\":[", _base + "/api/v1/config"), 400); // bad JSON
            AssertError(CurlRunner.Fetch("-u", "admin:s3cret", "-X", "PUT", _base + "/api/v1/config"), 400); // no body
            AssertError(CurlRunner.Fetch("-H", "Content-Length: 1", "-H", "Content-Length: 2", _base + "/api/v1/measurements"), 400); // conflicting lengths
            AssertError(CurlRunner.Fetch("-H", "Bad Header: x", _base + "/api/v1/measurements"), 400); // whitespace in a field name
        }

        [Fact]
        public void Unauthorized401AndNotFound404AndMethod405()
        {
            HttpResponseText r = CurlRunner.Fetch("-X", "PUT", "-H", "Content-Type: application/json", "--data-binary", "{}", _base + "/api/v1/config");
            AssertError(r, 401);
            Assert.StartsWith("Basic", r.Header("WWW-Authenticate"));
            AssertError(CurlRunner.Fetch("-u", "admin:wrong", "-X", "PUT", "--data-binary", "{}", _base + "/api/v1/config"), 401);
            AssertError(CurlRunner.Fetch(_base + "/api/v2/measurements"), 404);
            AssertError(CurlRunner.Fetch(_base + "/metrics/"), 404);
            foreach (string path in new[] { "/api/v1/measurements", "/metrics", "/api/v1/info", "/api/v1/pue" })
            {
                HttpResponseText m = CurlRunner.Fetch("-X", "DELETE", _base + path);
                AssertError(m, 405);
                Assert.Contains("GET", m.Header("Allow"));
            }

            AssertError(CurlRunner.Fetch("-X", "BREW", _base + "/api/v1/config"), 405);
        }

        [Fact]
        public void Limits408And413And431()
        {
            // 413: a config body over 16 KiB, and a body over 4 KiB where none is taken.
            string big = "{\"x\":\"" + new string('a', 17000) + "\"}";
            AssertError(CurlRunner.Fetch("-u", "admin:s3cret", "-X", "PUT", "-H", "Content-Type: application/json", "--data-binary", big, _base + "/api/v1/config"), 413);
            AssertError(CurlRunner.Fetch("-X", "GET", "--data-binary", new string('b', 5000), _base + "/api/v1/measurements"), 413);

            // 431: a head over 2048 bytes, by one huge field or a long target (no 414: the head limit answers it).
            AssertError(CurlRunner.Fetch("-H", "X-Big: " + new string('c', 3000), _base + "/api/v1/measurements"), 431);
            AssertError(CurlRunner.Fetch(_base + "/api/v1/measurements?" + new string('d', 3000)), 431);

            // 408: a head that stops arriving, and a body shorter than its Content-Length.
            using (var client = new RawHttpClient(_server.Port, 10000))
            {
                client.Send("GET /api/v1/measurements HTTP/1.1\r\nHost: x\r\n");
                AssertError(client.ReadResponse(), 408);
            }

            // Bodies that stop arriving (one read for the config endpoint, one read and dropped): 408 after the 5 s
            // limit, then close. Both wait at the same time.
            using (var put = new RawHttpClient(_server.Port, 10000))
            using (var skipped = new RawHttpClient(_server.Port, 10000))
            {
                var watch = Stopwatch.StartNew();
                put.Send("PUT /api/v1/config HTTP/1.1\r\nHost: x\r\nAuthorization: Basic YWRtaW46czNjcmV0\r\nContent-Length: 100\r\n\r\n{\"a\":");
                skipped.Send("GET /api/v1/measurements HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc");
                foreach (RawHttpClient client in new[] { put, skipped })
                {
                    HttpResponseText r = client.ReadResponse();
                    AssertError(r, 408);
                    Assert.Contains("\"request timeout\"", r.Body);
                    Assert.Equal("close", r.Header("Connection"));
                    Assert.True(client.ClosedByServerWithin(2000), "a stalled body kept its connection open after the 408");
                }

                Assert.True(watch.ElapsedMilliseconds >= 4500, "408 before the 5 s body limit: " + watch.ElapsedMilliseconds + " ms");
            }

            // A body cut short by the client closing its side is no timeout: the server closes without an answer.
            using (var closing = new RawHttpClient(_server.Port, 10000))
            {
                closing.Send("PUT /api/v1/config HTTP/1.1\r\nHost: x\r\nAuthorization: Basic YWRtaW46czNjcmV0\r\nContent-Length: 100\r\n\r\n{\"a\":");
                closing.ShutdownSend();
                var watch = Stopwatch.StartNew();
                Assert.Empty(closing.ReadToEnd());
                Assert.True(watch.ElapsedMilliseconds < 3000, "closed body noticed after " + watch.ElapsedMilliseconds + " ms");
            }
        }

        [Fact]
        public void NotFourXxButAnsweredAsJson()
        {
            // For completeness of the protocol errors: 501 for chunked bodies, 505 for HTTP/2.0 request lines.
            using (var client = new RawHttpClient(_server.Port))
            {
                client.Send("PUT /api/v1/config HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
                AssertError(client.ReadResponse(), 501);
            }

            using (var client = new RawHttpClient(_server.Port))
            {
                client.Send("GET /api/v1/measurements HTTP/2.0\r\nHost: x\r\n\r\n");
                HttpResponseText r = client.ReadResponse();
                Assert.Equal(505, r.Status);
            }
        }

        [Fact]
        public void FewerSlowLorisThanHandlersAndGarbageClientsDoNotStopOthers()
        {
            // Slow connections on all handlers but one, plus garbage senders: a normal client gets 200 every time.
            Attack(HttpServer.HandlerCount - 1);
        }

        [Fact]
        public void MoreSlowLorisThanHandlersAndQueueStillLetNormalClientsIn()
        {
            // More slow connections than handlers and accept queue together: each trickles a byte every 300 ms and
            // reconnects when dropped, so they would hold every slot. A handler gives up on a trickling head after
            // HttpConnectionHandler.SlowHeadWhileOthersWaitMs while others wait, and a full queue evicts a waiting
            // connection without a complete head for a newcomer: a normal client is served (200) within a few tries.
            Attack(HttpServer.HandlerCount + HttpServer.AcceptQueueCapacity + 3);
            Assert.True(_server.EvictedConnections > 0, "no slow connection was evicted from the full queue");
        }

        private void Attack(int slowCount)
        {
            // Slow connections each trickling one byte of a head every 300 ms, plus connections sending garbage;
            // meanwhile curl must still get its answers.
            var sockets = new List<Socket>();
            using var stop = new CancellationTokenSource();
            var trickle = new Thread(() =>
            {
                byte[] head = Encoding.ASCII.GetBytes("GET /api/v1/measurements HTTP/1.1\r\nHost: x\r\nX-Slow: " + new string('s', 400));
                int at = 0;
                while (!stop.IsCancellationRequested)
                {
                    lock (sockets)
                    {
                        // Reopen what the server closed (408 or 503 busy): the pressure stays on the whole time.
                        for (int i = 0; i < sockets.Count; i++)
                        {
                            try
                            {
                                sockets[i].Send(new[] { head[at % head.Length] });
                            }
                            catch (SocketException)
                            {
                                sockets[i].Dispose();
                                sockets[i] = Connect();
                            }
                        }
                    }

                    at++;
                    Thread.Sleep(300);
                }
            });
            var garbage = new Thread(() =>
            {
                var random = new Random(7);
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        using Socket s = Connect();
                        byte[] junk = new byte[random.Next(1, 3000)];
                        random.NextBytes(junk);
                        s.Send(junk);
                        s.Shutdown(SocketShutdown.Send);
                        s.ReceiveTimeout = 2000;
                        s.Receive(new byte[4096]);
                    }
                    catch (SocketException)
                    {
                    }

                    Thread.Sleep(50);
                }
            });

            lock (sockets)
            {
                for (int i = 0; i < slowCount; i++)
                {
                    sockets.Add(Connect());
                }
            }

            trickle.Start();
            garbage.Start();
            try
            {
                Thread.Sleep(1000);
                var watch = Stopwatch.StartNew();
                var times = new List<long>();
                var statuses = new List<string>();
                for (int i = 0; i < 5; i++)
                {
                    // Each request may meet "503 busy" (a full queue with no slow connection old enough to evict is
                    // answered at once, by design) and tries again, up to 5 times; it must end with 200.
                    long before = watch.ElapsedMilliseconds;
                    string status = "";
                    for (int attempt = 0; attempt < 5 && status != "200"; attempt++)
                    {
                        CurlRunner.Result result = CurlRunner.Run("-sS", "-o", "/dev/null", "-w", "%{http_code}", _base + "/metrics");
                        status = result.ExitCode == 0 ? result.Stdout : "curl exit " + result.ExitCode;
                        statuses.Add(status);
                    }

                    Assert.True(status == "200", "during the attack (" + slowCount + " slow): " + string.Join(", ", statuses));
                    times.Add(watch.ElapsedMilliseconds - before);
                    Assert.True(times[times.Count - 1] < 10000, "a request waited " + times[times.Count - 1] + " ms during the attack");
                }

                _output.WriteLine(slowCount + " slow-loris connections + garbage senders: 5 GET /metrics answered in " + string.Join(", ", times)
                    + " ms (statuses seen: " + string.Join(", ", statuses) + "; server: " + _server.EvictedConnections
                    + " slow evicted from the queue, " + _server.RejectedConnections + " refused busy)");
            }
            finally
            {
                stop.Cancel();
                trickle.Join();
                garbage.Join();
                lock (sockets)
                {
                    foreach (Socket s in sockets)
                    {
                        s.Dispose();
                    }
                }
            }
        }

        private Socket Connect()
        {
            var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            s.Connect("127.0.0.1", _server.Port);
            return s;
        }

        private sealed class NoPue : IPueSource
        {
            public void ReadInstantaneous(out bool configured, out double facilityW, out double itW, out double pue, out double dciePercent)
            {
                configured = false;
                facilityW = double.NaN;
                itW = double.NaN;
                pue = double.NaN;
                dciePercent = double.NaN;
            }

            public void Query(DateTime fromUtc, DateTime toUtc, int resolutionSeconds, IPueIntervalVisitor visitor)
            {
            }
        }
    }
}
