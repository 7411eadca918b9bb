using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace Ipenergy.Probe.Tests.Cli
{
    /// <summary>
    /// A small fleet of virtual e-Probes on "different hosts": one Linux network namespace per probe, each with
    /// a veth cable to a bridge in the root namespace, all in one random /24 of 10.200-250.x.x. The bridge has
    /// the .1 address, probe i (1..N) has .(10+i) and listens on the device's usual ports of that address
    /// (HTTP 8080, Modbus 5020, SNMP 1161, discovery 30303 on 0.0.0.0): the same ports everywhere, because
    /// they are separate hosts. A discovery broadcast sent from the root namespace to BroadcastAddress really
    /// crosses the bridge to every namespace, as on a switchboard LAN (loopback would not prove that).
    ///
    /// Needs root and iproute2 (`ip netns`); without them the constructor throws with a clear message (the
    /// tests fail, never skip). Dispose kills the probes and deletes the namespaces, veths and bridge, also
    /// when the start failed half-way; the constructor first sweeps the leftovers of earlier runs whose
    /// test process is gone (names ep&lt;id&gt;-&lt;i&gt;, vep&lt;id&gt;-&lt;i&gt;, br-ep&lt;id&gt;; owner file in /tmp/eprobe-netns-fleet).
    /// </summary>
    public class NetnsFleet : IDisposable
    {
        public const int HttpPort = 8080;
        public const int ModbusPort = 5020;
        public const int SnmpPort = 1161;
        public const int DiscoveryPort = 30303;

        private static readonly string OwnerDirectory = Path.Combine(Path.GetTempPath(), "eprobe-netns-fleet");
        private static readonly Regex NamespaceName = new Regex("^ep([0-9a-f]{6})-[0-9]+$");
        private static readonly Regex LinkName = new Regex("^(?:br-ep|vep)([0-9a-f]{6})(?:-[0-9]+)?$");
        private static readonly object SweepLock = new object();

        // Subnets taken by the fleets of this test process (two fleets may start at once, before either has an address).
        private static readonly HashSet<string> SubnetsInUse = new HashSet<string>();

        private readonly List<string> _namespaces = new List<string>();
        private readonly List<Process> _processes = new List<Process>();
        private readonly string _id;
        private readonly string _bridge;
        private bool _bridgeCreated;
        private bool _disposed;

        /// <summary>Starts <paramref name="count"/> virtual e-Probes (MPP18, serial NETNS-i), each in its own namespace.</summary>
        public NetnsFleet(int count)
            : this(count, new string[0])
        {
        }

        /// <summary>As above, every probe started with these extra hal-simulator options (e.g. "--time-scale", "10").</summary>
        public NetnsFleet(int count, params string[] extraSimulatorArgs)
        {
            if (count < 1 || count > 200)
            {
                throw new ArgumentOutOfRangeException(nameof(count), "1..200 probes");
            }

            RequireRootAndIp();
            _id = RandomHex(3);
            _bridge = "br-ep" + _id;
            AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
            try
            {
                Directory.CreateDirectory(OwnerDirectory);
                File.WriteAllText(OwnerPath(_id), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
                SweepStale();
                Subnet = PickFreeSubnet();
                BroadcastAddress = Subnet + ".255";
                BridgeAddress = Subnet + ".1";
                CreateNetwork(count);
                ProbeAddresses = new string[count];
                ProbeIps = new string[count];
                Serials = new string[count];
                for (int i = 1; i <= count; i++)
                {
                    ProbeIps[i - 1] = Subnet + "." + (10 + i);
                    ProbeAddresses[i - 1] = ProbeIps[i - 1] + ":" + HttpPort;
                    Serials[i - 1] = "NETNS-" + i;
                }

                var watch = Stopwatch.StartNew();
                StartProbes(count, extraSimulatorArgs);
                StartSeconds = watch.Elapsed.TotalSeconds;
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        /// <summary>"10.x.y.11:8080", ... : each probe's HTTP API as the CLI's --probe takes it.</summary>
        public string[] ProbeAddresses { get; private set; } = new string[0];

        /// <summary>"10.x.y.11", ... : each probe's own address.</summary>
        public string[] ProbeIps { get; private set; } = new string[0];

        /// <summary>"NETNS-1", ... : each probe's serial number (--serial).</summary>
        public string[] Serials { get; private set; } = new string[0];

        /// <summary>"10.x.y.255": the directed broadcast of the fleet's LAN.</summary>
        public string BroadcastAddress { get; private set; }

        /// <summary>"10.x.y.1": the root namespace's address on the bridge (where the CLI runs).</summary>
        public string BridgeAddress { get; private set; }

        /// <summary>"10.x.y": the first three octets of the fleet's /24.</summary>
        public string Subnet { get; private set; }

        /// <summary>The network namespaces, probe order ("ep1a2b3c-1", ...).</summary>
        public IReadOnlyList<string> Namespaces { get { return _namespaces; } }

        /// <summary>Wall-clock seconds from the first process start to the last probe's service lines.</summary>
        public double StartSeconds { get; private set; }

        public void Dispose()
        {
            lock (_namespaces)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
            }

            AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
            foreach (Process process in _processes)
            {
                try
                {
                    if (!process.HasExited)
                    {
                        process.Kill(entireProcessTree: true);
                        process.WaitForExit(10000);
                    }
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }

                process.Dispose();
            }

            foreach (string ns in _namespaces)
            {
                KillNamespaceProcesses(ns);
                Ip(false, "netns", "delete", ns);
            }

            if (_id != null)
            {
                for (int i = 1; i <= _namespaces.Count; i++)
                {
                    // Normally gone with its namespace end; a leftover would keep the bridge busy.
                    if (LinkExists("vep" + _id + "-" + i))
                    {
                        Ip(false, "link", "delete", "vep" + _id + "-" + i);
                    }
                }

                if (_bridgeCreated || LinkExists(_bridge))
                {
                    Ip(false, "link", "delete", _bridge);
                }

                if (Subnet != null)
                {
                    lock (SubnetsInUse)
                    {
                        SubnetsInUse.Remove(Subnet);
                    }
                }

                try
                {
                    File.Delete(OwnerPath(_id));
                }
                catch (IOException)
                {
                    // The sweep of a later run removes it.
                }
            }

            GC.SuppressFinalize(this);
        }

        private void OnProcessExit(object sender, EventArgs e)
        {
            Dispose();
        }

        private void CreateNetwork(int count)
        {
            Ip(true, "link", "add", _bridge, "type", "bridge");
            _bridgeCreated = true;
            Ip(true, "addr", "add", BridgeAddress + "/24", "dev", _bridge);
            Ip(true, "link", "set", _bridge, "up");
            for (int i = 1; i <= count; i++)
            {
                string ns = "ep" + _id + "-" + i;
                string veth = "vep" + _id + "-" + i;
                Ip(true, "netns", "add", ns);
                _namespaces.Add(ns);
                Ip(true, "link", "add", veth, "type", "veth", "peer", "name", "eth0", "netns", ns);
                Ip(true, "link", "set", veth, "master", _bridge, "up");
                Ip(true, "-n", ns, "addr", "add", Subnet + "." + (10 + i) + "/24", "dev", "eth0");
                Ip(true, "-n", ns, "link", "set", "eth0", "up");
                Ip(true, "-n", ns, "link", "set", "lo", "up");
            }
        }

        private void StartProbes(int count, string[] extra)
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "hal-simulator.dll");
            if (!File.Exists(dll))
            {
                throw new InvalidOperationException("hal-simulator.dll is not next to the tests: " + dll);
            }

            for (int i = 1; i <= count; i++)
            {
                var psi = new ProcessStartInfo(IpPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                foreach (string a in new[]
                {
                    "netns", "exec", _namespaces[i - 1], "dotnet", dll,
                    "--bind", ProbeIps[i - 1], "--http-port", HttpPort.ToString(CultureInfo.InvariantCulture),
                    "--modbus-port", ModbusPort.ToString(CultureInfo.InvariantCulture),
                    "--snmp-port", SnmpPort.ToString(CultureInfo.InvariantCulture),
                    "--discovery-port", DiscoveryPort.ToString(CultureInfo.InvariantCulture), "--discovery-bind", "0.0.0.0",
                    "--serial", Serials[i - 1],
                })
                {
                    psi.ArgumentList.Add(a);
                }

                foreach (string a in extra)
                {
                    psi.ArgumentList.Add(a);
                }

                psi.Environment["EPROBE_ADMIN_PASSWORD"] = "admin";
                _processes.Add(Process.Start(psi));
            }

            // All start at once (a 2-core machine starts 4 runtimes in a few seconds); wait for each one's lines.
            var waits = new Task<string>[count];
            for (int i = 0; i < count; i++)
            {
                Process process = _processes[i];
                waits[i] = Task.Run(() => WaitForServiceLines(process));
            }

            if (!Task.WaitAll(waits, TimeSpan.FromSeconds(60)))
            {
                throw new InvalidOperationException("virtual e-Probes in the namespaces did not start within 60 s");
            }

            for (int i = 0; i < count; i++)
            {
                if (waits[i].Result != null)
                {
                    throw new InvalidOperationException("virtual e-Probe " + Serials[i] + " in " + _namespaces[i] + " did not start: " + waits[i].Result);
                }
            }
        }

        /// <summary>Null once the probe printed its http and discovery lines, else why not.</summary>
        private static string WaitForServiceLines(Process process)
        {
            bool http = false;
            bool discovery = false;
            var seen = new System.Text.StringBuilder();
            while (!http || !discovery)
            {
                string line = process.StandardOutput.ReadLine();
                if (line == null)
                {
                    return seen + process.StandardError.ReadToEnd();
                }

                seen.Append(line).Append('\n');
                http |= line.StartsWith("http ", StringComparison.Ordinal);
                discovery |= line.StartsWith("discovery udp://", StringComparison.Ordinal);
            }

            // Keep both pipes drained from here on: a chatty probe must never block on a full pipe.
            process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
            process.StandardError.BaseStream.CopyToAsync(Stream.Null);
            return null;
        }

        /// <summary>A 10.(200..250).x /24 that no local interface uses yet.</summary>
        private static string PickFreeSubnet()
        {
            string addresses = Ip(true, "-4", "-o", "addr", "show");
            lock (SubnetsInUse)
            {
                for (int attempt = 0; attempt < 50; attempt++)
                {
                    string subnet = "10." + RandomNumberGenerator.GetInt32(200, 251) + "." + RandomNumberGenerator.GetInt32(0, 256);
                    if (!addresses.Contains(" " + subnet + ".", StringComparison.Ordinal) && SubnetsInUse.Add(subnet))
                    {
                        return subnet;
                    }
                }
            }

            throw new InvalidOperationException("no free 10.200-250.x.0/24 subnet for the fleet");
        }

        /// <summary>
        /// Deletes the namespaces and links of earlier fleets whose owning test process has died (a crash or a
        /// kill skipped their Dispose). A fleet of a live process (e.g. another test class running now) is kept.
        /// </summary>
        private static void SweepStale()
        {
            lock (SweepLock)
            {
                foreach (string line in Ip(true, "netns", "list").Split('\n'))
                {
                    string name = line.Trim().Split(' ')[0];
                    Match m = NamespaceName.Match(name);
                    if (m.Success && IsStale(m.Groups[1].Value))
                    {
                        KillNamespaceProcesses(name);
                        Ip(false, "netns", "delete", name);
                    }
                }

                foreach (string line in Ip(true, "-o", "link", "show").Split('\n'))
                {
                    // "12: br-ep1a2b3c: <...", "13: vep1a2b3c-1@if2: <..."
                    string[] parts = line.Split(':');
                    if (parts.Length < 2)
                    {
                        continue;
                    }

                    string name = parts[1].Trim();
                    int at = name.IndexOf('@');
                    if (at >= 0)
                    {
                        name = name.Substring(0, at);
                    }

                    Match m = LinkName.Match(name);
                    if (m.Success && IsStale(m.Groups[1].Value))
                    {
                        Ip(false, "link", "delete", name);
                    }
                }

                foreach (string file in Directory.GetFiles(OwnerDirectory))
                {
                    string id = Path.GetFileName(file);
                    if (IsStale(id))
                    {
                        File.Delete(file);
                    }
                }
            }
        }

        private static bool IsStale(string id)
        {
            string text;
            try
            {
                text = File.ReadAllText(OwnerPath(id)).Trim();
            }
            catch (IOException)
            {
                return true; // no owner recorded: a leftover
            }

            int pid;
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out pid))
            {
                return true;
            }

            return pid != Environment.ProcessId && !Directory.Exists("/proc/" + pid);
        }

        /// <summary>Kills what still runs in a namespace of ours (a probe whose parent process was lost).</summary>
        private static void KillNamespaceProcesses(string ns)
        {
            string pids = Ip(false, "netns", "pids", ns);
            foreach (string line in pids.Split('\n'))
            {
                int pid;
                if (int.TryParse(line.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out pid))
                {
                    try
                    {
                        using Process p = Process.GetProcessById(pid);
                        p.Kill(entireProcessTree: true);
                        p.WaitForExit(5000);
                    }
                    catch (ArgumentException)
                    {
                        // Already gone.
                    }
                    catch (InvalidOperationException)
                    {
                        // Already gone.
                    }
                }
            }
        }

        private static bool LinkExists(string name)
        {
            return Directory.Exists("/sys/class/net/" + name);
        }

        private static string OwnerPath(string id)
        {
            return Path.Combine(OwnerDirectory, id);
        }

        private static string RandomHex(int bytes)
        {
            return Convert.ToHexString(RandomNumberGenerator.GetBytes(bytes)).ToLowerInvariant();
        }

        private static string IpPath
        {
            get { return File.Exists("/usr/sbin/ip") ? "/usr/sbin/ip" : File.Exists("/sbin/ip") ? "/sbin/ip" : File.Exists("/usr/bin/ip") ? "/usr/bin/ip" : "ip"; }
        }

        private static void RequireRootAndIp()
        {
            if (geteuid() != 0)
            {
                throw new InvalidOperationException("NetnsFleet needs root (network namespaces and a bridge): run the tests as root (CI does)");
            }

            if (IpPath == "ip")
            {
                throw new InvalidOperationException("the ip command is missing: apt-get install iproute2 (listed in .ci/apt-packages)");
            }
        }

        /// <summary>Runs ip; with mustSucceed a failure throws with ip's own message, else returns "" on failure.</summary>
        private static string Ip(bool mustSucceed, params string[] args)
        {
            var psi = new ProcessStartInfo(IpPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string a in args)
            {
                psi.ArgumentList.Add(a);
            }

            using Process p = Process.Start(psi);
            Task<string> output = p.StandardOutput.ReadToEndAsync();
            Task<string> error = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(15000))
            {
                p.Kill();
                throw new InvalidOperationException("ip " + string.Join(" ", args) + " did not finish in 15 s");
            }

            p.WaitForExit();
            if (p.ExitCode != 0)
            {
                if (mustSucceed)
                {
                    throw new InvalidOperationException("ip " + string.Join(" ", args) + " failed (exit " + p.ExitCode + "): " + error.Result.Trim()
                        + " (network namespaces need root and a kernel that allows them)");
                }

                return "";
            }

            return output.Result;
        }

        [DllImport("libc")]
        private static extern uint geteuid();
    }
}
