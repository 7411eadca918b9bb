using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Protocols.Http;
using Xunit;

namespace Ipenergy.Probe.Tests.Http
{
    /// <summary>Connection handling over raw sockets: pipelining, timeouts, slow clients, a full queue, stopping.</summary>
    public sealed class HttpServerConnectionTests
    {
        private const string Get = "GET /api/v1/measurements HTTP/1.1\r\nHost: probe\r\n\r\n";

        private static HttpServer StartServer(MeasurementSnapshot snapshot, int idleMs = 10000, int headMs = 5000)
        {
            var server = new HttpServer(new FakeMeasurementSource(snapshot), "127.0.0.1", 0)
            {
                IdleTimeoutMs = idleMs,
                HeadTimeoutMs = headMs,
            };
            server.Start();
            return server;
        }

        [Fact]
        public void PipelinedRequestsAreAnsweredInOrder()
        {
            MeasurementSnapshot snapshot = HandMadeSnapshots.Mpp18();
            HttpServer server = StartServer(snapshot);
            try
            {
                using var client = new RawHttpClient(server.Port);
                client.Send(Get + "HEAD /api/v1/measurements HTTP/1.1\r\nHost: probe\r\n\r\n"
                    + "GET /nope HTTP/1.1\r\nHost: probe\r\n\r\n"
                    + "DELETE /api/v1/measurements HTTP/1.1\r\nHost: probe\r\nContent-Length: 3\r\n\r\nabc"
                    + "GET /api/v1/measurements?again HTTP/1.1\r\nHost: probe\r\nConnection: close\r\n\r\n");
                HttpResponseText first = client.ReadResponse();
                Assert.Equal(200, first.Status);
                MeasurementsJsonAssert.Matches(snapshot, first.Body);
                HttpResponseText head = client.ReadResponse(toHead: true);
                Assert.Equal(200, head.Status);
                Assert.Equal(first.Header("content-length"), head.Header("content-length"));
                HttpServerCurlTests.AssertJsonError(client.ReadResponse(), 404, "not found");
                HttpServerCurlTests.AssertJsonError(client.ReadResponse(), 405, "method not allowed");
                HttpResponseText last = client.ReadResponse();
                Assert.Equal(200, last.Status);
                Assert.Equal("close", last.Header("connection"));
                Assert.Empty(client.ReadToEnd());
            }
            finally
            {
                server.Stop();
            }
        }

        [Fact]
        public void RequestSplitIntoSingleBytesIsParsed()
        {
            HttpServer server = StartServer(HandMadeSnapshots.Make(3));
            try
            {
                using var client = new RawHttpClient(server.Port);
                client.Socket.NoDelay = true;
                // Empty lines before the request line are ignored (RFC 9112 2.2).
                foreach (byte b in Encoding.ASCII.GetBytes("\r\n" + Get))
                {
                    client.Send(new[] { b });
                }

                Assert.Equal(200, client.ReadResponse().Status);
            }
            finally
            {
                server.Stop();
            }
        }

        [Fact]
        public void SlowClientGets408AndDoesNotBlockOthers()
        {
            HttpServer server = StartServer(HandMadeSnapshots.Make(3), headMs: 3000);
            try
            {
                using var slow = new RawHttpClient(server.Port);
                slow.Send("GET /api/v1/meas");
                var watch = Stopwatch.StartNew();

                // Meanwhile other clients are served at once.
                for (int i = 0; i < 5; i++)
                {
                    using var other = new RawHttpClient(server.Port);
                    other.Send(Get);
                    Assert.Equal(200, other.ReadResponse().Status);
                }

                Assert.True(watch.ElapsedMilliseconds < 2500, "others waited for the slow client: " + watch.ElapsedMilliseconds + " ms");
                HttpResponseText timeout = slow.ReadResponse();
                HttpServerCurlTests.AssertJsonError(timeout, 408, "request timeout");
                Assert.Equal("close", timeout.Header("connection"));
                Assert.InRange(watch.ElapsedMilliseconds, 2500, 8000);
                Assert.True(slow.ClosedByServerWithin(2000), "slow connection not closed");
            }
            finally
            {
                server.Stop();
            }
        }

        [Fact]
        public void IdleKeepAliveConnectionIsClosedAfterTheIdleTimeout()
        {
            HttpServer server = StartServer(HandMadeSnapshots.Make(3), idleMs: 700);
            try
            {
                using var client = new RawHttpClient(server.Port);
                client.Send(Get);
                Assert.Equal(200, client.ReadResponse().Status);
                var watch = Stopwatch.StartNew();
                Assert.True(client.ClosedByServerWithin(5000), "idle connection never closed");
                Assert.InRange(watch.ElapsedMilliseconds, 500, 3000);
            }
            finally
            {
                server.Stop();
            }
        }

        [Fact]
        public void IdleConnectionsGiveWayWhenOthersWait()
        {
            // More idle keep-alive clients than handlers: the newcomer must not wait for the 30 s idle timeout.
            HttpServer server = StartServer(HandMadeSnapshots.Make(3), idleMs: 30000);
            var idle = new List<RawHttpClient>();
            try
            {
                for (int i = 0; i < HttpServer.HandlerCount; i++)
                {
                    var c = new RawHttpClient(server.Port);
                    idle.Add(c);
                    c.Send(Get);
                    Assert.Equal(200, c.ReadResponse().Status);
                }

                var watch = Stopwatch.StartNew();
                using var late = new RawHttpClient(server.Port);
                late.Send(Get);
                Assert.Equal(200, late.ReadResponse().Status);
                Assert.True(watch.ElapsedMilliseconds < 3000, "newcomer waited " + watch.ElapsedMilliseconds + " ms");
            }
            finally
            {
                idle.ForEach(c => c.Dispose());
                server.Stop();
            }
        }

        [Fact]
        public void FullQueueOfCompleteRequestsIsRefusedWith503Busy()
        {
            HttpServer server = StartServer(HandMadeSnapshots.Make(3), headMs: 5000);
            var stuck = new List<RawHttpClient>();
            try
            {
                // Every handler waits for a body that stops coming (no short deadline for bodies), and every queue
                // slot holds a complete request: nothing looks slow, so there is nothing to evict.
                for (int i = 0; i < HttpServer.HandlerCount; i++)
                {
                    var c = new RawHttpClient(server.Port);
                    c.Send("POST /api/v1/measurements HTTP/1.1\r\nHost: probe\r\nContent-Length: 100\r\n\r\nab");
                    stuck.Add(c);
                    Thread.Sleep(50);
                }

                for (int i = 0; i < HttpServer.AcceptQueueCapacity; i++)
                {
                    var c = new RawHttpClient(server.Port);
                    c.Send(Get);
                    stuck.Add(c);
                    Thread.Sleep(50);
                }

                using var refused = new RawHttpClient(server.Port, receiveTimeoutMs: 3000);
                refused.Send(Get);
                HttpResponseText response = refused.ReadResponse();
                HttpServerCurlTests.AssertJsonError(response, 503, "busy");
                Assert.Equal("close", response.Header("connection"));
                Assert.Equal("1", response.Header("retry-after"));
                Assert.True(server.RejectedConnections >= 1);
                Assert.Equal(0, server.EvictedConnections);
            }
            finally
            {
                stuck.ForEach(c => c.Dispose());
                server.Stop();
            }
        }

        [Fact]
        public void FullQueueOfPartialHeadsMakesRoomForANewcomerWithItsHead()
        {
            HttpServer server = StartServer(HandMadeSnapshots.Make(3), headMs: 2000);
            var stuck = new List<RawHttpClient>();
            try
            {
                // Every handler waits 2 s for a body that stops coming; every queue slot holds a client that never
                // finishes its request line.
                for (int i = 0; i < HttpServer.HandlerCount; i++)
                {
                    var c = new RawHttpClient(server.Port);
                    c.Send("POST /api/v1/measurements HTTP/1.1\r\nHost: probe\r\nContent-Length: 100\r\n\r\nab");
                    stuck.Add(c);
                    Thread.Sleep(50);
                }

                for (int i = 0; i < HttpServer.AcceptQueueCapacity; i++)
                {
                    var c = new RawHttpClient(server.Port, receiveTimeoutMs: 1500);
                    c.Send("GET / HTTP/1.1\r\n");
                    stuck.Add(c);
                    Thread.Sleep(50);
                }

                // A client with its whole head displaces the oldest waiting one, which gets 408 at once (well before
                // any handler is free); the newcomer is served once the handlers are.
                var watch = Stopwatch.StartNew();
                using var newcomer = new RawHttpClient(server.Port, receiveTimeoutMs: 6000);
                newcomer.Send(Get);
                HttpServerCurlTests.AssertJsonError(stuck[HttpServer.HandlerCount].ReadResponse(), 408, "request timeout");
                long evictedMs = watch.ElapsedMilliseconds;
                HttpResponseText response = newcomer.ReadResponse();
                long servedMs = watch.ElapsedMilliseconds;
                Assert.Equal(200, response.Status);
                Assert.True(evictedMs < 1000, "oldest waiting connection evicted after " + evictedMs + " ms");
                Assert.True(servedMs < 5000, "newcomer served after " + servedMs + " ms");
                Assert.Equal(1, server.EvictedConnections);
                Assert.Equal(0, server.RejectedConnections);
            }
            finally
            {
                stuck.ForEach(c => c.Dispose());
                server.Stop();
            }
        }

        [Fact]
        public void StopClosesOpenConnectionsAndTheListenerQuickly()
        {
            HttpServer server = StartServer(HandMadeSnapshots.Make(3));
            int port = server.Port;
            using var idle = new RawHttpClient(port);
            idle.Send(Get);
            Assert.Equal(200, idle.ReadResponse().Status);
            using var partial = new RawHttpClient(port);
            partial.Send("GET /api");
            Thread.Sleep(200);

            var watch = Stopwatch.StartNew();
            server.Stop();
            Assert.True(watch.ElapsedMilliseconds < 2000, "Stop took " + watch.ElapsedMilliseconds + " ms");
            Assert.True(idle.ClosedByServerWithin(1000), "idle connection left open");
            Assert.True(partial.ClosedByServerWithin(1000), "partial connection left open");

            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            Assert.ThrowsAny<SocketException>(() => probe.Connect(new IPEndPoint(IPAddress.Loopback, port)));
            server.Stop(); // twice is harmless
        }

        [Fact]
        public void SnapshotPublishedLaterIsServed()
        {
            var source = new FakeMeasurementSource(null);
            var server = new HttpServer(source, "127.0.0.1", 0);
            server.Start();
            try
            {
                using var client = new RawHttpClient(server.Port);
                client.Send(Get);
                HttpResponseText first = client.ReadResponse();
                Assert.Equal(503, first.Status);
                Assert.Null(first.Header("connection")); // a 503 for "not yet" keeps the connection
                MeasurementSnapshot snapshot = HandMadeSnapshots.Make(3);
                source.Latest = snapshot;
                client.Send(Get);
                HttpResponseText second = client.ReadResponse();
                Assert.Equal(200, second.Status);
                MeasurementsJsonAssert.Matches(snapshot, second.Body);
            }
            finally
            {
                server.Stop();
            }
        }

        [Fact]
        public void BindingABusyPortThrows()
        {
            HttpServer first = StartServer(HandMadeSnapshots.Make(3));
            try
            {
                var second = new HttpServer(new FakeMeasurementSource(null), "127.0.0.1", first.Port);
                Assert.ThrowsAny<SocketException>(() => second.Start());
            }
            finally
            {
                first.Stop();
            }
        }
    }
}
