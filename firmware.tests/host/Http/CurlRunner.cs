using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using Xunit;

namespace Ipenergy.Probe.Tests.Http
{
    /// <summary>Runs the real curl binary with a time limit; fails the test when curl is not installed.</summary>
    public static class CurlRunner
    {
        public sealed class Result
        {
            public int ExitCode;
            public string Stdout;
            public string Stderr;
        }

        public static Result Run(params string[] args)
        {
            string curl = Find();
            var start = new ProcessStartInfo(curl)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
            };
            // Never let curl wait forever, never pick up a proxy from the environment.
            start.ArgumentList.Add("--max-time");
            start.ArgumentList.Add("15");
            start.ArgumentList.Add("--noproxy");
            start.ArgumentList.Add("*");
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using Process process = Process.Start(start);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(30000))
            {
                process.Kill(true);
                Assert.Fail("curl did not finish in 30 s: " + string.Join(" ", args));
            }

            process.WaitForExit();
            return new Result { ExitCode = process.ExitCode, Stdout = stdout.Result, Stderr = stderr.Result };
        }

        /// <summary>Runs curl with -i and splits the (last) response into status, headers and body.</summary>
        public static HttpResponseText Fetch(params string[] args)
        {
            string[] all = new string[args.Length + 2];
            all[0] = "-sSi";
            all[1] = "--http1.1";
            Array.Copy(args, 0, all, 2, args.Length);
            Result result = Run(all);
            Assert.True(result.ExitCode == 0, "curl " + string.Join(" ", args) + " exited " + result.ExitCode + ": " + result.Stderr);
            return HttpResponseText.Parse(result.Stdout);
        }

        private static string Find()
        {
            foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':'))
            {
                string path = Path.Combine(dir, "curl");
                if (File.Exists(path))
                {
                    return path;
                }
            }

            Assert.Fail("curl missing: apt-get install curl");
            return null;
        }
    }
}
