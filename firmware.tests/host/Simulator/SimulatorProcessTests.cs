using System;
using System.IO;
using Xunit;

namespace Ipenergy.Probe.Tests.Simulator
{
    /// <summary>The built hal-simulator binary as users and tools start it.</summary>
    public class SimulatorProcessTests
    {
        private const int SigInt = 2;
        private const int SigTerm = 15;
        private static readonly TimeSpan ExitLimit = TimeSpan.FromSeconds(20);

        [Fact]
        public void ABadValueExitsNonZeroWithOneLineOnStderr()
        {
            using SimulatorProcess p = SimulatorProcess.RunToExit(ExitLimit, "--time-scale", "abc");
            Assert.Equal(2, p.ExitCode);
            Assert.Equal("error: --time-scale must be a number > 0, got 'abc'\n", p.Stderr);
            Assert.Equal("", p.Stdout);
        }

        [Fact]
        public void AnUnknownOptionExitsNonZeroWithOneLine()
        {
            using SimulatorProcess p = SimulatorProcess.RunToExit(ExitLimit, "--http-prot", "0");
            Assert.Equal(2, p.ExitCode);
            Assert.Equal("error: unknown option '--http-prot' (see --help)\n", p.Stderr);
        }

        [Fact]
        public void ABadScenarioExitsNonZeroNamingFileAndPath()
        {
            string path = SimulatorTestSupport.WriteScenario(
                "{ \"channels\": [ { \"channel\": 1, \"irms\": 3 }, { \"channel\": 2, \"phase\": \"L4\" } ] }");
            try
            {
                using SimulatorProcess p = SimulatorProcess.RunToExit(ExitLimit, "--scenario", path, "--http-port", "0");
                Assert.Equal(2, p.ExitCode);
                Assert.Equal("error: " + path + ": channels[1].phase: must be L1, L2 or L3, got 'L4'\n", p.Stderr);
            }
            finally
            {
                Directory.Delete(Path.GetDirectoryName(path), true);
            }
        }

        [Fact]
        public void AModelMismatchExitsNonZero()
        {
            string path = SimulatorTestSupport.WriteScenario("{ \"model\": \"MPP18\" }");
            try
            {
                using SimulatorProcess p = SimulatorProcess.RunToExit(ExitLimit, "--scenario", path, "--model", "MPP3");
                Assert.Equal(2, p.ExitCode);
                Assert.Equal("error: " + path + ": model: MPP18 does not match --model MPP3 (drop one of them or make them agree)\n", p.Stderr);
            }
            finally
            {
                Directory.Delete(Path.GetDirectoryName(path), true);
            }
        }

        [Fact]
        public void HelpDescribesEveryOptionAndExitsZero()
        {
            using SimulatorProcess p = SimulatorProcess.RunToExit(ExitLimit, "--help");
            Assert.Equal(0, p.ExitCode);
            foreach (string option in new[]
            {
                "--model", "--scenario", "--http-port", "--modbus-port", "--snmp-port", "--trap-target", "--bind", "--data-dir",
                "--time-scale", "--standard-ports", "--sample-rate", "--help",
            })
            {
                Assert.Contains(option, p.Stdout);
            }

            Assert.Equal("", p.Stderr);
        }

        [Fact]
        public void PrintScenarioGivesLoadableJson()
        {
            using SimulatorProcess p = SimulatorProcess.RunToExit(ExitLimit, "--model", "MPP3", "--print-scenario");
            Assert.Equal(0, p.ExitCode);
            Ipenergy.Probe.Simulator.Scenario s = Ipenergy.Probe.Simulator.ScenarioLoader.Parse(p.Stdout, "stdout");
            Assert.Equal("MPP3", s.Model);
            Assert.Equal(3, s.Channels.Count);
        }

        [Theory]
        [InlineData(SigTerm)]
        [InlineData(SigInt)]
        public void ASignalStopsItCleanlyWithExitZero(int signal)
        {
            string dataDir = Directory.CreateTempSubdirectory("sim-test-flash-").FullName;
            try
            {
                using SimulatorProcess p = new SimulatorProcess(
                    "--http-port", "0", "--data-dir", dataDir, "--time-scale", "10", "--trap-target", "127.0.0.1:10162");
                string http = p.WaitForLine("http ", TimeSpan.FromSeconds(30));
                Assert.StartsWith("http   http://127.0.0.1:", http);
                p.WaitForLine("traps ", TimeSpan.FromSeconds(10));   // the last line printed at start
                string stdout = p.Stdout;
                Assert.Matches(@"modbus tcp://127\.0\.0\.1:\d+ \(unit 1\)", stdout);
                Assert.Matches(@"snmp   udp://127\.0\.0\.1:\d+ \(v1/v2c", stdout);
                Assert.Contains("traps  127.0.0.1:10162 (coldStart sent", stdout);
                Assert.Contains("virtual e-Probe MPP18: built-in scenario, 3200 Hz, time-scale 10, data-dir " + dataDir, stdout);

                p.Signal(signal);
                DateTime asked = DateTime.UtcNow;
                p.WaitForExit(TimeSpan.FromSeconds(10));
                Assert.True(DateTime.UtcNow - asked < TimeSpan.FromSeconds(5), "took " + (DateTime.UtcNow - asked).TotalSeconds + " s to stop");
                Assert.Equal(0, p.ExitCode);
                Assert.Contains("stopped after ", p.Stdout);
                Assert.True(Directory.Exists(dataDir), "a --data-dir given by the user must survive");
            }
            finally
            {
                Directory.Delete(dataDir, true);
            }
        }

        [Fact]
        public void AnHttpPortInUseExitsOneWithOneLine()
        {
            System.Net.Sockets.TcpListener taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            taken.Start();
            try
            {
                int port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
                using SimulatorProcess p = SimulatorProcess.RunToExit(ExitLimit, "--http-port", port.ToString());
                Assert.Equal(1, p.ExitCode);
                Assert.StartsWith("error: cannot start the virtual e-Probe (http on http://127.0.0.1:" + port + "/): ", p.Stderr);
                Assert.Single(p.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            }
            finally
            {
                taken.Stop();
            }
        }

        [Fact]
        public void TimeScaleSetsHowFastSimulatedTimeRuns()
        {
            System.Diagnostics.Stopwatch wall = System.Diagnostics.Stopwatch.StartNew();
            using SimulatorProcess p = new SimulatorProcess("--http-port", "0", "--time-scale", "50");
            p.WaitForLine("http ", TimeSpan.FromSeconds(30));
            System.Threading.Thread.Sleep(1000);
            p.Signal(SigTerm);
            p.WaitForExit(TimeSpan.FromSeconds(10));
            double wallSeconds = wall.Elapsed.TotalSeconds;
            Assert.Equal(0, p.ExitCode);
            string line = p.WaitForLine("stopped after ", TimeSpan.FromSeconds(1));
            double simulated = double.Parse(line.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
            // At time-scale 1 this would be about 1 s; half of 50 proves the scale while leaving room for a loaded CI host.
            Assert.True(simulated >= 50 * 0.5, "1 s of wall clock at time-scale 50 gave only " + simulated + " simulated s");
            Assert.True(simulated <= 50 * wallSeconds, simulated + " simulated s in " + wallSeconds + " s of wall clock at time-scale 50");
        }

        [Fact]
        public void TheDefaultDataDirIsATempDirRemovedAtExit()
        {
            using SimulatorProcess p = new SimulatorProcess("--http-port", "0", "--model", "MPP3");
            string header = p.WaitForLine("virtual e-Probe ", TimeSpan.FromSeconds(30));
            string dir = header.Substring(header.IndexOf("data-dir ", StringComparison.Ordinal) + "data-dir ".Length);
            Assert.StartsWith(Path.GetTempPath().TrimEnd('/'), dir);
            Assert.True(Directory.Exists(dir), dir + " should exist while running");
            p.Signal(SigTerm);
            p.WaitForExit(TimeSpan.FromSeconds(10));
            Assert.Equal(0, p.ExitCode);
            Assert.False(Directory.Exists(dir), dir + " should be gone after a clean exit");
        }
    }
}
