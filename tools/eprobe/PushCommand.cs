using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace Ipenergy.Probe.Cli
{
    /// <summary>eprobe push FILE: one configuration onto many probes, each keeping its own identity.</summary>
    public sealed class PushCommand : ICommand
    {
        public const string MergeRulesHelp =
@"How FILE is laid over each probe's own configuration (the probe's PUT rules):
  - a field in FILE replaces the probe's; a field FILE lacks keeps the probe's value, so a small file
    ({""snmp"":{""sysContact"":""noc@example.com""},""history"":{""billingDay"":15}}) changes just that;
  - channels[i] is laid over channel i+1 field by field (an MPP18 file on an MPP3: channels 4-18 ignored,
    said in a note); circuits, voltageGain, snmp.trapTargets and history.ntpServers replace the whole list;
  - a secret given as ""***"" (as exported) keeps the probe's; another value replaces it;
  - per-device fields stay each probe's own unless --include-identity: network (dhcp, address, mask,
    gateway, dns, hostname), snmp.sysName, snmp.sysLocation, bus.role, bus.address;
  - never pushed, even with --include-identity, so a push never locks anyone out: users (names, roles;
    passwords never leave a probe), adminPasswordHash, panel.pin and panel.pinHash;
  - --exclude PATH (repeatable) keeps more fields as each probe has them, e.g. --exclude circuits
    --exclude channels[0].label. Channel labels, customers and circuits describe each probe's wiring:
    leave them out of FILE (or --exclude them) unless every probe is wired the same.";

        public string Name { get { return "push"; } }

        public string Summary { get { return "apply one configuration file to many probes: diff, --dry-run, apply, verify"; } }

        public string Help
        {
            get
            {
                return
@"usage: eprobe push FILE [--dry-run] [--include-identity] [--exclude PATH]... (--probe HOST[:PORT]... | --probes-file FILE | --discover) --user NAME --password PW

Copies one configuration to many probes. For each probe: reads its configuration (GET /api/v1/config),
lays FILE over it (rules below), prints the differences (PATH: old -> new, or ""no change""), then, unless
--dry-run, sends the result (PUT /api/v1/config), reads it back and checks every changed field
(""verify failed: PATH"" otherwise). A probe that refuses (""HTTP 400: channels[2].ctRatedA: must be 5..500 A,
got 600"", its own check: nothing changes on it) or cannot be reached is reported and the others are done.
FILE is a JSON object: an eprobe config export of a reference probe, or any part of one; - reads stdin.

" + MergeRulesHelp + @"

Options:
  --dry-run             show each probe's differences and change nothing (exit 0 when every probe answered)
  --include-identity    push the per-device fields too (a restore onto the same probe)
  --exclude PATH        keep this field or group as each probe has it, repeatable
" + FleetOptions.HelpText + @"
  --json                [{""probe"",""serial"",""ok"",""changes"":[{""path"",""old"",""new""}],""applied"",""kept"",""notes"",""error""}]

Exit codes: 0 every probe done (or nothing to change), 1 some probes refused or failed (the others applied),
2 bad command line or FILE (nothing sent), 3 no probe, 4 every probe failed.

Examples:
  eprobe config export -p 10.0.0.5 --output reference.json
  eprobe push reference.json --probes-file room-b.txt --user admin --password ... --dry-run
  eprobe push alarms.json --discover --user admin --password ...";
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
                throw new UsageException(files.Length == 0 ? "which configuration? give FILE" : "one FILE only, got " + files.Length);
            }

            JsonNode file = ConfigProbe.ReadFile(files[0], context.Input);
            if (!(file is JsonObject))
            {
                throw new UsageException(files[0] + " must hold one configuration (a JSON object); an array from config export goes to eprobe config import");
            }

            var planner = new MergePlanner(file, includeIdentity, excluded);
            List<ProbeTarget> targets;
            List<ProbeOutcome> outcomes = context.RunOnFleet(options, new ConfigChangeWork(planner, dryRun), out targets);
            return ConfigProbe.Report(context, outcomes, options.Json, dryRun, Name);
        }

        /// <summary>FILE laid over the probe's configuration (ConfigMerge).</summary>
        public sealed class MergePlanner : IConfigPlanner
        {
            private readonly JsonNode _file;
            private readonly bool _includeIdentity;
            private readonly IList<JsonPath> _excluded;

            public MergePlanner(JsonNode file, bool includeIdentity, IList<JsonPath> excluded)
            {
                _file = file;
                _includeIdentity = includeIdentity;
                _excluded = excluded;
            }

            public JsonNode Plan(JsonNode current, string serial, List<string> kept, List<string> notes)
            {
                return ConfigMerge.Apply(current, _file, _includeIdentity, _excluded, kept, notes);
            }
        }
    }
}
