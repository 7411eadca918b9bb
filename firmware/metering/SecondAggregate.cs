using System;

namespace Ipenergy.Probe.Metering
{
    /// <summary>
    /// Folds the ≈200 ms windows of one second into the published values, weighting each window by
    /// its length: RMS values as the root of the mean square, powers as means (IEC 61000-4-30 style).
    /// The chip meter fills it with one window of weight 1 per second; <see cref="SnapshotBuilder"/> reads it.
    /// </summary>
    public sealed class SecondAggregate
    {
        private readonly int _channels;

        public SecondAggregate(int channels, int circuits)
        {
            _channels = channels;
            VV = new double[3];
            V1V1 = new double[3];
            Cycles = new int[3];
            CycleSeconds = new double[3];
            RelRe = new double[3];
            RelIm = new double[3];
            II = new double[channels];
            I1I1 = new double[channels];
            P = new double[channels];
            Q = new double[channels];
            P1 = new double[channels];
            S1 = new double[channels];
            NN = new double[circuits];
        }

        public long Frames;
        public int Windows;
        public double U2;

        /// <summary>Per phase: Σ Vrms²·n, Σ V1²·n, zero-crossing cycles and their duration in seconds, Σ phasor relative to L1.</summary>
        public readonly double[] VV;
        public readonly double[] V1V1;
        public readonly int[] Cycles;
        public readonly double[] CycleSeconds;
        public readonly double[] RelRe;
        public readonly double[] RelIm;

        /// <summary>Per channel: Σ Irms²·n, Σ I1²·n, Σ P·n, Σ Q1·n, Σ P1·n, Σ S1·n.</summary>
        public readonly double[] II;
        public readonly double[] I1I1;
        public readonly double[] P;
        public readonly double[] Q;
        public readonly double[] P1;
        public readonly double[] S1;

        /// <summary>Per circuit: Σ Ineutral²·n (3-phase circuits only).</summary>
        public readonly double[] NN;

        public void Clear()
        {
            Frames = 0;
            Windows = 0;
            U2 = 0.0;
            Array.Clear(VV, 0, 3);
            Array.Clear(V1V1, 0, 3);
            Array.Clear(Cycles, 0, 3);
            Array.Clear(CycleSeconds, 0, 3);
            Array.Clear(RelRe, 0, 3);
            Array.Clear(RelIm, 0, 3);
            Array.Clear(II, 0, _channels);
            Array.Clear(I1I1, 0, _channels);
            Array.Clear(P, 0, _channels);
            Array.Clear(Q, 0, _channels);
            Array.Clear(P1, 0, _channels);
            Array.Clear(S1, 0, _channels);
            Array.Clear(NN, 0, NN.Length);
        }
    }
}
