using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Threading;
using Ipenergy.Probe.App;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Simulator;

namespace Ipenergy.Probe.Benchmarks
{
    /// <summary>
    /// The managed-heap budget (issue 11): bytes the firmware keeps alive after start-up for an MPP18 (and an MPP3)
    /// with every service on, on the host (GC.GetTotalMemory) and as a nanoCLR estimate (object graph walked by
    /// reflection, <see cref="HeapBudgetModel"/>), what each service retains, the largest objects, and the bytes
    /// allocated per second of operation with HTTP, Modbus and SNMP polled once a second. Figures are printed,
    /// never asserted. Usage: dotnet run -c Release --project tools/benchmarks -- --heap [--warmup S] [--phase S] [--time-scale X] [--modules N] [--tree MINBYTES]
    /// </summary>
    public static class HeapBudgetBenchmark
    {
        /// <summary>The goal: what an ESP32 without PSRAM leaves a nanoFramework application.</summary>
        public const long BudgetBytes = 64 * 1024;

        public static int Run(string[] args)
        {
            double warmup = 10, phase = 10, timeScale = 5, tree = 0;
            int modules = 8;
            for (int i = 0; i + 1 < args.Length; i += 2)
            {
                double v = double.Parse(args[i + 1], CultureInfo.InvariantCulture);
                switch (args[i])
                {
                    case "--warmup": warmup = v; break;
                    case "--phase": phase = v; break;
                    case "--time-scale": timeScale = v; break;
                    case "--tree": tree = v; break;
                    case "--modules": modules = (int)v; break;
                    default: Console.Error.WriteLine("error: unknown option " + args[i]); return 2;
                }
            }

            Console.WriteLine("Managed-heap budget, e-Probe with every service on: HTTP, Modbus-TCP, SNMP + traps, syslog, SNTP (silent server),");
            Console.WriteLine("history, alarms, front panel, bus GATEWAY over a simulated RS-485 hub (115200 8E1) with no module (polls 1..31);");
            Console.WriteLine("last rows: the bus SLAVE role instead, the gateway with " + modules + " MPP18 modules answering, and the metering-IC front end.");
            Console.WriteLine("Warm-up " + F(warmup) + " simulated s at time-scale " + F(timeScale) + "; steady state " + F(phase) + " simulated s per phase.");
            Console.WriteLine();
            PrewarmHostRuntime();

            // The gateway logs each module going online/offline: keep the tables readable.
            System.IO.TextWriter console = Console.Out;
            Console.SetOut(System.IO.TextWriter.Null);
            List<LiveFigures> runs;
            try
            {
                runs = new List<LiveFigures>
                {
                    MeasureLive("MPP18", "cold: first app in the process, statics loaded here", warmup, timeScale, false),
                    MeasureLive("MPP3", "statics already loaded", warmup, timeScale, false),
                    MeasureLive("MPP18", "warm: statics already loaded", warmup, timeScale, true, phase),
                    MeasureLive("MPP18", "bus slave instead of gateway", warmup, timeScale, false, phase, BusRoles.Slave),
                    MeasureLive("MPP18", "gateway with " + modules + " MPP18 modules online", warmup, timeScale, false, phase, BusRoles.Gateway, modules),
                    MeasureLive("MPP18", "metering ICs: 6 simulated ATM90E32 instead of the ADC engine", warmup, timeScale, false, phase,
                        BusRoles.Gateway, 0, true),
                };
            }
            finally
            {
                Console.SetOut(console);
            }

            Console.WriteLine("nanoCLR estimate model (approximations of nanoCLR 1.x's heap, not measurements):");
            foreach (string a in HeapBudgetModel.Assumptions)
            {
                Console.WriteLine("  - " + a);
            }

            Console.WriteLine("  - walked: the firmware's objects reachable from the ProbeApp and from the static fields of every firmware type");
            Console.WriteLine("  - skipped (priced 0): host runtime objects (threads, sockets, wait handles...) and the simulator's HAL objects");
            Console.WriteLine("  - not in the estimate: nanoCLR's per-assembly runtime tables, thread objects and stack frames, native (lwIP/Wi-Fi) buffers");
            Console.WriteLine();
            Console.WriteLine("| app | live bytes (host, GC.GetTotalMemory) | nanoCLR estimate (app + statics) | of which statics | objects | budget | verdict |");
            Console.WriteLine("|---|---|---|---|---|---|---|");
            foreach (LiveFigures r in runs)
            {
                string seen = r.ModulesSeen > 0 ? ", " + r.ModulesSeen + " bus modules answered" : "";
                // With modules on the hub their own threads and buffers change between the two readings: no host figure.
                string host = r.ModulesSeen > 0 ? "n/a (the modules' objects move too)" : r.HostLive.ToString(CultureInfo.InvariantCulture);
                Console.WriteLine("| " + r.Model + " (" + r.Note + seen + ") | " + host + " | " + r.Estimate + " | " + r.Statics + " | " + r.Objects + " | "
                    + BudgetBytes + " | " + Verdict(r.Estimate) + " |");
            }

            LiveFigures main = runs[2];
            Console.WriteLine();
            Console.WriteLine("Top 10 retainers, MPP18 (estimated bytes each keeps alive alone; shared objects are listed on their own):");
            PrintRetainers(main.Retainers.Take(10));
            Console.WriteLine();
            Console.WriteLine("Inside the top 10 (what each keeps alive, one level down, 6 largest):");
            Console.WriteLine("| retainer | inside | type | retained bytes | own bytes |");
            Console.WriteLine("|---|---|---|---|---|");
            foreach (HeapBudgetGraph.Retainer top in main.Retainers.Take(10))
            {
                foreach (HeapBudgetGraph.Retainer r in main.Graph.Inside(top).Take(6))
                {
                    Console.WriteLine("| " + top.Path + " | " + r.Path + " | " + r.Type + " | " + r.Bytes + " | " + r.Shallow + " |");
                }
            }

            Console.WriteLine();
            if (tree > 0)
            {
                Console.WriteLine("Retention tree, MPP18: every object retaining at least " + F(tree) + " bytes (--tree), indented under what keeps it alive:");
                foreach (HeapBudgetGraph.Retainer top in main.Retainers)
                {
                    PrintTree(main.Graph, top, (long)tree, 0);
                }

                Console.WriteLine();
            }

            Console.WriteLine("Per service, MPP18 (every object the ProbeApp alone retains, estimated; those under 100 bytes summed on the last row):");
            var services = main.Retainers.Where(r => r.Path.StartsWith("ProbeApp", StringComparison.Ordinal)).ToList();
            PrintRetainers(services.Where(r => r.Bytes >= 100));
            Console.WriteLine("| " + services.Count(r => r.Bytes < 100) + " smaller objects (strings, locks, ...) | | " + services.Where(r => r.Bytes < 100).Sum(r => r.Bytes) + " | |");
            Console.WriteLine("| ProbeApp itself | ProbeApp | " + main.AppOwnBytes + " | " + main.AppOwnBytes + " |");
            Console.WriteLine();
            LiveFigures bus = runs[4];
            Console.WriteLine("Bus gateway's retainers with " + bus.ModulesSeen + " MPP18 modules online (estimated; per module: "
                + ((bus.Estimate - main.Estimate) / Math.Max(1, bus.ModulesSeen)) + " bytes over the empty bus):");
            PrintRetainers(bus.Retainers.Where(r => r.Path.Contains("Modules", StringComparison.Ordinal) || r.Path.Contains("gateway", StringComparison.OrdinalIgnoreCase)).Take(8));
            Console.WriteLine();
            Console.WriteLine("Largest single objects, MPP18 (estimated):");
            PrintRetainers(main.Largest);
            Console.WriteLine();
            Console.WriteLine("By type, MPP18 (estimated bytes of all objects of the type, 12 largest):");
            Console.WriteLine("| type | bytes |");
            Console.WriteLine("|---|---|");
            foreach (KeyValuePair<string, long> t in main.Graph.ByType().Take(12))
            {
                Console.WriteLine("| " + t.Key + " | " + t.Value + " |");
            }

            Console.WriteLine();
            Console.WriteLine("Skipped objects reachable from the app, MPP18 (host runtime, simulator HAL): "
                + string.Join(", ", main.Skipped.OrderByDescending(p => p.Value).Select(p => p.Value + " " + p.Key)));
            Console.WriteLine();
            PrintAllocation(main);
            Console.WriteLine();
            PrintMeteringAlone("MPP18");
            return 0;
        }

        /// <summary>Live figures of one app after start-up and warm-up.</summary>
        public sealed class LiveFigures
        {
            public string Model;
            public string Note;
            public long HostLive;
            public long Estimate;
            public long Statics;
            public int Objects;
            public List<HeapBudgetGraph.Retainer> Retainers;
            public HeapBudgetGraph Graph;
            public long AppOwnBytes;
            public List<HeapBudgetGraph.Retainer> Largest;
            public IReadOnlyDictionary<string, int> Skipped;
            public List<PhaseFigures> Phases;
            public long SnapshotEstimate;
            public int QueueCapacity;
            public int ModulesSeen;
            public int HttpBytes;
        }

        /// <summary>Bytes allocated per simulated second in one steady-state phase.</summary>
        public sealed class PhaseFigures
        {
            public string Name;
            public int Seconds;
            public double Mean;
            public long Peak;
            public int Failures;
        }

        /// <summary>
        /// Builds, starts and warms up one app, then measures: host live bytes (after minus before construction,
        /// the rig's HAL objects excluded), the nanoCLR estimate, and with <paramref name="steadyState"/> the
        /// allocation phases.
        /// </summary>
        public static LiveFigures MeasureLive(string model, string note, double warmup, double timeScale, bool steadyState, double phaseSeconds = 10,
            int busRole = BusRoles.Gateway, int modules = 0, bool chips = false)
        {
            using (HeapBudgetRig rig = HeapBudgetRig.Prepare(model, timeScale, busRole, modules, chips))
            {
                MeterConfig config = rig.Config();
                long before = SettledTotalMemory();
                ProbeApp app = rig.Construct(config);
                config = null;
                rig.Start();
                rig.RunUntil(warmup, TimeSpan.FromSeconds(60 + 5 * warmup));
                WaitForFirstSecond(app);
                WaitForModules(app, modules);
                long after = SettledTotalMemory();

                HeapBudgetGraph graph = Walk(app);
                var r = new LiveFigures
                {
                    Model = model,
                    Note = note,
                    HostLive = after - before,
                    Estimate = graph.Total,
                    Statics = graph.Total - graph.Retained(app),
                    Objects = graph.ObjectCount,
                    Retainers = graph.RetainersUnder(app),
                    Graph = graph,
                    AppOwnBytes = graph.Shallow(app),
                    Largest = graph.Largest(10),
                    Skipped = graph.Skipped,
                    SnapshotEstimate = SnapshotEstimate(app.Latest),
                    QueueCapacity = QueueCapacity(app),
                    ModulesSeen = ModulesSeen(app),
                };

                if (steadyState)
                {
                    r.Phases = MeasureAllocation(rig, app, phaseSeconds, out r.HttpBytes);
                }

                return r;
            }
        }

        // Bus modules the gateway has heard from (0 on the empty hub; a stray simulated slave that reconnects to a reused
        // port would add its module images to the figure, so the table says it).
        private static int ModulesSeen(ProbeApp app)
        {
            int n = 0;
            if (app.Gateway != null)
            {
                for (int a = app.Gateway.ScanFrom; a <= app.Gateway.ScanTo; a++)
                {
                    n += app.Gateway.Poller.Cache.EverSeen(a) ? 1 : 0;
                }
            }

            return n;
        }

        // Capacity of ProbeApp's queue of published snapshots (ProbeApp._published._ring), 0 when not found.
        private static int QueueCapacity(ProbeApp app)
        {
            object queue = typeof(ProbeApp).GetField("_published", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(app);
            object ring = queue?.GetType().GetField("_ring", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(queue);
            return ring is Array a ? a.Length : 0;
        }

        /// <summary>The estimate's graph: the app and the statics of the firmware's types.</summary>
        public static HeapBudgetGraph Walk(ProbeApp app)
        {
            Assembly firmware = typeof(ProbeApp).Assembly;
            return HeapBudgetGraph.Build(new[] { new KeyValuePair<string, object>("ProbeApp", app) }, firmware, firmware);
        }

        /// <summary>Estimated nanoCLR bytes of one second's snapshot (the object graph under it, statics excluded).</summary>
        public static long SnapshotEstimate(MeasurementSnapshot snapshot)
        {
            Assembly firmware = typeof(ProbeApp).Assembly;
            return HeapBudgetGraph.Build(new[] { new KeyValuePair<string, object>("snapshot", snapshot) }, null, firmware).Total;
        }

        /// <summary>
        /// Steady state, phase by phase: nothing polled, then HTTP, Modbus and SNMP one at a time, then all three, each
        /// once per simulated second. Bytes = GC.GetTotalAllocatedBytes(true) deltas (every thread) minus what the
        /// pollers themselves allocated on this thread.
        /// </summary>
        public static List<PhaseFigures> MeasureAllocation(HeapBudgetRig rig, ProbeApp app, double seconds, out int httpBytes)
        {
            var phases = new List<PhaseFigures>();
            using (var clients = new HeapBudgetClients(app.HttpPort, app.ModbusPort, app.SnmpPort))
            {
                // One round of each first: connection set-up paths and lazily built buffers are not steady state.
                clients.PollHttp();
                if (!clients.PollModbus())
                {
                    Console.WriteLine("warning: Modbus poll failed: " + clients.LastModbusAnswer);
                }

                clients.PollSnmp();
                int n = (int)Math.Max(2, seconds);
                phases.Add(Phase(rig, clients, "idle (metering, history, alarms, panel, gateway, SNTP)", n, false, false, false));
                phases.Add(Phase(rig, clients, "+ HTTP GET /api/v1/measurements once a second", n, true, false, false));
                phases.Add(Phase(rig, clients, "+ Modbus read of 120 registers once a second", n, false, true, false));
                phases.Add(Phase(rig, clients, "+ SNMP GETBULK x10 once a second", n, false, false, true));
                phases.Add(Phase(rig, clients, "+ all three once a second", n, true, true, true));
                httpBytes = clients.LastHttpBytes;
            }

            return phases;
        }

        private static PhaseFigures Phase(HeapBudgetRig rig, HeapBudgetClients clients, string name, int seconds, bool http, bool modbus, bool snmp)
        {
            double t0 = Math.Floor(rig.Samples.SimulatedSeconds) + 1;
            rig.RunUntil(t0, TimeSpan.FromSeconds(30));
            int failures = clients.HttpFailures + clients.ModbusFailures + clients.SnmpFailures;
            long total = GC.GetTotalAllocatedBytes(true), own = GC.GetAllocatedBytesForCurrentThread();
            long sum = 0, peak = 0;
            for (int i = 1; i <= seconds; i++)
            {
                if (http)
                {
                    clients.PollHttp();
                }

                if (modbus)
                {
                    clients.PollModbus();
                }

                if (snmp)
                {
                    clients.PollSnmp();
                }

                rig.RunUntil(t0 + i, TimeSpan.FromSeconds(30));
                long total2 = GC.GetTotalAllocatedBytes(true), own2 = GC.GetAllocatedBytesForCurrentThread();
                long bytes = (total2 - total) - (own2 - own);
                sum += bytes;
                peak = Math.Max(peak, bytes);
                total = total2;
                own = GC.GetAllocatedBytesForCurrentThread();
            }

            return new PhaseFigures
            {
                Name = name,
                Seconds = seconds,
                Mean = sum / (double)seconds,
                Peak = peak,
                Failures = clients.HttpFailures + clients.ModbusFailures + clients.SnmpFailures - failures,
            };
        }

        /// <summary>The metering engine alone on this thread (free-running ADC): bytes allocated per simulated second.</summary>
        public static double MeteringBytesPerSecond(string model, int seconds, out MeasurementSnapshot last)
        {
            Scenario scenario = DefaultScenario.Create(model);
            WaveformSynthesizer adc = WaveformSynthesizer.CreateFreeRunning(scenario);
            var clock = new SimulatedClock(adc, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            var engine = new MeteringEngine(MeterConfigFactory.Create(scenario), adc.FrontEnd, clock);
            var block = new SampleBlock(adc.FrontEnd.ChannelsPerFrame, Math.Max(16, adc.FrontEnd.SampleRateHz / 50));
            while (adc.SimulatedSeconds < 2 && adc.Read(block))
            {
                engine.Process(block);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            double start = adc.SimulatedSeconds;
            while (adc.SimulatedSeconds < start + seconds && adc.Read(block))
            {
                engine.Process(block);
            }

            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            last = engine.Latest;
            return bytes / (adc.SimulatedSeconds - start);
        }

        private static void PrintAllocation(LiveFigures r)
        {
            Console.WriteLine("Allocation in steady state, MPP18, bytes per simulated second (host .NET objects, every thread, the pollers' own");
            Console.WriteLine("allocations taken off; GC.GetTotalAllocatedBytes(true) at each simulated second):");
            Console.WriteLine("| phase | seconds | mean bytes/s | peak bytes in one second | failed requests |");
            Console.WriteLine("|---|---|---|---|---|");
            foreach (PhaseFigures p in r.Phases)
            {
                Console.WriteLine("| " + p.Name + " | " + p.Seconds + " | " + p.Mean.ToString("F0", CultureInfo.InvariantCulture) + " | " + p.Peak + " | " + p.Failures + " |");
            }

            Console.WriteLine("Largest short-lived allocation known: the snapshot of each second, nanoCLR estimate " + r.SnapshotEstimate
                + " bytes (MPP18); the HTTP answer streamed was " + r.HttpBytes + " bytes.");
            if (r.QueueCapacity > 0)
            {
                Console.WriteLine("Worst case held by the published-snapshot queue if the services thread stalls: " + r.QueueCapacity + " x "
                    + r.SnapshotEstimate + " = " + (r.QueueCapacity * r.SnapshotEstimate) + " bytes (nanoCLR estimate).");
            }
        }

        private static void PrintMeteringAlone(string model)
        {
            double perSecond = MeteringBytesPerSecond(model, 5, out MeasurementSnapshot last);
            Console.WriteLine("Metering thread alone, " + model + " (MeteringEngine.Process on one thread, free-running ADC, 5 simulated s): "
                + perSecond.ToString("F0", CultureInfo.InvariantCulture) + " host bytes per second; one snapshot = "
                + SnapshotEstimate(last) + " bytes nanoCLR estimate.");
        }

        private static void PrintTree(HeapBudgetGraph graph, HeapBudgetGraph.Retainer r, long min, int depth)
        {
            if (r.Bytes < min)
            {
                return;
            }

            Console.WriteLine(new string(' ', 2 * depth) + r.Bytes + " " + r.Path + " (" + r.Type + ", own " + r.Shallow + ")");
            foreach (HeapBudgetGraph.Retainer c in graph.Inside(r))
            {
                PrintTree(graph, c, min, depth + 1);
            }
        }

        private static void PrintRetainers(IEnumerable<HeapBudgetGraph.Retainer> list)
        {
            Console.WriteLine("| path (first found from the roots) | type | retained bytes | own bytes |");
            Console.WriteLine("|---|---|---|---|");
            foreach (HeapBudgetGraph.Retainer r in list)
            {
                Console.WriteLine("| " + r.Path + " | " + r.Type + " | " + r.Bytes + " | " + r.Shallow + " |");
            }
        }

        private static string Verdict(long estimate)
        {
            return estimate <= BudgetBytes
                ? "fits (" + (BudgetBytes - estimate) + " bytes left)"
                : "OVER by " + (estimate - BudgetBytes) + " bytes";
        }

        // GC.GetTotalMemory(true) once the previous run's threads and finalizers are done: two readings within 1 %.
        private static long SettledTotalMemory()
        {
            long last = GC.GetTotalMemory(true);
            for (int i = 0; i < 20; i++)
            {
                Thread.Sleep(50);
                GC.WaitForPendingFinalizers();
                long now = GC.GetTotalMemory(true);
                if (Math.Abs(now - last) <= last / 100)
                {
                    return now;
                }

                last = now;
            }

            return last;
        }

        // Every module of the bus polled once at least (its image cached), bounded.
        private static void WaitForModules(ProbeApp app, int modules)
        {
            var wall = System.Diagnostics.Stopwatch.StartNew();
            while (ModulesSeen(app) < modules)
            {
                if (wall.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new TimeoutException("the gateway heard " + ModulesSeen(app) + " of " + modules + " modules within 60 s");
                }

                Thread.Sleep(20);
            }
        }

        private static void WaitForFirstSecond(ProbeApp app)
        {
            var wall = System.Diagnostics.Stopwatch.StartNew();
            while (app.Latest == null)
            {
                if (wall.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new TimeoutException("no measurement second within 60 s");
                }

                Thread.Sleep(10);
            }
        }

        // Sockets, threads and timers of the host runtime built once before the first baseline, so that their
        // lazy set-up is not counted as the firmware's.
        private static void PrewarmHostRuntime()
        {
            using (var listener = new TcpListener(IPAddress.Loopback, 0))
            {
                listener.Start();
                using (var client = new TcpClient())
                {
                    client.Connect((IPEndPoint)listener.LocalEndpoint);
                    using (Socket accepted = listener.AcceptSocket())
                    {
                        client.Client.Send(new byte[] { 1 });
                        accepted.Receive(new byte[1]);
                    }
                }

                listener.Stop();
            }

            using (var a = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)))
            using (var b = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)))
            {
                a.Send(new byte[] { 1 }, 1, (IPEndPoint)b.Client.LocalEndPoint);
                IPEndPoint from = null;
                b.Receive(ref from);
            }

            var t = new Thread(() => Thread.Sleep(1));
            t.Start();
            t.Join();
            GC.Collect();
        }

        private static string F(double x)
        {
            return x.ToString("0.##", CultureInfo.InvariantCulture);
        }
    }
}
