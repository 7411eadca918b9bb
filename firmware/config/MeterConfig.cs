using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Config
{
    /// <summary>What the metering engine needs to know about the installation.</summary>
    public sealed class MeterConfig
    {
        public MeterConfig(int channelCount)
        {
            NominalVoltage = 230.0;
            NominalFrequencyHz = 50.0;
            VoltageGainCorrection = new double[] { 1.0, 1.0, 1.0 };
            Channels = new ChannelConfig[channelCount];
            for (int i = 0; i < channelCount; i++)
            {
                // Default wiring: channels run L1, L2, L3, L1, … as on the terminal block.
                Channels[i] = new ChannelConfig(i + 1, i % PhaseNames.Count, 100.0);
            }

            Circuits = new CircuitConfig[0];
        }

        /// <summary>Phase-to-neutral nominal voltage (230 V in Europe, 120/277 V elsewhere).</summary>
        public double NominalVoltage { get; set; }

        /// <summary>50 or 60 Hz: selects 10- or 12-cycle measurement windows (≈ 200 ms).</summary>
        public double NominalFrequencyHz { get; set; }

        /// <summary>Multiplier per phase voltage input (1.0 = none).</summary>
        public double[] VoltageGainCorrection { get; private set; }

        public ChannelConfig[] Channels { get; private set; }

        public CircuitConfig[] Circuits { get; set; }

        /// <summary>Cycles per measurement window: 10 at 50 Hz, 12 at 60 Hz (IEC 61000-4-30).</summary>
        public int CyclesPerWindow { get { return NominalFrequencyHz > 55.0 ? 12 : 10; } }
    }
}
