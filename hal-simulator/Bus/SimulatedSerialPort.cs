using System;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Simulator.Bus
{
    /// <summary>
    /// The virtual e-Probe's RS-485 port: a node of a BusHub. Write paces the bytes at the line's character
    /// time in chunks of about a millisecond, each handed to the hub once its last character has left the
    /// wire, and returns when the last one has; Read returns at once with what has arrived. A background
    /// thread keeps the hub connection, reconnecting every 200 ms when the hub is down (bytes written
    /// meanwhile are lost, as on an open bus).
    /// </summary>
    public sealed class SimulatedSerialPort : ISerialPort, IDisposable
    {
        private const int ReceiveCapacity = 65536;
        private const int ReconnectMs = 200;

        private readonly string _host;
        private readonly int _port;
        private readonly string _name;
        private readonly bool _echo;
        private readonly object _rxLock = new object();
        private readonly object _txLock = new object();
        private readonly byte[] _rx = new byte[ReceiveCapacity];
        private readonly Thread _thread;
        private int _rxStart;
        private int _rxCount;
        private long _overrunBytes;
        private volatile Socket _socket;
        private volatile bool _disposed;
        private BusLine _line;
        private int _connections;

        /// <summary>Joins the hub at host:port as name (the probe's serial number; "" = the hub names it).</summary>
        public SimulatedSerialPort(string host, int port, string name, BusLine line, bool echoesTransmit = false)
        {
            _host = host;
            _port = port;
            _name = name ?? string.Empty;
            _line = line;
            _echo = echoesTransmit;
            _thread = new Thread(ConnectionLoop) { IsBackground = true, Name = "bus port " + _name };
            _thread.Start();
        }

        public int BaudRate
        {
            get { lock (_txLock) { return _line.BaudRate; } }
        }

        public BusLine Line
        {
            get { lock (_txLock) { return _line; } }
        }

        public bool EchoesTransmit => _echo;

        public bool IsConnected => _socket != null;

        /// <summary>How many times the hub connection was made (1 + reconnects).</summary>
        public int Connections => Volatile.Read(ref _connections);

        /// <summary>Received bytes lost because nobody read them (receive buffer full).</summary>
        public long OverrunBytes
        {
            get { lock (_rxLock) { return _overrunBytes; } }
        }

        /// <summary>Waits up to timeoutMs for the hub connection; true when connected.</summary>
        public bool WaitConnected(int timeoutMs)
        {
            long deadline = Environment.TickCount64 + timeoutMs;
            while (_socket == null)
            {
                if (Environment.TickCount64 > deadline)
                {
                    return false;
                }

                Thread.Sleep(5);
            }

            return true;
        }

        public void Configure(int baudRate, int parity, int stopBits)
        {
            var line = new BusLine(baudRate, parity, stopBits);
            lock (_txLock)
            {
                _line = line;
                Socket socket = _socket;
                if (socket != null)
                {
                    TrySend(socket, BusWire.Line, BusWire.LinePayload(line), 0, 6);
                }
            }

            DiscardInput();
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            if (count <= 0)
            {
                return 0;
            }

            lock (_rxLock)
            {
                long deadline = Environment.TickCount64 + timeoutMs;
                while (_rxCount == 0)
                {
                    long left = deadline - Environment.TickCount64;
                    if (left <= 0 || _disposed)
                    {
                        return 0;
                    }

                    Monitor.Wait(_rxLock, (int)left);
                }

                int n = Math.Min(count, _rxCount);
                for (int i = 0; i < n; i++)
                {
                    buffer[offset + i] = _rx[(_rxStart + i) % ReceiveCapacity];
                }

                _rxStart = (_rxStart + n) % ReceiveCapacity;
                _rxCount -= n;
                return n;
            }
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            lock (_txLock)
            {
                BusLine line = _line;
                int chunk = line.CharsPerMillisecond;
                long start = Stopwatch.GetTimestamp();
                for (int done = 0; done < count;)
                {
                    int n = Math.Min(chunk, count - done);
                    WirePacer.WaitUntil(start + line.WireTicks(done + n));
                    Socket socket = _socket;
                    if (socket != null)
                    {
                        TrySend(socket, done + n == count ? BusWire.DataEnd : BusWire.Data, buffer, offset + done, n);
                    }

                    done += n;
                }
            }
        }

        public void DiscardInput()
        {
            lock (_rxLock)
            {
                _rxStart = 0;
                _rxCount = 0;
            }
        }

        public void Dispose()
        {
            _disposed = true;
            Socket socket = _socket;
            if (socket != null)
            {
                socket.Close();
            }

            lock (_rxLock)
            {
                Monitor.PulseAll(_rxLock);
            }

            _thread.Join(2000);
        }

        private void TrySend(Socket socket, byte type, byte[] bytes, int offset, int count)
        {
            try
            {
                BusWire.Send(socket, type, bytes, offset, count);
            }
            catch (SocketException)
            {
                socket.Close();   // the reader thread notices and reconnects
            }
            catch (ObjectDisposedException)
            {
            }
        }

        private void ConnectionLoop()
        {
            while (!_disposed)
            {
                Socket socket = null;
                try
                {
                    socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, SendTimeout = 2000 };
                    socket.Connect(_host, _port);
                    lock (_txLock)
                    {
                        byte[] hello = BusWire.HelloPayload(_line, _echo ? BusWire.FlagEcho : (byte)0, _name);
                        BusWire.Send(socket, BusWire.Hello, hello, 0, hello.Length);
                        _socket = socket;
                    }

                    Interlocked.Increment(ref _connections);
                    using var stream = new NetworkStream(socket, false);
                    while (!_disposed && BusWire.Receive(stream, out byte type, out byte[] payload))
                    {
                        if (type == BusWire.Data)
                        {
                            Append(payload);
                        }
                    }
                }
                catch (SocketException)
                {
                }
                catch (IOException)
                {
                }
                catch (ObjectDisposedException)
                {
                }
                finally
                {
                    _socket = null;
                    socket?.Close();
                }

                if (!_disposed)
                {
                    Thread.Sleep(ReconnectMs);
                }
            }
        }

        private void Append(byte[] bytes)
        {
            lock (_rxLock)
            {
                foreach (byte b in bytes)
                {
                    if (_rxCount == ReceiveCapacity)
                    {
                        _overrunBytes++;
                        continue;
                    }

                    _rx[(_rxStart + _rxCount) % ReceiveCapacity] = b;
                    _rxCount++;
                }

                Monitor.PulseAll(_rxLock);
            }
        }
    }
}
