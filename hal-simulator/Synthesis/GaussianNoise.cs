using System;

namespace Ipenergy.Probe.Simulator
{
    /// <summary>
    /// Deterministic white Gaussian noise (mean 0, σ 1): xoshiro256** uniforms seeded through splitmix64,
    /// shaped by a 128-layer ziggurat (Marsaglia &amp; Tsang), so a sample costs a few nanoseconds. The same seed
    /// always gives the same sequence, whatever the caller does between draws.
    /// </summary>
    public sealed class GaussianNoise
    {
        private const int Layers = 128;
        private const double TailStart = 3.442619855899;        // r: where the base layer's tail begins
        private const double LayerArea = 9.91256303526217e-3;   // v: area of every layer
        private const double UnitScale = 1.0 / (1L << 53);

        private static readonly double[] LayerX = BuildLayerX();
        private static readonly double[] LayerRatio = BuildLayerRatio();

        private ulong _s0, _s1, _s2, _s3;

        public GaussianNoise(long seed)
        {
            ulong sm = unchecked((ulong)seed);
            _s0 = SplitMix(ref sm);
            _s1 = SplitMix(ref sm);
            _s2 = SplitMix(ref sm);
            _s3 = SplitMix(ref sm);
        }

        /// <summary>Next standard normal deviate.</summary>
        public double Next()
        {
            ulong bits = NextBits();
            int layer = (int)(bits & (Layers - 1));
            double u = 2.0 * ((bits >> 11) * UnitScale) - 1.0;   // uniform in [-1, 1), independent of the layer bits
            if (Math.Abs(u) < LayerRatio[layer])
            {
                return u * LayerX[layer];                        // inside the layer's rectangle: ~99 % of draws
            }

            return Slow(layer, u);
        }

        /// <summary>A draw that fell outside its layer's rectangle: the tail, a wedge test, or a fresh draw.</summary>
        private double Slow(int layer, double u)
        {
            while (true)
            {
                if (layer == 0)
                {
                    return Tail(u < 0);
                }

                double x = u * LayerX[layer];
                double xi = LayerX[layer];
                double xi1 = LayerX[layer + 1];
                double f0 = Math.Exp(-0.5 * (xi * xi - x * x));
                double f1 = Math.Exp(-0.5 * (xi1 * xi1 - x * x));
                if (f1 + NextUnit() * (f0 - f1) < 1.0)
                {
                    return x;
                }

                ulong bits = NextBits();
                layer = (int)(bits & (Layers - 1));
                u = 2.0 * ((bits >> 11) * UnitScale) - 1.0;
                if (Math.Abs(u) < LayerRatio[layer])
                {
                    return u * LayerX[layer];
                }
            }
        }

        /// <summary>
        /// Adds scale × (next standard normal deviate) to each of the count values from offset: the same
        /// sequence as count calls of <see cref="Next"/>, with the generator state kept in registers.
        /// </summary>
        public void AddTo(double[] values, int offset, int count, double scale)
        {
            ulong s0 = _s0, s1 = _s1, s2 = _s2, s3 = _s3;
            double[] layerX = LayerX;
            double[] layerRatio = LayerRatio;
            int end = offset + count;
            for (int k = offset; k < end; k++)
            {
                ulong bits = RotateLeft(s1 * 5, 7) * 9;
                ulong t = s1 << 17;
                s2 ^= s0;
                s3 ^= s1;
                s1 ^= s2;
                s0 ^= s3;
                s2 ^= t;
                s3 = RotateLeft(s3, 45);
                int layer = (int)(bits & (Layers - 1));
                double u = 2.0 * ((bits >> 11) * UnitScale) - 1.0;
                double z;
                if (Math.Abs(u) < layerRatio[layer])
                {
                    z = u * layerX[layer];
                }
                else
                {
                    // Rare (~1 %): leave the fast path with the state written back, finish this draw the slow way.
                    _s0 = s0; _s1 = s1; _s2 = s2; _s3 = s3;
                    z = Slow(layer, u);
                    s0 = _s0; s1 = _s1; s2 = _s2; s3 = _s3;
                }

                values[k] += scale * z;
            }

            _s0 = s0; _s1 = s1; _s2 = s2; _s3 = s3;
        }

        /// <summary>Uniform in [0, 1).</summary>
        public double NextUnit()
        {
            return (NextBits() >> 11) * UnitScale;
        }

        /// <summary>64 uniform bits (xoshiro256**).</summary>
        public ulong NextBits()
        {
            ulong result = RotateLeft(_s1 * 5, 7) * 9;
            ulong t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = RotateLeft(_s3, 45);
            return result;
        }

        private double Tail(bool negative)
        {
            double x, y;
            do
            {
                x = Math.Log(1.0 - NextUnit()) / TailStart;   // 1 − U is in (0, 1]: no log(0)
                y = Math.Log(1.0 - NextUnit());
            }
            while (-2.0 * y < x * x);

            return negative ? x - TailStart : TailStart - x;
        }

        private static ulong SplitMix(ref ulong state)
        {
            state += 0x9E3779B97F4A7C15UL;
            ulong z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        private static ulong RotateLeft(ulong x, int k)
        {
            return (x << k) | (x >> (64 - k));
        }

        private static double Density(double x)
        {
            return Math.Exp(-0.5 * x * x);
        }

        // x[0] is the base layer's pseudo-width v/f(r) (rectangle plus tail), x[1] = r, then each layer's
        // right edge up to x[128] = 0 at the top.
        private static double[] BuildLayerX()
        {
            double[] x = new double[Layers + 1];
            x[0] = LayerArea / Density(TailStart);
            x[1] = TailStart;
            for (int i = 2; i < Layers; i++)
            {
                x[i] = Math.Sqrt(-2.0 * Math.Log(LayerArea / x[i - 1] + Density(x[i - 1])));
            }

            x[Layers] = 0.0;
            return x;
        }

        private static double[] BuildLayerRatio()
        {
            double[] x = BuildLayerX();
            double[] ratio = new double[Layers];
            for (int i = 0; i < Layers; i++)
            {
                ratio[i] = x[i + 1] / x[i];
            }

            return ratio;
        }
    }
}
