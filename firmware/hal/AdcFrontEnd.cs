namespace Ipenergy.Probe.Hal
{
    /// <summary>
    /// What the analog front end delivers: how many channels, how fast, and how ADC codes map to
    /// volts and amperes. A board describes its hardware with one of these; the metering engine
    /// never assumes a sample rate or a resolution.
    /// </summary>
    public sealed class AdcFrontEnd
    {
        /// <summary>Phase voltage inputs per frame (L1, L2, L3), always first in a frame.</summary>
        public const int VoltageChannels = 3;

        /// <summary>
        /// Peak current that reaches the ADC's half range, per ampere of CT rating. The front end is
        /// designed so that 125 % of the CT rating, sinusoidal, just fits: 1.25 × √2.
        /// </summary>
        public const double CurrentFullScalePerRatedAmp = 1.25 * 1.4142135623730951;

        public AdcFrontEnd(int sampleRateHz, int bits, int currentChannels, double voltageFullScalePeakVolts)
        {
            SampleRateHz = sampleRateHz;
            Bits = bits;
            CurrentChannels = currentChannels;
            VoltageFullScalePeakVolts = voltageFullScalePeakVolts;
            MidCode = 1 << (bits - 1);
            MaxCode = (1 << bits) - 1;
        }

        /// <summary>Frames per second; every channel is sampled once per frame.</summary>
        public int SampleRateHz { get; private set; }

        /// <summary>ADC resolution; codes are offset binary, 0 … 2^bits − 1.</summary>
        public int Bits { get; private set; }

        /// <summary>CT inputs per frame: 3 on an MPP3, 18 on an MPP18.</summary>
        public int CurrentChannels { get; private set; }

        /// <summary>Voltage (peak) that maps to a code offset of MidCode from MidCode.</summary>
        public double VoltageFullScalePeakVolts { get; private set; }

        /// <summary>Code of 0 V / 0 A (half range).</summary>
        public int MidCode { get; private set; }

        /// <summary>Largest code the converter returns.</summary>
        public int MaxCode { get; private set; }

        /// <summary>Codes in one frame: voltages first, then currents.</summary>
        public int ChannelsPerFrame { get { return VoltageChannels + CurrentChannels; } }

        /// <summary>Volts per ADC code on a voltage input.</summary>
        public double VoltsPerCode { get { return VoltageFullScalePeakVolts / MidCode; } }

        /// <summary>Amperes per ADC code on a current input fitted with a CT of the given rating.</summary>
        public double AmpsPerCode(double ctRatedAmps)
        {
            return ctRatedAmps * CurrentFullScalePerRatedAmp / MidCode;
        }
    }
}
