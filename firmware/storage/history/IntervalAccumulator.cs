namespace Ipenergy.Probe.Storage.History
{
    /// <summary>The open interval of one resolution: which one, seconds measured, 1-second min/max power.</summary>
    public sealed class IntervalAccumulator
    {
        public IntervalAccumulator(int channels)
        {
            MinW = new double[channels];
            MaxW = new double[channels];
        }

        public bool IsOpen;

        /// <summary>The interval ends at Index × length.</summary>
        public long Index;

        public long CoverageTicks;

        public double[] MinW;
        public double[] MaxW;

        public void Start(long index)
        {
            IsOpen = true;
            Index = index;
            CoverageTicks = 0;
            for (int c = 0; c < MinW.Length; c++)
            {
                MinW[c] = double.MaxValue;
                MaxW[c] = double.MinValue;
            }
        }

        public void Fold(int channel, double powerW)
        {
            if (powerW < MinW[channel])
            {
                MinW[channel] = powerW;
            }

            if (powerW > MaxW[channel])
            {
                MaxW[channel] = powerW;
            }
        }
    }
}
