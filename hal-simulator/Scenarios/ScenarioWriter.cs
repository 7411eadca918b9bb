using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Simulator
{
    /// <summary>Writes a scenario as scenario JSON that <see cref="ScenarioLoader"/> reads back to the same scenario.</summary>
    public static class ScenarioWriter
    {
        public static string ToJson(Scenario scenario)
        {
            using (MemoryStream stream = new MemoryStream())
            {
                using (Utf8JsonWriter w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
                {
                    w.WriteStartObject();
                    if (scenario.Model != null)
                    {
                        w.WriteString("model", scenario.Model);
                    }

                    w.WriteNumber("frequencyHz", scenario.FrequencyHz);
                    w.WriteStartObject("adc");
                    w.WriteNumber("bits", scenario.Adc.Bits);
                    w.WriteNumber("noiseRmsLsb", scenario.Adc.NoiseRmsLsb);
                    w.WriteNumber("seed", scenario.Adc.Seed);
                    w.WriteEndObject();
                    w.WriteStartObject("phases");
                    for (int k = 0; k < scenario.Phases.Length; k++)
                    {
                        PhaseSettings p = scenario.Phases[k];
                        w.WriteStartObject(PhaseNames.Name(k));
                        w.WriteNumber("vrms", p.Vrms);
                        w.WriteNumber("angleDeg", p.AngleDeg);
                        WriteHarmonics(w, p.Harmonics);
                        w.WriteEndObject();
                    }

                    w.WriteEndObject();
                    w.WriteStartArray("channels");
                    foreach (ChannelSettings c in scenario.Channels)
                    {
                        w.WriteStartObject();
                        w.WriteNumber("channel", c.Channel);
                        w.WriteString("phase", PhaseNames.Name(c.Phase));
                        w.WriteNumber("ctRatedA", c.CtRatedA);
                        w.WriteNumber("irms", c.Irms);
                        w.WriteNumber("angleDeg", c.AngleDeg);
                        WriteHarmonics(w, c.Harmonics);
                        w.WriteNumber("ctPhaseErrorDeg", c.CtPhaseErrorDeg);
                        w.WriteNumber("ctRatioErrorPercent", c.CtRatioErrorPercent);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteStartArray("events");
                    foreach (ScenarioEvent e in scenario.Events)
                    {
                        w.WriteStartObject();
                        w.WriteNumber("atS", e.AtS);
                        if (e.Channel.HasValue)
                        {
                            w.WriteNumber("channel", e.Channel.Value);
                        }

                        if (e.Phase.HasValue)
                        {
                            w.WriteString("phase", PhaseNames.Name(e.Phase.Value));
                        }

                        WriteOptional(w, "irms", e.Irms);
                        WriteOptional(w, "vrms", e.Vrms);
                        WriteOptional(w, "angleDeg", e.AngleDeg);
                        WriteOptional(w, "frequencyHz", e.FrequencyHz);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                return Encoding.UTF8.GetString(stream.ToArray());
            }
        }

        private static void WriteHarmonics(Utf8JsonWriter w, List<HarmonicSettings> harmonics)
        {
            if (harmonics.Count == 0)
            {
                return;
            }

            w.WriteStartArray("harmonics");
            foreach (HarmonicSettings h in harmonics)
            {
                w.WriteStartObject();
                w.WriteNumber("order", h.Order);
                w.WriteNumber("percent", h.Percent);
                w.WriteNumber("angleDeg", h.AngleDeg);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        private static void WriteOptional(Utf8JsonWriter w, string name, double? value)
        {
            if (value.HasValue)
            {
                w.WriteNumber(name, value.Value);
            }
        }
    }
}
