using System.Net;
using System.Threading;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Protocols.Discovery
{
    /// <summary>
    /// Answers discovery requests on UDP (tools/discovery.md): a <see cref="UdpDatagramServer"/> bound with SO_REUSEADDR
    /// and SO_BROADCAST so several e-Probes on one host all hear a broadcast. Anything that is not a well-formed
    /// request is dropped silently; answers go back to the sender only, within <see cref="DiscoveryRateLimiter"/>.
    /// </summary>
    public sealed class DiscoveryResponder : IDatagramHandler
    {
        /// <summary>
        /// 30303: our own choice, not registered with IANA (it falls in the registered range but nothing well known
        /// uses it on a switchboard network); a site can move it with ProbeOptions.DiscoveryPort.
        /// </summary>
        public const int DefaultPort = 30303;

        private readonly DiscoveryAnswer _answer;
        private readonly DiscoveryRateLimiter _limiter;
        private readonly UdpDatagramServer _server;
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

            // One byte more than a request: a longer datagram is cut to 14 bytes and so still refused;
            // a shared address so several e-Probes on one host (virtual ones) all hear a broadcast.
            _server = new UdpDatagramServer(this, bindAddress, port, DiscoveryMessage.HeaderLength + 1, true);
        }

        /// <summary>The port bound: after Start, the real one when 0 was asked.</summary>
        public int Port { get { return _server.Port; } }

        /// <summary>Requests answered.</summary>
        public int Answered { get { return Interlocked.CompareExchange(ref _answered, 0, 0); } }

        /// <summary>Datagrams dropped because they were not a well-formed request of this version.</summary>
        public int Ignored { get { return Interlocked.CompareExchange(ref _ignored, 0, 0); } }

        /// <summary>Well-formed requests left unanswered by the rate limits.</summary>
        public int RateLimited { get { return Interlocked.CompareExchange(ref _rateLimited, 0, 0); } }

        /// <summary>The answer's bytes after <see cref="Process"/> returned a length.</summary>
        public byte[] Response { get { return _answer.Buffer; } }

        byte[] IDatagramHandler.Answer { get { return _answer.Buffer; } }

        int IDatagramHandler.AnswerOffset { get { return 0; } }

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
            _server.Start();
        }

        /// <summary>Stops the thread and closes the socket (bounded).</summary>
        public void Stop()
        {
            _server.Stop();
        }

        int IDatagramHandler.Handle(byte[] datagram, int length, EndPoint sender)
        {
            return Process(datagram, 0, length, ((IPEndPoint)sender).Address);
        }
    }
}
