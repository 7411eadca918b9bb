using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using Xunit;

namespace Ipenergy.Probe.Tests.Modbus
{
    /// <summary>Runs a real Modbus client (mbpoll, /usr/bin/python3 with pymodbus) with a time limit; fails naming the apt package when missing.</summary>
    public static class ModbusPeerRunner
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

        public static Result Mbpoll(params string[] args)
        {
            string path = FindOnPath("mbpoll");
            Assert.True(path != null, "mbpoll is not installed: apt-get install mbpoll (listed in .ci/apt-packages)");
            return Run(path, null, args);
        }

        /// <summary>Runs a Python script with Debian's /usr/bin/python3 (not the first python3 on PATH), which has python3-pymodbus.</summary>
        public static Result Python(string script, params string[] args)
        {
            const string python = "/usr/bin/python3";
            Assert.True(File.Exists(python), "/usr/bin/python3 is missing: apt-get install python3 python3-pymodbus");
            Result check = Run(python, null, "-c", "import pymodbus");
            Assert.True(check.ExitCode == 0, "pymodbus is not installed for /usr/bin/python3: apt-get install python3-pymodbus\n" + check.Stderr);
            string[] all = new string[args.Length + 2];
            all[0] = "-c";
            all[1] = script;
            Array.Copy(args, 0, all, 2, args.Length);
            return Run(python, null, all);
        }

        private static Result Run(string file, string stdin, params string[] args)
        {
            var start = new ProcessStartInfo(file)
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

            using Process process = Process.Start(start);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(60000))
            {
                process.Kill(true);
                Assert.Fail(file + " did not finish in 60 s: " + string.Join(" ", args));
            }

            process.WaitForExit();
            return new Result { ExitCode = process.ExitCode, Stdout = stdout.Result, Stderr = stderr.Result };
        }

        private static string FindOnPath(string name)
        {
            string[] dirs = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':');
            foreach (string dir in dirs)
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
