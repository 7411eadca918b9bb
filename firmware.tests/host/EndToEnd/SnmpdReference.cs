using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Xunit;

namespace Ipenergy.Probe.Tests.EndToEnd
{
    /// <summary>
    /// net-snmp's own agent (Debian package snmpd) on a free loopback UDP port with a throw-away
    /// configuration and state directory: the reference the SNMP benchmark measures ours against.
    /// </summary>
    public sealed class SnmpdReference : IDisposable
    {
        public const string Path = "/usr/sbin/snmpd";

        private readonly Process _process;
        private readonly string _directory;

        public SnmpdReference(string community)
        {
            Assert.True(File.Exists(Path), "snmpd is not installed: apt-get install snmpd (listed in .ci/apt-packages)");
            _directory = Directory.CreateTempSubdirectory("snmpd-ref-").FullName;
            Port = FreeUdpPort();
            string config = System.IO.Path.Combine(_directory, "snmpd.conf");
            File.WriteAllText(config,
                "agentAddress udp:127.0.0.1:" + Port + "\n" +
                // Host resources (process and storage tables read from /proc) are left out of its view: on a busy
                // CI host a walk of them alone took over 30 s, which measures the machine, not the agent.
                "view bench included .1\n" +
                "view bench excluded .1.3.6.1.2.1.25\n" +
                "rocommunity " + community + " 127.0.0.1 -V bench\n" +
                "sysLocation benchmark\nsysContact benchmark\n" +
                "dontLogTCPWrappersConnects yes\n");
            var start = new ProcessStartInfo(Path) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (string a in new[] { "-f", "-Lf", "/dev/null", "-C", "-c", config, "-M", "/nonexistent", "-m", "" })
            {
                start.ArgumentList.Add(a);
            }

            start.Environment["SNMP_PERSISTENT_DIR"] = System.IO.Path.Combine(_directory, "state");
            start.Environment["MIBS"] = "";
            _process = Process.Start(start);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        /// <summary>The UDP port snmpd listens on (127.0.0.1).</summary>
        public int Port { get; }

        public bool HasExited => _process.HasExited;

        public void Dispose()
        {
            try
            {
                _process.Kill(true);
                _process.WaitForExit(5000);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            _process.Dispose();
            try
            {
                Directory.Delete(_directory, true);
            }
            catch (IOException)
            {
            }
        }

        private static int FreeUdpPort()
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return ((IPEndPoint)probe.LocalEndPoint).Port;
        }
    }
}
