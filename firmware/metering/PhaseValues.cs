namespace Ipenergy.Probe.Metering
{
    /// <summary>One phase voltage over a 1-second aggregate.</summary>
    public sealed class PhaseValues
    {
        public PhaseValues(int phase)
        {
            Phase = phase;
        }

        /// <summary>Phase index (Common.PhaseNames).</summary>
        public int Phase { get; private set; }

        /// <summary>True RMS including harmonics, volts.</summary>
        public double Vrms { get; set; }

        /// <summary>RMS of the fundamental only, volts.</summary>
        public double FundamentalVrms { get; set; }

        /// <summary>Frequency from this phase's own zero crossings; 0 when the phase is absent.</summary>
        public double FrequencyHz { get; set; }

        /// <summary>Total harmonic distortion relative to the fundamental (THD-F), percent.</summary>
        public double ThdPercent { get; set; }

        /// <summary>Angle of the fundamental relative to L1's, degrees in (−180, 180].</summary>
        public double AngleDeg { get; set; }

        /// <summary>False when the phase carries less than 10 % of the nominal voltage (lost phase).</summary>
        public bool Present { get; set; }
    }
}
