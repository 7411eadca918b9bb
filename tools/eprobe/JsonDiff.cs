using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace Ipenergy.Probe.Cli
{
    /// <summary>One changed value: its path, the value before and after (Absent when the field is not there).</summary>
    public sealed class JsonChange
    {
        public JsonChange(JsonPath path, JsonNode oldValue, bool oldAbsent, JsonNode newValue, bool newAbsent)
        {
            Path = path;
            Old = oldValue;
            OldAbsent = oldAbsent;
            New = newValue;
            NewAbsent = newAbsent;
        }

        public JsonPath Path { get; }

        public JsonNode Old { get; }

        public bool OldAbsent { get; }

        public JsonNode New { get; }

        public bool NewAbsent { get; }

        /// <summary>"snmp.sysContact: "" -> "noc@example.com"" (secrets masked by the caller's choice of values).</summary>
        public override string ToString()
        {
            return Path.Text + ": " + (OldAbsent ? "(absent)" : JsonPath.Show(Old)) + " -> " + (NewAbsent ? "(absent)" : JsonPath.Show(New));
        }
    }

    /// <summary>
    /// The differences between two JSON documents, value by value (JsonPath.Leaves: lists of plain values compare
    /// whole), in the order of the new document then whatever only the old one had. Numbers compare by value
    /// (1 equals 1.0).
    /// </summary>
    public static class JsonDiff
    {
        public static List<JsonChange> Compare(JsonNode oldDoc, JsonNode newDoc)
        {
            var changes = new List<JsonChange>();
            Compare(oldDoc, newDoc, JsonPath.FromSteps(new object[0]), changes);
            return changes;
        }

        /// <summary>True when two values are the same JSON (numbers by value, objects by members in any order).</summary>
        public static bool Same(JsonNode a, JsonNode b)
        {
            if (a == null || b == null)
            {
                return a == null && b == null;
            }

            if (a is JsonValue && b is JsonValue)
            {
                double x;
                double y;
                if (a.GetValueKind() == System.Text.Json.JsonValueKind.Number && b.GetValueKind() == System.Text.Json.JsonValueKind.Number
                    && double.TryParse(a.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out x)
                    && double.TryParse(b.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out y))
                {
                    return x == y;
                }

                return a.ToJsonString() == b.ToJsonString();
            }

            if (a is JsonArray aa && b is JsonArray ba)
            {
                if (aa.Count != ba.Count)
                {
                    return false;
                }

                for (int i = 0; i < aa.Count; i++)
                {
                    if (!Same(aa[i], ba[i]))
                    {
                        return false;
                    }
                }

                return true;
            }

            if (a is JsonObject ao && b is JsonObject bo)
            {
                if (ao.Count != bo.Count)
                {
                    return false;
                }

                foreach (KeyValuePair<string, JsonNode> member in ao)
                {
                    if (!bo.ContainsKey(member.Key) || !Same(member.Value, bo[member.Key]))
                    {
                        return false;
                    }
                }

                return true;
            }

            return false;
        }

        private static void Compare(JsonNode oldNode, JsonNode newNode, JsonPath path, List<JsonChange> changes)
        {
            bool walkable = path.Steps.Count == 0
                || (!JsonPath.IsLeaf(oldNode) && !JsonPath.IsLeaf(newNode)
                    && ((oldNode is JsonObject && newNode is JsonObject) || (oldNode is JsonArray && newNode is JsonArray)));
            if (!walkable)
            {
                if (!Same(oldNode, newNode))
                {
                    changes.Add(new JsonChange(path, oldNode, false, newNode, false));
                }

                return;
            }

            if (oldNode is JsonObject oldObj && newNode is JsonObject newObj)
            {
                foreach (KeyValuePair<string, JsonNode> member in newObj)
                {
                    JsonPath child = path.Child(member.Key);
                    if (oldObj.ContainsKey(member.Key))
                    {
                        Compare(oldObj[member.Key], member.Value, child, changes);
                    }
                    else
                    {
                        AddAll(child, member.Value, false, changes);
                    }
                }

                foreach (KeyValuePair<string, JsonNode> member in oldObj)
                {
                    if (!newObj.ContainsKey(member.Key))
                    {
                        AddAll(path.Child(member.Key), member.Value, true, changes);
                    }
                }

                return;
            }

            if (oldNode is JsonArray oldArray && newNode is JsonArray newArray)
            {
                for (int i = 0; i < newArray.Count; i++)
                {
                    if (i < oldArray.Count)
                    {
                        Compare(oldArray[i], newArray[i], path.Child(i), changes);
                    }
                    else
                    {
                        AddAll(path.Child(i), newArray[i], false, changes);
                    }
                }

                for (int i = newArray.Count; i < oldArray.Count; i++)
                {
                    AddAll(path.Child(i), oldArray[i], true, changes);
                }

                return;
            }

            if (!Same(oldNode, newNode))
            {
                changes.Add(new JsonChange(path, oldNode, false, newNode, false));
            }
        }

        // A whole subtree only on one side: one change per value in it.
        private static void AddAll(JsonPath path, JsonNode node, bool removed, List<JsonChange> changes)
        {
            if (JsonPath.IsLeaf(node))
            {
                changes.Add(removed ? new JsonChange(path, node, false, null, true) : new JsonChange(path, null, true, node, false));
                return;
            }

            foreach (KeyValuePair<JsonPath, JsonNode> leaf in JsonPath.Leaves(node))
            {
                var steps = new List<object>(path.Steps);
                steps.AddRange(leaf.Key.Steps);
                JsonPath full = JsonPath.FromSteps(steps);
                changes.Add(removed ? new JsonChange(full, leaf.Value, false, null, true) : new JsonChange(full, null, true, leaf.Value, false));
            }
        }
    }
}
