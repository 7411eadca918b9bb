using System;

namespace Ipenergy.Probe.Metering
{
    /// <summary>
    /// A cosine/sine pair at the measured fundamental, advanced by one rotation per frame (four
    /// multiply-adds instead of two Math calls), restarted at phase 0 at the start of each window.
    /// It also sums its own values so the window's least-squares sine fit needs no closed forms.
    /// </summary>
    public sealed class ReferenceOscillator
    {
        private double _rotCos = 1.0;
        private double _rotSin;

        /// <summary>cos(ω·n) for the current frame n of the window.</summary>
        public double Cos;

        /// <summary>sin(ω·n) for the current frame n of the window.</summary>
        public double Sin;

        public double SumCos;
        public double SumSin;
        public double SumCosCos;
        public double SumSinSin;
        public double SumCosSin;

        /// <summary>Angular step per frame, radians (2π·f / sample rate).</summary>
        public double RadiansPerFrame { get; private set; }

        /// <summary>Restarts at phase 0 with a new frequency; clears the sums.</summary>
        public void Restart(double radiansPerFrame)
        {
            RadiansPerFrame = radiansPerFrame;
            _rotCos = Math.Cos(radiansPerFrame);
            _rotSin = Math.Sin(radiansPerFrame);
            Cos = 1.0;
            Sin = 0.0;
            SumCos = 0.0;
            SumSin = 0.0;
            SumCosCos = 0.0;
            SumSinSin = 0.0;
            SumCosSin = 0.0;
        }

        /// <summary>Adds the current values to the sums, then rotates to the next frame.</summary>
        public void Step()
        {
            double c = Cos;
            double s = Sin;
            SumCos += c;
            SumSin += s;
            SumCosCos += c * c;
            SumSinSin += s * s;
            SumCosSin += c * s;
            Cos = c * _rotCos - s * _rotSin;
            Sin = s * _rotCos + c * _rotSin;
        }
    }
}
