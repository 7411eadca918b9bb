using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;

namespace Ipenergy.Probe.Cli
{
    /// <summary>eprobe config export: each probe's configuration to a file (a backup, or a template for push).</summary>
    public sealed class ConfigExportCommand : ICommand
    {
        public string Name { get { return "config export"; } }

        public string Summary { get { return "save each probe's configuration as JSON (<serial>.json per probe)"; } }

        public string Help
        {
            get
            {
                return
@"usage: eprobe config export [--output DIR|FILE] (--probe HOST[:PORT]... | --probes-file FILE | --discover)

Saves each probe's configuration (GET /api/v1/config, exactly as the probe gives it) as JSON:
  --output DIR    one file per probe, DIR/<serial>.json (DIR is created; an existing file is replaced)
  --output FILE   the one probe's configuration (one probe only; a name ending in / is a directory)
  (none)          on stdout: the configuration of one probe, or for several an array
                  [{""probe"":""HOST:PORT"",""serial"":""..."",""ok"":true,""config"":{...}}]
Every output is accepted by eprobe config import (a directory or array: each probe takes the file of its
own serial) and by eprobe push (one file for all probes). Secrets are exported as ""***"" (set) or """"
(unset) and password hashes not at all, as the probe gives them: an export holds no secret, and importing
""***"" keeps the probe's.

Options:
  --output DIR|FILE
" + FleetOptions.HelpText + @"

Examples:
  eprobe config export --probes-file probes.txt --output backup/2026-11-25/
  eprobe config export -p 10.0.0.5 --output template.json
  eprobe config export -p 10.0.0.5 | jq .history";
            }
        }

        public int Run(CommandContext context)
        {
            FleetOptions options = FleetOptions.Read(context.Args);
            string output = context.Args.Option("output");
            context.Args.Finish();
            bool toDirectory = output != null && (Directory.Exists(output) || output.EndsWith("/", StringComparison.Ordinal)
                || output.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal));

            List<ProbeTarget> targets;
            if (output != null && !toDirectory)
            {
                targets = options.ResolveTargets(context.Input, context.Cancel);
                if (targets.Count > 1)
                {
                    throw new UsageException("--output " + output + " is a file but there are " + targets.Count + " probes: give a directory (it is created), e.g. --output " + output + ".d/");
                }
            }

            List<ProbeOutcome> outcomes = context.RunOnFleet(options, new ExportWork(), out targets);
            var written = new List<ProbeOutcome>();
            foreach (ProbeOutcome o in outcomes)
            {
                written.Add(o);
            }

            if (output == null)
            {
                if (targets.Count == 1 && outcomes[0].Ok)
                {
                    context.Output.WriteLine(Indented(((ExportResult)outcomes[0].Result).Config));
                }
                else if (targets.Count > 1)
                {
                    var array = new JsonArray();
                    foreach (ProbeOutcome o in outcomes)
                    {
                        var item = new JsonObject { ["probe"] = o.Target.Name, ["ok"] = o.Ok };
                        if (o.Ok)
                        {
                            var r = (ExportResult)o.Result;
                            item["serial"] = r.Serial;
                            item["config"] = r.Config.DeepClone();
                        }
                        else
                        {
                            item["error"] = o.Error;
                        }

                        array.Add(item);
                    }

                    context.Output.WriteLine(Indented(array));
                }

                return context.ReportFailures(outcomes);
            }

            if (toDirectory)
            {
                Directory.CreateDirectory(output);
            }

            for (int i = 0; i < outcomes.Count; i++)
            {
                ProbeOutcome o = outcomes[i];
                if (!o.Ok)
                {
                    continue;
                }

                var r = (ExportResult)o.Result;
                string file = toDirectory ? Path.Combine(output, SafeName(r.Serial) + ".json") : output;
                try
                {
                    File.WriteAllText(file, Indented(r.Config) + "\n");
                    context.Error.WriteLine(o.Target.Name + " (" + r.Serial + ") -> " + file);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    written[i] = new ProbeOutcome(o.Target, null, "cannot write " + file + ": " + e.Message);
                }
            }

            return context.ReportFailures(written);
        }

        private static string Indented(JsonNode node)
        {
            return node.ToJsonString(JsonPath.Indented);
        }

        /// <summary>A serial as a file name: anything but letters, digits, '-', '_' and '.' becomes '_'.</summary>
        public static string SafeName(string serial)
        {
            var text = new System.Text.StringBuilder();
            foreach (char c in serial)
            {
                text.Append(char.IsLetterOrDigit(c) || c == '-' || c == '_' || c == '.' ? c : '_');
            }

            return text.Length == 0 || text.ToString().Trim('.').Length == 0 ? "unnamed" : text.ToString();
        }

        private sealed class ExportResult
        {
            public string Serial;
            public JsonNode Config;
        }

        private sealed class ExportWork : IProbeWork
        {
            public object Run(ProbeClient client, CancellationToken cancel)
            {
                var r = new ExportResult { Serial = ConfigProbe.Serial(client, cancel) };
                r.Config = client.GetJson("/api/v1/config", cancel);
                if (!(r.Config is JsonObject))
                {
                    throw new ProbeException("bad answer to /api/v1/config: not a JSON object");
                }

                return r;
            }
        }
    }
}
