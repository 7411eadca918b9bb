using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using Xunit;

namespace Ipenergy.Probe.Tests.Snmp
{
    /// <summary>
    /// snmptrapd (package snmptrapd) in the foreground on 127.0.0.1 and a free UDP port, logging to stdout
    /// with numeric OIDs and no MIB files; its own configuration file accepts every community
    /// (disableAuthorization yes). Stopped on Dispose.
    /// </summary>
    public sealed class SnmpTrapdReceiver : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _log = new StringBuilder();
        private readonly string _dir;

        public SnmpTrapdReceiver()
        {
            _dir = Directory.CreateTempSubdirectory("snmptrapd").FullName;
            string config = Path.Combine(_dir, "snmptrapd.conf");
            File.WriteAllText(config, "disableAuthorization yes\n");
            Port = NetSnmpTool.FreeUdpPort();
            ProcessStartInfo info = NetSnmpTool.StartInfo("snmptrapd", "snmptrapd",
                "-f", "-Lo", "-C", "-c", config, "-m", "", "-On", "-p", Path.Combine(_dir, "pid"), "udp:127.0.0.1:" + Port);
            _process = Process.Start(info);
            _process.OutputDataReceived += (sender, e) => Append(e.Data);
            _process.ErrorDataReceived += (sender, e) => Append(e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            Assert.True(WaitFor("NET-SNMP version", 10000), "snmptrapd did not start: " + Log);
        }

        public int Port { get; }

        /// <summary>Everything snmptrapd printed so far.</summary>
        public string Log
        {
            get
            {
                lock (_log)
                {
                    return _log.ToString();
                }
            }
        }

        /// <summary>Waits until the log contains text (or the time is up).</summary>
        public bool WaitFor(string text, int timeoutMs)
        {
            var watch = Stopwatch.StartNew();
            while (watch.ElapsedMilliseconds < timeoutMs)
            {
                if (Log.Contains(text, StringComparison.Ordinal))
                {
                    return true;
                }

                if (_process.HasExited)
                {
                    return Log.Contains(text, StringComparison.Ordinal);
                }

                Thread.Sleep(20);
            }

            return false;
        }

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(true);
                    _process.WaitForExit(5000);
                }
            }
            finally
            {
                _process.Dispose();
                Directory.Delete(_dir, true);
            }
        }

        private void Append(string line)
        {
            if (line == null)
            {
                return;
            }

            lock (_log)
            {
                _log.Append(line).Append('\n');
            }
        }
    }
}
