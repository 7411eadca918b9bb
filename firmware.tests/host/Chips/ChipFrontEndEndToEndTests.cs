using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ipenergy.Probe.Simulator;
using Ipenergy.Probe.Tests.Modbus;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Chips
{
    /// <summary>
    /// The chip path end to end: the virtual e-Probe started with --front-end atm90e32 (simulated ATM90E32s read by the
    /// firmware's chip driver over SPI) against the scenario truth and against the same scenario on the default ADC
    /// front end, through GET /api/v1/measurements (curl) and the vendor Modbus map (mbpoll); energy against P × t and
    /// across a clean restart on the same data directory.
    /// Tolerances: the chip model is within 0.05 % of the truth (ChipMeasurementTests); the registers add 0.01 V /
    /// 0.001 A (RMS), 0.00032 W (P, Q, S), 0.001 (PF) and 0.01 Hz; the 0.5 LSB ADC noise of the scenarios adds about
    /// 0.05 % on the smallest current. So: RMS 0.2 %, P and Q 0.3 % of S, S 0.2 %, PF 0.003, frequency 0.02 Hz.
    /// </summary>
    [Collection(AloneCollection.Name)]
    public class ChipFrontEndEndToEndTests
    {
        private const string Mpp3Scenario = @"{
  ""model"": ""MPP3"",
  ""frequencyHz"": 50.0,
  ""adc"": { ""bits"": 12, ""noiseRmsLsb"": 0.5, ""seed"": 1 },
  ""phases"": {
    ""L1"": { ""vrms"": 230.0, ""angleDeg"": 0, ""harmonics"": [ { ""order"": 5, ""percent"": 3.0, ""angleDeg"": 0 } ] },
    ""L2"": { ""vrms"": 228.0, ""angleDeg"": -120 },
    ""L3"": { ""vrms"": 231.0, ""angleDeg"": 120 }
  },
  ""channels"": [
    { ""channel"": 1, ""phase"": ""L1"", ""ctRatedA"": 100, ""irms"": 42.0, ""angleDeg"": -25.8,
      ""harmonics"": [ { ""order"": 3, ""percent"": 20.0, ""angleDeg"": 0 }, { ""order"": 5, ""percent"": 10.0, ""angleDeg"": 40 } ] },
    { ""channel"": 2, ""phase"": ""L2"", ""ctRatedA"": 32, ""irms"": 10.0, ""angleDeg"": 36.87 },
    { ""channel"": 3, ""phase"": ""L3"", ""ctRatedA"": 63, ""irms"": 20.0, ""angleDeg"": 180.0 }
  ]
}";

        private const double RmsTolerance = 0.002;
        private const double PowerTolerance = 0.003;
        private const double PfTolerance = 0.003;
        private const double FrequencyTolerance = 0.02;

        /// <summary>The largest IrmsX the chip can hold (16 bits of 0.001 A, contract of issue 11).</summary>
        private const double IrmsRegisterMax = 65.535;

        private static readonly DateTime Start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        private readonly ITestOutputHelper _output;

        public ChipFrontEndEndToEndTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void Mpp3OnChipsMatchesTheTruthAndTheAdcCountsEnergyAndKeepsItAcrossARestart()
        {
            string file = Path.Combine(Path.GetTempPath(), "eprobe-chips-" + Guid.NewGuid().ToString("N") + ".json");
            string dir = Path.Combine(Path.GetTempPath(), "eprobe-chips-data-" + Guid.NewGuid().ToString("N"));
            File.WriteAllText(file, Mpp3Scenario);
            try
            {
                ScenarioTruth truth = new ScenarioTruth(ScenarioLoader.Parse(Mpp3Scenario, "test"));
                JsonElement onChips;
                JsonElement saved;
                double meteredAfterSaved;
                string clock = Start.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                using (var chips = new ChipProbeProcess("--model", "MPP3", "--scenario", file, "--time-scale", "4", "--front-end", "atm90e32",
                    "--data-dir", dir, "--clock-start", clock))
                {
                    Assert.StartsWith("meter  front end atm90e32: 1 simulated ATM90E32", chips.MeterLine);
                    onChips = chips.MeasurementsAt(Start.AddSeconds(3));
                    Check(onChips, truth, "atm90e32");

                    // Energy grows by P x elapsed time (the chip hands out 1/320 Wh steps).
                    JsonElement later = chips.MeasurementsAt(Timestamp(onChips).AddSeconds(6));
                    double dt = (Timestamp(later) - Timestamp(onChips)).TotalSeconds;
                    for (int c = 1; c <= 3; c++)
                    {
                        ChannelTruth t = truth.Channel(c, 5);
                        string key = t.ActivePowerW >= 0 ? "importEnergyWh" : "exportEnergyWh";
                        double grown = Channel(later, c).GetProperty(key).GetDouble() - Channel(onChips, c).GetProperty(key).GetDouble();
                        double expected = Math.Abs(t.ActivePowerW) * dt / 3600.0;
                        Near(expected, grown, Math.Abs(t.ActivePowerW) * 1.2 / 3600.0 + 2.0 / 320.0, "channel " + c + " " + key + " over " + dt + " s");
                        _output.WriteLine("energy channel " + c + ": " + grown.ToString("0.0000") + " Wh in " + dt + " s, P x t = " + expected.ToString("0.0000") + " Wh");
                    }

                    ModbusAgreesWithTheApi(chips, 3);
                    saved = chips.MeasurementsAt(Timestamp(later).AddSeconds(1));
                    Assert.Equal(0, chips.Terminate());
                    Match stopped = Regex.Match(chips.Output, @"stopped after ([0-9.]+) simulated seconds");
                    Assert.True(stopped.Success, "no 'stopped after' line: " + chips.Output);
                    meteredAfterSaved = double.Parse(stopped.Groups[1].Value, CultureInfo.InvariantCulture) - (Timestamp(saved) - Start).TotalSeconds;
                }

                // Same data directory, restarted: the counters go on from what was shown before the stop.
                DateTime restart = Start.AddDays(1);
                using (var again = new ChipProbeProcess("--model", "MPP3", "--scenario", file, "--time-scale", "4", "--front-end", "atm90e32",
                    "--data-dir", dir, "--clock-start", restart.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)))
                {
                    JsonElement first = again.MeasurementsAt(restart.AddSeconds(2));
                    double sinceStart = (Timestamp(first) - restart).TotalSeconds;
                    for (int c = 1; c <= 3; c++)
                    {
                        ChannelTruth t = truth.Channel(c, 5);
                        string key = t.ActivePowerW >= 0 ? "importEnergyWh" : "exportEnergyWh";
                        double before = Channel(saved, c).GetProperty(key).GetDouble();
                        double after = Channel(first, c).GetProperty(key).GetDouble();
                        Assert.True(after >= before, "channel " + c + " " + key + ": " + before + " Wh before the restart, " + after + " Wh after");
                        // At most what was metered between that read and the stop, and since the restart (+ 1 s of polling skew).
                        double most = Math.Abs(t.ActivePowerW) * (meteredAfterSaved + sinceStart + 1.0) / 3600.0 + 2.0 / 320.0;
                        Assert.True(after - before <= most, "channel " + c + " " + key + " jumped by " + (after - before) + " Wh across the restart (at most " + most + ")");
                    }
                }

                using (var adc = new ChipProbeProcess("--model", "MPP3", "--scenario", file, "--time-scale", "4", "--clock-start", clock))
                {
                    Assert.StartsWith("meter  front end adc", adc.MeterLine);
                    JsonElement onAdc = adc.MeasurementsAt(Start.AddSeconds(3));
                    Check(onAdc, truth, "adc");
                    Compare(onChips, onAdc, 3, "MPP3");
                }
            }
            finally
            {
                File.Delete(file);
                if (Directory.Exists(dir))
                {
                    Directory.Delete(dir, true);
                }
            }
        }

        /// <summary>
        /// Channels wired on another phase than their chip input's voltage (channel 1 on L2, 2 on L3, 3 on L1): the chip
        /// multiplies each current with the wrong voltage, so the firmware must rebuild P and Q from Irms, the voltage
        /// of the channel's phase and the angle registers (PAngle, Uangle). Same truth, same agreement with the ADC.
        /// </summary>
        [Fact]
        public void ChannelsOffTheirSlotsPhaseMatchTheTruthAndTheAdc()
        {
            string json = Mpp3Scenario.Replace("\"channel\": 1, \"phase\": \"L1\"", "\"channel\": 1, \"phase\": \"L2\"")
                .Replace("\"channel\": 2, \"phase\": \"L2\"", "\"channel\": 2, \"phase\": \"L3\"")
                .Replace("\"channel\": 3, \"phase\": \"L3\"", "\"channel\": 3, \"phase\": \"L1\"");
            Assert.Contains("\"channel\": 3, \"phase\": \"L1\"", json);
            string file = Path.Combine(Path.GetTempPath(), "eprobe-chips-rotated-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(file, json);
            try
            {
                ScenarioTruth truth = new ScenarioTruth(ScenarioLoader.Parse(json, "test"));
                string clock = Start.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                JsonElement onChips;
                using (var chips = new ChipProbeProcess("--scenario", file, "--time-scale", "4", "--front-end", "atm90e32", "--clock-start", clock))
                {
                    onChips = chips.MeasurementsAt(Start.AddSeconds(3));
                    Assert.Equal(new[] { "L2", "L3", "L1" }, onChips.GetProperty("channels").EnumerateArray().Select(c => c.GetProperty("phase").GetString()));
                    Check(onChips, truth, "atm90e32 (channels off their slot's phase)");
                }

                using (var adc = new ChipProbeProcess("--scenario", file, "--time-scale", "4", "--clock-start", clock))
                {
                    JsonElement onAdc = adc.MeasurementsAt(Start.AddSeconds(3));
                    Check(onAdc, truth, "adc (channels off their slot's phase)");
                    Compare(onChips, onAdc, 3, "MPP3 rotated");
                }
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Fact]
        public void Mpp18OnSixChipsMatchesTheTruthAndTheAdc()
        {
            ScenarioTruth truth = new ScenarioTruth(DefaultScenario.Create(ProbeModel.Mpp18));
            string clock = Start.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            JsonElement onChips;
            using (var chips = new ChipProbeProcess("--model", "MPP18", "--time-scale", "4", "--front-end", "atm90e32", "--clock-start", clock))
            {
                Assert.StartsWith("meter  front end atm90e32: 6 simulated ATM90E32", chips.MeterLine);
                onChips = chips.MeasurementsAt(Start.AddSeconds(3));
                Check(onChips, truth, "atm90e32");
                ModbusAgreesWithTheApi(chips, 18);
            }

            using (var adc = new ChipProbeProcess("--model", "MPP18", "--time-scale", "4", "--clock-start", clock))
            {
                JsonElement onAdc = adc.MeasurementsAt(Start.AddSeconds(3));
                Check(onAdc, truth, "adc");
                Compare(onChips, onAdc, 18, "MPP18");
            }
        }

        /// <summary>Every phase and channel of a snapshot against the truth at its time; logs the worst deviations.</summary>
        private void Check(JsonElement m, ScenarioTruth truth, string frontEnd)
        {
            double at = (Timestamp(m) - Start).TotalSeconds - 0.5;
            Near(truth.FrequencyHz(at), m.GetProperty("frequencyHz").GetDouble(), FrequencyTolerance, frontEnd + " frequency in " + m.GetRawText());
            double worstV = 0, worstI = 0, worstP = 0, worstQ = 0, worstS = 0, worstPf = 0;
            JsonElement[] phases = m.GetProperty("phases").EnumerateArray().ToArray();
            for (int k = 0; k < 3; k++)
            {
                double v = truth.Phase(k, at).Vrms;
                double got = phases[k].GetProperty("vrms").GetDouble();
                worstV = Math.Max(worstV, Math.Abs(got / v - 1));
                Near(v, got, v * RmsTolerance, frontEnd + " L" + (k + 1) + " Vrms");
            }

            int channels = m.GetProperty("channels").GetArrayLength();
            for (int c = 1; c <= channels; c++)
            {
                ChannelTruth t = truth.Channel(c, at);
                JsonElement ch = Channel(m, c);
                string what = frontEnd + " channel " + c;
                double irms = ch.GetProperty("irms").GetDouble();
                // Above 65.535 A the chip's IrmsX register is saturated (16 bits of 0.001 A): the firmware then takes
                // the current from Smean / Urms (both unsaturated), so every channel must match the truth.
                if (frontEnd.StartsWith("atm90e32", StringComparison.Ordinal) && t.Irms > IrmsRegisterMax)
                {
                    _output.WriteLine(what + ": Irms " + irms + " A from S/U past the saturated register (truth " + t.Irms.ToString("0.000") + " A)");
                }

                worstI = Math.Max(worstI, Math.Abs(irms / t.Irms - 1));
                Near(t.Irms, irms, t.Irms * RmsTolerance + 0.002, what + " Irms");
                double s = ch.GetProperty("apparentPowerVA").GetDouble();
                worstS = Math.Max(worstS, Math.Abs(s / t.ApparentPowerVA - 1));
                Near(t.ApparentPowerVA, s, t.ApparentPowerVA * RmsTolerance + 0.01, what + " S");
                double pf = ch.GetProperty("powerFactor").GetDouble();
                worstPf = Math.Max(worstPf, Math.Abs(pf - t.PowerFactor));
                Near(t.PowerFactor, pf, PfTolerance, what + " PF");

                double p = ch.GetProperty("activePowerW").GetDouble();
                double q = ch.GetProperty("reactivePowerVar").GetDouble();
                worstP = Math.Max(worstP, Math.Abs(p - t.ActivePowerW) / t.ApparentPowerVA);
                worstQ = Math.Max(worstQ, Math.Abs(q - t.ReactivePowerVar) / t.ApparentPowerVA);
                Near(t.ActivePowerW, p, t.ApparentPowerVA * PowerTolerance + 0.01, what + " P");
                Near(t.ReactivePowerVar, q, t.ApparentPowerVA * PowerTolerance + 0.01, what + " Q1");
            }

            _output.WriteLine(frontEnd + " vs truth (" + channels + " channels): worst Vrms " + Pct(worstV) + ", Irms " + Pct(worstI) + ", P " + Pct(worstP)
                + " of S, Q1 " + Pct(worstQ) + " of S, S " + Pct(worstS) + ", PF " + worstPf.ToString("0.0000", CultureInfo.InvariantCulture)
                + ", f " + m.GetProperty("frequencyHz").GetDouble().ToString("0.000", CultureInfo.InvariantCulture) + " Hz");
        }

        /// <summary>The two front ends on the same scenario: within the sum of their tolerances; logs the worst differences.</summary>
        private void Compare(JsonElement chips, JsonElement adc, int channels, string model)
        {
            double worstI = 0, worstP = 0, worstQ = 0, worstPf = 0, worstV = 0;
            for (int k = 0; k < 3; k++)
            {
                double a = chips.GetProperty("phases")[k].GetProperty("vrms").GetDouble();
                double b = adc.GetProperty("phases")[k].GetProperty("vrms").GetDouble();
                worstV = Math.Max(worstV, Math.Abs(a / b - 1));
                Near(b, a, b * 2 * RmsTolerance, model + " L" + (k + 1) + " Vrms chips vs adc");
            }

            for (int c = 1; c <= channels; c++)
            {
                JsonElement a = Channel(chips, c);
                JsonElement b = Channel(adc, c);
                double s = b.GetProperty("apparentPowerVA").GetDouble();
                double ia = a.GetProperty("irms").GetDouble(), ib = b.GetProperty("irms").GetDouble();
                if (ib < IrmsRegisterMax)
                {
                    worstI = Math.Max(worstI, Math.Abs(ia / ib - 1));
                    Near(ib, ia, ib * 2 * RmsTolerance + 0.004, model + " channel " + c + " Irms chips vs adc");
                    double pfa = a.GetProperty("powerFactor").GetDouble(), pfb = b.GetProperty("powerFactor").GetDouble();
                    worstPf = Math.Max(worstPf, Math.Abs(pfa - pfb));
                    Near(pfb, pfa, 2 * PfTolerance, model + " channel " + c + " PF chips vs adc");
                }

                double pa = a.GetProperty("activePowerW").GetDouble(), pb = b.GetProperty("activePowerW").GetDouble();
                double qa = a.GetProperty("reactivePowerVar").GetDouble(), qb = b.GetProperty("reactivePowerVar").GetDouble();
                worstP = Math.Max(worstP, Math.Abs(pa - pb) / s);
                worstQ = Math.Max(worstQ, Math.Abs(qa - qb) / s);
                Near(pb, pa, s * 2 * PowerTolerance + 0.02, model + " channel " + c + " P chips vs adc");
                Near(qb, qa, s * 2 * PowerTolerance + 0.02, model + " channel " + c + " Q1 chips vs adc");
            }

            double fa = chips.GetProperty("frequencyHz").GetDouble(), fb = adc.GetProperty("frequencyHz").GetDouble();
            Near(fb, fa, 2 * FrequencyTolerance, model + " frequency chips vs adc");
            _output.WriteLine(model + " atm90e32 vs adc: worst Vrms " + Pct(worstV) + ", Irms " + Pct(worstI) + ", P " + Pct(worstP) + " of S, Q1 "
                + Pct(worstQ) + " of S, PF " + worstPf.ToString("0.0000", CultureInfo.InvariantCulture) + ", f " + Math.Abs(fa - fb).ToString("0.000", CultureInfo.InvariantCulture) + " Hz");
        }

        /// <summary>mbpoll reads Irms and P of every channel from the vendor map (1200 + 40 (n - 1) + 4, float32); they agree with the API.</summary>
        private void ModbusAgreesWithTheApi(ChipProbeProcess probe, int channels)
        {
            for (int c = 1; c <= channels; c++)
            {
                int register = 1200 + 40 * (c - 1) + 4;
                PeerProcess.Result r = ModbusPeerRunner.Mbpoll("-m", "tcp", "-p", probe.ModbusPort.ToString(CultureInfo.InvariantCulture), "-1", "-0", "-o", "5",
                    "-t", "3:float", "-B", "-r", register.ToString(CultureInfo.InvariantCulture), "-c", "2", "127.0.0.1");
                Assert.True(r.ExitCode == 0, r.ToString());
                JsonElement api = Channel(probe.MeasurementsAt(DateTime.MinValue), c);
                double irms = Float(r.Stdout, register);
                double p = Float(r.Stdout, register + 2);
                double s = api.GetProperty("apparentPowerVA").GetDouble();
                // One second may pass between the two reads: the 0.5 LSB noise moves the values by less than 0.1 %.
                Near(api.GetProperty("irms").GetDouble(), irms, api.GetProperty("irms").GetDouble() * 0.002 + 0.002, "channel " + c + " Irms Modbus vs API");
                Near(api.GetProperty("activePowerW").GetDouble(), p, s * 0.003 + 0.01, "channel " + c + " P Modbus vs API");
            }

            _output.WriteLine("mbpoll: Irms and P of " + channels + " channels agree with the API");
        }

        private static double Float(string stdout, int register)
        {
            Match v = Regex.Match(stdout, @"\[" + register + @"\]:\s+([-0-9.eE+]+)\s");
            Assert.True(v.Success, "register " + register + " not in mbpoll's output:\n" + stdout);
            return double.Parse(v.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        private static JsonElement Channel(JsonElement m, int channel)
        {
            foreach (JsonElement c in m.GetProperty("channels").EnumerateArray())
            {
                if (c.GetProperty("channel").GetInt32() == channel)
                {
                    return c;
                }
            }

            throw new InvalidOperationException("no channel " + channel + " in the snapshot");
        }

        private static DateTime Timestamp(JsonElement m)
        {
            return m.GetProperty("timestamp").GetDateTime().ToUniversalTime();
        }

        private static string Pct(double fraction)
        {
            return (fraction * 100).ToString("0.000", CultureInfo.InvariantCulture) + " %";
        }

        private static void Near(double expected, double actual, double tolerance, string what)
        {
            Assert.True(Math.Abs(expected - actual) <= tolerance, what + ": expected " + expected + " ± " + tolerance + ", got " + actual);
        }
    }
}
