namespace Ipenergy.Probe.Metering
{
    /// <summary>
    /// Positive-going zero crossings of the three phase voltages, interpolated between samples, with
    /// hysteresis so harmonics and noise near zero cannot count twice: a phase must first fall below
    /// −threshold to arm. Positions are in frames relative to the current window's first frame.
    /// Gives each phase's frequency and tells the engine when the reference phase completes a cycle.
    /// </summary>
    public sealed class ZeroCrossingTracker
    {
        private readonly bool[] _armed = new bool[3];
        private readonly int[] _offset = new int[3];

        /// <summary>Crossings seen in the current window, per phase.</summary>
        public readonly int[] Count = new int[3];

        /// <summary>Last crossing position in the current window, per phase.</summary>
        public readonly double[] Last = new double[3];

        /// <summary>Last crossing before the current window (negative position), per phase.</summary>
        public readonly double[] Previous = new double[3];

        /// <summary>Whether Previous holds a recent crossing.</summary>
        public readonly bool[] HasPrevious = new bool[3];

        /// <summary>Codes a phase must swing below its offset to arm (10 % of the nominal peak).</summary>
        public int ArmThreshold { get; set; }

        /// <summary>
        /// Feeds sample x of phase p at frame position n, given the previous sample. Returns true on a
        /// positive-going crossing between them: a few compares per sample.
        /// </summary>
        public bool Feed(int p, int x, int previous, int n)
        {
            int xo = x - _offset[p];
            if (xo < -ArmThreshold)
            {
                _armed[p] = true;
                return false;
            }

            if (!_armed[p] || xo < 0)
            {
                return false;
            }

            // previous sample was below the offset (we were armed and had not crossed yet).
            int po = previous - _offset[p];
            double frac = po < 0 ? (double)(-po) / (xo - po) : 0.0;
            Last[p] = n - 1 + frac;
            Count[p]++;
            _armed[p] = false;
            return true;
        }

        /// <summary>
        /// Whole cycles phase p completed in this window and the frames they took (from the last
        /// crossing before the window to the last one in it); 0 cycles when it cannot tell.
        /// </summary>
        public int Cycles(int p, out double frames)
        {
            if (Count[p] == 0 || !HasPrevious[p])
            {
                frames = 0.0;
                return 0;
            }

            frames = Last[p] - Previous[p];
            return Count[p];
        }

        /// <summary>Moves to the next window, which starts windowFrames after the current one.</summary>
        public void NextWindow(int windowFrames, int[] dcOffsetCodes, int maxGapFrames)
        {
            for (int p = 0; p < 3; p++)
            {
                if (Count[p] > 0)
                {
                    Previous[p] = Last[p] - windowFrames;
                    HasPrevious[p] = true;
                }
                else if (HasPrevious[p])
                {
                    Previous[p] -= windowFrames;
                    if (Previous[p] < -maxGapFrames)
                    {
                        HasPrevious[p] = false; // phase lost: the next crossing starts afresh
                    }
                }

                Count[p] = 0;
                _offset[p] = dcOffsetCodes[p];
            }
        }
    }
}
