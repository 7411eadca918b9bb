using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace Ipenergy.Probe.Tests.Cli
{
    /// <summary>
    /// Runs the built eprobe tool (eprobe.dll next to the test assembly) as a real process, as a user's shell
    /// would: arguments, optional stdin, exit code, stdout and stderr kept apart. Killed after the time limit.
    /// </summary>
    public static class EprobeCli
    {
        public static CliResult Run(params string[] args)
        {
            return RunWithInput(null, TimeSpan.FromSeconds(60), args);
        }

        public static CliResult RunWithInput(string stdin, TimeSpan limit, params string[] args)
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "eprobe.dll");
            var psi = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            psi.ArgumentList.Add(dll);
            foreach (string a in args)
            {
                psi.ArgumentList.Add(a);
            }

            // The tests give credentials explicitly; a developer's own environment must not leak in.
            psi.Environment.Remove("EPROBE_USER");
            psi.Environment.Remove("EPROBE_PASSWORD");
            using var process = Process.Start(psi);
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> error = process.StandardError.ReadToEndAsync();
            if (stdin != null)
            {
                process.StandardInput.Write(stdin);
            }

            process.StandardInput.Close();
            if (!process.WaitForExit((int)limit.TotalMilliseconds))
            {
                process.Kill(true);
                throw new TimeoutException("eprobe " + string.Join(" ", args) + " did not finish in " + limit.TotalSeconds + " s");
            }

            process.WaitForExit();
            return new CliResult(process.ExitCode, output.Result, error.Result);
        }
    }

    /// <summary>What one eprobe run gave.</summary>
    public sealed class CliResult
    {
        public CliResult(int exitCode, string output, string error)
        {
            ExitCode = exitCode;
            Output = output;
            Error = error;
        }

        public int ExitCode { get; }

        public string Output { get; }

        public string Error { get; }

        public override string ToString()
        {
            return "exit " + ExitCode + "\nstdout:\n" + Output + "\nstderr:\n" + Error;
        }
    }
}
