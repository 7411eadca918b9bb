using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Threading;

namespace Ipenergy.Probe.Tests.EndToEnd
{
    /// <summary>
    /// Starts the built virtual e-Probe (hal-simulator.dll next to the test assembly) as a real process
    /// on port 0, reads the URL it prints, and reads the JSON API with the real curl.
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
            var deadline = DateTime.UtcNow.AddSeconds(30);
            bool modbusLine = false;
            bool snmpLine = false;
            while (HttpUrl == null || !modbusLine || !snmpLine)
            {
                string line = _process.StandardOutput.ReadLine();
                if (line == null || DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException("virtual e-Probe did not print its http line: " + _process.StandardError.ReadToEnd());
                }

                if (line.StartsWith("http ", StringComparison.Ordinal))
                {
                    HttpUrl = line.Substring(4).Trim().TrimEnd('/');
                }

                // "modbus tcp://127.0.0.1:PORT (unit 1)", or "modbus off (...)"
                modbusLine |= line.StartsWith("modbus ", StringComparison.Ordinal);
                if (line.StartsWith("modbus tcp://", StringComparison.Ordinal))
                {
                    string rest = line.Substring(line.LastIndexOf(':') + 1);
                    ModbusPort = int.Parse(rest.Substring(0, rest.IndexOf(' ')));
                }

                // "snmp   udp://127.0.0.1:PORT (v1/v2c ...)", or "snmp   off (...)"
                snmpLine |= line.StartsWith("snmp ", StringComparison.Ordinal);
                int udp = line.IndexOf("udp://", StringComparison.Ordinal);
                if (line.StartsWith("snmp ", StringComparison.Ordinal) && udp > 0)
                {
                    string rest = line.Substring(udp + "udp://".Length);
                    rest = rest.Substring(rest.IndexOf(':') + 1);
                    int end = rest.IndexOf(' ');
                    SnmpPort = int.Parse(end < 0 ? rest : rest.Substring(0, end));
                }
            }

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
