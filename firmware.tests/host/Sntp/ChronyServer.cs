using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Xunit;

namespace Ipenergy.Probe.Tests.Sntp
{
    /// <summary>
    /// A real NTP server for tests: chronyd (Debian package chrony) in the foreground on 127.0.0.1 at a free
    /// unprivileged port, serving the host's clock at "local stratum 8". -x keeps it off the system clock,
    /// cmdport 0 closes its control port, pid and drift files live in a temp directory; as root it keeps
    /// root (-u root) instead of switching to the _chrony user, who could not write there. Killed on Dispose.
    /// </summary>
    public sealed class ChronyServer : IDisposable
    {
        private readonly Process _process;
        private readonly string _directory;

        private ChronyServer(Process process, string directory, int port)
        {
            _process = process;
            _directory = directory;
            Port = port;
        }

        public int Port { get; }

        public string Log
        {
            get
            {
                string path = Path.Combine(_directory, "chronyd.log");
                return File.Exists(path) ? File.ReadAllText(path) : "";
            }
        }

        public static string FindChronyd()
        {
            foreach (string dir in new[] { "/usr/sbin", "/sbin", "/usr/bin", "/usr/local/sbin" })
            {
                string path = Path.Combine(dir, "chronyd");
                if (File.Exists(path))
                {
                    return path;
                }
            }

            Assert.Fail("chrony missing: apt-get install chrony");
            return null;
        }

        public static ChronyServer Start()
        {
            string chronyd = FindChronyd();
            string directory = Path.Combine(Path.GetTempPath(), "chrony-test-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            int port = FreeUdpPort();
            string conf = Path.Combine(directory, "chrony.conf");
            File.WriteAllText(conf,
                "port " + port + "\n" +
                "bindaddress 127.0.0.1\n" +
                "allow 127.0.0.1\n" +
                "local stratum 8\n" +
                "cmdport 0\n" +
                "pidfile " + Path.Combine(directory, "chronyd.pid") + "\n" +
                "driftfile " + Path.Combine(directory, "chrony.drift") + "\n" +
                "logdir " + directory + "\n");
            var info = new ProcessStartInfo(chronyd)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add("-d");
            info.ArgumentList.Add("-x");
            if (Environment.UserName == "root")
            {
                info.ArgumentList.Add("-u");
                info.ArgumentList.Add("root");
            }

            info.ArgumentList.Add("-f");
            info.ArgumentList.Add(conf);
            Process process = Process.Start(info);
            string logPath = Path.Combine(directory, "chronyd.log");
            process.OutputDataReceived += (_, e) => Append(logPath, e.Data);
            process.ErrorDataReceived += (_, e) => Append(logPath, e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return new ChronyServer(process, directory, port);
        }

        public bool HasExited { get { return _process.HasExited; } }

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill();
                    _process.WaitForExit(5000);
                }
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
                // A file still open: the temp directory is cleaned by the system.
            }
        }

        private static void Append(string path, string line)
        {
            if (line != null)
            {
                lock (typeof(ChronyServer))
                {
                    File.AppendAllText(path, line + "\n");
                }
            }
        }

        public static int FreeUdpPort()
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return ((IPEndPoint)socket.LocalEndPoint).Port;
        }
    }
}
