using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ipenergy.Probe.Cli
{
    /// <summary>eprobe alarms: the active alarms of every probe (and its journal), or acknowledge one.</summary>
    public sealed class AlarmsCommand : ICommand
    {
        public string Name { get { return "alarms"; } }

        public string Summary { get { return "list the active alarms of every probe (--journal: recent events; --ack ID)"; } }

        public string Help
        {
            get
            {
                return
@"usage: eprobe alarms PROBES [--journal] [--fail-on warning|critical] [--format table|json|csv] [options]
       eprobe alarms --probe HOST[:PORT] --ack ID --user NAME --password PW

Lists the active alarms of every probe (GET /api/v1/alarms), one row each: probe, alarm id, level
(warning/critical), source (device, phase, channel, circuit or bus module, with its index), its name on the
probe, the condition (loadHigh, overCurrent, lowLoad, underVoltage, overVoltage, phaseLost, frequencyLow,
frequencyHigh, voltageUnbalance, currentUnbalance, neutralCurrent, moduleOffline), the measured value and
the threshold crossed (with the unit), when it was raised, and who acknowledged it. A summary line
(""N active alarms ... on M probes"") goes to stderr.

  --journal             also the probe's recent alarm journal (raised, changed, cleared, acknowledged
                        events, newest first): a second table, or ""log"" in JSON (no CSV form)
  --journal-records N   how many journal records per probe (default 20, at most 200)
  --ack ID              acknowledge alarm ID (POST /api/v1/alarms/ID/ack): ids are per probe, so exactly one
                        --probe; needs an operator or admin login (--user/--password or $EPROBE_USER/
                        $EPROBE_PASSWORD). A latching alarm clears once acknowledged and back to normal.
  --fail-on warning|critical  exit 5 when every probe answered and at least one alarm at that level or
                        above is active (for cron or a Nagios-style check); without it, active alarms are
                        a result, not an error: exit 0
  --format table|json|csv, --json
                        json: one object per probe, the probe's own {""active"":[...],""warning"",""critical"",
                        ""unacknowledged""} (+ ""log"" with --journal); csv: one row per active alarm

" + FleetOptions.HelpText + @"

Examples:
  eprobe alarms --discover
  eprobe alarms --probes-file probes.txt --fail-on critical --no-progress > /dev/null || echo ALARM
  eprobe alarms -p 10.0.0.5 --journal --journal-records 50
  eprobe alarms -p 10.0.0.5 --ack 12 --user operator --password ...

Exit codes: 0 every probe read (alarms or not), 1 some probes failed, 2 bad command line, 3 no probe,
4 every probe failed, 5 --fail-on: such an alarm is active (probe failures 1/4 take precedence: a probe
that did not answer has an unknown alarm state).";
            }
        }

        public int Run(CommandContext context)
        {
            FleetOptions options = FleetOptions.Read(context.Args);
            bool journal = context.Args.Flag("journal");
            int records = context.Args.IntOption("journal-records", 20, 1, 200);
            string ackText = context.Args.Option("ack");
            string failOn = context.Args.Option("fail-on");
            OutputFormat format = context.ReadFormat(options.Json, true);
            context.Args.Finish();

            int failLevel = 0;
            if (failOn != null)
            {
                failLevel = LevelRank(failOn);
                if (failLevel == 0)
                {
                    throw new UsageException("--fail-on must be warning or critical, got \"" + failOn + "\"");
                }
            }

            if (journal && format == OutputFormat.Csv)
            {
                throw new UsageException("--journal has no CSV form (use the table or --json)");
            }

            long ackId = 0;
            if (ackText != null)
            {
                if (!long.TryParse(ackText, NumberStyles.None, CultureInfo.InvariantCulture, out ackId) || ackId < 1 || ackId > 999999999)
                {
                    throw new UsageException("--ack needs an alarm id (a positive integer, as listed), got \"" + ackText + "\"");
                }

                if (options.ProbeTexts.Count != 1 || options.ProbesFile != null || options.Discover)
                {
                    throw new UsageException("--ack needs exactly one --probe (alarm ids are per probe)");
                }

                if (journal || failOn != null)
                {
                    throw new UsageException("--ack acknowledges only: --journal and --fail-on do not apply");
                }
            }

            List<ProbeTarget> targets;
            List<ProbeOutcome> outcomes = context.RunOnFleet(options, new AlarmsWork(journal ? records : 0, ackId), out targets);
            if (outcomes.Count > 0 || format == OutputFormat.Json)
            {
                switch (format)
                {
                    case OutputFormat.Json:
                        WriteJson(context, outcomes);
                        break;
                    case OutputFormat.Csv:
                        WriteCsv(context, outcomes);
                        break;
                    default:
                        WriteTables(context, outcomes, journal, ackId > 0);
                        break;
                }
            }

            if (ackId > 0 && outcomes.Count == 1 && outcomes[0].Ok && format == OutputFormat.Table)
            {
                context.Error.WriteLine("alarm " + ackId.ToString(CultureInfo.InvariantCulture) + " acknowledged on " + outcomes[0].Target.Name);
            }

            int code = context.ReportFailures(outcomes);
            if (code == ExitCodes.Ok && failLevel > 0 && HighestLevel(outcomes) >= failLevel)
            {
                return ExitCodes.AlarmActive;
            }

            return code;
        }

        /// <summary>1 warning, 2 critical, 0 anything else.</summary>
        private static int LevelRank(string level)
        {
            switch (level)
            {
                case "warning": return 1;
                case "critical": return 2;
                default: return 0;
            }
        }

        private static int HighestLevel(List<ProbeOutcome> outcomes)
        {
            int highest = 0;
            foreach (ProbeOutcome outcome in outcomes)
            {
                var document = outcome.Result as JsonObject;
                if (document == null)
                {
                    continue;
                }

                foreach (JsonNode alarm in (JsonArray)document["active"])
                {
                    int rank = LevelRank(ReadJson.Text(alarm, "level"));
                    highest = rank > highest ? rank : highest;
                }
            }

            return highest;
        }

        private static void WriteTables(CommandContext context, List<ProbeOutcome> outcomes, bool journal, bool acknowledging)
        {
            var table = new TableWriter("PROBE", "ID", "LEVEL", "SOURCE", "NAME", "CONDITION", "VALUE", "THRESHOLD", "RAISED", "ACK").AlignRight(1, 6, 7);
            int alarms = 0;
            int warning = 0;
            int critical = 0;
            int unacknowledged = 0;
            int probes = 0;
            foreach (ProbeOutcome outcome in outcomes)
            {
                var document = outcome.Result as JsonObject;
                if (document == null)
                {
                    table.AddSpanning(outcome.Target.Name, "error: " + outcome.Error);
                    continue;
                }

                probes++;
                foreach (JsonNode a in (JsonArray)document["active"])
                {
                    alarms++;
                    warning += ReadJson.Text(a, "level") == "warning" ? 1 : 0;
                    critical += ReadJson.Text(a, "level") == "critical" ? 1 : 0;
                    unacknowledged += ReadJson.Text(a, "acknowledged") == "true" ? 0 : 1;
                    table.Add(outcome.Target.Name, ReadJson.Text(a, "id"), ReadJson.Text(a, "level"), Source(a), ReadJson.Text(a, "name"),
                        ReadJson.Text(a, "condition"), WithUnit(a, "value"), WithUnit(a, "threshold"), ReadJson.Text(a, "raisedAt"), Ack(a));
                }
            }

            table.Write(context.Output);
            if (acknowledging)
            {
                return;
            }

            context.Error.WriteLine(alarms + " active alarm" + (alarms == 1 ? "" : "s") + " (" + critical + " critical, " + warning + " warning, "
                + unacknowledged + " unacknowledged) on " + probes + " probe" + (probes == 1 ? "" : "s"));
            if (!journal)
            {
                return;
            }

            context.Output.WriteLine();
            context.Output.WriteLine("Journal (newest first):");
            var log = new TableWriter("PROBE", "SEQ", "TIME", "EVENT", "ID", "LEVEL", "SOURCE", "NAME", "CONDITION", "VALUE", "USER").AlignRight(1, 4, 9);
            foreach (ProbeOutcome outcome in outcomes)
            {
                var document = outcome.Result as JsonObject;
                if (document == null)
                {
                    continue;
                }

                foreach (JsonNode r in (JsonArray)document["log"])
                {
                    log.Add(outcome.Target.Name, ReadJson.Text(r, "seq"), ReadJson.Text(r, "time"), ReadJson.Text(r, "event"), ReadJson.Text(r, "id"),
                        ReadJson.Text(r, "previousLevel") + " -> " + ReadJson.Text(r, "level"), Source(r), ReadJson.Text(r, "name"),
                        ReadJson.Text(r, "condition"), WithUnit(r, "value"), ReadJson.Text(r, "user"));
                }
            }

            log.Write(context.Output);
        }

        private static void WriteJson(CommandContext context, List<ProbeOutcome> outcomes)
        {
            var array = new JsonArray();
            foreach (ProbeOutcome outcome in outcomes)
            {
                var o = new JsonObject { ["probe"] = outcome.Target.Name, ["ok"] = outcome.Ok };
                var document = outcome.Result as JsonObject;
                if (document == null)
                {
                    o["error"] = outcome.Error;
                }
                else
                {
                    foreach (KeyValuePair<string, JsonNode> field in document)
                    {
                        o[field.Key] = field.Value == null ? null : field.Value.DeepClone();
                    }
                }

                array.Add(o);
            }

            context.Output.WriteLine(array.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }

        private static void WriteCsv(CommandContext context, List<ProbeOutcome> outcomes)
        {
            string[] fields = { "id", "level", "source", "index", "name", "condition", "value", "threshold", "unit", "raisedAt", "changedAt", "latching", "acknowledged", "ackUser", "ackAt" };
            var header = new List<string> { "probe" };
            header.AddRange(fields);
            CsvText.WriteRow(context.Output, header.ToArray());
            foreach (ProbeOutcome outcome in outcomes)
            {
                var document = outcome.Result as JsonObject;
                if (document == null)
                {
                    continue;
                }

                foreach (JsonNode a in (JsonArray)document["active"])
                {
                    var row = new List<string> { outcome.Target.Name };
                    foreach (string f in fields)
                    {
                        row.Add(ReadJson.Raw(a, f));
                    }

                    CsvText.WriteRow(context.Output, row.ToArray());
                }
            }
        }

        private static string Source(JsonNode a)
        {
            string source = ReadJson.Text(a, "source");
            return source == "device" ? source : source + " " + ReadJson.Text(a, "index");
        }

        private static string WithUnit(JsonNode a, string field)
        {
            string value = ReadJson.Raw(a, field);
            string unit = ReadJson.Text(a, "unit");
            return value.Length == 0 ? "-" : unit.Length == 0 ? value : value + " " + unit;
        }

        private static string Ack(JsonNode a)
        {
            if (ReadJson.Text(a, "acknowledged") != "true")
            {
                return "no";
            }

            return ReadJson.Text(a, "ackUser") + " " + ReadJson.Text(a, "ackAt");
        }
    }
}
