using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ipenergy.Probe.Cli
{
    /// <summary>The counters of every channel at one period boundary (GET /api/v1/billing), in mWh / mvarh.</summary>
    public sealed class BillingSnapshotData
    {
        public DateTime Boundary { get; set; }

        /// <summary>When the probe took it, if the probe says (a later firmware may); else null.</summary>
        public DateTime? TakenAt { get; set; }

        /// <summary>channel number -> import Wh, export Wh, import varh, export varh, in thousandths (-1 = not given).</summary>
        public Dictionary<int, long[]> Counters { get; } = new Dictionary<int, long[]>();
    }

    /// <summary>What is billed as one line: a circuit (its channels once) or a channel in no circuit.</summary>
    public sealed class BillingMeter
    {
        public BillingMeter(string name, string customer, int[] channels)
        {
            Name = name;
            Customer = customer;
            Channels = channels;
        }

        /// <summary>"circuit A" or "channel 4".</summary>
        public string Name { get; }

        public string Customer { get; }

        public int[] Channels { get; }
    }

    /// <summary>One probe's billing data: schedule, meters (from its configuration), snapshots, its clock.</summary>
    public sealed class ProbeBilling
    {
        public string Probe { get; set; }

        public string Serial { get; set; }

        public BillingSchedule Schedule { get; set; }

        /// <summary>The probe's clock when read (to tell a period still running from a missing snapshot).</summary>
        public DateTime Now { get; set; }

        public List<BillingMeter> Meters { get; } = new List<BillingMeter>();

        /// <summary>Oldest first.</summary>
        public List<BillingSnapshotData> Snapshots { get; } = new List<BillingSnapshotData>();

        /// <summary>Builds it from the probe's answers to /api/v1/info, /api/v1/config and /api/v1/billing.</summary>
        public static ProbeBilling FromJson(string probe, JsonNode info, JsonNode config, JsonNode billing)
        {
            var p = new ProbeBilling { Probe = probe, Serial = info["serial"].GetValue<string>() };
            p.Now = ParseTime(info["time"].GetValue<string>());
            JsonNode history = config["history"];
            p.Schedule = new BillingSchedule(history["billingDay"].GetValue<int>(), history["billingHour"].GetValue<int>(), history["utcOffsetMinutes"].GetValue<int>());

            var channels = (JsonArray)config["channels"];
            var inCircuit = new HashSet<int>();
            foreach (JsonNode circuit in (JsonArray)config["circuits"])
            {
                var numbers = new List<int>();
                string customer = Text(circuit["customer"]);
                foreach (JsonNode n in (JsonArray)circuit["channels"])
                {
                    int channel = n.GetValue<int>();
                    numbers.Add(channel);
                    inCircuit.Add(channel);
                    if (customer.Length == 0 && channel >= 1 && channel <= channels.Count)
                    {
                        customer = Text(channels[channel - 1]["customer"]);
                    }
                }

                p.Meters.Add(new BillingMeter("circuit " + Text(circuit["name"]), customer, numbers.ToArray()));
            }

            for (int i = 0; i < channels.Count; i++)
            {
                int channel = channels[i]["channel"] != null ? channels[i]["channel"].GetValue<int>() : i + 1;
                if (!inCircuit.Contains(channel))
                {
                    string label = Text(channels[i]["label"]);
                    p.Meters.Add(new BillingMeter("channel " + channel + (label.Length > 0 ? " " + label : ""), Text(channels[i]["customer"]), new[] { channel }));
                }
            }

            foreach (JsonNode s in (JsonArray)billing["snapshots"])
            {
                var snap = new BillingSnapshotData { Boundary = ParseTime(s["boundary"].GetValue<string>()) };
                if (s["takenAt"] != null)
                {
                    snap.TakenAt = ParseTime(s["takenAt"].GetValue<string>());
                }

                foreach (JsonNode c in (JsonArray)s["counters"])
                {
                    snap.Counters[c["channel"].GetValue<int>()] = new[]
                    {
                        Thousandths(c["importEnergyWh"]), Thousandths(c["exportEnergyWh"]),
                        Thousandths(c["importReactiveVarh"]), Thousandths(c["exportReactiveVarh"]),
                    };
                }

                p.Snapshots.Add(snap);
            }

            p.Snapshots.Sort((a, b) => a.Boundary.CompareTo(b.Boundary));
            return p;
        }

        public static DateTime ParseTime(string text)
        {
            return DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        }

        private static string Text(JsonNode node)
        {
            return node == null ? "" : node.GetValue<string>();
        }

        // "1234.567" Wh -> 1234567 mWh, exactly (decimal, no binary rounding).
        private static long Thousandths(JsonNode node)
        {
            if (node == null)
            {
                return -1;
            }

            decimal value = decimal.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
            return (long)Math.Round(value * 1000m, MidpointRounding.AwayFromZero);
        }
    }

    /// <summary>One line of the billing export.</summary>
    public sealed class BillingRow
    {
        public BillingPeriod Period { get; set; }

        public string Customer { get; set; }

        /// <summary>HOST:PORT, or for customer totals the number of probes.</summary>
        public string Probe { get; set; }

        public string Serial { get; set; }

        public string Meter { get; set; }

        public string Channels { get; set; }

        /// <summary>Import Wh, export Wh, import varh, export varh in thousandths; null when not known.</summary>
        public long[] Energy { get; set; }

        /// <summary>complete, partial, open or missing (BillingReport).</summary>
        public string Status { get; set; }

        public string Note { get; set; }
    }

    /// <summary>
    /// The energy of each billed period per meter: the difference of the counters between the snapshot at the
    /// period's start and the one at its end. Status: complete (both snapshots); partial (both, but the start
    /// one is the probe's first: it may have started metering during the period, the energy is what it
    /// metered); open (the period is not over on the probe's clock: no energy); missing (a boundary snapshot
    /// is missing, or a counter went back: no energy, never a guess).
    /// </summary>
    public static class BillingReport
    {
        public static List<BillingRow> ByMeter(ProbeBilling probe, IList<BillingPeriod> periods)
        {
            var rows = new List<BillingRow>();
            foreach (BillingPeriod period in periods)
            {
                BillingSnapshotData start = Find(probe, period.Start);
                BillingSnapshotData end = Find(probe, period.End);
                string status;
                string note;
                Classify(probe, period, start, end, out status, out note);
                foreach (BillingMeter meter in probe.Meters)
                {
                    var row = new BillingRow
                    {
                        Period = period, Customer = meter.Customer, Probe = probe.Probe, Serial = probe.Serial,
                        Meter = meter.Name, Channels = string.Join("+", meter.Channels), Status = status, Note = note,
                    };
                    if (status == "complete" || status == "partial")
                    {
                        row.Energy = Difference(start, end, meter.Channels);
                        if (row.Energy == null)
                        {
                            row.Status = "missing";
                            row.Note = "a counter went back between the snapshots (factory reset or counters cleared?), or a channel is missing";
                        }
                    }

                    rows.Add(row);
                }
            }

            return rows;
        }

        /// <summary>Sums the meters' rows per period and customer over every probe.</summary>
        public static List<BillingRow> ByCustomer(List<BillingRow> meterRows)
        {
            var groups = new Dictionary<string, List<BillingRow>>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (BillingRow r in meterRows)
            {
                string key = r.Period.Start.Ticks + "|" + r.Period.End.Ticks + "|" + r.Customer;
                List<BillingRow> list;
                if (!groups.TryGetValue(key, out list))
                {
                    list = new List<BillingRow>();
                    groups[key] = list;
                    order.Add(key);
                }

                list.Add(r);
            }

            var result = new List<BillingRow>();
            foreach (string key in order)
            {
                List<BillingRow> list = groups[key];
                var probes = new HashSet<string>();
                var sum = new long[4];
                bool[] given = { true, true, true, true };
                int known = 0;
                int partial = 0;
                int open = 0;
                foreach (BillingRow r in list)
                {
                    probes.Add(r.Probe);
                    if (r.Energy != null)
                    {
                        known++;
                        partial += r.Status == "partial" ? 1 : 0;
                        for (int k = 0; k < 4; k++)
                        {
                            given[k] &= r.Energy[k] >= 0;
                            sum[k] += Math.Max(0, r.Energy[k]);
                        }
                    }
                    else if (r.Status == "open")
                    {
                        open++;
                    }
                }

                for (int k = 0; k < 4; k++)
                {
                    if (!given[k])
                    {
                        sum[k] = -1;
                    }
                }

                var row = new BillingRow
                {
                    Period = list[0].Period, Customer = list[0].Customer, Probe = probes.Count.ToString(CultureInfo.InvariantCulture),
                    Serial = "", Meter = list.Count + " meter" + (list.Count == 1 ? "" : "s"), Channels = "",
                    Energy = known > 0 ? sum : null,
                };
                if (known == list.Count && partial == 0)
                {
                    row.Status = "complete";
                    row.Note = "";
                }
                else if (known == 0 && open == list.Count)
                {
                    row.Status = "open";
                    row.Note = "the period is not over";
                }
                else if (known == 0)
                {
                    row.Status = "missing";
                    row.Note = "no meter of this customer has both snapshots";
                }
                else
                {
                    row.Status = "partial";
                    var why = new List<string>();
                    if (known < list.Count)
                    {
                        why.Add((list.Count - known) + " of " + list.Count + " meters without data (not counted)");
                    }

                    if (partial > 0)
                    {
                        why.Add(partial + " of " + list.Count + " meters metered from after the period's start");
                    }

                    row.Note = string.Join("; ", why) + " (see --by channel)";
                }

                result.Add(row);
            }

            result.Sort((a, b) =>
            {
                int c = a.Period.Start.CompareTo(b.Period.Start);
                return c != 0 ? c : string.CompareOrdinal(a.Customer, b.Customer);
            });
            return result;
        }

        private static void Classify(ProbeBilling probe, BillingPeriod period, BillingSnapshotData start, BillingSnapshotData end, out string status, out string note)
        {
            if (start != null && end != null)
            {
                bool first = probe.Snapshots.Count > 0 && ReferenceEquals(probe.Snapshots[0], start);
                if (start.TakenAt.HasValue && start.TakenAt.Value > start.Boundary.AddMinutes(1))
                {
                    status = "partial";
                    note = "metered from " + Iso(start.TakenAt.Value) + " (first snapshot taken then)";
                }
                else if (!start.TakenAt.HasValue && first)
                {
                    status = "partial";
                    note = "starts at the probe's first snapshot: it may have started metering during the period (installed or reset); energy as metered";
                }
                else
                {
                    status = "complete";
                    note = "";
                }

                return;
            }

            if (end == null && period.End > probe.Now)
            {
                status = "open";
                note = "the period ends " + Iso(period.End) + ", the probe's clock says " + Iso(probe.Now);
                return;
            }

            status = "missing";
            string other = OffSchedule(probe);
            if (other != null)
            {
                note = "the probe's snapshots are not all on its configured schedule (e.g. " + other + "): periods before a change of billingDay/billingHour/utcOffsetMinutes were cut on the old boundaries";
            }
            else if (start == null && end == null)
            {
                note = "no snapshot at either boundary";
            }
            else if (start == null)
            {
                note = "no snapshot at the period start (probe installed later, or snapshots overwritten)";
            }
            else
            {
                note = "no snapshot at the period end (probe off across the boundary?)";
            }
        }

        // The boundary of a snapshot that the configured schedule would not have taken, or null.
        private static string OffSchedule(ProbeBilling probe)
        {
            foreach (BillingSnapshotData s in probe.Snapshots)
            {
                DateTime local = s.Boundary.AddMinutes(probe.Schedule.UtcOffsetMinutes);
                if (probe.Schedule.StartOf(local.Year, local.Month) != s.Boundary)
                {
                    return Iso(s.Boundary);
                }
            }

            return null;
        }

        private static BillingSnapshotData Find(ProbeBilling probe, DateTime boundary)
        {
            foreach (BillingSnapshotData s in probe.Snapshots)
            {
                if (Math.Abs((s.Boundary - boundary).TotalSeconds) < 1)
                {
                    return s;
                }
            }

            return null;
        }

        private static long[] Difference(BillingSnapshotData start, BillingSnapshotData end, int[] channels)
        {
            var sum = new long[4];
            foreach (int channel in channels)
            {
                long[] a;
                long[] b;
                if (!start.Counters.TryGetValue(channel, out a) || !end.Counters.TryGetValue(channel, out b))
                {
                    return null;
                }

                for (int k = 0; k < 4; k++)
                {
                    if (a[k] < 0 || b[k] < 0 || sum[k] < 0)
                    {
                        sum[k] = -1;
                        continue;
                    }

                    if (b[k] < a[k])
                    {
                        return null;
                    }

                    sum[k] += b[k] - a[k];
                }
            }

            return sum;
        }

        public static string Iso(DateTime utc)
        {
            return utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }

        /// <summary>Thousandths of a Wh as kWh with 6 decimals (exact), or "" when not known.</summary>
        public static string Kilo(long[] energy, int k)
        {
            if (energy == null || energy[k] < 0)
            {
                return "";
            }

            return (energy[k] / 1000000m).ToString("0.000000", CultureInfo.InvariantCulture);
        }
    }
}
