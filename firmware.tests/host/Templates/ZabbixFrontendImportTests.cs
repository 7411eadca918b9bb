using System;
using System.Collections.Generic;
using System.IO;
using Ipenergy.Probe.Tests.CompileGate;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;

namespace Ipenergy.Probe.Tests.Templates
{
    /// <summary>
    /// Zabbix's own import code judges both templates: check-import.sh runs the Zabbix 6.0 frontend's import
    /// validator (C60XmlValidator), expression parser and item key parser (Debian zabbix-frontend-php, no server or
    /// database needed) over eprobe-snmp.yaml and eprobe-modbus.yaml; and a template broken on purpose is refused.
    /// </summary>
    public sealed class ZabbixFrontendImportTests : IDisposable
    {
        private const string Frontend = "/usr/share/zabbix";
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "eprobe-zbx-import-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            if (Directory.Exists(_dir))
            {
                Directory.Delete(_dir, true);
            }
        }

        private static string TemplateFolder { get { return Path.Combine(RepoLayout.Root, "tools", "templates", "zabbix"); } }

        [Fact]
        public void ZabbixImportCodeAcceptsBothTemplates()
        {
            PeerProcess.Result r = CheckImport(TemplateFolder);
            Assert.True(r.ExitCode == 0, "Zabbix's import code refused a template:\n" + r);
            Assert.Contains("eprobe-snmp.json: accepted by C60XmlValidator", r.Stdout, StringComparison.Ordinal);
            Assert.Contains("eprobe-modbus.json: accepted by C60XmlValidator", r.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain(" 0 expressions", r.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain(" 0 item keys", r.Stdout, StringComparison.Ordinal);
        }

        [Fact]
        public void ZabbixImportCodeRefusesABrokenTemplate()
        {
            // Copies of the checker with a template whose trigger expression and value map are broken.
            Directory.CreateDirectory(_dir);
            foreach (string name in new[] { "check-import.sh", "check-import.php", "eprobe-modbus.yaml" })
            {
                File.Copy(Path.Combine(TemplateFolder, name), Path.Combine(_dir, name));
            }

            string snmp = File.ReadAllText(Path.Combine(TemplateFolder, "eprobe-snmp.yaml"));
            int expression = snmp.IndexOf("        expression: ", StringComparison.Ordinal);
            Assert.True(expression > 0, "no trigger expression in eprobe-snmp.yaml");
            snmp = snmp.Substring(0, expression) + "        expression: 'last(/No such/key'" + snmp.Substring(snmp.IndexOf('\n', expression));
            File.WriteAllText(Path.Combine(_dir, "eprobe-snmp.yaml"), snmp);

            PeerProcess.Result r = CheckImport(_dir);
            Assert.True(r.ExitCode != 0, "a broken expression was accepted:\n" + r);
            Assert.Contains("bad expression: last(/No such/key", r.Stdout + r.Stderr, StringComparison.Ordinal);
        }

        private static PeerProcess.Result CheckImport(string folder)
        {
            PeerProcess.Require("php", "php-cli");
            Assert.True(File.Exists(Path.Combine(Frontend, "include/classes/import/validators/C60XmlValidator.php")),
                "the Zabbix 6.0 frontend is not installed in " + Frontend + ": apt-get install zabbix-frontend-php (listed in .ci/apt-packages)");
            var environment = new Dictionary<string, string> { { "ZABBIX_FRONTEND", Frontend } };
            return PeerProcess.Run(PeerProcess.StartInfo("sh", environment, Path.Combine(folder, "check-import.sh")), 60000);
        }
    }
}
