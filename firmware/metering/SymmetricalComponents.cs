using System;

namespace Ipenergy.Probe.Metering
{
    /// <summary>Negative / positive sequence of three phase phasors (IEC 61000-4-30 voltage unbalance).</summary>
    public static class SymmetricalComponents
    {
        /// <summary>
        /// u2 = |V−| / |V+| in percent from the fundamental phasors of L1, L2, L3 (any common scale and reference,
        /// positive sequence = L2 lagging L1 by 120°); 0 without positive sequence.
        /// </summary>
        public static double UnbalancePercent(double[] re, double[] im)
        {
            // a = e^(j120°)
            const double ar = -0.5, ai = 0.8660254037844386;
            double aRe = re[0], aIm = im[0];
            double bRe = re[1], bIm = im[1];
            double cRe = re[2], cIm = im[2];

            // a·Vb, a²·Vb, a·Vc, a²·Vc (a² = conj(a))
            double abRe = ar * bRe - ai * bIm, abIm = ar * bIm + ai * bRe;
            double a2bRe = ar * bRe + ai * bIm, a2bIm = ar * bIm - ai * bRe;
            double acRe = ar * cRe - ai * cIm, acIm = ar * cIm + ai * cRe;
            double a2cRe = ar * cRe + ai * cIm, a2cIm = ar * cIm - ai * cRe;

            double posRe = aRe + abRe + a2cRe, posIm = aIm + abIm + a2cIm;
            double negRe = aRe + a2bRe + acRe, negIm = aIm + a2bIm + acIm;
            double pos = Math.Sqrt(posRe * posRe + posIm * posIm);
            double neg = Math.Sqrt(negRe * negRe + negIm * negIm);
            return pos > 1e-9 ? 100.0 * neg / pos : 0.0;
        }
    }
}
