using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using Ipenergy.Probe.Tests.EndToEnd;
using Xunit;

namespace Ipenergy.Probe.Tests.Cli
{
    /// <summary>Three virtual MPP3 e-Probes on loopback, each on its own ports (started once for the config tests).</summary>
    public sealed class ConfigFleetFixture : IDisposable
    {
        private readonly List<VirtualProbe> _probes = new List<VirtualProbe>();

        public ConfigFleetFixture()
        {
            try
            {
                for (int i = 0; i < 3; i++)
                {
                    _probes.Add(new VirtualProbe("--model", "MPP3"));
                }
            }
            catch
            {
                Dispose();
                throw;
            }

            Addresses = new string[_probes.Count];
            for (int i = 0; i < _probes.Count; i++)
            {
                Addresses[i] = new Uri(_probes[i].HttpUrl).Authority;
            }

            TempDir = Directory.CreateTempSubdirectory("eprobe-config-tests-").FullName;
        }

        /// <summary>"127.0.0.1:PORT" of each probe.</summary>
        public string[] Addresses { get; }

        public string All { get { return string.Join(",", Addresses); } }

        public string TempDir { get; }

        /// <summary>The probe's own GET /api/v1/config, read with curl.</summary>
        public JsonNode ConfigOf(int probe)
        {
            var (status, body) = VirtualProbe.Curl(_probes[probe].HttpUrl + "/api/v1/config");
            Assert.True(status == 200, "GET /api/v1/config of probe " + probe + ": " + status + " " + body);
            return JsonNode.Parse(body);
        }

        public string Write(string name, string text)
        {
            string path = Path.Combine(TempDir, name);
            File.WriteAllText(path, text);
            return path;
        }

        public void Dispose()
        {
            foreach (VirtualProbe p in _probes)
            {
                p.Dispose();
            }

            if (TempDir != null && Directory.Exists(TempDir))
            {
                Directory.Delete(TempDir, true);
            }
        }

        /// <summary>A loopback port where nothing listens (bound once, then closed).</summary>
        public static string ClosedAddress()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return "127.0.0.1:" + port;
        }
    }

    /// <summary>An HTTP server that is not an e-Probe: answers every request 200 with a text that is not JSON.</summary>
    public sealed class GarbageHttpServer : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly Thread _thread;
        private volatile bool _stop;

        public GarbageHttpServer()
        {
            _listener.Start();
            Address = "127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port;
            _thread = new Thread(Serve) { IsBackground = true };
            _thread.Start();
        }

        public string Address { get; }

        private void Serve()
        {
            while (!_stop)
            {
                try
                {
                    using TcpClient client = _listener.AcceptTcpClient();
                    client.ReceiveTimeout = 2000;
                    NetworkStream stream = client.GetStream();
                    var buffer = new byte[4096];
                    var head = new StringBuilder();
                    while (!head.ToString().Contains("\r\n\r\n"))
                    {
                        int n = stream.Read(buffer, 0, buffer.Length);
                        if (n <= 0)
                        {
                            break;
                        }

                        head.Append(Encoding.ASCII.GetString(buffer, 0, n));
                    }

                    byte[] answer = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 26\r\nConnection: close\r\n\r\n<html>router login</html>\n");
                    stream.Write(answer, 0, answer.Length);
                }
                catch (Exception e) when (e is SocketException || e is IOException || e is ObjectDisposedException || e is InvalidOperationException)
                {
                    // Stopped, or a client that went away.
                }
            }
        }

        public void Dispose()
        {
            _stop = true;
            _listener.Stop();
            _thread.Join(2000);
        }
    }
}
