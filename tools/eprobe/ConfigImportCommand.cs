using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;

namespace Ipenergy.Probe.Cli
{
    /// <summary>eprobe config import FILE|DIR: put saved configurations back onto the probes.</summary>
    public sealed class ConfigImportCommand : ICommand
    {
        public string Name { get { return "config import"; } }

        public string Summary { get { return "put saved configurations (config export) back onto the probes"; } }

        public string Help
        {
            get
            {
                return
@"usage: eprobe config import FILE|DIR [--dry-run] [--include-identity] [--exclude PATH]... (--probe HOST[:PORT]... | --probes-file FILE | --discover) --user NAME --password PW

Puts configurations saved by eprobe config export back onto the probes, with the same diff, dry run,
apply and read-back check as eprobe push. What each probe takes:
  FILE with one configuration (a JSON object)      every probe, exactly as eprobe push FILE
  FILE with an array from config export            each probe the entry of its own serial
  DIR of <serial>.json files (config export DIR)   each probe its own <serial>.json
Restoring a probe's own saved configuration (array or DIR, matched by serial) includes its per-device
fields (network, snmp.sysName, snmp.sysLocation, bus.role, bus.address); a probe whose serial has no entry
fails (""no saved configuration for serial ..."") and the others are done. Users, passwords and the panel PIN
are never imported.

" + PushCommand.MergeRulesHelp + @"

Options:
  --dry-run             show the differences, change nothing
  --include-identity    with one configuration for all: push the per-device fields too
  --exclude PATH        keep this field or group as each probe has it, repeatable
" + FleetOptions.HelpText + @"

Examples:
  eprobe config export --probes-file probes.txt --output backup/
  eprobe config import backup/ --probes-file probes.txt --user admin --password ... --dry-run";
            }
        }

        public int Run(CommandContext context)
        {
            FleetOptions options = FleetOptions.Read(context.Args);
            bool dryRun = context.Args.Flag("dry-run");
            bool includeIdentity = context.Args.Flag("include-identity");
            var excluded = new List<JsonPath>();
            foreach (string text in context.Args.Options("exclude"))
            {
                excluded.Add(JsonPath.Parse(text));
            }

            string[] files = context.Args.Positionals();
            if (files.Length != 1)
            {
                throw new UsageException(files.Length == 0 ? "what to import? give FILE or DIR" : "one FILE or DIR only, got " + files.Length);
            }

            IConfigPlanner planner;
            if (Directory.Exists(files[0]))
            {
                planner = new BySerialPlanner(ReadDirectory(files[0], context.Input), excluded, files[0]);
            }
            else
            {
                JsonNode node = ConfigProbe.ReadFile(files[0], context.Input);
                if (node is JsonArray array)
                {
                    planner = new BySerialPlanner(ReadArray(array, files[0]), excluded, files[0]);
                }
                else if (node is JsonObject)
                {
                    planner = new PushCommand.MergePlanner(node, includeIdentity, excluded);
                }
                else
                {
                    throw new UsageException(files[0] + " must hold a configuration (JSON object) or an array from eprobe config export");
                }
            }

            List<ProbeTarget> targets;
            List<ProbeOutcome> outcomes = context.RunOnFleet(options, new ConfigChangeWork(planner, dryRun), out targets);
            return ConfigProbe.Report(context, outcomes, options.Json, dryRun, Name);
        }

        private static Dictionary<string, JsonNode> ReadDirectory(string dir, TextReader stdin)
        {
            var bySerial = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
            foreach (string file in Directory.GetFiles(dir, "*.json"))
            {
                JsonNode node = ConfigProbe.ReadFile(file, stdin);
                if (!(node is JsonObject))
                {
                    throw new UsageException(file + " must hold one configuration (a JSON object)");
                }

                bySerial[Path.GetFileNameWithoutExtension(file)] = node;
            }

            if (bySerial.Count == 0)
            {
                throw new UsageException(dir + " holds no <serial>.json file");
            }

            return bySerial;
        }

        private static Dictionary<string, JsonNode> ReadArray(JsonArray array, string file)
        {
            var bySerial = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
            for (int i = 0; i < array.Count; i++)
            {
                var entry = array[i] as JsonObject;
                if (entry == null)
                {
                    throw new UsageException(file + "[" + i + "] is not an object with \"serial\" and \"config\"");
                }

                if (entry.ContainsKey("ok") && entry["ok"] != null && entry["ok"].GetValueKind() == System.Text.Json.JsonValueKind.False)
                {
                    continue; // a probe that failed during the export
                }

                JsonNode serial = entry["serial"];
                JsonNode config = entry["config"];
                if (serial == null || serial.GetValueKind() != System.Text.Json.JsonValueKind.String || !(config is JsonObject))
                {
                    throw new UsageException(file + "[" + i + "] is not an object with \"serial\" and \"config\"");
                }

                bySerial[serial.GetValue<string>()] = config;
            }

            return bySerial;
        }

        /// <summary>Each probe takes the saved configuration of its own serial, identity fields included.</summary>
        private sealed class BySerialPlanner : IConfigPlanner
        {
            private readonly Dictionary<string, JsonNode> _bySerial;
            private readonly IList<JsonPath> _excluded;
            private readonly string _source;

            public BySerialPlanner(Dictionary<string, JsonNode> bySerial, IList<JsonPath> excluded, string source)
            {
                _bySerial = bySerial;
                _excluded = excluded;
                _source = source;
            }

            public JsonNode Plan(JsonNode current, string serial, List<string> kept, List<string> notes)
            {
                JsonNode saved;
                if (!_bySerial.TryGetValue(serial, out saved) && !_bySerial.TryGetValue(ConfigExportCommand.SafeName(serial), out saved))
                {
                    throw new ProbeException("no saved configuration for serial " + serial + " in " + _source);
                }

                return ConfigMerge.Apply(current, saved, true, _excluded, kept, notes);
            }
        }
    }
}
