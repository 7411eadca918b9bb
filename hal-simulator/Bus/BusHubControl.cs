using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Text;

namespace Ipenergy.Probe.Simulator.Bus
{
    /// <summary>
    /// Client of a BusHub's control port (tests and tools inject faults with it). One command per line; the
    /// hub answers with detail lines and a last line "ok ..." or "error ..." (thrown as InvalidOperationException).
    /// </summary>
    public sealed class BusHubControl : IDisposable
    {
        private readonly TcpClient _client;
        private readonly StreamReader _reader;
        private readonly StreamWriter _writer;

        public BusHubControl(string host, int port)
        {
            _client = new TcpClient(host, port) { NoDelay = true, ReceiveTimeout = 30000 };
            NetworkStream stream = _client.GetStream();
            _reader = new StreamReader(stream, Encoding.UTF8);
            _writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n", AutoFlush = true };
        }

        public void Unplug(string name)
        {
            Command("unplug " + name);
        }

        public void Replug(string name)
        {
            Command("replug " + name);
        }

        public void SetWrongBaud(string name, bool wrong)
        {
            Command("wrongbaud " + name + (wrong ? " on" : " off"));
        }

        /// <summary>Puts count random bytes on the bus; returns once they have been sent.</summary>
        public void InjectNoise(int count)
        {
            Command("noise " + count);
        }

        public void SetLine(BusLine line)
        {
            Command("line " + line);
        }

        public BusNodeStats[] Nodes()
        {
            var nodes = new List<BusNodeStats>();
            foreach (string line in Command("nodes"))
            {
                if (line.StartsWith("node ", StringComparison.Ordinal))
                {
                    nodes.Add(BusNodeStats.Parse(line));
                }
            }

            return nodes.ToArray();
        }

        public BusNodeStats Node(string name)
        {
            foreach (BusNodeStats node in Nodes())
            {
                if (node.Name == name)
                {
                    return node;
                }
            }

            throw new InvalidOperationException("the hub has no node named '" + name + "'");
        }

        /// <summary>Sends one command; returns every line of the answer, the final "ok ..." included.</summary>
        public List<string> Command(string command)
        {
            _writer.WriteLine(command);
            var lines = new List<string>();
            while (true)
            {
                string line = _reader.ReadLine();
                if (line == null)
                {
                    throw new IOException("the bus hub closed the control connection during '" + command + "'");
                }

                lines.Add(line);
                if (line.StartsWith("ok", StringComparison.Ordinal))
                {
                    return lines;
                }

                if (line.StartsWith("error", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("bus hub: '" + command + "': " + line);
                }
            }
        }

        public void Dispose()
        {
            _client.Dispose();
        }
    }
}
