using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;

namespace Ipenergy.Probe.Cli
{
    /// <summary>eprobe config get [PATH]...: configuration fields of each probe.</summary>
    public sealed class ConfigGetCommand : ICommand
    {
        public string Name { get { return "config get"; } }

        public string Summary { get { return "show configuration fields (or the whole configuration) of every probe"; } }

        public string Help
        {
            get
            {
                return
@"usage: eprobe config get [PATH]... (--probe HOST[:PORT]... | --probes-file FILE | --discover) [--format table|json|csv]

Reads each probe's configuration (GET /api/v1/config) and prints the fields asked for, or every field
without PATH: one row per probe and field (PROBE, SERIAL, PATH, VALUE; values as JSON: text in quotes).
Secrets show as ""***"" (set) or """" (unset), as the probe gives them; password hashes never leave a probe.

PATH is a field as the probe names it: names joined by dots, list elements by 0-based index in brackets:
snmp.sysLocation, channels[3].ctRatedA (channel 4), circuits[0], alarms.rules.loadHigh, history
(channels.3.ctRatedA works too). A group (history, channels[3]) prints every field in it. An unknown PATH is
a usage error (exit 2) when no probe has it, else a failure of the probes that lack it (an MPP3 has no
channels[3]).

Options:
  --format table|json|csv   table (default); json: [{""probe"",""ok"",""serial"",""config""}] with the whole
                            configuration, or ""values"": {PATH: value} when paths are given; csv: the rows
" + FleetOptions.HelpText + @"

Examples:
  eprobe config get snmp.sysLocation history.billingDay --probes-file probes.txt
  eprobe config get channels[0] -p 10.0.0.5
  eprobe config get --discover --json > fleet-config.json";
            }
        }

        public int Run(CommandContext context)
        {
            FleetOptions options = FleetOptions.Read(context.Args);
            OutputFormat format = context.ReadFormat(options.Json, true);
            var paths = new List<JsonPath>();
            foreach (string text in context.Args.Positionals())
            {
                paths.Add(JsonPath.Parse(text));
            }

            List<ProbeTarget> targets;
            List<ProbeOutcome> raw = context.RunOnFleet(options, new GetWork(paths), out targets);

            // Unknown paths: per probe a failure, or a usage error when no probe had them.
            var outcomes = new List<ProbeOutcome>();
            bool anyFound = false;
            string firstMissing = null;
            foreach (ProbeOutcome o in raw)
            {
                var r = o.Result as GetResult;
                if (r != null && r.Missing != null)
                {
                    firstMissing = firstMissing ?? r.Missing;
                    outcomes.Add(new ProbeOutcome(o.Target, r, "unknown configuration path " + r.Missing));
                }
                else
                {
                    anyFound |= o.Ok;
                    outcomes.Add(o);
                }
            }

            if (firstMissing != null && !anyFound)
            {
                bool allAnswered = true;
                foreach (ProbeOutcome o in raw)
                {
                    allAnswered &= o.Result != null;
                }

                if (allAnswered)
                {
                    throw new UsageException("unknown configuration path " + firstMissing);
                }
            }

            switch (format)
            {
                case OutputFormat.Json:
                    WriteJson(context, outcomes, paths.Count > 0);
                    break;
                case OutputFormat.Csv:
                    CsvText.WriteRow(context.Output, "probe", "serial", "path", "value");
                    foreach (ProbeOutcome o in outcomes)
                    {
                        if (o.Ok)
                        {
                            var r = (GetResult)o.Result;
                            foreach (KeyValuePair<JsonPath, JsonNode> v in r.Values)
                            {
                                CsvText.WriteRow(context.Output, o.Target.Name, r.Serial, v.Key.Text, JsonPath.Show(v.Value));
                            }
                        }
                    }

                    break;
                default:
                    var table = new TableWriter("PROBE", "SERIAL", "PATH", "VALUE");
                    foreach (ProbeOutcome o in outcomes)
                    {
                        if (o.Ok)
                        {
                            var r = (GetResult)o.Result;
                            foreach (KeyValuePair<JsonPath, JsonNode> v in r.Values)
                            {
                                table.Add(o.Target.Name, r.Serial, v.Key.Text, JsonPath.Show(v.Value));
                            }
                        }
                    }

                    table.Write(context.Output);
                    break;
            }

            return context.ReportFailures(outcomes);
        }

        private static void WriteJson(CommandContext context, List<ProbeOutcome> outcomes, bool byPath)
        {
            var array = new JsonArray();
            foreach (ProbeOutcome o in outcomes)
            {
                var item = new JsonObject { ["probe"] = o.Target.Name, ["ok"] = o.Ok };
                var r = o.Result as GetResult;
                if (r != null)
                {
                    item["serial"] = r.Serial;
                }

                if (o.Ok && byPath)
                {
                    var values = new JsonObject();
                    foreach (JsonPath p in r.Asked)
                    {
                        values[p.Text] = p.Get(r.Config) == null ? null : p.Get(r.Config).DeepClone();
                    }

                    item["values"] = values;
                }
                else if (o.Ok)
                {
                    item["config"] = r.Config.DeepClone();
                }
                else
                {
                    item["error"] = o.Error;
                }

                array.Add(item);
            }

            context.Output.WriteLine(array.ToJsonString(JsonPath.Indented));
        }

        private sealed class GetResult
        {
            public string Serial;
            public JsonNode Config;
            public List<JsonPath> Asked;
            public string Missing;
            public List<KeyValuePair<JsonPath, JsonNode>> Values = new List<KeyValuePair<JsonPath, JsonNode>>();
        }

        private sealed class GetWork : IProbeWork
        {
            private readonly List<JsonPath> _paths;

            public GetWork(List<JsonPath> paths)
            {
                _paths = paths;
            }

            public object Run(ProbeClient client, CancellationToken cancel)
            {
                var r = new GetResult { Asked = _paths };
                r.Serial = ConfigProbe.Serial(client, cancel);
                r.Config = client.GetJson("/api/v1/config", cancel);
                if (!(r.Config is JsonObject))
                {
                    throw new ProbeException("bad answer to /api/v1/config: not a JSON object");
                }

                if (_paths.Count == 0)
                {
                    r.Values.AddRange(JsonPath.Leaves(r.Config));
                    return r;
                }

                foreach (JsonPath path in _paths)
                {
                    JsonNode value;
                    string why;
                    if (!path.TryGet(r.Config, out value, out why))
                    {
                        r.Missing = path.Text + " (" + why + ")";
                        return r;
                    }

                    if (JsonPath.IsLeaf(value))
                    {
                        r.Values.Add(new KeyValuePair<JsonPath, JsonNode>(path, value));
                    }
                    else
                    {
                        foreach (KeyValuePair<JsonPath, JsonNode> leaf in JsonPath.Leaves(value))
                        {
                            var steps = new List<object>(path.Steps);
                            steps.AddRange(leaf.Key.Steps);
                            r.Values.Add(new KeyValuePair<JsonPath, JsonNode>(JsonPath.FromSteps(steps), leaf.Value));
                        }
                    }
                }

                return r;
            }
        }
    }
}
