using System;
using System.Threading;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Simulator
{
    /// <summary>
    /// The device clock of the virtual e-Probe: it advances with the samples delivered, not with the wall clock,
    /// so every timestamp follows --time-scale. UtcNow = start + FramesProduced / sample rate + offset, where the
    /// offset is what SNTP (or a test) set; MonotonicMilliseconds ignores the offset.
    /// </summary>
    public sealed class SimulatedClock : ISettableClock
    {
        private const long TicksPerSecond = TimeSpan.TicksPerSecond;

        private readonly WaveformSynthesizer _source;
        private long _offsetTicks;
        private int _synchronized;

        /// <summary>Starts at startUtc (the wall clock at start-up in the simulator, or --clock-start).</summary>
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
            get { return StartUtc.AddTicks(ElapsedTicks() + Interlocked.Read(ref _offsetTicks)); }
        }

        /// <summary>Whether SNTP has confirmed the time (see <see cref="ISettableClock.Synchronized"/>).</summary>
        public bool Synchronized
        {
            get { return Volatile.Read(ref _synchronized) != 0; }
            set { Volatile.Write(ref _synchronized, value ? 1 : 0); }
        }

        /// <summary>Steps UtcNow to utc; the simulated monotonic time (and the samples) carry on unchanged.</summary>
        public void SetUtcNow(DateTime utc)
        {
            Interlocked.Exchange(ref _offsetTicks, utc.Ticks - StartUtc.Ticks - ElapsedTicks());
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
