using System;
using System.Net.Sockets;
using System.Threading;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// Serves the requests of one connection at a time on the calling thread: reads each request head
    /// into one reused buffer, answers it, keeps the connection open when the client wants that, and
    /// handles pipelined requests in order. All buffers live as long as the handler, so a request
    /// allocates nothing once the response buffer has grown to the model's size. Every wait is
    /// bounded, and nothing a client sends makes it throw out of <see cref="Serve"/>. One thread at a
    /// time may call Serve; Stop may be called from any thread.
    /// </summary>
    public sealed class HttpConnectionHandler
    {
        /// <summary>Request line plus header fields must fit in this many bytes; more gets 431.</summary>
        public const int RequestHeadLimit = 2048;

        /// <summary>A body sent to an endpoint that takes none (it is read and dropped) may be this long; more gets 413.</summary>
        public const int MaxRequestBody = 4096;

        /// <summary>Ceiling for the response buffer, which grows (rarely) to fit the model's JSON.</summary>
        public const int MaxResponseLength = 65536;

        private const int InitialResponseLength = 4096;
        private const int PollSliceMs = 100;

        // While other connections wait for a handler, an idle keep-alive connection gives way this soon.
        private const int IdleWhileOthersWaitMs = 250;

        /// <summary>
        /// While other connections wait for a handler, a request head must be complete this long after its
        /// first byte reached this handler, else 408 and close (without contention HeadTimeoutMs applies).
        /// A normal client sends its head in one segment; a trickling one (slow loris) must not hold the
        /// handler (as Apache mod_reqtimeout / nginx client_header_timeout).
        /// </summary>
        public const int SlowHeadWhileOthersWaitMs = 500;

        // On closing after an error, unread request bytes are drained for this long so the kernel does
        // not answer them with a reset that could destroy the response in flight.
        private const int DrainMs = 300;
        private const int DrainWhileOthersWaitMs = 50;
        private const int DrainMaxBytes = 16384;

        private const int ReadClosed = 0;
        private const int ReadTooLarge = -1;
        private const int ReadTimedOut = -2;
        private const int BodyComplete = 1;

        private static readonly byte[] ContinueResponse = AsciiBytes.From("HTTP/1.1 100 Continue\r\n\r\n");

        private readonly IHttpEndpoint[] _endpoints;
        private readonly ICredentialCheck _credentials;
        private readonly UserAccounts _accounts;
        private readonly SessionAuthorizer _authorizer;
        private readonly BasicAuthentication _authentication = new BasicAuthentication();
        private readonly HttpRequest _call = new HttpRequest();
        private readonly HttpResponse _reply;
        private readonly ConnectionQueue _waiting;
        private readonly byte[] _request = new byte[RequestHeadLimit];
        private readonly byte[] _responseHead = new byte[HttpResponseHead.MaxLength];
        private readonly HttpRequestHead _head = new HttpRequestHead();
        private readonly object _sync = new object();
        private readonly SteadyClock _clock = new SteadyClock();
        private byte[] _body;
        private Socket _current;
        private int _filled;
        private int _scanned;
        private bool _drainOnClose;
        private bool _broken;
        private int _stopRequested;
        private long _requestsHandled;

        /// <param name="source">Where the measurements come from.</param>
        /// <param name="waiting">Connections waiting for a handler (null when there is no such queue, e.g. in a test).</param>
        public HttpConnectionHandler(IMeasurementSource source, ConnectionQueue waiting)
            : this(new IHttpEndpoint[] { new MeasurementsEndpoint(source, null) }, null, waiting)
        {
        }

        /// <param name="endpoints">The route table: the first endpoint whose path equals the request's serves it.</param>
        /// <param name="credentials">Checks the admin's credentials; null refuses every request that needs them.</param>
        /// <param name="waiting">Connections waiting for a handler (null when there is no such queue, e.g. in a test).</param>
        public HttpConnectionHandler(IHttpEndpoint[] endpoints, ICredentialCheck credentials, ConnectionQueue waiting)
        {
            _endpoints = endpoints;
            _credentials = credentials;
            _waiting = waiting;
            _reply = new HttpResponse(InitialResponseLength);
            IdleTimeoutMs = 10000;
            HeadTimeoutMs = 5000;
            SendTimeoutMs = 5000;
        }

        /// <param name="endpoints">The route table: the first endpoint whose path equals the request's serves it.</param>
        /// <param name="accounts">Users, roles and sessions: who each request is (HTTP Basic or session cookie).</param>
        /// <param name="waiting">Connections waiting for a handler (null when there is no such queue, e.g. in a test).</param>
        public HttpConnectionHandler(IHttpEndpoint[] endpoints, ConnectionQueue waiting, UserAccounts accounts)
            : this(endpoints, (ICredentialCheck)null, waiting)
        {
            _accounts = accounts;
            _authorizer = new SessionAuthorizer(accounts);
        }

        /// <summary>How long an open connection may wait for its next request before it is closed.</summary>
        public int IdleTimeoutMs { get; set; }

        /// <summary>How long a started request head (or body) may take to arrive; then 408 and close.</summary>
        public int HeadTimeoutMs { get; set; }

        /// <summary>How long sending one response may block on a client that does not read.</summary>
        public int SendTimeoutMs { get; set; }

        // Set by Stop() on another thread (nanoFramework 1.x has no volatile: Interlocked makes the write visible).
        private bool Stopping
        {
            get { return Interlocked.CompareExchange(ref _stopRequested, 0, 0) != 0; }
        }

        /// <summary>Requests answered since the handler was made (diagnostics, tests).</summary>
        public long RequestsHandled { get { return _requestsHandled; } }

        /// <summary>
        /// The request buffer, unused between connections: the server's handler loop lends it to the queue to peek
        /// at waiting connections (same thread, before <see cref="Serve"/>).
        /// </summary>
        internal byte[] IdleRequestBuffer { get { return _request; } }

        /// <summary>Capacity of the response buffer now.</summary>
        public int ResponseCapacity { get { return _reply.Buffer.Length; } }

        /// <summary>Serves <paramref name="client"/> until either side closes it, then closes it.</summary>
        public void Serve(Socket client)
        {
            lock (_sync)
            {
                if (Stopping)
                {
                    CloseQuietly(client);
                    return;
                }

                _current = client;
            }

            _filled = 0;
            _scanned = 0;
            _drainOnClose = false;
            _broken = false;
            try
            {
                Configure(client);
                while (ServeOne(client))
                {
                }
            }
            catch (Exception)
            {
                // Peer reset, send timeout, or Stop() closing the socket: the connection just ends.
                _drainOnClose = false;
            }
            finally
            {
                lock (_sync)
                {
                    _current = null;
                }

                if (_drainOnClose && !Stopping)
                {
                    Drain(client);
                }

                CloseQuietly(client);
            }
        }

        /// <summary>Makes <see cref="Serve"/> return soon (closing its connection) and refuse new ones.</summary>
        public void Stop()
        {
            Socket current;
            lock (_sync)
            {
                Interlocked.Exchange(ref _stopRequested, 1);
                current = _current;
            }

            if (current != null)
            {
                CloseQuietly(current);
            }
        }

        // One request: false when the connection is to be closed.
        private bool ServeOne(Socket client)
        {
            int headLength = ReadHead(client);
            if (headLength == ReadClosed)
            {
                return false;
            }

            if (headLength == ReadTimedOut)
            {
                SendError(client, HttpStatus.RequestTimeout, false);
                _drainOnClose = true;
                return false;
            }

            if (headLength == ReadTooLarge)
            {
                SendError(client, HttpStatus.RequestHeaderFieldsTooLarge, false);
                _drainOnClose = true;
                return false;
            }

            int status = HttpRequestParser.Parse(_request, 0, headLength, _head);
            if (status != HttpRequestParser.Ok)
            {
                SendError(client, status, false);
                _drainOnClose = true;
                return false;
            }

            bool isHead = _head.Method == HttpRequestHead.MethodHead;
            int method = isHead ? HttpRequestHead.MethodGet : _head.Method;
            IHttpEndpoint endpoint = FindEndpoint();
            bool allowed = endpoint != null && method != HttpRequestHead.MethodOther && endpoint.Allows(method);
            int bodyLimit = allowed ? endpoint.MaxBodyLength(method) : 0;

            // Credentials are checked while the head is still in the buffer (the fields point into it).
            // Without user accounts (legacy): reads are anonymous and every write needs the one admin (Basic).
            int denial = SessionAuthorizer.Allowed;
            bool authorized;
            _call.Role = HttpRole.Anonymous;
            _call.User = null;
            _call.Session = -1;
            if (_authorizer != null)
            {
                denial = !allowed ? SessionAuthorizer.Allowed
                    : _authorizer.Authorize(_request, _head, endpoint, method, _call, PrefixLength(endpoint));
                authorized = denial == SessionAuthorizer.Allowed;
            }
            else
            {
                authorized = !allowed || endpoint.RequiredRole(method) <= HttpRole.Viewer
                    || (_head.AuthorizationLength > 0
                        && _authentication.IsAuthorized(_request, _head.AuthorizationStart, _head.AuthorizationLength, _credentials));
                if (!authorized)
                {
                    denial = SessionAuthorizer.NeedCredentials;
                }
                else if (allowed && endpoint.RequiredRole(method) > HttpRole.Viewer)
                {
                    _call.Role = HttpRole.Admin;
                }
            }

            if (allowed && authorized)
            {
                CopyPathTail(endpoint);
                _call.SetIfNoneMatch(_request, _head.IfNoneMatchStart, _head.IfNoneMatchLength);
            }
            bool queryOk = !allowed || !authorized || _call.Query.Parse(_request, _head.QueryStart, _head.QueryLength);
            Consume(headLength);

            int limit = bodyLimit > 0 && authorized ? bodyLimit : MaxRequestBody;
            if (_head.ContentLength > limit)
            {
                SendError(client, HttpStatus.ContentTooLarge, isHead);
                _drainOnClose = true;
                return false;
            }

            _call.BodyLength = 0;
            if (_head.ContentLength > 0)
            {
                int body = bodyLimit > 0 && authorized
                    ? ReadBody(client, (int)_head.ContentLength)
                    : SkipBody(client, (int)_head.ContentLength);
                if (body == ReadTimedOut)
                {
                    // The promised bytes stopped coming (a closed peer or a stop just ends the connection).
                    SendError(client, HttpStatus.RequestTimeout, false);
                    _drainOnClose = true;
                    return false;
                }

                if (body != BodyComplete)
                {
                    return false;
                }
            }

            bool keepAlive = _head.KeepAlive && !Stopping;
            int connection = !keepAlive
                ? HttpResponseHead.Close
                : (_head.VersionMinor == 0 ? HttpResponseHead.KeepAliveExplicit : HttpResponseHead.KeepAliveImplicit);
            if (endpoint == null)
            {
                SendError(client, HttpStatus.NotFound, isHead, connection);
            }
            else if (!allowed)
            {
                _reply.Reset();
                _reply.AddFields(endpoint.AllowField);
                WriteErrorBody(HttpStatus.MethodNotAllowed);
                SendBody(client, HttpStatus.MethodNotAllowed, isHead, connection);
            }
            else if (!authorized)
            {
                _reply.Reset();
                int refusal = _authorizer == null ? HttpStatus.Unauthorized : _authorizer.WriteDenial(denial, _reply);
                if (refusal == HttpStatus.Unauthorized && (_authorizer == null || _head.RequestedWithLength == 0))
                {
                    // Not for the page's own requests: a challenge there would pop up the browser's login box.
                    _reply.AddFields(BasicAuthentication.ChallengeField);
                }

                if (_authorizer == null)
                {
                    WriteErrorBody(HttpStatus.Unauthorized);
                }

                SendBody(client, refusal, isHead, connection);
            }
            else if (!queryOk)
            {
                _reply.Reset();
                _reply.Error(HttpStatus.BadRequest, "malformed query string");
                SendBody(client, HttpStatus.BadRequest, isHead, connection);
            }
            else
            {
                _call.Method = method;
                _call.Body = _body;
                Respond(client, endpoint, isHead, connection);
            }

            _requestsHandled++;
            if (_broken)
            {
                return false;
            }

            if (!keepAlive)
            {
                // Bytes pipelined after a closing request are left unread: drain them before closing.
                _drainOnClose = _filled > 0;
                return false;
            }

            return true;
        }

        // An endpoint whose path ends in '/' serves everything below it (e.g. /api/v1/users/<name>);
        // the rest of the path reaches it as HttpRequest.PathTail.
        private IHttpEndpoint FindEndpoint()
        {
            for (int i = 0; i < _endpoints.Length; i++)
            {
                byte[] path = _endpoints[i].Path;
                if (AsciiBytes.Equal(_request, _head.PathStart, _head.PathLength, path))
                {
                    return _endpoints[i];
                }

                if (path.Length > 1 && path[path.Length - 1] == (byte)'/' && _head.PathLength > path.Length
                    && AsciiBytes.Equal(_request, _head.PathStart, path.Length, path))
                {
                    return _endpoints[i];
                }
            }

            return null;
        }

        private int PrefixLength(IHttpEndpoint endpoint)
        {
            byte[] path = endpoint.Path;
            return path[path.Length - 1] == (byte)'/' ? path.Length : _head.PathLength;
        }

        private void CopyPathTail(IHttpEndpoint endpoint)
        {
            int prefix = PrefixLength(endpoint);
            _call.SetPathTail(_request, _head.PathStart + prefix, _head.PathLength - prefix);
        }

        // The endpoint writes the body into the response buffer; it grows (rarely) when the body did not fit.
        private void Respond(Socket client, IHttpEndpoint endpoint, bool isHead, int connection)
        {
            int status;
            while (true)
            {
                _reply.Reset();
                try
                {
                    status = endpoint.Handle(_call, _reply);
                }
                catch (Exception)
                {
                    status = HttpStatus.InternalServerError;
                    _reply.Reset();
                    WriteErrorBody(status);
                    break;
                }

                if (!_reply.Overflowed)
                {
                    break;
                }

                if (!_reply.Grow())
                {
                    status = HttpStatus.InternalServerError;
                    WriteErrorBody(status);
                    break;
                }
            }

            SendBody(client, status, isHead, connection);
        }

        private void SendError(Socket client, int status, bool isHead)
        {
            SendError(client, status, isHead, HttpResponseHead.Close);
        }

        // {"error":"..."}: small enough for the initial response buffer.
        private void SendError(Socket client, int status, bool isHead, int connection)
        {
            _reply.Reset();
            WriteErrorBody(status);
            SendBody(client, status, isHead, connection);
        }

        private void WriteErrorBody(int status)
        {
            _reply.Error(status, ErrorText(status));
        }

        // Writes the head right before the body already in _response, then sends both in one go.
        private void SendBody(Socket client, int status, bool isHead, int connection)
        {
            // 204 and 304 never carry a body, whatever the endpoint left in the buffer.
            int bodyLength = status == HttpStatus.NoContent || status == HttpStatus.NotModified ? 0 : _reply.BodyLength;
            int headLength = HttpResponseHead.Write(_responseHead, 0, status, bodyLength, connection, _reply.ContentType,
                _reply.ExtraFields, _reply.ExtraFieldsLength);
            int start = HttpResponseHead.MaxLength - headLength;
            byte[] buffer = _reply.Buffer;
            Array.Copy(_responseHead, 0, buffer, start, headLength);
            SendAll(client, buffer, start, headLength + (isHead ? 0 : bodyLength));
        }

        private static string ErrorText(int status)
        {
            switch (status)
            {
                case HttpStatus.BadRequest:
                    return "bad request";
                case HttpStatus.Unauthorized:
                    return "authentication required";
                case HttpStatus.Forbidden:
                    return "forbidden";
                case HttpStatus.NotFound:
                    return "not found";
                case HttpStatus.MethodNotAllowed:
                    return "method not allowed";
                case HttpStatus.RequestTimeout:
                    return "request timeout";
                case HttpStatus.ContentTooLarge:
                    return "request body too large";
                case HttpStatus.RequestHeaderFieldsTooLarge:
                    return "request header too large";
                case HttpStatus.NotImplemented:
                    return "transfer-encoding not supported";
                case HttpStatus.ServiceUnavailable:
                    return "no measurement yet";
                case HttpStatus.HttpVersionNotSupported:
                    return "http version not supported";
                default:
                    return "internal error";
            }
        }

        // Length of the next complete head at the start of _request, or ReadClosed / ReadTooLarge / ReadTimedOut.
        private int ReadHead(Socket client)
        {
            long now = _clock.Milliseconds;
            long idleSince = now;
            long headStarted = 0;
            long headDeadline = 0;
            while (true)
            {
                if (_scanned == 0 && _filled > 0)
                {
                    // Empty lines before a request line are ignored (RFC 9112 2.2).
                    Consume(HttpRequestParser.CountLeadingEmptyLines(_request, 0, _filled));
                }

                if (_filled > 0)
                {
                    int end = HttpRequestParser.FindHeadEnd(_request, 0, _filled, _scanned);
                    if (end > 0)
                    {
                        return end;
                    }

                    _scanned = _filled;
                    if (_filled == _request.Length)
                    {
                        return ReadTooLarge;
                    }

                    if (headDeadline == 0)
                    {
                        headStarted = now;
                        headDeadline = now + HeadTimeoutMs;
                    }
                }

                if (Stopping)
                {
                    return ReadClosed;
                }

                now = _clock.Milliseconds;
                long deadline;
                if (_filled > 0)
                {
                    deadline = headDeadline;
                    if (_waiting != null && headStarted + SlowHeadWhileOthersWaitMs < deadline && _waiting.Count > 0)
                    {
                        deadline = headStarted + SlowHeadWhileOthersWaitMs;
                    }
                }
                else
                {
                    deadline = idleSince + IdleTimeoutMs;
                    if (_waiting != null && idleSince + IdleWhileOthersWaitMs < deadline && _waiting.Count > 0)
                    {
                        deadline = idleSince + IdleWhileOthersWaitMs;
                    }
                }

                if (now >= deadline)
                {
                    return _filled > 0 ? ReadTimedOut : ReadClosed;
                }

                if (!client.Poll(PollMicroseconds(deadline - now), SelectMode.SelectRead))
                {
                    continue;
                }

                int received = client.Receive(_request, _filled, _request.Length - _filled, SocketFlags.None);
                if (received <= 0)
                {
                    return ReadClosed;
                }

                _filled += received;
            }
        }

        // Reads a body into the body buffer (made on the first PUT, then kept): BodyComplete, ReadTimedOut when it
        // does not arrive in time, ReadClosed when the peer closes or the handler stops.
        private int ReadBody(Socket client, int length)
        {
            if (_body == null || _body.Length < length)
            {
                _body = new byte[ConfigEndpoint.MaxConfigBody > length ? ConfigEndpoint.MaxConfigBody : length];
            }

            int fromBuffer = _filled < length ? _filled : length;
            Array.Copy(_request, 0, _body, 0, fromBuffer);
            Consume(fromBuffer);
            int got = fromBuffer;
            if (got < length && _head.ExpectContinue && _head.VersionMinor >= 1)
            {
                SendAll(client, ContinueResponse, 0, ContinueResponse.Length);
                if (_broken)
                {
                    return ReadClosed;
                }
            }

            long deadline = _clock.Milliseconds + HeadTimeoutMs;
            while (got < length)
            {
                long now = _clock.Milliseconds;
                if (Stopping)
                {
                    return ReadClosed;
                }

                if (now >= deadline)
                {
                    return ReadTimedOut;
                }

                if (!client.Poll(PollMicroseconds(deadline - now), SelectMode.SelectRead))
                {
                    continue;
                }

                int received = client.Receive(_body, got, length - got, SocketFlags.None);
                if (received <= 0)
                {
                    return ReadClosed;
                }

                got += received;
            }

            _call.BodyLength = length;
            return BodyComplete;
        }

        // Reads and drops a request body: BodyComplete, ReadTimedOut or ReadClosed as ReadBody.
        private int SkipBody(Socket client, int length)
        {
            int fromBuffer = _filled < length ? _filled : length;
            Consume(fromBuffer);
            int remaining = length - fromBuffer;
            if (remaining == 0)
            {
                return BodyComplete;
            }

            if (_head.ExpectContinue && _head.VersionMinor >= 1)
            {
                SendAll(client, ContinueResponse, 0, ContinueResponse.Length);
                if (_broken)
                {
                    return ReadClosed;
                }
            }

            // _request is empty now; never read past the body, so a pipelined request stays intact.
            long deadline = _clock.Milliseconds + HeadTimeoutMs;
            while (remaining > 0)
            {
                long now = _clock.Milliseconds;
                if (Stopping)
                {
                    return ReadClosed;
                }

                if (now >= deadline)
                {
                    return ReadTimedOut;
                }

                if (!client.Poll(PollMicroseconds(deadline - now), SelectMode.SelectRead))
                {
                    continue;
                }

                int want = remaining < _request.Length ? remaining : _request.Length;
                int received = client.Receive(_request, 0, want, SocketFlags.None);
                if (received <= 0)
                {
                    return ReadClosed;
                }

                remaining -= received;
            }

            return BodyComplete;
        }

        // A send that makes no progress marks the connection broken; send errors throw (caught in Serve).
        private void SendAll(Socket client, byte[] buffer, int offset, int count)
        {
            while (count > 0 && !_broken)
            {
                int sent = client.Send(buffer, offset, count, SocketFlags.None);
                if (sent <= 0)
                {
                    _broken = true;
                    return;
                }

                offset += sent;
                count -= sent;
            }
        }

        // Drops the first count bytes of _request, keeping what follows (a pipelined request).
        private void Consume(int count)
        {
            if (count <= 0)
            {
                return;
            }

            int rest = _filled - count;
            if (rest > 0)
            {
                Array.Copy(_request, count, _request, 0, rest);
            }

            _filled = rest > 0 ? rest : 0;
            _scanned = 0;
        }

        private void Drain(Socket client)
        {
            try
            {
                // A trickling client would use the whole drain time: cut it short when others wait.
                long deadline = _clock.Milliseconds + (_waiting != null && _waiting.Count > 0 ? DrainWhileOthersWaitMs : DrainMs);
                int total = 0;
                while (total < DrainMaxBytes)
                {
                    long now = _clock.Milliseconds;
                    if (Stopping || now >= deadline)
                    {
                        return;
                    }

                    if (!client.Poll(PollMicroseconds(deadline - now), SelectMode.SelectRead))
                    {
                        continue;
                    }

                    int received = client.Receive(_request, 0, _request.Length, SocketFlags.None);
                    if (received <= 0)
                    {
                        return;
                    }

                    total += received;
                }
            }
            catch (Exception)
            {
                // The peer is gone: nothing left to drain.
            }
        }

        private void Configure(Socket client)
        {
            client.SendTimeout = SendTimeoutMs;
            client.ReceiveTimeout = HeadTimeoutMs;
            try
            {
                // Each response goes out in one send; don't let Nagle hold its last segment back.
                client.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.NoDelay, true);
            }
            catch (Exception)
            {
                // Not every TCP stack has the option; only latency suffers.
            }
        }

        private static int PollMicroseconds(long remainingMs)
        {
            long ms = remainingMs < PollSliceMs ? remainingMs : PollSliceMs;
            if (ms < 1)
            {
                ms = 1;
            }

            return (int)ms * 1000;
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
    }
}
