using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;

namespace Ipenergy.Probe.Cli
{
    /// <summary>eprobe billing export: energy per billed period and customer, from the probes' billing snapshots.</summary>
    public sealed class BillingExportCommand : ICommand
    {
        public string Name { get { return "billing export"; } }

        public string Summary { get { return "energy per billing period and customer (CSV), from the probes' billing snapshots"; } }

        public string Help
        {
            get
            {
                return
@"usage: eprobe billing export (--period YYYY-MM | --from DATE --to DATE) [--by channel|customer] [--format csv|table|json] (--probe HOST[:PORT]... | --probes-file FILE | --discover)

Reads each probe's billing snapshots (GET /api/v1/billing: every counter at each period boundary), its
configuration (billing schedule, customers, circuits) and clock, and prints the energy of each billed period:
the difference of the counters between the snapshot at the period's start and the one at its end.

A period is what the probe bills: it starts on day history.billingDay at hour history.billingHour of local
time (UTC + history.utcOffsetMinutes, a fixed offset: no daylight saving) and ends when the next one starts,
a month later. --period 2026-11 is the period that starts in November 2026 (with billingDay 15: 15 Nov to
15 Dec); --from 2026-01-01 --to 2026-04-01 is every period that starts on or after FROM and before TO
(local midnight; YYYY-MM means its first day). Each probe uses its own schedule; times are printed in UTC.
A change of billingDay, billingHour or utcOffsetMinutes applies at once: the probe snapshots the new schedule's
latest boundary at the next second (late, so that period is ""partial"" from then); periods before the change
were cut on the old boundaries and show as ""missing"" here, with that reason (GET /api/v1/billing has them).

What is billed (--by channel, the default; one row per probe, period and meter):
  - a circuit once, with all its channels (1 or 3), under the circuit's customer (circuits[i].customer, or
    if empty the customer of its first channel that has one);
  - every channel in no circuit under its own customer (channels[i].customer); rows with an empty customer
    are kept so the totals add up to the probe's.
--by customer: one row per period and customer, summed over every probe and meter.

Status column (never a guessed number):
  complete   snapshots at both boundaries
  partial    both, but the start one was taken after the boundary (its ""takenAt""): a probe takes one at
             once on its very first start, so it was installed (or reset) during the period; the energy is
             what it metered since, and the note says from when (a firmware without ""takenAt"": its first
             snapshot is counted as partial)
  open       the period is not over on the probe's clock: no energy yet
  missing    a boundary snapshot is missing (installed later, off across the boundary, overwritten) or a
             counter went back (factory reset): no energy

Columns (csv): period,period_start,period_end,customer,probe,serial,meter,channels,import_kWh,export_kWh,
import_kvarh,export_kvarh,status,note (by customer: probe = number of probes, meter = number of meters).
Energy in kWh / kvarh with 6 decimals (the probes count in mWh: exact).

Options:
  --period YYYY-MM          one period
  --from DATE --to DATE     every period starting in [FROM, TO)
  --by channel|customer     rows per meter (default) or totals per customer
  --format csv|table|json   csv (default), an aligned table, or JSON rows
" + FleetOptions.HelpText + @"

Examples:
  eprobe billing export --period 2026-11 --probes-file probes.txt > 2026-11.csv
  eprobe billing export --from 2026-01 --to 2027-01 --by customer --discover";
            }
        }

        public int Run(CommandContext context)
        {
            FleetOptions options = FleetOptions.Read(context.Args);
            string periodText = context.Args.Option("period");
            string fromText = context.Args.Option("from");
            string toText = context.Args.Option("to");
            string by = context.Args.Option("by") ?? "channel";
            string formatText = context.Args.Option("format") ?? (options.Json ? "json" : "csv");
            context.Args.Finish();
            if (by != "channel" && by != "customer")
            {
                throw new UsageException("--by must be channel or customer, got \"" + by + "\"");
            }

            if (formatText != "csv" && formatText != "table" && formatText != "json")
            {
                throw new UsageException("--format must be csv, table or json, got \"" + formatText + "\"");
            }

            if (options.Json && formatText != "json")
            {
                throw new UsageException("--json and --format " + formatText + " disagree");
            }

            PeriodChoice choice = PeriodChoice.Parse(periodText, fromText, toText);
            List<ProbeTarget> targets;
            List<ProbeOutcome> outcomes = context.RunOnFleet(options, new BillingWork(), out targets);
            var rows = new List<BillingRow>();
            foreach (ProbeOutcome o in outcomes)
            {
                if (o.Ok)
                {
                    var probe = (ProbeBilling)o.Result;
                    rows.AddRange(BillingReport.ByMeter(probe, choice.Periods(probe.Schedule)));
                }
            }

            if (by == "customer")
            {
                rows = BillingReport.ByCustomer(rows);
            }

            Write(context, rows, formatText);
            return context.ReportFailures(outcomes);
        }

        private static void Write(CommandContext context, List<BillingRow> rows, string format)
        {
            string[] header =
            {
                "period", "period_start", "period_end", "customer", "probe", "serial", "meter", "channels",
                "import_kWh", "export_kWh", "import_kvarh", "export_kvarh", "status", "note",
            };
            if (format == "json")
            {
                var array = new JsonArray();
                foreach (BillingRow r in rows)
                {
                    var item = new JsonObject();
                    string[] cells = Cells(r);
                    for (int i = 0; i < header.Length; i++)
                    {
                        bool number = i >= 8 && i <= 11;
                        item[header[i]] = number ? (cells[i].Length == 0 ? null : JsonNode.Parse(cells[i])) : JsonValue.Create(cells[i]);
                    }

                    array.Add(item);
                }

                context.Output.WriteLine(array.ToJsonString(JsonPath.Indented));
                return;
            }

            if (format == "table")
            {
                var table = new TableWriter(header).AlignRight(8, 9, 10, 11);
                foreach (BillingRow r in rows)
                {
                    table.Add(Cells(r));
                }

                table.Write(context.Output);
                return;
            }

            CsvText.WriteRow(context.Output, header);
            foreach (BillingRow r in rows)
            {
                CsvText.WriteRow(context.Output, Cells(r));
            }
        }

        private static string[] Cells(BillingRow r)
        {
            return new[]
            {
                r.Period.Label, BillingReport.Iso(r.Period.Start), BillingReport.Iso(r.Period.End), r.Customer, r.Probe, r.Serial,
                r.Meter, r.Channels, BillingReport.Kilo(r.Energy, 0), BillingReport.Kilo(r.Energy, 1), BillingReport.Kilo(r.Energy, 2),
                BillingReport.Kilo(r.Energy, 3), r.Status, r.Note,
            };
        }

        /// <summary>--period or --from/--to, resolved per probe schedule.</summary>
        public sealed class PeriodChoice
        {
            private int _year;
            private int _month;
            private DateTime _from;
            private DateTime _to;
            private bool _single;

            public static PeriodChoice Parse(string period, string from, string to)
            {
                var choice = new PeriodChoice();
                if (period != null)
                {
                    if (from != null || to != null)
                    {
                        throw new UsageException("give --period or --from/--to, not both");
                    }

                    DateTime month;
                    if (!DateTime.TryParseExact(period, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out month))
                    {
                        throw new UsageException("--period must be YYYY-MM, got \"" + period + "\"");
                    }

                    choice._single = true;
                    choice._year = month.Year;
                    choice._month = month.Month;
                    return choice;
                }

                if (from == null || to == null)
                {
                    throw new UsageException("which periods? give --period YYYY-MM, or --from DATE and --to DATE");
                }

                choice._from = Date("--from", from);
                choice._to = Date("--to", to);
                if (choice._to <= choice._from)
                {
                    throw new UsageException("--to must be after --from");
                }

                return choice;
            }

            public List<BillingPeriod> Periods(BillingSchedule schedule)
            {
                if (_single)
                {
                    return new List<BillingPeriod> { schedule.Period(_year, _month) };
                }

                return schedule.PeriodsStartingBetween(_from, _to);
            }

            private static DateTime Date(string option, string text)
            {
                DateTime value;
                if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
                    || DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
                {
                    return value;
                }

                throw new UsageException(option + " must be YYYY-MM-DD or YYYY-MM, got \"" + text + "\"");
            }
        }

        private sealed class BillingWork : IProbeWork
        {
            public object Run(ProbeClient client, CancellationToken cancel)
            {
                JsonNode info = client.GetJson("/api/v1/info", cancel);
                JsonNode config = client.GetJson("/api/v1/config", cancel);
                JsonNode billing = client.GetJson("/api/v1/billing", cancel);
                return ProbeBilling.FromJson(client.Target.Name, info, config, billing);
            }
        }
    }
}
