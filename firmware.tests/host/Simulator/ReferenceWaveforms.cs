using System;
using System.Collections.Generic;
using System.Linq;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Simulator;

namespace Ipenergy.Probe.Tests.Simulator
{
    /// <summary>
    /// The spec's formulas evaluated the slow, obvious way (Math.Sin per term, phase summed over frequency
    /// segments): an independent reference for the synthesizer's codes before rounding and noise.
    /// </summary>
    internal sealed class ReferenceWaveforms
    {
        private readonly Scenario _s;
        private readonly int _rate;
        private readonly AdcFrontEnd _fe;

        public ReferenceWaveforms(Scenario scenario, int sampleRateHz)
        {
            _s = scenario;
            _rate = sampleRateHz;
            _fe = new AdcFrontEnd(sampleRateHz, scenario.Adc.Bits, ProbeModel.ChannelCount(scenario.EffectiveModel), 480.0);
        }

        /// <summary>Ideal (unrounded, noiseless, unclipped) code of a frame slot: V1 V2 V3 I1 … In.</summary>
        public double Code(long frame, int slot)
        {
            double t = (double)frame / _rate;
            List<ScenarioEvent> due = _s.Events.Where(e => frame >= e.AtS * _rate - 1e-6).ToList();
            double theta = Theta(frame);
            if (slot < 3)
            {
                double v = _s.Phases[slot].Vrms;
                double phi = _s.Phases[slot].AngleDeg;
                foreach (ScenarioEvent e in due.Where(e => e.Phase == slot))
                {
                    v = e.Vrms ?? v;
                    phi = e.AngleDeg ?? phi;
                }

                return _fe.MidCode + Wave(v, theta, phi, _s.Phases[slot].Harmonics) / _fe.VoltsPerCode;
            }

            int channel = slot - 2;
            ChannelSettings c = _s.FindChannel(channel);
            if (c == null)
            {
                return _fe.MidCode;
            }

            double i = c.Irms;
            double alpha = c.AngleDeg;
            foreach (ScenarioEvent e in due.Where(e => e.Channel == channel))
            {
                i = e.Irms ?? i;
                alpha = e.AngleDeg ?? alpha;
            }

            double phase = _s.Phases[c.Phase].AngleDeg;
            foreach (ScenarioEvent e in due.Where(e => e.Phase == c.Phase))
            {
                phase = e.AngleDeg ?? phase;
            }

            // The CT: ratio error scales, phase error is a time advance (h·ε at harmonic h).
            double measured = Wave(i, theta, phase + alpha + c.CtPhaseErrorDeg, c.Harmonics) * (1 + c.CtRatioErrorPercent / 100);
            return _fe.MidCode + measured / _fe.AmpsPerCode(c.CtRatedA);
        }

        private static double Wave(double rms, double theta, double angleDeg, List<HarmonicSettings> harmonics)
        {
            double a = theta + angleDeg * Math.PI / 180;
            double sum = Math.Sin(a);
            foreach (HarmonicSettings h in harmonics)
            {
                sum += h.Percent / 100 * Math.Sin(h.Order * a + h.AngleDeg * Math.PI / 180);
            }

            return Math.Sqrt(2) * rms * sum;
        }

        /// <summary>ωt integrated: each frequency holds from its event's frame to the next one's.</summary>
        private double Theta(long frame)
        {
            List<(long Frame, double Hz)> segments = new List<(long, double)> { (0, _s.FrequencyHz) };
            foreach (ScenarioEvent e in _s.Events.Where(e => e.FrequencyHz.HasValue).OrderBy(e => e.AtS))
            {
                segments.Add(((long)Math.Ceiling(e.AtS * _rate - 1e-6), e.FrequencyHz.Value));
            }

            double theta = 0;
            for (int k = 0; k < segments.Count; k++)
            {
                long start = segments[k].Frame;
                long end = k + 1 < segments.Count ? Math.Min(segments[k + 1].Frame, frame) : frame;
                if (end > start)
                {
                    theta += 2 * Math.PI * segments[k].Hz * (end - start) / _rate;
                }
            }

            return theta;
        }
    }
}
