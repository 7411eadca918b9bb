using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Templates
{
    /// <summary>
    /// tools/templates/icinga/eprobe.conf in a real Icinga 2: it validates (icinga2 daemon -C) and its apply rules
    /// give an MPP18 host with six circuits the same 97 services as the Nagios example; and a running Icinga 2
    /// (intervals scaled from minutes to seconds) shows all of them OK on a virtual MPP18, then circuit 1 load
    /// CRITICAL and L2 voltage WARNING after a scenario event (status.dat of its StatusDataWriter).
    /// </summary>
    public class IcingaTemplateTests
    {
        private const double TimeScale = 3.0;
        private const int EventAtS = 75;
        private readonly ITestOutputHelper _output;

        public IcingaTemplateTests(ITestOutputHelper output)
        {
            _output = output;
        }

        private static string Mpp18Host(int snmpPort)
        {
            return "object Host \"virtual-mpp18\" {\n  check_command = \"eprobe-host\"\n  address = \"127.0.0.1\"\n  vars.eprobe = true\n"
                + "  vars.eprobe_snmp_port = " + snmpPort + "\n  vars.eprobe_channels = 18\n"
                + "  vars.eprobe_circuits = { \"R01\" = 1, \"R02\" = 2, \"R03\" = 3, \"R04\" = 4, \"R05\" = 5, \"R06\" = 6 }\n}\n";
        }

        [Fact]
        public void TheShippedConfValidatesAndGivesAnMpp18WithSixCircuits97Services()
        {
            using var icinga = new IcingaDaemon("include \"" + IcingaDaemon.ShippedConf + "\"\n\n" + Mpp18Host(161));
            PeerProcess.Result r = icinga.Validate();
            _output.WriteLine(r.Stdout);
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.Contains("Instantiated 97 Services.", r.Stdout);
            Assert.Contains("Instantiated 13 CheckCommands.", r.Stdout);
            Assert.Contains("Finished validating the configuration file(s).", r.Stdout);
            Assert.DoesNotContain("warning/", r.Stdout);
            Assert.DoesNotContain("critical/", r.Stdout);
        }

        [Fact]
        public void IcingaRunsTheShippedServicesOkThenCriticalOnAVirtualMpp18()
        {
            // Minutes become seconds (as interval_length=1 does for Nagios): checks every 4 s, graphs every 8 s.
            string shipped = File.ReadAllText(IcingaDaemon.ShippedConf);
            string fast = shipped.Replace("check_interval = 1m", "check_interval = 4s").Replace("retry_interval = 1m", "retry_interval = 4s").Replace("check_interval = 5m", "check_interval = 8s");
            Assert.Equal(3, CountOf(shipped, " = 1m") + CountOf(shipped, " = 5m"));
            Assert.Equal(0, CountOf(fast, " = 1m") + CountOf(fast, " = 5m"));

            string events = "{\"atS\":" + EventAtS + ",\"channel\":1,\"irms\":60.0},{\"atS\":" + EventAtS + ",\"phase\":\"L2\",\"vrms\":200.0}";
            NagiosCheck.RequireCheckSnmp();
            using var probe = new NagiosExampleProbe(events, TimeScale);
            DateTime probeStarted = DateTime.UtcNow;
            using var icinga = new IcingaDaemon(fast + "\n" + Mpp18Host(probe.Probe.SnmpPort)
                + "\nobject CheckerComponent \"checker\" { }\n");
            File.AppendAllText(icinga.MainConfig, "object StatusDataWriter \"status\" {\n  status_path = \"" + icinga.StatusFile + "\"\n  objects_path = \""
                + Path.Combine(icinga.Directory, "objects.cache") + "\"\n  update_interval = 1s\n}\n");
            PeerProcess.Result valid = icinga.Validate();
            Assert.True(valid.ExitCode == 0, valid.ToString());
            icinga.Start();

            // Every one of the 97 services checked and OK at the same time, before the event.
            Dictionary<string, Dictionary<string, string>> status = WaitFor(icinga, s => s.Count == 97 && s.Values.All(v => V(v, "has_been_checked") == "1" && V(v, "current_state") == "0"), "all 97 services OK", true);
            foreach (string d in new[] { "Phase L1", "Phase L2", "Frequency", "Circuit load R01", "Channel current 1", "Channel energy 1", "Active alarms" })
            {
                _output.WriteLine("OK   " + d + ": " + V(status[d], "plugin_output"));
            }

            _output.WriteLine("all OK " + (DateTime.UtcNow - probeStarted).TotalSeconds.ToString("0.0") + " s after the probe started (event at " + (EventAtS / TimeScale).ToString("0.0") + " s)");

            // The event: circuit 1 at 95 % of its breaker (critical 90), L2 at 200 V (warning under 207 V).
            // (Waits for the settled values: a check in the second of the step reads a one-second RMS over both values.)
            status = WaitFor(icinga, s => State(s, "Circuit load R01") == 2 && State(s, "Phase L2") == 1
                && V(s["Circuit load R01"], "plugin_output").Contains("*95*", StringComparison.Ordinal)
                && V(s["Phase L2"], "plugin_output").Contains("*200*", StringComparison.Ordinal), "circuit 1 CRITICAL at 95 % and L2 WARNING at 200 V", false);
            _output.WriteLine("CRIT Circuit load R01: " + V(status["Circuit load R01"], "plugin_output"));
            _output.WriteLine("WARN Phase L2: " + V(status["Phase L2"], "plugin_output"));
            Assert.StartsWith("SNMP CRITICAL - circuit 1 load *95* %", V(status["Circuit load R01"], "plugin_output"));
            Assert.StartsWith("SNMP WARNING - L2 voltage *200* V", V(status["Phase L2"], "plugin_output"));
            foreach (string d in new[] { "Phase L1", "Phase L3", "Circuit load R02", "Channel load 1" })
            {
                Assert.True(State(status, d) == 0, d + ": " + V(status[d], "plugin_output"));
            }
        }

        /// <summary>A field of a status.dat block ("" while Icinga has not written it, e.g. before the first check).</summary>
        private static string V(Dictionary<string, string> block, string key)
        {
            return block.TryGetValue(key, out string value) ? value : string.Empty;
        }

        private static int CountOf(string text, string part)
        {
            int count = 0;
            for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
            {
                count++;
            }

            return count;
        }

        private static int State(Dictionary<string, Dictionary<string, string>> status, string description)
        {
            return status.ContainsKey(description) && V(status[description], "has_been_checked") == "1" ? int.Parse(V(status[description], "current_state")) : 0;
        }

        private static Dictionary<string, Dictionary<string, string>> WaitFor(IcingaDaemon icinga, Func<Dictionary<string, Dictionary<string, string>>, bool> condition, string what, bool failOnProblem)
        {
            DateTime deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                Assert.False(icinga.HasExited, "icinga2 exited");
                var status = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
                foreach (Dictionary<string, string> s in NagiosDaemon.ReadServiceStatus(icinga.StatusFile))
                {
                    status[s["service_description"]] = s;
                }

                if (condition(status))
                {
                    return status;
                }

                if (failOnProblem)
                {
                    string bad = string.Join("; ", status.Values.Where(s => V(s, "has_been_checked") == "1" && V(s, "current_state") != "0").Select(s => s["service_description"] + ": " + V(s, "plugin_output")));
                    Assert.True(bad.Length == 0, "before " + what + ": " + bad);
                }

                Assert.True(DateTime.UtcNow < deadline, "no " + what + " in 60 s: " + status.Count + " services; "
                    + string.Join("; ", status.Values.Where(s => V(s, "current_state") != "0" || V(s, "has_been_checked") != "1").Select(s => s["service_description"] + " " + V(s, "has_been_checked") + "/" + V(s, "current_state") + " " + V(s, "plugin_output"))));
                Thread.Sleep(200);
            }
        }
    }
}
