using System;
using System.Globalization;
using System.Text.RegularExpressions;
using Ipenergy.Probe.Tests.Simulator;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;

namespace Ipenergy.Probe.Tests.Modbus
{
    /// <summary>The virtual e-Probe process with --modbus-port 0: the printed line, and mbpoll reading the vendor map phase voltages.</summary>
    public sealed class SimulatorModbusTests
    {
        [Fact]
        public void PrintsTheRealPortAndAnswersMbpoll()
        {
            using var p = new SimulatorProcess("--model", "MPP3", "--http-port", "0", "--modbus-port", "0", "--time-scale", "10");
            string line = p.WaitForLine("modbus ", TimeSpan.FromSeconds(30));
            Match m = Regex.Match(line.TrimEnd(), @"^modbus tcp://127\.0\.0\.1:(\d+) \(unit 1\)$");
            Assert.True(m.Success, "modbus line: " + line);
            int port = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.InRange(port, 1, 65535);

            // Vendor map: Vrms of L1, L2, L3 at 1102, 1114, 1126 (float32, big-endian words); 0 until the first second.
            // Before the first second the map may hold 0 or NaN: poll until three voltages are there.
            PeerProcess.Result r = null;
            double[] volts = null;
            for (int attempt = 0; attempt < 50 && volts == null; attempt++)
            {
                r = ModbusPeerRunner.Mbpoll("-m", "tcp", "-p", port.ToString(CultureInfo.InvariantCulture), "-1", "-0", "-o", "5",
                    "-t", "3:float", "-B", "-r", "1102", "-c", "13", "127.0.0.1");
                Assert.True(r.ExitCode == 0, r.ToString());
                volts = Voltages(r.Stdout);
                if (volts == null)
                {
                    System.Threading.Thread.Sleep(100);
                }
            }

            Assert.True(volts != null, "no voltages over Modbus: " + r);
            for (int phase = 0; phase < 3; phase++)
            {
                Assert.True(Math.Abs(volts[phase] - 230.0) < 2.3, "L" + (phase + 1) + " = " + volts[phase] + " V over Modbus, scenario 230 V");
            }
        }

        // L1..L3 from mbpoll's output, or null while any is missing, not a number or zero.
        private static double[] Voltages(string stdout)
        {
            var volts = new double[3];
            for (int phase = 0; phase < 3; phase++)
            {
                Match v = Regex.Match(stdout, @"\[" + (1102 + 12 * phase) + @"\]:\s+([-0-9.eE+]+)\s");
                if (!v.Success || !double.TryParse(v.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out volts[phase]) ||
                    volts[phase] == 0)
                {
                    return null;
                }
            }

            return volts;
        }
    }
}
