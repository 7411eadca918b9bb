using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Ipenergy.Probe.Protocols.Snmp.Mib;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Snmp
{
    /// <summary>
    /// tools/mib/IPENERGY-EPROBE-MIB.txt passes `smilint -l 6` with the standard modules of ../shared/mibs
    /// (smilint exits 0 even on errors: the [severity] of each finding is read), and net-snmp loads it.
    /// Without ../shared/mibs these report "NOT CHECKED" (SharedMibs) and return.
    /// </summary>
    public class EprobeMibLintTests
    {
        // The one finding the MIB file's comment justifies: enterprises.32473 (RFC 5612) is defined by no
        // importable module. Severity and tag (smilint -m) must both match.
        private static readonly string[] Allowed = { "[5] {node-implicit}" };

        private static readonly Regex Finding = new Regex(@"^(?<file>[^:]+):(?<line>\d+): (?<level>\[\d\]) (?<tag>\{[^}]*\})? ?(?<text>.*)$");

        private readonly ITestOutputHelper _out;

        public EprobeMibLintTests(ITestOutputHelper output)
        {
            _out = output;
        }

        [Fact]
        public void SmilintLevel6ReportsOnlyTheJustifiedFinding()
        {
            string shared = SharedMibs.Directory;
            if (shared == null)
            {
                SharedMibs.ReportAbsent(_out, "smilint -l 6 of tools/mib/IPENERGY-EPROBE-MIB.txt");
                return;
            }

            List<string> findings = Lint(shared, EprobeMibTools.MibFile);
            var unexpected = new List<string>();
            int allowed = 0;
            foreach (string f in findings)
            {
                _out.WriteLine(f);
                if (IsAllowed(f))
                {
                    allowed++;
                }
                else
                {
                    unexpected.Add(f);
                }
            }

            Assert.True(unexpected.Count == 0, "smilint findings not justified:\n" + string.Join("\n", unexpected));
            Assert.True(allowed <= Allowed.Length, "the justified finding appears more than once:\n" + string.Join("\n", findings));
        }

        [Fact]
        public void SmilintFindingsAreReadFromABrokenCopy()
        {
            // The check above can fail: a copy with an undefined type in a column's SYNTAX gives an error
            // of severity 0-3 that the parser must see.
            string shared = SharedMibs.Directory;
            if (shared == null)
            {
                SharedMibs.ReportAbsent(_out, "smilint finding parser on a broken copy of IPENERGY-EPROBE-MIB");
                return;
            }

            string dir = Path.Combine(Path.GetTempPath(), "eprobe-mib-lint-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                string text = File.ReadAllText(EprobeMibTools.MibFile);
                string broken = text.Replace("eprobeChannelCosPhi           Integer32", "eprobeChannelCosPhi           NoSuchType");
                Assert.NotEqual(text, broken);
                string file = Path.Combine(dir, "IPENERGY-EPROBE-MIB.txt");
                File.WriteAllText(file, broken);
                List<string> findings = Lint(shared, file);
                foreach (string f in findings)
                {
                    _out.WriteLine(f);
                }

                Assert.Contains(findings, f => Level(f) <= 3);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void NetSnmpTranslatesTheNamesToTheAgentsOids()
        {
            string shared = SharedMibs.Directory;
            if (shared == null)
            {
                SharedMibs.ReportAbsent(_out, "snmptranslate of IPENERGY-EPROBE-MIB names");
                return;
            }

            string mibs = shared + ":" + SharedMibs.ProjectDirectory;
            var expected = new Dictionary<string, uint[]>
            {
                { "eprobeSerialNumber", ObjectIdOf(EprobeMibLayout.Device, EprobeMibLayout.DeviceSerialNumber) },
                { "eprobePhaseVoltage", ObjectIdOf(EprobeMibLayout.PhaseEntry, EprobeMibLayout.PhaseVoltage) },
                { "eprobeChannelEnergyImport", ObjectIdOf(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelEnergyImport) },
                { "eprobeCircuitBreakerRating", ObjectIdOf(EprobeMibLayout.CircuitEntry, EprobeMibLayout.CircuitBreakerRating) },
                { "eprobeAlarmRaised", EprobeMibLayout.AlarmRaised },
                { "eprobeMpp18", EprobeOids.ProductMpp18 },
            };
            foreach (KeyValuePair<string, uint[]> pair in expected)
            {
                PeerProcess.Result r = EprobeMibTools.Run("snmptranslate", "snmp", mibs,
                    "-M", mibs, "-m", "IPENERGY-EPROBE-MIB", "-On", "IPENERGY-EPROBE-MIB::" + pair.Key);
                _out.WriteLine(pair.Key + " -> " + r.Stdout.Trim());
                Assert.True(r.ExitCode == 0, r.ToString());
                Assert.Equal("." + string.Join(".", pair.Value), r.Stdout.Trim());
            }

            PeerProcess.Result back = EprobeMibTools.Run("snmptranslate", "snmp", mibs,
                "-M", mibs, "-m", "IPENERGY-EPROBE-MIB", "." + string.Join(".", ObjectIdOf(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelLoad)) + ".7");
            Assert.True(back.ExitCode == 0, back.ToString());
            Assert.Equal("IPENERGY-EPROBE-MIB::eprobeChannelLoad.7", back.Stdout.Trim());
        }

        [Fact]
        public void NetSnmpSeesEveryEnumerationLabel()
        {
            // net-snmp drops labels it takes for keywords (e.g. "current"): Zabbix and LibreNMS would then
            // show bare numbers. Every label of every INTEGER { } of the file must survive its parser.
            string shared = SharedMibs.Directory;
            if (shared == null)
            {
                SharedMibs.ReportAbsent(_out, "net-snmp parse of the IPENERGY-EPROBE-MIB enumerations");
                return;
            }

            string mibs = shared + ":" + SharedMibs.ProjectDirectory;
            string text = File.ReadAllText(EprobeMibTools.MibFile);
            MatchCollection enums = Regex.Matches(text, @"^(\w+) OBJECT-TYPE\s+SYNTAX\s+INTEGER\s*\{([^}]*)\}", RegexOptions.Multiline);
            Assert.True(enums.Count >= 4, "only " + enums.Count + " enumerations found");
            foreach (Match m in enums)
            {
                PeerProcess.Result r = EprobeMibTools.Run("snmptranslate", "snmp", mibs,
                    "-M", mibs, "-m", "IPENERGY-EPROBE-MIB", "-Td", "IPENERGY-EPROBE-MIB::" + m.Groups[1].Value);
                Assert.True(r.ExitCode == 0, r.ToString());
                string syntax = r.Stdout.Split('\n').First(l => l.Contains("SYNTAX", StringComparison.Ordinal));
                _out.WriteLine(m.Groups[1].Value + ": " + syntax.Trim());
                foreach (Match label in Regex.Matches(m.Groups[2].Value, @"(\w+)\s*\(\s*(\d+)\s*\)"))
                {
                    Assert.True(syntax.Contains(label.Groups[1].Value + "(" + label.Groups[2].Value + ")", StringComparison.Ordinal),
                        m.Groups[1].Value + ": net-snmp lost " + label.Value + ": " + syntax);
                }
            }
        }

        private static List<string> Lint(string shared, string file)
        {
            string smipath = shared + ":" + Path.GetDirectoryName(file);
            PeerProcess.Result r = EprobeMibTools.Run("smilint", "smitools", smipath, "-m", "-l", "6", "-s", file);
            var findings = new List<string>();
            foreach (string raw in (r.Stdout + "\n" + r.Stderr).Split('\n'))
            {
                string line = raw.Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                Assert.True(Finding.IsMatch(line), "smilint said something that is not a finding:\n" + line);
                findings.Add(line);
            }

            return findings;
        }

        private static bool IsAllowed(string finding)
        {
            Match m = Finding.Match(finding);
            string key = m.Groups["level"].Value + " " + m.Groups["tag"].Value;
            return Array.IndexOf(Allowed, key) >= 0;
        }

        private static int Level(string finding)
        {
            return Finding.Match(finding).Groups["level"].Value[1] - '0';
        }

        private static uint[] ObjectIdOf(uint[] prefix, uint arc)
        {
            var all = new uint[prefix.Length + 1];
            Array.Copy(prefix, all, prefix.Length);
            all[prefix.Length] = arc;
            return all;
        }
    }
}
