using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;

namespace Ipenergy.Probe.Tests.Storage
{
    /// <summary>
    /// The built virtual e-Probe as a process for the kill test: started on a given data dir with the flash
    /// write delay in its environment, read with the real curl, ended by SIGKILL (a power cut) or SIGTERM.
    /// </summary>
    internal sealed class KilledProbe : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new StringBuilder();
        private readonly object _lock = new object();

        public KilledProbe(string dataDir, string scenarioPath, double timeScale, int flashDelayUs)
        {
            string dir = AppContext.BaseDirectory;
            string apphost = Path.Combine(dir, "hal-simulator");
            string dll = Path.Combine(dir, "hal-simulator.dll");
            Assert.True(File.Exists(dll), "hal-simulator.dll not found next to the tests in " + dir);
            ProcessStartInfo start = File.Exists(apphost) ? new ProcessStartInfo(apphost) : new ProcessStartInfo("dotnet");
            if (!File.Exists(apphost))
            {
                start.ArgumentList.Add(dll);
            }

            foreach (string a in new[] { "--http-port", "0", "--modbus-port", "0", "--data-dir", dataDir, "--scenario", scenarioPath,
                "--time-scale", timeScale.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            {
                start.ArgumentList.Add(a);
            }

            start.Environment["EPROBE_FLASH_WRITE_DELAY_US"] = flashDelayUs.ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            start.UseShellExecute = false;
            _process = new Process { StartInfo = start };
            _process.OutputDataReceived += (s, e) => Append(e.Data);
            _process.ErrorDataReceived += (s, e) => Append(e.Data);
            _process.Start();
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            Stopwatch sw = Stopwatch.StartNew();
            while (Url == null)
            {
                Assert.False(_process.HasExited, "the virtual e-Probe exited at start: " + Output);
                Assert.True(sw.Elapsed < TimeSpan.FromSeconds(30), "no http line within 30 s: " + Output);
                var lines = new ProbeServiceLines();
                foreach (string line in Output.Split('\n'))
                {
                    lines.Read(line);
                }

                Url = lines.HttpUrl == null ? null : lines.HttpUrl + "/api/v1/measurements";
                Thread.Sleep(5);
            }
        }

        public string Url { get; private set; }

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

        /// <summary>GET /api/v1/measurements with curl, waiting (bounded) until the snapshot has at least minSequence seconds.</summary>
        public Reading Read(long minSequence)
        {
            Stopwatch sw = Stopwatch.StartNew();
            while (true)
            {
                string body = Curl(Url);
                if (body != null)
                {
                    Reading r = Reading.Parse(body);
                    if (r.Sequence >= minSequence)
                    {
                        return r;
                    }
                }

                Assert.True(sw.Elapsed < TimeSpan.FromSeconds(30), "no snapshot with sequence >= " + minSequence + " within 30 s: " + Output);
                Thread.Sleep(10);
            }
        }

        /// <summary>SIGKILL: the process dies at once, as on a power cut, in whatever write it was doing.</summary>
        public void Kill()
        {
            _process.Kill();
            _process.WaitForExit();
        }

        /// <summary>SIGTERM and a bounded wait for the clean exit; returns the exit code.</summary>
        public int Terminate()
        {
            ProcessSignal.Send(_process, ProcessSignal.SigTerm);
            Assert.True(_process.WaitForExit(15000), "no exit within 15 s of SIGTERM: " + Output);
            _process.WaitForExit();
            return _process.ExitCode;
        }

        // Idempotent: a test may dispose a probe it already disposed (a Process throws on HasExited then).
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit();
            }

            _process.Dispose();
        }

        private bool _disposed;


        private static string Curl(string url)
        {
            ProcessStartInfo psi = new ProcessStartInfo("curl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string a in new[] { "-sS", "--max-time", "5", "-f", url })
            {
                psi.ArgumentList.Add(a);
            }

            Process p;
            try
            {
                p = Process.Start(psi);
            }
            catch (System.ComponentModel.Win32Exception)
            {
                throw new InvalidOperationException("curl is missing: apt-get install curl (or run .ci/run)");
            }

            using (p)
            {
                string body = p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                return p.ExitCode == 0 ? body : null;
            }
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

    /// <summary>What one GET returned: the snapshot's sequence (seconds since boot) and each channel's import energy in mWh.</summary>
    internal sealed class Reading
    {
        public long Sequence { get; private set; }

        public long[] ImportMilliWh { get; private set; }

        public static Reading Parse(string json)
        {
            using JsonDocument doc = JsonDocument.Parse(json);
            JsonElement root = doc.RootElement;
            JsonElement channels = root.GetProperty("channels");
            long[] wh = new long[channels.GetArrayLength()];
            int i = 0;
            foreach (JsonElement ch in channels.EnumerateArray())
            {
                // Exact decimals (integer mWh on the device): parse as decimal, not double.
                wh[i++] = (long)Math.Round(ch.GetProperty("importEnergyWh").GetDecimal() * 1000m);
            }

            return new Reading { Sequence = root.GetProperty("sequence").GetInt64(), ImportMilliWh = wh };
        }
    }
}
