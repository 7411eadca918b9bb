using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace Ipenergy.Probe.Protocols.Modbus
{
    /// <summary>
    /// Modbus-TCP server (MBAP, unit 1/255) over a <see cref="ModbusPduProcessor"/>. One thread accepts;
    /// a fixed set of <see cref="MaxConnections"/> handler threads each serve one connection with its own
    /// buffers, so memory does not grow with clients. A connection beyond the limit is closed at once.
    /// </summary>
    public sealed class ModbusTcpServer
    {
        /// <summary>Connections served at the same time unless set otherwise.</summary>
        public const int DefaultMaxConnections = 8;

        /// <summary>A client silent this long is disconnected unless set otherwise (BMS poll periods are seconds).</summary>
        public const int DefaultIdleTimeoutMs = 60000;

        private const int PollSliceMicroseconds = 100000;
        private const int WaitSliceMs = 100;
        private const int JoinTimeoutMs = 3000;

        private readonly ModbusPduProcessor _pdu;
        private readonly string _bindAddress;
        private readonly object _sync = new object();
        private Slot[] _slots;
        private Thread _acceptThread;
        private Socket _listener;
        private int _runningFlag;
        private int _rejected;
        private bool _started;

        public ModbusTcpServer(ModbusPduProcessor pdu, string bindAddress, int port)
        {
            _pdu = pdu;
            _bindAddress = bindAddress;
            Port = port;
            MaxConnections = DefaultMaxConnections;
            IdleTimeoutMs = DefaultIdleTimeoutMs;
            FrameTimeoutMs = ModbusTcpConnectionHandler.DefaultFrameTimeoutMs;
        }

        /// <summary>A request frame must arrive whole within this many milliseconds of its first byte (set before Start).</summary>
        public int FrameTimeoutMs { get; set; }

        /// <summary>The port listened on: after Start, the real one when 0 was asked.</summary>
        public int Port { get; private set; }

        /// <summary>Connections served at once; more are closed on arrival (set before Start).</summary>
        public int MaxConnections { get; set; }

        /// <summary>Idle connections are closed after this many milliseconds without a byte (set before Start).</summary>
        public int IdleTimeoutMs { get; set; }

        /// <summary>Connections closed on arrival because every handler was busy.</summary>
        public int RejectedConnections { get { return Interlocked.CompareExchange(ref _rejected, 0, 0); } }

        /// <summary>Connections closed because a frame trickled in slower than <see cref="FrameTimeoutMs"/> allows.</summary>
        public int SlowFramesClosed
        {
            get
            {
                int total = 0;
                Slot[] slots = _slots;
                if (slots != null)
                {
                    for (int i = 0; i < slots.Length; i++)
                    {
                        total += slots[i].Handler.SlowFramesClosed;
                    }
                }

                return total;
            }
        }

        /// <summary>Frames answered by all handlers.</summary>
        public int RequestsHandled
        {
            get
            {
                int total = 0;
                Slot[] slots = _slots;
                if (slots != null)
                {
                    for (int i = 0; i < slots.Length; i++)
                    {
                        total += slots[i].Handler.RequestsHandled;
                    }
                }

                return total;
            }
        }

        private bool Running
        {
            get { return Interlocked.CompareExchange(ref _runningFlag, 0, 0) != 0; }
        }

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
                    listener.Listen(MaxConnections);
                    Port = ((IPEndPoint)listener.LocalEndPoint).Port;
                }
                catch (Exception)
                {
                    listener.Close();
                    throw;
                }

                _listener = listener;
                _slots = new Slot[MaxConnections];
                for (int i = 0; i < _slots.Length; i++)
                {
                    ModbusTcpConnectionHandler handler = new ModbusTcpConnectionHandler(_pdu);
                    handler.IdleTimeoutMs = IdleTimeoutMs;
                    handler.FrameTimeoutMs = FrameTimeoutMs;
                    _slots[i] = new Slot(this, handler);
                }

                Interlocked.Exchange(ref _runningFlag, 1);
                _started = true;
                for (int i = 0; i < _slots.Length; i++)
                {
                    _slots[i].Thread.Start();
                }

                _acceptThread = new Thread(AcceptLoop);
                _acceptThread.Start();
            }
        }

        /// <summary>Closes the listener and every connection and joins the threads (bounded: every wait is sliced).</summary>
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
            for (int i = 0; i < _slots.Length; i++)
            {
                _slots[i].Handler.Stop();
                _slots[i].Wake();
            }

            _acceptThread.Join(JoinTimeoutMs);
            for (int i = 0; i < _slots.Length; i++)
            {
                _slots[i].Thread.Join(JoinTimeoutMs);
                Socket never = _slots[i].TakeAssigned();
                if (never != null)
                {
                    CloseQuietly(never);
                }
            }
        }

        private void AcceptLoop()
        {
            while (Running)
            {
                Socket client;
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

                if (!Running || !AssignToFreeSlot(client))
                {
                    Interlocked.Increment(ref _rejected);
                    CloseQuietly(client);
                }
            }
        }

        private bool AssignToFreeSlot(Socket client)
        {
            for (int i = 0; i < _slots.Length; i++)
            {
                if (_slots[i].TryAssign(client))
                {
                    return true;
                }
            }

            return false;
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

        // One handler thread and the connection handed to it (null while free).
        private sealed class Slot
        {
            private readonly ModbusTcpServer _server;
            private readonly AutoResetEvent _assigned = new AutoResetEvent(false);
            private readonly object _sync = new object();
            private Socket _pending;
            private bool _busy;

            public Slot(ModbusTcpServer server, ModbusTcpConnectionHandler handler)
            {
                _server = server;
                Handler = handler;
                Thread = new Thread(Run);
            }

            public ModbusTcpConnectionHandler Handler { get; private set; }

            public Thread Thread { get; private set; }

            public bool TryAssign(Socket client)
            {
                lock (_sync)
                {
                    if (_busy)
                    {
                        return false;
                    }

                    _busy = true;
                    _pending = client;
                }

                _assigned.Set();
                return true;
            }

            public Socket TakeAssigned()
            {
                lock (_sync)
                {
                    Socket socket = _pending;
                    _pending = null;
                    return socket;
                }
            }

            public void Wake()
            {
                _assigned.Set();
            }

            private void Run()
            {
                while (_server.Running)
                {
                    _assigned.WaitOne(WaitSliceMs, false);
                    Socket client = TakeAssigned();
                    if (client == null)
                    {
                        continue;
                    }

                    if (_server.Running)
                    {
                        Handler.Serve(client);
                    }
                    else
                    {
                        CloseQuietly(client);
                    }

                    lock (_sync)
                    {
                        _busy = false;
                    }
                }
            }
        }
    }
}
