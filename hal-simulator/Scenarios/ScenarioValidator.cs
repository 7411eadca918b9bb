using System;
using System.Collections.Generic;
using System.Globalization;
using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Simulator
{
    /// <summary>
    /// The value rules of a scenario (the JSON shape is checked by <see cref="ScenarioLoader"/>). Throws a
    /// <see cref="ScenarioException"/> naming the first offending path, e.g. "channels[3].irms: must be >= 0, got -1".
    /// </summary>
    public static class ScenarioValidator
    {
        public const double MinFrequencyHz = 40.0;
        public const double MaxFrequencyHz = 70.0;
        public const double MinCtRatedA = 5.0;
        public const double MaxCtRatedA = 500.0;
        public const int MinBits = 8;
        public const int MaxBits = 24;
        public const double MaxCtRatioErrorPercent = 50.0;
        public const double MaxCtPhaseErrorDeg = 30.0;

        /// <summary>Checks every rule; sampleRateHz bounds the harmonic orders (Nyquist).</summary>
        public static void Validate(Scenario scenario, string source, int sampleRateHz)
        {
            if (scenario.Model != null && !ProbeModel.IsKnown(scenario.Model))
            {
                throw new ScenarioException(source, "model", "must be MPP3 or MPP18, got " + Quote(scenario.Model));
            }

            int channelCount = ProbeModel.ChannelCount(scenario.EffectiveModel);
            CheckFrequency(source, "frequencyHz", scenario.FrequencyHz);
            double maxFrequency = scenario.FrequencyHz;
            foreach (ScenarioEvent e in scenario.Events)
            {
                if (e.FrequencyHz.HasValue && e.FrequencyHz.Value > maxFrequency)
                {
                    maxFrequency = e.FrequencyHz.Value;
                }
            }

            ValidateAdc(scenario.Adc, source);
            for (int k = 0; k < scenario.Phases.Length; k++)
            {
                string path = "phases." + PhaseNames.Name(k);
                PhaseSettings phase = scenario.Phases[k];
                CheckNonNegative(source, path + ".vrms", phase.Vrms);
                CheckFinite(source, path + ".angleDeg", phase.AngleDeg);
                ValidateHarmonics(phase.Harmonics, source, path, sampleRateHz, maxFrequency);
            }

            HashSet<int> seen = new HashSet<int>();
            for (int i = 0; i < scenario.Channels.Count; i++)
            {
                string path = "channels[" + i + "]";
                ChannelSettings c = scenario.Channels[i];
                if (c.Channel < 1 || c.Channel > channelCount)
                {
                    throw new ScenarioException(source, path + ".channel", "must be 1.." + channelCount + " on an " +
                        scenario.EffectiveModel + ", got " + c.Channel);
                }

                if (!seen.Add(c.Channel))
                {
                    throw new ScenarioException(source, path + ".channel", "channel " + c.Channel + " is listed twice");
                }

                if (c.Phase < 0 || c.Phase >= PhaseNames.Count)
                {
                    throw new ScenarioException(source, path + ".phase", "must be L1, L2 or L3, got phase index " + c.Phase);
                }

                CheckRange(source, path + ".ctRatedA", c.CtRatedA, MinCtRatedA, MaxCtRatedA);
                CheckNonNegative(source, path + ".irms", c.Irms);
                CheckFinite(source, path + ".angleDeg", c.AngleDeg);
                ValidateHarmonics(c.Harmonics, source, path, sampleRateHz, maxFrequency);
                CheckRange(source, path + ".ctPhaseErrorDeg", c.CtPhaseErrorDeg, -MaxCtPhaseErrorDeg, MaxCtPhaseErrorDeg);
                CheckRange(source, path + ".ctRatioErrorPercent", c.CtRatioErrorPercent, -MaxCtRatioErrorPercent, MaxCtRatioErrorPercent);
            }

            for (int i = 0; i < scenario.Events.Count; i++)
            {
                ValidateEvent(scenario, scenario.Events[i], source, "events[" + i + "]");
            }
        }

        private static void ValidateAdc(AdcSettings adc, string source)
        {
            if (adc.Bits < MinBits || adc.Bits > MaxBits)
            {
                throw new ScenarioException(source, "adc.bits", "must be " + MinBits + ".." + MaxBits + ", got " + adc.Bits);
            }

            CheckNonNegative(source, "adc.noiseRmsLsb", adc.NoiseRmsLsb);
        }

        private static void ValidateHarmonics(List<HarmonicSettings> harmonics, string source, string owner, int sampleRateHz, double maxFrequency)
        {
            HashSet<int> orders = new HashSet<int>();
            for (int i = 0; i < harmonics.Count; i++)
            {
                string path = owner + ".harmonics[" + i + "]";
                HarmonicSettings h = harmonics[i];
                if (h.Order < 2)
                {
                    throw new ScenarioException(source, path + ".order", "must be an integer >= 2, got " + h.Order);
                }

                if (!orders.Add(h.Order))
                {
                    throw new ScenarioException(source, path + ".order", "order " + h.Order + " is listed twice");
                }

                double nyquist = sampleRateHz / 2.0;
                if (h.Order * maxFrequency >= nyquist)
                {
                    throw new ScenarioException(source, path + ".order", "order " + h.Order + " at " + Format(maxFrequency) +
                        " Hz is " + Format(h.Order * maxFrequency) + " Hz, not below the Nyquist limit " + Format(nyquist) +
                        " Hz of --sample-rate " + sampleRateHz);
                }

                CheckNonNegative(source, path + ".percent", h.Percent);
                CheckFinite(source, path + ".angleDeg", h.AngleDeg);
            }
        }

        private static void ValidateEvent(Scenario scenario, ScenarioEvent e, string source, string path)
        {
            if (double.IsNaN(e.AtS) || double.IsInfinity(e.AtS) || e.AtS < 0)
            {
                throw new ScenarioException(source, path + ".atS", "must be a number >= 0, got " + Format(e.AtS));
            }

            if (e.Channel.HasValue && e.Phase.HasValue)
            {
                throw new ScenarioException(source, path, "names both a channel and a phase; one event changes one target");
            }

            if (e.Channel.HasValue)
            {
                if (scenario.FindChannel(e.Channel.Value) == null)
                {
                    throw new ScenarioException(source, path + ".channel", "unknown target: channel " + e.Channel.Value +
                        " is not listed in channels");
                }

                Forbid(source, path, "vrms", e.Vrms.HasValue, "a channel event");
                Forbid(source, path, "frequencyHz", e.FrequencyHz.HasValue, "a channel event");
                if (!e.Irms.HasValue && !e.AngleDeg.HasValue)
                {
                    throw new ScenarioException(source, path, "changes nothing: give irms and/or angleDeg");
                }

                if (e.Irms.HasValue)
                {
                    CheckNonNegative(source, path + ".irms", e.Irms.Value);
                }
            }
            else if (e.Phase.HasValue)
            {
                if (e.Phase.Value < 0 || e.Phase.Value >= PhaseNames.Count)
                {
                    throw new ScenarioException(source, path + ".phase", "unknown target: must be L1, L2 or L3, got phase index " + e.Phase.Value);
                }

                Forbid(source, path, "irms", e.Irms.HasValue, "a phase event");
                Forbid(source, path, "frequencyHz", e.FrequencyHz.HasValue, "a phase event");
                if (!e.Vrms.HasValue && !e.AngleDeg.HasValue)
                {
                    throw new ScenarioException(source, path, "changes nothing: give vrms and/or angleDeg");
                }

                if (e.Vrms.HasValue)
                {
                    CheckNonNegative(source, path + ".vrms", e.Vrms.Value);
                }
            }
            else
            {
                if (!e.FrequencyHz.HasValue)
                {
                    throw new ScenarioException(source, path, "needs a target: channel, phase, or frequencyHz alone");
                }

                Forbid(source, path, "irms", e.Irms.HasValue, "a frequency event");
                Forbid(source, path, "vrms", e.Vrms.HasValue, "a frequency event");
                Forbid(source, path, "angleDeg", e.AngleDeg.HasValue, "a frequency event");
                CheckFrequency(source, path + ".frequencyHz", e.FrequencyHz.Value);
            }

            if (e.AngleDeg.HasValue)
            {
                CheckFinite(source, path + ".angleDeg", e.AngleDeg.Value);
            }
        }

        private static void Forbid(string source, string path, string key, bool present, string kind)
        {
            if (present)
            {
                throw new ScenarioException(source, path + "." + key, "not allowed in " + kind);
            }
        }

        private static void CheckFrequency(string source, string path, double value)
        {
            CheckRange(source, path, value, MinFrequencyHz, MaxFrequencyHz);
        }

        private static void CheckRange(string source, string path, double value, double min, double max)
        {
            if (double.IsNaN(value) || value < min || value > max)
            {
                throw new ScenarioException(source, path, "must be " + Format(min) + ".." + Format(max) + ", got " + Format(value));
            }
        }

        private static void CheckNonNegative(string source, string path, double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value) || value < 0)
            {
                throw new ScenarioException(source, path, "must be a number >= 0, got " + Format(value));
            }
        }

        private static void CheckFinite(string source, string path, double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                throw new ScenarioException(source, path, "must be a finite number, got " + Format(value));
            }
        }

        internal static string Format(double value)
        {
            return value.ToString("R", CultureInfo.InvariantCulture);
        }

        internal static string Quote(string value)
        {
            return "'" + value + "'";
        }
    }
}
