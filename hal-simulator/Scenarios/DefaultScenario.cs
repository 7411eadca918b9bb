namespace Ipenergy.Probe.Simulator
{
    /// <summary>
    /// The built-in scenario: a small data-centre room fed at 230/400 V 50 Hz with a little 5th harmonic on
    /// the voltage, racks on all 18 channels (5 … 80 A on 32/63/100 A CTs, displacement factor 0.90 … 0.99
    /// lagging, server power supplies drawing 3rd/5th/7th harmonics), three cooling units on channels 10-12.
    /// Written as scenario JSON so it also serves as the example printed by --print-scenario.
    /// </summary>
    public static class DefaultScenario
    {
        public const string SourceName = "built-in scenario";

        public const string Json = """
{
  "model": "MPP18",
  "frequencyHz": 50.0,
  "adc": { "bits": 12, "noiseRmsLsb": 0.5, "seed": 1 },
  "phases": {
    "L1": { "vrms": 230.0, "angleDeg": 0, "harmonics": [ { "order": 5, "percent": 2.0, "angleDeg": 0 } ] },
    "L2": { "vrms": 230.0, "angleDeg": -120, "harmonics": [ { "order": 5, "percent": 2.0, "angleDeg": 0 } ] },
    "L3": { "vrms": 230.0, "angleDeg": 120, "harmonics": [ { "order": 5, "percent": 2.0, "angleDeg": 0 } ] }
  },
  "channels": [
    { "channel": 1, "phase": "L1", "ctRatedA": 100, "irms": 62, "angleDeg": -18.19,
      "harmonics": [ { "order": 3, "percent": 18, "angleDeg": 180 }, { "order": 5, "percent": 8, "angleDeg": 0 }, { "order": 7, "percent": 4, "angleDeg": 180 } ] },
    { "channel": 2, "phase": "L2", "ctRatedA": 100, "irms": 58, "angleDeg": -18.19,
      "harmonics": [ { "order": 3, "percent": 18, "angleDeg": 180 }, { "order": 5, "percent": 8, "angleDeg": 0 }, { "order": 7, "percent": 4, "angleDeg": 180 } ] },
    { "channel": 3, "phase": "L3", "ctRatedA": 100, "irms": 65, "angleDeg": -18.19,
      "harmonics": [ { "order": 3, "percent": 18, "angleDeg": 180 }, { "order": 5, "percent": 8, "angleDeg": 0 }, { "order": 7, "percent": 4, "angleDeg": 180 } ] },
    { "channel": 4, "phase": "L1", "ctRatedA": 63, "irms": 32, "angleDeg": -14.07,
      "harmonics": [ { "order": 3, "percent": 22, "angleDeg": 180 }, { "order": 5, "percent": 10, "angleDeg": 0 }, { "order": 7, "percent": 5, "angleDeg": 180 } ] },
    { "channel": 5, "phase": "L2", "ctRatedA": 63, "irms": 28, "angleDeg": -16.26,
      "harmonics": [ { "order": 3, "percent": 20, "angleDeg": 180 }, { "order": 5, "percent": 9, "angleDeg": 0 }, { "order": 7, "percent": 4, "angleDeg": 180 } ] },
    { "channel": 6, "phase": "L3", "ctRatedA": 63, "irms": 35, "angleDeg": -14.07,
      "harmonics": [ { "order": 3, "percent": 22, "angleDeg": 180 }, { "order": 5, "percent": 10, "angleDeg": 0 }, { "order": 7, "percent": 5, "angleDeg": 180 } ] },
    { "channel": 7, "phase": "L1", "ctRatedA": 32, "irms": 12, "angleDeg": -21.57,
      "harmonics": [ { "order": 3, "percent": 30, "angleDeg": 180 }, { "order": 5, "percent": 15, "angleDeg": 0 }, { "order": 7, "percent": 8, "angleDeg": 180 } ] },
    { "channel": 8, "phase": "L2", "ctRatedA": 32, "irms": 16, "angleDeg": -23.07,
      "harmonics": [ { "order": 3, "percent": 28, "angleDeg": 180 }, { "order": 5, "percent": 14, "angleDeg": 0 }, { "order": 7, "percent": 7, "angleDeg": 180 } ] },
    { "channel": 9, "phase": "L3", "ctRatedA": 32, "irms": 9, "angleDeg": -19.95,
      "harmonics": [ { "order": 3, "percent": 32, "angleDeg": 180 }, { "order": 5, "percent": 16, "angleDeg": 0 }, { "order": 7, "percent": 9, "angleDeg": 180 } ] },
    { "channel": 10, "phase": "L1", "ctRatedA": 100, "irms": 45, "angleDeg": -25.84,
      "harmonics": [ { "order": 5, "percent": 6, "angleDeg": 30 }, { "order": 7, "percent": 4, "angleDeg": -20 } ] },
    { "channel": 11, "phase": "L2", "ctRatedA": 100, "irms": 45, "angleDeg": -25.84,
      "harmonics": [ { "order": 5, "percent": 6, "angleDeg": 30 }, { "order": 7, "percent": 4, "angleDeg": -20 } ] },
    { "channel": 12, "phase": "L3", "ctRatedA": 100, "irms": 45, "angleDeg": -25.84,
      "harmonics": [ { "order": 5, "percent": 6, "angleDeg": 30 }, { "order": 7, "percent": 4, "angleDeg": -20 } ] },
    { "channel": 13, "phase": "L1", "ctRatedA": 63, "irms": 41, "angleDeg": -11.48,
      "harmonics": [ { "order": 3, "percent": 12, "angleDeg": 180 } ] },
    { "channel": 14, "phase": "L2", "ctRatedA": 63, "irms": 22, "angleDeg": -16.26,
      "harmonics": [ { "order": 3, "percent": 15, "angleDeg": 180 }, { "order": 5, "percent": 6, "angleDeg": 0 } ] },
    { "channel": 15, "phase": "L3", "ctRatedA": 32, "irms": 5, "angleDeg": -24.49 },
    { "channel": 16, "phase": "L1", "ctRatedA": 32, "irms": 18, "angleDeg": -18.19,
      "harmonics": [ { "order": 3, "percent": 20, "angleDeg": 180 }, { "order": 5, "percent": 8, "angleDeg": 0 } ] },
    { "channel": 17, "phase": "L2", "ctRatedA": 100, "irms": 71, "angleDeg": -14.07,
      "harmonics": [ { "order": 3, "percent": 10, "angleDeg": 180 }, { "order": 5, "percent": 5, "angleDeg": 0 }, { "order": 7, "percent": 3, "angleDeg": 180 } ] },
    { "channel": 18, "phase": "L3", "ctRatedA": 63, "irms": 25, "angleDeg": -8.11 }
  ],
  "events": []
}
""";

        /// <summary>The built-in room for the given model: an MPP3 keeps the first three channels.</summary>
        public static Scenario Create(string model)
        {
            Scenario s = ScenarioLoader.Parse(Json, SourceName);
            s.Model = model;
            int count = ProbeModel.ChannelCount(model);
            s.Channels.RemoveAll(c => c.Channel > count);
            s.Events.RemoveAll(e => e.Channel.HasValue && e.Channel.Value > count);
            return s;
        }
    }
}
