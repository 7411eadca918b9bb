using System;

namespace Ipenergy.Probe.Metering
{
    /// <summary>
    /// Raw sums over one measurement window, in ADC codes centred on mid-scale. Integer sums are exact
    /// (24-bit codes, products ≤ 2^46, windows of a few thousand frames stay far below 2^63), so DC
    /// removal by Σx² − (Σx)²/N loses nothing. Only the sums against the reference oscillator are
    /// floating point. Allocated once; cleared at each window.
    /// </summary>
    public sealed class WindowSums
    {
        public WindowSums(int currentChannels, int threePhaseCircuits)
        {
            V = new long[3];
            VV = new long[3];
            VCos = new double[3];
            VSin = new double[3];
            VPrev = new long[3];
            VPrevCos = new double[3];
            VPrevSin = new double[3];
            I = new long[currentChannels];
            II = new long[currentChannels];
            VI = new long[currentChannels];
            VPrevI = new long[currentChannels];
            ICos = new double[currentChannels];
            ISin = new double[currentChannels];
            IaIb = new long[threePhaseCircuits];
            IbIc = new long[threePhaseCircuits];
            IcIa = new long[threePhaseCircuits];
        }

        /// <summary>Frames summed so far.</summary>
        public int Frames;

        /// <summary>Per phase: Σv, Σv², Σv·cos, Σv·sin.</summary>
        public readonly long[] V;
        public readonly long[] VV;
        public readonly double[] VCos;
        public readonly double[] VSin;

        /// <summary>Per phase: the same sums of the previous sample v(n−1) against the current reference (for the delay).</summary>
        public readonly long[] VPrev;
        public readonly double[] VPrevCos;
        public readonly double[] VPrevSin;

        /// <summary>Per channel: Σi, Σi², Σv·i, Σv(n−1)·i(n) (for the fractional delay), Σi·cos, Σi·sin.</summary>
        public readonly long[] I;
        public readonly long[] II;
        public readonly long[] VI;
        public readonly long[] VPrevI;
        public readonly double[] ICos;
        public readonly double[] ISin;

        /// <summary>Per 3-phase circuit: cross products of its conductors, for the neutral current.</summary>
        public readonly long[] IaIb;
        public readonly long[] IbIc;
        public readonly long[] IcIa;

        public void Clear()
        {
            Frames = 0;
            Array.Clear(V, 0, V.Length);
            Array.Clear(VV, 0, VV.Length);
            Array.Clear(VCos, 0, VCos.Length);
            Array.Clear(VSin, 0, VSin.Length);
            Array.Clear(VPrev, 0, VPrev.Length);
            Array.Clear(VPrevCos, 0, VPrevCos.Length);
            Array.Clear(VPrevSin, 0, VPrevSin.Length);
            Array.Clear(I, 0, I.Length);
            Array.Clear(II, 0, II.Length);
            Array.Clear(VI, 0, VI.Length);
            Array.Clear(VPrevI, 0, VPrevI.Length);
            Array.Clear(ICos, 0, ICos.Length);
            Array.Clear(ISin, 0, ISin.Length);
            Array.Clear(IaIb, 0, IaIb.Length);
            Array.Clear(IbIc, 0, IbIc.Length);
            Array.Clear(IcIa, 0, IcIa.Length);
        }
    }
}
