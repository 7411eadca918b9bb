using System;
using System.Diagnostics;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Simulator;

namespace Ipenergy.Probe.Benchmarks
{
    /// <summary>
    /// Host cost of the engine on an MPP18 (21 inputs a frame): ns per frame and per input sample,
    /// real-time factor on one core, bytes allocated per block, and the same figures for the naive
    /// reference meter measured in the same run on the same pre-generated codes.
    /// </summary>
    public static class CostBenchmark
    {
        public sealed class Result
        {
            public int SamplesPerCycle;
            public double NsPerFrame;
            public double NsPerSample;
            public double RealTimeFactor;
            public double NaiveNsPerSample;
            public long BytesPerBlock;
            public long BytesPerPublication;
        }

        public static Result Run(int samplesPerCycle, double seconds)
        {
            int rate = samplesPerCycle * 50;
            Scenario s = DefaultScenario.Create(ProbeModel.Mpp18);
            s.Adc.NoiseRmsLsb = 0.5;
            WaveformSynthesizer source = WaveformSynthesizer.CreateFreeRunning(s, rate);
            int blockFrames = rate / 50;
            int blocks = (int)(seconds * 50);
            var recorded = new SampleBlock[blocks];
            for (int i = 0; i < blocks; i++)
            {
                recorded[i] = new SampleBlock(source.FrontEnd.ChannelsPerFrame, blockFrames);
                source.Read(recorded[i]);
            }

            var clock = new SimulatedClock(source, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            var config = new MeterConfig(18);
            foreach (ChannelSettings c in s.Channels)
            {
                config.Channels[c.Channel - 1].CtRatedAmps = c.CtRatedA;
                config.Channels[c.Channel - 1].Phase = c.Phase;
            }

            config.Circuits = new[]
            {
                new CircuitConfig("PDU A", new[] { 1, 2, 3 }, 63.0),
                new CircuitConfig("PDU B", new[] { 4, 5, 6 }, 63.0),
            };

            // Warm-up (JIT), then timed passes.
            var engine = new MeteringEngine(config, source.FrontEnd, clock);
            foreach (SampleBlock b in recorded)
            {
                engine.Process(b);
            }

            long worstBlockBytes = 0, publicationBytes = 0;
            var sw = Stopwatch.StartNew();
            long frames = 0;
            for (int pass = 0; pass < 3; pass++)
            {
                foreach (SampleBlock b in recorded)
                {
                    long seq = engine.Latest == null ? 0 : engine.Latest.Sequence;
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    engine.Process(b);
                    long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
                    if (engine.Latest != null && engine.Latest.Sequence != seq)
                    {
                        publicationBytes = Math.Max(publicationBytes, bytes);
                    }
                    else
                    {
                        worstBlockBytes = Math.Max(worstBlockBytes, bytes);
                    }

                    frames += b.Frames;
                }
            }

            sw.Stop();
            double ns = sw.Elapsed.TotalMilliseconds * 1e6 / frames;

            var naive = new NaiveReferenceMeter(source.FrontEnd.ChannelsPerFrame, source.FrontEnd.MidCode, 2 * Math.PI * 50.0 / rate);
            var sw2 = Stopwatch.StartNew();
            long naiveFrames = 0;
            for (int pass = 0; pass < 3; pass++)
            {
                foreach (SampleBlock b in recorded)
                {
                    naive.Process(b.Codes, b.Frames);
                    naiveFrames += b.Frames;
                }
            }

            sw2.Stop();
            if (double.IsNaN(naive.Checksum))
            {
                throw new InvalidOperationException("reference meter diverged");
            }

            int inputs = source.FrontEnd.ChannelsPerFrame;
            return new Result
            {
                SamplesPerCycle = samplesPerCycle,
                NsPerFrame = ns,
                NsPerSample = ns / inputs,
                RealTimeFactor = 1e9 / (ns * rate),
                NaiveNsPerSample = sw2.Elapsed.TotalMilliseconds * 1e6 / naiveFrames / inputs,
                BytesPerBlock = worstBlockBytes,
                BytesPerPublication = publicationBytes,
            };
        }
    }
}
