using System;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Metering
{
    /// <summary>
    /// Turns blocks of raw ADC frames into published 1-second snapshots.
    ///
    /// Per sample it only accumulates sums (a few integer multiply-adds per channel, two against a
    /// reference oscillator). Windows of 10 cycles (12 at 60 Hz) end on the reference phase's
    /// positive zero crossing, so they follow the measured frequency. At the end of a window:
    /// DC is removed from the sums, a least-squares sine fit gives the fundamental phasors (Q1, cos φ,
    /// THD, unbalance), phase calibration is applied as a fractional delay on the power sums, and the
    /// window's energy is added to integer registers. Windows tile the sample stream without gaps or
    /// overlap, so energy is the exact sum of v·i over every sample whatever the window boundaries.
    /// </summary>
    public sealed class MeteringEngine : IMeter
    {
        private const double Sqrt2 = 1.4142135623730951;

        /// <summary>Below this share of the CT rating a channel reads 0 A and registers no energy (anti-creep).</summary>
        public const double CreepFractionOfRating = SnapshotBuilder.CreepFractionOfRating;

        /// <summary>A phase below this share of the nominal voltage is reported absent.</summary>
        public const double PresenceFractionOfNominal = SnapshotBuilder.PresenceFractionOfNominal;

        private readonly IClock _clock;
        private readonly AdcFrontEnd _fe;
        private readonly int _channels;
        private readonly int _stride;
        private readonly int _mid;
        private readonly double _sampleRate;
        private readonly double _nominalOmega;
        private readonly int _cyclesPerWindow;
        private readonly int _nominalWindowFrames;
        private readonly int _maxWindowFrames;
        private readonly double _presentVolts;

        private readonly int[] _chPhase;
        private readonly double[] _chScale;
        private readonly double[] _chDelayFrames;
        private readonly double[] _chCreepAmps;
        private readonly double[] _vScale;

        private readonly int[] _crossA;
        private readonly int[] _crossB;
        private readonly int[] _crossC;
        private readonly int[] _crossCircuit;          // circuit owning each cross-sum index

        private readonly WindowSums _sums;
        private readonly ReferenceOscillator _osc = new ReferenceOscillator();
        private readonly SineFit _fit = new SineFit();
        private readonly ZeroCrossingTracker _zc = new ZeroCrossingTracker();
        private readonly SecondAggregate _agg;
        private readonly SnapshotBuilder _builder;
        private readonly int[] _prevV = new int[3];
        private readonly int[] _dcCodes = new int[3];

        // Per-window results (reused).
        private readonly double[] _vRe = new double[3];
        private readonly double[] _vIm = new double[3];
        private readonly double[] _vrms = new double[3];
        private readonly double[] _winIrms;

        private readonly ChannelEnergy _energy;

        private int _refPhase;
        private long _nextFrame;
        private long _windowEndFrame;
        private long _nextSecondFrame;
        private long _lostFrames;
        // Readers on other threads take the reference under this lock (mscorlib 1.17.11 has no volatile).
        private readonly object _publishLock = new object();
        private MeasurementSnapshot _latest;

        public MeteringEngine(MeterConfig config, AdcFrontEnd frontEnd, IClock clock)
        {
            if (config.Channels.Length != frontEnd.CurrentChannels)
            {
                throw new ArgumentException("configuration has " + config.Channels.Length + " channels, front end " + frontEnd.CurrentChannels);
            }

            _clock = clock;
            _fe = frontEnd;
            _channels = frontEnd.CurrentChannels;
            _stride = frontEnd.ChannelsPerFrame;
            _mid = frontEnd.MidCode;
            _sampleRate = frontEnd.SampleRateHz;
            _nominalOmega = 2.0 * Math.PI * config.NominalFrequencyHz / _sampleRate;
            _cyclesPerWindow = config.CyclesPerWindow;
            _nominalWindowFrames = (int)(_cyclesPerWindow * _sampleRate / config.NominalFrequencyHz + 0.5);

            // A window must close even when the reference crossing never comes (lost phase): at the
            // length of its cycles at 40 Hz, the lowest frequency the meter tracks, plus margin.
            _maxWindowFrames = (int)(_cyclesPerWindow * _sampleRate / 38.0);
            _presentVolts = PresenceFractionOfNominal * config.NominalVoltage;

            _vScale = new double[3];
            for (int p = 0; p < 3; p++)
            {
                _vScale[p] = frontEnd.VoltsPerCode * config.VoltageGainCorrection[p];
            }

            _zc.ArmThreshold = (int)(PresenceFractionOfNominal * config.NominalVoltage * Sqrt2 / frontEnd.VoltsPerCode);

            _chPhase = new int[_channels];
            _chScale = new double[_channels];
            _chDelayFrames = new double[_channels];
            _chCreepAmps = new double[_channels];
            _winIrms = new double[_channels];
            _energy = new ChannelEnergy(_channels);
            for (int k = 0; k < _channels; k++)
            {
                ChannelConfig ch = config.Channels[k];
                _chPhase[k] = ch.Phase;
                _chScale[k] = frontEnd.AmpsPerCode(ch.CtRatedAmps) * ch.GainCorrection;
                // The correction is given in degrees at the nominal frequency; it is a time delay.
                _chDelayFrames[k] = ch.PhaseCorrectionDeg / 360.0 * _sampleRate / config.NominalFrequencyHz;
                _chCreepAmps[k] = CreepFractionOfRating * ch.CtRatedAmps;
            }

            int circuits = config.Circuits.Length;
            int threePhase = 0;
            for (int c = 0; c < circuits; c++)
            {
                if (config.Circuits[c].IsThreePhase)
                {
                    threePhase++;
                }
            }

            _crossA = new int[threePhase];
            _crossB = new int[threePhase];
            _crossC = new int[threePhase];
            _crossCircuit = new int[threePhase];
            int x = 0;
            for (int c = 0; c < circuits; c++)
            {
                CircuitConfig cc = config.Circuits[c];
                if (cc.IsThreePhase)
                {
                    _crossA[x] = cc.Channels[0] - 1;
                    _crossB[x] = cc.Channels[1] - 1;
                    _crossC[x] = cc.Channels[2] - 1;
                    _crossCircuit[x] = c;
                    x++;
                }
            }

            _sums = new WindowSums(_channels, threePhase);
            _agg = new SecondAggregate(_channels, circuits);
            _builder = new SnapshotBuilder(config);
            _refPhase = 0;
            _osc.Restart(_nominalOmega);
            _nextSecondFrame = (long)_sampleRate;
            _nextFrame = -1;
        }

        /// <summary>The last completed second; null until the first one.</summary>
        public MeasurementSnapshot Latest
        {
            get
            {
                lock (_publishLock)
                {
                    return _latest;
                }
            }
        }

        /// <summary>Frames the source reported missing (gaps between blocks) since boot.</summary>
        public long LostFrames { get { return _lostFrames; } }

        /// <summary>Frames processed since boot.</summary>
        public long FramesProcessed { get { return _windowEndFrame + _sums.Frames; } }

        /// <summary>Energy registers per channel in <see cref="CopyEnergy"/>'s layout: import Wh, export Wh, import varh, export varh.</summary>
        public const int EnergyRegistersPerChannel = ChannelEnergy.RegistersPerChannel;

        /// <summary>Current channels metered (the length of the energy layout is this times <see cref="EnergyRegistersPerChannel"/>).</summary>
        public int ChannelCount { get { return _channels; } }

        /// <summary>
        /// Copies every channel's energy registers (milli-units) into milliUnits[k * 4 + r], r = import Wh, export Wh,
        /// import varh, export varh; allocates nothing. Call it on the metering thread between Process calls, or once
        /// that thread has ended: Process updates the registers without a lock (a lock per window would cost the hot
        /// path) and a long is not read atomically on a 32-bit MCU.
        /// </summary>
        public void CopyEnergy(long[] milliUnits)
        {
            _energy.CopyTo(milliUnits);
        }

        /// <summary>Sets the energy counters at boot from what storage saved (milli-units).</summary>
        public void RestoreEnergy(int channelIndex, long importMilliWh, long exportMilliWh, long importMilliVarh, long exportMilliVarh)
        {
            _energy.Restore(channelIndex, importMilliWh, exportMilliWh, importMilliVarh, exportMilliVarh);
        }

        /// <summary>Accumulates one block of frames. Allocates nothing except the snapshot of a completed second.</summary>
        public void Process(SampleBlock block)
        {
            if (_nextFrame >= 0 && block.FirstFrameIndex > _nextFrame)
            {
                _lostFrames += block.FirstFrameIndex - _nextFrame;
            }

            _nextFrame = block.FirstFrameIndex + block.Frames;

            int[] codes = block.Codes;
            int stride = _stride;
            int mid = _mid;
            int channels = _channels;
            int[] chPhase = _chPhase;
            WindowSums w = _sums;
            long[] sV = w.V, sVV = w.VV, sVP = w.VPrev, sI = w.I, sII = w.II, sVI = w.VI, sVPI = w.VPrevI;
            double[] sVc = w.VCos, sVs = w.VSin, sVPc = w.VPrevCos, sVPs = w.VPrevSin, sIc = w.ICos, sIs = w.ISin;
            long[] sAB = w.IaIb, sBC = w.IbIc, sCA = w.IcIa;
            int[] crossA = _crossA, crossB = _crossB, crossC = _crossC;
            int crossCount = crossA.Length;
            int[] prevV = _prevV;
            ReferenceOscillator osc = _osc;
            ZeroCrossingTracker zc = _zc;

            int end = block.Frames * stride;
            for (int f = 0; f < end; f += stride)
            {
                double c = osc.Cos;
                double s = osc.Sin;
                int v0 = codes[f] - mid;
                int v1 = codes[f + 1] - mid;
                int v2 = codes[f + 2] - mid;
                int n = w.Frames;

                sV[0] += v0;
                sVV[0] += (long)v0 * v0;
                sVc[0] += v0 * c;
                sVs[0] += v0 * s;
                sV[1] += v1;
                sVV[1] += (long)v1 * v1;
                sVc[1] += v1 * c;
                sVs[1] += v1 * s;
                sV[2] += v2;
                sVV[2] += (long)v2 * v2;
                sVc[2] += v2 * c;
                sVs[2] += v2 * s;

                int p0 = prevV[0], p1 = prevV[1], p2 = prevV[2];
                sVP[0] += p0;
                sVPc[0] += p0 * c;
                sVPs[0] += p0 * s;
                sVP[1] += p1;
                sVPc[1] += p1 * c;
                sVPs[1] += p1 * s;
                sVP[2] += p2;
                sVPc[2] += p2 * c;
                sVPs[2] += p2 * s;

                for (int k = 0; k < channels; k++)
                {
                    int i = codes[f + 3 + k] - mid;
                    int ph = chPhase[k];
                    int v = ph == 0 ? v0 : (ph == 1 ? v1 : v2);
                    int vp = ph == 0 ? p0 : (ph == 1 ? p1 : p2);
                    sI[k] += i;
                    sII[k] += (long)i * i;
                    sVI[k] += (long)v * i;
                    sVPI[k] += (long)vp * i;
                    sIc[k] += i * c;
                    sIs[k] += i * s;
                }

                for (int x = 0; x < crossCount; x++)
                {
                    long ia = codes[f + 3 + crossA[x]] - mid;
                    long ib = codes[f + 3 + crossB[x]] - mid;
                    long ic = codes[f + 3 + crossC[x]] - mid;
                    sAB[x] += ia * ib;
                    sBC[x] += ib * ic;
                    sCA[x] += ic * ia;
                }

                osc.Step();
                w.Frames = n + 1;

                bool refCrossed = false;
                if (zc.Feed(0, v0, p0, n))
                {
                    refCrossed = _refPhase == 0;
                }

                if (zc.Feed(1, v1, p1, n))
                {
                    refCrossed |= _refPhase == 1;
                }

                if (zc.Feed(2, v2, p2, n))
                {
                    refCrossed |= _refPhase == 2;
                }

                prevV[0] = v0;
                prevV[1] = v1;
                prevV[2] = v2;

                if (refCrossed && _refPhase >= 0 && zc.Count[_refPhase] >= _cyclesPerWindow)
                {
                    CloseWindow();
                }
                else if (w.Frames >= (_refPhase >= 0 ? _maxWindowFrames : _nominalWindowFrames))
                {
                    CloseWindow();
                }
            }
        }

        private void CloseWindow()
        {
            WindowSums w = _sums;
            int n = w.Frames;
            double invN = 1.0 / n;
            double omega = _osc.RadiansPerFrame;
            _fit.Prepare(n, _osc);
            bool fitted = _fit.Valid;
            SecondAggregate agg = _agg;

            // Phase voltages: fundamental phasor (peak volts) and RMS = fundamental ⊕ residual, DC removed.
            double refFreq = 0.0;
            for (int p = 0; p < 3; p++)
            {
                double mean = w.V[p] * invN;
                _fit.Decompose(w.V[p], w.VCos[p], w.VSin[p], w.VV[p], invN);
                double b = _fit.Cos, d = _fit.Sin, fundMs = _fit.FundamentalMeanSquare, ms = _fit.MeanSquare;

                double scale = _vScale[p];
                double vrms = Math.Sqrt(ms > 0.0 ? ms : 0.0) * scale;
                _vrms[p] = vrms;
                _dcCodes[p] = (int)(mean >= 0 ? mean + 0.5 : mean - 0.5);
                _vRe[p] = b * scale;
                _vIm[p] = -d * scale;
                agg.VV[p] += vrms * vrms * n;
                agg.V1V1[p] += fundMs * scale * scale * n;

                double frames;
                int cycles = _zc.Cycles(p, out frames);
                if (cycles > 0 && vrms >= _presentVolts)
                {
                    agg.Cycles[p] += cycles;
                    agg.CycleSeconds[p] += frames / _sampleRate;
                    if (p == _refPhase)
                    {
                        refFreq = cycles * _sampleRate / frames;
                    }
                }
            }

            // Angles relative to L1 (or the reference when L1 is lost): accumulate V_p · conj(V_ref) / |V_ref|.
            int angleRef = _vrms[0] >= _presentVolts ? 0 : _refPhase;
            if (angleRef >= 0)
            {
                double rr = _vRe[angleRef], ri = _vIm[angleRef];
                double mag = Math.Sqrt(rr * rr + ri * ri);
                if (mag > 0.0)
                {
                    for (int p = 0; p < 3; p++)
                    {
                        agg.RelRe[p] += (_vRe[p] * rr + _vIm[p] * ri) / mag * n;
                        agg.RelIm[p] += (_vIm[p] * rr - _vRe[p] * ri) / mag * n;
                    }
                }
            }

            agg.U2 += SymmetricalComponents.UnbalancePercent(_vRe, _vIm) * n;

            double windowSeconds = n / _sampleRate;
            double sinOmega = Math.Sin(omega);
            for (int k = 0; k < _channels; k++)
            {
                int p = _chPhase[k];
                double scale = _chScale[k];
                double meanI = w.I[k] * invN;
                _fit.Decompose(w.I[k], w.ICos[k], w.ISin[k], w.II[k], invN);
                double a = _fit.Dc, b = _fit.Cos, d = _fit.Sin, fundMs = _fit.FundamentalMeanSquare, ms = _fit.MeanSquare;

                double irms = Math.Sqrt(ms > 0.0 ? ms : 0.0) * scale;
                double power = 0.0, q1 = 0.0, p1 = 0.0, s1 = 0.0, i1sq = 0.0;
                if (irms < _chCreepAmps[k])
                {
                    irms = 0.0;
                }
                else
                {
                    double delay = _chDelayFrames[k];
                    double lag0 = 1.0, lag1 = 0.0;
                    if (delay != 0.0 && sinOmega > 1e-9)
                    {
                        lag0 = FractionalDelay.LagZeroWeight(delay, omega);
                        lag1 = FractionalDelay.LagOneWeight(delay, omega);
                    }

                    double powerScale = _vScale[p] * scale;
                    if (fitted)
                    {
                        // Exact fundamental from the phasors, delayed by `delay` frames: × e^(−jω·delay).
                        double ire = b * scale, iim = -d * scale;
                        if (delay != 0.0)
                        {
                            double cr = Math.Cos(omega * delay), ci = -Math.Sin(omega * delay);
                            double t = ire * cr - iim * ci;
                            iim = ire * ci + iim * cr;
                            ire = t;
                        }

                        double vre = _vRe[p], vim = _vIm[p];
                        p1 = 0.5 * (vre * ire + vim * iim);
                        q1 = 0.5 * (vim * ire - vre * iim);
                        i1sq = fundMs * scale * scale;
                        s1 = 0.5 * Math.Sqrt((vre * vre + vim * vim) * (ire * ire + iim * iim));

                        // Harmonic power: correlation of the current's residual with the voltage,
                        // delayed by the same two-tap interpolation.
                        double h0 = w.VI[k] - (a * w.V[p] + b * w.VCos[p] + d * w.VSin[p]);
                        double h1 = w.VPrevI[k] - (a * w.VPrev[p] + b * w.VPrevCos[p] + d * w.VPrevSin[p]);
                        power = p1 + (lag0 * h0 + lag1 * h1) * invN * powerScale;
                    }
                    else
                    {
                        double r0 = w.VI[k] - w.V[p] * meanI;
                        double r1 = w.VPrevI[k] - w.VPrev[p] * meanI;
                        power = (lag0 * r0 + lag1 * r1) * invN * powerScale;
                    }
                }

                _winIrms[k] = irms;
                agg.II[k] += irms * irms * n;
                agg.I1I1[k] += i1sq * n;
                agg.P[k] += power * n;
                agg.Q[k] += q1 * n;
                agg.P1[k] += p1 * n;
                agg.S1[k] += s1 * n;

                _energy.AddSigned(k, power * windowSeconds, q1 * windowSeconds);
            }

            for (int x = 0; x < _crossA.Length; x++)
            {
                AccumulateNeutral(x, n, invN);
            }

            agg.Frames += n;
            agg.Windows++;
            _windowEndFrame += n;

            // Next window: reference phase = first present phase, oscillator at the measured frequency.
            _refPhase = -1;
            for (int p = 0; p < 3; p++)
            {
                if (_vrms[p] >= _presentVolts)
                {
                    _refPhase = p;
                    break;
                }
            }

            double nextOmega = _osc.RadiansPerFrame;
            if (refFreq >= 40.0 && refFreq <= 70.0)
            {
                nextOmega = 2.0 * Math.PI * refFreq / _sampleRate;
            }
            else if (_refPhase < 0)
            {
                nextOmega = _nominalOmega;
            }

            _zc.NextWindow(n, _dcCodes, 2 * _maxWindowFrames);
            _osc.Restart(nextOmega);
            w.Clear();

            if (_windowEndFrame >= _nextSecondFrame)
            {
                while (_nextSecondFrame <= _windowEndFrame)
                {
                    _nextSecondFrame += (long)_sampleRate;
                }

                Publish();
            }
        }

        private void AccumulateNeutral(int x, int n, double invN)
        {
            WindowSums w = _sums;
            int a = _crossA[x], b = _crossB[x], c = _crossC[x];
            double ka = _chScale[a], kb = _chScale[b], kc = _chScale[c];
            double caa = w.II[a] - (double)w.I[a] * w.I[a] * invN;
            double cbb = w.II[b] - (double)w.I[b] * w.I[b] * invN;
            double ccc = w.II[c] - (double)w.I[c] * w.I[c] * invN;
            double cab = w.IaIb[x] - (double)w.I[a] * w.I[b] * invN;
            double cbc = w.IbIc[x] - (double)w.I[b] * w.I[c] * invN;
            double cca = w.IcIa[x] - (double)w.I[c] * w.I[a] * invN;
            double ms = (ka * ka * caa + kb * kb * cbb + kc * kc * ccc
                + 2.0 * (ka * kb * cab + kb * kc * cbc + kc * ka * cca)) * invN;
            if (ms < 0.0)
            {
                ms = 0.0;
            }

            _agg.NN[_crossCircuit[x]] += ms * n;
        }

        private void Publish()
        {
            MeasurementSnapshot snap = _builder.Build(_agg, _energy, _clock.UtcNow, _windowEndFrame);
            lock (_publishLock)
            {
                _latest = snap;
            }
        }
    }
}
