using System.Collections.Generic;

namespace Ipenergy.Probe.Simulator
{
    /// <summary>
    /// What the virtual e-Probe is connected to (spec: shared/spec/virtual-probe.md, "Scenario file"):
    /// three phase voltages, the currents of the listed channels, the converter, and timed events.
    /// Build one in code (benchmarks, tests) or load it with <see cref="ScenarioLoader"/>; check it with
    /// <see cref="ScenarioValidator"/>.
    /// </summary>
    public sealed class Scenario
    {
        public const double DefaultFrequencyHz = 50.0;

        public Scenario()
        {
            for (int k = 0; k < Phases.Length; k++)
            {
                Phases[k] = new PhaseSettings { AngleDeg = PhaseSettings.StandardAngleDeg(k) };
            }
        }

        /// <summary>MPP3 or MPP18; null = not said (MPP18 unless --model says otherwise).</summary>
        public string Model { get; set; }

        public double FrequencyHz { get; set; } = DefaultFrequencyHz;

        public AdcSettings Adc { get; set; } = new AdcSettings();

        /// <summary>L1, L2, L3 (index = phase).</summary>
        public PhaseSettings[] Phases { get; } = new PhaseSettings[3];

        /// <summary>Channels carrying current; channels not listed carry none.</summary>
        public List<ChannelSettings> Channels { get; } = new List<ChannelSettings>();

        /// <summary>In the order given; they are applied by time.</summary>
        public List<ScenarioEvent> Events { get; } = new List<ScenarioEvent>();

        /// <summary>Model in force: <see cref="Model"/>, or MPP18 when it is not said.</summary>
        public string EffectiveModel { get { return Model ?? ProbeModel.Mpp18; } }

        /// <summary>The listed channel with this number, or null.</summary>
        public ChannelSettings FindChannel(int channel)
        {
            foreach (ChannelSettings c in Channels)
            {
                if (c.Channel == channel)
                {
                    return c;
                }
            }

            return null;
        }

        public Scenario Clone()
        {
            Scenario copy = new Scenario { Model = Model, FrequencyHz = FrequencyHz, Adc = Adc.Clone() };
            for (int k = 0; k < Phases.Length; k++)
            {
                copy.Phases[k] = Phases[k].Clone();
            }

            foreach (ChannelSettings c in Channels)
            {
                copy.Channels.Add(c.Clone());
            }

            foreach (ScenarioEvent e in Events)
            {
                copy.Events.Add(e.Clone());
            }

            return copy;
        }
    }
}
