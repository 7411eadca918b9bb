using System;
using System.Diagnostics;
using System.IO;

namespace Ipenergy.Probe.Tests.Discovery
{
    /// <summary>
    /// A virtual e-Probe process (hal-simulator.dll) with its servers on free ports and the discovery responder as the
    /// arguments say; reads the ports from the start-up lines, up to the "discovery udp://ADDR:PORT" one.
    /// </summary>
    public sealed class DiscoveryProbeProcess : IDisposable
    {
        private readonly Process _process;

        public DiscoveryProbeProcess(params string[] args)
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "hal-simulator.dll");
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add(dll);
            psi.Environment["EPROBE_ADMIN_PASSWORD"] = "admin";
            foreach (string a in new[] { "--http-port", "0", "--modbus-port", "0", "--snmp-port", "0", "--no-panel" })
            {
                psi.ArgumentList.Add(a);
            }

            foreach (string a in args)
            {
                psi.ArgumentList.Add(a);
            }

            _process = Process.Start(psi);
            DateTime deadline = DateTime.UtcNow.AddSeconds(30);
            while (DiscoveryPort == 0)
            {
                string line = _process.StandardOutput.ReadLine();
                if (line == null || DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException("virtual e-Probe did not print its discovery line: " + _process.StandardError.ReadToEnd());
                }

                if (line.StartsWith("http ", StringComparison.Ordinal))
                {
                    HttpUrl = line.Substring(4).Trim().TrimEnd('/');
                }
                else if (line.StartsWith("serial ", StringComparison.Ordinal))
                {
                    Serial = line.Substring(7).Trim();
                }
                else if (line.StartsWith("modbus tcp://", StringComparison.Ordinal))
                {
                    ModbusPort = PortOf(line);
                }
                else if (line.StartsWith("snmp   udp://", StringComparison.Ordinal))
                {
                    SnmpPort = PortOf(line);
                }
                else if (line.StartsWith("discovery udp://", StringComparison.Ordinal))
                {
                    DiscoveryPort = PortOf(line);
                }
            }

            // Keep the pipe drained so the probe never blocks on a full stdout.
            _process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        }

        public string HttpUrl { get; private set; }

        public string Serial { get; private set; }

        public int ModbusPort { get; private set; }

        public int SnmpPort { get; private set; }

        public int DiscoveryPort { get; private set; }

        // "... udp://127.0.0.1:PORT (...)": the number after the last ':' before the first space after "//".
        private static int PortOf(string line)
        {
            int scheme = line.IndexOf("://", StringComparison.Ordinal) + 3;
            int end = line.IndexOf(' ', scheme);
            string address = end < 0 ? line.Substring(scheme) : line.Substring(scheme, end - scheme);
            return int.Parse(address.Substring(address.LastIndexOf(':') + 1).TrimEnd('/'));
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
