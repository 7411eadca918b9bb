using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using Xunit;

namespace Ipenergy.Probe.Tests.Cli
{
    /// <summary>
    /// eprobe read against three real virtual e-Probes (MPP18, MPP3 with a circuit, MPP3 with a scenario): every
    /// value printed is the probe's own /api/v1/measurements value (taken between a reading of the probe just
    /// before and one just after the CLI run), in the table, JSON and CSV; failed probes are reported per probe.
    /// </summary>
    [Collection(ReadProbesCollection.Name)]
    public sealed class ReadTests
    {
        private readonly ReadProbes _probes;

        public ReadTests(ReadProbes probes)
        {
            _probes = probes;
        }

        [Fact]
        public void JsonChannelsAreEachProbesOwnValues()
        {
            var before = Snapshots();
            CliResult result = EprobeCli.Run(Args("read", "--what", "channels", "--json"));
            var after = Snapshots();
            Assert.True(result.ExitCode == 0, result.ToString());

            JsonElement probes = JsonDocument.Parse(result.Output).RootElement;
            Assert.Equal(3, probes.GetArrayLength());
            string[] serials = { "READ-MPP18", "READ-MPP3", "READ-SCN" };
            int[] channelCounts = { 18, 3, 3 };
            for (int p = 0; p < 3; p++)
            {
                JsonElement probe = probes[p];
                Assert.Equal(_probes.Addresses[p], probe.GetProperty("probe").GetString());
                Assert.True(probe.GetProperty("ok").GetBoolean());
                Assert.Equal(serials[p], probe.GetProperty("serial").GetString());
                Assert.Equal(ReadProbes.Get(Probe(p), "/api/v1/info").GetProperty("model").GetString(), probe.GetProperty("model").GetString());
                JsonElement channels = probe.GetProperty("channels");
                Assert.Equal(channelCounts[p], channels.GetArrayLength());
                for (int c = 0; c < channels.GetArrayLength(); c++)
                {
                    JsonElement b = before[p].GetProperty("channels")[c];
                    JsonElement a = after[p].GetProperty("channels")[c];
                    JsonElement cli = channels[c];
                    Assert.Equal(b.GetProperty("channel").GetInt32(), cli.GetProperty("channel").GetInt32());
                    Assert.Equal(b.GetProperty("phase").GetString(), cli.GetProperty("phase").GetString());
                    foreach (string field in new[] { "irms", "activePowerW", "apparentPowerVA", "powerFactor", "loadPercentOfCt" })
                    {
                        Between(b.GetProperty(field).GetDouble(), cli.GetProperty(field).GetDouble(), a.GetProperty(field).GetDouble(), serials[p] + " ch" + (c + 1) + " " + field);
                    }

                    // Energy counters only grow: the CLI's value lies between the two readings exactly.
                    double energy = cli.GetProperty("importEnergyWh").GetDouble();
                    Assert.True(b.GetProperty("importEnergyWh").GetDouble() <= energy && energy <= a.GetProperty("importEnergyWh").GetDouble(),
                        serials[p] + " ch" + (c + 1) + " energy " + energy + " not between " + b.GetProperty("importEnergyWh") + " and " + a.GetProperty("importEnergyWh"));
                }
            }
        }

        [Fact]
        public void SummaryTableAndJsonShowEveryProbeWithVoltagesTotalPowerCircuitLoadAndAlarms()
        {
            var before = Snapshots();
            CliResult json = EprobeCli.Run(Args("read", "--json"));
            CliResult table = EprobeCli.Run(Args("read"));
            var after = Snapshots();
            Assert.True(json.ExitCode == 0, json.ToString());
            Assert.True(table.ExitCode == 0, table.ToString());

            JsonElement probes = JsonDocument.Parse(json.Output).RootElement;
            for (int p = 0; p < 3; p++)
            {
                JsonElement probe = probes[p];
                for (int phase = 0; phase < 3; phase++)
                {
                    string name = "L" + (phase + 1);
                    Between(Vrms(before[p], phase), probe.GetProperty("vrms").GetProperty(name).GetDouble(), Vrms(after[p], phase), name);
                }

                Between(TotalPower(before[p]), probe.GetProperty("activePowerW").GetDouble(), TotalPower(after[p]), "total P of probe " + p);
                Assert.Equal("e-Probe", probe.GetProperty("name").GetString());
                Assert.True(probe.GetProperty("alarms").GetProperty("active").GetInt32() >= 0);
            }

            // The MPP3 with its circuit: the most loaded circuit is "Rack A", % of its 100 A breaker.
            JsonElement mpp3 = probes[1];
            Assert.Equal("Rack A", mpp3.GetProperty("maxCircuit").GetString());
            double load = mpp3.GetProperty("maxCircuitLoadPercent").GetDouble();
            Between(CircuitLoad(before[1]), load, CircuitLoad(after[1]), "Rack A load %");
            Assert.Equal(JsonValueKind.Null, probes[0].GetProperty("maxCircuitLoadPercent").ValueKind);

            string[] lines = table.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("PROBE", lines[0]);
            Assert.Contains("MAX CIRCUIT %", lines[0]);
            Assert.Equal(4, lines.Length);
            Assert.Contains("READ-MPP18", lines[1]);
            Assert.Contains("MPP18", lines[1]);
            Assert.Contains("READ-MPP3", lines[2]);
            Assert.Contains(load.ToString("F1", CultureInfo.InvariantCulture), lines[2]);
            Assert.Contains("READ-SCN", lines[3]);
        }

        [Fact]
        public void CsvHasOneRowPerProbeAndItemNumbersWithADotAndUnitsInTheHeader()
        {
            var before = Snapshots();
            CliResult result = EprobeCli.Run(Args("read", "--what", "phases", "--format", "csv"));
            var after = Snapshots();
            Assert.True(result.ExitCode == 0, result.ToString());

            string[] rows = result.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            string[] header = rows[0].Split(',');
            Assert.Equal(new[] { "probe", "name", "serial", "timestamp", "phase", "vrms_V", "fundamentalVrms_V", "thd_percent", "angle_deg", "frequency_Hz", "activePower_W", "present" }, header);
            Assert.Equal(1 + 3 * 3, rows.Length);
            var number = new Regex("^-?[0-9]+(\\.[0-9]+)?$");
            for (int r = 1; r < rows.Length; r++)
            {
                string[] f = rows[r].Split(',');
                int p = (r - 1) / 3;
                int phase = (r - 1) % 3;
                Assert.Equal(_probes.Addresses[p], f[0]);
                Assert.Equal("L" + (phase + 1), f[4]);
                for (int i = 5; i <= 10; i++)
                {
                    Assert.Matches(number, f[i]);
                }

                Between(Vrms(before[p], phase), double.Parse(f[5], CultureInfo.InvariantCulture), Vrms(after[p], phase), rows[r]);
            }

            CliResult circuits = EprobeCli.Run(Args("read", "--what", "circuits", "--format", "csv"));
            Assert.True(circuits.ExitCode == 0, circuits.ToString());
            string[] circuitRows = circuits.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, circuitRows.Length); // only the MPP3 has a circuit
            Assert.Contains("breakerRated_A", circuitRows[0]);
            Assert.StartsWith(_probes.Addresses[1] + ",e-Probe,READ-MPP3,", circuitRows[1]);
            Assert.Contains(",Rack A,3,100.000,", circuitRows[1]);
        }

        [Fact]
        public void ADeadPortAmongThemIsReportedAndTheOthersAreStillRead()
        {
            int dead = ClosedPort();
            string deadProbe = "127.0.0.1:" + dead;
            var args = new List<string> { "read", "-p", _probes.Addresses[0], "-p", deadProbe, "-p", _probes.Addresses[1], "-p", _probes.Addresses[2] };
            CliResult table = EprobeCli.Run(args.ToArray());
            Assert.True(table.ExitCode == 1, table.ToString());
            Assert.Contains("eprobe: " + deadProbe + ": unreachable (Connection refused)", table.Error);
            string[] lines = table.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(5, lines.Length);
            Assert.Contains("READ-MPP18", lines[1]);
            Assert.StartsWith(deadProbe, lines[2]);
            Assert.Contains("error: unreachable", lines[2]);
            Assert.Contains("READ-MPP3", lines[3]);
            Assert.Contains("READ-SCN", lines[4]);

            args.Add("--json");
            CliResult json = EprobeCli.Run(args.ToArray());
            Assert.Equal(1, json.ExitCode);
            JsonElement probes = JsonDocument.Parse(json.Output).RootElement;
            Assert.Equal(4, probes.GetArrayLength());
            Assert.False(probes[1].GetProperty("ok").GetBoolean());
            Assert.StartsWith("unreachable", probes[1].GetProperty("error").GetString());
            Assert.True(probes[3].GetProperty("ok").GetBoolean());

            CliResult alone = EprobeCli.Run("read", "-p", deadProbe, "--timeout", "2");
            Assert.True(alone.ExitCode == 4, alone.ToString());
        }

        [Fact]
        public void AServerThatIsNotAnEProbeIsABadAnswer()
        {
            using var garbage = new GarbageServer("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello");
            using var emptyJson = new GarbageServer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
            CliResult result = EprobeCli.Run("read", "-p", garbage.Address, "-p", _probes.Addresses[1], "-p", emptyJson.Address);
            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Contains("eprobe: " + garbage.Address + ": bad answer to /api/v1/info: not JSON (hello)", result.Error);
            Assert.Contains("eprobe: " + emptyJson.Address + ": bad answer to /api/v1/info: no model and serial (not an e-Probe?)", result.Error);
            Assert.Contains("READ-MPP3", result.Output);
        }

        private static void Between(double a, double value, double b, string what)
        {
            double low = Math.Min(a, b);
            double high = Math.Max(a, b);
            double tolerance = 0.005 * Math.Max(Math.Abs(low), Math.Abs(high)) + 0.02;
            Assert.True(value >= low - tolerance && value <= high + tolerance,
                what + ": CLI " + value.ToString(CultureInfo.InvariantCulture) + " not within the probe's own " + a.ToString(CultureInfo.InvariantCulture)
                + " .. " + b.ToString(CultureInfo.InvariantCulture));
        }

        private static double Vrms(JsonElement measurements, int phase)
        {
            return measurements.GetProperty("phases")[phase].GetProperty("vrms").GetDouble();
        }

        private static double TotalPower(JsonElement measurements)
        {
            double total = 0;
            foreach (JsonElement c in measurements.GetProperty("channels").EnumerateArray())
            {
                total += c.GetProperty("activePowerW").GetDouble();
            }

            return total;
        }

        private static double CircuitLoad(JsonElement measurements)
        {
            return measurements.GetProperty("circuits")[0].GetProperty("loadPercent").GetDouble();
        }

        private static int ClosedPort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        private string[] Args(params string[] first)
        {
            var args = new List<string>(first);
            foreach (string a in _probes.Addresses)
            {
                args.Add("-p");
                args.Add(a);
            }

            return args.ToArray();
        }

        private EndToEnd.VirtualProbe Probe(int index)
        {
            return index == 0 ? _probes.Mpp18 : index == 1 ? _probes.Mpp3 : _probes.Alarmed;
        }

        private JsonElement[] Snapshots()
        {
            return new[]
            {
                ReadProbes.Get(_probes.Mpp18, "/api/v1/measurements"),
                ReadProbes.Get(_probes.Mpp3, "/api/v1/measurements"),
                ReadProbes.Get(_probes.Alarmed, "/api/v1/measurements"),
            };
        }

        /// <summary>An HTTP port that answers every connection with the same bytes, whatever was asked.</summary>
        private sealed class GarbageServer : IDisposable
        {
            private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
            private readonly Thread _thread;

            public GarbageServer(string answer)
            {
                _listener.Start();
                Address = "127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port;
                byte[] bytes = Encoding.ASCII.GetBytes(answer);
                _thread = new Thread(() =>
                {
                    try
                    {
                        while (true)
                        {
                            using TcpClient client = _listener.AcceptTcpClient();
                            client.ReceiveTimeout = 2000;
                            var buffer = new byte[4096];
                            try
                            {
                                if (client.GetStream().Read(buffer, 0, buffer.Length) > 0)
                                {
                                    client.GetStream().Write(bytes, 0, bytes.Length);
                                }
                            }
                            catch (System.IO.IOException)
                            {
                                // The client gave up: next one.
                            }
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
                }) { IsBackground = true };
                _thread.Start();
            }

            public string Address { get; }

            public void Dispose()
            {
                _listener.Stop();
                _thread.Join(2000);
            }
        }
    }
}
