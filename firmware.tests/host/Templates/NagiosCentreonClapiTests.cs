using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Ipenergy.Probe.Tests.CompileGate;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;

namespace Ipenergy.Probe.Tests.Templates
{
    /// <summary>
    /// tools/templates/centreon/eprobe-clapi.txt, the Centreon import of the Nagios templates: it is what
    /// generate-clapi.py makes from them now (python3), its commands are the Nagios ones with Centreon's host
    /// SNMP macros, and every example service is a service template with the same command, arguments and
    /// intervals, linked to the host template eprobe-mpp18. (NagiosCommandTests runs its commands on a probe.)
    /// </summary>
    public class NagiosCentreonClapiTests
    {
        public static string Directory
        {
            get { return Path.Combine(RepoLayout.Root, "tools", "templates", "centreon"); }
        }

        /// <summary>The lines of the shipped CLAPI file, each split on ';'.</summary>
        public static List<string[]> Lines()
        {
            return File.ReadAllLines(Path.Combine(Directory, "eprobe-clapi.txt")).Where(l => l.Length > 0).Select(l => l.Split(';')).ToList();
        }

        /// <summary>CMD name -> command line.</summary>
        public static Dictionary<string, string> Commands()
        {
            return Lines().Where(l => l[0] == "CMD" && l[1] == "ADD").ToDictionary(l => l[2], l => string.Join(";", l.Skip(4)), StringComparer.Ordinal);
        }

        /// <summary>(service description, "command!args") of every service template linked to eprobe-mpp18, and the host template's check.</summary>
        public static List<(string Description, string CheckCommand)> HostTemplateChecks()
        {
            List<string[]> lines = Lines();
            var checks = new List<(string, string)> { ("host eprobe", Param(lines, "HTPL", "eprobe", "check_command")) };
            foreach (string[] link in lines.Where(l => l[0] == "STPL" && l[1] == "addhosttemplate" && l[3] == "eprobe-mpp18"))
            {
                string name = link[2];
                string alias = lines.Single(l => l[0] == "STPL" && l[1] == "ADD" && l[2] == name)[3];
                checks.Add((alias, Param(lines, "STPL", name, "check_command") + (Param(lines, "STPL", name, "check_command_arguments") ?? string.Empty)));
            }

            return checks;
        }

        private static string Param(List<string[]> lines, string type, string name, string parameter)
        {
            string[] line = lines.SingleOrDefault(l => l[0] == type && l[1] == "setparam" && l[2] == name && l[3] == parameter);
            return line == null ? null : string.Join(";", line.Skip(4));
        }

        [Fact]
        public void TheShippedFileIsWhatTheGeneratorMakesFromTheNagiosTemplates()
        {
            string python = PeerProcess.Require("python3", "python3");
            string output = Path.Combine(System.IO.Directory.CreateTempSubdirectory("eprobe-clapi").FullName, "eprobe-clapi.txt");
            PeerProcess.Result r = PeerProcess.Run(PeerProcess.StartInfo(python, null, Path.Combine(Directory, "generate-clapi.py"), "--output", output), 30000);
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.Equal(File.ReadAllText(output), File.ReadAllText(Path.Combine(Directory, "eprobe-clapi.txt")));
            System.IO.Directory.Delete(Path.GetDirectoryName(output), true);
        }

        [Fact]
        public void CommandsAreTheNagiosOnesWithCentreonsSnmpMacros()
        {
            Dictionary<string, string> nagios = NagiosObjectFile.LoadShipped("commands.cfg").Commands();
            Dictionary<string, string> centreon = Commands();
            Assert.Equal(nagios.Keys.OrderBy(k => k), centreon.Keys.OrderBy(k => k));
            foreach (KeyValuePair<string, string> command in nagios)
            {
                string expected = command.Value.Replace("$_HOSTSNMP_COMMUNITY$", "$_HOSTSNMPCOMMUNITY$").Replace("$_HOSTSNMP_PORT$", "$_HOSTSNMPPORT$").Replace(" -P 2c ", " -P $_HOSTSNMPVERSION$ ");
                Assert.Equal(expected, centreon[command.Key]);
            }

            List<string[]> lines = Lines();
            Assert.All(lines, l => Assert.Contains(l[0], new[] { "CMD", "HTPL", "STPL" }));
            Assert.Contains(lines, l => string.Join(";", l) == "HTPL;setmacro;eprobe;SNMPPORT;161");
            Assert.Contains(lines, l => string.Join(";", l) == "HTPL;setparam;eprobe;snmp_version;2c");
        }

        [Fact]
        public void EveryExampleServiceIsAServiceTemplateOfTheMpp18HostTemplate()
        {
            List<string[]> lines = Lines();
            Dictionary<string, string> templates = HostTemplateChecks().Skip(1).ToDictionary(c => c.Description, c => c.CheckCommand, StringComparer.Ordinal);
            List<NagiosObjectFile.Definition> services = NagiosObjectFile.LoadShipped("services.cfg").OfType("service").ToList();
            Assert.Equal(97, services.Count);
            Assert.Equal(services.Count, templates.Count);
            foreach (NagiosObjectFile.Definition service in services)
            {
                string description = service["service_description"];
                Assert.True(templates.ContainsKey(description), "no service template for " + description);
                Assert.Equal(service["check_command"], templates[description]);
                string[] add = lines.Single(l => l[0] == "STPL" && l[1] == "ADD" && l[3] == description);
                Assert.Equal(service["use"], add[4]);
            }
        }
    }
}
