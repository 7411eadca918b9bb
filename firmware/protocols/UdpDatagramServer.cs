using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace Ipenergy.Probe.Protocols
{
    /// <summary>
    /// A UDP server: one socket, one thread, one reused receive buffer; each datagram goes to the
    /// <see cref="IDatagramHandler"/> and its answer (if any) goes back to the sender. The SNMP agent and the
    /// discovery responder are this with their own handler.
    /// </summary>
    public sealed class UdpDatagramServer
    {
        private const int PollSliceMicroseconds = 100000;
        private const int JoinTimeoutMs = 3000;

        private readonly IDatagramHandler _handler;
        private readonly string _bindAddress;
        private readonly bool _shareAddress;
        private readonly byte[] _receive;
        private readonly object _sync = new object();
        private Socket _socket;
        private Thread _thread;
        private int _runningFlag;
        private int _answered;
        private int _received;

        /// <param name="handler">Handles each datagram.</param>
        /// <param name="bindAddress">IPv4 address to bind, or null/empty for any.</param>
        /// <param name="port">UDP port; 0 = any free one (see <see cref="Port"/> after Start).</param>
        /// <param name="receiveCapacity">Largest datagram read whole; a longer one is cut to this length.</param>
        /// <param name="shareAddress">Bind with SO_REUSEADDR and allow broadcast (several servers on one port each
        /// hear a broadcast).</param>
        public UdpDatagramServer(IDatagramHandler handler, string bindAddress, int port, int receiveCapacity, bool shareAddress)
        {
            _handler = handler;
            _bindAddress = bindAddress;
            _shareAddress = shareAddress;
            Port = port;
            _receive = new byte[receiveCapacity];
        }

        /// <summary>The port bound: after Start, the real one when 0 was asked.</summary>
        public int Port { get; private set; }

        /// <summary>Datagrams received since Start.</summary>
        public int Received { get { return Interlocked.CompareExchange(ref _received, 0, 0); } }

        /// <summary>Datagrams answered since Start.</summary>
        public int Answered { get { return Interlocked.CompareExchange(ref _answered, 0, 0); } }

        private bool Running
        {
            get { return Interlocked.CompareExchange(ref _runningFlag, 0, 0) != 0; }
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
                    if (_shareAddress)
                    {
                        ShareAddress(socket);
                    }

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

        // Best effort: a network stack that refuses SO_REUSEADDR or SO_BROADCAST still gets a server (answering
        // unicast, alone on its port) rather than none.
        private static void ShareAddress(Socket socket)
        {
            try
            {
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            }
            catch (Exception)
            {
                // Alone on the port.
            }

            try
            {
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Broadcast, true);
            }
            catch (Exception)
            {
                // Unicast only.
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

        private void Run()
        {
            // Reused for every datagram; ReceiveFrom writes the sender's address into it.
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
                    Interlocked.Increment(ref _received);
                    int answer = _handler.Handle(_receive, length, remote);
                    if (answer > 0)
                    {
                        _socket.SendTo(_handler.Answer, _handler.AnswerOffset, answer, SocketFlags.None, remote);
                        Interlocked.Increment(ref _answered);
                    }
                }
                catch (Exception)
                {
                    if (!Running)
                    {
                        return;
                    }

                    // A datagram too large for the buffer, an ICMP error from a previous send, ...: next one.
                }
            }
        }
    }
}
