using System;
using Ipenergy.Probe.Simulator;
using Ipenergy.Probe.Simulator.Chips;
using Xunit;
using Xunit.Abstractions;
using R = Ipenergy.Probe.Simulator.Chips.Atm90e32Registers;

namespace Ipenergy.Probe.Tests.Chips
{
    /// <summary>
    /// What the simulated chips measure against the scenario truth (hal-simulator/Truth): within 0.1 % of S for the
    /// powers and of the value for the RMS, for a harmonic-rich, capacitive and exporting set of loads, at 50 Hz,
    /// off-nominal and 60 Hz. The scenario has no ADC noise: what is left is the model's own error (whole cycles,
    /// DFT, 12-bit codes) and the registers' LSBs.
    /// </summary>
    public class ChipMeasurementTests
    {
        private const double DegToRad = Math.PI / 180.0;
        private readonly ITestOutputHelper _output;

        public ChipMeasurementTests(ITestOutputHelper output)
        {
            _output = output;
        }

        /// <summary>Three loads on an MPP3 (or repeated on the six chips of an MPP18, shifted by the chip's index).</summary>
        private static Scenario Loads(string model, double frequencyHz)
        {
            Scenario s = new Scenario { Model = model, FrequencyHz = frequencyHz };
            s.Phases[0].Harmonics.Add(new HarmonicSettings(5, 3.0, 0.0));
            s.Phases[1].Vrms = 228.0;
            s.Phases[2].Vrms = 231.0;
            s.Phases[2].Harmonics.Add(new HarmonicSettings(3, 2.0, 30.0));
            int channels = ProbeModel.ChannelCount(model);
            for (int c = 1; c <= channels; c++)
            {
                int chip = (c - 1) / 3;
                switch ((c - 1) % 3)
                {
                    case 0:
                        var h = new ChannelSettings { Channel = c, Phase = 0, CtRatedA = 100, Irms = 30.0 - chip, AngleDeg = -25.8 };
                        h.Harmonics.Add(new HarmonicSettings(3, 20.0, 0.0));
                        h.Harmonics.Add(new HarmonicSettings(5, 10.0, 40.0));
                        s.Channels.Add(h);
                        break;
                    case 1:
                        s.Channels.Add(new ChannelSettings { Channel = c, Phase = 1, CtRatedA = 32, Irms = 10.0 + chip, AngleDeg = 36.87 });
                        break;
                    default:
                        s.Channels.Add(new ChannelSettings { Channel = c, Phase = 2, CtRatedA = 63, Irms = 20.0 + chip, AngleDeg = 180.0 - 3 * chip });
                        break;
                }
            }

            return s;
        }

        [Theory]
        [InlineData("MPP3", 50.0)]
        [InlineData("MPP3", 49.73)]
        [InlineData("MPP3", 60.21)]
        [InlineData("MPP18", 50.0)]
        public void RegistersMatchTheScenarioTruth(string model, double frequencyHz)
        {
            Scenario scenario = Loads(model, frequencyHz);
            var bank = new SimulatedMeteringChips(WaveformSynthesizer.CreateFreeRunning(scenario));
            var truth = new ScenarioTruth(scenario);
            var masters = new ChipMaster[bank.Chips.Length];
            for (int k = 0; k < masters.Length; k++)
            {
                masters[k] = new ChipMaster(bank.Chips[k]);
                masters[k].Configure(new[] { 100.0, 32.0, 63.0 }, sixtyHz: frequencyHz > 55);
            }

            Assert.True(bank.RunSeconds(3));
            double worst = 0.0;
            for (int k = 0; k < masters.Length; k++)
            {
                ChipMaster m = masters[k];
                Near(frequencyHz, m.Read(R.Freq) * 0.01, 0.01, "chip " + k + " Freq");
                Assert.Equal(35, ChipMaster.Signed(m.Read(R.Temp)));
                for (int x = 0; x < 3; x++)
                {
                    int channel = k * 3 + x + 1;
                    ChannelTruth t = truth.Channel(channel, 2.5);
                    PhaseTruth v = truth.Phase(x, 2.5);
                    string at = "chip " + k + " input " + (char)('A' + x) + " (channel " + channel + ")";
                    double urms = m.Rms(R.UrmsA + x, R.UrmsALsb + x, R.UrmsLsb);
                    double irms = m.Rms(R.IrmsA + x, R.IrmsALsb + x, R.IrmsLsb);
                    double p = m.Power(R.PmeanA + x, R.PmeanALsb + x);
                    double q = m.Power(R.QmeanA + x, R.QmeanALsb + x);
                    double s = m.Power(R.SmeanA + x, R.SmeanALsb + x);
                    worst = Math.Max(worst, Relative(v.Vrms, urms, v.Vrms));
                    worst = Math.Max(worst, Relative(t.Irms, irms, t.Irms));
                    worst = Math.Max(worst, Relative(t.ActivePowerW, p, t.ApparentPowerVA));
                    worst = Math.Max(worst, Relative(t.ReactivePowerVar, q, t.ApparentPowerVA));
                    worst = Math.Max(worst, Relative(t.ApparentPowerVA, s, t.ApparentPowerVA));
                    Near(v.Vrms, urms, v.Vrms * 0.001, at + " Urms");
                    Near(t.Irms, irms, t.Irms * 0.001, at + " Irms");
                    Near(t.ActivePowerW, p, t.ApparentPowerVA * 0.001, at + " Pmean");
                    Near(t.ReactivePowerVar, q, t.ApparentPowerVA * 0.001, at + " Qmean (fundamental)");
                    Near(t.ApparentPowerVA, s, t.ApparentPowerVA * 0.001, at + " Smean");
                    Near(t.PowerFactor, ChipMaster.Signed(m.Read(R.PFmeanA + x)) * 0.001, 0.002, at + " PFmean");
                    Near(0.0, AngleDifference(-t.AngleDeg, ChipMaster.Signed(m.Read(R.PAngleA + x)) * 0.1), 0.15, at + " PAngle");
                    Near(0.0, AngleDifference(v.AngleDeg - truth.Phase(0, 2.5).AngleDeg, ChipMaster.Signed(m.Read(R.UangleA + x)) * 0.1), 0.15, at + " Uangle");
                    // THD+N = sqrt(U² − U1²)/U1 magnifies tiny errors near 0: a 5e-6 relative difference between the RMS and
                    // the DFT (the window's fractional ends off the 50 Hz grid, 12-bit codes) already reads 0.3 % on a pure sine.
                    Near(v.ThdPercent, m.Read(R.ThdnUA + x) * 0.01, 0.4, at + " THD+N U");
                    Near(t.CurrentThdPercent, m.Read(R.ThdnIA + x) * 0.01, 0.4, at + " THD+N I");
                }

                double neutral = NeutralRms(scenario, k);
                Near(neutral, m.Read(R.IrmsN0) * 0.001, neutral * 0.001 + 0.001, "chip " + k + " IrmsN0");
            }

            _output.WriteLine(model + " " + frequencyHz + " Hz: worst error " + (worst * 100).ToString("0.0000") + " % (of the value, of S for P and Q)");
        }

        /// <summary>RMS of the sum of a chip's three currents: per harmonic order, the sum of the channels' phasors.</summary>
        private static double NeutralRms(Scenario s, int chip)
        {
            double sum2 = 0.0;
            for (int order = 1; order <= 50; order++)
            {
                double re = 0.0, im = 0.0;
                for (int c = chip * 3 + 1; c <= chip * 3 + 3; c++)
                {
                    ChannelSettings ch = s.FindChannel(c);
                    if (ch == null)
                    {
                        continue;
                    }

                    double angle = (s.Phases[ch.Phase].AngleDeg + ch.AngleDeg) * DegToRad;
                    double amplitude = 0.0, psi = 0.0;
                    if (order == 1)
                    {
                        amplitude = ch.Irms;
                        psi = angle;
                    }
                    else
                    {
                        foreach (HarmonicSettings h in ch.Harmonics)
                        {
                            if (h.Order == order)
                            {
                                amplitude = ch.Irms * h.Percent / 100.0;
                                psi = order * angle + h.AngleDeg * DegToRad;
                            }
                        }
                    }

                    re += amplitude * Math.Cos(psi);
                    im += amplitude * Math.Sin(psi);
                }

                sum2 += re * re + im * im;
            }

            return Math.Sqrt(sum2);
        }

        private static double Relative(double expected, double actual, double of)
        {
            return of > 0 ? Math.Abs(expected - actual) / of : 0.0;
        }

        private static double AngleDifference(double a, double b)
        {
            double d = (a - b) % 360.0;
            if (d > 180.0)
            {
                d -= 360.0;
            }
            else if (d <= -180.0)
            {
                d += 360.0;
            }

            return d;
        }

        private static void Near(double expected, double actual, double tolerance, string what)
        {
            Assert.True(Math.Abs(expected - actual) <= tolerance, what + ": expected " + expected + " ± " + tolerance + ", got " + actual);
        }
    }
}
