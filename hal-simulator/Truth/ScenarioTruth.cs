using System;
using System.Collections.Generic;
using System.Linq;
using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Simulator
{
    /// <summary>
    /// The values a meter must report for a scenario, from the spec's closed formulas, at any simulated time
    /// (events included). An event at atS takes effect at frame ⌈atS·fs⌉, the first sample at or after atS,
    /// exactly as the <see cref="WaveformSynthesizer"/> plays it.
    /// By default the truth is the physical one (what a calibrated meter reports); throughUncorrectedCt gives
    /// what a meter sees through the scenario's imperfect CTs before calibration.
    /// </summary>
    public sealed class ScenarioTruth
    {
        private const double DegToRad = Math.PI / 180.0;

        private readonly Scenario _scenario;

        public ScenarioTruth(Scenario scenario, int sampleRateHz = WaveformSynthesizer.DefaultSampleRateHz)
        {
            _scenario = scenario.Clone();
            ScenarioValidator.Validate(_scenario, "scenario", sampleRateHz);
            SampleRateHz = sampleRateHz;
            // Stable sort: events at the same instant apply in the order written.
            OrderedEvents = _scenario.Events.OrderBy(e => EventFrame(e)).ToArray();
        }

        public int SampleRateHz { get; }

        /// <summary>Events sorted by the frame at which they take effect.</summary>
        internal ScenarioEvent[] OrderedEvents { get; }

        /// <summary>First frame that carries the event's change: ⌈atS·fs⌉.</summary>
        public long EventFrame(ScenarioEvent e)
        {
            return (long)Math.Ceiling(e.AtS * SampleRateHz - 1e-6);
        }

        /// <summary>Simulated second at which the event's change starts: EventFrame / fs.</summary>
        public double EventTimeS(ScenarioEvent e)
        {
            return (double)EventFrame(e) / SampleRateHz;
        }

        /// <summary>System frequency at simulated second atS.</summary>
        public double FrequencyHz(double atS)
        {
            return StateAt(atS).FrequencyHz;
        }

        public PhaseTruth Phase(int phase, double atS)
        {
            return PhaseOf(StateAt(atS), phase);
        }

        /// <summary>The channel's truth at simulated second atS; a channel not listed carries no current.</summary>
        public ChannelTruth Channel(int channel, double atS, bool throughUncorrectedCt = false)
        {
            return ChannelOf(StateAt(atS), channel, throughUncorrectedCt);
        }

        /// <summary>Energy on the channel between simulated seconds fromS and toS (P is constant between events).</summary>
        public EnergyTruth Energy(int channel, double fromS, double toS, bool throughUncorrectedCt = false)
        {
            EnergyTruth result = new EnergyTruth();
            List<double> bounds = new List<double> { fromS };
            foreach (ScenarioEvent e in OrderedEvents)
            {
                double t = EventTimeS(e);
                if (t > fromS && t < toS)
                {
                    bounds.Add(t);
                }
            }

            bounds.Add(toS);
            for (int i = 0; i + 1 < bounds.Count; i++)
            {
                double hours = (bounds[i + 1] - bounds[i]) / 3600.0;
                if (hours <= 0)
                {
                    continue;
                }

                ChannelTruth truth = Channel(channel, bounds[i], throughUncorrectedCt);
                if (truth.ActivePowerW >= 0)
                {
                    result.ImportWh += truth.ActivePowerW * hours;
                }
                else
                {
                    result.ExportWh -= truth.ActivePowerW * hours;
                }

                result.ReactiveVarh += truth.ReactivePowerVar * hours;
            }

            return result;
        }

        /// <summary>Voltage unbalance u2 = |V₂|/|V₁| of the fundamentals, percent (0 without a positive sequence).</summary>
        public double VoltageUnbalancePercent(double atS)
        {
            State s = StateAt(atS);
            // a = e^{j120°}: V₁ = (Va + a·Vb + a²·Vc)/3, V₂ = (Va + a²·Vb + a·Vc)/3 (the 1/3 cancels).
            double p1Re = 0, p1Im = 0, p2Re = 0, p2Im = 0;
            for (int k = 0; k < 3; k++)
            {
                double angle = s.PhaseAngleDeg[k] * DegToRad;
                double rot1 = angle + k * 2.0 * Math.PI / 3.0;
                double rot2 = angle - k * 2.0 * Math.PI / 3.0;
                p1Re += s.PhaseVrms[k] * Math.Cos(rot1);
                p1Im += s.PhaseVrms[k] * Math.Sin(rot1);
                p2Re += s.PhaseVrms[k] * Math.Cos(rot2);
                p2Im += s.PhaseVrms[k] * Math.Sin(rot2);
            }

            double positive = Math.Sqrt(p1Re * p1Re + p1Im * p1Im);
            return positive > 0 ? 100.0 * Math.Sqrt(p2Re * p2Re + p2Im * p2Im) / positive : 0.0;
        }

        private PhaseTruth PhaseOf(State s, int phase)
        {
            double thd = Thd(_scenario.Phases[phase].Harmonics);
            double v = s.PhaseVrms[phase];
            return new PhaseTruth
            {
                Phase = phase,
                FundamentalVrms = v,
                Vrms = v * Math.Sqrt(1.0 + thd * thd / 1e4),
                ThdPercent = thd,
                AngleDeg = s.PhaseAngleDeg[phase],
            };
        }

        private ChannelTruth ChannelOf(State s, int channel, bool throughUncorrectedCt)
        {
            ChannelSettings c = _scenario.FindChannel(channel);
            if (c == null)
            {
                int wired = (channel - 1 + PhaseNames.Count) % PhaseNames.Count;
                return new ChannelTruth { Channel = channel, Phase = wired, Vrms = PhaseOf(s, wired).Vrms, CosPhi = 1.0 };
            }

            PhaseSettings phase = _scenario.Phases[c.Phase];
            double v = s.PhaseVrms[c.Phase];
            double i = s.ChannelIrms[channel];
            double alpha = s.ChannelAngleDeg[channel];
            if (throughUncorrectedCt)
            {
                i *= 1.0 + c.CtRatioErrorPercent / 100.0;
                alpha += c.CtPhaseErrorDeg;
            }

            double alphaRad = alpha * DegToRad;
            double harmonicP = 0.0;
            foreach (HarmonicSettings hi in c.Harmonics)
            {
                foreach (HarmonicSettings hv in phase.Harmonics)
                {
                    if (hv.Order == hi.Order)
                    {
                        harmonicP += hv.Percent * hi.Percent / 1e4 *
                            Math.Cos((hv.AngleDeg - hi.AngleDeg) * DegToRad - hi.Order * alphaRad);
                    }
                }
            }

            double thdI = Thd(c.Harmonics);
            double thdV = Thd(phase.Harmonics);
            double vrms = v * Math.Sqrt(1.0 + thdV * thdV / 1e4);
            double irms = i * Math.Sqrt(1.0 + thdI * thdI / 1e4);
            double p = v * i * (Math.Cos(alphaRad) + harmonicP);
            double apparent = vrms * irms;
            return new ChannelTruth
            {
                Channel = channel,
                Phase = c.Phase,
                Vrms = vrms,
                Irms = irms,
                FundamentalIrms = i,
                CurrentThdPercent = thdI,
                AngleDeg = alpha,
                ActivePowerW = p,
                ReactivePowerVar = v * i * Math.Sin(-alphaRad),
                ApparentPowerVA = apparent,
                PowerFactor = apparent > 0 ? p / apparent : 0.0,
                CosPhi = Math.Cos(alphaRad),
            };
        }

        private static double Thd(List<HarmonicSettings> harmonics)
        {
            double sum = 0.0;
            foreach (HarmonicSettings h in harmonics)
            {
                sum += h.Percent * h.Percent;
            }

            return Math.Sqrt(sum);
        }

        /// <summary>The scenario's values after every event with AtS ≤ atS (its samples change from EventFrame on).</summary>
        private State StateAt(double atS)
        {
            State s = new State(_scenario);
            foreach (ScenarioEvent e in OrderedEvents)
            {
                if (e.AtS > atS + 1e-9)
                {
                    continue;
                }

                if (e.Channel.HasValue)
                {
                    int c = e.Channel.Value;
                    s.ChannelIrms[c] = e.Irms ?? s.ChannelIrms[c];
                    s.ChannelAngleDeg[c] = e.AngleDeg ?? s.ChannelAngleDeg[c];
                }
                else if (e.Phase.HasValue)
                {
                    int k = e.Phase.Value;
                    s.PhaseVrms[k] = e.Vrms ?? s.PhaseVrms[k];
                    s.PhaseAngleDeg[k] = e.AngleDeg ?? s.PhaseAngleDeg[k];
                }
                else if (e.FrequencyHz.HasValue)
                {
                    s.FrequencyHz = e.FrequencyHz.Value;
                }
            }

            return s;
        }

        private sealed class State
        {
            public State(Scenario scenario)
            {
                FrequencyHz = scenario.FrequencyHz;
                for (int k = 0; k < 3; k++)
                {
                    PhaseVrms[k] = scenario.Phases[k].Vrms;
                    PhaseAngleDeg[k] = scenario.Phases[k].AngleDeg;
                }

                int count = ProbeModel.ChannelCount(scenario.EffectiveModel) + 1;
                foreach (ChannelSettings c in scenario.Channels)
                {
                    count = Math.Max(count, c.Channel + 1);
                }

                ChannelIrms = new double[count];
                ChannelAngleDeg = new double[count];
                foreach (ChannelSettings c in scenario.Channels)
                {
                    ChannelIrms[c.Channel] = c.Irms;
                    ChannelAngleDeg[c.Channel] = c.AngleDeg;
                }
            }

            public double FrequencyHz { get; set; }

            public double[] PhaseVrms { get; } = new double[3];

            public double[] PhaseAngleDeg { get; } = new double[3];

            public double[] ChannelIrms { get; }

            public double[] ChannelAngleDeg { get; }
        }
    }
}
