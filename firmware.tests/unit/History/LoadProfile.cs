using System;

namespace Ipenergy.Probe.Tests.Unit.History
{
    /// <summary>
    /// Per-second channel powers for the retention figures.
    /// Data-centre day: each of the channels carries a rack feed of 1.5–6 kW (two are spare and carry
    /// nothing), a ±4 % daily swing (cooling, batch jobs), 1.5 % second-to-second noise (server power
    /// supplies following CPU load), and a few load steps a day of ±10–30 % (servers added, jobs started).
    /// Random: every second every channel an independent uniform load from 0 to 11.5 kW (a 50 A CT at
    /// 230 V): nothing to predict, the worst case for the encoder.
    /// </summary>
    public sealed class LoadProfile
    {
        private readonly TestRandom _random;
        private readonly double[] _base;
        private readonly double[] _phase;
        private readonly bool _worstCase;
        private long _second;

        private LoadProfile(int channels, ulong seed, bool worstCase)
        {
            _random = new TestRandom(seed);
            _worstCase = worstCase;
            Powers = new double[channels];
            _base = new double[channels];
            _phase = new double[channels];
            for (int c = 0; c < channels; c++)
            {
                _base[c] = (c % 9 == 8) ? 0.0 : 1500.0 + 4500.0 * _random.NextDouble();
                _phase[c] = 2.0 * Math.PI * _random.NextDouble();
            }
        }

        public static LoadProfile DataCentre(int channels, ulong seed)
        {
            return new LoadProfile(channels, seed, false);
        }

        public static LoadProfile Random(int channels, ulong seed)
        {
            return new LoadProfile(channels, seed, true);
        }

        /// <summary>The powers of the current second, W.</summary>
        public double[] Powers { get; private set; }

        /// <summary>Moves to the next second and returns its powers.</summary>
        public double[] Next()
        {
            _second++;
            for (int c = 0; c < Powers.Length; c++)
            {
                if (_worstCase)
                {
                    Powers[c] = 11500.0 * _random.NextDouble();
                    continue;
                }

                if (_base[c] == 0.0)
                {
                    Powers[c] = 0.0;
                    continue;
                }

                // About 4 steps a day over all channels.
                if (_random.NextDouble() < 4.0 / 86400.0 / Powers.Length)
                {
                    double factor = 1.0 + (0.1 + 0.2 * _random.NextDouble()) * (_random.NextDouble() < 0.5 ? -1 : 1);
                    _base[c] *= factor;
                }

                double daily = 1.0 + 0.04 * Math.Sin(2.0 * Math.PI * _second / 86400.0 + _phase[c]);
                Powers[c] = _base[c] * daily * (1.0 + 0.015 * _random.NextGaussian());
            }

            return Powers;
        }
    }
}
