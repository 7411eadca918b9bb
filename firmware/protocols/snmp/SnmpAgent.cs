using System.Net;

namespace Ipenergy.Probe.Protocols.Snmp
{
    /// <summary>
    /// The SNMP agent on UDP: a <see cref="UdpDatagramServer"/> whose datagrams go through the
    /// <see cref="SnmpMessageProcessor"/>; its answer (if any) goes back to the sender.
    /// </summary>
    public sealed class SnmpAgent : IDatagramHandler
    {
        /// <summary>The SNMP port of RFC 3417.</summary>
        public const int DefaultPort = 161;

        private readonly SnmpMessageProcessor _processor;
        private readonly UdpDatagramServer _server;

        /// <param name="processor">Handles each datagram.</param>
        /// <param name="bindAddress">IPv4 address to bind, or null/empty for any.</param>
        /// <param name="port">UDP port; 0 = any free one (see <see cref="Port"/> after Start).</param>
        public SnmpAgent(SnmpMessageProcessor processor, string bindAddress, int port)
        {
            _processor = processor;

            // One octet more than the largest request accepted, so a larger one shows as too long, not cut.
            _server = new UdpDatagramServer(this, bindAddress, port, processor.MaxMessageSize + 1, false);
        }

        /// <summary>The port bound: after Start, the real one when 0 was asked.</summary>
        public int Port { get { return _server.Port; } }

        /// <summary>Datagrams received since Start.</summary>
        public int Received { get { return _server.Received; } }

        /// <summary>Datagrams answered since Start.</summary>
        public int Answered { get { return _server.Answered; } }

        byte[] IDatagramHandler.Answer { get { return _processor.Response; } }

        int IDatagramHandler.AnswerOffset { get { return _processor.ResponseOffset; } }

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
            return _processor.Process(datagram, 0, length);
        }
    }
}
