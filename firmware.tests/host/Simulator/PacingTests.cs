using System;
using System.Diagnostics;
using System.Threading;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Simulator;
using Xunit;

namespace Ipenergy.Probe.Tests.Simulator
{
    public class PacingTests
    {
        private static double WallSecondsFor(WaveformSynthesizer synth, double simulatedSeconds)
        {
            SampleBlock block = new SampleBlock(synth.FrontEnd.ChannelsPerFrame, 64);
            long frames = (long)(simulatedSeconds * synth.SampleRateHz);
            Stopwatch sw = Stopwatch.StartNew();
            while (synth.FramesProduced < frames)
            {
                Assert.True(synth.Read(block));
            }

            return sw.Elapsed.TotalSeconds;
        }

        [Fact]
        public void TimeScaleOneRunsInRealTime()
        {
            WaveformSynthesizer synth = new WaveformSynthesizer(DefaultScenario.Create("MPP3"), 3200, 1.0);
            double wall = WallSecondsFor(synth, 0.4);
            Assert.True(wall >= 0.4 - 0.002, "0.4 simulated s took only " + wall + " s of wall clock");
            Assert.True(wall < 2.0, "0.4 simulated s took " + wall + " s of wall clock");
        }

        [Fact]
        public void TimeScaleRunsThatManyTimesFaster()
        {
            WaveformSynthesizer synth = new WaveformSynthesizer(DefaultScenario.Create("MPP18"), 3200, 20.0);
            double wall = WallSecondsFor(synth, 4.0);   // 0.2 s of wall clock
            Assert.True(wall >= 0.2 - 0.002, "4 simulated s at time-scale 20 took only " + wall + " s");
            Assert.True(wall < 1.5, "4 simulated s at time-scale 20 took " + wall + " s");
        }

        [Fact]
        public void FreeRunningDoesNotWait()
        {
            WaveformSynthesizer synth = WaveformSynthesizer.CreateFreeRunning(DefaultScenario.Create("MPP18"));
            Assert.True(synth.IsFreeRunning);
            double wall = WallSecondsFor(synth, 20.0);
            Assert.True(wall < 10.0, "20 simulated s free-running took " + wall + " s");
        }

        [Fact]
        public void StopReleasesAWaitingRead()
        {
            // At time-scale 0.001 the first 20 ms block is due in 20 s: only Stop can end the wait.
            WaveformSynthesizer synth = new WaveformSynthesizer(DefaultScenario.Create("MPP3"), 3200, 0.001);
            SampleBlock block = new SampleBlock(synth.FrontEnd.ChannelsPerFrame, 64);
            bool result = true;
            Thread reader = new Thread(() => result = synth.Read(block));
            reader.Start();
            Thread.Sleep(100);
            Assert.True(reader.IsAlive, "Read must wait for its time");
            Stopwatch sw = Stopwatch.StartNew();
            synth.Stop();
            Assert.True(reader.Join(TimeSpan.FromSeconds(2)), "Read did not return after Stop");
            Assert.False(result);
            Assert.True(sw.Elapsed.TotalSeconds < 2.0);
            Assert.Equal(0, synth.FramesProduced);
        }

        [Fact]
        public void BadTimeScalesAreRefused()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new WaveformSynthesizer(DefaultScenario.Create("MPP3"), 3200, 0.0));
            Assert.Throws<ArgumentOutOfRangeException>(() => new WaveformSynthesizer(DefaultScenario.Create("MPP3"), 3200, double.NaN));
            Assert.Throws<ArgumentOutOfRangeException>(() => new WaveformSynthesizer(DefaultScenario.Create("MPP3"), 0, 1.0));
        }
    }
}
