using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Ipenergy.Probe.App;
using Ipenergy.Probe.Protocols.Snmp;
using Ipenergy.Probe.Simulator;
using Ipenergy.Probe.Tests.Snmp;
using Ipenergy.Probe.Tests.Unit.Snmp;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.EndToEnd
{
    /// <summary>
    /// Microseconds per varbind of a full snmpbulkwalk (net-snmp's client, the same options) against the
    /// virtual e-Probe's agent (MPP18) and against net-snmp's snmpd on loopback in the same run, and bytes
    /// allocated per request by our message layer over the real MIB. Figures are printed, never asserted
    /// against a time: a loaded CI host must not fail the suite.
    /// </summary>
    [Collection(AloneCollection.Name)]
    public sealed class SnmpBenchmarkTests
    {
        private const int Rounds = 5;
        private readonly ITestOutputHelper _output;

        public SnmpBenchmarkTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void FullBulkWalkMicrosecondsPerVarbindAgainstSnmpd()
        {
            using var snmpd = new SnmpdReference("public");
            using var probe = new VirtualProbe("--model", "MPP18");
            probe.MeasurementsAfter(1.5);
            WaitUntilAnswering(snmpd.Port);

            var ours = new List<Walk>();
            var theirs = new List<Walk>();
            Time(probe.SnmpPort);
            Time(snmpd.Port);
            for (int round = 0; round < Rounds; round++)
            {
                // Alternating rounds: a burst of load on the host hits both agents alike.
                ours.Add(Time(probe.SnmpPort));
                theirs.Add(Time(snmpd.Port));
            }

            // The same client's start-up and one round trip, measured the same way, is taken off both. Best of
            // the rounds everywhere: the fastest run is the one least disturbed by whatever else the host runs.
            double startup = Enumerable.Range(0, Rounds).Select(_ => StartupMs(probe.SnmpPort)).Min();
            Walk our = ours.OrderBy(w => w.Ms).First();
            Walk their = theirs.OrderBy(w => w.Ms).First();
            Assert.True(our.Varbinds > 500 && their.Varbinds > 500, our.Varbinds + " and " + their.Varbinds + " varbinds");
            double ourUs = (our.Ms - startup) * 1000.0 / our.Varbinds;
            double theirUs = (their.Ms - startup) * 1000.0 / their.Varbinds;
            _output.WriteLine("full snmpbulkwalk -v2c (max-repetitions 10) from .1, best of " + Rounds + " alternating rounds:");
            _output.WriteLine("  e-Probe agent (MPP18): " + our.Varbinds + " varbinds in " + our.Ms.ToString("F1") + " ms");
            _output.WriteLine("  net-snmp snmpd:        " + their.Varbinds + " varbinds in " + their.Ms.ToString("F1") + " ms");
            _output.WriteLine("  client start-up + one round trip (snmpget): " + startup.ToString("F1") + " ms, taken off both");
            _output.WriteLine("  us per varbind: e-Probe " + ourUs.ToString("F2") + ", snmpd " + theirUs.ToString("F2")
                + " (ratio snmpd/e-Probe " + (theirUs / ourUs).ToString("F2") + "x; goal: ours <= snmpd)");
            // Figures only: on a loaded host the start-up estimate can exceed a walk, so no check on them.
        }

        [Fact]
        public void MessageLayerOverTheRealMibAllocatesNothingPerRequest()
        {
            Scenario scenario = DefaultScenario.Create("MPP18");
            WaveformSynthesizer adc = WaveformSynthesizer.CreateFreeRunning(scenario, 3200);
            SimulatedClock clock = new SimulatedClock(adc, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            var options = new ProbeOptions { BindAddress = "127.0.0.1", HttpPort = 0, SnmpPort = 0 };
            var app = new ProbeApp(adc, clock, MeterConfigFactory.Create(scenario), null,
                new Ipenergy.Probe.Protocols.Http.SingleUserCredentials("admin", "admin"), options);
            app.Start();
            try
            {
                var wall = Stopwatch.StartNew();
                while (app.Latest == null)
                {
                    Assert.True(wall.Elapsed < TimeSpan.FromSeconds(30), "no snapshot within 30 s");
                    Thread.Sleep(10);
                }

                // The requests of a bulk walk of the whole view (as snmpbulkwalk sends them), then replayed.
                SnmpMessageProcessor processor = app.SnmpMessages;
                var requests = new List<byte[]>();
                string from = "1.3.6.1";
                int varbinds = 0;
                while (true)
                {
                    byte[] request = SnmpPackets.GetBulk("public", 0, 10, new[] { from });
                    requests.Add(request);
                    SnmpTestResponse r = SnmpTestResponse.Parse(SnmpPackets.Answer(processor, request));
                    int i = 0;
                    while (i < r.Count && r.Types[i] != SnmpType.EndOfMibView)
                    {
                        i++;
                    }

                    varbinds += i;
                    if (i < r.Count || r.Count == 0)
                    {
                        break;
                    }

                    from = r.Names[r.Count - 1];
                }

                foreach (byte[] request in requests)
                {
                    processor.Process(request, 0, request.Length);
                }

                const int Walks = 50;
                var watch = Stopwatch.StartNew();
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int w = 0; w < Walks; w++)
                {
                    foreach (byte[] request in requests)
                    {
                        processor.Process(request, 0, request.Length);
                    }
                }

                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                watch.Stop();
                _output.WriteLine("real MIB (MPP18): " + varbinds + " varbinds in " + requests.Count + " GETBULK requests; "
                    + (watch.Elapsed.TotalMilliseconds * 1000.0 / (Walks * (double)varbinds)).ToString("F2")
                    + " us per varbind in process (decode, MIB, encode); " + allocated + " bytes allocated over "
                    + (Walks * requests.Count) + " requests");
                Assert.True(varbinds > 500, varbinds + " varbinds");
                Assert.Equal(0, allocated);
            }
            finally
            {
                adc.Stop();
                app.Stop();
            }
        }

        private sealed class Walk
        {
            public double Ms;
            public int Varbinds;
        }

        private static Walk Time(int port)
        {
            var watch = Stopwatch.StartNew();
            var r = NetSnmpTool.RunWithin(120000, "snmpbulkwalk", "-v2c", "-c", "public", "-On", "-m", "", "-r", "3", "-t", "10", "127.0.0.1:" + port, ".1");
            watch.Stop();
            Assert.True(r.ExitCode == 0, r.All);
            return new Walk { Ms = watch.Elapsed.TotalMilliseconds, Varbinds = NetSnmpTool.Lines(r.Output).Count(l => l.StartsWith(".1.", StringComparison.Ordinal)) };
        }

        private static double StartupMs(int port)
        {
            var watch = Stopwatch.StartNew();
            var r = NetSnmpTool.Run("snmpget", "-v2c", "-c", "public", "-On", "-m", "", "-r", "3", "-t", "10", "127.0.0.1:" + port, ".1.3.6.1.2.1.1.3.0");
            watch.Stop();
            Assert.True(r.ExitCode == 0, r.All);
            return watch.Elapsed.TotalMilliseconds;
        }

        private static void WaitUntilAnswering(int port)
        {
            var watch = Stopwatch.StartNew();
            while (true)
            {
                var r = NetSnmpTool.Run("snmpget", "-v2c", "-c", "public", "-On", "-m", "", "-r", "0", "-t", "1", "127.0.0.1:" + port, ".1.3.6.1.2.1.1.3.0");
                if (r.ExitCode == 0)
                {
                    return;
                }

                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), "snmpd did not answer within 20 s: " + r.All);
                Thread.Sleep(200);
            }
        }
    }
}
