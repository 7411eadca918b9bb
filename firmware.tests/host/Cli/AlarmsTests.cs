using System;
using System.Text.Json;
using Xunit;

namespace Ipenergy.Probe.Tests.Cli
{
    /// <summary>
    /// eprobe alarms on real virtual e-Probes: the scenario probe's event (simulated second 40, time-scale 10)
    /// raises an overCurrent critical on channel 1 and a warning on channel 2; the CLI lists exactly the probe's
    /// own active alarms in table, JSON and CSV, shows the journal, acknowledges one with a login, and --fail-on
    /// turns an active alarm into exit 5.
    /// </summary>
    [Collection(ReadProbesCollection.Name)]
    public sealed class AlarmsTests
    {
        private readonly ReadProbes _probes;

        public AlarmsTests(ReadProbes probes)
        {
            _probes = probes;
        }

        [Fact]
        public void TheScenarioEventsAlarmsAreListedAsTheProbeHasThem()
        {
            _probes.WaitForAlarm("critical");
            _probes.WaitForAlarm("warning");
            string scn = _probes.Addresses[2];
            CliResult json = EprobeCli.Run("alarms", "-p", _probes.Addresses[0], "-p", scn, "--json");
            Assert.True(json.ExitCode == 0, "alarms present are not an error: " + json);
            JsonElement own = ReadProbes.Get(_probes.Alarmed, "/api/v1/alarms?log=0");
            JsonElement probes = JsonDocument.Parse(json.Output).RootElement;
            Assert.Equal(2, probes.GetArrayLength());
            JsonElement cli = probes[1];
            Assert.Equal(scn, cli.GetProperty("probe").GetString());
            Assert.Equal(own.GetProperty("critical").GetInt32(), cli.GetProperty("critical").GetInt32());
            Assert.Equal(own.GetProperty("warning").GetInt32(), cli.GetProperty("warning").GetInt32());
            JsonElement active = cli.GetProperty("active");
            Assert.Equal(own.GetProperty("active").GetArrayLength(), active.GetArrayLength());
            JsonElement critical = Find(active, "critical");
            Assert.Equal("channel", critical.GetProperty("source").GetString());
            Assert.Equal(1, critical.GetProperty("index").GetInt32());
            Assert.Equal("overCurrent", critical.GetProperty("condition").GetString());
            Assert.InRange(critical.GetProperty("value").GetDouble(), 120, 130); // 125 A on a 100 A CT, from the event
            Assert.Equal(120, critical.GetProperty("threshold").GetDouble());
            Assert.Equal("%", critical.GetProperty("unit").GetString());
            JsonElement warning = Find(active, "warning");
            Assert.Equal(2, warning.GetProperty("index").GetInt32());
            Assert.False(cli.TryGetProperty("log", out _));

            CliResult table = EprobeCli.Run("alarms", "-p", scn);
            Assert.Equal(0, table.ExitCode);
            string[] lines = table.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("PROBE", lines[0]);
            string row = Array.Find(lines, l => l.Contains("critical", StringComparison.Ordinal));
            Assert.NotNull(row);
            Assert.Contains("channel 1", row);
            Assert.Contains("overCurrent", row);
            Assert.Contains("120.00 %", row);
            Assert.Contains("critical, ", table.Error);

            CliResult csv = EprobeCli.Run("alarms", "-p", scn, "--format", "csv");
            Assert.Equal(0, csv.ExitCode);
            string[] rows = csv.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("probe,id,level,source,index,name,condition,value,threshold,unit,raisedAt,changedAt,latching,acknowledged,ackUser,ackAt", rows[0]);
            Assert.Equal(1 + active.GetArrayLength(), rows.Length);
            Assert.Contains(rows, r => r.StartsWith(scn + "," + critical.GetProperty("id").GetInt32() + ",critical,channel,1,", StringComparison.Ordinal));
        }

        [Fact]
        public void FailOnGivesFiveOnlyWhenSuchAnAlarmIsActive()
        {
            _probes.WaitForAlarm("critical");
            CliResult critical = EprobeCli.Run("alarms", "-p", _probes.Addresses[0], "-p", _probes.Addresses[2], "--fail-on", "critical");
            Assert.True(critical.ExitCode == 5, critical.ToString());
            CliResult warning = EprobeCli.Run("alarms", "-p", _probes.Addresses[2], "--fail-on", "warning", "--json");
            Assert.True(warning.ExitCode == 5, warning.ToString());

            // The MPP18 of the built-in room runs within every default threshold.
            JsonElement own = ReadProbes.Get(_probes.Mpp18, "/api/v1/alarms?log=0");
            Assert.Equal(0, own.GetProperty("active").GetArrayLength());
            CliResult quiet = EprobeCli.Run("alarms", "-p", _probes.Addresses[0], "--fail-on", "warning");
            Assert.True(quiet.ExitCode == 0, quiet.ToString());
            Assert.Contains("0 active alarms", quiet.Error);
        }

        [Fact]
        public void JournalShowsTheRaisedEvents()
        {
            _probes.WaitForAlarm("critical");
            CliResult json = EprobeCli.Run("alarms", "-p", _probes.Addresses[2], "--journal", "--journal-records", "50", "--json");
            Assert.True(json.ExitCode == 0, json.ToString());
            JsonElement log = JsonDocument.Parse(json.Output).RootElement[0].GetProperty("log");
            bool raised = false;
            foreach (JsonElement record in log.EnumerateArray())
            {
                raised |= record.GetProperty("event").GetString() == "raised" && record.GetProperty("condition").GetString() == "overCurrent"
                    && record.GetProperty("level").GetString() == "critical" && record.GetProperty("index").GetInt32() == 1;
            }

            Assert.True(raised, "no raised overCurrent critical of channel 1 in the journal: " + log);

            CliResult table = EprobeCli.Run("alarms", "-p", _probes.Addresses[2], "--journal");
            Assert.Contains("Journal (newest first):", table.Output);
            Assert.Contains("normal -> critical", table.Output);
        }

        [Fact]
        public void AckNeedsALoginAndThenAcknowledgesTheAlarm()
        {
            _probes.WaitForAlarm("warning");
            JsonElement own = ReadProbes.Get(_probes.Alarmed, "/api/v1/alarms?log=0");
            string id = Find(own.GetProperty("active"), "warning").GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
            string scn = _probes.Addresses[2];

            CliResult anonymous = EprobeCli.Run("alarms", "-p", scn, "--ack", id);
            Assert.True(anonymous.ExitCode == 4, anonymous.ToString());
            Assert.Contains("eprobe: " + scn + ": HTTP 401", anonymous.Error);

            CliResult ack = EprobeCli.Run("alarms", "-p", scn, "--ack", id, "--user", "admin", "--password", "admin", "--json");
            Assert.True(ack.ExitCode == 0, ack.ToString());
            JsonElement acked = JsonDocument.Parse(ack.Output).RootElement[0].GetProperty("active")[0];
            Assert.True(acked.GetProperty("acknowledged").GetBoolean());
            Assert.Equal("admin", acked.GetProperty("ackUser").GetString());
            Assert.True(Find(ReadProbes.Get(_probes.Alarmed, "/api/v1/alarms?log=0").GetProperty("active"), "warning").GetProperty("acknowledged").GetBoolean());

            CliResult again = EprobeCli.Run("alarms", "-p", scn, "--ack", id, "--user", "admin", "--password", "admin");
            Assert.True(again.ExitCode == 4, again.ToString());
            Assert.Contains("HTTP 409: alarm " + id + " was already acknowledged by admin", again.Error);

            CliResult missing = EprobeCli.Run("alarms", "-p", scn, "--ack", "999999", "--user", "admin", "--password", "admin");
            Assert.Equal(4, missing.ExitCode);
            Assert.Contains("HTTP 404: no active alarm 999999", missing.Error);
        }

        private static JsonElement Find(JsonElement active, string level)
        {
            foreach (JsonElement a in active.EnumerateArray())
            {
                if (a.GetProperty("level").GetString() == level)
                {
                    return a;
                }
            }

            throw new Xunit.Sdk.XunitException("no " + level + " alarm in " + active);
        }
    }
}
