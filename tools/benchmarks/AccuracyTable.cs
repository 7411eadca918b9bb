using System;
using System.Collections.Generic;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Simulator;

namespace Ipenergy.Probe.Benchmarks
{
    /// <summary>
    /// Energy accuracy at the IEC 62053-22 test points: the engine runs on the simulator's ADC model and
    /// its integer energy registers are compared with the scenario's truth over the same frames.
    /// One MPP18 run carries 18 test points at once (one per channel).
    /// </summary>
    public static class AccuracyTable
    {
        private static readonly double[] Percents = { 1, 2, 5, 10, 100, 120 };

        // Power factor label, current angle α (degrees; α < 0 lags).
        private static readonly string[] PfNames = { "1", "0.5L", "0.8C" };
        private static readonly double[] PfAngles = { 0.0, -60.0, 36.869897645844 };

        public sealed class Row
        {
            public string Point;
            public int SamplesPerCycle;
            public double ErrorPercent;
            public double IrmsErrorPercent;
            public double Class05S;
            public double Class02S;
        }

        public static List<Row> Run(int samplesPerCycle, int bits, double noiseLsb, double seconds)
        {
            var rows = new List<Row>();

            // The 18 IEC points, one per channel, on a 100 A CT, sinusoidal, 50 Hz.
            Scenario s = BaseScenario(50.0, bits, noiseLsb);
            var labels = new string[18];
            int ch = 1;
            for (int p = 0; p < PfNames.Length; p++)
            {
                foreach (double pct in Percents)
                {
                    s.Channels.Add(Channel(ch, (ch - 1) % 3, pct, PfAngles[p]));
                    labels[ch - 1] = pct + " % In, PF " + PfNames[p];
                    ch++;
                }
            }

            Measure(s, samplesPerCycle * 50, seconds, labels, rows, samplesPerCycle, (c) => Limits(Percents[(c - 1) % 6], (c - 1) / 6));

            // A server load: rectifier currents rich in odd harmonics on a slightly distorted voltage.
            Scenario h = BaseScenario(50.0, bits, noiseLsb);
            for (int p = 0; p < 3; p++)
            {
                h.Phases[p].Harmonics.Add(new HarmonicSettings(3, 1.0));
                h.Phases[p].Harmonics.Add(new HarmonicSettings(5, 3.0));
                h.Phases[p].Harmonics.Add(new HarmonicSettings(7, 1.5));
            }

            var server = Channel(1, 0, 60.0, -5.0);
            server.Harmonics.Add(new HarmonicSettings(3, 30.0, 180.0));
            server.Harmonics.Add(new HarmonicSettings(5, 15.0, 0.0));
            server.Harmonics.Add(new HarmonicSettings(7, 8.0, 180.0));
            server.Harmonics.Add(new HarmonicSettings(9, 5.0, 0.0));
            server.Harmonics.Add(new HarmonicSettings(11, 3.0, 180.0));
            // Above Nyquist the board's anti-alias filter removes them: at 16 samples/cycle the 9th and 11th go.
            server.Harmonics.RemoveAll(x => x.Order * 2 >= samplesPerCycle);
            h.Channels.Add(server);
            Measure(h, samplesPerCycle * 50, seconds, new[] { "server load 60 % In, THDi ~36 %" }, rows, samplesPerCycle, (c) => new[] { 0.5, 0.2 });

            // Off-nominal frequency: the windows follow it, the sample rate does not.
            foreach (double f in new[] { 45.0, 65.0 })
            {
                Scenario fs = BaseScenario(f, bits, noiseLsb);
                fs.Channels.Add(Channel(1, 0, 100.0, 0.0));
                fs.Channels.Add(Channel(2, 1, 100.0, -60.0));
                Measure(fs, samplesPerCycle * 50, seconds, new[] { f + " Hz, 100 % In, PF 1", f + " Hz, 100 % In, PF 0.5L" }, rows, samplesPerCycle,
                    (c) => c == 1 ? new[] { 0.5, 0.2 } : new[] { 0.6, 0.3 });
            }

            return rows;
        }

        private static Scenario BaseScenario(double frequency, int bits, double noiseLsb)
        {
            var s = new Scenario { Model = ProbeModel.Mpp18, FrequencyHz = frequency };
            s.Adc.Bits = bits;
            s.Adc.NoiseRmsLsb = noiseLsb;
            s.Adc.Seed = 7;
            return s;
        }

        private static ChannelSettings Channel(int number, int phase, double percentOfIn, double angleDeg)
        {
            return new ChannelSettings { Channel = number, Phase = phase, CtRatedA = 100.0, Irms = percentOfIn, AngleDeg = angleDeg };
        }

        // IEC 62053-22 percentage error limits (class 0.5S, class 0.2S); NaN where the standard sets none.
        private static double[] Limits(double percentOfIn, int pf)
        {
            if (pf == 0)
            {
                return percentOfIn < 5 ? new[] { 1.0, 0.4 } : new[] { 0.5, 0.2 };
            }

            if (percentOfIn < 2)
            {
                return new[] { double.NaN, double.NaN };
            }

            return percentOfIn < 10 ? new[] { 1.0, 0.5 } : new[] { 0.6, 0.3 };
        }

        private static void Measure(Scenario scenario, int sampleRate, double seconds, string[] labels, List<Row> rows, int spc, Func<int, double[]> limits)
        {
            WaveformSynthesizer source = WaveformSynthesizer.CreateFreeRunning(scenario, sampleRate);
            var clock = new SimulatedClock(source, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            var config = new MeterConfig(source.FrontEnd.CurrentChannels) { NominalFrequencyHz = 50.0 };
            foreach (ChannelSettings c in scenario.Channels)
            {
                config.Channels[c.Channel - 1].CtRatedAmps = c.CtRatedA;
                config.Channels[c.Channel - 1].Phase = c.Phase;
            }

            var engine = new MeteringEngine(config, source.FrontEnd, clock);
            var block = new SampleBlock(source.FrontEnd.ChannelsPerFrame, sampleRate / 50);

            // Skip the first two seconds (first window unsynchronised), then integrate.
            MeasurementSnapshot start = null, last = null;
            long target = (long)((seconds + 2.0) * sampleRate);
            var irmsSum = new double[labels.Length];
            int irmsCount = 0;
            while (source.FramesProduced < target && source.Read(block))
            {
                engine.Process(block);
                MeasurementSnapshot snap = engine.Latest;
                if (snap != null && snap != last)
                {
                    last = snap;
                    if (start == null && snap.EndFrame >= 2 * sampleRate)
                    {
                        start = snap;
                    }
                    else if (start != null)
                    {
                        for (int i = 0; i < labels.Length; i++)
                        {
                            irmsSum[i] += snap.Channels[scenario.Channels[i].Channel - 1].Irms;
                        }

                        irmsCount++;
                    }
                }
            }

            double t0 = (double)start.EndFrame / sampleRate, t1 = (double)last.EndFrame / sampleRate;
            for (int i = 0; i < labels.Length; i++)
            {
                int c = scenario.Channels[i].Channel;
                double measured = (last.Channels[c - 1].ImportEnergyMilliWh - start.Channels[c - 1].ImportEnergyMilliWh) / 1000.0;
                double truth = source.Truth.Energy(c, t0, t1).ImportWh;
                double irmsTruth = source.Truth.Channel(c, t1).Irms;
                double[] lim = limits(c);
                rows.Add(new Row
                {
                    Point = labels[i],
                    SamplesPerCycle = spc,
                    ErrorPercent = 100.0 * (measured / truth - 1.0),
                    IrmsErrorPercent = 100.0 * (irmsSum[i] / irmsCount / irmsTruth - 1.0),
                    Class05S = lim[0],
                    Class02S = lim[1],
                });
            }
        }
    }
}
