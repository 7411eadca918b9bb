using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;

namespace Ipenergy.Probe.Tests.Templates
{
    /// <summary>
    /// Runs a check command line the way Nagios does: $USERn$, host and argument macros substituted,
    /// then /bin/sh -c (Nagios hands a command with quotes to the shell). Parses the plugin's output:
    /// exit code, text, and the performance data "label=value[unit];warn;crit" items.
    /// </summary>
    public sealed class NagiosCheck
    {
        public const string PluginDirectory = "/usr/lib/nagios/plugins";

        public int ExitCode;
        public string CommandLine = string.Empty;
        public string Output = string.Empty;
        public string Text = string.Empty;
        public Dictionary<string, double> Perfdata = new Dictionary<string, double>(StringComparer.Ordinal);

        /// <summary>check_snmp's full path, or a failed assertion naming the Debian package.</summary>
        public static string RequireCheckSnmp()
        {
            PeerProcess.Require("snmpget", "snmp");
            return PeerProcess.Require(PluginDirectory + "/check_snmp", "monitoring-plugins-standard");
        }

        /// <summary>
        /// The command line Nagios would run for "command!arg1!arg2" on a host with these custom variables
        /// (name without the leading underscore, e.g. SNMP_PORT).
        /// </summary>
        public static string Expand(IDictionary<string, string> commands, string checkCommand, string hostAddress, IDictionary<string, string> hostVariables)
        {
            string[] parts = checkCommand.Split('!');
            Assert.True(commands.ContainsKey(parts[0]), "no command " + parts[0] + " in commands.cfg");
            string line = commands[parts[0]];
            line = line.Replace("$USER1$", PluginDirectory, StringComparison.Ordinal);
            line = line.Replace("$HOSTADDRESS$", hostAddress, StringComparison.Ordinal);
            foreach (KeyValuePair<string, string> variable in hostVariables)
            {
                line = line.Replace("$_HOST" + variable.Key + "$", variable.Value, StringComparison.Ordinal);
            }

            for (int i = parts.Length - 1; i >= 1; i--)
            {
                line = line.Replace("$ARG" + i + "$", parts[i], StringComparison.Ordinal);
            }

            Assert.DoesNotMatch(new Regex(@"\$[A-Z0-9_]+\$"), line);
            return line;
        }

        public static NagiosCheck Run(string commandLine)
        {
            RequireCheckSnmp();
            PeerProcess.Result r = PeerProcess.Run(PeerProcess.StartInfo("/bin/sh", null, "-c", commandLine), 30000);
            var check = new NagiosCheck { ExitCode = r.ExitCode, CommandLine = commandLine, Output = (r.Stdout + r.Stderr).Trim() };
            string first = check.Output.Split('\n')[0];
            int bar = first.IndexOf('|');
            check.Text = (bar < 0 ? first : first.Substring(0, bar)).Trim();
            if (bar >= 0)
            {
                foreach (Match m in Regex.Matches(first.Substring(bar + 1), @"('([^']*)'|[^\s=']+)=(-?[0-9.]+)([A-Za-z%]*)((;[^\s;]*)*)"))
                {
                    string label = m.Groups[2].Success ? m.Groups[2].Value : m.Groups[1].Value;
                    check.Perfdata[label] = double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
                }
            }

            return check;
        }

        /// <summary>The value of one performance data item, or a failed assertion quoting the output.</summary>
        public double Value(string label)
        {
            Assert.True(Perfdata.ContainsKey(label), "no perfdata '" + label + "' in: " + Output + "\n(" + CommandLine + ")");
            return Perfdata[label];
        }

        public override string ToString()
        {
            return "exit " + ExitCode + ": " + Output + "\n(" + CommandLine + ")";
        }
    }
}
