using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using Ipenergy.Probe.Simulator.Bus;
using Xunit;

namespace Ipenergy.Probe.Tests.BusSim
{
    /// <summary>A hub on free loopback ports, named SimulatedSerialPorts on it and a control client; disposes them all.</summary>
    public sealed class BusBench : IDisposable
    {
        private readonly List<SimulatedSerialPort> _ports = new List<SimulatedSerialPort>();
        private BusHubControl _control;

        public BusBench()
        {
            Hub = new BusHub(BusLine.Default);
            Hub.Start();
        }

        public BusHub Hub { get; private set; }

        public BusHubControl Control => _control ??= new BusHubControl("127.0.0.1", Hub.ControlPort);

        /// <summary>A port joined as name; returns once the hub lists it as connected.</summary>
        public SimulatedSerialPort Join(string name, bool echo = false)
        {
            var port = new SimulatedSerialPort("127.0.0.1", Hub.NodePort, name, BusLine.Default, echo);
            _ports.Add(port);
            Assert.True(port.WaitConnected(5000), name + " did not connect to the hub");
            WaitFor(() => Array.Exists(Hub.Nodes(), n => n.Name == name && n.Connected), name + " is not listed by the hub");
            return port;
        }

        /// <summary>Replaces the hub by a new one on the same node port (a hub restart).</summary>
        public void RestartHub()
        {
            int nodePort = Hub.NodePort;
            Hub.Dispose();
            _control?.Dispose();
            _control = null;
            Hub = new BusHub(BusLine.Default, "127.0.0.1", nodePort);
            Hub.Start();
        }

        public static void WaitFor(Func<bool> condition, string what, int timeoutMs = 5000)
        {
            var watch = Stopwatch.StartNew();
            while (!condition())
            {
                Assert.True(watch.ElapsedMilliseconds < timeoutMs, what + " (after " + timeoutMs + " ms)");
                Thread.Sleep(5);
            }
        }

        /// <summary>Reads until count bytes came or timeoutMs passed; arrival times (ms after start) of each read batch.</summary>
        public static byte[] ReadBytes(SimulatedSerialPort port, int count, int timeoutMs, List<(double AtMs, int Count)> batches = null, Stopwatch clock = null)
        {
            var got = new List<byte>();
            byte[] buffer = new byte[4096];
            var watch = Stopwatch.StartNew();
            while (got.Count < count && watch.ElapsedMilliseconds < timeoutMs)
            {
                int n = port.Read(buffer, 0, Math.Min(buffer.Length, count - got.Count), 20);
                if (n > 0)
                {
                    batches?.Add(((clock ?? watch).Elapsed.TotalMilliseconds, n));
                    for (int i = 0; i < n; i++)
                    {
                        got.Add(buffer[i]);
                    }
                }
            }

            return got.ToArray();
        }

        /// <summary>Bytes that arrive within ms (nothing expected in most uses).</summary>
        public static byte[] Drain(SimulatedSerialPort port, int ms)
        {
            return ReadBytes(port, int.MaxValue, ms);
        }

        public static byte[] Frame(int length, int seed)
        {
            byte[] frame = new byte[length];
            for (int i = 0; i < length; i++)
            {
                frame[i] = (byte)(seed + 7 * i);
            }

            return frame;
        }

        public void Dispose()
        {
            foreach (SimulatedSerialPort port in _ports)
            {
                port.Dispose();
            }

            _control?.Dispose();
            Hub.Dispose();
        }
    }
}
