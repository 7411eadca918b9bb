using System;
using System.Threading;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Simulator;

namespace Ipenergy.Probe.Tests.Sntp
{
    /// <summary>A SimulatedClock on a real-time synthesizer (time scale 1) whose samples a thread consumes, as the metering loop would.</summary>
    public sealed class PacedSimulatedClock : IDisposable
    {
        private readonly WaveformSynthesizer _synth;
        private readonly Thread _reader;

        public PacedSimulatedClock(DateTime startUtc)
        {
            _synth = new WaveformSynthesizer(DefaultScenario.Create("MPP3"));
            Clock = new SimulatedClock(_synth, startUtc);
            _reader = new Thread(() =>
            {
                var block = new SampleBlock(_synth.FrontEnd.ChannelsPerFrame, 16);
                while (_synth.Read(block))
                {
                }
            }) { IsBackground = true };
            _reader.Start();
        }

        public SimulatedClock Clock { get; }

        public void Dispose()
        {
            _synth.Stop();
            _reader.Join(5000);
        }
    }
}
