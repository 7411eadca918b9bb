using System;
using System.Collections.Generic;
using System.IO;
using System.Net;

namespace Ipenergy.Probe.Cli
{
    /// <summary>
    /// The options every fleet command shares: which probes (--probe, --probes-file, --discover), how to reach
    /// them (--user/--password, --timeout, --parallel) and how to show the result (--json, --no-progress).
    /// </summary>
    public sealed class FleetOptions
    {
        public const string HelpText =
@"Probes (at least one of):
  -p, --probe HOST[:PORT]   an e-Probe's HTTP API (default port 80; http://HOST:PORT works too); repeatable,
                            comma-separated lists too
  --probes-file FILE        one probe a line (blank lines and # comments ignored); - reads stdin
  --discover                find the probes with the UDP discovery broadcast (tools/discovery.md)
  --discovery-port N        discovery UDP port (default 30303)
  --broadcast ADDR          where discovery requests go, repeatable (default 255.255.255.255 and the broadcast
                            address of every local interface); a unicast address asks one host
  --discovery-wait S        how long to collect answers (default 2 s)
Access:
  --user NAME, --password PW  HTTP login (default: $EPROBE_USER / $EPROBE_PASSWORD; reads need none while the
                            probes allow anonymous reads)
  --timeout S               per request (default 5 s)
  --parallel N              probes worked on at once (default 8)
Output:
  --json                    JSON on stdout instead of a table
  --no-progress             no progress lines on stderr (shown on a terminal for 2 probes or more)";

        public List<string> ProbeTexts { get; } = new List<string>();

        public string ProbesFile { get; set; }

        public bool Discover { get; set; }

        public int DiscoveryPort { get; set; } = DiscoveryClient.DefaultPort;

        public List<IPAddress> Broadcast { get; } = new List<IPAddress>();

        public TimeSpan DiscoveryWait { get; set; } = TimeSpan.FromSeconds(2);

        public Credentials Credentials { get; set; } = new Credentials(null, null);

        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

        public int Parallel { get; set; } = 8;

        public bool Json { get; set; }

        public bool NoProgress { get; set; }

        /// <summary>Reads the shared options; the command reads its own before or after.</summary>
        public static FleetOptions Read(ArgReader args)
        {
            args.Alias("-p", "probe");
            var options = new FleetOptions();
            foreach (string value in args.Options("probe"))
            {
                foreach (string part in value.Split(','))
                {
                    if (part.Trim().Length > 0)
                    {
                        options.ProbeTexts.Add(part.Trim());
                    }
                }
            }

            options.ProbesFile = args.Option("probes-file");
            options.Discover = args.Flag("discover");
            options.DiscoveryPort = args.IntOption("discovery-port", DiscoveryClient.DefaultPort, 1, 65535);
            foreach (string text in args.Options("broadcast"))
            {
                IPAddress address;
                if (!IPAddress.TryParse(text, out address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
                {
                    throw new UsageException("--broadcast needs an IPv4 address, got \"" + text + "\"");
                }

                options.Broadcast.Add(address);
            }

            options.DiscoveryWait = TimeSpan.FromSeconds(args.NumberOption("discovery-wait", 2, 0.1, 60));
            options.Credentials = Credentials.From(args.Option("user"), args.Option("password"));
            options.Timeout = TimeSpan.FromSeconds(args.NumberOption("timeout", 5, 0.1, 300));
            options.Parallel = args.IntOption("parallel", 8, 1, 256);
            options.Json = args.Flag("json");
            options.NoProgress = args.Flag("no-progress");
            return options;
        }

        /// <summary>
        /// The probes to work on, in the order given (discovered ones after, sorted by address), duplicates
        /// removed. Usage error when nothing says which probes.
        /// </summary>
        public List<ProbeTarget> ResolveTargets(TextReader stdin, System.Threading.CancellationToken cancel)
        {
            if (ProbeTexts.Count == 0 && ProbesFile == null && !Discover)
            {
                throw new UsageException("which probes? give --probe HOST[:PORT], --probes-file FILE or --discover");
            }

            var targets = new List<ProbeTarget>();
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (string text in ProbeTexts)
            {
                Add(targets, names, ProbeTarget.Parse(text));
            }

            if (ProbesFile != null)
            {
                foreach (string line in ReadProbesFile(stdin))
                {
                    Add(targets, names, ProbeTarget.Parse(line));
                }
            }

            if (Discover)
            {
                foreach (DiscoveredProbe probe in DiscoverAll(cancel))
                {
                    ProbeTarget target = probe.ToTarget();
                    if (target != null)
                    {
                        Add(targets, names, target);
                    }
                }
            }

            return targets;
        }

        /// <summary>Runs discovery with these options (sorted by address then port).</summary>
        public List<DiscoveredProbe> DiscoverAll(System.Threading.CancellationToken cancel)
        {
            List<IPAddress> destinations = Broadcast.Count > 0 ? Broadcast : DiscoveryClient.LocalBroadcastAddresses();
            List<DiscoveredProbe> found = new DiscoveryClient().Discover(destinations, DiscoveryPort, DiscoveryWait, cancel);
            found.Sort(CompareByAddress);
            return found;
        }

        private List<string> ReadProbesFile(TextReader stdin)
        {
            string[] lines;
            try
            {
                lines = ProbesFile == "-" ? stdin.ReadToEnd().Split('\n') : File.ReadAllLines(ProbesFile);
            }
            catch (IOException e)
            {
                throw new UsageException("cannot read --probes-file " + ProbesFile + ": " + e.Message);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new UsageException("cannot read --probes-file " + ProbesFile + ": " + e.Message);
            }

            var result = new List<string>();
            foreach (string raw in lines)
            {
                string line = raw;
                int hash = line.IndexOf('#');
                if (hash >= 0)
                {
                    line = line.Substring(0, hash);
                }

                line = line.Trim();
                if (line.Length > 0)
                {
                    result.Add(line);
                }
            }

            return result;
        }

        private static void Add(List<ProbeTarget> targets, HashSet<string> names, ProbeTarget target)
        {
            if (names.Add(target.Name))
            {
                targets.Add(target);
            }
        }

        private static int CompareByAddress(DiscoveredProbe a, DiscoveredProbe b)
        {
            byte[] x = IPAddress.TryParse(a.Address, out IPAddress ax) ? ax.GetAddressBytes() : new byte[0];
            byte[] y = IPAddress.TryParse(b.Address, out IPAddress bx) ? bx.GetAddressBytes() : new byte[0];
            for (int i = 0; i < Math.Min(x.Length, y.Length); i++)
            {
                if (x[i] != y[i])
                {
                    return x[i].CompareTo(y[i]);
                }
            }

            int byLength = x.Length.CompareTo(y.Length);
            return byLength != 0 ? byLength : a.HttpPort.CompareTo(b.HttpPort);
        }
    }
}
