using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Ipenergy.Probe.Cli
{
    /// <summary>
    /// A dotted path into a JSON document, as the probe names fields in its messages: "snmp.sysLocation",
    /// "channels[3].ctRatedA" (array indexes 0-based: channels[3] is channel 4), "alarms.rules.loadHigh.warning".
    /// "channels.3.ctRatedA" is read the same way. Get/Set walk the document; Leaves lists every value.
    /// </summary>
    public sealed class JsonPath
    {
        private readonly object[] _steps;

        private JsonPath(object[] steps, string text)
        {
            _steps = steps;
            Text = text;
        }

        /// <summary>The canonical text: names joined by dots, indexes in brackets.</summary>
        public string Text { get; }

        /// <summary>Each step: a string (object member) or an int (array index).</summary>
        public IReadOnlyList<object> Steps { get { return _steps; } }

        public override string ToString()
        {
            return Text;
        }

        /// <summary>Parses a path; a malformed one is a usage error naming it.</summary>
        public static JsonPath Parse(string text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new UsageException("empty configuration path");
            }

            var steps = new List<object>();
            int i = 0;
            while (i < text.Length)
            {
                if (text[i] == '[')
                {
                    int close = text.IndexOf(']', i);
                    int index;
                    if (close < 0 || !int.TryParse(text.Substring(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out index))
                    {
                        throw new UsageException("bad path \"" + text + "\": [N] needs a whole number N >= 0");
                    }

                    steps.Add(index);
                    i = close + 1;
                    if (i < text.Length && text[i] != '.' && text[i] != '[')
                    {
                        throw new UsageException("bad path \"" + text + "\": a '.' or '[' must follow ']'");
                    }

                    if (i < text.Length && text[i] == '.')
                    {
                        i++;
                        if (i == text.Length)
                        {
                            throw new UsageException("bad path \"" + text + "\": ends with '.'");
                        }
                    }

                    continue;
                }

                int end = i;
                while (end < text.Length && text[end] != '.' && text[end] != '[')
                {
                    end++;
                }

                string name = text.Substring(i, end - i);
                if (name.Length == 0)
                {
                    throw new UsageException("bad path \"" + text + "\": empty name");
                }

                int number;
                if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out number))
                {
                    steps.Add(number);
                }
                else
                {
                    steps.Add(name);
                }

                i = end;
                if (i < text.Length && text[i] == '.')
                {
                    i++;
                    if (i == text.Length)
                    {
                        throw new UsageException("bad path \"" + text + "\": ends with '.'");
                    }
                }
            }

            return FromSteps(steps);
        }

        public static JsonPath FromSteps(IList<object> steps)
        {
            var text = new StringBuilder();
            foreach (object step in steps)
            {
                if (step is int index)
                {
                    text.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
                }
                else
                {
                    if (text.Length > 0)
                    {
                        text.Append('.');
                    }

                    text.Append((string)step);
                }
            }

            return new JsonPath(new List<object>(steps).ToArray(), text.ToString());
        }

        public JsonPath Child(string name)
        {
            var steps = new List<object>(_steps) { name };
            return FromSteps(steps);
        }

        public JsonPath Child(int index)
        {
            var steps = new List<object>(_steps) { index };
            return FromSteps(steps);
        }

        /// <summary>True when this path is the other one or lies under it ("snmp.sysName" under "snmp").</summary>
        public bool IsUnder(JsonPath other)
        {
            if (other._steps.Length > _steps.Length)
            {
                return false;
            }

            for (int i = 0; i < other._steps.Length; i++)
            {
                if (!Equals(_steps[i], other._steps[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// True when the path leads to a member or element of the document (its value may be null). When it
        /// does not, why says which step is missing.
        /// </summary>
        public bool TryGet(JsonNode root, out JsonNode value, out string why)
        {
            JsonNode node = root;
            value = null;
            why = null;
            for (int i = 0; i < _steps.Length; i++)
            {
                string here = FromSteps(new ArraySegment<object>(_steps, 0, i + 1)).Text;
                if (_steps[i] is int index)
                {
                    var array = node as JsonArray;
                    if (array == null)
                    {
                        why = here + ": " + Describe(node, i) + " is not a list";
                        return false;
                    }

                    if (index >= array.Count)
                    {
                        why = here + ": the list has " + array.Count + " element" + (array.Count == 1 ? "" : "s") + " (0.." + (array.Count - 1) + ")";
                        return false;
                    }

                    node = array[index];
                }
                else
                {
                    var obj = node as JsonObject;
                    string name = (string)_steps[i];
                    if (obj == null)
                    {
                        why = here + ": " + Describe(node, i) + " has no fields";
                        return false;
                    }

                    if (!obj.ContainsKey(name))
                    {
                        why = here + ": no such field" + Suggest(obj, name);
                        return false;
                    }

                    node = obj[name];
                }

                if (node == null && i < _steps.Length - 1)
                {
                    why = here + " is null";
                    return false;
                }
            }

            value = node;
            return true;
        }

        /// <summary>The value at the path; throws KeyNotFoundException naming the missing step.</summary>
        public JsonNode Get(JsonNode root)
        {
            JsonNode value;
            string why;
            if (!TryGet(root, out value, out why))
            {
                throw new KeyNotFoundException(why);
            }

            return value;
        }

        /// <summary>Replaces the value at an existing path (the member or element must exist).</summary>
        public void Set(JsonNode root, JsonNode value)
        {
            if (_steps.Length == 0)
            {
                throw new ArgumentException("cannot replace the whole document");
            }

            JsonNode parent = FromSteps(new ArraySegment<object>(_steps, 0, _steps.Length - 1)).Get(root);
            object last = _steps[_steps.Length - 1];
            Get(root);
            if (last is int index)
            {
                ((JsonArray)parent)[index] = value;
            }
            else
            {
                ((JsonObject)parent)[(string)last] = value;
            }
        }

        /// <summary>
        /// Every value of the document with its path, in document order. Lists of plain values (numbers,
        /// strings: "voltageGain", "snmp.trapTargets") and empty lists or objects count as one value; lists of
        /// objects and objects are walked into.
        /// </summary>
        public static List<KeyValuePair<JsonPath, JsonNode>> Leaves(JsonNode root)
        {
            var result = new List<KeyValuePair<JsonPath, JsonNode>>();
            Walk(root, new List<object>(), result);
            return result;
        }

        /// <summary>True for a value shown and compared as a whole (see Leaves).</summary>
        public static bool IsLeaf(JsonNode node)
        {
            if (node is JsonObject obj)
            {
                return obj.Count == 0;
            }

            if (node is JsonArray array)
            {
                foreach (JsonNode element in array)
                {
                    if (element is JsonObject || element is JsonArray)
                    {
                        return false;
                    }
                }

                return true;
            }

            return true;
        }

        /// <summary>A value as one line of JSON ("null" for null, strings quoted).</summary>
        public static string Show(JsonNode node)
        {
            return node == null ? "null" : node.ToJsonString(Compact);
        }

        /// <summary>JSON as people read it: no \u escapes for ', +, &lt; and the like (output is never HTML).</summary>
        public static readonly System.Text.Json.JsonSerializerOptions Compact = new System.Text.Json.JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        /// <summary>As Compact, indented (files, --json).</summary>
        public static readonly System.Text.Json.JsonSerializerOptions Indented = new System.Text.Json.JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        private static void Walk(JsonNode node, List<object> steps, List<KeyValuePair<JsonPath, JsonNode>> result)
        {
            if (steps.Count > 0 && IsLeaf(node))
            {
                result.Add(new KeyValuePair<JsonPath, JsonNode>(FromSteps(steps), node));
                return;
            }

            if (node is JsonObject obj)
            {
                foreach (KeyValuePair<string, JsonNode> member in obj)
                {
                    steps.Add(member.Key);
                    Walk(member.Value, steps, result);
                    steps.RemoveAt(steps.Count - 1);
                }
            }
            else if (node is JsonArray array)
            {
                for (int i = 0; i < array.Count; i++)
                {
                    steps.Add(i);
                    Walk(array[i], steps, result);
                    steps.RemoveAt(steps.Count - 1);
                }
            }
        }

        private static string Describe(JsonNode node, int depth)
        {
            return depth == 0 ? "the document" : (node == null ? "null" : "the value " + Show(node));
        }

        private static string Suggest(JsonObject obj, string name)
        {
            var names = new List<string>();
            foreach (KeyValuePair<string, JsonNode> member in obj)
            {
                names.Add(member.Key);
            }

            foreach (string candidate in names)
            {
                if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
                {
                    return " (did you mean " + candidate + "?)";
                }
            }

            return names.Count == 0 ? "" : " (fields: " + string.Join(", ", names) + ")";
        }
    }
}
