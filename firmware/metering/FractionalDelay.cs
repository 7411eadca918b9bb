using System;

namespace Ipenergy.Probe.Metering
{
    /// <summary>
    /// Phase calibration as a fractional-sample time shift applied to sums, not samples. For a
    /// sinusoid at ω rad/frame, x(n − d) = A·x(n) + B·x(n + 1) exactly, with
    /// A = sin((1 + d)ω) / sin ω and B = −sin(dω) / sin ω. So Σv(n)·i(n − d) = A·Σv·i + B·Σv(n−1)·i(n):
    /// one extra multiply-add per sample buys an exact correction at the fundamental, at the measured
    /// frequency, and a close one for low harmonics (the shift is small: CT errors are a few degrees).
    /// </summary>
    public static class FractionalDelay
    {
        /// <summary>Weight of the lag-0 sum for a delay of d frames at ω rad/frame.</summary>
        public static double LagZeroWeight(double d, double omega)
        {
            return d == 0.0 ? 1.0 : Math.Sin((1.0 + d) * omega) / Math.Sin(omega);
        }

        /// <summary>Weight of the Σv(n−1)·i(n) sum for a delay of d frames at ω rad/frame.</summary>
        public static double LagOneWeight(double d, double omega)
        {
            return d == 0.0 ? 0.0 : -Math.Sin(d * omega) / Math.Sin(omega);
        }
    }
}
