using System;
using System.Linq;
using Ipenergy.Probe.Simulator;
using Xunit;
using static Ipenergy.Probe.Tests.Simulator.SimulatorTestSupport;

namespace Ipenergy.Probe.Tests.Simulator
{
    public class GaussianNoiseTests
    {
        [Fact]
        public void TheSameSeedGivesTheSameSequence()
        {
            GaussianNoise a = new GaussianNoise(42);
            GaussianNoise b = new GaussianNoise(42);
            GaussianNoise c = new GaussianNoise(43);
            double[] x = Enumerable.Range(0, 1000).Select(_ => a.Next()).ToArray();
            Assert.Equal(x, Enumerable.Range(0, 1000).Select(_ => b.Next()).ToArray());
            Assert.NotEqual(x, Enumerable.Range(0, 1000).Select(_ => c.Next()).ToArray());
        }

        [Fact]
        public void BatchedDrawsAreTheSequenceOfSingleDraws()
        {
            // Long enough to pass through the slow paths (wedges and tail) many times.
            GaussianNoise single = new GaussianNoise(7);
            GaussianNoise batched = new GaussianNoise(7);
            double[] expected = Enumerable.Range(0, 100000).Select(_ => 2.5 * single.Next()).ToArray();
            double[] got = new double[100000];
            int done = 0;
            int size = 1;
            while (done < got.Length)
            {
                int count = Math.Min(size, got.Length - done);
                batched.AddTo(got, done, count, 2.5);
                done += count;
                size = size % 50 + 1;
            }

            Assert.Equal(expected, got);
        }

        [Fact]
        public void DeviatesAreStandardNormal()
        {
            GaussianNoise g = new GaussianNoise(2026);
            const int N = 1000000;
            double[] x = Enumerable.Range(0, N).Select(_ => g.Next()).ToArray();
            double mean = x.Average();
            double variance = x.Select(v => v * v).Average() - mean * mean;
            double kurtosis = x.Select(v => v * v * v * v).Average() / (variance * variance);
            Near(0.0, mean, 0.005, "mean");
            Near(1.0, variance, 0.005, "variance");
            Near(3.0, kurtosis, 0.03, "kurtosis");
            // Normal tail fractions: P(|Z| > 1) = 31.73 %, P(|Z| > 2) = 4.550 %, P(|Z| > 3) = 0.270 %, P(|Z| > 4) = 0.0063 %.
            Near(0.3173, x.Count(v => Math.Abs(v) > 1) / (double)N, 0.002, "beyond 1 sigma");
            Near(0.04550, x.Count(v => Math.Abs(v) > 2) / (double)N, 0.0008, "beyond 2 sigma");
            Near(0.00270, x.Count(v => Math.Abs(v) > 3) / (double)N, 0.0002, "beyond 3 sigma (the ziggurat's base layer and tail)");
            Near(0.000063, x.Count(v => Math.Abs(v) > 4) / (double)N, 0.00004, "beyond 4 sigma (the tail)");
            Near(0.5, x.Count(v => v > 0) / (double)N, 0.002, "symmetry");
        }

        [Fact]
        public void UniformsCoverTheUnitInterval()
        {
            GaussianNoise g = new GaussianNoise(0);
            double[] u = Enumerable.Range(0, 100000).Select(_ => g.NextUnit()).ToArray();
            Assert.True(u.All(v => v >= 0 && v < 1));
            Near(0.5, u.Average(), 0.005, "mean");
            for (int decile = 0; decile < 10; decile++)
            {
                Near(0.1, u.Count(v => v >= decile / 10.0 && v < (decile + 1) / 10.0) / 100000.0, 0.005, "decile " + decile);
            }
        }
    }
}
