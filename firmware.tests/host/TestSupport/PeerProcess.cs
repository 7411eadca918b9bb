using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using Xunit;

namespace Ipenergy.Probe.Tests.TestSupport
{
    /// <summary>
    /// Runs a real peer program (mbpoll, python3, smilint, snmpget...) to its end with a time limit and
    /// captures its output. A missing program fails the test naming the Debian package to install.
    /// </summary>
    public static class PeerProcess
    {
        private static readonly string[] SystemDirectories = { "/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin" };

        public sealed class Result
        {
            public int ExitCode;
            public string Stdout = string.Empty;
            public string Stderr = string.Empty;

            public override string ToString()
            {
                return "exit " + ExitCode + "\nstdout:\n" + Stdout + "\nstderr:\n" + Stderr;
            }
        }

        /// <summary>The program's full path (an absolute path is kept; a name is looked up on PATH, then in the system folders), or null.</summary>
        public static string Find(string name)
        {
            if (Path.IsPathRooted(name))
            {
                return File.Exists(name) ? name : null;
            }

            var dirs = new List<string>((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':'));
            dirs.AddRange(SystemDirectories);
            foreach (string dir in dirs)
            {
                if (dir.Length > 0 && File.Exists(Path.Combine(dir, name)))
                {
                    return Path.Combine(dir, name);
                }
            }

            return null;
        }

        /// <summary>The program's full path, or a failed assertion naming the apt package.</summary>
        public static string Require(string name, string package)
        {
            string path = Find(name);
            Assert.True(path != null, name + " is not installed: apt-get install " + package + " (listed in .ci/apt-packages)");
            return path;
        }

        /// <summary>A start description with redirected output, the arguments, and these environment variables.</summary>
        public static ProcessStartInfo StartInfo(string path, IDictionary<string, string> environment, params string[] args)
        {
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

            if (environment != null)
            {
                foreach (KeyValuePair<string, string> pair in environment)
                {
                    start.Environment[pair.Key] = pair.Value;
                }
            }

            return start;
        }

        /// <summary>Runs the program to its end; a run longer than timeoutMs is killed and fails the test.</summary>
        public static Result Run(ProcessStartInfo start, int timeoutMs)
        {
            using Process process = Process.Start(start);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeoutMs))
            {
                process.Kill(true);
                Assert.Fail(start.FileName + " did not finish in " + (timeoutMs / 1000) + " s: " + string.Join(" ", start.ArgumentList));
            }

            process.WaitForExit();
            return new Result { ExitCode = process.ExitCode, Stdout = stdout.Result, Stderr = stderr.Result };
        }
    }
}
