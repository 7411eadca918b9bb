using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using Ipenergy.Probe.Protocols.Http;
using Xunit;

namespace Ipenergy.Probe.Tests.Http
{
    /// <summary>
    /// ConnectionQueue.TakeSlow over real loopback sockets: which waiting connection looks slow (no complete head
    /// after the grace time), that the others keep their order, and that peeking consumes nothing.
    /// </summary>
    public sealed class ConnectionQueueTests : IDisposable
    {
        private readonly Socket _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        private readonly List<Socket> _sockets = new List<Socket>();

        public ConnectionQueueTests()
        {
            _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            _listener.Listen(8);
        }

        public void Dispose()
        {
            _sockets.ForEach(s => s.Dispose());
            _listener.Dispose();
        }

        [Fact]
        public void SlowOnesAreTakenOldestFirstAndTheRestKeepTheirOrder()
        {
            Socket complete = Accepted("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            Socket partial = Accepted("GET / HTTP/1.1\r\nHo");
            Socket silent = Accepted("");
            Socket leadingBlankLines = Accepted("\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n");
            Socket freshPartial = Accepted("GET /");
            var queue = new ConnectionQueue(5);
            var peek = new byte[HttpConnectionHandler.RequestHeadLimit];
            Assert.True(queue.TryAdd(complete, 0));
            Assert.True(queue.TryAdd(partial, 0));
            Assert.True(queue.TryAdd(silent, 0));
            Assert.True(queue.TryAdd(leadingBlankLines, 0));
            Assert.True(queue.TryAdd(freshPartial, 900));
            Assert.False(queue.TryAdd(Accepted(""), 900));

            Assert.Same(partial, queue.TakeSlow(1000, 200, peek));
            Assert.Same(silent, queue.TakeSlow(1000, 200, peek));
            Assert.Null(queue.TakeSlow(1000, 200, peek));        // the fresh one is still in its grace time
            Assert.Same(freshPartial, queue.TakeSlow(1000, 0, peek));
            Assert.Null(queue.TakeSlow(5000, 0, peek));          // complete heads are never slow
            Assert.Equal(2, queue.Count);

            Assert.Same(complete, queue.TryTake());
            Assert.Same(leadingBlankLines, queue.TryTake());
            Assert.Null(queue.TryTake());

            // Peeking consumed nothing: the handler still reads the whole head.
            var buffer = new byte[64];
            int n = complete.Receive(buffer);
            Assert.Equal("GET / HTTP/1.1\r\nHost: x\r\n\r\n", Encoding.ASCII.GetString(buffer, 0, n));
        }

        [Fact]
        public void RingWrapsAroundWhileTakingFromTheMiddle()
        {
            var queue = new ConnectionQueue(3);
            var peek = new byte[HttpConnectionHandler.RequestHeadLimit];
            Socket a = Accepted("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            Socket b = Accepted("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            queue.TryAdd(a, 0);
            queue.TryAdd(b, 0);
            Assert.Same(a, queue.TryTake());                     // head moves to slot 1
            Socket slow = Accepted("G");
            Socket c = Accepted("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            queue.TryAdd(slow, 0);                               // slot 2
            queue.TryAdd(c, 0);                                  // slot 0 (wrapped)
            Assert.Same(slow, queue.TakeSlow(300, 200, peek));
            Socket d = Accepted("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            Assert.True(queue.TryAdd(d, 300));
            Assert.Same(b, queue.TryTake());
            Assert.Same(c, queue.TryTake());
            Assert.Same(d, queue.TryTake());
            Assert.Null(queue.TryTake());
        }

        [Fact]
        public void HandlersTakeAWaitingConnectionWithItsHeadFirst()
        {
            var queue = new ConnectionQueue(4);
            var peek = new byte[HttpConnectionHandler.RequestHeadLimit];
            Socket trickling = Accepted("GET / HT");
            Socket silent = Accepted("");
            Socket ready = Accepted("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            Socket alsoReady = Accepted("GET /x HTTP/1.1\r\nHost: x\r\n\r\n");
            queue.TryAdd(trickling, 0);
            queue.TryAdd(silent, 0);
            queue.TryAdd(ready, 0);
            queue.TryAdd(alsoReady, 0);
            Assert.Same(ready, queue.Take(100, peek));
            Assert.Same(alsoReady, queue.TryTake(peek));
            Assert.Same(trickling, queue.TryTake(peek));         // none ready: oldest first
            Assert.Same(silent, queue.Take(100, peek));
            Assert.Null(queue.Take(50, peek));
        }

        // The server side of a fresh loopback connection, once what the client sent has arrived.
        private Socket Accepted(string sent)
        {
            var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            client.Connect(_listener.LocalEndPoint);
            Socket server = _listener.Accept();
            _sockets.Add(client);
            _sockets.Add(server);
            byte[] bytes = Encoding.ASCII.GetBytes(sent);
            if (bytes.Length > 0)
            {
                client.Send(bytes);
                var watch = Stopwatch.StartNew();
                while (server.Available < bytes.Length)
                {
                    Assert.True(watch.ElapsedMilliseconds < 5000, "loopback bytes did not arrive");
                    Thread.Sleep(1);
                }
            }

            return server;
        }
    }
}
