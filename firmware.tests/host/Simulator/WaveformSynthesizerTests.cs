using System;
using System.Linq;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Simulator;
using Xunit;
using static Ipenergy.Probe.Tests.Simulator.SimulatorTestSupport;

namespace Ipenergy.Probe.Tests.Simulator
{
    public class WaveformSynthesizerTests
    {
        private const int Rate = 3200;

        /// <summary>An MPP3 with everything the synthesizer must get right, 16-bit and noiseless.</summary>
        private static Scenario Rich()
        {
            Scenario s = new Scenario { Model = "MPP3", FrequencyHz = 50.0 };
            s.Adc.Bits = 16;
            s.Adc.NoiseRmsLsb = 0.0;
            s.Phases[0].Vrms = 231.0;
            s.Phases[0].Harmonics.Add(new HarmonicSettings(5, 4.0, -89.0));
            s.Phases[0].Harmonics.Add(new HarmonicSettings(3, 1.5, -40.0));
            s.Phases[1].Vrms = 228.0;
            s.Phases[1].AngleDeg = -119.0;
            s.Phases[2].Vrms = 226.0;
            s.Phases[2].Harmonics.Add(new HarmonicSettings(7, 2.0, 90.0));
            ChannelSettings c1 = new ChannelSettings { Channel = 1, Phase = 0, CtRatedA = 100, Irms = 42.0, AngleDeg = -25.8 };
            c1.Harmonics.Add(new HarmonicSettings(3, 20.0, 0.0));
            c1.Harmonics.Add(new HarmonicSettings(5, 10.0, 40.0));
            ChannelSettings c2 = new ChannelSettings { Channel = 2, Phase = 2, CtRatedA = 32, Irms = 12.5, AngleDeg = 15.0 };
            c2.Harmonics.Add(new HarmonicSettings(7, 8.0, 200.0));
            ChannelSettings c3 = new ChannelSettings { Channel = 3, Phase = 1, CtRatedA = 63, Irms = 30.0, AngleDeg = 170.0 };
            s.Channels.Add(c1);
            s.Channels.Add(c2);
            s.Channels.Add(c3);
            return s;
        }

        [Fact]
        public void FrontEndFollowsModelBitsAndRate()
        {
            WaveformSynthesizer mpp18 = WaveformSynthesizer.CreateFreeRunning(DefaultScenario.Create("MPP18"));
            Assert.Equal(21, mpp18.FrontEnd.ChannelsPerFrame);
            Assert.Equal(12, mpp18.FrontEnd.Bits);
            Assert.Equal(3200, mpp18.FrontEnd.SampleRateHz);
            Assert.Equal(480.0, mpp18.FrontEnd.VoltageFullScalePeakVolts);
            WaveformSynthesizer mpp3 = WaveformSynthesizer.CreateFreeRunning(Rich(), 6400);
            Assert.Equal(6, mpp3.FrontEnd.ChannelsPerFrame);
            Assert.Equal(16, mpp3.FrontEnd.Bits);
            Assert.Equal(6400, mpp3.FrontEnd.SampleRateHz);
        }

        [Fact]
        public void CodesAreTheSpecFormulasRoundedIncludingCtErrorsAndEvents()
        {
            Scenario s = Rich();
            s.Channels[0].CtRatioErrorPercent = 1.5;
            s.Channels[0].CtPhaseErrorDeg = 0.7;
            s.Channels[1].CtPhaseErrorDeg = -1.2;
            s.Events.Add(ScenarioEvent.ForChannel(0.5, 1, irms: 60.0));
            s.Events.Add(ScenarioEvent.ForChannel(0.73, 2, angleDeg: -40.0));
            s.Events.Add(ScenarioEvent.ForPhase(0.9, 1, vrms: 200.0, angleDeg: -125.0));
            s.Events.Add(ScenarioEvent.ForFrequency(1.20013, 51.3));
            s.Events.Add(ScenarioEvent.ForFrequency(2.1, 49.1));
            const int Frames = 3 * Rate;
            int[] codes = Capture(WaveformSynthesizer.CreateFreeRunning(s), Frames, 100);
            ReferenceWaveforms reference = new ReferenceWaveforms(s, Rate);
            for (int f = 0; f < Frames; f++)
            {
                for (int slot = 0; slot < 6; slot++)
                {
                    double expected = reference.Code(f, slot);
                    int code = codes[f * 6 + slot];
                    Assert.True(Math.Abs(code - expected) <= 0.5 + 1e-6,
                        "frame " + f + " slot " + slot + ": code " + code + ", formula " + expected.ToString("R"));
                }
            }
        }

        [Fact]
        public void RmsAndPowerFromTheCodesMatchTheTruth()
        {
            Scenario s = Rich();
            WaveformSynthesizer synth = WaveformSynthesizer.CreateFreeRunning(s);
            AdcFrontEnd fe = synth.FrontEnd;
            const int Frames = Rate;   // 50 whole cycles
            int[] codes = Capture(synth, Frames, 64);
            for (int channel = 1; channel <= 3; channel++)
            {
                ChannelSettings c = s.FindChannel(channel);
                ChannelTruth truth = synth.Truth.Channel(channel, 0.5);
                double[] v = Signal(codes, fe, c.Phase, fe.VoltsPerCode);
                double[] i = Signal(codes, fe, 2 + channel, fe.AmpsPerCode(c.CtRatedA));
                string at = "channel " + channel;
                NearRelative(truth.Vrms, Rms(v, 0, Frames), 1e-4, at + " Vrms");
                NearRelative(truth.Irms, Rms(i, 0, Frames), 1e-4, at + " Irms");
                Near(truth.ActivePowerW, MeanProduct(v, i, 0, Frames), 2e-4 * truth.ApparentPowerVA, at + " P");

                // Fundamental phasors by correlation over whole cycles: Q1 and cos φ.
                (double vRe, double vIm) = Fundamental(v, 50.0, Frames);
                (double iRe, double iIm) = Fundamental(i, 50.0, Frames);
                double q1 = vIm * iRe - vRe * iIm;   // Im(V1·conj(I1)) = V1·I1·sin(φv − φi)
                double cosPhi = (vRe * iRe + vIm * iIm) / Math.Sqrt((vRe * vRe + vIm * vIm) * (iRe * iRe + iIm * iIm));
                Near(truth.ReactivePowerVar, q1, 2e-4 * truth.ApparentPowerVA, at + " Q1");
                Near(truth.CosPhi, cosPhi, 1e-4, at + " cos phi");
            }

            // The cross-harmonic term matters here: without it P would be off by far more than the tolerance.
            ChannelTruth c1 = synth.Truth.Channel(1, 0);
            double fundamentalOnly = 231.0 * 42.0 * Math.Cos(-25.8 * Math.PI / 180);
            Assert.True(Math.Abs(c1.ActivePowerW - fundamentalOnly) > 10 * 2e-4 * c1.ApparentPowerVA,
                "the scenario must exercise the harmonic power terms");
        }

        [Fact]
        public void TheBuiltInRoomMeasuresAsItsTruthOnAll18Channels()
        {
            Scenario s = DefaultScenario.Create("MPP18");
            WaveformSynthesizer synth = WaveformSynthesizer.CreateFreeRunning(s);
            AdcFrontEnd fe = synth.FrontEnd;
            const int Frames = Rate;
            int[] codes = Capture(synth, Frames, 64);   // 12-bit, 0.5 LSB noise as built in
            for (int channel = 1; channel <= 18; channel++)
            {
                ChannelSettings c = s.FindChannel(channel);
                ChannelTruth truth = synth.Truth.Channel(channel, 0.5);
                double[] v = Signal(codes, fe, c.Phase, fe.VoltsPerCode);
                double[] i = Signal(codes, fe, 2 + channel, fe.AmpsPerCode(c.CtRatedA));
                NearRelative(truth.Irms, Rms(i, 0, Frames), 1e-3, "channel " + channel + " Irms");
                NearRelative(truth.ActivePowerW, MeanProduct(v, i, 0, Frames), 2e-3, "channel " + channel + " P");
            }

            NearRelative(synth.Truth.Phase(0, 0).Vrms, Rms(Signal(codes, fe, 0, fe.VoltsPerCode), 0, Frames), 1e-3, "L1 Vrms");
        }

        [Fact]
        public void At60HzTwelveCyclesMeasureAsTheTruth()
        {
            Scenario s = Rich();
            s.FrequencyHz = 60.0;
            WaveformSynthesizer synth = WaveformSynthesizer.CreateFreeRunning(s);
            const int Frames = 640;   // 12 cycles
            int[] codes = Capture(synth, Frames, 64);
            double[] v = Signal(codes, synth.FrontEnd, 0, synth.FrontEnd.VoltsPerCode);
            double[] i = Signal(codes, synth.FrontEnd, 3, synth.FrontEnd.AmpsPerCode(100));
            ChannelTruth truth = synth.Truth.Channel(1, 0);
            NearRelative(truth.Irms, Rms(i, 0, Frames), 1e-4, "Irms");
            Near(truth.ActivePowerW, MeanProduct(v, i, 0, Frames), 2e-4 * truth.ApparentPowerVA, "P");
        }

        [Fact]
        public void CtErrorsShowInTheCodesAndTheUncorrectedTruth()
        {
            Scenario s = Rich();
            s.Channels[0].CtRatioErrorPercent = 2.0;
            s.Channels[0].CtPhaseErrorDeg = 1.0;
            WaveformSynthesizer synth = WaveformSynthesizer.CreateFreeRunning(s);
            int[] codes = Capture(synth, Rate, 64);
            double[] v = Signal(codes, synth.FrontEnd, 0, synth.FrontEnd.VoltsPerCode);
            double[] i = Signal(codes, synth.FrontEnd, 3, synth.FrontEnd.AmpsPerCode(100));
            ChannelTruth physical = synth.Truth.Channel(1, 0);
            ChannelTruth seen = synth.Truth.Channel(1, 0, throughUncorrectedCt: true);
            NearRelative(physical.Irms * 1.02, Rms(i, 0, Rate), 1e-4, "Irms through a CT reading 2 % high");
            Near(seen.ActivePowerW, MeanProduct(v, i, 0, Rate), 2e-4 * seen.ApparentPowerVA, "P through the CT");
            Assert.True(Math.Abs(seen.ActivePowerW - physical.ActivePowerW) > 0.01 * physical.ActivePowerW,
                "the CT errors must change P noticeably");
        }

        [Fact]
        public void AChannelNotListedCarriesNoCurrent()
        {
            Scenario s = Rich();
            s.Model = "MPP18";
            WaveformSynthesizer synth = WaveformSynthesizer.CreateFreeRunning(s);
            int[] codes = Capture(synth, 640, 64);
            for (int f = 0; f < 640; f++)
            {
                for (int slot = 6; slot < 21; slot++)
                {
                    Assert.Equal(synth.FrontEnd.MidCode, codes[f * 21 + slot]);
                }
            }

            Assert.Equal(0.0, synth.Truth.Channel(7, 0).Irms);
        }

        [Fact]
        public void ACtAt125PercentJustFitsAndMoreClips()
        {
            Scenario s = new Scenario { Model = "MPP3" };
            s.Adc.Bits = 12;
            s.Channels.Add(new ChannelSettings { Channel = 1, CtRatedA = 100, Irms = 124.9 });
            s.Channels.Add(new ChannelSettings { Channel = 2, CtRatedA = 100, Irms = 200 });
            WaveformSynthesizer synth = WaveformSynthesizer.CreateFreeRunning(s);
            int[] codes = Capture(synth, 640, 64);
            int[] fits = Enumerable.Range(0, 640).Select(f => codes[f * 6 + 3]).ToArray();
            int[] clips = Enumerable.Range(0, 640).Select(f => codes[f * 6 + 4]).ToArray();
            Assert.InRange(fits.Max(), 4090, 4094);
            Assert.InRange(fits.Min(), 1, 6);
            Assert.Equal(4095, clips.Max());
            Assert.Equal(0, clips.Min());
        }

        [Fact]
        public void NoiseIsTheSameWhateverTheBlockSize()
        {
            Scenario s = DefaultScenario.Create("MPP18");
            s.Adc.NoiseRmsLsb = 2.0;
            s.Events.Add(ScenarioEvent.ForFrequency(0.1, 50.5));
            const int Frames = 2000;
            int[] reference = Capture(WaveformSynthesizer.CreateFreeRunning(s), Frames, 64);
            foreach (int block in new[] { 1, 7, 333, 2000 })
            {
                Assert.Equal(reference, Capture(WaveformSynthesizer.CreateFreeRunning(s), Frames, block));
            }

            s.Adc.Seed = 2;
            int[] other = Capture(WaveformSynthesizer.CreateFreeRunning(s), Frames, 64);
            int differing = reference.Where((code, k) => code != other[k]).Count();
            Assert.True(differing > reference.Length / 2, "another seed must give other noise: " + differing + " codes differ");
        }

        [Fact]
        public void NoiseIsWhiteGaussianOfTheAskedRms()
        {
            Scenario s = new Scenario { Model = "MPP3" };
            for (int k = 0; k < 3; k++)
            {
                s.Phases[k].Vrms = 0;
            }

            s.Adc.Bits = 16;
            s.Adc.NoiseRmsLsb = 3.0;
            s.Adc.Seed = 12345;
            WaveformSynthesizer synth = WaveformSynthesizer.CreateFreeRunning(s);
            const int Frames = 100000;
            int[] codes = Capture(synth, Frames, 500);
            int mid = synth.FrontEnd.MidCode;
            for (int slot = 0; slot < 6; slot++)
            {
                double[] x = Enumerable.Range(0, Frames).Select(f => (double)(codes[f * 6 + slot] - mid)).ToArray();
                double mean = x.Average();
                double sigma = Math.Sqrt(x.Select(d => (d - mean) * (d - mean)).Average());
                Near(0.0, mean, 0.05, "slot " + slot + " mean");
                NearRelative(Math.Sqrt(9.0 + 1.0 / 12.0), sigma, 0.02, "slot " + slot + " rms (noise + quantisation)");
                // A code of magnitude ≥ k means noise ≥ k − 0.5 LSB: P(|Z| ≥ 6.5/3) = 3.026 %, P(|Z| ≥ 9.5/3) = 0.154 %.
                Near(0.03026, x.Count(d => Math.Abs(d) >= 7) / (double)Frames, 0.003, "slot " + slot + " tail beyond 6.5 LSB");
                Near(0.00154, x.Count(d => Math.Abs(d) >= 10) / (double)Frames, 0.0006, "slot " + slot + " tail beyond 9.5 LSB");
                double lag1 = Enumerable.Range(0, Frames - 1).Select(f => x[f] * x[f + 1]).Average() / (sigma * sigma);
                Near(0.0, lag1, 0.02, "slot " + slot + " correlation with the next sample");
            }

            double[] a = Enumerable.Range(0, Frames).Select(f => (double)(codes[f * 6] - mid)).ToArray();
            double[] b = Enumerable.Range(0, Frames).Select(f => (double)(codes[f * 6 + 1] - mid)).ToArray();
            Near(0.0, MeanProduct(a, b, 0, Frames) / 9.0, 0.02, "correlation between channels");
        }

        [Fact]
        public void EventsTakeEffectAtTheFirstFrameAtOrAfterAtS()
        {
            foreach ((double atS, int frame) in new[] { (0.25, 800), (0.10001, 321), (0.0, 0) })
            {
                Scenario before = Rich();
                Scenario after = Rich();
                after.Events.Add(ScenarioEvent.ForChannel(atS, 1, irms: 10.0));
                WaveformSynthesizer synth = WaveformSynthesizer.CreateFreeRunning(after);
                int[] a = Capture(WaveformSynthesizer.CreateFreeRunning(before), 2000, 64);
                int[] b = Capture(synth, 2000, 64);
                int first = Enumerable.Range(0, 2000).First(f => a[f * 6 + 3] != b[f * 6 + 3]);
                Assert.Equal(frame, first);
                Assert.Equal(frame, synth.Truth.EventFrame(after.Events[0]));
                if (frame >= 320)
                {
                    double[] i = Signal(b, synth.FrontEnd, 3, synth.FrontEnd.AmpsPerCode(100));
                    NearRelative(synth.Truth.Channel(1, 0).Irms, Rms(i, frame - 320, 320), 1e-3, "Irms before the event");
                    NearRelative(synth.Truth.Channel(1, atS).Irms, Rms(i, frame, 320), 1e-3, "Irms after the event");
                }
            }
        }

        [Fact]
        public void AFrequencyChangeKeepsThePhaseContinuous()
        {
            Scenario s = new Scenario { Model = "MPP3" };
            s.Adc.Bits = 16;
            // 1625 frames into a 50 Hz wave is 25.39 cycles: restarting the phase there would jump ~200 V.
            s.Events.Add(ScenarioEvent.ForFrequency(1625.0 / Rate, 60.0));
            WaveformSynthesizer synth = WaveformSynthesizer.CreateFreeRunning(s);
            const int Frames = 2 * Rate;
            double[] v = Signal(Capture(synth, Frames, 64), synth.FrontEnd, 0, synth.FrontEnd.VoltsPerCode);
            double maxStep = Math.Sqrt(2) * 230 * 2 * Math.PI * 60 / Rate;
            for (int n = 1; n < Frames; n++)
            {
                Assert.True(Math.Abs(v[n] - v[n - 1]) <= maxStep + 0.05,
                    "jump of " + (v[n] - v[n - 1]).ToString("F2") + " V between frames " + (n - 1) + " and " + n);
            }

            // After the change the wave runs at 60 Hz: upward zero crossings 1/60 s apart.
            double[] crossings = Enumerable.Range(1625, Frames - 1626)
                .Where(n => v[n] < 0 && v[n + 1] >= 0)
                .Select(n => n + v[n] / (v[n] - v[n + 1]))
                .ToArray();
            double period = (crossings[crossings.Length - 1] - crossings[0]) / (crossings.Length - 1) / Rate;
            NearRelative(1.0 / 60.0, period, 1e-4, "period after the change");
            Assert.Equal(60.0, synth.Truth.FrequencyHz(1.0));
            Assert.Equal(50.0, synth.Truth.FrequencyHz(0.5));
        }

        [Fact]
        public void ThePhasorDoesNotDriftOverManyResyncs()
        {
            // Ten simulated minutes free-running: the last cycles still match the formula to the LSB.
            Scenario s = Rich();
            s.FrequencyHz = 49.87;   // not a divisor of the sample rate: no exact repetition to hide behind
            WaveformSynthesizer synth = WaveformSynthesizer.CreateFreeRunning(s);
            SampleBlock block = new SampleBlock(6, 3200);
            for (int k = 0; k < 600; k++)
            {
                Assert.True(synth.Read(block));
            }

            Assert.True(synth.Read(block));
            ReferenceWaveforms reference = new ReferenceWaveforms(s, Rate);
            for (int f = 0; f < block.Frames; f++)
            {
                for (int slot = 0; slot < 6; slot++)
                {
                    double expected = reference.Code(block.FirstFrameIndex + f, slot);
                    Assert.True(Math.Abs(block.Codes[f * 6 + slot] - expected) <= 0.5 + 1e-6,
                        "frame " + (block.FirstFrameIndex + f) + " slot " + slot + ": code " + block.Codes[f * 6 + slot] + ", formula " + expected);
                }
            }
        }

        [Fact]
        public void ReadFillsWholeBlocksInSequenceUntilStopped()
        {
            WaveformSynthesizer synth = WaveformSynthesizer.CreateFreeRunning(Rich());
            SampleBlock block = new SampleBlock(6, 50);
            Assert.True(synth.Read(block));
            Assert.Equal(50, block.Frames);
            Assert.Equal(0, block.FirstFrameIndex);
            Assert.True(synth.Read(block));
            Assert.Equal(50, block.FirstFrameIndex);
            Assert.Equal(100, synth.FramesProduced);
            Assert.Equal(100.0 / Rate, synth.SimulatedSeconds);
            synth.Stop();
            Assert.True(synth.IsStopped);
            Assert.False(synth.Read(block));
            Assert.Equal(0, block.Frames);
            Assert.Equal(100, synth.FramesProduced);
        }

        [Fact]
        public void ABlockOfTheWrongWidthIsRefused()
        {
            WaveformSynthesizer synth = WaveformSynthesizer.CreateFreeRunning(Rich());
            Assert.Throws<ArgumentException>(() => synth.Read(new SampleBlock(21, 64)));
        }

        [Fact]
        public void TheSynthesizerKeepsItsOwnCopyOfTheScenario()
        {
            Scenario s = Rich();
            WaveformSynthesizer synth = WaveformSynthesizer.CreateFreeRunning(s);
            s.Channels[0].Irms = 0;
            Assert.Equal(42.0, synth.Truth.Channel(1, 0).FundamentalIrms);
            Assert.Equal(42.0, synth.Scenario.Channels[0].Irms);
        }

        private static (double Re, double Im) Fundamental(double[] x, double hz, int frames)
        {
            double re = 0, im = 0;
            for (int n = 0; n < frames; n++)
            {
                double wt = 2 * Math.PI * hz * n / Rate;
                re += x[n] * Math.Sin(wt);
                im += x[n] * Math.Cos(wt);
            }

            // x = A·sin(ωt + φ) gives A·cos φ, A·sin φ: the phasor A·e^{jφ}; RMS phasor = /√2.
            return (re * 2 / frames / Math.Sqrt(2), im * 2 / frames / Math.Sqrt(2));
        }
    }
}
