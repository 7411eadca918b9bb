using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Threading;
using Ipenergy.Probe.Tests.TestSupport;

namespace Ipenergy.Probe.Tests.EndToEnd
{
    /// <summary>
    /// Starts the built virtual e-Probe (hal-simulator.dll next to the test assembly) as a real process
    /// on port 0, reads the ports it prints (the discovery one too when --discovery-port is among the arguments),
    /// and reads the JSON API with the real curl.
    /// </summary>
    public sealed class VirtualProbe : IDisposable
    {
        private readonly Process _process;

        public VirtualProbe(params string[] args)
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "hal-simulator.dll");
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add(dll);
            // The factory admin must change the password before any write; the tests script with admin:admin.
            psi.Environment["EPROBE_ADMIN_PASSWORD"] = "admin";
            psi.ArgumentList.Add("--http-port");
            psi.ArgumentList.Add("0");
            psi.ArgumentList.Add("--modbus-port");
            psi.ArgumentList.Add("0");
            psi.ArgumentList.Add("--snmp-port");
            psi.ArgumentList.Add("0");
            foreach (string a in args)
            {
                psi.ArgumentList.Add(a);
            }

            _process = Process.Start(psi);
            bool withDiscovery = Array.IndexOf(args, "--discovery-port") >= 0;
            var lines = new ProbeServiceLines();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!lines.Complete(withDiscovery))
            {
                string line = _process.StandardOutput.ReadLine();
                if (line == null || DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException("virtual e-Probe did not print its service lines: " + _process.StandardError.ReadToEnd());
                }

                lines.Read(line);
            }

            HttpUrl = lines.HttpUrl;
            ModbusPort = lines.ModbusPort;
            SnmpPort = lines.SnmpPort;
            DiscoveryPort = lines.DiscoveryPort;
            Serial = lines.Serial;

            // Keep both pipes drained from here on: a chatty probe must never block on a full pipe.
            _process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
            _process.StandardError.BaseStream.CopyToAsync(Stream.Null);
        }

        /// <summary>e.g. http://127.0.0.1:41234</summary>
        public string HttpUrl { get; }

        /// <summary>The SNMP UDP port the probe printed (0 when the agent is off).</summary>
        public int SnmpPort { get; }

        /// <summary>The Modbus-TCP port the probe printed.</summary>
        public int ModbusPort { get; }

        /// <summary>The discovery UDP port the probe printed (0 unless started with --discovery-port).</summary>
        public int DiscoveryPort { get; }

        /// <summary>The serial number the probe printed.</summary>
        public string Serial { get; }

        /// <summary>SIGTERM (a clean stop: counters saved) and a bounded wait; returns the exit code.</summary>
        public int Terminate()
        {
            ProcessSignal.Send(_process, ProcessSignal.SigTerm);
            if (!_process.WaitForExit(15000))
            {
                throw new TimeoutException("the virtual e-Probe did not exit within 15 s of SIGTERM");
            }

            _process.WaitForExit();
            return _process.ExitCode;
        }

        /// <summary>GET with curl; returns (status, body).</summary>
        public static (int Status, string Body) Curl(string url)
        {
            var psi = new ProcessStartInfo("curl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string a in new[] { "-sS", "--max-time", "10", "-w", "\n%{http_code}", url })
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

            string all = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            int cut = all.LastIndexOf('\n');
            return (int.Parse(all.Substring(cut + 1)), all.Substring(0, cut));
        }

        /// <summary>Waits until the probe's snapshot has at least the given simulated seconds of data, then returns it.</summary>
        public JsonElement MeasurementsAfter(double simulatedSeconds)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            DateTime? first = null;
            while (true)
            {
                var (status, body) = Curl(HttpUrl + "/api/v1/measurements");
                if (status == 200)
                {
                    JsonElement root = JsonDocument.Parse(body).RootElement;
                    DateTime ts = root.GetProperty("timestamp").GetDateTime().ToUniversalTime();
                    first ??= ts;
                    if ((ts - first.Value).TotalSeconds >= simulatedSeconds)
                    {
                        return root;
                    }
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException("no measurement after " + simulatedSeconds + " simulated s; last status " + status);
                }

                Thread.Sleep(100);
            }
        }

        /// <summary>
        /// Waits until the probe publishes the snapshot of simulated second <paramref name="sequence"/> or a later one,
        /// then returns it: second n covers simulated time [n - 1, n) since start, whenever the test got to look.
        /// </summary>
        public JsonElement MeasurementsAtSequence(long sequence)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                var (status, body) = Curl(HttpUrl + "/api/v1/measurements");
                if (status == 200)
                {
                    JsonElement root = JsonDocument.Parse(body).RootElement;
                    if (root.GetProperty("sequence").GetInt64() >= sequence)
                    {
                        return root;
                    }
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException("no snapshot of simulated second " + sequence + "; last status " + status);
                }

                Thread.Sleep(50);
            }
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10000);
            }

            _process.Dispose();
        }
    }
}
