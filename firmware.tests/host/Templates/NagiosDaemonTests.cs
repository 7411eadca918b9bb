using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Templates
{
    /// <summary>
    /// The shipped Nagios templates in a real nagios4: the whole example passes the pre-flight check
    /// (nagios4 -v, 0 warnings, 0 errors); and Nagios running the shipped service definitions against a
    /// virtual MPP18 shows every service OK, then, as scenario events load circuit 1 past 80 % and 90 % of
    /// its breaker and drop L2 to 200 V and then 0 V, those services WARNING then CRITICAL in status.dat
    /// (settling at 95 % and 0 V), while the untouched ones stay OK.
    /// </summary>
    public class NagiosDaemonTests
    {
        private const double TimeScale = 3.0;
        private const int WarningAtS = 45;
        private const int CriticalAtS = 66;

        /// <summary>The shipped services the run uses (verbatim blocks of services.cfg), and whether the events touch them.</summary>
        private static readonly string[] Untouched = { "Frequency", "Phase L1 voltage", "Phase L3 voltage", "Circuit 2 load", "Channel 1 current", "Circuit 1 power" };
        private static readonly string[] Touched = { "Circuit 1 load", "Phase L2 voltage", "Active alarms" };

        private readonly ITestOutputHelper _output;

        public NagiosDaemonTests(ITestOutputHelper output)
        {
            _output = output;
        }

        private static string Shipped(string file)
        {
            return Path.Combine(NagiosObjectFile.ShippedDirectory, file);
        }

        [Fact]
        public void TheShippedExamplePassesTheNagiosPreflightCheck()
        {
            using var nagios = new NagiosDaemon(Shipped("commands.cfg"), Shipped("templates.cfg"), Shipped("services.cfg"), Shipped("hosts.cfg"));
            string report = nagios.Verify();
            Assert.Contains("Checked 97 services.", report);
            Assert.Contains("Checked 1 hosts.", report);
            Assert.Contains("Checked 14 commands.", report);
        }

        [Fact]
        public void NagiosShowsTheShippedServicesOkThenWarningThenCriticalAsTheScenarioCrossesThresholds()
        {
            // Circuit 1 (channels 1-3, 63 A breaker) carries 31.5 A = 50 %: channel 1 goes to 54 A (86 %, over the
            // 80 % warning) and then 60 A (95 %, over 90 %); L2 goes to 200 V (under 207) and then to 0 V.
            string events = "{\"atS\":" + WarningAtS + ",\"channel\":1,\"irms\":54.0},{\"atS\":" + WarningAtS + ",\"phase\":\"L2\",\"vrms\":200.0},"
                + "{\"atS\":" + CriticalAtS + ",\"channel\":1,\"irms\":60.0},{\"atS\":" + CriticalAtS + ",\"phase\":\"L2\",\"vrms\":0}";
            NagiosCheck.RequireCheckSnmp();
            using var probe = new NagiosExampleProbe(events, TimeScale);
            DateTime probeStarted = DateTime.UtcNow;
            using var nagios = new NagiosDaemon();
            WriteRunObjects(nagios, probe);
            nagios.Verify();
            nagios.Start();

            // 1. Every service checked and OK at the same time, before the first event.
            Dictionary<string, Dictionary<string, string>> status = WaitFor(nagios, s => Untouched.Concat(Touched).All(d => Checked(s, d) && State(s, d) == 0), "every service OK", true);
            foreach (string d in Untouched.Concat(Touched))
            {
                _output.WriteLine("OK   " + d + ": " + Output(status, d));
            }

            _output.WriteLine("all OK " + (DateTime.UtcNow - probeStarted).TotalSeconds.ToString("0.0") + " s after the probe started (first event at " + (WarningAtS / TimeScale).ToString("0.0") + " s)");

            // 2. Follow the touched services until each is CRITICAL; keep each state's first output.
            var seen = Touched.ToDictionary(d => d, d => new List<int> { 0 });
            var firstOutput = new Dictionary<string, string>();
            WaitFor(nagios, s =>
            {
                foreach (string d in Touched)
                {
                    int state = State(s, d);
                    if (seen[d][seen[d].Count - 1] != state)
                    {
                        seen[d].Add(state);
                        firstOutput.TryAdd(d + " " + state, Output(s, d));
                    }
                }

                return Touched.All(d => State(s, d) == 2);
            }, "every touched service CRITICAL", false);

            foreach (string key in firstOutput.Keys.OrderBy(k => k))
            {
                _output.WriteLine(key + ": " + firstOutput[key]);
            }

            Assert.Equal(new[] { 0, 1, 2 }, seen["Circuit 1 load"]);
            Assert.Equal(new[] { 0, 1, 2 }, seen["Phase L2 voltage"]);

            // The probe's own alarm engine, with its assert delays (5-10 simulated s): warnings (loadHigh, underVoltage)
            // first, then criticals (voltage and current unbalance; when L2 is lost those drop at once and phaseLost
            // follows 1 s later, so a check may see only warnings for a moment). Required: it leaves OK, never comes
            // back to OK, and ends CRITICAL.
            List<int> alarms = seen["Active alarms"];
            Assert.True(alarms.Count >= 2 && alarms.Skip(1).All(x => x == 1 || x == 2) && alarms[alarms.Count - 1] == 2, string.Join(",", alarms));
            // The first result of a level may come from the second in which the step happened (a one-second RMS over
            // both values, e.g. L2 at 130 V between 200 and 0 V): it lies within that level's band.
            AssertMarked(firstOutput["Circuit 1 load 1"], "SNMP WARNING - circuit 1 load *", 80, 90);
            AssertMarked(firstOutput["Circuit 1 load 2"], "SNMP CRITICAL - circuit 1 load *", 90, 100);
            AssertMarked(firstOutput["Phase L2 voltage 1"], "SNMP WARNING - L2 voltage *", 195.5, 207);
            AssertMarked(firstOutput["Phase L2 voltage 2"], "SNMP CRITICAL - L2 voltage *", 0, 195.5);

            // Then the settled values of the last event: 60 A on a 63 A breaker, L2 lost.
            status = WaitFor(nagios, s => Output(s, "Circuit 1 load").StartsWith("SNMP CRITICAL - circuit 1 load *95* %", StringComparison.Ordinal)
                && Output(s, "Phase L2 voltage").StartsWith("SNMP CRITICAL - L2 voltage *0* V", StringComparison.Ordinal), "the settled CRITICAL values", false);
            _output.WriteLine("settled: " + Output(status, "Circuit 1 load") + " / " + Output(status, "Phase L2 voltage"));

            // The services the events do not touch are still OK at the end.
            status = Statuses(nagios);
            foreach (string d in Untouched)
            {
                Assert.True(State(status, d) == 0, d + ": " + status[d]["plugin_output"]);
            }

            string log = File.ReadAllText(nagios.LogFile);
            foreach (string line in log.Split('\n').Where(l => l.Contains("SERVICE ALERT", StringComparison.Ordinal)))
            {
                _output.WriteLine(line);
            }

            // Soft states are logged too (log_service_retries=1): a loaded host may not reach the third WARNING attempt.
            Assert.Contains(";Circuit 1 load;WARNING;", log);
            Assert.Contains(";Circuit 1 load;CRITICAL;", log);
        }

        /// <summary>The shipped services named above, copied verbatim from services.cfg with their hostgroup, and a host for the probe.</summary>
        private static void WriteRunObjects(NagiosDaemon nagios, NagiosExampleProbe probe)
        {
            NagiosObjectFile services = NagiosObjectFile.LoadShipped("services.cfg");
            var text = new StringBuilder();
            text.Append(services.OfType("hostgroup").Single().Text);
            foreach (string d in Untouched.Concat(Touched))
            {
                text.Append('\n').Append(services.OfType("service").Single(s => s["service_description"] == d).Text);
            }

            text.Append("\ndefine host {\n    use eprobe\n    host_name virtual-mpp18\n    address 127.0.0.1\n    hostgroups eprobe-mpp18\n");
            text.Append("    contact_groups admins\n    _SNMP_PORT ").Append(probe.Probe.SnmpPort).Append("\n}\n");
            string objects = Path.Combine(nagios.Directory, "run.cfg");
            File.WriteAllText(objects, text.ToString());
            string main = File.ReadAllText(nagios.MainConfig);
            string shipped = "cfg_file=" + Shipped("commands.cfg") + "\ncfg_file=" + Shipped("templates.cfg") + "\ncfg_file=" + objects + "\n";
            File.WriteAllText(nagios.MainConfig, shipped + main);
        }

        private static Dictionary<string, Dictionary<string, string>> Statuses(NagiosDaemon nagios)
        {
            var byName = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
            foreach (Dictionary<string, string> s in nagios.ServiceStatus())
            {
                byName[s["service_description"]] = s;
            }

            return byName;
        }

        /// <summary>The output starts with prefix and the value between the stars is in [low, high).</summary>
        private static void AssertMarked(string output, string prefix, double low, double high)
        {
            Assert.StartsWith(prefix, output);
            string rest = output.Substring(prefix.Length);
            double value = double.Parse(rest.Substring(0, rest.IndexOf('*')), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(value >= low && value < high, output + ": expected " + low + " <= value < " + high);
        }

        private static string Output(Dictionary<string, Dictionary<string, string>> status, string description)
        {
            if (!status.ContainsKey(description))
            {
                return string.Empty;
            }

            Dictionary<string, string> s = status[description];
            return s["plugin_output"] + (s.TryGetValue("performance_data", out string perf) && perf.Length > 0 ? " | " + perf : string.Empty);
        }

        private static bool Checked(Dictionary<string, Dictionary<string, string>> status, string description)
        {
            return status.ContainsKey(description) && status[description]["has_been_checked"] == "1";
        }

        private static int State(Dictionary<string, Dictionary<string, string>> status, string description)
        {
            return Checked(status, description) ? int.Parse(status[description]["current_state"]) : 0;
        }

        /// <summary>
        /// Reads status.dat every 200 ms until the condition holds (at most 60 s). With failOnProblem, a checked
        /// service that is not OK fails at once: the OK phase must come before the events.
        /// </summary>
        private static Dictionary<string, Dictionary<string, string>> WaitFor(NagiosDaemon nagios, Func<Dictionary<string, Dictionary<string, string>>, bool> condition, string what, bool failOnProblem)
        {
            DateTime deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                Assert.False(nagios.HasExited, "nagios4 exited: " + (File.Exists(nagios.LogFile) ? File.ReadAllText(nagios.LogFile) : "no log"));
                Dictionary<string, Dictionary<string, string>> status = Statuses(nagios);
                if (condition(status))
                {
                    return status;
                }

                if (failOnProblem)
                {
                    string bad = string.Join("; ", status.Values.Where(s => s["has_been_checked"] == "1" && s["current_state"] != "0").Select(s => s["service_description"] + ": " + s["plugin_output"]));
                    Assert.True(bad.Length == 0, "before " + what + ": " + bad);
                }

                Assert.True(DateTime.UtcNow < deadline, "no " + what + " in 60 s: " + string.Join("; ", status.Values.Select(s => s["service_description"] + " " + s["current_state"] + " " + s["plugin_output"])));
                Thread.Sleep(200);
            }
        }
    }
}
