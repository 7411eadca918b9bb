namespace Ipenergy.Probe.Config
{
    /// <summary>One CT input: which phase it measures, the CT fitted and its calibration.</summary>
    public sealed class ChannelConfig
    {
        public ChannelConfig(int number, int phase, double ctRatedAmps)
        {
            Number = number;
            Phase = phase;
            CtRatedAmps = ctRatedAmps;
            GainCorrection = 1.0;
            PhaseCorrectionDeg = 0.0;
            Label = "";
        }

        /// <summary>1-based channel number as printed on the front panel.</summary>
        public int Number { get; private set; }

        /// <summary>Phase index (Common.PhaseNames) whose voltage multiplies this current.</summary>
        public int Phase { get; set; }

        /// <summary>Primary current of the CT at which it delivers its rated output (5 … 500 A).</summary>
        public double CtRatedAmps { get; set; }

        /// <summary>Multiplier applied to the measured current (1.0 = none); undoes a CT ratio error.</summary>
        public double GainCorrection { get; set; }

        /// <summary>
        /// Degrees (at the nominal frequency) by which the measured current is delayed to undo a CT
        /// that leads; negative advances it. Applied as a time shift, so harmonics move in proportion.
        /// </summary>
        public double PhaseCorrectionDeg { get; set; }

        /// <summary>Free text: rack, PDU, customer.</summary>
        public string Label { get; set; }
    }
}
