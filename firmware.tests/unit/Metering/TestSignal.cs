using System;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Tests.Unit.Metering
{
    /// <summary>
    /// A small waveform generator for the engine's unit tests (device-compatible, so it is written
    /// with Math.Sin per sample and no generics; the full synthesizer lives in hal-simulator).
    /// Each input is a fundamental plus at most one harmonic; codes are quantized and clamped.
    /// </summary>
    public sealed class TestSignal
    {
        private readonly AdcFrontEnd _fe;
        private readonly double[] _amp;     // peak, engineering units
        private readonly double[] _angle;   // radians
        private readonly int[] _harmOrder;
        private readonly double[] _harmRatio;
        private readonly double[] _harmAngle;
        private readonly double[] _lsb;
        private readonly double[] _timeAdvance; // seconds: models a CT that leads
        private long _frame;
        private uint _rng = 12345;

        public TestSignal(AdcFrontEnd fe, double[] ctRated)
        {
            _fe = fe;
            int n = fe.ChannelsPerFrame;
            _amp = new double[n];
            _angle = new double[n];
            _harmOrder = new int[n];
            _harmRatio = new double[n];
            _harmAngle = new double[n];
            _lsb = new double[n];
            _timeAdvance = new double[n];
            for (int c = 0; c < n; c++)
            {
                _lsb[c] = c < AdcFrontEnd.VoltageChannels ? fe.VoltsPerCode : fe.AmpsPerCode(ctRated[c - AdcFrontEnd.VoltageChannels]);
            }

            FrequencyHz = 50.0;
        }

        public double FrequencyHz { get; set; }

        /// <summary>White noise added to every code, LSB RMS (uniform, deterministic).</summary>
        public double NoiseLsb { get; set; }

        public long Frame { get { return _frame; } }

        public void SetVoltage(int phase, double vrms, double angleDeg)
        {
            _amp[phase] = vrms * 1.4142135623730951;
            _angle[phase] = angleDeg * Math.PI / 180.0;
        }

        /// <summary>Channel k (1-based) carries irms at angleDeg relative to phase's voltage angle.</summary>
        public void SetCurrent(int channel, double irms, double absoluteAngleDeg)
        {
            int c = AdcFrontEnd.VoltageChannels + channel - 1;
            _amp[c] = irms * 1.4142135623730951;
            _angle[c] = absoluteAngleDeg * Math.PI / 180.0;
        }

        public void SetHarmonic(int input, int order, double percent, double angleDeg)
        {
            _harmOrder[input] = order;
            _harmRatio[input] = percent / 100.0;
            _harmAngle[input] = angleDeg * Math.PI / 180.0;
        }

        /// <summary>Makes the measured current of a channel lead the true one by angleDeg at the current frequency.</summary>
        public void SetCtPhaseError(int channel, double leadDeg)
        {
            _timeAdvance[AdcFrontEnd.VoltageChannels + channel - 1] = leadDeg / 360.0 / FrequencyHz;
        }

        public void Fill(SampleBlock block)
        {
            int stride = _fe.ChannelsPerFrame;
            double w = 2.0 * Math.PI * FrequencyHz;
            block.FirstFrameIndex = _frame;
            for (int f = 0; f < block.FrameCapacity; f++)
            {
                double t = (double)_frame / _fe.SampleRateHz;
                for (int c = 0; c < stride; c++)
                {
                    double x = 0.0;
                    if (_amp[c] != 0.0)
                    {
                        double th = w * (t + _timeAdvance[c]) + _angle[c];
                        x = _amp[c] * Math.Sin(th);
                        if (_harmOrder[c] > 1)
                        {
                            x += _amp[c] * _harmRatio[c] * Math.Sin(_harmOrder[c] * th + _harmAngle[c]);
                        }
                    }

                    double code = _fe.MidCode + x / _lsb[c] + NoiseLsb * Uniform();
                    int q = (int)Math.Floor(code + 0.5);
                    if (q < 0)
                    {
                        q = 0;
                    }
                    else if (q > _fe.MaxCode)
                    {
                        q = _fe.MaxCode;
                    }

                    block.Codes[f * stride + c] = q;
                }

                _frame++;
            }

            block.Frames = block.FrameCapacity;
        }

        // Uniform on [−√3, √3): unit variance.
        private double Uniform()
        {
            _rng = _rng * 1664525u + 1013904223u;
            return ((_rng >> 8) / 16777216.0 - 0.5) * 3.4641016151377544;
        }
    }
}
