using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace Ipenergy.Probe.Cli
{
    /// <summary>What a command runs with: its arguments, the console streams, Ctrl-C, and the fleet helpers.</summary>
    public sealed class CommandContext
    {
        public CommandContext(ArgReader args, TextReader input, TextWriter output, TextWriter error, bool errorIsTerminal, CancellationToken cancel)
        {
            Args = args;
            Input = input;
            Output = output;
            Error = error;
            ErrorIsTerminal = errorIsTerminal;
            Cancel = cancel;
        }

        public ArgReader Args { get; }

        public TextReader Input { get; }

        /// <summary>Results only (tables, JSON, CSV): what a script pipes on.</summary>
        public TextWriter Output { get; }

        /// <summary>Progress, warnings and per-probe errors.</summary>
        public TextWriter Error { get; }

        /// <summary>True when stderr is a terminal (progress is then shown by default).</summary>
        public bool ErrorIsTerminal { get; }

        public CancellationToken Cancel { get; }

        /// <summary>
        /// Set by a command that runs until Ctrl-C (watch): its own exit code then stands instead of 130.
        /// </summary>
        public bool InterruptIsNormalEnd { get; set; }

        /// <summary>
        /// Reads the output format: --format table|json|csv, --json as a shortcut (the fleet options take --json
        /// themselves, so pass theirs). CSV only where the command allows it.
        /// </summary>
        public OutputFormat ReadFormat(bool json, bool csvAllowed)
        {
            string text = Args.Option("format");
            if (text == null)
            {
                return json ? OutputFormat.Json : OutputFormat.Table;
            }

            OutputFormat format;
            switch (text)
            {
                case "table": format = OutputFormat.Table; break;
                case "json": format = OutputFormat.Json; break;
                case "csv": format = OutputFormat.Csv; break;
                default: throw new UsageException("--format must be table, json" + (csvAllowed ? " or csv" : "") + ", got \"" + text + "\"");
            }

            if (format == OutputFormat.Csv && !csvAllowed)
            {
                throw new UsageException("this command has no CSV output (use table or json)");
            }

            if (json && format != OutputFormat.Json)
            {
                throw new UsageException("--json and --format " + text + " disagree");
            }

            return format;
        }

        /// <summary>Resolves the targets and runs the work on each (progress on stderr as the options say).</summary>
        public List<ProbeOutcome> RunOnFleet(FleetOptions options, IProbeWork work, out List<ProbeTarget> targets)
        {
            targets = options.ResolveTargets(Input, Cancel);
            bool progress = !options.NoProgress && ErrorIsTerminal && targets.Count > 1;
            return new FleetRunner(options, progress ? Error : null).Run(targets, work, Cancel);
        }

        /// <summary>
        /// Prints one "eprobe: PROBE: error" line on stderr per failed probe and returns the exit code of the whole
        /// operation (ExitCodes.FromOutcomes).
        /// </summary>
        public int ReportFailures(IList<ProbeOutcome> outcomes)
        {
            int ok = 0;
            int failed = 0;
            foreach (ProbeOutcome outcome in outcomes)
            {
                if (outcome.Ok)
                {
                    ok++;
                }
                else
                {
                    failed++;
                    Error.WriteLine("eprobe: " + outcome.Target.Name + ": " + outcome.Error);
                }
            }

            if (ok + failed == 0)
            {
                Error.WriteLine("eprobe: no probe found");
            }

            return ExitCodes.FromOutcomes(ok, failed);
        }
    }
}
