using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Ipenergy.Probe.Tests.Cli
{
    /// <summary>
    /// eprobe watch on real virtual e-Probes: --count refreshes at --interval, one block per refresh when stdout
    /// is a pipe, JSON lines, a probe that drops out and comes back, and Ctrl-C (SIGINT) as the normal end.
    /// </summary>
    [Collection(ReadProbesCollection.Name)]
    public sealed class WatchTests
    {
        private readonly ReadProbes _probes;
        private readonly Xunit.Abstractions.ITestOutputHelper _log;

        public WatchTests(ReadProbes probes, Xunit.Abstractions.ITestOutputHelper log)
        {
            _probes = probes;
            _log = log;
        }

        [Fact]
        public void CountThreeAtHalfASecondPrintsThreeBlocksOfEveryProbe()
        {
            var clock = Stopwatch.StartNew();
            CliResult result = EprobeCli.Run("watch", "--count", "3", "--interval", "0.5", "-p", _probes.Addresses[0], "-p", _probes.Addresses[1], "-p", _probes.Addresses[2]);
            double seconds = clock.Elapsed.TotalSeconds;
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.DoesNotContain("\u001b[", result.Output); // not a terminal: no screen clearing

            string[] blocks = result.Output.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(3, blocks.Length);
            for (int i = 0; i < 3; i++)
            {
                string[] lines = blocks[i].Trim('\n').Split('\n');
                Assert.Matches(new Regex("^# \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC refresh " + (i + 1) + "$"), lines[0]);
                Assert.StartsWith("PROBE", lines[1]);
                Assert.Equal(5, lines.Length);
                Assert.Contains("READ-MPP18", lines[2]);
                Assert.Contains("READ-MPP3", lines[3]);
                Assert.Contains("READ-SCN", lines[4]);
            }

            // Two waits of 0.5 s between three refreshes (plus the process start).
            Assert.True(seconds >= 1.0, "3 refreshes at 0.5 s took only " + seconds + " s");
        }

        [Fact]
        public void JsonIsOneCompactArrayPerRefresh()
        {
            CliResult result = EprobeCli.Run("watch", "--count", "2", "--interval", "0.5", "--json", "--what", "circuits", "-p", _probes.Addresses[1]);
            Assert.True(result.ExitCode == 0, result.ToString());
            string[] lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Length);
            long previous = -1;
            foreach (string line in lines)
            {
                JsonElement array = JsonDocument.Parse(line).RootElement;
                Assert.Equal(1, array.GetArrayLength());
                Assert.Equal("Rack A", array[0].GetProperty("circuits")[0].GetProperty("name").GetString());
                long sequence = array[0].GetProperty("sequence").GetInt64();
                Assert.True(sequence >= previous);
                previous = sequence;
            }
        }

        [Fact]
        public void AProbeThatDropsOutShowsItsErrorAndComesBack()
        {
            using var proxy = new SwitchableProxy(new Uri(_probes.Mpp3.HttpUrl).Port);
            // Refreshes every 0.5 s for at least 4 s; the proxy refuses from 1.0 s to 2.5 s after the first connection.
            proxy.DownBetween(TimeSpan.FromSeconds(1.0), TimeSpan.FromSeconds(2.5));
            CliResult result = EprobeCli.Run("watch", "--count", "9", "--interval", "0.5", "-p", _probes.Addresses[0], "-p", proxy.Address);
            string[] blocks = result.Output.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(9, blocks.Length);
            Assert.Contains("READ-MPP3", Row(blocks[0], proxy.Address));
            int firstDown = Array.FindIndex(blocks, b => Row(b, proxy.Address).Contains("error:", StringComparison.Ordinal));
            Assert.True(firstDown > 0, "the probe never showed an error while the proxy refused:\n" + result.Output);
            _log.WriteLine("refresh " + (firstDown + 1) + " of 9: " + Row(blocks[firstDown], proxy.Address));
            int back = Array.FindIndex(blocks, firstDown, b => Row(b, proxy.Address).Contains("READ-MPP3", StringComparison.Ordinal));
            Assert.True(back > firstDown, "the probe did not come back after the proxy answered again:\n" + result.Output);
            foreach (string block in blocks)
            {
                Assert.Contains("READ-MPP18", Row(block, _probes.Addresses[0])); // the other one never stopped
            }

            Assert.True(result.ExitCode == 0, "the last refresh read both: " + result);
        }

        [Fact]
        public async Task CtrlCEndsCleanlyWithZeroAfterARefresh()
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "eprobe.dll");
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string a in new[] { dll, "watch", "--interval", "0.5", "-p", _probes.Addresses[0] })
            {
                psi.ArgumentList.Add(a);
            }

            using Process process = Process.Start(psi);
            Task<string> error = process.StandardError.ReadToEndAsync();
            string first = process.StandardOutput.ReadLine();
            Assert.StartsWith("# ", first);
            Task<string> rest = process.StandardOutput.ReadToEndAsync();
            Thread.Sleep(800);
            Assert.Equal(0, kill(process.Id, 2)); // SIGINT, as Ctrl-C in a terminal
            Assert.True(process.WaitForExit(10000), "watch did not end within 10 s of SIGINT");
            Assert.True(process.ExitCode == 0, "exit " + process.ExitCode + "\n" + await error);
            Assert.Contains("READ-MPP18", await rest);
        }

        private static string Row(string block, string probe)
        {
            foreach (string line in block.Split('\n'))
            {
                if (line.StartsWith(probe + " ", StringComparison.Ordinal))
                {
                    return line;
                }
            }

            return "";
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int signal);

        /// <summary>
        /// A TCP forwarder to a probe that refuses (closes at once) every connection made in a time window after
        /// its first connection: a probe that drops off the network and comes back.
        /// </summary>
        private sealed class SwitchableProxy : IDisposable
        {
            private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
            private readonly int _backendPort;
            private readonly Thread _thread;
            private Stopwatch _sinceFirst;
            private TimeSpan _downFrom = TimeSpan.MaxValue;
            private TimeSpan _downTo = TimeSpan.MaxValue;

            public SwitchableProxy(int backendPort)
            {
                _backendPort = backendPort;
                _listener.Start();
                Address = "127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port;
                _thread = new Thread(Accept) { IsBackground = true };
                _thread.Start();
            }

            public string Address { get; }

            public void DownBetween(TimeSpan from, TimeSpan to)
            {
                _downFrom = from;
                _downTo = to;
            }

            public void Dispose()
            {
                _listener.Stop();
                _thread.Join(2000);
            }

            private void Accept()
            {
                try
                {
                    while (true)
                    {
                        TcpClient client = _listener.AcceptTcpClient();
                        _sinceFirst ??= Stopwatch.StartNew();
                        TimeSpan now = _sinceFirst.Elapsed;
                        if (now >= _downFrom && now < _downTo)
                        {
                            client.Client.LingerState = new LingerOption(true, 0); // a reset, as from a host that went away
                            client.Close();
                            continue;
                        }

                        var backend = new TcpClient();
                        backend.Connect(IPAddress.Loopback, _backendPort);
                        Pump(client, backend);
                        Pump(backend, client);
                    }
                }
                catch (SocketException)
                {
                    // Stopped.
                }
                catch (ObjectDisposedException)
                {
                    // Stopped.
                }
            }

            private static void Pump(TcpClient from, TcpClient to)
            {
                Task.Run(async () =>
                {
                    try
                    {
                        await from.GetStream().CopyToAsync(to.GetStream());
                        to.Client.Shutdown(SocketShutdown.Send);
                    }
                    catch (Exception e) when (e is IOException || e is SocketException || e is ObjectDisposedException)
                    {
                        from.Close();
                        to.Close();
                    }
                });
            }
        }
    }
}
