using System;
using System.Diagnostics;
using System.Threading;
using Ipenergy.Probe.App;
using Ipenergy.Probe.Bus;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Protocols.Modbus;
using Ipenergy.Probe.Protocols.Modbus.Maps;
using Ipenergy.Probe.Tests.BusSim;
using Ipenergy.Probe.Tests.Unit.ModbusMaps;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Bus
{
    /// <summary>
    /// Faults on the simulator's socket bus against the gateway's real poll path (GatewayService, its
    /// ModuleCache and GatewayModules): three RtuSlave threads answering the vendor map; garbage sprayed on
    /// the line while the gateway polls, then one slave at the wrong baud rate. The gateway never stalls, the
    /// healthy slaves keep updating, the faults land in the per-module error counters, and the slave at the
    /// wrong baud goes offline within 3 polls and comes back once its baud is right again.
    /// </summary>
    [Collection(AloneCollection.Name)]
    public sealed class GatewayFaultTests
    {
        private const int Slaves = 3;
        private readonly ITestOutputHelper _output;

        public GatewayFaultTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void GarbageAndAWrongBaudRateCountAsErrorsAndNeverStallTheBus()
        {
            using var bench = new BusBench();
            var sources = new FixedMeasurementSource[Slaves];
            var slaves = new RtuSlave[Slaves];
            var threads = new Thread[Slaves];
            for (int i = 0; i < Slaves; i++)
            {
                sources[i] = new FixedMeasurementSource { Latest = Snapshot(1, 10.0 * (i + 1)) };
                var processor = new ModbusPduProcessor(new VendorMap(sources[i], 3, 0), new ModbusDeviceIdentification("MPP3", "1.0"));
                slaves[i] = new RtuSlave(bench.Join("slave" + (i + 1)), new SystemBusClock(), processor, i + 1, null);
                threads[i] = new Thread(slaves[i].Run) { IsBackground = true };
                threads[i].Start();
            }

            var gateway = new GatewayService(bench.Join("gateway"), new BusConfig { GatewayScanFrom = 1, GatewayScanTo = Slaves });
            BusPoller poller = gateway.Poller;
            IModuleDirectory modules = gateway.Modules;
            try
            {
                PollCycles(poller, 2);
                for (int a = 1; a <= Slaves; a++)
                {
                    Assert.Equal(ModuleStatus.Online, modules.StatusOf(a));
                }

                // 1. Garbage: a sprayer thread puts bursts of random bytes on the line while the gateway polls.
                long[] before = Errors(modules);
                long[] goodBefore = GoodPolls(modules);
                using (var spray = new NoiseSprayer(bench))
                {
                    for (int round = 2; round < 22; round++)
                    {
                        SetAll(sources, round);
                        PollCycles(poller, 1);
                    }
                }

                PollCycles(poller, 2);
                long[] afterNoise = Errors(modules);
                Report("after 20 cycles with garbage sprayed on the line", modules, poller);
                long noiseErrors = 0;
                for (int a = 1; a <= Slaves; a++)
                {
                    noiseErrors += afterNoise[a] - before[a];
                    Assert.Equal(ModuleStatus.Online, modules.StatusOf(a));
                    Assert.Equal(21, (int)modules.LatestOf(a).Sequence);
                }

                Assert.True(noiseErrors > 0, "garbage on the line during 20 poll cycles left no error in any module's counters");
                long[] goodAfter = GoodPolls(modules);
                for (int a = 1; a <= Slaves; a++)
                {
                    // Sparse garbage spoils some frames, not the bus: every module still got through.
                    Assert.True(goodAfter[a] - goodBefore[a] > 2, "module " + a + " never answered a poll while garbage was sprayed");
                }

                // 2. Slave 2 at the wrong baud rate: offline within 3 polls, the others keep updating.
                bench.Hub.SetWrongBaud("slave2", true);
                int polls = 0;
                while (modules.StatusOf(2) == ModuleStatus.Online && polls < 10)
                {
                    SetAll(sources, 100 + polls);
                    PollCycles(poller, 1);
                    polls++;
                }

                Report("slave 2 at the wrong baud rate, offline after " + polls + " polls", modules, poller);
                Assert.Equal(ModuleStatus.Offline, modules.StatusOf(2));
                Assert.InRange(polls, 1, BusPoller.OfflineAfterMisses);
                Assert.True(modules.CounterOf(2, ModuleCounters.WentOffline) >= 1, "wentOffline counted");
                Assert.True(Errors(modules)[2] - afterNoise[2] >= BusPoller.OfflineAfterMisses, "the wrong baud rate shows in slave 2's error counters");
                Assert.Equal(ModuleStatus.Online, modules.StatusOf(1));
                Assert.Equal(ModuleStatus.Online, modules.StatusOf(3));
                Assert.Equal(100 + polls - 1, (int)modules.LatestOf(3).Sequence);

                // 3. Right baud again: picked up at the next poll.
                bench.Hub.SetWrongBaud("slave2", false);
                PollCycles(poller, 2);
                Assert.Equal(ModuleStatus.Online, modules.StatusOf(2));
                Report("slave 2 back at the right baud rate", modules, poller);
            }
            finally
            {
                for (int i = 0; i < Slaves; i++)
                {
                    slaves[i].Stop();
                }

                for (int i = 0; i < Slaves; i++)
                {
                    Assert.True(threads[i].Join(3000), "slave thread " + (i + 1) + " stops");
                }
            }
        }

        /// <summary>Polls; a cycle that does not return within 10 s would be a stalled bus (each request is bounded by its timeout and retries).</summary>
        private static void PollCycles(BusPoller poller, int cycles)
        {
            for (int i = 0; i < cycles; i++)
            {
                var done = new ManualResetEventSlim();
                var t = new Thread(() => { poller.PollCycle(); done.Set(); }) { IsBackground = true };
                t.Start();
                Assert.True(done.Wait(10000), "a poll cycle did not end: the bus stalled");
            }
        }

        private static long[] Errors(IModuleDirectory modules)
        {
            var sums = new long[Slaves + 1];
            for (int a = 1; a <= Slaves; a++)
            {
                sums[a] = modules.CounterOf(a, ModuleCounters.CrcErrors) + modules.CounterOf(a, ModuleCounters.Timeouts)
                    + modules.CounterOf(a, ModuleCounters.Unexpected) + modules.CounterOf(a, ModuleCounters.MissedPolls);
            }

            return sums;
        }

        private static long[] GoodPolls(IModuleDirectory modules)
        {
            var good = new long[Slaves + 1];
            for (int a = 1; a <= Slaves; a++)
            {
                good[a] = modules.CounterOf(a, ModuleCounters.Polls) - modules.CounterOf(a, ModuleCounters.MissedPolls);
            }

            return good;
        }

        private void Report(string when, IModuleDirectory modules, BusPoller poller)
        {
            _output.WriteLine(when + " (last cycle " + poller.LastCycleUs / 1000.0 + " ms):");
            for (int a = 1; a <= Slaves; a++)
            {
                string line = "  module " + a + " " + ModuleStatus.Name(modules.StatusOf(a)) + ":";
                for (int c = 0; c < ModuleCounters.Count; c++)
                {
                    line += " " + ModuleCounters.Name(c) + "=" + modules.CounterOf(a, c);
                }

                _output.WriteLine(line);
            }
        }

        private static void SetAll(FixedMeasurementSource[] sources, long sequence)
        {
            for (int i = 0; i < sources.Length; i++)
            {
                sources[i].Latest = Snapshot(sequence, 10.0 * (i + 1));
            }
        }

        private static MeasurementSnapshot Snapshot(long sequence, double amps)
        {
            var phases = new PhaseValues[3];
            for (int p = 0; p < 3; p++)
            {
                phases[p] = new PhaseValues(p) { Vrms = 230, FundamentalVrms = 230, FrequencyHz = 50, Present = true };
            }

            var channels = new ChannelValues[3];
            for (int c = 0; c < 3; c++)
            {
                channels[c] = new ChannelValues(c + 1, c) { Irms = amps, ActivePowerW = 230 * amps, ApparentPowerVA = 230 * amps, PowerFactor = 1, CosPhi = 1 };
            }

            return new MeasurementSnapshot(phases, channels, new CircuitValues[0]) { Sequence = sequence, Timestamp = DateTime.UtcNow, FrequencyHz = 50 };
        }

        /// <summary>Sprays bursts of 8-40 random bytes onto the line every 40-120 ms until disposed (a few % of the line's time).</summary>
        private sealed class NoiseSprayer : IDisposable
        {
            private readonly Thread _thread;
            private volatile bool _stop;

            public NoiseSprayer(BusBench bench)
            {
                var random = new Random(9);
                _thread = new Thread(() =>
                {
                    while (!_stop)
                    {
                        bench.Hub.InjectNoise(8 + random.Next(33));
                        Thread.Sleep(40 + random.Next(81));
                    }
                }) { IsBackground = true };
                _thread.Start();
            }

            public void Dispose()
            {
                _stop = true;
                _thread.Join();
            }
        }
    }
}
