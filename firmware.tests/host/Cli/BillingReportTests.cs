using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using Ipenergy.Probe.Cli;
using Xunit;
using CliBillingSchedule = Ipenergy.Probe.Cli.BillingSchedule;

namespace Ipenergy.Probe.Tests.Cli
{
    /// <summary>Billing periods and the energy per meter from snapshots, without a probe.</summary>
    public sealed class BillingReportTests
    {
        private static readonly DateTime Nov = new DateTime(2026, 11, 15, 5, 0, 0, DateTimeKind.Utc);

        [Fact]
        public void APeriodStartsOnTheBillingDayAndHourOfLocalTime()
        {
            // Day 15, 06:00 local at UTC+1 = 05:00 UTC.
            BillingPeriod p = new CliBillingSchedule(15, 6, 60).Period(2026, 11);
            Assert.Equal("2026-11", p.Label);
            Assert.Equal(Nov, p.Start);
            Assert.Equal(new DateTime(2026, 12, 15, 5, 0, 0, DateTimeKind.Utc), p.End);

            // Midnight on the 1st at UTC-5: 05:00 UTC; December's period ends in the next year.
            BillingPeriod d = new CliBillingSchedule(1, 0, -300).Period(2026, 12);
            Assert.Equal(new DateTime(2026, 12, 1, 5, 0, 0, DateTimeKind.Utc), d.Start);
            Assert.Equal(new DateTime(2027, 1, 1, 5, 0, 0, DateTimeKind.Utc), d.End);
        }

        [Fact]
        public void FromToListsThePeriodsStartingInside()
        {
            var labels = new List<string>();
            foreach (BillingPeriod p in new CliBillingSchedule(15, 0, 0).PeriodsStartingBetween(new DateTime(2026, 1, 20), new DateTime(2026, 4, 15)))
            {
                labels.Add(p.Label);
            }

            Assert.Equal(new[] { "2026-02", "2026-03" }, labels);
        }

        private static ProbeBilling Probe(string snapshots, string now)
        {
            string info = "{\"serial\":\"S1\",\"time\":\"" + now + "\"}";
            string config = "{\"history\":{\"billingDay\":15,\"billingHour\":6,\"utcOffsetMinutes\":60},"
                + "\"channels\":[{\"channel\":1,\"customer\":\"\",\"label\":\"\"},{\"channel\":2,\"customer\":\"Acme\",\"label\":\"\"},{\"channel\":3,\"customer\":\"\",\"label\":\"\"},{\"channel\":4,\"customer\":\"Globex\",\"label\":\"PDU 4\"}],"
                + "\"circuits\":[{\"name\":\"A\",\"channels\":[1,2,3],\"customer\":\"\"}]}";
            return ProbeBilling.FromJson("h:1", JsonNode.Parse(info), JsonNode.Parse(config), JsonNode.Parse("{\"snapshots\":[" + snapshots + "]}"));
        }

        private static string Snap(string boundary, double wh)
        {
            var counters = new List<string>();
            for (int c = 1; c <= 4; c++)
            {
                counters.Add("{\"channel\":" + c + ",\"customer\":null,\"importEnergyWh\":" + (wh * c).ToString("F3", System.Globalization.CultureInfo.InvariantCulture)
                    + ",\"exportEnergyWh\":0.000,\"importReactiveVarh\":" + (wh / 10).ToString("F3", System.Globalization.CultureInfo.InvariantCulture) + ",\"exportReactiveVarh\":0.000}");
            }

            return "{\"boundary\":\"" + boundary + "\",\"clockSynchronized\":true,\"counters\":[" + string.Join(",", counters) + "]}";
        }

        [Fact]
        public void ACircuitIsBilledOnceUnderItsChannelsCustomerAndTheEnergyIsTheExactDifference()
        {
            ProbeBilling p = Probe(Snap("2026-10-15T05:00:00.000Z", 1000.001) + "," + Snap("2026-11-15T05:00:00.000Z", 2000.002) + "," + Snap("2026-12-15T05:00:00.000Z", 3500.5), "2027-01-02T00:00:00.000Z");
            List<BillingRow> rows = BillingReport.ByMeter(p, new[] { p.Schedule.Period(2026, 11) });
            Assert.Equal(2, rows.Count);
            Assert.Equal("circuit A", rows[0].Meter);
            Assert.Equal("Acme", rows[0].Customer);
            Assert.Equal("1+2+3", rows[0].Channels);
            Assert.Equal("complete", rows[0].Status);

            // (3500.5 - 2000.002) Wh x (1 + 2 + 3) = 9002.988 Wh
            Assert.Equal("9.002988", BillingReport.Kilo(rows[0].Energy, 0));
            Assert.Equal("channel 4 PDU 4", rows[1].Meter);
            Assert.Equal("Globex", rows[1].Customer);
            Assert.Equal("6.001992", BillingReport.Kilo(rows[1].Energy, 0));
            Assert.Equal("0.000000", BillingReport.Kilo(rows[1].Energy, 1));

            List<BillingRow> byCustomer = BillingReport.ByCustomer(rows);
            Assert.Equal(2, byCustomer.Count);
            Assert.Equal("Acme", byCustomer[0].Customer);
            Assert.Equal("complete", byCustomer[0].Status);
        }

        [Fact]
        public void MissingOpenAndFirstSnapshotPeriodsAreSaidNotGuessed()
        {
            ProbeBilling p = Probe(Snap("2026-11-15T05:00:00.000Z", 10) + "," + Snap("2026-12-15T05:00:00.000Z", 20), "2026-12-20T00:00:00.000Z");
            List<BillingRow> rows = BillingReport.ByMeter(p, new[] { p.Schedule.Period(2026, 10), p.Schedule.Period(2026, 11), p.Schedule.Period(2026, 12) });
            Assert.Equal("missing", rows[0].Status);
            Assert.Null(rows[0].Energy);
            Assert.Equal("partial", rows[2].Status);
            Assert.Equal("0.060000", BillingReport.Kilo(rows[2].Energy, 0));
            Assert.Equal("open", rows[4].Status);
            Assert.Null(rows[4].Energy);
            Assert.Equal("", BillingReport.Kilo(rows[4].Energy, 0));

            // A counter that went back (factory reset) is no energy either.
            ProbeBilling reset = Probe(Snap("2026-10-15T05:00:00.000Z", 5) + "," + Snap("2026-11-15T05:00:00.000Z", 50) + "," + Snap("2026-12-15T05:00:00.000Z", 1), "2026-12-20T00:00:00.000Z");
            List<BillingRow> r = BillingReport.ByMeter(reset, new[] { reset.Schedule.Period(2026, 11) });
            Assert.Equal("missing", r[0].Status);
            Assert.Contains("went back", r[0].Note);

            // Snapshots of an older schedule (the first of the month) under a configured day 15: said so.
            ProbeBilling moved = Probe(Snap("2026-10-01T00:00:00.000Z", 5) + "," + Snap("2026-11-01T00:00:00.000Z", 50), "2026-12-20T00:00:00.000Z");
            List<BillingRow> m = BillingReport.ByMeter(moved, new[] { moved.Schedule.Period(2026, 10) });
            Assert.Equal("missing", m[0].Status);
            Assert.Contains("not all on its configured schedule (e.g. 2026-10-01T00:00:00Z)", m[0].Note);
        }
    }
}
