using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Ipenergy.Probe.Tests.Snmp;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Templates
{
    /// <summary>
    /// tools/templates/nagios against a virtual MPP18 wired like its example: every service of services.cfg
    /// and the host check run with the real check_snmp exactly as Nagios would (macros substituted, /bin/sh -c),
    /// answer OK, and their performance data match the scenario's truth; so do the same checks from the
    /// Centreon import (tools/templates/centreon); every OID they use exists (snmpget).
    /// </summary>
    public class NagiosCommandTests
    {
        private const string Enterprise = ".1.3.6.1.4.1.32473.1.1.";
        private readonly ITestOutputHelper _output;

        public NagiosCommandTests(ITestOutputHelper output)
        {
            _output = output;
        }

        private static List<(string Description, string CheckCommand)> ExampleChecks()
        {
            var checks = new List<(string, string)>();
            foreach (NagiosObjectFile.Definition host in NagiosObjectFile.LoadShipped("templates.cfg").OfType("host"))
            {
                checks.Add(("host " + host["name"], host["check_command"]));
            }

            foreach (NagiosObjectFile.Definition service in NagiosObjectFile.LoadShipped("services.cfg").OfType("service"))
            {
                checks.Add((service["service_description"], service["check_command"]));
            }

            return checks;
        }

        [Fact]
        public void EveryCommandIsUsedByTheExampleAndReadsOurMibOnly()
        {
            Dictionary<string, string> commands = NagiosObjectFile.LoadShipped("commands.cfg").Commands();
            var used = new HashSet<string>(ExampleChecks().Select(c => c.CheckCommand.Split('!')[0]));
            Assert.Equal(commands.Keys.OrderBy(k => k), used.OrderBy(k => k));
            foreach (KeyValuePair<string, string> command in commands)
            {
                Assert.StartsWith("$USER1$/check_snmp -H $HOSTADDRESS$ -p $_HOSTSNMP_PORT$ -P 2c -C '$_HOSTSNMP_COMMUNITY$' ", command.Value);
                foreach (string oid in Oids(command.Value))
                {
                    Assert.StartsWith(Enterprise, oid);
                }
            }
        }

        [Fact]
        public void EveryNagiosAndCentreonExampleCheckIsOkOnAVirtualMpp18WithTheScenarioValuesAsPerfdata()
        {
            NagiosCheck.RequireCheckSnmp();
            Dictionary<string, string> commands = NagiosObjectFile.LoadShipped("commands.cfg").Commands();
            using var probe = new NagiosExampleProbe(null, 1.0);
            Dictionary<string, string> host = probe.HostVariables();
            var oids = new SortedSet<string>(StringComparer.Ordinal);
            List<string> failures = RunAll("nagios", commands, ExampleChecks(), host, oids);

            // The same checks as Centreon runs them from the CLAPI import (its host SNMP macros).
            var centreonHost = new Dictionary<string, string> { ["SNMPCOMMUNITY"] = "public", ["SNMPVERSION"] = "2c", ["SNMPPORT"] = host["SNMP_PORT"] };
            List<(string, string)> centreonChecks = NagiosCentreonClapiTests.HostTemplateChecks();
            Assert.Equal(98, centreonChecks.Count);
            failures.AddRange(RunAll("centreon", NagiosCentreonClapiTests.Commands(), centreonChecks, centreonHost, oids));
            Assert.True(failures.Count == 0, string.Join("\n", failures));

            // Every OID the commands read exists on the agent (GET, numeric, no MIB file).
            foreach (string[] batch in oids.Chunk(10))
            {
                NetSnmpTool.Result r = NetSnmpTool.Run("snmpget", new[] { "-m", "", "-v2c", "-c", "public", "-On", "-t", "2", "-r", "1", "127.0.0.1:" + probe.Probe.SnmpPort }.Concat(batch).ToArray());
                Assert.True(r.ExitCode == 0, r.All);
                Assert.Equal(batch.Length, NetSnmpTool.Lines(r.Output).Length);
                Assert.DoesNotContain("No Such", r.Output);
            }

            _output.WriteLine(oids.Count + " OIDs present on the agent");

            // A circuit the probe does not have is UNKNOWN, not OK: the checks read what they name.
            NagiosCheck absent = NagiosCheck.Run(NagiosCheck.Expand(commands, "check_eprobe_circuit_load!7!80!90", "127.0.0.1", host));
            Assert.True(absent.ExitCode == 3 && absent.Output.Contains("No Such Instance", StringComparison.Ordinal), absent.ToString());
        }

        /// <summary>Runs each check as the platform would (four at a time); returns what failed (not OK, or values off the scenario).</summary>
        private List<string> RunAll(string platform, Dictionary<string, string> commands, List<(string Description, string CheckCommand)> checks, Dictionary<string, string> host, SortedSet<string> oids)
        {
            string[] lines = checks.Select(c => NagiosCheck.Expand(commands, c.CheckCommand, "127.0.0.1", host)).ToArray();
            var results = new NagiosCheck[lines.Length];
            Parallel.For(0, lines.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = NagiosCheck.Run(lines[i]));
            var failures = new List<string>();
            for (int i = 0; i < checks.Count; i++)
            {
                (string description, string checkCommand) = checks[i];
                NagiosCheck check = results[i];
                oids.UnionWith(Oids(lines[i]));
                _output.WriteLine(platform + " " + description + ": " + check.Output);
                if (check.ExitCode != 0 || !check.Text.StartsWith("SNMP OK - ", StringComparison.Ordinal))
                {
                    failures.Add(platform + " " + description + ": " + check);
                    continue;
                }

                string problem = CheckValues(checkCommand.Split('!'), check);
                if (problem != null)
                {
                    failures.Add(platform + " " + description + ": " + problem + " in " + check);
                }
            }

            return failures;
        }

        private static IEnumerable<string> Oids(string commandLine)
        {
            Match m = Regex.Match(commandLine, @" -o (\S+)");
            Assert.True(m.Success, "no -o in " + commandLine);
            return m.Groups[1].Value.Split(',');
        }

        /// <summary>null when the performance data match the example probe, else what is wrong.</summary>
        private static string CheckValues(string[] command, NagiosCheck check)
        {
            int index = command.Length > 1 && int.TryParse(command[1], out int n) ? n : 0;
            double cos = Math.Cos(NagiosExampleProbe.AngleDeg * Math.PI / 180.0);
            double sin = Math.Sin(-NagiosExampleProbe.AngleDeg * Math.PI / 180.0);
            switch (command[0])
            {
                case "check_eprobe_host":
                    return check.Text.Contains("MPP18", StringComparison.Ordinal) ? null : "no MPP18";
                case "check_eprobe_phase_voltage":
                    return Near(check.Value("L" + index + " voltage"), NagiosExampleProbe.Volts, 1.0, "voltage");
                case "check_eprobe_frequency":
                    return Near(check.Value("frequency"), 5000, 5, "frequency (cHz)");
                case "check_eprobe_unbalance":
                    return Near(check.Value("voltage unbalance"), 0, 1, "voltage unbalance");
                case "check_eprobe_circuit_load":
                    return Near(check.Value("circuit " + index + " load"), NagiosExampleProbe.CircuitLoadPercent(index), 1.5, "circuit load");
                case "check_eprobe_circuit_unbalance":
                    return Near(check.Value("circuit " + index + " current unbalance"), 5.0, 1.5, "current unbalance");
                case "check_eprobe_circuit_power":
                {
                    double amps = Enumerable.Range(3 * index - 2, 3).Sum(NagiosExampleProbe.ChannelAmps);
                    return PowersNear(check, NagiosExampleProbe.Volts * amps, cos, sin);
                }

                case "check_eprobe_channel_load":
                    return Near(check.Value("channel " + index + " load"), NagiosExampleProbe.ChannelAmps(index) / NagiosExampleProbe.CtRatedA * 100.0, 1.5, "channel load");
                case "check_eprobe_channel_current":
                    return Near(check.Value("channel " + index + " current"), NagiosExampleProbe.ChannelAmps(index), 1.0, "channel current");
                case "check_eprobe_power":
                    return PowersNear(check, NagiosExampleProbe.Volts * NagiosExampleProbe.ChannelAmps(index), cos, sin);
                case "check_eprobe_channel_energy":
                    return check.Value("import") >= 0 && check.Value("export") == 0 ? null : "energy import < 0 or export != 0";
                case "check_eprobe_active_alarms":
                    return check.Value("warning alarms") == 0 && check.Value("critical alarms") == 0 ? null : "active alarms";
                case "check_eprobe_measurement_age":
                    return Near(check.Value("measurement age"), 0, 2, "measurement age");
                default:
                    return "no expectation for " + command[0];
            }
        }

        private static string PowersNear(NagiosCheck check, double apparent, double cos, double sin)
        {
            return Near(check.Value("P"), apparent * cos, 0.02 * apparent, "P")
                ?? Near(check.Value("Q"), apparent * sin, 0.03 * apparent, "Q")
                ?? Near(check.Value("S"), apparent, 0.02 * apparent, "S");
        }

        private static string Near(double actual, double expected, double tolerance, string what)
        {
            return Math.Abs(actual - expected) <= tolerance ? null : what + " " + actual + ", expected " + expected.ToString("0.###") + " +/- " + tolerance.ToString("0.###");
        }
    }
}
