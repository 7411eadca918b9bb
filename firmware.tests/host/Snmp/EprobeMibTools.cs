using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using Xunit;

namespace Ipenergy.Probe.Tests.Snmp
{
    /// <summary>Runs smilint / snmptranslate / snmpwalk for the IPENERGY-EPROBE-MIB tests with a time limit,
    /// with MIBS/MIBDIRS/SMIPATH set so the user's configuration cannot change results; fails naming the
    /// apt package when a tool is missing.</summary>
    public static class EprobeMibTools
    {
        public sealed class Result
        {
            public int ExitCode;
            public string Stdout;
            public string Stderr;

            public override string ToString()
            {
                return "exit " + ExitCode + "\nstdout:\n" + Stdout + "\nstderr:\n" + Stderr;
            }
        }

        /// <summary>The MIB file of the project.</summary>
        public static string MibFile
        {
            get { return Path.Combine(SharedMibs.ProjectDirectory, "IPENERGY-EPROBE-MIB.txt"); }
        }

        /// <summary>Runs tool (found on PATH; else the test fails naming package) with SMIPATH/MIBDIRS = mibPath.</summary>
        public static Result Run(string tool, string package, string mibPath, params string[] args)
        {
            string path = FindOnPath(tool);
            Assert.True(path != null, tool + " is not installed: apt-get install " + package + " (listed in .ci/apt-packages)");
            var start = new ProcessStartInfo(path)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
            };
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["SMIPATH"] = mibPath ?? string.Empty;
            start.Environment["MIBDIRS"] = mibPath ?? string.Empty;
            start.Environment["MIBS"] = string.Empty;
            start.Environment["SNMPCONFPATH"] = Path.GetTempPath();
            start.Environment["HOME"] = Path.GetTempPath();

            using Process process = Process.Start(start);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(60000))
            {
                process.Kill(true);
                Assert.Fail(tool + " did not finish in 60 s: " + string.Join(" ", args));
            }

            process.WaitForExit();
            return new Result { ExitCode = process.ExitCode, Stdout = stdout.Result, Stderr = stderr.Result };
        }

        private static string FindOnPath(string name)
        {
            foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':'))
            {
                if (dir.Length > 0 && File.Exists(Path.Combine(dir, name)))
                {
                    return Path.Combine(dir, name);
                }
            }

            foreach (string dir in new[] { "/usr/bin", "/usr/local/bin" })
            {
                if (File.Exists(Path.Combine(dir, name)))
                {
                    return Path.Combine(dir, name);
                }
            }

            return null;
        }
    }
}
