using System;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Metering
{
    /// <summary>An engine fed by a TestSignal through one reused block, with a clock that follows the samples.</summary>
    public sealed class EngineHarness : IClock
    {
        public readonly AdcFrontEnd FrontEnd;
        public readonly MeterConfig Config;
        public readonly TestSignal Signal;
        public MeteringEngine Engine;
        private readonly SampleBlock _block;

        public EngineHarness(int channels, int sampleRate, int bits, double ctRated)
        {
            FrontEnd = new AdcFrontEnd(sampleRate, bits, channels, 480.0);
            Config = new MeterConfig(channels);
            double[] ct = new double[channels];
            for (int k = 0; k < channels; k++)
            {
                Config.Channels[k].CtRatedAmps = ctRated;
                ct[k] = ctRated;
            }

            Signal = new TestSignal(FrontEnd, ct);
            for (int p = 0; p < 3; p++)
            {
                Signal.SetVoltage(p, 230.0, -120.0 * p);
            }

            _block = new SampleBlock(FrontEnd.ChannelsPerFrame, sampleRate / 50);
        }

        public long MonotonicMilliseconds { get { return Signal.Frame * 1000 / FrontEnd.SampleRateHz; } }

        public DateTime UtcNow { get { return new DateTime(2026, 1, 1).AddMilliseconds(MonotonicMilliseconds); } }

        /// <summary>Creates the engine from Config (call after changing it).</summary>
        public MeteringEngine Start()
        {
            Engine = new MeteringEngine(Config, FrontEnd, this);
            return Engine;
        }

        /// <summary>Runs the given simulated seconds and returns the latest snapshot.</summary>
        public MeasurementSnapshot Run(double seconds)
        {
            if (Engine == null)
            {
                Start();
            }

            long frames = (long)(seconds * FrontEnd.SampleRateHz);
            long done = 0;
            while (done < frames)
            {
                Signal.Fill(_block);
                Engine.Process(_block);
                done += _block.Frames;
            }

            return Engine.Latest;
        }

        public static void Near(double expected, double actual, double tolerance, string what)
        {
            Assert.IsTrue(Math.Abs(expected - actual) <= tolerance,
                what + ": expected " + expected.ToString() + " +/- " + tolerance.ToString() + ", got " + actual.ToString());
        }

        /// <summary>Relative check: |actual/expected − 1| ≤ fraction.</summary>
        public static void Rel(double expected, double actual, double fraction, string what)
        {
            Near(expected, actual, Math.Abs(expected) * fraction, what);
        }
    }
}
