using Ipenergy.Probe.Simulator;
using Xunit;

namespace Ipenergy.Probe.Tests.Simulator
{
    /// <summary>Every rejection rule of the scenario file, through the whole start-up path (options + file + model).</summary>
    public class ScenarioValidationTests
    {
        // A valid MPP3 scenario; each case swaps one fragment for a bad one.
        private const string Valid = """
{
  "model": "MPP3",
  "frequencyHz": 50.0,
  "adc": { "bits": 12, "noiseRmsLsb": 0.5, "seed": 1 },
  "phases": {
    "L1": { "vrms": 230.0, "angleDeg": 0, "harmonics": [ { "order": 5, "percent": 3.0, "angleDeg": 0 } ] },
    "L2": { "vrms": 230.0, "angleDeg": -120 },
    "L3": { "vrms": 230.0, "angleDeg": 120 }
  },
  "channels": [
    { "channel": 1, "phase": "L1", "ctRatedA": 100, "irms": 42.0, "angleDeg": -25.8,
      "harmonics": [ { "order": 3, "percent": 20.0, "angleDeg": 0 } ],
      "ctPhaseErrorDeg": 0.0, "ctRatioErrorPercent": 0.0 },
    { "channel": 2, "phase": "L2", "irms": 10.0 }
  ],
  "events": [ { "atS": 30, "channel": 1, "irms": 95.0 }, { "atS": 60, "phase": "L2", "vrms": 0 }, { "atS": 90, "frequencyHz": 49.5 } ]
}
""";

        private static string With(string from, string to)
        {
            Assert.Contains(from, Valid);
            return Valid.Replace(from, to);
        }

        [Fact]
        public void TheSpecExampleIsAccepted()
        {
            string path = SimulatorTestSupport.WriteScenario(Valid);
            SimulatorPlan plan = SimulatorSetup.Prepare(new[] { "--scenario", path });
            Assert.Equal("MPP3", plan.Scenario.Model);
            Assert.Equal(2, plan.Scenario.Channels.Count);
            Assert.Equal(3, plan.Scenario.Events.Count);
            Assert.Equal(42.0, plan.Scenario.Channels[0].Irms);
            Assert.Equal(1, plan.Scenario.Channels[1].Phase);
            Assert.Equal(100.0, plan.Scenario.Channels[1].CtRatedA);
        }

        [Theory]
        // Unknown keys, at every level.
        [InlineData("\"frequencyHz\": 50.0", "\"frequencyHz\": 50.0, \"colour\": 1",
            "scenario.json: colour: unknown key (allowed: model, frequencyHz, adc, phases, channels, events)")]
        [InlineData("\"seed\": 1", "\"seed\": 1, \"vref\": 2", "scenario.json: adc.vref: unknown key (allowed: bits, noiseRmsLsb, seed)")]
        [InlineData("\"L2\": { \"vrms\": 230.0", "\"L2\": { \"vrm\": 230.0", "scenario.json: phases.L2.vrm: unknown key (allowed: vrms, angleDeg, harmonics)")]
        [InlineData("\"percent\": 3.0,", "\"pct\": 3.0,", "scenario.json: phases.L1.harmonics[0].pct: unknown key (allowed: order, percent, angleDeg)")]
        [InlineData("\"irms\": 10.0 }", "\"irms\": 10.0, \"label\": \"x\" }",
            "scenario.json: channels[1].label: unknown key (allowed: channel, phase, ctRatedA, irms, angleDeg, harmonics, ctPhaseErrorDeg, ctRatioErrorPercent)")]
        [InlineData("\"irms\": 95.0 }", "\"irms\": 95.0, \"ramp\": 1 }",
            "scenario.json: events[0].ramp: unknown key (allowed: atS, channel, phase, irms, vrms, angleDeg, frequencyHz)")]
        [InlineData("\"L3\": { \"vrms\"", "\"N\": { \"vrms\"", "scenario.json: phases: unknown phase 'N': must be L1, L2 or L3")]
        // Channel number beyond the model, duplicates, phase names.
        [InlineData("{ \"channel\": 2,", "{ \"channel\": 4,", "scenario.json: channels[1].channel: must be 1..3 on an MPP3, got 4")]
        [InlineData("{ \"channel\": 2,", "{ \"channel\": 0,", "scenario.json: channels[1].channel: must be 1..3 on an MPP3, got 0")]
        [InlineData("{ \"channel\": 2,", "{ \"channel\": 1,", "scenario.json: channels[1].channel: channel 1 is listed twice")]
        [InlineData("\"phase\": \"L2\", \"irms\"", "\"phase\": \"L4\", \"irms\"", "scenario.json: channels[1].phase: must be L1, L2 or L3, got 'L4'")]
        [InlineData("\"phase\": \"L2\", \"irms\"", "\"phase\": 2, \"irms\"", "scenario.json: channels[1].phase: must be L1, L2 or L3, got 2")]
        [InlineData("{ \"channel\": 2, \"phase\": \"L2\", \"irms\": 10.0 }", "{ \"phase\": \"L2\", \"irms\": 10.0 }", "scenario.json: channels[1]: missing key 'channel'")]
        // Negative RMS values.
        [InlineData("\"irms\": 10.0 }", "\"irms\": -1 }", "scenario.json: channels[1].irms: must be a number >= 0, got -1")]
        [InlineData("\"L2\": { \"vrms\": 230.0", "\"L2\": { \"vrms\": -230.0", "scenario.json: phases.L2.vrms: must be a number >= 0, got -230")]
        // Frequency range.
        [InlineData("\"frequencyHz\": 50.0", "\"frequencyHz\": 39.9", "scenario.json: frequencyHz: must be 40..70, got 39.9")]
        [InlineData("\"frequencyHz\": 50.0", "\"frequencyHz\": 70.5", "scenario.json: frequencyHz: must be 40..70, got 70.5")]
        // CT rating, ADC, noise, CT errors.
        [InlineData("\"ctRatedA\": 100", "\"ctRatedA\": 4.9", "scenario.json: channels[0].ctRatedA: must be 5..500, got 4.9")]
        [InlineData("\"ctRatedA\": 100", "\"ctRatedA\": 501", "scenario.json: channels[0].ctRatedA: must be 5..500, got 501")]
        [InlineData("\"bits\": 12", "\"bits\": 7", "scenario.json: adc.bits: must be 8..24, got 7")]
        [InlineData("\"bits\": 12", "\"bits\": 25", "scenario.json: adc.bits: must be 8..24, got 25")]
        [InlineData("\"bits\": 12", "\"bits\": 12.5", "scenario.json: adc.bits: must be an integer, got 12.5")]
        [InlineData("\"noiseRmsLsb\": 0.5", "\"noiseRmsLsb\": -0.1", "scenario.json: adc.noiseRmsLsb: must be a number >= 0, got -0.1")]
        [InlineData("\"seed\": 1", "\"seed\": \"one\"", "scenario.json: adc.seed: must be an integer, got 'one'")]
        [InlineData("\"ctRatioErrorPercent\": 0.0", "\"ctRatioErrorPercent\": -60", "scenario.json: channels[0].ctRatioErrorPercent: must be -50..50, got -60")]
        [InlineData("\"ctPhaseErrorDeg\": 0.0", "\"ctPhaseErrorDeg\": 45", "scenario.json: channels[0].ctPhaseErrorDeg: must be -30..30, got 45")]
        // Harmonics.
        [InlineData("\"order\": 3,", "\"order\": 1,", "scenario.json: channels[0].harmonics[0].order: must be an integer >= 2, got 1")]
        [InlineData("\"order\": 3,", "\"order\": 2.5,", "scenario.json: channels[0].harmonics[0].order: must be an integer, got 2.5")]
        [InlineData("\"order\": 5,", "\"order\": 0,", "scenario.json: phases.L1.harmonics[0].order: must be an integer >= 2, got 0")]
        [InlineData("\"percent\": 20.0,", "\"percent\": -5,", "scenario.json: channels[0].harmonics[0].percent: must be a number >= 0, got -5")]
        [InlineData("{ \"order\": 3, \"percent\": 20.0, \"angleDeg\": 0 }", "{ \"order\": 3, \"percent\": 20.0 }, { \"order\": 3, \"percent\": 1 }",
            "scenario.json: channels[0].harmonics[1].order: order 3 is listed twice")]
        [InlineData("\"order\": 3,", "\"order\": 32,", "scenario.json: channels[0].harmonics[0].order: order 32 at 50 Hz is 1600 Hz, not below the Nyquist limit 1600 Hz of --sample-rate 3200")]
        [InlineData("{ \"order\": 3, \"percent\": 20.0, \"angleDeg\": 0 }", "{ \"angleDeg\": 0 }", "scenario.json: channels[0].harmonics[0]: missing key 'order'")]
        // Events.
        [InlineData("\"atS\": 30, \"channel\": 1,", "\"atS\": 30, \"channel\": 3,", "scenario.json: events[0].channel: unknown target: channel 3 is not listed in channels")]
        [InlineData("\"atS\": 60, \"phase\": \"L2\",", "\"atS\": 60, \"phase\": \"L5\",", "scenario.json: events[1].phase: unknown target: must be L1, L2 or L3, got 'L5'")]
        [InlineData("{ \"atS\": 90, \"frequencyHz\": 49.5 }", "{ \"atS\": 90, \"irms\": 3 }", "scenario.json: events[2]: needs a target: channel, phase, or frequencyHz alone")]
        [InlineData("\"atS\": 60, \"phase\": \"L2\",", "\"atS\": 60, \"channel\": 1, \"phase\": \"L2\",", "scenario.json: events[1]: names both a channel and a phase; one event changes one target")]
        [InlineData("\"atS\": 60, \"phase\": \"L2\", \"vrms\": 0", "\"atS\": 60, \"phase\": \"L2\", \"irms\": 0", "scenario.json: events[1].irms: not allowed in a phase event")]
        [InlineData("\"channel\": 1, \"irms\": 95.0", "\"channel\": 1, \"vrms\": 95.0", "scenario.json: events[0].vrms: not allowed in a channel event")]
        [InlineData("\"channel\": 1, \"irms\": 95.0", "\"channel\": 1", "scenario.json: events[0]: changes nothing: give irms and/or angleDeg")]
        [InlineData("\"channel\": 1, \"irms\": 95.0", "\"channel\": 1, \"irms\": -95.0", "scenario.json: events[0].irms: must be a number >= 0, got -95")]
        [InlineData("\"vrms\": 0 }", "\"vrms\": -1 }", "scenario.json: events[1].vrms: must be a number >= 0, got -1")]
        [InlineData("\"frequencyHz\": 49.5", "\"frequencyHz\": 75", "scenario.json: events[2].frequencyHz: must be 40..70, got 75")]
        [InlineData("\"atS\": 30,", "\"atS\": -1,", "scenario.json: events[0].atS: must be a number >= 0, got -1")]
        [InlineData("{ \"atS\": 30,", "{", "scenario.json: events[0]: missing key 'atS'")]
        // Model, types, syntax.
        [InlineData("\"model\": \"MPP3\"", "\"model\": \"MPP7\"", "scenario.json: model: must be MPP3 or MPP18, got 'MPP7'")]
        [InlineData("\"irms\": 42.0", "\"irms\": \"42\"", "scenario.json: channels[0].irms: must be a number, got '42'")]
        [InlineData("\"frequencyHz\": 50.0", "\"frequencyHz\": 50.0, \"frequencyHz\": 60.0", "scenario.json: frequencyHz: duplicate key")]
        public void BadScenariosAreRejectedWithTheirPath(string from, string to, string expected)
        {
            Assert.Equal(expected, SimulatorTestSupport.ScenarioError(With(from, to)));
        }

        [Theory]
        [InlineData("{ \"channels\": 3 }", "scenario.json: channels: must be a JSON array, got 3")]
        [InlineData("{ \"adc\": null }", "scenario.json: adc: must be a JSON object, got null")]
        [InlineData("{ \"phases\": { \"L1\": [] } }", "scenario.json: phases.L1: must be a JSON object, got an array")]
        [InlineData("{ \"channels\": [ 1 ] }", "scenario.json: channels[0]: must be a JSON object, got 1")]
        [InlineData("{ \"model\": true }", "scenario.json: model: must be a string, got true")]
        [InlineData("{ \"events\": [ { \"atS\": \"soon\", \"frequencyHz\": 50 } ] }", "scenario.json: events[0].atS: must be a number, got 'soon'")]
        public void WrongJsonTypesAreRejectedWithTheirPath(string json, string expected)
        {
            Assert.Equal(expected, SimulatorTestSupport.ScenarioError(json));
        }

        [Fact]
        public void InvalidJsonNamesTheLine()
        {
            string message = SimulatorTestSupport.ScenarioError(With("\"bits\": 12,", "\"bits\": 12,,"));
            Assert.StartsWith("scenario.json: line 4, column 23: invalid JSON: ", message);
            Assert.Contains("invalid JSON", message);
        }

        [Fact]
        public void TrailingCommasAreInvalidJson()
        {
            Assert.Contains("invalid JSON", SimulatorTestSupport.ScenarioError("{ \"frequencyHz\": 50, }"));
        }

        [Fact]
        public void TheRootMustBeAnObject()
        {
            Assert.Equal("scenario.json: (root): must be a JSON object, got an array", SimulatorTestSupport.ScenarioError("[]"));
        }

        [Fact]
        public void AScenarioModelMustMatchModelOption()
        {
            Assert.Equal("scenario.json: model: MPP3 does not match --model MPP18 (drop one of them or make them agree)",
                SimulatorTestSupport.ScenarioError(Valid, "--model", "MPP18"));
        }

        [Fact]
        public void TheScenarioModelIsUsedWhenModelIsNotGiven()
        {
            string path = SimulatorTestSupport.WriteScenario(Valid);
            Assert.Equal("MPP3", SimulatorSetup.Prepare(new[] { "--scenario", path }).Scenario.Model);
            Assert.Equal("MPP3", SimulatorSetup.Prepare(new[] { "--scenario", path, "--model", "MPP3" }).Scenario.Model);
        }

        [Fact]
        public void ModelOptionDecidesWhenTheScenarioSaysNothing()
        {
            string json = With("\"model\": \"MPP3\",", "");
            string path = SimulatorTestSupport.WriteScenario(json);
            Assert.Equal("MPP18", SimulatorSetup.Prepare(new[] { "--scenario", path }).Scenario.Model);
            Assert.Equal("MPP3", SimulatorSetup.Prepare(new[] { "--scenario", path, "--model", "MPP3" }).Scenario.Model);
        }

        [Fact]
        public void AHigherSampleRateAdmitsHigherHarmonics()
        {
            string json = With("\"order\": 3,", "\"order\": 32,");
            string path = SimulatorTestSupport.WriteScenario(json);
            Assert.Equal(32, SimulatorSetup.Prepare(new[] { "--scenario", path, "--sample-rate", "6400" }).Scenario.Channels[0].Harmonics[0].Order);
        }

        [Fact]
        public void AFrequencyEventLowersTheHarmonicLimit()
        {
            // 31 × 50 Hz is fine at 3200 Hz, but not once an event raises the frequency to 52 Hz.
            string json = With("\"order\": 3,", "\"order\": 31,").Replace("\"frequencyHz\": 49.5", "\"frequencyHz\": 52");
            Assert.Equal("scenario.json: channels[0].harmonics[0].order: order 31 at 52 Hz is 1612 Hz, not below the Nyquist limit 1600 Hz of --sample-rate 3200",
                SimulatorTestSupport.ScenarioError(json));
        }

        [Fact]
        public void AMissingFileIsNamed()
        {
            string message = SimulatorTestSupport.SetupError("--scenario", "/nonexistent/dir/scenario.json");
            Assert.StartsWith("--scenario: cannot read '/nonexistent/dir/scenario.json': ", message);
        }

        [Fact]
        public void AMinimalScenarioTakesTheDocumentedDefaults()
        {
            string path = SimulatorTestSupport.WriteScenario("{ \"channels\": [ { \"channel\": 5 } ] }");
            Scenario s = SimulatorSetup.Prepare(new[] { "--scenario", path }).Scenario;
            Assert.Equal("MPP18", s.Model);
            Assert.Equal(50.0, s.FrequencyHz);
            Assert.Equal(12, s.Adc.Bits);
            Assert.Equal(0.0, s.Adc.NoiseRmsLsb);
            Assert.Equal(1, s.Adc.Seed);
            Assert.Equal(230.0, s.Phases[1].Vrms);
            Assert.Equal(-120.0, s.Phases[1].AngleDeg);
            Assert.Equal(120.0, s.Phases[2].AngleDeg);
            Assert.Equal(1, s.Channels[0].Phase);   // channel 5 on the terminal-block wiring L1 L2 L3 L1 L2
            Assert.Equal(100.0, s.Channels[0].CtRatedA);
            Assert.Equal(0.0, s.Channels[0].Irms);
        }

        [Fact]
        public void CommentsAreAllowed()
        {
            string path = SimulatorTestSupport.WriteScenario("{ // a room\n \"frequencyHz\": 60 /* US */ }");
            Assert.Equal(60.0, SimulatorSetup.Prepare(new[] { "--scenario", path }).Scenario.FrequencyHz);
        }

        [Fact]
        public void AProgrammaticScenarioIsValidatedByTheSynthesizer()
        {
            Scenario s = new Scenario { Model = "MPP3" };
            s.Channels.Add(new ChannelSettings { Channel = 4, Irms = 1 });
            ScenarioException e = Assert.Throws<ScenarioException>(() => WaveformSynthesizer.CreateFreeRunning(s));
            Assert.Equal("scenario: channels[0].channel: must be 1..3 on an MPP3, got 4", e.Message);
        }
    }
}
