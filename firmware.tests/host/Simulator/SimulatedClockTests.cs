using System;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Simulator;
using Xunit;

namespace Ipenergy.Probe.Tests.Simulator
{
    public class SimulatedClockTests
    {
        [Fact]
        public void TheClockAdvancesWithTheSamplesDelivered()
        {
            WaveformSynthesizer synth = WaveformSynthesizer.CreateFreeRunning(DefaultScenario.Create("MPP3"));
            DateTime start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            SimulatedClock clock = new SimulatedClock(synth, start);
            Assert.Equal(start, clock.UtcNow);
            Assert.Equal(0, clock.MonotonicMilliseconds);

            SampleBlock block = new SampleBlock(synth.FrontEnd.ChannelsPerFrame, 64);
            synth.Read(block);
            Assert.Equal(start.AddTicks(200_000), clock.UtcNow);   // 64 / 3200 s = 20 ms
            Assert.Equal(20, clock.MonotonicMilliseconds);

            for (int i = 0; i < 49; i++)
            {
                synth.Read(block);
            }

            Assert.Equal(start.AddSeconds(1), clock.UtcNow);
            Assert.Equal(1000, clock.MonotonicMilliseconds);
            Assert.Equal(DateTimeKind.Utc, clock.UtcNow.Kind);
        }

        [Fact]
        public void TheClockIgnoresTheWallClock()
        {
            WaveformSynthesizer synth = WaveformSynthesizer.CreateFreeRunning(DefaultScenario.Create("MPP3"));
            DateTime start = DateTime.UtcNow;
            SimulatedClock clock = new SimulatedClock(synth, start);
            System.Threading.Thread.Sleep(50);
            Assert.Equal(start, clock.UtcNow);
            Assert.Equal(0, clock.MonotonicMilliseconds);
        }
    }
}
