using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using Ipenergy.Probe.Simulator.Bus;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;

namespace Ipenergy.Probe.Tests.BusSim
{
    /// <summary>
    /// `socat pty,link=DIR/ttyBUS,raw,echo=0 TCP:127.0.0.1:RAWPORT`: a pseudo-terminal whose user is a raw node
    /// of the hub (what a real RTU client on a serial port sees). Fails naming the apt package when socat is missing.
    /// </summary>
    public sealed class SocatPtyBridge : IDisposable
    {
        private readonly Process _process;
        private readonly string _dir;

        public SocatPtyBridge(BusHub hub)
        {
            string socat = PeerProcess.Require("socat", "socat");
            _dir = Directory.CreateTempSubdirectory("bus-pty-").FullName;
            PtyPath = Path.Combine(_dir, "ttyBUS");
            int rawBefore = Array.FindAll(hub.Nodes(), n => n.Kind == "raw").Length;
            _process = Process.Start(PeerProcess.StartInfo(socat, null, "pty,link=" + PtyPath + ",raw,echo=0", "TCP:127.0.0.1:" + hub.RawPort));
            var watch = Stopwatch.StartNew();
            while (!File.Exists(PtyPath) || Array.FindAll(hub.Nodes(), n => n.Kind == "raw" && n.Connected).Length <= rawBefore)
            {
                if (_process.HasExited)
                {
                    Assert.Fail("socat exited: " + _process.StandardError.ReadToEnd());
                }

                Assert.True(watch.ElapsedMilliseconds < 5000, "socat made no pty " + PtyPath + " joined to the hub's raw port in 5 s");
                Thread.Sleep(10);
            }

            RawNodeName = Array.FindLast(hub.Nodes(), n => n.Kind == "raw" && n.Connected).Name;
        }

        /// <summary>The pseudo-terminal's path (a symlink to /dev/pts/N).</summary>
        public string PtyPath { get; }

        /// <summary>The raw node's name at the hub (raw-1, raw-2...).</summary>
        public string RawNodeName { get; }

        public void Dispose()
        {
            try
            {
                _process.Kill(true);
                _process.WaitForExit(2000);
            }
            catch (InvalidOperationException)
            {
            }

            _process.Dispose();
            try
            {
                Directory.Delete(_dir, true);
            }
            catch (IOException)
            {
            }
        }
    }
}
