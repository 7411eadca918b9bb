using System;

namespace Ipenergy.Probe.Benchmarks
{
    /// <summary>
    /// The reference the engine's cost is compared with: a textbook meter as it is often written,
    /// with a floating-point high-pass filter per sample for DC removal, and the fundamental by a
    /// DFT whose reference is computed with Math.Sin/Math.Cos per sample. Same outputs per channel
    /// (RMS, P, fundamental phasor), no calibration. Only its cost is used.
    /// </summary>
    public sealed class NaiveReferenceMeter
    {
        private readonly int _channels;
        private readonly int _mid;
        private readonly double[] _dc;
        private readonly double[] _sq;
        private readonly double[] _p;
        private readonly double[] _re;
        private readonly double[] _im;
        private readonly double _omega;
        private long _n;

        public NaiveReferenceMeter(int channelsPerFrame, int midCode, double omega)
        {
            _channels = channelsPerFrame;
            _mid = midCode;
            _omega = omega;
            _dc = new double[channelsPerFrame];
            _sq = new double[channelsPerFrame];
            _p = new double[channelsPerFrame];
            _re = new double[channelsPerFrame];
            _im = new double[channelsPerFrame];
        }

        public double Checksum
        {
            get
            {
                double s = 0;
                for (int c = 0; c < _channels; c++)
                {
                    s += _sq[c] + _p[c] + _re[c] + _im[c];
                }

                return s;
            }
        }

        public void Process(int[] codes, int frames)
        {
            for (int f = 0; f < frames; f++)
            {
                int b = f * _channels;
                double th = _omega * _n++;
                double c = Math.Cos(th), s = Math.Sin(th);
                double v = 0;
                for (int k = 0; k < _channels; k++)
                {
                    double x = codes[b + k] - _mid;
                    _dc[k] += 0.001 * (x - _dc[k]);
                    x -= _dc[k];
                    if (k < 3)
                    {
                        v = x;
                    }

                    _sq[k] += x * x;
                    _p[k] += v * x;
                    _re[k] += x * c;
                    _im[k] += x * s;
                }
            }
        }
    }
}
