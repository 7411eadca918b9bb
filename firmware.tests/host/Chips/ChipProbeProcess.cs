using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using Ipenergy.Probe.Tests.EndToEnd;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;

namespace Ipenergy.Probe.Tests.Chips
{
    /// <summary>
    /// The built virtual e-Probe as a process for the front-end comparisons: ports 0, the printed http, modbus and
    /// meter lines, GET /api/v1/measurements with the real curl, and a clean SIGTERM stop (energy saved) for restarts.
    /// </summary>
    internal sealed class ChipProbeProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new StringBuilder();
        private readonly object _lock = new object();
        private bool _disposed;

        public ChipProbeProcess(params string[] args)
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "hal-simulator.dll");
            Assert.True(File.Exists(dll), "hal-simulator.dll not found next to the tests in " + AppContext.BaseDirectory);
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(dll);
            foreach (string a in new[] { "--http-port", "0", "--modbus-port", "0", "--snmp-port", "0", "--no-panel" })
            {
                start.ArgumentList.Add(a);
            }

            foreach (string a in args)
            {
                start.ArgumentList.Add(a);
            }

            _process = new Process { StartInfo = start };
            _process.OutputDataReceived += (s, e) => Append(e.Data);
            _process.ErrorDataReceived += (s, e) => Append(e.Data);
            _process.Start();
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            Stopwatch sw = Stopwatch.StartNew();
            while (HttpUrl == null || ModbusPort == 0 || MeterLine == null)
            {
                Assert.False(_process.HasExited, "the virtual e-Probe exited at start: " + Output);
                Assert.True(sw.Elapsed < TimeSpan.FromSeconds(30), "no http/modbus/meter lines within 30 s: " + Output);
                var lines = new ProbeServiceLines();
                foreach (string line in Output.Split('\n'))
                {
                    lines.Read(line);
                }

                HttpUrl = lines.HttpUrl;
                ModbusPort = lines.ModbusPort;
                MeterLine = lines.MeterLine;
                Thread.Sleep(10);
            }
        }

        public string HttpUrl { get; private set; }

        public int ModbusPort { get; private set; }

        /// <summary>The start-up line that says which front end meters.</summary>
        public string MeterLine { get; private set; }

        public string Output
        {
            get
            {
                lock (_lock)
                {
                    return _output.ToString();
                }
            }
        }

        /// <summary>The first snapshot whose device time is at least atUtc (bounded wait).</summary>
        public JsonElement MeasurementsAt(DateTime atUtc)
        {
            Stopwatch sw = Stopwatch.StartNew();
            string last = "";
            while (true)
            {
                var (status, body) = VirtualProbe.Curl(HttpUrl + "/api/v1/measurements");
                last = status + " " + body;
                if (status == 200)
                {
                    JsonElement root = JsonDocument.Parse(body).RootElement.Clone();
                    if (root.GetProperty("timestamp").GetDateTime().ToUniversalTime() >= atUtc)
                    {
                        return root;
                    }
                }

                Assert.True(sw.Elapsed < TimeSpan.FromSeconds(60), "no snapshot at or after " + atUtc.ToString("o") + " within 60 s; last: " +
                    (last.Length > 300 ? last.Substring(0, 300) : last) + "\n" + Output);
                Thread.Sleep(50);
            }
        }

        /// <summary>SIGTERM: the probe stops in order (ProbeApp.Stop saves the energy); returns the exit code.</summary>
        public int Terminate()
        {
            ProcessSignal.Send(_process, ProcessSignal.SigTerm);
            Assert.True(_process.WaitForExit(15000), "no exit within 15 s of SIGTERM: " + Output);
            _process.WaitForExit();
            return _process.ExitCode;
        }

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10000);
            }

            _process.Dispose();
        }

        private void Append(string line)
        {
            if (line == null)
            {
                return;
            }

            lock (_lock)
            {
                _output.Append(line).Append('\n');
            }
        }
    }
}
