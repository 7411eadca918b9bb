using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;

namespace Ipenergy.Probe.Tests.Syslog
{
    /// <summary>
    /// A real syslog receiver for the tests: `socat -u UDP-RECV:port,bind=127.0.0.1 STDOUT`, whose output
    /// (the datagrams' bytes, back to back) is collected as it comes. Fails naming the apt package when socat
    /// is missing; killed on Dispose.
    /// </summary>
    public sealed class SocatUdpReceiver : IDisposable
    {
        private readonly Process _process;
        private readonly MemoryStream _received = new MemoryStream();
        private readonly Thread _reader;
        private int _taken;

        public SocatUdpReceiver()
        {
            string socat = PeerProcess.Require("socat", "socat");
            Port = FreeUdpPort();
            ProcessStartInfo start = PeerProcess.StartInfo(socat, null, "-u", "UDP-RECV:" + Port + ",bind=127.0.0.1", "STDOUT");
            _process = Process.Start(start);
            _reader = new Thread(Pump) { IsBackground = true };
            _reader.Start();
            WaitUntilBound();
        }

        public int Port { get; }

        /// <summary>The next count bytes received (waits up to timeoutMs for them; fails with what came).</summary>
        public byte[] Take(int count, int timeoutMs)
        {
            DateTime deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
            while (true)
            {
                lock (_received)
                {
                    if (_received.Length - _taken >= count)
                    {
                        byte[] chunk = new byte[count];
                        Array.Copy(_received.GetBuffer(), _taken, chunk, 0, count);
                        _taken += count;
                        return chunk;
                    }

                    if (DateTime.UtcNow > deadline)
                    {
                        Assert.Fail("socat received " + (_received.Length - _taken) + " of " + count + " bytes in " + timeoutMs + " ms");
                    }
                }

                Thread.Sleep(10);
            }
        }

        /// <summary>Bytes received and not taken yet (after a pause, to see that nothing more came).</summary>
        public long Pending
        {
            get
            {
                lock (_received)
                {
                    return _received.Length - _taken;
                }
            }
        }

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(true);
                }

                _process.WaitForExit(5000);
            }
            finally
            {
                _process.Dispose();
            }
        }

        private void Pump()
        {
            byte[] buffer = new byte[4096];
            Stream output = _process.StandardOutput.BaseStream;
            int n;
            while ((n = output.Read(buffer, 0, buffer.Length)) > 0)
            {
                lock (_received)
                {
                    _received.Write(buffer, 0, n);
                }
            }
        }

        /// <summary>socat has the port once binding it here fails (polled, at most 10 s).</summary>
        private void WaitUntilBound()
        {
            DateTime deadline = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < deadline)
            {
                if (_process.HasExited)
                {
                    Assert.Fail("socat exited: " + _process.StandardError.ReadToEnd());
                }

                using Socket probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                try
                {
                    probe.Bind(new IPEndPoint(IPAddress.Loopback, Port));
                }
                catch (SocketException)
                {
                    return;
                }

                probe.Close();
                Thread.Sleep(20);
            }

            Assert.Fail("socat did not bind UDP port " + Port + " in 10 s");
        }

        private static int FreeUdpPort()
        {
            using Socket s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return ((IPEndPoint)s.LocalEndPoint).Port;
        }
    }
}
