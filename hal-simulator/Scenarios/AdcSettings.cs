namespace Ipenergy.Probe.Simulator
{
    /// <summary>The simulated converter: resolution, white noise and the seed that makes the noise repeatable.</summary>
    public sealed class AdcSettings
    {
        public const int DefaultBits = 12;

        /// <summary>ADC resolution, 8 … 24 bits.</summary>
        public int Bits { get; set; } = DefaultBits;

        /// <summary>RMS of the white Gaussian noise added to every code, in LSB (0 = ideal converter).</summary>
        public double NoiseRmsLsb { get; set; }

        /// <summary>Seed of the noise generator: the same seed gives the same codes.</summary>
        public long Seed { get; set; } = 1;

        public AdcSettings Clone()
        {
            return new AdcSettings { Bits = Bits, NoiseRmsLsb = NoiseRmsLsb, Seed = Seed };
        }
    }
}
