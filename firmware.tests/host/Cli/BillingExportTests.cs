using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using Ipenergy.Probe.Tests.EndToEnd;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Cli
{
    /// <summary>
    /// A virtual MPP3 whose clock starts 60 s before the 1 December 2026 00:00 UTC billing boundary (billing day 1,
    /// hour 0, offset 0: the defaults) and runs 10 times faster: its first start takes the November snapshot at
    /// once, and the December one comes a few seconds later. Customers and a circuit are pushed with eprobe.
    /// </summary>
    public sealed class BillingProbeFixture : IDisposable
    {
        public BillingProbeFixture()
        {
            Probe = new VirtualProbe("--model", "MPP3", "--clock-start", "2026-11-30T23:59:00Z", "--time-scale", "10");
            Address = new Uri(Probe.HttpUrl).Authority;
            string file = Path.Combine(Path.GetTempPath(), "eprobe-billing-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(file, "{\"channels\":[{\"customer\":\"\"},{\"customer\":\"Acme\"},{\"customer\":\"Globex\",\"label\":\"PDU 3\"}],"
                + "\"circuits\":[{\"name\":\"A\",\"channels\":[1],\"breakerRatedA\":32,\"role\":\"it-load\",\"customer\":\"Acme\"}]}");
            try
            {
                PushResult = EprobeCli.Run("push", file, "-p", Address, "--user", "admin", "--password", "admin");
            }
            finally
            {
                File.Delete(file);
            }

            // Wait (bounded) for the snapshot at the December boundary.
            DateTime deadline = DateTime.UtcNow.AddSeconds(40);
            while (true)
            {
                var (status, body) = VirtualProbe.Curl(Probe.HttpUrl + "/api/v1/billing");
                if (status == 200 && JsonNode.Parse(body)["snapshots"].AsArray().Count >= 2)
                {
                    Billing = JsonNode.Parse(body);
                    break;
                }

                if (DateTime.UtcNow > deadline)
                {
                    Probe.Dispose();
                    throw new TimeoutException("no December billing snapshot within 40 s: " + body);
                }

                Thread.Sleep(250);
            }
        }

        public VirtualProbe Probe { get; }

        public string Address { get; }

        public CliResult PushResult { get; }

        /// <summary>The probe's own GET /api/v1/billing once both snapshots were there.</summary>
        public JsonNode Billing { get; }

        public void Dispose()
        {
            Probe.Dispose();
        }
    }

    /// <summary>eprobe billing export against a probe that really crossed a billing boundary.</summary>
    public sealed class BillingExportTests : IClassFixture<BillingProbeFixture>
    {
        private readonly BillingProbeFixture _probe;
        private readonly ITestOutputHelper _log;

        public BillingExportTests(BillingProbeFixture probe, ITestOutputHelper log)
        {
            _probe = probe;
            _log = log;
        }

        // (end - start) of one counter of one channel, in Wh, from the probe's own snapshots.
        private decimal Delta(int channel, string counter)
        {
            JsonArray snaps = _probe.Billing["snapshots"].AsArray();
            Assert.Equal("2026-11-01T00:00:00.000Z", snaps[0]["boundary"].GetValue<string>());
            Assert.Equal("2026-12-01T00:00:00.000Z", snaps[1]["boundary"].GetValue<string>());
            decimal start = decimal.Parse(snaps[0]["counters"][channel - 1][counter].ToJsonString(), CultureInfo.InvariantCulture);
            decimal end = decimal.Parse(snaps[1]["counters"][channel - 1][counter].ToJsonString(), CultureInfo.InvariantCulture);
            return end - start;
        }

        private static List<string[]> Csv(string text)
        {
            var rows = new List<string[]>();
            foreach (string line in text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
            {
                // No field of these rows holds a comma inside quotes except the note, which is last.
                rows.Add(line.Split(','));
            }

            return rows;
        }

        [Fact]
        public void EachMetersEnergyIsTheDifferenceOfTheProbesSnapshotsUnderThePushedCustomers()
        {
            Assert.True(_probe.PushResult.ExitCode == 0, _probe.PushResult.ToString());
            CliResult export = EprobeCli.Run("billing", "export", "--period", "2026-11", "-p", _probe.Address);
            _log.WriteLine("$ eprobe billing export --period 2026-11 -p " + _probe.Address + "\n" + export.Output + export.Error);
            Assert.True(export.ExitCode == 0, export.ToString());
            List<string[]> rows = Csv(export.Output);
            Assert.Equal("period,period_start,period_end,customer,probe,serial,meter,channels,import_kWh,export_kWh,import_kvarh,export_kvarh,status,note", string.Join(",", rows[0]));
            Assert.Equal(4, rows.Count);

            var expected = new[]
            {
                new { Meter = "circuit A", Customer = "Acme", Channel = 1 },
                new { Meter = "channel 2", Customer = "Acme", Channel = 2 },
                new { Meter = "channel 3 PDU 3", Customer = "Globex", Channel = 3 },
            };
            for (int i = 0; i < expected.Length; i++)
            {
                string[] row = rows[i + 1];
                Assert.Equal("2026-11", row[0]);
                Assert.Equal("2026-11-01T00:00:00Z", row[1]);
                Assert.Equal("2026-12-01T00:00:00Z", row[2]);
                Assert.Equal(expected[i].Customer, row[3]);
                Assert.Equal(_probe.Address, row[4]);
                Assert.StartsWith("VP3-", row[5]);
                Assert.Equal(expected[i].Meter, row[6]);
                Assert.Equal(expected[i].Channel.ToString(CultureInfo.InvariantCulture), row[7]);
                Assert.Equal(Delta(expected[i].Channel, "importEnergyWh") / 1000m, decimal.Parse(row[8], CultureInfo.InvariantCulture));
                Assert.Equal(Delta(expected[i].Channel, "exportEnergyWh") / 1000m, decimal.Parse(row[9], CultureInfo.InvariantCulture));
                Assert.Equal(Delta(expected[i].Channel, "importReactiveVarh") / 1000m, decimal.Parse(row[10], CultureInfo.InvariantCulture));
                Assert.Equal(Delta(expected[i].Channel, "exportReactiveVarh") / 1000m, decimal.Parse(row[11], CultureInfo.InvariantCulture));
                Assert.True(Delta(expected[i].Channel, "importEnergyWh") > 0m, "the scenario's loads import energy");

                // The November snapshot is the probe's first (taken at its first start, mid-period): said, not hidden,
                // with the time the probe says it took it.
                Assert.Equal("partial", row[12]);
                Assert.StartsWith("metered from 2026-11-", row[13]);
            }
        }

        [Fact]
        public void ByCustomerSumsTheMetersAndARunningPeriodIsOpen()
        {
            CliResult export = EprobeCli.Run("billing", "export", "--period", "2026-11", "--by", "customer", "-p", _probe.Address, "--json");
            _log.WriteLine(export.Output + export.Error);
            Assert.True(export.ExitCode == 0, export.ToString());
            JsonArray rows = JsonNode.Parse(export.Output).AsArray();
            Assert.Equal(2, rows.Count);
            Assert.Equal("Acme", rows[0]["customer"].GetValue<string>());
            Assert.Equal((Delta(1, "importEnergyWh") + Delta(2, "importEnergyWh")) / 1000m, rows[0]["import_kWh"].GetValue<decimal>());
            Assert.Equal("Globex", rows[1]["customer"].GetValue<string>());
            Assert.Equal(Delta(3, "importEnergyWh") / 1000m, rows[1]["import_kWh"].GetValue<decimal>());
            Assert.Equal("1", rows[1]["probe"].GetValue<string>());

            CliResult december = EprobeCli.Run("billing", "export", "--period", "2026-12", "-p", _probe.Address, "--format", "table");
            _log.WriteLine(december.Output);
            Assert.True(december.ExitCode == 0, december.ToString());
            Assert.Contains("open", december.Output);
            Assert.DoesNotContain("complete", december.Output);

            CliResult range = EprobeCli.Run("billing", "export", "--from", "2026-10-01", "--to", "2027-01-01", "-p", _probe.Address);
            Assert.True(range.ExitCode == 0, range.ToString());
            List<string[]> lines = Csv(range.Output);
            Assert.Equal(1 + 3 * 3, lines.Count);
            Assert.Equal("missing", lines[1][12]);
            Assert.Equal("", lines[1][8]);
        }

        [Fact]
        public void APeriodBetweenTwoRealBoundariesIsCompleteAcrossARestart()
        {
            // Install on 30 November (first snapshot: November, partial), cross 1 December, let the probe save
            // its counters (every 60 s of device time from its start: 00:00:30), power off (killed, no shutdown save); power on again on 31 December and cross 1 January:
            // December is a whole period between two boundary snapshots.
            string dataDir = Directory.CreateTempSubdirectory("eprobe-billing-restart-").FullName;
            try
            {
                string address;
                using (var first = new VirtualProbe("--model", "MPP3", "--data-dir", dataDir, "--clock-start", "2026-11-30T23:59:30Z", "--time-scale", "10"))
                {
                    address = new Uri(first.HttpUrl).Authority;
                    CliResult set = EprobeCli.Run("config", "set", "channels[1].customer=Initech", "-p", address, "--user", "admin", "--password", "admin");
                    Assert.True(set.ExitCode == 0, set.ToString());
                    WaitForSnapshots(first, 2);

                    // Past 1 December 00:00:30: the periodic counter save after the snapshot.
                    WaitForClock(first, new DateTime(2026, 12, 1, 0, 0, 45, DateTimeKind.Utc));
                }

                using (var second = new VirtualProbe("--model", "MPP3", "--data-dir", dataDir, "--clock-start", "2026-12-31T23:59:50Z", "--time-scale", "10"))
                {
                    address = new Uri(second.HttpUrl).Authority;
                    JsonNode billing = WaitForSnapshots(second, 3);
                    Assert.Equal("2027-01-01T00:00:00.000Z", billing["snapshots"][2]["boundary"].GetValue<string>());

                    CliResult export = EprobeCli.Run("billing", "export", "--from", "2026-11", "--to", "2027-01", "-p", address);
                    _log.WriteLine("$ eprobe billing export --from 2026-11 --to 2027-01 -p " + address + "\n" + export.Output + export.Error);
                    Assert.True(export.ExitCode == 0, export.ToString());
                    List<string[]> rows = Csv(export.Output);
                    Assert.Equal(1 + 2 * 3, rows.Count);
                    Assert.Equal("2026-11", rows[1][0]);
                    Assert.Equal("partial", rows[1][12]);
                    for (int i = 4; i <= 6; i++)
                    {
                        Assert.Equal("2026-12", rows[i][0]);
                        Assert.Equal("complete", rows[i][12]);
                        int channel = i - 3;
                        decimal start = decimal.Parse(billing["snapshots"][1]["counters"][channel - 1]["importEnergyWh"].ToJsonString(), CultureInfo.InvariantCulture);
                        decimal end = decimal.Parse(billing["snapshots"][2]["counters"][channel - 1]["importEnergyWh"].ToJsonString(), CultureInfo.InvariantCulture);
                        Assert.True(end > start, "energy metered in December on channel " + channel);
                        Assert.Equal((end - start) / 1000m, decimal.Parse(rows[i][8], CultureInfo.InvariantCulture));
                    }

                    Assert.Equal("Initech", rows[5][3]);
                }
            }
            finally
            {
                Directory.Delete(dataDir, true);
            }
        }

        private static JsonNode WaitForSnapshots(VirtualProbe probe, int count)
        {
            DateTime deadline = DateTime.UtcNow.AddSeconds(40);
            while (true)
            {
                var (status, body) = VirtualProbe.Curl(probe.HttpUrl + "/api/v1/billing");
                if (status == 200 && JsonNode.Parse(body)["snapshots"].AsArray().Count >= count)
                {
                    return JsonNode.Parse(body);
                }

                Assert.True(DateTime.UtcNow < deadline, "fewer than " + count + " billing snapshots after 40 s: " + body);
                Thread.Sleep(250);
            }
        }

        private static void WaitForClock(VirtualProbe probe, DateTime utc)
        {
            DateTime deadline = DateTime.UtcNow.AddSeconds(40);
            while (true)
            {
                var (status, body) = VirtualProbe.Curl(probe.HttpUrl + "/api/v1/info");
                if (status == 200 && ProbeTime(body) >= utc)
                {
                    return;
                }

                Assert.True(DateTime.UtcNow < deadline, "the probe's clock did not reach " + utc.ToString("o") + ": " + body);
                Thread.Sleep(250);
            }
        }

        private static DateTime ProbeTime(string info)
        {
            return Ipenergy.Probe.Cli.ProbeBilling.ParseTime(JsonNode.Parse(info)["time"].GetValue<string>());
        }

        [Fact]
        public void BadPeriodsAndUnreachableProbesAreReported()
        {
            Assert.Equal(2, EprobeCli.Run("billing", "export", "-p", _probe.Address).ExitCode);
            Assert.Equal(2, EprobeCli.Run("billing", "export", "--period", "2026-13", "-p", _probe.Address).ExitCode);
            Assert.Equal(2, EprobeCli.Run("billing", "export", "--period", "2026-11", "--from", "2026-01", "--to", "2026-02", "-p", _probe.Address).ExitCode);
            Assert.Equal(2, EprobeCli.Run("billing", "export", "--from", "2026-05", "--to", "2026-02", "-p", _probe.Address).ExitCode);
            Assert.Equal(2, EprobeCli.Run("billing", "export", "--period", "2026-11", "--by", "rack", "-p", _probe.Address).ExitCode);

            string closed = ConfigFleetFixture.ClosedAddress();
            CliResult mixed = EprobeCli.Run("billing", "export", "--period", "2026-11", "-p", _probe.Address + "," + closed);
            Assert.True(mixed.ExitCode == 1, mixed.ToString());
            Assert.Contains("eprobe: " + closed + ": unreachable", mixed.Error);
            Assert.Equal(4, Csv(mixed.Output).Count);
        }
    }
}
