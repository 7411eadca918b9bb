using System;
using Ipenergy.Probe.Config;

namespace Ipenergy.Probe.Simulator
{
    /// <summary>
    /// The configuration the virtual e-Probe starts with: the installer has fitted the scenario's CTs on the
    /// scenario's phases, and picked the nominal frequency and voltage of the network.
    /// </summary>
    public static class MeterConfigFactory
    {
        private static readonly double[] StandardVoltages = { 100, 110, 115, 120, 127, 220, 230, 240, 277 };

        public static MeterConfig Create(Scenario scenario)
        {
            MeterConfig config = new MeterConfig(ProbeModel.ChannelCount(scenario.EffectiveModel));
            // Channels not listed keep the default: a 100 A CT on the terminal-block phase.
            foreach (ChannelSettings c in scenario.Channels)
            {
                ChannelConfig channel = config.Channels[c.Channel - 1];
                channel.CtRatedAmps = c.CtRatedA;
                channel.Phase = c.Phase;
            }

            config.NominalFrequencyHz = NearestNominalFrequency(scenario.FrequencyHz);
            config.NominalVoltage = NearestStandardVoltage(scenario, config.NominalVoltage);

            // The virtual e-Probe reaches no public time server: time comes from --ntp-server only.
            config.History.NtpServers = new string[0];
            return config;
        }

        /// <summary>50 or 60 Hz, whichever is nearer (55 Hz counts as 50).</summary>
        public static double NearestNominalFrequency(double frequencyHz)
        {
            return Math.Abs(frequencyHz - 60.0) < Math.Abs(frequencyHz - 50.0) ? 60.0 : 50.0;
        }

        /// <summary>The standard phase voltage nearest the highest phase's fundamental; fallback when all are 0 V.</summary>
        private static double NearestStandardVoltage(Scenario scenario, double fallback)
        {
            double highest = 0.0;
            foreach (PhaseSettings p in scenario.Phases)
            {
                highest = Math.Max(highest, p.Vrms);
            }

            if (highest <= 0.0)
            {
                return fallback;
            }

            double best = StandardVoltages[0];
            foreach (double v in StandardVoltages)
            {
                if (Math.Abs(v - highest) < Math.Abs(best - highest))
                {
                    best = v;
                }
            }

            return best;
        }
    }
}
