using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// Minimal HTTP/1.1 server for the JSON API, /metrics and the page (see the route table). One thread accepts;
    /// a small fixed set of handler threads serve the connections, each with its own reused buffers
    /// (see HttpConnectionHandler). Accepted connections wait in a bounded queue, so memory never grows
    /// with the number of clients. When it is full, a waiting connection that looks slow (no complete
    /// request head after <see cref="QueuedGraceMs"/>) gets 408 and makes room for the newcomer; when none
    /// does, the newcomer gets 503 at once. Together with the handlers' short head deadline while others
    /// wait, trickling (slow-loris) clients cannot keep normal ones out.
    /// </summary>
    public sealed class HttpServer
    {
        /// <summary>Connections served at the same time.</summary>
        public const int HandlerCount = 3;

        /// <summary>Accepted connections that may wait for a free handler.</summary>
        public const int AcceptQueueCapacity = 4;

        /// <summary>
        /// A queued connection may be evicted for a newcomer once it has waited this long without a complete
        /// request head (a normal client's head arrives within a round trip of its connection).
        /// </summary>
        public const int QueuedGraceMs = 200;

        /// <summary>
        /// When the queue is full and no waiting connection is past its grace, the acceptor waits this long for
        /// the newcomer's request head: one that shows it at once displaces a waiting connection that still has
        /// none (normal clients send the head right after connecting; trickling ones arrive in bursts, so a
        /// grace alone would leave windows where every waiting connection is fresh).
        /// </summary>
        public const int NewcomerHeadWaitMs = 50;

        private const int PollSliceMicroseconds = 100000;
        private const int WaitSliceMs = 100;
        private const int JoinTimeoutMs = 3000;
        private const int BusySendTimeoutMs = 1000;

        private readonly IHttpEndpoint[] _endpoints;
        private readonly ICredentialCheck _credentials;
        private readonly UserAccounts _accounts;
        private readonly string _bindAddress;
        private readonly object _sync = new object();
        private readonly byte[] _busyResponse;
        private readonly byte[] _timeoutResponse;
        private readonly byte[] _peekBuffer = new byte[HttpConnectionHandler.RequestHeadLimit];
        private readonly SteadyClock _acceptClock = new SteadyClock();
        private ConnectionQueue _queue;
        private HttpConnectionHandler[] _handlers;
        private Thread[] _handlerThreads;
        private Thread _acceptThread;
        private Socket _listener;
        private int _runningFlag;
        private bool _started;

        /// <summary>The issue-3 server: GET /api/v1/measurements only ("clockSynchronized" always false).</summary>
        public HttpServer(IMeasurementSource source, string bindAddress, int port)
            : this(new IHttpEndpoint[] { new MeasurementsEndpoint(source, null) }, null, bindAddress, port)
        {
        }

        /// <param name="endpoints">The route table (see <see cref="IHttpEndpoint"/>), fixed for the server's life.</param>
        /// <param name="credentials">Checks the admin's credentials for endpoints that need them; null refuses them all.</param>
        public HttpServer(IHttpEndpoint[] endpoints, ICredentialCheck credentials, string bindAddress, int port)
        {
            _endpoints = endpoints;
            _credentials = credentials;
            _accounts = null;
            _bindAddress = bindAddress;
            Port = port;
            IdleTimeoutMs = 10000;
            HeadTimeoutMs = 5000;
            SendTimeoutMs = 5000;
            _busyResponse = BuildErrorResponse(HttpStatus.ServiceUnavailable, "busy");
            _timeoutResponse = BuildErrorResponse(HttpStatus.RequestTimeout, "request timeout");
        }

        /// <param name="endpoints">The route table (see <see cref="IHttpEndpoint"/>), fixed for the server's life.</param>
        /// <param name="accounts">Users, roles and sessions of the configuration (HTTP Basic or session cookie).</param>
        public HttpServer(IHttpEndpoint[] endpoints, string bindAddress, int port, UserAccounts accounts)
            : this(endpoints, (ICredentialCheck)null, bindAddress, port)
        {
            _accounts = accounts;
        }

        // Read by every thread of the server (nanoFramework 1.x has no volatile: Interlocked makes writes visible).
        private bool Running
        {
            get { return Interlocked.CompareExchange(ref _runningFlag, 0, 0) != 0; }
        }

        /// <summary>The port listened on: after Start, the real one when 0 was asked.</summary>
        public int Port { get; private set; }

        /// <summary>Keep-alive connections idle this long are closed (set before Start).</summary>
        public int IdleTimeoutMs { get; set; }

        /// <summary>A request head or body must arrive within this time once started (set before Start).</summary>
        public int HeadTimeoutMs { get; set; }

        /// <summary>Sending one response may block this long on a client that does not read (set before Start).</summary>
        public int SendTimeoutMs { get; set; }

        /// <summary>Connections refused with 503 because every handler was busy and the queue full.</summary>
        public int RejectedConnections { get; private set; }

        /// <summary>Waiting connections without a complete head that were closed (408) to make room for a newcomer.</summary>
        public int EvictedConnections { get; private set; }

        /// <summary>Binds, listens and starts the threads. Throws (SocketException) when the port cannot be had.</summary>
        public void Start()
        {
            lock (_sync)
            {
                if (_started)
                {
                    return;
                }

                IPAddress address = _bindAddress == null || _bindAddress.Length == 0
                    ? IPAddress.Any
                    : IPAddress.Parse(_bindAddress);
                Socket listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    listener.Bind(new IPEndPoint(address, Port));
                    listener.Listen(AcceptQueueCapacity);
                    Port = ((IPEndPoint)listener.LocalEndPoint).Port;
                }
                catch (Exception)
                {
                    listener.Close();
                    throw;
                }

                _listener = listener;
                _queue = new ConnectionQueue(AcceptQueueCapacity);
                _handlers = new HttpConnectionHandler[HandlerCount];
                _handlerThreads = new Thread[HandlerCount];
                for (int i = 0; i < HandlerCount; i++)
                {
                    HttpConnectionHandler handler = _accounts != null
                        ? new HttpConnectionHandler(_endpoints, _queue, _accounts)
                        : new HttpConnectionHandler(_endpoints, _credentials, _queue);
                    handler.IdleTimeoutMs = IdleTimeoutMs;
                    handler.HeadTimeoutMs = HeadTimeoutMs;
                    handler.SendTimeoutMs = SendTimeoutMs;
                    _handlers[i] = handler;
                    _handlerThreads[i] = new Thread(new HandlerLoop(this, handler).Run);
                }

                Interlocked.Exchange(ref _runningFlag, 1);
                _started = true;
                _acceptThread = new Thread(AcceptLoop);
                _acceptThread.Start();
                for (int i = 0; i < HandlerCount; i++)
                {
                    _handlerThreads[i].Start();
                }
            }
        }

        /// <summary>
        /// Closes the listener and every open or waiting connection and joins the threads (bounded:
        /// every wait in the server is sliced, so they end within a fraction of a second).
        /// </summary>
        public void Stop()
        {
            lock (_sync)
            {
                if (!_started || !Running)
                {
                    return;
                }

                Interlocked.Exchange(ref _runningFlag, 0);
            }

            CloseQuietly(_listener);
            for (int i = 0; i < _handlers.Length; i++)
            {
                _handlers[i].Stop();
            }

            _queue.Wake();
            _acceptThread.Join(JoinTimeoutMs);
            for (int i = 0; i < _handlerThreads.Length; i++)
            {
                _handlerThreads[i].Join(JoinTimeoutMs);
            }

            // Connections accepted but never served.
            Socket waiting = _queue.TryTake();
            while (waiting != null)
            {
                CloseQuietly(waiting);
                waiting = _queue.TryTake();
            }
        }

        private void AcceptLoop()
        {
            while (Running)
            {
                Socket client = null;

                // Read every slice: the steady clock counts at most a second between two readings.
                long now = _acceptClock.Milliseconds;
                try
                {
                    // Sliced so Stop() is noticed even where closing a listener does not wake Accept().
                    if (!_listener.Poll(PollSliceMicroseconds, SelectMode.SelectRead))
                    {
                        continue;
                    }

                    client = _listener.Accept();
                }
                catch (Exception)
                {
                    if (!Running)
                    {
                        return;
                    }

                    // E.g. out of sockets: back off instead of spinning.
                    Thread.Sleep(WaitSliceMs);
                    continue;
                }

                if (!Running)
                {
                    RefuseBusy(client);
                    continue;
                }

                now = _acceptClock.Milliseconds;
                if (_queue.TryAdd(client, now))
                {
                    continue;
                }

                // Full: a waiting connection still without its head gives way to the newcomer.
                Socket slow = _queue.TakeSlow(now, QueuedGraceMs, _peekBuffer);
                if (slow == null && NewcomerShowsHead(client))
                {
                    slow = _queue.TakeSlow(now, 0, _peekBuffer);
                }

                if (slow == null)
                {
                    RefuseBusy(client);
                    continue;
                }

                // Only this thread adds, so the slot just freed is the newcomer's.
                _queue.TryAdd(client, now);
                EvictedConnections++;
                DiscardAvailable(slow);
                Refuse(slow, _timeoutResponse);
            }
        }

        // Reads what has arrived (never blocks: at most Available bytes), so the close after the 408 is a FIN,
        // not a reset that could destroy the answer in flight.
        private void DiscardAvailable(Socket client)
        {
            try
            {
                for (int i = 0; i < 4; i++)
                {
                    int available = client.Available;
                    if (available <= 0)
                    {
                        return;
                    }

                    client.Receive(_peekBuffer, 0, available < _peekBuffer.Length ? available : _peekBuffer.Length, SocketFlags.None);
                }
            }
            catch (Exception)
            {
                // Gone already.
            }
        }

        // Blocks the accept thread at most NewcomerHeadWaitMs (only while the queue is full).
        private bool NewcomerShowsHead(Socket client)
        {
            try
            {
                return client.Poll(NewcomerHeadWaitMs * 1000, SelectMode.SelectRead)
                    && ConnectionQueue.HasCompleteHead(client, _peekBuffer);
            }
            catch (Exception)
            {
                return false;
            }
        }

        private void ServeQueued(HttpConnectionHandler handler)
        {
            while (Running)
            {
                // A waiting connection whose head has arrived goes before trickling ones.
                Socket client = _queue.Take(WaitSliceMs, handler.IdleRequestBuffer);
                if (client == null)
                {
                    continue;
                }

                if (!Running)
                {
                    CloseQuietly(client);
                    return;
                }

                handler.Serve(client);
            }
        }

        private void RefuseBusy(Socket client)
        {
            RejectedConnections++;
            Refuse(client, _busyResponse);
        }

        // A canned error straight from the accept thread (503 busy, 408 for an evicted slow connection):
        // small, so the send never blocks for long.
        private static void Refuse(Socket client, byte[] response)
        {
            try
            {
                client.SendTimeout = BusySendTimeoutMs;
                client.Send(response, 0, response.Length, SocketFlags.None);
            }
            catch (Exception)
            {
                // The client is gone anyway.
            }

            CloseQuietly(client);
        }

        private static byte[] BuildErrorResponse(int status, string message)
        {
            byte[] body = new byte[64];
            JsonWriter json = new JsonWriter(body);
            json.WriteStartObject();
            json.WriteName("error");
            json.WriteString(message);
            json.WriteEndObject();
            byte[] head = new byte[HttpResponseHead.MaxLength];
            int headLength = HttpResponseHead.Write(head, 0, status, json.Length, HttpResponseHead.Close);
            byte[] response = new byte[headLength + json.Length];
            Array.Copy(head, 0, response, 0, headLength);
            Array.Copy(body, 0, response, headLength, json.Length);
            return response;
        }

        private static void CloseQuietly(Socket socket)
        {
            try
            {
                socket.Close();
            }
            catch (Exception)
            {
                // Already closed.
            }
        }

        // A thread start needs a parameterless method: this binds a handler to the shared loop.
        private sealed class HandlerLoop
        {
            private readonly HttpServer _server;
            private readonly HttpConnectionHandler _handler;

            public HandlerLoop(HttpServer server, HttpConnectionHandler handler)
            {
                _server = server;
                _handler = handler;
            }

            public void Run()
            {
                _server.ServeQueued(_handler);
            }
        }
    }
}
