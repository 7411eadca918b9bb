using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ipenergy.Probe.Cli
{
    /// <summary>eprobe config set PATH=VALUE...: change fields of each probe's configuration.</summary>
    public sealed class ConfigSetCommand : ICommand
    {
        public string Name { get { return "config set"; } }

        public string Summary { get { return "change configuration fields (PATH=VALUE) on every probe, with a diff"; } }

        public string Help
        {
            get
            {
                return
@"usage: eprobe config set PATH=VALUE... [--dry-run] (--probe HOST[:PORT]... | --probes-file FILE | --discover) --user NAME --password PW

For each probe: reads its configuration (GET /api/v1/config), changes the given fields, sends the whole
document back (PUT /api/v1/config), reads it again and checks that every changed field reads back as sent.
Prints per probe the changes (PATH: old -> new), ""no change"", or why the probe refused
(""HTTP 400: channels[2].ctRatedA: must be 5..500 A, got 600"": the probe's own check; nothing changes there).

PATH is a field as the probe names it (eprobe config get lists them): names joined by dots, list elements by
0-based index in brackets, e.g. snmp.sysContact, channels[3].ctRatedA (channel 4), circuits[0].customer,
alarms.rules.loadHigh.warning, history.billingDay (channels.3.ctRatedA works too).
VALUE takes the JSON type the field has on the probe: a number field takes a number (or null where the
probe allows a level to be off), true/false for a switch, any text for a text field (quote it for the shell
only); a list or object field takes JSON (snmp.trapTargets='[""10.0.0.9:162""]'). An unknown PATH or a value
of the wrong type is a usage error (exit 2) when every probe refuses it, else a failure of those probes.
Users, passwords and the panel PIN are not set here (PUT /api/v1/users/NAME, {""panel"":{""pin"":...}}).

Options:
  --dry-run             show the changes, send nothing
" + FleetOptions.HelpText + @"

Examples:
  eprobe config set snmp.sysContact=noc@example.com --probes-file probes.txt --user admin --password ...
  eprobe config set channels[0].ctRatedA=50 channels[0].label=""PDU A1"" -p 10.0.0.5 --user admin --dry-run
  eprobe config set alarms.rules.loadHigh.warning=75 --discover --json";
            }
        }

        public int Run(CommandContext context)
        {
            FleetOptions options = FleetOptions.Read(context.Args);
            bool dryRun = context.Args.Flag("dry-run");
            string[] assignments = context.Args.Positionals();
            if (assignments.Length == 0)
            {
                throw new UsageException("nothing to set: give PATH=VALUE");
            }

            var planner = new SetPlanner();
            foreach (string a in assignments)
            {
                int eq = a.IndexOf('=');
                if (eq <= 0)
                {
                    throw new UsageException("\"" + a + "\" is not PATH=VALUE");
                }

                JsonPath path = JsonPath.Parse(a.Substring(0, eq));
                if (ConfigMerge.IsNever(path))
                {
                    throw new UsageException(path.Text + " is a credential: users and passwords are set with PUT /api/v1/users/NAME on each probe, the panel PIN with {\"panel\":{\"pin\":\"NNNN\"}}");
                }

                planner.Add(path, a.Substring(eq + 1));
            }

            List<ProbeTarget> targets;
            List<ProbeOutcome> outcomes = context.RunOnFleet(options, new ConfigChangeWork(planner, dryRun), out targets);
            return ConfigProbe.Report(context, outcomes, options.Json, dryRun, Name);
        }

        /// <summary>Sets each PATH to VALUE, typed by the field's current JSON type on that probe.</summary>
        public sealed class SetPlanner : IConfigPlanner
        {
            private readonly List<KeyValuePair<JsonPath, string>> _sets = new List<KeyValuePair<JsonPath, string>>();

            public void Add(JsonPath path, string value)
            {
                _sets.Add(new KeyValuePair<JsonPath, string>(path, value));
            }

            public JsonNode Plan(JsonNode current, string serial, List<string> kept, List<string> notes)
            {
                JsonNode next = current.DeepClone();
                foreach (KeyValuePair<JsonPath, string> set in _sets)
                {
                    JsonNode old;
                    string why;
                    if (!set.Key.TryGet(next, out old, out why))
                    {
                        throw new ConfigPlanException("unknown configuration path " + set.Key.Text + " (" + why + ")");
                    }

                    set.Key.Set(next, Typed(set.Key, old, set.Value));
                }

                return next;
            }

            /// <summary>VALUE as the JSON type of the field's current value.</summary>
            public static JsonNode Typed(JsonPath path, JsonNode old, string text)
            {
                JsonValueKind kind = old == null ? JsonValueKind.Null : old.GetValueKind();
                switch (kind)
                {
                    case JsonValueKind.Number:
                    case JsonValueKind.Null:
                        if (text == "null")
                        {
                            return null;
                        }

                        double number;
                        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number) || double.IsNaN(number) || double.IsInfinity(number))
                        {
                            throw new ConfigPlanException(path.Text + " is a number" + (kind == JsonValueKind.Null ? " (or null)" : "") + ", got \"" + text + "\"");
                        }

                        long whole;
                        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out whole))
                        {
                            return JsonValue.Create(whole);
                        }

                        return JsonNode.Parse(number.ToString("R", CultureInfo.InvariantCulture));
                    case JsonValueKind.True:
                    case JsonValueKind.False:
                        if (text == "true" || text == "false")
                        {
                            return JsonValue.Create(text == "true");
                        }

                        throw new ConfigPlanException(path.Text + " is true or false, got \"" + text + "\"");
                    case JsonValueKind.String:
                        return JsonValue.Create(text);
                    default:
                        JsonNode parsed;
                        try
                        {
                            parsed = JsonNode.Parse(text);
                        }
                        catch (JsonException)
                        {
                            parsed = null;
                        }

                        bool sameKind = parsed != null && parsed.GetValueKind() == kind;
                        if (!sameKind)
                        {
                            throw new ConfigPlanException(path.Text + " is a " + (kind == JsonValueKind.Array ? "list: give it as JSON, e.g. [\"a\",\"b\"]" : "group of fields: give it as a JSON object, or set its fields one by one")
                                + ", got \"" + text + "\"");
                        }

                        return parsed;
                }
            }
        }
    }
}
