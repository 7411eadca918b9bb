using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;

namespace Ipenergy.Probe.Cli
{
    /// <summary>eprobe watch: read, again every --interval seconds, until Ctrl-C or --count refreshes.</summary>
    public sealed class WatchCommand : ICommand
    {
        private const string ClearScreen = "\u001b[H\u001b[2J";

        public string Name { get { return "watch"; } }

        public string Summary { get { return "read every probe again and again (live table, Ctrl-C ends)"; } }

        public string Help
        {
            get
            {
                return
@"usage: eprobe watch PROBES [--interval S] [--count N] [--what summary|phases|channels|circuits] [--json] [options]

Reads the probes like `eprobe read` every --interval seconds (measured from the start of one refresh to the
next) until Ctrl-C, or --count refreshes. On a terminal the table is redrawn in place (the screen is cleared
each time; --no-clear keeps the scrollback instead); when stdout is a file or a pipe each refresh is printed
as a block: a ""# TIME refresh N"" line, the table, an empty line. With --json each refresh is one line: the
JSON array `eprobe read --json` prints, compact (JSON Lines, e.g. for a log).

A probe that stops answering stays in its row with its error and comes back as soon as it answers; the
others go on refreshing; a refresh lasts as long as its slowest probe (at most --timeout for one that does
not answer). The probe list is resolved once at the start (--discover broadcasts once).

Options:
  --interval S      seconds between refreshes (default 2, at least 0.1)
  --count N         stop after N refreshes (default 0: until Ctrl-C)
  --what summary|phases|channels|circuits  as for `eprobe read` (default summary)
  --no-clear        on a terminal, print blocks instead of redrawing
  --format table|json, --json

" + FleetOptions.HelpText + @"

Examples:
  eprobe watch --discover
  eprobe watch -p 10.0.0.5 --what circuits --interval 1
  eprobe watch --probes-file probes.txt --json --interval 60 >> readings.jsonl

Exit codes: Ctrl-C after at least one refresh is the normal end: 0 (130 when interrupted before the first
refresh was shown). With --count: as `eprobe read` for the last refresh (0 all read, 1 some failed, 4 all
failed); 2 bad command line; 3 no probe.";
            }
        }

        public int Run(CommandContext context)
        {
            FleetOptions options = FleetOptions.Read(context.Args);
            MeasurementWhat what = MeasurementView.ParseWhat(context.Args.Option("what"));
            double interval = context.Args.NumberOption("interval", 2, 0.1, 86400);
            int count = context.Args.IntOption("count", 0, 0, int.MaxValue);
            bool noClear = context.Args.Flag("no-clear");
            OutputFormat format = context.ReadFormat(options.Json, false);
            context.Args.Finish();

            List<ProbeTarget> targets = options.ResolveTargets(context.Input, context.Cancel);
            if (targets.Count == 0)
            {
                return context.ReportFailures(new List<ProbeOutcome>());
            }

            context.InterruptIsNormalEnd = true;
            bool redraw = format == OutputFormat.Table && !noClear && context.Output == Console.Out && !Console.IsOutputRedirected;
            var work = new MeasurementWork(what == MeasurementWhat.Summary);
            var runner = new FleetRunner(options, null);
            int refreshes = 0;
            List<ProbeOutcome> last = null;
            while (true)
            {
                var clock = Stopwatch.StartNew();
                List<ProbeOutcome> outcomes = runner.Run(targets, work, context.Cancel);
                if (context.Cancel.IsCancellationRequested)
                {
                    break; // a refresh cut short by Ctrl-C is not shown
                }

                refreshes++;
                last = outcomes;
                context.Output.Write(Render(outcomes, what, format, redraw, refreshes, interval));
                context.Output.Flush();
                if (count > 0 && refreshes >= count)
                {
                    break;
                }

                TimeSpan rest = TimeSpan.FromSeconds(interval) - clock.Elapsed;
                if (rest > TimeSpan.Zero && context.Cancel.WaitHandle.WaitOne(rest))
                {
                    break;
                }
            }

            if (refreshes == 0)
            {
                return ExitCodes.Interrupted;
            }

            if (context.Cancel.IsCancellationRequested)
            {
                return ExitCodes.Ok;
            }

            return context.ReportFailures(last);
        }

        private static string Render(List<ProbeOutcome> outcomes, MeasurementWhat what, OutputFormat format, bool redraw, int refresh, double interval)
        {
            if (format == OutputFormat.Json)
            {
                return MeasurementView.ToJson(outcomes, what).ToJsonString() + "\n";
            }

            var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            string time = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
            if (redraw)
            {
                text.Write(ClearScreen);
                text.WriteLine("eprobe watch: every " + interval.ToString(CultureInfo.InvariantCulture) + " s, " + time + ", refresh " + refresh + " (Ctrl-C ends)");
                text.WriteLine();
            }
            else
            {
                text.WriteLine("# " + time + " refresh " + refresh);
            }

            MeasurementView.WriteTable(text, outcomes, what);
            if (!redraw)
            {
                text.WriteLine();
            }

            return text.ToString();
        }
    }
}
