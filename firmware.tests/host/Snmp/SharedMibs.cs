using System;
using System.IO;
using Ipenergy.Probe.Tests.CompileGate;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Snmp
{
    /// <summary>
    /// Where the standard IETF/IANA MIB modules are (../shared/mibs from the repository root), for the tests
    /// that need them (smilint, snmptranslate with our MIB). A fresh clone has no ../shared: such a test calls
    /// <see cref="ReportAbsent"/> and returns, so the gap is reported plainly instead of skipped silently.
    /// </summary>
    public static class SharedMibs
    {
        /// <summary>Full path of ../shared/mibs seen from the repository root, or null when it is absent.</summary>
        public static string Directory
        {
            get
            {
                string root = RepoLayout.Root;
                string path = Path.GetFullPath(Path.Combine(root, "..", "shared", "mibs"));
                return File.Exists(Path.Combine(path, "SNMPv2-SMI.txt")) ? path : null;
            }
        }

        /// <summary>The project's own MIB folder (tools/mib).</summary>
        public static string ProjectDirectory
        {
            get { return Path.Combine(RepoLayout.Root, "tools", "mib"); }
        }

        /// <summary>
        /// Writes "NOT CHECKED: what: ../shared/mibs (IETF MIB modules) is absent" to the test output and
        /// appends the same line to the file named by IPENERGY_NOT_CHECKED_FILE when that variable is set.
        /// </summary>
        public static void ReportAbsent(ITestOutputHelper output, string what)
        {
            string line = "NOT CHECKED: " + what + ": ../shared/mibs (IETF MIB modules) is absent";
            if (output != null)
            {
                output.WriteLine(line);
            }

            string file = Environment.GetEnvironmentVariable("IPENERGY_NOT_CHECKED_FILE");
            if (!string.IsNullOrEmpty(file))
            {
                File.AppendAllText(file, line + Environment.NewLine);
            }
        }
    }
}
