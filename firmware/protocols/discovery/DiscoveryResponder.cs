using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Protocols.Discovery
{
    /// <summary>
    /// Answers discovery requests on UDP (tools/discovery.md): one socket bound with SO_REUSEADDR and SO_BROADCAST so
    /// several e-Probes on one host all hear a broadcast, one thread, reused buffers. Anything that is not a well-formed
    /// request is dropped silently; answers go back to the sender only, within <see cref="DiscoveryRateLimiter"/>.
    /// </summary>
    public sealed class DiscoveryResponder
    {
        /// <summary>
        /// 30303: our own choice, not registered with IANA (it falls in the registered range but nothing well known
        /// uses it on a switchboard network); a site can move it with ProbeOptions.DiscoveryPort.
        /// </summary>
        public const int DefaultPort = 30303;

        private const int PollSliceMicroseconds = 100000;
        private const int JoinTimeoutMs = 3000;

        private readonly DiscoveryAnswer _answer;
        private readonly DiscoveryRateLimiter _limiter;
        private readonly string _bindAddress;

        // One byte more than a request, so a longer datagram shows as too long rather than cut to size.
        private readonly byte[] _receive = new byte[DiscoveryMessage.HeaderLength + 1];
        private readonly object _sync = new object();
        private Socket _socket;
        private Thread _thread;
        private int _runningFlag;
        private int _answered;
        private int _ignored;
        private int _rateLimited;

        /// <param name="answer">Lays out the answers (its ports are set by the app once the servers are bound).</param>
        /// <param name="clock">The device clock for the rate limits.</param>
        /// <param name="bindAddress">IPv4 address to bind, or null/empty for any (needed to hear broadcasts).</param>
        /// <param name="port">UDP port; 0 = any free one (see <see cref="Port"/> after Start).</param>
        public DiscoveryResponder(DiscoveryAnswer answer, IClock clock, string bindAddress, int port)
        {
            _answer = answer;
            _limiter = new DiscoveryRateLimiter(clock);
            _bindAddress = bindAddress;
            Port = port;
        }

        /// <summary>The port bound: after Start, the real one when 0 was asked.</summary>
        public int Port { get; private set; }

        /// <summary>Requests answered.</summary>
        public int Answered { get { return Interlocked.CompareExchange(ref _answered, 0, 0); } }

        /// <summary>Datagrams dropped because they were not a well-formed request of this version.</summary>
        public int Ignored { get { return Interlocked.CompareExchange(ref _ignored, 0, 0); } }

        /// <summary>Well-formed requests left unanswered by the rate limits.</summary>
        public int RateLimited { get { return Interlocked.CompareExchange(ref _rateLimited, 0, 0); } }

        /// <summary>The answer's bytes after <see cref="Process"/> returned a length.</summary>
        public byte[] Response { get { return _answer.Buffer; } }

        private bool Running
        {
            get { return Interlocked.CompareExchange(ref _runningFlag, 0, 0) != 0; }
        }

        /// <summary>
        /// Handles one datagram from <paramref name="source"/> (compared with Equals for the per-source limit):
        /// returns the length of the answer in <see cref="Response"/>, or 0 to stay silent. Allocates nothing.
        /// </summary>
        public int Process(byte[] datagram, int offset, int length, object source)
        {
            if (!DiscoveryMessage.IsRequest(datagram, offset, length))
            {
                Interlocked.Increment(ref _ignored);
                return 0;
            }

            if (!_limiter.TryAnswer(source))
            {
                Interlocked.Increment(ref _rateLimited);
                return 0;
            }

            int answer = _answer.Write(datagram, offset);
            if (answer > 0)
            {
                Interlocked.Increment(ref _answered);
            }

            return answer;
        }

        /// <summary>Binds and starts the thread. Throws (SocketException) when the port cannot be had.</summary>
        public void Start()
        {
            lock (_sync)
            {
                if (Running)
                {
                    return;
                }

                IPAddress address = _bindAddress == null || _bindAddress.Length == 0 ? IPAddress.Any : IPAddress.Parse(_bindAddress);
                Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                try
                {
                    // Several responders on one host (virtual e-Probes) share the port, so each hears a broadcast.
                    TrySetOption(socket, SocketOptionName.ReuseAddress);
                    TrySetOption(socket, SocketOptionName.Broadcast);
                    socket.Bind(new IPEndPoint(address, Port));
                    Port = ((IPEndPoint)socket.LocalEndPoint).Port;
                }
                catch (Exception)
                {
                    socket.Close();
                    throw;
                }

                _socket = socket;
                Interlocked.Exchange(ref _runningFlag, 1);
                _thread = new Thread(Run);
                _thread.Start();
            }
        }

        /// <summary>Stops the thread and closes the socket (bounded: the thread polls in short slices).</summary>
        public void Stop()
        {
            lock (_sync)
            {
                if (!Running)
                {
                    return;
                }

                Interlocked.Exchange(ref _runningFlag, 0);
            }

            _thread.Join(JoinTimeoutMs);
            try
            {
                _socket.Close();
            }
            catch (Exception)
            {
                // Already closed.
            }
        }

        // An IP stack without the option still answers unicast requests; only sharing the port is lost.
        private static void TrySetOption(Socket socket, SocketOptionName option)
        {
            try
            {
                socket.SetSocketOption(SocketOptionLevel.Socket, option, true);
            }
            catch (Exception)
            {
                // Not supported here.
            }
        }

        private void Run()
        {
            EndPoint remote = new IPEndPoint(IPAddress.Any, 0);
            while (Running)
            {
                try
                {
                    if (!_socket.Poll(PollSliceMicroseconds, SelectMode.SelectRead))
                    {
                        continue;
                    }

                    int length = _socket.ReceiveFrom(_receive, 0, _receive.Length, SocketFlags.None, ref remote);
                    int answer = Process(_receive, 0, length, ((IPEndPoint)remote).Address);
                    if (answer > 0)
                    {
                        _socket.SendTo(_answer.Buffer, 0, answer, SocketFlags.None, remote);
                    }
                }
                catch (Exception)
                {
                    if (!Running)
                    {
                        return;
                    }

                    // A datagram larger than the buffer (ignored: counted as such), an ICMP error, ...: next one.
                    Interlocked.Increment(ref _ignored);
                }
            }
        }
    }
}
