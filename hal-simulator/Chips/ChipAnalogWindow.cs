namespace Ipenergy.Probe.Simulator.Chips
{
    /// <summary>
    /// What one chip's analog inputs carried over one measurement window (whole cycles of the reference voltage
    /// within one simulated second), in volts at the pins, before the chip's gain registers apply. Inputs are
    /// indexed 0, 1, 2 = A, B, C. Filled by <see cref="SimulatedMeteringChips"/> and reused every second.
    /// </summary>
    public sealed class ChipAnalogWindow
    {
        public const int Inputs = 3;

        /// <summary>RMS of the voltage and current inputs (DC removed, as the chip's high-pass filter does).</summary>
        public double[] UrmsIn { get; } = new double[Inputs];

        public double[] IrmsIn { get; } = new double[Inputs];

        /// <summary>Mean of u·i per input (total active power at the pins, V²).</summary>
        public double[] PowerIn { get; } = new double[Inputs];

        /// <summary>Fundamental phasors (RMS magnitude) of the voltage and current inputs, real and imaginary parts.</summary>
        public double[] U1Re { get; } = new double[Inputs];

        public double[] U1Im { get; } = new double[Inputs];

        public double[] I1Re { get; } = new double[Inputs];

        public double[] I1Im { get; } = new double[Inputs];

        /// <summary>Mean of i_a·i_b for every pair of current inputs (the neutral current follows once the gains apply).</summary>
        public double[,] CurrentCovariance { get; } = new double[Inputs, Inputs];

        /// <summary>Measured line frequency; 0 when no voltage input carries a signal.</summary>
        public double FrequencyHz { get; set; }

        /// <summary>Simulated seconds the window stands for (its energy is P × this).</summary>
        public double DurationS { get; set; }
    }
}
