using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;

namespace Ipenergy.Probe.Cli
{
    /// <summary>
    /// Works out a probe's new configuration from its current one (config set, config import, push): throws a
    /// ConfigPlanException for a mistake of the command line or file seen on this probe (unknown path, value of
    /// the wrong type), which the command turns into a usage error when every probe says the same.
    /// </summary>
    public interface IConfigPlanner
    {
        JsonNode Plan(JsonNode current, string serial, List<string> kept, List<string> notes);
    }

    /// <summary>A path or value the probe's configuration does not have room for (not a probe failure).</summary>
    public sealed class ConfigPlanException : Exception
    {
        public ConfigPlanException(string message)
            : base(message)
        {
        }
    }

    /// <summary>What a configuration change did on one probe.</summary>
    public sealed class ConfigChangeResult
    {
        public string Serial { get; set; }

        /// <summary>Changes, secrets masked.</summary>
        public List<JsonChange> Changes { get; } = new List<JsonChange>();

        /// <summary>Fields of the file left as the probe has them, with why.</summary>
        public List<string> Kept { get; } = new List<string>();

        public List<string> Notes { get; } = new List<string>();

        /// <summary>True once the probe took the new configuration (PUT answered 200).</summary>
        public bool Applied { get; set; }

        /// <summary>Why this probe failed, or null.</summary>
        public string Error { get; set; }

        /// <summary>A command-line or file mistake seen on this probe (unknown path, wrong type), or null.</summary>
        public string PlanError { get; set; }
    }

    /// <summary>
    /// GET the configuration and identity, plan the new configuration, diff, then (unless a dry run) PUT the whole
    /// new document, GET it again and check that every changed value reads back as sent ("verify failed: PATH").
    /// A refusal after the diff is kept in the result with the diff, so the report shows what was refused.
    /// </summary>
    public sealed class ConfigChangeWork : IProbeWork
    {
        private readonly IConfigPlanner _planner;
        private readonly bool _dryRun;

        public ConfigChangeWork(IConfigPlanner planner, bool dryRun)
        {
            _planner = planner;
            _dryRun = dryRun;
        }

        public object Run(ProbeClient client, CancellationToken cancel)
        {
            var result = new ConfigChangeResult();
            result.Serial = ConfigProbe.Serial(client, cancel);
            JsonNode current = client.GetJson("/api/v1/config", cancel);
            if (!(current is JsonObject))
            {
                throw new ProbeException("bad answer to /api/v1/config: not a JSON object");
            }

            JsonNode next;
            try
            {
                next = _planner.Plan(current, result.Serial, result.Kept, result.Notes);
            }
            catch (ConfigPlanException e)
            {
                result.PlanError = e.Message;
                result.Error = e.Message;
                return result;
            }

            List<JsonChange> changes = JsonDiff.Compare(current, next);
            foreach (JsonChange change in changes)
            {
                result.Changes.Add(Mask(change));
            }

            if (_dryRun || changes.Count == 0)
            {
                return result;
            }

            try
            {
                client.PutJson("/api/v1/config", next.ToJsonString(JsonPath.Compact), cancel);
                result.Applied = true;
                JsonNode readBack = client.GetJson("/api/v1/config", cancel);
                var failed = new List<string>();
                foreach (JsonChange change in changes)
                {
                    if (change.NewAbsent)
                    {
                        continue;
                    }

                    JsonNode value;
                    string why;
                    JsonNode expected = ConfigMerge.IsSecret(change.Path) ? MaskValue(change.New) : change.New;
                    if (!change.Path.TryGet(readBack, out value, out why) || !JsonDiff.Same(value, expected))
                    {
                        failed.Add(change.Path.Text);
                    }
                }

                if (failed.Count > 0)
                {
                    result.Error = "verify failed: " + string.Join(", ", failed);
                }
            }
            catch (ProbeException e)
            {
                result.Error = e.Message;
            }

            return result;
        }

        private static JsonChange Mask(JsonChange change)
        {
            if (!ConfigMerge.IsSecret(change.Path))
            {
                return change;
            }

            return new JsonChange(change.Path, MaskValue(change.Old), change.OldAbsent, change.NewAbsent ? null : JsonValue.Create(
                IsEmptyString(change.New) ? "" : "(new secret)"), change.NewAbsent);
        }

        private static JsonNode MaskValue(JsonNode node)
        {
            return JsonValue.Create(IsEmptyString(node) ? "" : ConfigMerge.SecretMask);
        }

        private static bool IsEmptyString(JsonNode node)
        {
            return node != null && node.GetValueKind() == JsonValueKind.String && node.GetValue<string>().Length == 0;
        }
    }

    /// <summary>Small helpers the configuration commands share.</summary>
    public static class ConfigProbe
    {
        /// <summary>The probe's serial from /api/v1/info.</summary>
        public static string Serial(ProbeClient client, CancellationToken cancel)
        {
            JsonNode info = client.GetJson("/api/v1/info", cancel);
            JsonNode serial = info is JsonObject obj && obj.ContainsKey("serial") ? obj["serial"] : null;
            if (serial == null || serial.GetValueKind() != JsonValueKind.String)
            {
                throw new ProbeException("bad answer to /api/v1/info: no serial (not an e-Probe?)");
            }

            return serial.GetValue<string>();
        }

        /// <summary>Reads a JSON file (usage error when missing or not JSON).</summary>
        public static JsonNode ReadFile(string file, TextReader stdin)
        {
            string text;
            try
            {
                text = file == "-" ? stdin.ReadToEnd() : File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new UsageException("cannot read " + file + ": " + e.Message);
            }

            try
            {
                JsonNode node = JsonNode.Parse(text, null, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                if (node == null)
                {
                    throw new UsageException(file + " holds no JSON");
                }

                return node;
            }
            catch (JsonException e)
            {
                throw new UsageException(file + " is not valid JSON: " + e.Message);
            }
        }

        /// <summary>
        /// Prints the results of a change command (table: per probe a line, then its changes; json: one object per
        /// probe) and returns the exit code. Every probe refusing the same path or value is a usage error (exit 2).
        /// </summary>
        public static int Report(CommandContext context, List<ProbeOutcome> raw, bool json, bool dryRun, string commandName)
        {
            var outcomes = new List<ProbeOutcome>();
            string planError = null;
            bool everyPlanFailed = raw.Count > 0;
            foreach (ProbeOutcome o in raw)
            {
                var r = o.Result as ConfigChangeResult;
                if (r != null && r.Error != null)
                {
                    outcomes.Add(new ProbeOutcome(o.Target, r, r.Error));
                }
                else
                {
                    outcomes.Add(o);
                }

                if (r != null && r.PlanError != null)
                {
                    planError = planError ?? r.PlanError;
                }
                else
                {
                    everyPlanFailed = false;
                }
            }

            if (everyPlanFailed && planError != null)
            {
                throw new UsageException(planError);
            }

            if (json)
            {
                WriteJson(context.Output, outcomes, dryRun);
            }
            else
            {
                WriteText(context.Output, outcomes, dryRun);
            }

            return context.ReportFailures(outcomes);
        }

        private static void WriteText(TextWriter output, List<ProbeOutcome> outcomes, bool dryRun)
        {
            foreach (ProbeOutcome o in outcomes)
            {
                var r = o.Result as ConfigChangeResult;
                var line = new StringBuilder(o.Target.Name);
                if (r != null && r.Serial != null)
                {
                    line.Append(" (").Append(r.Serial).Append(')');
                }

                line.Append(": ");
                int n = r == null ? 0 : r.Changes.Count;
                string count = n + " change" + (n == 1 ? "" : "s");
                if (r == null)
                {
                    line.Append("FAILED: ").Append(o.Error);
                }
                else if (r.PlanError != null)
                {
                    line.Append("FAILED: ").Append(r.PlanError);
                }
                else if (n == 0)
                {
                    line.Append("no change");
                }
                else if (dryRun)
                {
                    line.Append(count).Append(" (dry run, nothing sent)");
                }
                else if (!r.Applied)
                {
                    line.Append(count).Append(", NOT applied: ").Append(r.Error);
                }
                else if (r.Error != null)
                {
                    line.Append(count).Append(", applied, ").Append(r.Error);
                }
                else
                {
                    line.Append(count).Append(", applied and verified");
                }

                output.WriteLine(line.ToString());
                if (r == null)
                {
                    continue;
                }

                foreach (JsonChange change in r.Changes)
                {
                    output.WriteLine("  " + change);
                }

                foreach (string kept in r.Kept)
                {
                    output.WriteLine("  kept: " + kept);
                }

                foreach (string note in r.Notes)
                {
                    output.WriteLine("  note: " + note);
                }
            }
        }

        private static void WriteJson(TextWriter output, List<ProbeOutcome> outcomes, bool dryRun)
        {
            var array = new JsonArray();
            foreach (ProbeOutcome o in outcomes)
            {
                var r = o.Result as ConfigChangeResult;
                var item = new JsonObject
                {
                    ["probe"] = o.Target.Name,
                    ["ok"] = o.Ok,
                };
                if (r != null)
                {
                    item["serial"] = r.Serial;
                    var changes = new JsonArray();
                    foreach (JsonChange c in r.Changes)
                    {
                        var change = new JsonObject { ["path"] = c.Path.Text };
                        change["old"] = c.OldAbsent ? null : (c.Old == null ? null : c.Old.DeepClone());
                        change["new"] = c.NewAbsent ? null : (c.New == null ? null : c.New.DeepClone());
                        changes.Add(change);
                    }

                    item["changes"] = changes;
                    item["applied"] = r.Applied;
                    item["dryRun"] = dryRun;
                    var kept = new JsonArray();
                    foreach (string k in r.Kept)
                    {
                        kept.Add(k);
                    }

                    item["kept"] = kept;
                    var notes = new JsonArray();
                    foreach (string n in r.Notes)
                    {
                        notes.Add(n);
                    }

                    item["notes"] = notes;
                }
                else
                {
                    item["applied"] = false;
                }

                if (!o.Ok)
                {
                    item["error"] = o.Error;
                }

                array.Add(item);
            }

            output.WriteLine(array.ToJsonString(JsonPath.Indented));
        }
    }
}
