using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using Xunit;

namespace Ipenergy.Probe.Tests.Http
{
    /// <summary>
    /// Runs Debian's headless chromium with the project's flags (a new profile directory each time, no
    /// network beyond the test server, no sandbox for CI containers) and a time limit; fails the test when
    /// chromium is not installed.
    /// </summary>
    public sealed class ChromiumRunner : IDisposable
    {
        private readonly string _profile;
        private Process _process;

        public ChromiumRunner()
        {
            _profile = Path.Combine(Path.GetTempPath(), "eprobe-chromium-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_profile);
        }

        public string ProfileDirectory { get { return _profile; } }

        public static string Find()
        {
            foreach (string candidate in new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" })
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            Assert.Fail("chromium is not installed: apt-get install chromium (Debian package 'chromium')");
            return null;
        }

        private List<string> Flags()
        {
            return new List<string>
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + _profile,
                "--no-proxy-server",
            };
        }

        /// <summary>Runs chromium to completion (--dump-dom, --screenshot); returns its standard output.</summary>
        public string Run(params string[] args)
        {
            var start = new ProcessStartInfo(Find())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
            };
            foreach (string flag in Flags())
            {
                start.ArgumentList.Add(flag);
            }

            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using Process process = Process.Start(start);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(90000))
            {
                process.Kill(true);
                Assert.Fail("chromium did not finish in 90 s: " + string.Join(" ", args));
            }

            process.WaitForExit();
            Assert.True(process.ExitCode == 0, "chromium exited " + process.ExitCode + ": " + stderr.Result);
            return stdout.Result;
        }

        /// <summary>
        /// Starts chromium with a DevTools port chosen by chromium (port 0, read back from DevToolsActivePort)
        /// showing <paramref name="url"/>; returns the port.
        /// </summary>
        public int StartWithDevTools(string url)
        {
            var start = new ProcessStartInfo(Find())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string flag in Flags())
            {
                start.ArgumentList.Add(flag);
            }

            start.ArgumentList.Add("--remote-debugging-address=127.0.0.1");
            start.ArgumentList.Add("--remote-debugging-port=0");
            start.ArgumentList.Add("--window-size=1280,900");
            start.ArgumentList.Add(url);
            _process = Process.Start(start);
            _process.OutputDataReceived += (s, e) => { };
            _process.ErrorDataReceived += (s, e) => { };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();

            string portFile = Path.Combine(_profile, "DevToolsActivePort");
            var watch = Stopwatch.StartNew();
            while (watch.ElapsedMilliseconds < 30000)
            {
                Assert.False(_process.HasExited, "chromium exited " + (_process.HasExited ? _process.ExitCode.ToString() : "") + " before opening its DevTools port");
                if (File.Exists(portFile))
                {
                    string[] lines = File.ReadAllLines(portFile);
                    if (lines.Length >= 1 && int.TryParse(lines[0], out int port) && port > 0)
                    {
                        return port;
                    }
                }

                System.Threading.Thread.Sleep(100);
            }

            Assert.Fail("chromium wrote no DevToolsActivePort in 30 s");
            return 0;
        }

        public void Dispose()
        {
            if (_process != null)
            {
                try
                {
                    if (!_process.HasExited)
                    {
                        _process.Kill(true);
                        _process.WaitForExit(10000);
                    }
                }
                catch (InvalidOperationException)
                {
                }

                _process.Dispose();
            }

            try
            {
                Directory.Delete(_profile, true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
