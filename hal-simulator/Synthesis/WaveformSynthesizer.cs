using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Simulator
{
    /// <summary>
    /// The simulated ADC: turns a <see cref="Scenario"/> into frames of offset-binary codes (V1 V2 V3 I1 … In)
    /// with the spec's waveforms, the CT errors, the converter's quantisation, clipping and white noise.
    /// <para>
    /// Cost: every signal is a sum of terms a·sin(hΘ) + b·cos(hΘ) with Θ = ∫ω dt; sin/cos(hΘ) come from one
    /// rotating phasor and its powers, re-anchored on the exact phase every <see cref="ResyncFrames"/> frames.
    /// Everything is keyed to the frame index (events, re-anchoring, noise draws), so the codes do not depend
    /// on block sizes.
    /// </para>
    /// <para>
    /// Pacing: <see cref="Read"/> waits until wall-clock time × time scale has caught up with the end of the
    /// block; <see cref="CreateFreeRunning"/> makes a source that never waits (benchmarks, tests).
    /// </para>
    /// </summary>
    public sealed class WaveformSynthesizer : ISampleSource
    {
        /// <summary>Default sample rate: 64 samples per cycle at 50 Hz.</summary>
        public const int DefaultSampleRateHz = 3200;

        /// <summary>Peak phase voltage at the voltage inputs' half range.</summary>
        public const double VoltageFullScalePeakVolts = 480.0;

        /// <summary>The phasor is re-anchored on the exact integrated phase this often (a power of two).</summary>
        public const int ResyncFrames = 256;

        private const double Sqrt2 = 1.4142135623730951;
        private const double DegToRad = Math.PI / 180.0;
        private const double TwoPi = 2.0 * Math.PI;

        private readonly Scenario _scenario;
        private readonly AdcFrontEnd _frontEnd;
        private readonly int _signals;
        private readonly int _mid;
        private readonly int _max;
        private readonly double _noiseLsb;
        private readonly GaussianNoise _noise;
        private readonly double _timeScale;
        private readonly ManualResetEventSlim _stopped = new ManualResetEventSlim(false);
        private readonly Stopwatch _wall = new Stopwatch();

        // Present state of the waveforms (events change it).
        private readonly double[] _phaseVrms = new double[3];
        private readonly double[] _phaseAngleDeg = new double[3];
        private readonly ChannelSettings[] _channelByNumber;
        private readonly double[] _channelIrms;
        private readonly double[] _channelAngleDeg;
        private double _frequencyHz;

        // Events in time order with the frame at which each takes effect.
        private readonly ScenarioEvent[] _events;
        private readonly long[] _eventFrames;
        private int _nextEvent;

        // Terms of every signal: value (codes) = Σ a·sin(hΘ) + b·cos(hΘ) over [_termStart[s], _termStart[s+1]).
        private readonly int[] _termStart;
        private readonly int[] _termOrder;
        private readonly double[] _termSin;
        private readonly double[] _termCos;
        private readonly int _maxOrder;
        private readonly double[] _sinH;
        private readonly double[] _cosH;
        private readonly double[] _frameValues;

        // Θ = ωt integrated: Θ(n) = _anchorTheta + (n − _anchorFrame)·_step; z = e^{jΘ} rotated by e^{j·step}.
        private double _anchorTheta;
        private long _anchorFrame;
        private double _step;
        private double _stepCos, _stepSin;
        private double _zCos, _zSin;

        private long _frame;
        private long _producedFrames;
        private long _pacingBaseFrame = -1;

        /// <summary>A paced source: time runs timeScale times faster than the wall clock.</summary>
        public WaveformSynthesizer(Scenario scenario, int sampleRateHz = DefaultSampleRateHz, double timeScale = 1.0)
        {
            if (sampleRateHz <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(sampleRateHz), "must be > 0");
            }

            if (!(timeScale > 0))
            {
                throw new ArgumentOutOfRangeException(nameof(timeScale), "must be > 0 (PositiveInfinity = free-running)");
            }

            _scenario = scenario.Clone();
            ScenarioValidator.Validate(_scenario, "scenario", sampleRateHz);
            int channels = ProbeModel.ChannelCount(_scenario.EffectiveModel);
            _frontEnd = new AdcFrontEnd(sampleRateHz, _scenario.Adc.Bits, channels, VoltageFullScalePeakVolts);
            _signals = _frontEnd.ChannelsPerFrame;
            _mid = _frontEnd.MidCode;
            _max = _frontEnd.MaxCode;
            _noiseLsb = _scenario.Adc.NoiseRmsLsb;
            _noise = new GaussianNoise(_scenario.Adc.Seed);
            _timeScale = timeScale;
            Truth = new ScenarioTruth(_scenario, sampleRateHz);

            for (int k = 0; k < 3; k++)
            {
                _phaseVrms[k] = _scenario.Phases[k].Vrms;
                _phaseAngleDeg[k] = _scenario.Phases[k].AngleDeg;
            }

            _channelByNumber = new ChannelSettings[channels + 1];
            _channelIrms = new double[channels + 1];
            _channelAngleDeg = new double[channels + 1];
            foreach (ChannelSettings c in _scenario.Channels)
            {
                _channelByNumber[c.Channel] = c;
                _channelIrms[c.Channel] = c.Irms;
                _channelAngleDeg[c.Channel] = c.AngleDeg;
            }

            _frequencyHz = _scenario.FrequencyHz;
            _events = Truth.OrderedEvents;
            _eventFrames = new long[_events.Length];
            for (int i = 0; i < _events.Length; i++)
            {
                _eventFrames[i] = Truth.EventFrame(_events[i]);
            }

            // One term per fundamental and per harmonic of every signal; the layout never changes, events
            // only rewrite the coefficients.
            List<int> orders = new List<int>();
            _termStart = new int[_signals + 1];
            for (int s = 0; s < _signals; s++)
            {
                _termStart[s] = orders.Count;
                List<HarmonicSettings> harmonics = HarmonicsOf(s);
                if (harmonics != null)
                {
                    orders.Add(1);
                    foreach (HarmonicSettings h in harmonics)
                    {
                        orders.Add(h.Order);
                    }
                }
            }

            _termStart[_signals] = orders.Count;
            _termOrder = orders.ToArray();
            _termSin = new double[_termOrder.Length];
            _termCos = new double[_termOrder.Length];
            _maxOrder = 1;
            foreach (int order in _termOrder)
            {
                _maxOrder = Math.Max(_maxOrder, order);
            }

            _sinH = new double[_maxOrder + 1];
            _cosH = new double[_maxOrder + 1];
            _frameValues = new double[_signals];
            SetFrequency(_frequencyHz, 0);
            RebuildTerms();
        }

        /// <summary>A source that produces frames as fast as it is read, never waiting for the wall clock.</summary>
        public static WaveformSynthesizer CreateFreeRunning(Scenario scenario, int sampleRateHz = DefaultSampleRateHz)
        {
            return new WaveformSynthesizer(scenario, sampleRateHz, double.PositiveInfinity);
        }

        public AdcFrontEnd FrontEnd { get { return _frontEnd; } }

        /// <summary>What a meter must report for this scenario (the formulas of the spec).</summary>
        public ScenarioTruth Truth { get; }

        /// <summary>A copy of the scenario being played.</summary>
        public Scenario Scenario { get { return _scenario.Clone(); } }

        public int SampleRateHz { get { return _frontEnd.SampleRateHz; } }

        /// <summary>Simulated time runs this many times faster than the wall clock; PositiveInfinity when free-running.</summary>
        public double TimeScale { get { return _timeScale; } }

        public bool IsFreeRunning { get { return double.IsPositiveInfinity(_timeScale); } }

        /// <summary>Frames delivered so far: the simulated time is FramesProduced / SampleRateHz.</summary>
        public long FramesProduced { get { return Interlocked.Read(ref _producedFrames); } }

        /// <summary>Simulated seconds delivered so far.</summary>
        public double SimulatedSeconds { get { return (double)FramesProduced / _frontEnd.SampleRateHz; } }

        public bool IsStopped { get { return _stopped.IsSet; } }

        /// <summary>Makes every pending and later <see cref="Read"/> return false (shutdown).</summary>
        public void Stop()
        {
            _stopped.Set();
        }

        /// <summary>Fills the whole block with the next frames, first waiting for their time unless free-running.</summary>
        public bool Read(SampleBlock block)
        {
            if (block.ChannelsPerFrame != _signals)
            {
                throw new ArgumentException("block has " + block.ChannelsPerFrame + " channels per frame, the source " + _signals);
            }

            if (_stopped.IsSet)
            {
                block.Frames = 0;
                return false;
            }

            int frames = block.FrameCapacity;
            if (!IsFreeRunning && !WaitForWallClock(frames))
            {
                block.Frames = 0;
                return false;
            }

            block.FirstFrameIndex = _frame;
            Generate(block.Codes, 0, frames);
            block.Frames = frames;
            Interlocked.Exchange(ref _producedFrames, _frame);
            return true;
        }

        /// <summary>Waits until the end of the next frames is due; false when stopped meanwhile.</summary>
        private bool WaitForWallClock(int frames)
        {
            if (_pacingBaseFrame < 0)
            {
                _pacingBaseFrame = _frame;
                _wall.Start();
            }

            double dueSeconds = (_frame + frames - _pacingBaseFrame) / (double)_frontEnd.SampleRateHz / _timeScale;
            while (true)
            {
                double waitMs = (dueSeconds - _wall.Elapsed.TotalSeconds) * 1000.0;
                if (waitMs <= 0)
                {
                    return !_stopped.IsSet;
                }

                // Timers tick in whole milliseconds: sleeping a little long only makes the next blocks come at once.
                // Waits are cut to a second so that very slow time scales cannot overflow the timeout.
                if (_stopped.Wait((int)Math.Ceiling(Math.Min(waitMs, 1000.0))))
                {
                    return false;
                }
            }
        }

        /// <summary>Writes frames into codes from offset: the hot loop, allocation-free.</summary>
        private void Generate(int[] codes, int offset, int frames)
        {
            int index = offset;
            int[] termStart = _termStart;
            int[] termOrder = _termOrder;
            double[] termSin = _termSin;
            double[] termCos = _termCos;
            double[] sinH = _sinH;
            double[] cosH = _cosH;
            int maxOrder = _maxOrder;
            int signals = _signals;
            double mid = _mid;
            double max = _max;
            double noiseLsb = _noiseLsb;
            GaussianNoise noise = noiseLsb > 0 ? _noise : null;
            double[] values = _frameValues;
            for (int f = 0; f < frames; f++)
            {
                long n = _frame;
                if (_nextEvent < _events.Length && _eventFrames[_nextEvent] <= n)
                {
                    ApplyDueEvents(n);
                }

                if ((n & (ResyncFrames - 1)) == 0)
                {
                    Anchor(n);
                }

                // sin/cos of hΘ for h = 1 … maxOrder: powers of z.
                double c1 = _zCos;
                double s1 = _zSin;
                cosH[1] = c1;
                sinH[1] = s1;
                double ch = c1;
                double sh = s1;
                for (int h = 2; h <= maxOrder; h++)
                {
                    double next = ch * c1 - sh * s1;
                    sh = sh * c1 + ch * s1;
                    ch = next;
                    cosH[h] = ch;
                    sinH[h] = sh;
                }

                for (int s = 0; s < signals; s++)
                {
                    double x = mid;
                    int end = termStart[s + 1];
                    for (int t = termStart[s]; t < end; t++)
                    {
                        int h = termOrder[t];
                        x += termSin[t] * sinH[h] + termCos[t] * cosH[h];
                    }

                    values[s] = x;
                }

                if (noise != null)
                {
                    noise.AddTo(values, 0, signals, noiseLsb);
                }

                for (int s = 0; s < signals; s++)
                {
                    // Round half up and clip to the converter's range.
                    double x = values[s];
                    codes[index++] = x < 0.5 ? 0 : x >= max ? (int)max : (int)(x + 0.5);
                }

                double zc = c1 * _stepCos - s1 * _stepSin;
                _zSin = s1 * _stepCos + c1 * _stepSin;
                _zCos = zc;
                _frame = n + 1;
            }
        }

        private void ApplyDueEvents(long frame)
        {
            while (_nextEvent < _events.Length && _eventFrames[_nextEvent] <= frame)
            {
                ScenarioEvent e = _events[_nextEvent++];
                if (e.Channel.HasValue)
                {
                    int c = e.Channel.Value;
                    _channelIrms[c] = e.Irms ?? _channelIrms[c];
                    _channelAngleDeg[c] = e.AngleDeg ?? _channelAngleDeg[c];
                }
                else if (e.Phase.HasValue)
                {
                    int k = e.Phase.Value;
                    _phaseVrms[k] = e.Vrms ?? _phaseVrms[k];
                    _phaseAngleDeg[k] = e.AngleDeg ?? _phaseAngleDeg[k];
                }
                else if (e.FrequencyHz.HasValue)
                {
                    SetFrequency(e.FrequencyHz.Value, frame);
                }
            }

            RebuildTerms();
        }

        /// <summary>Changes ω from this frame on; Θ carries on from where the old frequency left it.</summary>
        private void SetFrequency(double frequencyHz, long frame)
        {
            if (frame > 0)
            {
                Anchor(frame);
            }

            _frequencyHz = frequencyHz;
            _step = TwoPi * frequencyHz / _frontEnd.SampleRateHz;
            _stepCos = Math.Cos(_step);
            _stepSin = Math.Sin(_step);
            if (frame == 0)
            {
                _anchorTheta = 0.0;
                _anchorFrame = 0;
                _zCos = 1.0;
                _zSin = 0.0;
            }
        }

        /// <summary>Re-anchors z on the exact Θ(frame), undoing the rounding drift of the rotation.</summary>
        private void Anchor(long frame)
        {
            double theta = _anchorTheta + (frame - _anchorFrame) * _step;
            theta -= TwoPi * Math.Floor(theta / TwoPi);
            _anchorTheta = theta;
            _anchorFrame = frame;
            _zCos = Math.Cos(theta);
            _zSin = Math.Sin(theta);
        }

        /// <summary>Coefficients of every term from the present state: sin(hΘ + ψ) = sin hΘ·cos ψ + cos hΘ·sin ψ.</summary>
        private void RebuildTerms()
        {
            for (int k = 0; k < 3; k++)
            {
                double perCode = 1.0 / _frontEnd.VoltsPerCode;
                SetTerms(k, Sqrt2 * _phaseVrms[k] * perCode, _phaseAngleDeg[k] * DegToRad, _scenario.Phases[k].Harmonics);
            }

            for (int c = 1; c < _channelByNumber.Length; c++)
            {
                ChannelSettings ch = _channelByNumber[c];
                if (ch == null)
                {
                    continue;
                }

                // The CT scales by (1 + e/100) and advances the current in time by its phase error at the fundamental.
                double gain = 1.0 + ch.CtRatioErrorPercent / 100.0;
                double perCode = 1.0 / _frontEnd.AmpsPerCode(ch.CtRatedA);
                double angle = (_phaseAngleDeg[ch.Phase] + _channelAngleDeg[c] + ch.CtPhaseErrorDeg) * DegToRad;
                SetTerms(AdcFrontEnd.VoltageChannels + c - 1, gain * Sqrt2 * _channelIrms[c] * perCode, angle, ch.Harmonics);
            }
        }

        private void SetTerms(int signal, double peakCodes, double angleRad, List<HarmonicSettings> harmonics)
        {
            int t = _termStart[signal];
            _termSin[t] = peakCodes * Math.Cos(angleRad);
            _termCos[t] = peakCodes * Math.Sin(angleRad);
            for (int i = 0; i < harmonics.Count; i++)
            {
                HarmonicSettings h = harmonics[i];
                double amplitude = peakCodes * h.Percent / 100.0;
                double psi = h.Order * angleRad + h.AngleDeg * DegToRad;
                _termSin[t + 1 + i] = amplitude * Math.Cos(psi);
                _termCos[t + 1 + i] = amplitude * Math.Sin(psi);
            }
        }

        /// <summary>Harmonics of a frame slot's signal; null for a channel that is not listed (no terms, no current).</summary>
        private List<HarmonicSettings> HarmonicsOf(int signal)
        {
            if (signal < AdcFrontEnd.VoltageChannels)
            {
                return _scenario.Phases[signal].Harmonics;
            }

            ChannelSettings ch = _channelByNumber[signal - AdcFrontEnd.VoltageChannels + 1];
            return ch == null ? null : ch.Harmonics;
        }
    }
}
