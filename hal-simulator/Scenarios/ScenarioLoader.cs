using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Simulator
{
    /// <summary>
    /// Reads a scenario file strictly: every object admits only its documented keys, every value its
    /// documented type. Errors name the file and the JSON path. Value ranges are left to
    /// <see cref="ScenarioValidator"/>, which the caller runs once the model and sample rate are known.
    /// </summary>
    public static class ScenarioLoader
    {
        private static readonly string[] RootKeys = { "model", "frequencyHz", "adc", "phases", "channels", "events" };
        private static readonly string[] AdcKeys = { "bits", "noiseRmsLsb", "seed" };
        private static readonly string[] PhaseKeys = { "vrms", "angleDeg", "harmonics" };
        private static readonly string[] HarmonicKeys = { "order", "percent", "angleDeg" };
        private static readonly string[] ChannelKeys =
            { "channel", "phase", "ctRatedA", "irms", "angleDeg", "harmonics", "ctPhaseErrorDeg", "ctRatioErrorPercent" };
        private static readonly string[] EventKeys = { "atS", "channel", "phase", "irms", "vrms", "angleDeg", "frequencyHz" };

        /// <summary>Reads the file; the path as given names the source in messages.</summary>
        public static Scenario LoadFile(string path)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                throw new SetupException("--scenario: cannot read '" + path + "': " + e.Message);
            }

            return Parse(text, path);
        }

        /// <summary>Parses scenario JSON; source names it in messages (a file name, "built-in scenario").</summary>
        public static Scenario Parse(string json, string source)
        {
            JsonDocumentOptions options = new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = false,
            };
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(json, options);
            }
            catch (JsonException e)
            {
                string where = e.LineNumber.HasValue
                    ? "line " + (e.LineNumber.Value + 1) + ", column " + ((e.BytePositionInLine ?? 0) + 1)
                    : "";
                throw new ScenarioException(source, where, "invalid JSON: " + FirstSentence(e.Message));
            }

            using (document)
            {
                return ReadScenario(new Reader(source), document.RootElement);
            }
        }

        private static Scenario ReadScenario(Reader r, JsonElement root)
        {
            Dictionary<string, JsonElement> obj = r.Object(root, "", RootKeys);
            Scenario s = new Scenario();
            if (obj.TryGetValue("model", out JsonElement model))
            {
                string name = r.String(model, "model");
                if (!ProbeModel.IsKnown(name))
                {
                    throw new ScenarioException(r.Source, "model", "must be MPP3 or MPP18, got '" + name + "'");
                }

                s.Model = name;
            }

            s.FrequencyHz = r.Number(obj, "frequencyHz", "", s.FrequencyHz);
            if (obj.TryGetValue("adc", out JsonElement adc))
            {
                Dictionary<string, JsonElement> a = r.Object(adc, "adc", AdcKeys);
                s.Adc.Bits = r.Integer(a, "bits", "adc", s.Adc.Bits);
                s.Adc.NoiseRmsLsb = r.Number(a, "noiseRmsLsb", "adc", s.Adc.NoiseRmsLsb);
                if (a.TryGetValue("seed", out JsonElement seed))
                {
                    if (seed.ValueKind != JsonValueKind.Number || !seed.TryGetInt64(out long value))
                    {
                        throw r.Error("adc.seed", "must be an integer", seed);
                    }

                    s.Adc.Seed = value;
                }
            }

            if (obj.TryGetValue("phases", out JsonElement phases))
            {
                Dictionary<string, JsonElement> p = r.Object(phases, "phases", null);
                foreach (KeyValuePair<string, JsonElement> entry in p)
                {
                    int index = PhaseNames.Parse(entry.Key);
                    if (index < 0)
                    {
                        throw new ScenarioException(r.Source, "phases", "unknown phase '" + entry.Key + "': must be L1, L2 or L3");
                    }

                    ReadPhase(r, entry.Value, "phases." + entry.Key, s.Phases[index]);
                }
            }

            if (obj.TryGetValue("channels", out JsonElement channels))
            {
                int i = 0;
                foreach (JsonElement c in r.Array(channels, "channels"))
                {
                    s.Channels.Add(ReadChannel(r, c, "channels[" + i + "]"));
                    i++;
                }
            }

            if (obj.TryGetValue("events", out JsonElement events))
            {
                int i = 0;
                foreach (JsonElement e in r.Array(events, "events"))
                {
                    s.Events.Add(ReadEvent(r, e, "events[" + i + "]"));
                    i++;
                }
            }

            return s;
        }

        private static void ReadPhase(Reader r, JsonElement element, string path, PhaseSettings phase)
        {
            Dictionary<string, JsonElement> obj = r.Object(element, path, PhaseKeys);
            phase.Vrms = r.Number(obj, "vrms", path, phase.Vrms);
            phase.AngleDeg = r.Number(obj, "angleDeg", path, phase.AngleDeg);
            ReadHarmonics(r, obj, path, phase.Harmonics);
        }

        private static ChannelSettings ReadChannel(Reader r, JsonElement element, string path)
        {
            Dictionary<string, JsonElement> obj = r.Object(element, path, ChannelKeys);
            if (!obj.ContainsKey("channel"))
            {
                throw new ScenarioException(r.Source, path, "missing key 'channel'");
            }

            ChannelSettings c = new ChannelSettings();
            c.Channel = r.Integer(obj, "channel", path, 0);
            // Unnamed phase: the terminal-block wiring L1, L2, L3, L1, … (as MeterConfig's default).
            c.Phase = (c.Channel - 1 + PhaseNames.Count) % PhaseNames.Count;
            if (obj.TryGetValue("phase", out JsonElement phase))
            {
                c.Phase = r.Phase(phase, path + ".phase", "");
            }

            c.CtRatedA = r.Number(obj, "ctRatedA", path, c.CtRatedA);
            c.Irms = r.Number(obj, "irms", path, c.Irms);
            c.AngleDeg = r.Number(obj, "angleDeg", path, c.AngleDeg);
            ReadHarmonics(r, obj, path, c.Harmonics);
            c.CtPhaseErrorDeg = r.Number(obj, "ctPhaseErrorDeg", path, c.CtPhaseErrorDeg);
            c.CtRatioErrorPercent = r.Number(obj, "ctRatioErrorPercent", path, c.CtRatioErrorPercent);
            return c;
        }

        private static void ReadHarmonics(Reader r, Dictionary<string, JsonElement> owner, string path, List<HarmonicSettings> into)
        {
            if (!owner.TryGetValue("harmonics", out JsonElement list))
            {
                return;
            }

            int i = 0;
            foreach (JsonElement element in r.Array(list, path + ".harmonics"))
            {
                string hp = path + ".harmonics[" + i + "]";
                Dictionary<string, JsonElement> obj = r.Object(element, hp, HarmonicKeys);
                if (!obj.ContainsKey("order"))
                {
                    throw new ScenarioException(r.Source, hp, "missing key 'order'");
                }

                if (!obj.ContainsKey("percent"))
                {
                    throw new ScenarioException(r.Source, hp, "missing key 'percent'");
                }

                into.Add(new HarmonicSettings(
                    r.Integer(obj, "order", hp, 0),
                    r.Number(obj, "percent", hp, 0.0),
                    r.Number(obj, "angleDeg", hp, 0.0)));
                i++;
            }
        }

        private static ScenarioEvent ReadEvent(Reader r, JsonElement element, string path)
        {
            Dictionary<string, JsonElement> obj = r.Object(element, path, EventKeys);
            if (!obj.ContainsKey("atS"))
            {
                throw new ScenarioException(r.Source, path, "missing key 'atS'");
            }

            ScenarioEvent e = new ScenarioEvent();
            e.AtS = r.Number(obj, "atS", path, 0.0);
            if (obj.ContainsKey("channel"))
            {
                e.Channel = r.Integer(obj, "channel", path, 0);
            }

            if (obj.TryGetValue("phase", out JsonElement phase))
            {
                e.Phase = r.Phase(phase, path + ".phase", "unknown target: ");
            }

            e.Irms = r.OptionalNumber(obj, "irms", path);
            e.Vrms = r.OptionalNumber(obj, "vrms", path);
            e.AngleDeg = r.OptionalNumber(obj, "angleDeg", path);
            e.FrequencyHz = r.OptionalNumber(obj, "frequencyHz", path);
            return e;
        }

        private static string FirstSentence(string message)
        {
            int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            return (cut > 0 ? message.Substring(0, cut) : message).Trim();
        }

        /// <summary>Typed access to JSON values with messages that name the path.</summary>
        private sealed class Reader
        {
            public Reader(string source)
            {
                Source = source;
            }

            public string Source { get; }

            public Dictionary<string, JsonElement> Object(JsonElement element, string path, string[] allowedKeys)
            {
                if (element.ValueKind != JsonValueKind.Object)
                {
                    throw Error(path.Length == 0 ? "(root)" : path, "must be a JSON object", element);
                }

                Dictionary<string, JsonElement> result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (JsonProperty p in element.EnumerateObject())
                {
                    string keyPath = Join(path, p.Name);
                    if (allowedKeys != null && System.Array.IndexOf(allowedKeys, p.Name) < 0)
                    {
                        throw new ScenarioException(Source, keyPath, "unknown key (allowed: " + string.Join(", ", allowedKeys) + ")");
                    }

                    if (!result.TryAdd(p.Name, p.Value))
                    {
                        throw new ScenarioException(Source, keyPath, "duplicate key");
                    }
                }

                return result;
            }

            public JsonElement.ArrayEnumerator Array(JsonElement element, string path)
            {
                if (element.ValueKind != JsonValueKind.Array)
                {
                    throw Error(path, "must be a JSON array", element);
                }

                return element.EnumerateArray();
            }

            public string String(JsonElement element, string path)
            {
                if (element.ValueKind != JsonValueKind.String)
                {
                    throw Error(path, "must be a string", element);
                }

                return element.GetString();
            }

            public double Number(Dictionary<string, JsonElement> obj, string key, string path, double fallback)
            {
                double? value = OptionalNumber(obj, key, path);
                return value ?? fallback;
            }

            public double? OptionalNumber(Dictionary<string, JsonElement> obj, string key, string path)
            {
                if (!obj.TryGetValue(key, out JsonElement element))
                {
                    return null;
                }

                if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out double value) || double.IsInfinity(value))
                {
                    throw Error(Join(path, key), "must be a number", element);
                }

                return value;
            }

            public int Integer(Dictionary<string, JsonElement> obj, string key, string path, int fallback)
            {
                if (!obj.TryGetValue(key, out JsonElement element))
                {
                    return fallback;
                }

                if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out int value))
                {
                    throw Error(Join(path, key), "must be an integer", element);
                }

                return value;
            }

            public int Phase(JsonElement element, string path, string prefix)
            {
                int index = element.ValueKind == JsonValueKind.String ? PhaseNames.Parse(element.GetString()) : -1;
                if (index < 0)
                {
                    throw Error(path, prefix + "must be L1, L2 or L3", element);
                }

                return index;
            }

            public ScenarioException Error(string path, string problem, JsonElement got)
            {
                return new ScenarioException(Source, path, problem + ", got " + Describe(got));
            }

            private static string Join(string path, string key)
            {
                return path.Length == 0 ? key : path + "." + key;
            }

            private static string Describe(JsonElement element)
            {
                switch (element.ValueKind)
                {
                    case JsonValueKind.String:
                        return "'" + element.GetString() + "'";
                    case JsonValueKind.Number:
                        return element.GetRawText();
                    case JsonValueKind.Object:
                        return "an object";
                    case JsonValueKind.Array:
                        return "an array";
                    case JsonValueKind.True:
                        return "true";
                    case JsonValueKind.False:
                        return "false";
                    default:
                        return "null";
                }
            }
        }
    }
}
