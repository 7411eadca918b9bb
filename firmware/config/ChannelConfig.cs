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
            Rack = "";
            Customer = "";
            Feed = "";
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

        /// <summary>Free text shown next to the channel (printable ASCII, ≤ 32 characters, like the labels below).</summary>
        public string Label { get; set; }

        /// <summary>Rack the CT's load is in (e.g. "R12").</summary>
        public string Rack { get; set; }

        /// <summary>Customer billed for this channel's energy.</summary>
        public string Customer { get; set; }

        /// <summary>Power feed (e.g. "A" or "B" of a dual-corded rack).</summary>
        public string Feed { get; set; }

        public ChannelConfig Clone()
        {
            ChannelConfig copy = new ChannelConfig(Number, Phase, CtRatedAmps);
            copy.GainCorrection = GainCorrection;
            copy.PhaseCorrectionDeg = PhaseCorrectionDeg;
            copy.Label = Label;
            copy.Rack = Rack;
            copy.Customer = Customer;
            copy.Feed = Feed;
            return copy;
        }
    }
}
