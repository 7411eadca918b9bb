namespace Ipenergy.Probe.Metering
{
    /// <summary>
    /// Least-squares fit of x(n) ≈ a + b·cos(ωn) + d·sin(ωn) over one window (IEEE 1057 three-parameter
    /// sine fit at a known frequency). The window never holds an exact whole number of cycles at a fixed
    /// sample rate; a plain DFT bin would then leak, the fit does not: a pure fundamental plus DC is
    /// recovered exactly whatever the window length. The 3×3 normal matrix depends only on the
    /// reference, so it is inverted once per window and shared by every channel.
    ///
    /// The fit also splits each signal exactly into fundamental and rest: for a least-squares fit the
    /// residual r = x − x̂ is orthogonal to 1, cos and sin, so Σr² = Σx² − (a·Σx + b·Σx·cos + d·Σx·sin)
    /// and Σ r_v·r_i = Σv·i − (a_i·Σv + b_i·Σv·cos + d_i·Σv·sin). RMS values and powers are then the
    /// exact fundamental (no window-truncation error) plus the harmonic part from these residuals.
    /// </summary>
    public sealed class SineFit
    {
        // Rows of the inverse normal matrix: a, b and d from (Σx, Σx·cos, Σx·sin).
        private double _a0, _a1, _a2, _b0, _b1, _b2, _d0, _d1, _d2;

        /// <summary>Results of the last Decompose: DC term, cosine and sine coefficients (codes).</summary>
        public double Dc;
        public double Cos;
        public double Sin;

        /// <summary>Results of the last Decompose: mean square of the fundamental, and in all (DC removed), codes².</summary>
        public double FundamentalMeanSquare;
        public double MeanSquare;

        /// <summary>False when the window is too short or the matrix singular (no fit then).</summary>
        public bool Valid { get; private set; }

        /// <summary>Prepares the fit for a window of n frames using the oscillator's sums.</summary>
        public void Prepare(int n, ReferenceOscillator r)
        {
            double m00 = n, m01 = r.SumCos, m02 = r.SumSin;
            double m11 = r.SumCosCos, m12 = r.SumCosSin, m22 = r.SumSinSin;

            // Cofactors of the symmetric matrix.
            double c00 = m11 * m22 - m12 * m12;
            double c01 = -(m01 * m22 - m12 * m02);
            double c02 = m01 * m12 - m11 * m02;
            double c11 = m00 * m22 - m02 * m02;
            double c12 = -(m00 * m12 - m01 * m02);
            double c22 = m00 * m11 - m01 * m01;
            double det = m00 * c00 + m01 * c01 + m02 * c02;
            if (n < 8 || det <= 1e-9 * n * n * n)
            {
                Valid = false;
                return;
            }

            double k = 1.0 / det;
            _a0 = c00 * k;
            _a1 = c01 * k;
            _a2 = c02 * k;
            _b0 = c01 * k;
            _b1 = c11 * k;
            _b2 = c12 * k;
            _d0 = c02 * k;
            _d1 = c12 * k;
            _d2 = c22 * k;
            Valid = true;
        }

        /// <summary>
        /// Splits one signal of the window: Σx, Σx·cos, Σx·sin and Σx² in, results in the fields above.
        /// Without a valid fit the mean square is the plain DC-removed one and the fundamental is zero.
        /// </summary>
        public void Decompose(double sum, double sumCos, double sumSin, double sumSquares, double invN)
        {
            double mean = sum * invN;
            if (!Valid)
            {
                Dc = mean;
                Cos = 0.0;
                Sin = 0.0;
                FundamentalMeanSquare = 0.0;
                double raw = (sumSquares - sum * mean) * invN;
                MeanSquare = raw > 0.0 ? raw : 0.0;
                return;
            }

            Dc = DcTerm(sum, sumCos, sumSin);
            Cos = CosTerm(sum, sumCos, sumSin);
            Sin = SinTerm(sum, sumCos, sumSin);
            FundamentalMeanSquare = 0.5 * (Cos * Cos + Sin * Sin);
            double resid = (sumSquares - (Dc * sum + Cos * sumCos + Sin * sumSin)) * invN;
            MeanSquare = FundamentalMeanSquare + (resid > 0.0 ? resid : 0.0);
        }

        /// <summary>Constant term a (the DC offset).</summary>
        public double DcTerm(double sum, double sumCos, double sumSin)
        {
            return _a0 * sum + _a1 * sumCos + _a2 * sumSin;
        }

        /// <summary>Cosine coefficient b (in-phase with the reference).</summary>
        public double CosTerm(double sum, double sumCos, double sumSin)
        {
            return _b0 * sum + _b1 * sumCos + _b2 * sumSin;
        }

        /// <summary>Sine coefficient d (quadrature).</summary>
        public double SinTerm(double sum, double sumCos, double sumSin)
        {
            return _d0 * sum + _d1 * sumCos + _d2 * sumSin;
        }
    }
}
