using System.Collections.Generic;

namespace Ipenergy.Probe.Cli
{
    /// <summary>eprobe read: the last measured second of every probe, as a table, JSON or CSV.</summary>
    public sealed class ReadCommand : ICommand
    {
        public string Name { get { return "read"; } }

        public string Summary { get { return "read the measurements of every probe (summary, phases, channels or circuits)"; } }

        public string Help
        {
            get
            {
                return
@"usage: eprobe read PROBES [--what summary|phases|channels|circuits] [--format table|json|csv] [options]

Reads each probe's last measured second (GET /api/v1/measurements; identity from /api/v1/info) and prints:
  --what summary    (default) one row per probe: name, model, serial, frequency, L1-L3 voltage, total active
                    power (the sum of its channels), the most loaded circuit in % of its breaker rating (""-""
                    until circuits are configured) and the active alarms (GET /api/v1/alarms)
  --what phases     one row per probe and phase: voltage, fundamental, THD, angle, frequency, active power
                    of the channels on that phase
  --what channels   one row per probe and CT channel: current, % of CT rating, P, Q, S, PF, THD, energies
  --what circuits   one row per probe and configured circuit: breaker, highest current, % of breaker, P, PF,
                    current unbalance, neutral current, energy

Formats: table (rounded; powers in kW, energies in kWh); json (an array, one object per probe:
{""probe"",""ok"":true,""name"",""model"",""serial"",""timestamp"",""sequence"", then the summary fields or the
probe's own ""phases""/""channels""/""circuits"" objects with its numbers as sent}, and {""probe"",""ok"":false,
""error""} for a probe that failed); csv (one row per probe and item with a probe column, the probe's
numbers as sent with a dot, the unit in each column name, e.g. activePower_W; failed probes are left out of
the CSV and reported on stderr).

A probe that fails (unreachable, timeout, HTTP error, not an e-Probe) gets ""eprobe: PROBE: error"" on stderr
and an error row in the table; the others are read all the same.

Options:
  --what summary|phases|channels|circuits
  --format table|json|csv, --json

" + FleetOptions.HelpText + @"

Examples:
  eprobe read --discover
  eprobe read -p 10.0.0.5 -p 10.0.0.6 --what circuits
  eprobe read --probes-file probes.txt --what channels --format csv > channels.csv

Exit codes: 0 every probe read, 1 some failed (the others printed), 2 bad command line, 3 no probe,
4 every probe failed.";
            }
        }

        public int Run(CommandContext context)
        {
            FleetOptions options = FleetOptions.Read(context.Args);
            MeasurementWhat what = MeasurementView.ParseWhat(context.Args.Option("what"));
            OutputFormat format = context.ReadFormat(options.Json, true);
            context.Args.Finish();

            List<ProbeTarget> targets;
            List<ProbeOutcome> outcomes = context.RunOnFleet(options, new MeasurementWork(what == MeasurementWhat.Summary), out targets);
            if (outcomes.Count > 0 || format == OutputFormat.Json)
            {
                MeasurementView.Write(context.Output, format, outcomes, what);
            }

            return context.ReportFailures(outcomes);
        }
    }
}
