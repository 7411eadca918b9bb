using System;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Simulator
{
    /// <summary>
    /// The device clock of the virtual e-Probe: it advances with the samples delivered, not with the wall clock,
    /// so every timestamp follows --time-scale. UtcNow = start + FramesProduced / sample rate.
    /// </summary>
    public sealed class SimulatedClock : IClock
    {
        private const long TicksPerSecond = TimeSpan.TicksPerSecond;

        private readonly WaveformSynthesizer _source;

        /// <summary>Starts at startUtc (the wall clock at start-up in the simulator).</summary>
        public SimulatedClock(WaveformSynthesizer source, DateTime startUtc)
        {
            _source = source;
            StartUtc = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc);
        }

        public DateTime StartUtc { get; }

        public long MonotonicMilliseconds
        {
            get { return ElapsedTicks() / TimeSpan.TicksPerMillisecond; }
        }

        public DateTime UtcNow
        {
            get { return StartUtc.AddTicks(ElapsedTicks()); }
        }

        /// <summary>Simulated time elapsed, exact to the tick; split so that years of frames do not overflow.</summary>
        private long ElapsedTicks()
        {
            long frames = _source.FramesProduced;
            long rate = _source.SampleRateHz;
            return (frames / rate) * TicksPerSecond + (frames % rate) * TicksPerSecond / rate;
        }
    }
}
