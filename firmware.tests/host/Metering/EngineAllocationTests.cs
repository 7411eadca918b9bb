using System;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Tests.Unit.Metering;
using Xunit;

namespace Ipenergy.Probe.Tests.Metering
{
    /// <summary>
    /// The device heap is small: processing a sample block must allocate nothing. The only allocation
    /// of the engine in steady state is the immutable snapshot it publishes once per second.
    /// (GC.GetAllocatedBytesForCurrentThread does not exist on nanoFramework: host-only test.)
    /// </summary>
    public class EngineAllocationTests
    {
        [Fact]
        public void ProcessingABlockAllocatesNothing()
        {
            EngineHarness h = new EngineHarness(18, 3200, 12, 100.0);
            h.Config.Circuits = new[] { new Ipenergy.Probe.Config.CircuitConfig("A", new[] { 1, 2, 3 }, 63.0) };
            for (int k = 1; k <= 18; k++)
            {
                h.Signal.SetCurrent(k, 5.0 + k, -120.0 * ((k - 1) % 3) - 20.0);
            }

            h.Signal.NoiseLsb = 0.5;
            MeteringEngine engine = h.Start();
            var block = new Ipenergy.Probe.Hal.SampleBlock(h.FrontEnd.ChannelsPerFrame, 64);

            // Warm up past the first publications (JIT, first snapshot).
            for (int i = 0; i < 200; i++)
            {
                h.Signal.Fill(block);
                engine.Process(block);
            }

            long worst = 0;
            int blocksWithoutPublication = 0;
            for (int i = 0; i < 500; i++)
            {
                h.Signal.Fill(block);
                long seqBefore = engine.Latest.Sequence;
                long before = GC.GetAllocatedBytesForCurrentThread();
                engine.Process(block);
                long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
                if (engine.Latest.Sequence == seqBefore)
                {
                    blocksWithoutPublication++;
                    worst = Math.Max(worst, bytes);
                }
            }

            Assert.True(blocksWithoutPublication > 400, "most blocks publish nothing");
            Assert.Equal(0, worst);
        }
    }
}
