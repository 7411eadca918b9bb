using System;
using Ipenergy.Probe.Config;

namespace Ipenergy.Probe.Metering.Chip
{
    /// <summary>
    /// What the configuration means in the chip's registers, for our board's scaling (chip/README.md):
    /// Urms = u_in × 920 × Ugain / 32768 and Irms = i_in / 0.333 × 500 × Igain / 32768, with a 0.25 V rms voltage
    /// input at 230 V and 333 mV CTs; so Ugain = 32768 × voltage correction, Igain = 32768 × CT rating / 500 × correction.
    /// </summary>
    public static class Atm90e32Calibration
    {
        /// <summary>Gain register value of 1.0.</summary>
        public const double UnityGain = 32768.0;

        /// <summary>Primary amperes the current scaling of the chip gives at Igain = 32768 (our 500 A ceiling).</summary>
        public const double FullScaleCtAmps = 500.0;

        /// <summary>Ugain for a voltage gain correction (1.0 = nominal divider).</summary>
        public static int Ugain(double voltageGainCorrection)
        {
            return ToRegister(UnityGain * voltageGainCorrection);
        }

        /// <summary>Igain for a CT rating (A) and a channel gain correction.</summary>
        public static int Igain(double ctRatedAmps, double gainCorrection)
        {
            return ToRegister(UnityGain * ctRatedAmps / FullScaleCtAmps * gainCorrection);
        }

        /// <summary>MMode0: the 3P4W default with the nominal frequency bit.</summary>
        public static int MMode0(double nominalFrequencyHz)
        {
            return nominalFrequencyHz > 55.0
                ? Atm90e32Registers.MMode0Default | Atm90e32Registers.MMode0Freq60Hz
                : Atm90e32Registers.MMode0Default;
        }

        /// <summary>Fills the register values of chip <paramref name="chipIndex"/> (channels 3c+1..3c+3) from the configuration.</summary>
        public static void Fill(MeterConfig config, int chipIndex, Atm90e32Settings settings)
        {
            settings.MMode0 = MMode0(config.NominalFrequencyHz);
            for (int input = 0; input < Atm90e32Settings.Inputs; input++)
            {
                // Every chip sees L1, L2, L3 on UA, UB, UC.
                settings.Ugain[input] = Ugain(config.VoltageGainCorrection[input]);
                ChannelConfig ch = config.Channels[chipIndex * Atm90e32Settings.Inputs + input];
                settings.Igain[input] = Igain(ch.CtRatedAmps, ch.GainCorrection);
            }
        }

        // Rounded to the nearest integer and kept in 1..65535 (0 would silence the input).
        private static int ToRegister(double value)
        {
            double r = Math.Floor(value + 0.5);
            if (r < 1.0)
            {
                return 1;
            }

            return r > 65535.0 ? 65535 : (int)r;
        }
    }
}
