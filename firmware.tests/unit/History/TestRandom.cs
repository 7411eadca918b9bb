using System;

namespace Ipenergy.Probe.Tests.Unit.History
{
    /// <summary>xorshift64* with Box–Muller normals: the same numbers on the host and on the device.</summary>
    public sealed class TestRandom
    {
        private ulong _state;
        private bool _hasSpare;
        private double _spare;

        public TestRandom(ulong seed)
        {
            _state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;
        }

        public ulong NextULong()
        {
            _state ^= _state >> 12;
            _state ^= _state << 25;
            _state ^= _state >> 27;
            return _state * 2685821657736338717UL;
        }

        /// <summary>Uniform in [0, 1).</summary>
        public double NextDouble()
        {
            return (NextULong() >> 11) * (1.0 / 9007199254740992.0);
        }

        public int Next(int maxExclusive)
        {
            return (int)(NextDouble() * maxExclusive);
        }

        public double NextGaussian()
        {
            if (_hasSpare)
            {
                _hasSpare = false;
                return _spare;
            }

            double u = 1.0 - NextDouble();
            double v = NextDouble();
            double radius = Math.Sqrt(-2.0 * Math.Log(u));
            _spare = radius * Math.Sin(2.0 * Math.PI * v);
            _hasSpare = true;
            return radius * Math.Cos(2.0 * Math.PI * v);
        }
    }
}
