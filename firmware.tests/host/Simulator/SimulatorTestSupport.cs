using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Simulator;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;

namespace Ipenergy.Probe.Tests.Simulator
{
    /// <summary>Helpers shared by the simulator tests: scenario files, captured codes, the built binary as a process.</summary>
    internal static class SimulatorTestSupport
    {
        /// <summary>Writes json as "scenario.json" in a fresh temp dir and returns its path.</summary>
        public static string WriteScenario(string json)
        {
            string dir = Directory.CreateTempSubdirectory("sim-test-").FullName;
            string path = Path.Combine(dir, "scenario.json");
            File.WriteAllText(path, json);
            return path;
        }

        /// <summary>The one-line message SimulatorSetup gives for these arguments; fails when it accepts them.</summary>
        public static string SetupError(params string[] args)
        {
            SetupException e = Assert.ThrowsAny<SetupException>(() => SimulatorSetup.Prepare(args));
            Assert.DoesNotContain("\n", e.Message);
            return e.Message;
        }

        /// <summary>The message for a scenario file with this content (run through the whole start-up path).</summary>
        public static string ScenarioError(string json, params string[] moreArgs)
        {
            string path = WriteScenario(json);
            try
            {
                List<string> args = new List<string> { "--scenario", path };
                args.AddRange(moreArgs);
                string message = SetupError(args.ToArray());
                // Messages start with the file as given; tests compare what follows.
                Assert.StartsWith(path + ": ", message);
                return "scenario.json: " + message.Substring(path.Length + 2);
            }
            finally
            {
                Directory.Delete(Path.GetDirectoryName(path), true);
            }
        }

        /// <summary>Reads frames from the source in blocks of blockFrames and returns all their codes.</summary>
        public static int[] Capture(WaveformSynthesizer source, int frames, int blockFrames)
        {
            int perFrame = source.FrontEnd.ChannelsPerFrame;
            int[] all = new int[frames * perFrame];
            SampleBlock block = new SampleBlock(perFrame, blockFrames);
            int done = 0;
            while (done < frames)
            {
                Assert.True(source.Read(block), "source stopped early");
                Assert.Equal(done, block.FirstFrameIndex);
                int take = Math.Min(block.Frames, frames - done);
                Array.Copy(block.Codes, 0, all, done * perFrame, take * perFrame);
                done += take;
            }

            return all;
        }

        /// <summary>Physical values of one frame slot over the captured frames (volts or amperes).</summary>
        public static double[] Signal(int[] codes, AdcFrontEnd fe, int slot, double unitsPerCode)
        {
            int perFrame = fe.ChannelsPerFrame;
            double[] x = new double[codes.Length / perFrame];
            for (int f = 0; f < x.Length; f++)
            {
                x[f] = (codes[f * perFrame + slot] - fe.MidCode) * unitsPerCode;
            }

            return x;
        }

        public static double Rms(double[] x, int from, int count)
        {
            double sum = 0;
            for (int n = from; n < from + count; n++)
            {
                sum += x[n] * x[n];
            }

            return Math.Sqrt(sum / count);
        }

        public static double MeanProduct(double[] a, double[] b, int from, int count)
        {
            double sum = 0;
            for (int n = from; n < from + count; n++)
            {
                sum += a[n] * b[n];
            }

            return sum / count;
        }

        public static void Near(double expected, double actual, double tolerance, string what)
        {
            Assert.True(Math.Abs(expected - actual) <= tolerance,
                what + ": expected " + expected.ToString("R") + " ± " + tolerance.ToString("R") + ", got " + actual.ToString("R"));
        }

        public static void NearRelative(double expected, double actual, double relative, string what)
        {
            Near(expected, actual, Math.Abs(expected) * relative, what);
        }
    }

    /// <summary>The built hal-simulator binary (copied next to the tests by the project reference) run as a process.</summary>
    internal sealed class SimulatorProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _stdout = new StringBuilder();
        private readonly StringBuilder _stderr = new StringBuilder();
        private readonly object _lock = new object();

        public SimulatorProcess(params string[] args)
        {
            string dir = AppContext.BaseDirectory;
            string apphost = Path.Combine(dir, "hal-simulator");
            string dll = Path.Combine(dir, "hal-simulator.dll");
            Assert.True(File.Exists(dll), "hal-simulator.dll not found next to the tests in " + dir + " (project reference missing?)");
            ProcessStartInfo start = File.Exists(apphost) ? new ProcessStartInfo(apphost) : new ProcessStartInfo("dotnet");
            if (!File.Exists(apphost))
            {
                start.ArgumentList.Add(dll);
            }

            // The factory admin must change the password before any write; the tests script with admin:admin.
            start.Environment["EPROBE_ADMIN_PASSWORD"] = "admin";

            foreach (string a in args)
            {
                start.ArgumentList.Add(a);
            }

            // Tests run in parallel: never let two simulators race for the default ports 5020 and 1161.
            if (Array.IndexOf(args, "--modbus-port") < 0)
            {
                start.ArgumentList.Add("--modbus-port");
                start.ArgumentList.Add("0");
            }

            if (Array.IndexOf(args, "--snmp-port") < 0)
            {
                start.ArgumentList.Add("--snmp-port");
                start.ArgumentList.Add("0");
            }

            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            start.RedirectStandardInput = true;
            start.UseShellExecute = false;
            _process = new Process { StartInfo = start };
            _process.OutputDataReceived += (s, e) => Append(_stdout, e.Data);
            _process.ErrorDataReceived += (s, e) => Append(_stderr, e.Data);
            _process.Start();
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public int Id { get { return _process.Id; } }

        public string Stdout { get { lock (_lock) { return _stdout.ToString(); } } }

        public string Stderr { get { lock (_lock) { return _stderr.ToString(); } } }

        /// <summary>Runs to completion (bounded) and returns the exit code.</summary>
        public static SimulatorProcess RunToExit(TimeSpan limit, params string[] args)
        {
            SimulatorProcess p = new SimulatorProcess(args);
            p.WaitForExit(limit);
            return p;
        }

        public int ExitCode { get { return _process.ExitCode; } }

        public void WaitForExit(TimeSpan limit)
        {
            if (!_process.WaitForExit((int)limit.TotalMilliseconds))
            {
                _process.Kill(true);
                Assert.Fail("hal-simulator did not exit within " + limit.TotalSeconds + " s; stdout: " + Stdout + " stderr: " + Stderr);
            }

            _process.WaitForExit();   // drains the redirected streams
        }

        /// <summary>Waits until stdout has a line starting with prefix and returns it.</summary>
        public string WaitForLine(string prefix, TimeSpan limit)
        {
            Stopwatch sw = Stopwatch.StartNew();
            while (sw.Elapsed < limit)
            {
                foreach (string line in Stdout.Split('\n'))
                {
                    if (line.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        return line;
                    }
                }

                if (_process.HasExited)
                {
                    break;
                }

                Thread.Sleep(20);
            }

            Assert.Fail("no line starting with '" + prefix + "' within " + limit.TotalSeconds + " s; stdout: " + Stdout + " stderr: " + Stderr);
            return null;
        }

        public void Signal(int signal)
        {
            ProcessSignal.Send(_process, signal);
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(true);
                _process.WaitForExit(5000);
            }

            _process.Dispose();
        }

        private void Append(StringBuilder sb, string line)
        {
            if (line == null)
            {
                return;
            }

            lock (_lock)
            {
                sb.Append(line).Append('\n');
            }
        }
    }
}
