using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using Ipenergy.Probe.App;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Simulator;
using Ipenergy.Probe.Storage;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;

namespace Ipenergy.Probe.Tests.Storage
{
    /// <summary>ProbeApp's policy in process: restore at boot, save every interval of device time and once more on Stop.</summary>
    [Collection(AloneCollection.Name)]
    public sealed class EnergyPersistenceTests : IDisposable
    {
        private const int Channels = 3;
        private readonly string _dir = Directory.CreateTempSubdirectory("energy-test-").FullName;
        private readonly Scenario _scenario = DefaultScenario.Create("MPP3");

        public void Dispose()
        {
            Directory.Delete(_dir, true);
        }

        [Fact]
        public void SavesOnScheduleAndOnStopThenRestoresAtBoot()
        {
            long[] final = new long[Channels * EnergyStore.RegistersPerChannel];
            uint firstBoot;
            using (FileFlashStorage flash = new FileFlashStorage(_dir, "MPP3", new FlashWriteDelay(0)))
            {
                double ran = RunFor(flash, 45.5, 10000, final, out uint sequence);

                // Periodic saves at 10, 20, 30, 40 s of device time, then the shutdown save. The free-running
                // source may overshoot the 45.5 s asked for before it is stopped: count by what really ran.
                EnergyStore store = OpenStore(flash);
                AssertSaves(ran, 0u, store.SavedSequence);
                firstBoot = store.SavedSequence;
                Assert.Equal(EnergyStore.ReasonShutdown, store.SavedReason);
                Assert.Equal(final, store.SavedMilliUnits);
                Assert.True(final[0] > 0, "channel 1 imported nothing");
                Assert.InRange(store.SavedUptimeMilliseconds, 45500, (long)(ran * 1000) + 1000);
            }

            using (FileFlashStorage flash = new FileFlashStorage(_dir, "MPP3", new FlashWriteDelay(0)))
            {
                long[] after = new long[final.Length];
                double seconds = RunFor(flash, 12.5, 10000, after, out _);
                double truthWh = new ScenarioTruth(_scenario).Energy(1, 0, seconds).ImportWh;
                double gainedWh = (after[0] - final[0]) / 1000.0;

                // The second boot continues from the saved counters: what it adds is what it measured.
                Assert.True(Math.Abs(gainedWh - truthWh) < truthWh / seconds * 1.0 + 0.01 * truthWh,
                    "after a reboot channel 1 gained " + gainedWh + " Wh in " + seconds + " s, truth " + truthWh + " Wh");
                for (int i = 0; i < final.Length; i++)
                {
                    Assert.True(after[i] >= final[i], "register " + i + " went back from " + final[i] + " to " + after[i]);
                }

                AssertSaves(seconds, firstBoot, OpenStore(flash).SavedSequence);   // + a periodic save every 10 s + the shutdown save
            }
        }

        /// <summary>One periodic save per 10 s of device time run, plus the shutdown save (a block either side of a boundary may go either way).</summary>
        private static void AssertSaves(double secondsRun, uint before, uint sequence)
        {
            uint low = before + (uint)Math.Floor((secondsRun - 0.05) / 10.0) + 1;
            uint high = before + (uint)Math.Floor((secondsRun + 0.05) / 10.0) + 1;
            Assert.InRange(sequence, low, high);
        }

        [Fact]
        public void WithoutFlashNothingIsSaved()
        {
            WaveformSynthesizer adc = WaveformSynthesizer.CreateFreeRunning(_scenario, 3200);
            SimulatedClock clock = new SimulatedClock(adc, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            ProbeApp app = new ProbeApp(adc, clock, MeterConfigFactory.Create(_scenario), "127.0.0.1", 0);
            app.Start();
            WaitForDeviceTime(clock, 3.0);
            adc.Stop();
            app.Stop();
            Assert.Null(app.EnergyStore);
            Assert.Null(app.Flash);
        }

        /// <summary>Boots an e-Probe on the flash, runs it for the device seconds given, stops it; returns the device seconds run.</summary>
        private double RunFor(IFlashStorage flash, double seconds, long intervalMs, long[] countersAtStop, out uint sequenceAtStop)
        {
            WaveformSynthesizer adc = WaveformSynthesizer.CreateFreeRunning(_scenario, 3200);
            SimulatedClock clock = new SimulatedClock(adc, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            ProbeApp app = new ProbeApp(adc, clock, MeterConfigFactory.Create(_scenario), "127.0.0.1", 0, flash);
            app.EnergySaveIntervalMilliseconds = intervalMs;
            app.Start();
            WaitForDeviceTime(clock, seconds);
            adc.Stop();
            app.Stop();
            app.Engine.CopyEnergy(countersAtStop);
            sequenceAtStop = app.EnergyStore.SavedSequence;
            return adc.SimulatedSeconds;
        }

        private static void WaitForDeviceTime(SimulatedClock clock, double seconds)
        {
            // Free-running: the metering loop is the only brake, so a paused source would be a bug; bound the wait.
            Stopwatch wall = Stopwatch.StartNew();
            while (clock.MonotonicMilliseconds < seconds * 1000)
            {
                Assert.True(wall.Elapsed < TimeSpan.FromSeconds(60), "device time stuck at " + clock.MonotonicMilliseconds + " ms");
                Thread.Sleep(1);
            }
        }

        private static EnergyStore OpenStore(IFlashStorage flash)
        {
            EnergyStore store = new EnergyStore(flash.Partition(FlashPartitionNames.Energy), Channels);
            store.Open();
            return store;
        }
    }
}
