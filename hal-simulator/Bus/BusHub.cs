using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace Ipenergy.Probe.Simulator.Bus
{
    /// <summary>
    /// The simulated RS-485 multi-drop bus (a "socket bus" on 127.0.0.1): every chunk a node sends reaches
    /// every other plugged node at once, the sender having paced it at its line's character time, so
    /// receivers see the bytes arrive at wire speed and the silences between frames. Three TCP ports:
    /// - node port: framed nodes (SimulatedSerialPort, protocol in BusWire) that declare name and line settings;
    /// - raw port: unframed bytes both ways (socat's pty bridge for a real RTU client), paced here at the bus line;
    /// - control port: one command per line (see BusHubControl / README): nodes, unplug, replug, wrongbaud, noise, line.
    /// Half duplex: a chunk whose wire time overlaps another node's is a collision and comes out corrupted.
    /// A receiver whose line settings differ from the sender's (or flagged wrong-baud) gets LineGarbler's garbage.
    /// </summary>
    public sealed class BusHub : IDisposable
    {
        private readonly object _gate = new object();
        private readonly Dictionary<string, BusNode> _nodes = new Dictionary<string, BusNode>(StringComparer.Ordinal);
        private readonly List<Thread> _threads = new List<Thread>();
        private readonly TcpListener _nodeListener;
        private readonly TcpListener _rawListener;
        private readonly TcpListener _controlListener;
        private readonly BusNode _noise;
        private readonly Random _random;
        private volatile bool _stopping;
        private BusLine _line;
        private int _nextNode = 1;
        private int _nextRaw = 1;
        private long _collisions;
        private uint _corruption = 0x9E3779B9;

        public BusHub(BusLine line, string bindAddress = "127.0.0.1", int nodePort = 0, int rawPort = 0, int controlPort = 0, int seed = 1)
        {
            _line = line;
            _random = new Random(seed);
            _noise = new BusNode("noise", BusNode.Noise, line);
            _nodes.Add(_noise.Name, _noise);
            IPAddress address = IPAddress.Parse(bindAddress);
            _nodeListener = new TcpListener(address, nodePort);
            _rawListener = new TcpListener(address, rawPort);
            _controlListener = new TcpListener(address, controlPort);
        }

        public int NodePort { get; private set; }

        public int RawPort { get; private set; }

        public int ControlPort { get; private set; }

        /// <summary>The bus's line settings: raw nodes and noise use them; framed nodes must match them to be understood.</summary>
        public BusLine Line
        {
            get { lock (_gate) { return _line; } }
        }

        /// <summary>Chunks corrupted by overlapping transmissions so far.</summary>
        public long Collisions
        {
            get { lock (_gate) { return _collisions; } }
        }

        public void Start()
        {
            _nodeListener.Start();
            _rawListener.Start();
            _controlListener.Start();
            NodePort = ((IPEndPoint)_nodeListener.LocalEndpoint).Port;
            RawPort = ((IPEndPoint)_rawListener.LocalEndpoint).Port;
            ControlPort = ((IPEndPoint)_controlListener.LocalEndpoint).Port;
            StartThread("bus-hub accept nodes", () => AcceptLoop(_nodeListener, ServeFramed));
            StartThread("bus-hub accept raw", () => AcceptLoop(_rawListener, ServeRaw));
            StartThread("bus-hub accept control", () => AcceptLoop(_controlListener, ServeControl));
        }

        public void Dispose()
        {
            _stopping = true;
            _nodeListener.Stop();
            _rawListener.Stop();
            _controlListener.Stop();
            lock (_gate)
            {
                foreach (BusNode node in _nodes.Values)
                {
                    Close(node.Connection);
                    node.Connection = null;
                }
            }

            Thread[] threads;
            lock (_threads)
            {
                threads = _threads.ToArray();
            }

            foreach (Thread t in threads)
            {
                t.Join(2000);
            }
        }

        /// <summary>Unplugs (false) or replugs (true) a node: an unplugged node's bytes go nowhere and it hears nothing.</summary>
        public void SetPlugged(string name, bool plugged)
        {
            lock (_gate)
            {
                Find(name).Plugged = plugged;
            }
        }

        /// <summary>Flags a node as set to a wrong baud rate: it hears garbage and is heard as garbage.</summary>
        public void SetWrongBaud(string name, bool wrong)
        {
            lock (_gate)
            {
                Find(name).WrongBaud = wrong;
            }
        }

        /// <summary>Changes the bus's line settings (raw nodes, noise).</summary>
        public void SetLine(BusLine line)
        {
            lock (_gate)
            {
                _line = line;
                foreach (BusNode node in _nodes.Values)
                {
                    if (node.Kind != BusNode.Framed)
                    {
                        node.Line = line;
                    }
                }
            }
        }

        /// <summary>Puts count random bytes on the bus at the bus line's pace; returns when they are sent.</summary>
        public void InjectNoise(int count)
        {
            byte[] noise = new byte[count];
            lock (_gate)
            {
                _random.NextBytes(noise);
            }

            SendPaced(_noise, noise, 0, count);
        }

        public BusNodeStats[] Nodes()
        {
            lock (_gate)
            {
                var list = new List<BusNodeStats>();
                foreach (BusNode node in _nodes.Values)
                {
                    list.Add(node.Stats());
                }

                return list.ToArray();
            }
        }

        public BusNodeStats Node(string name)
        {
            lock (_gate)
            {
                return Find(name).Stats();
            }
        }

        private BusNode Find(string name)
        {
            if (!_nodes.TryGetValue(name, out BusNode node))
            {
                throw new ArgumentException("no node named '" + name + "'");
            }

            return node;
        }

        private void StartThread(string name, ThreadStart body)
        {
            var thread = new Thread(body) { IsBackground = true, Name = name };
            lock (_threads)
            {
                _threads.RemoveAll(t => !t.IsAlive);
                _threads.Add(thread);
            }

            thread.Start();
        }

        private void AcceptLoop(TcpListener listener, Action<Socket> serve)
        {
            while (!_stopping)
            {
                Socket socket;
                try
                {
                    socket = listener.AcceptSocket();
                }
                catch (SocketException)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }

                socket.NoDelay = true;
                socket.SendTimeout = 2000;
                StartThread("bus-hub connection", () =>
                {
                    try
                    {
                        serve(socket);
                    }
                    catch (IOException)
                    {
                    }
                    catch (SocketException)
                    {
                    }
                    catch (ObjectDisposedException)
                    {
                    }
                    catch (InvalidDataException)
                    {
                    }
                    catch (ArgumentException)
                    {
                    }
                    finally
                    {
                        Close(socket);
                    }
                });
            }
        }

        // A SimulatedSerialPort: Hello first, then Line and Data messages; the node is known by its name.
        private void ServeFramed(Socket socket)
        {
            using var stream = new NetworkStream(socket, false);
            if (!BusWire.Receive(stream, out byte type, out byte[] payload) || type != BusWire.Hello || payload.Length < 7)
            {
                return;
            }

            BusLine line = BusWire.ReadLine(payload);
            string name = Encoding.UTF8.GetString(payload, 7, payload.Length - 7);
            BusNode node;
            lock (_gate)
            {
                if (name.Length == 0 || name.IndexOf(' ') >= 0)
                {
                    name = "node-" + _nextNode++;
                }

                if (!_nodes.TryGetValue(name, out node))
                {
                    node = new BusNode(name, BusNode.Framed, line);
                    _nodes.Add(name, node);
                }
                else if (node.Kind != BusNode.Framed)
                {
                    return;
                }

                Close(node.Connection);   // the same node reconnecting: the old connection is dead
                node.Connection = socket;
                node.Line = line;
                node.Echo = (payload[6] & BusWire.FlagEcho) != 0;
            }

            try
            {
                while (!_stopping && BusWire.Receive(stream, out type, out payload))
                {
                    if (type == BusWire.Line)
                    {
                        lock (_gate)
                        {
                            node.Line = BusWire.ReadLine(payload);
                        }
                    }
                    else if ((type == BusWire.Data || type == BusWire.DataEnd) && payload.Length > 0)
                    {
                        BusLine sent;
                        lock (_gate)
                        {
                            sent = node.Line;
                        }

                        Transmit(node, payload, sent, type == BusWire.DataEnd);
                    }
                }
            }
            finally
            {
                Disconnect(node, socket);
            }
        }

        // Bytes as they come (socat's pty): paced here at the bus line, as a UART would send them.
        private void ServeRaw(Socket socket)
        {
            BusNode node;
            lock (_gate)
            {
                node = new BusNode("raw-" + _nextRaw++, BusNode.Raw, _line) { Connection = socket };
                _nodes.Add(node.Name, node);
            }

            try
            {
                byte[] buffer = new byte[4096];
                while (!_stopping)
                {
                    int n = socket.Receive(buffer);
                    if (n <= 0)
                    {
                        return;
                    }

                    SendPaced(node, buffer, 0, n);
                }
            }
            finally
            {
                Disconnect(node, socket);
            }
        }

        private void Disconnect(BusNode node, Socket socket)
        {
            lock (_gate)
            {
                if (node.Connection == socket)
                {
                    node.Connection = null;
                    node.Driving = false;
                }
            }
        }

        // Chunks of about a millisecond, each handed over when its last character has left the wire.
        private void SendPaced(BusNode source, byte[] bytes, int offset, int count)
        {
            BusLine line;
            lock (_gate)
            {
                line = source.Line;
            }

            int chunk = line.CharsPerMillisecond;
            long start = Stopwatch.GetTimestamp();
            for (int done = 0; done < count;)
            {
                int n = Math.Min(chunk, count - done);
                WirePacer.WaitUntil(start + line.WireTicks(done + n));
                byte[] piece = new byte[n];
                Buffer.BlockCopy(bytes, offset + done, piece, 0, n);
                Transmit(source, piece, line, done + n == count);
                done += n;
            }
        }

        /// <summary>
        /// A chunk that has just left source's wire (it began line.WireTicks(length) ago) reaches the others.
        /// It collides when its wire time overlaps another node's last chunk or another node is in the middle
        /// of a transmission (so a sender whose thread stalls still counts as driving the bus).
        /// </summary>
        private void Transmit(BusNode source, byte[] chunk, BusLine line, bool last)
        {
            lock (_gate)
            {
                long now = Stopwatch.GetTimestamp();
                long began = now - line.WireTicks(chunk.Length);
                source.TxBytes += chunk.Length;
                source.Driving = !last;
                if (!source.Plugged)
                {
                    source.DroppedBytes += chunk.Length;
                    return;
                }

                bool collided = false;
                foreach (BusNode other in _nodes.Values)
                {
                    if (other != source && other.Plugged && (other.BusyUntil > began || other.Driving))
                    {
                        collided = true;
                        other.CollidedBytes += chunk.Length;
                    }
                }

                source.BusyUntil = now;
                if (collided)
                {
                    // Two drivers on the pair: neither character survives. Deterministic, never the byte sent.
                    _collisions++;
                    source.CollidedBytes += chunk.Length;
                    for (int i = 0; i < chunk.Length; i++)
                    {
                        _corruption ^= _corruption << 13;
                        _corruption ^= _corruption >> 17;
                        _corruption ^= _corruption << 5;
                        chunk[i] ^= (byte)(_corruption | 1);
                    }
                }

                foreach (BusNode receiver in _nodes.Values)
                {
                    if (receiver.Connection == null || !receiver.Plugged || (receiver == source && !receiver.Echo))
                    {
                        continue;
                    }

                    bool understood = receiver == source ||
                        (receiver.Line.Equals(line) && !receiver.WrongBaud && !source.WrongBaud);
                    byte[] heard = understood ? chunk : LineGarbler.Garble(chunk, line, receiver.Line);
                    if (Deliver(receiver, heard))
                    {
                        receiver.RxBytes += heard.Length;
                    }
                }
            }
        }

        private static bool Deliver(BusNode receiver, byte[] bytes)
        {
            try
            {
                if (receiver.Kind == BusNode.Raw)
                {
                    int sent = 0;
                    while (sent < bytes.Length)
                    {
                        sent += receiver.Connection.Send(bytes, sent, bytes.Length - sent, SocketFlags.None);
                    }
                }
                else
                {
                    BusWire.Send(receiver.Connection, BusWire.Data, bytes, 0, bytes.Length);
                }

                return true;
            }
            catch (SocketException)
            {
            }
            catch (ObjectDisposedException)
            {
            }

            // A receiver that cannot take bytes is gone: its reader thread ends on the closed socket.
            Close(receiver.Connection);
            receiver.Connection = null;
            return false;
        }

        private void ServeControl(Socket socket)
        {
            using var stream = new NetworkStream(socket, false);
            using var reader = new StreamReader(stream, Encoding.ASCII);
            using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n", AutoFlush = true };
            string line;
            while (!_stopping && (line = reader.ReadLine()) != null)
            {
                string[] words = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0)
                {
                    continue;
                }

                if (words[0] == "quit")
                {
                    writer.WriteLine("ok bye");
                    return;
                }

                writer.WriteLine(Execute(words, writer));
            }
        }

        /// <summary>One control command; returns the last line ("ok ..." or "error ...").</summary>
        private string Execute(string[] words, TextWriter writer)
        {
            try
            {
                switch (words[0])
                {
                    case "nodes":
                        foreach (BusNodeStats stats in Nodes())
                        {
                            writer.WriteLine(stats.ToString());
                        }

                        return "ok line=" + Line + " collisions=" + Collisions;
                    case "unplug":
                    case "replug":
                        Need(words, 2);
                        SetPlugged(words[1], words[0] == "replug");
                        return "ok " + words[0] + "ged " + words[1];
                    case "wrongbaud":
                        Need(words, 3);
                        if (words[2] != "on" && words[2] != "off")
                        {
                            return "error wrongbaud NAME on|off";
                        }

                        SetWrongBaud(words[1], words[2] == "on");
                        return "ok wrongbaud " + words[1] + " " + words[2];
                    case "noise":
                        Need(words, 2);
                        if (!int.TryParse(words[1], out int count) || count < 1 || count > 65536)
                        {
                            return "error noise needs a byte count 1..65536, got '" + words[1] + "'";
                        }

                        InjectNoise(count);
                        return "ok noise " + count;
                    case "line":
                        Need(words, 2);
                        SetLine(BusLine.Parse(words[1]));
                        return "ok line=" + Line;
                    default:
                        return "error unknown command '" + words[0] + "' (nodes, unplug NAME, replug NAME, wrongbaud NAME on|off, noise N, line 115200/8E1, quit)";
                }
            }
            catch (ArgumentException e)
            {
                return "error " + e.Message.Replace('\n', ' ');
            }
            catch (FormatException e)
            {
                return "error " + e.Message.Replace('\n', ' ');
            }
        }

        private static void Need(string[] words, int count)
        {
            if (words.Length != count)
            {
                throw new ArgumentException(words[0] + " takes " + (count - 1) + " argument(s)");
            }
        }

        private static void Close(Socket socket)
        {
            if (socket == null)
            {
                return;
            }

            try
            {
                socket.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException)
            {
            }
            catch (ObjectDisposedException)
            {
            }

            socket.Close();
        }
    }
}
