using System.Text.RegularExpressions;
using Ipenergy.Probe.Protocols.Modbus.Maps;
using Xunit;

namespace Ipenergy.Probe.Tests.Modbus
{
    /// <summary>The real mbpoll client (Debian package mbpoll) against the server on 127.0.0.1: reads, writes, floats, exceptions.</summary>
    public sealed class ModbusMbpollTests
    {
        private static string[] Args(int port, params string[] more)
        {
            var all = new System.Collections.Generic.List<string> { "-m", "tcp", "-p", port.ToString(), "-1", "-0", "-o", "5" };
            all.AddRange(more);
            return all.ToArray();
        }

        private static int ValueAt(string stdout, int reference)
        {
            Match m = Regex.Match(stdout, @"\[" + reference + @"\]:\s+(-?\d+)");
            Assert.True(m.Success, "no value for reference " + reference + " in:\n" + stdout);
            return int.Parse(m.Groups[1].Value);
        }

        [Fact]
        public void ReadsHoldingAndInputRegisters()
        {
            using var server = new ModbusTestServer();
            var r = ModbusPeerRunner.Mbpoll(Args(server.Port, "-a", "1", "-t", "4", "-r", "107", "-c", "3", "127.0.0.1"));
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.Equal(555, ValueAt(r.Stdout, 107));
            Assert.Equal(0, ValueAt(r.Stdout, 108));
            Assert.Equal(100, ValueAt(r.Stdout, 109));

            r = ModbusPeerRunner.Mbpoll(Args(server.Port, "-a", "255", "-t", "3", "-r", "8", "-c", "1", "127.0.0.1"));
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.Equal(10, ValueAt(r.Stdout, 8));

            // The largest read: 125 registers.
            r = ModbusPeerRunner.Mbpoll(Args(server.Port, "-t", "4", "-r", "0", "-c", "125", "127.0.0.1"));
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.Equal(1000, ValueAt(r.Stdout, 0));
            Assert.Equal(1099, ValueAt(r.Stdout, 99));
            Assert.Equal(124, ValueAt(r.Stdout, 124));
        }

        [Fact]
        public void WritesSingleAndMultipleRegisters()
        {
            using var server = new ModbusTestServer();
            var r = ModbusPeerRunner.Mbpoll(Args(server.Port, "-t", "4", "-r", "10", "127.0.0.1", "4321"));
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.Equal(4321, server.Bank.Holding(10));

            r = ModbusPeerRunner.Mbpoll(Args(server.Port, "-t", "4", "-r", "20", "127.0.0.1", "1", "2", "3"));
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.Equal(1, server.Bank.Holding(20));
            Assert.Equal(2, server.Bank.Holding(21));
            Assert.Equal(3, server.Bank.Holding(22));
        }

        [Fact]
        public void ReadsFloat32BigEndianWords()
        {
            using var server = new ModbusTestServer();
            int bits = (int)RegisterWords.FloatBits(230.25);
            server.Bank.SetHolding(30, (bits >> 16) & 0xFFFF);
            server.Bank.SetHolding(31, bits & 0xFFFF);
            var r = ModbusPeerRunner.Mbpoll(Args(server.Port, "-t", "4:float", "-B", "-r", "30", "-c", "1", "127.0.0.1"));
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.Matches(@"\[30\]:\s+230\.25", r.Stdout);
        }

        [Fact]
        public void ReportsExceptions()
        {
            using var server = new ModbusTestServer();
            var r = ModbusPeerRunner.Mbpoll(Args(server.Port, "-t", "4", "-r", "150", "-c", "60", "127.0.0.1"));
            Assert.True(r.ExitCode != 0 || r.Stdout.Contains("failed"), r.ToString());
            Assert.Contains("Illegal data address", r.Stdout + r.Stderr);

            r = ModbusPeerRunner.Mbpoll(Args(server.Port, "-t", "4", "-r", "150", "127.0.0.1", "7"));
            Assert.Contains("Illegal data address", r.Stdout + r.Stderr);

            r = ModbusPeerRunner.Mbpoll(Args(server.Port, "-t", "0", "-r", "0", "127.0.0.1"));
            Assert.Contains("Illegal function", r.Stdout + r.Stderr);

            r = ModbusPeerRunner.Mbpoll(Args(server.Port, "-t", "4", "-r", "1", "127.0.0.1", "65535"));
            Assert.Contains("Illegal data value", r.Stdout + r.Stderr);

            r = ModbusPeerRunner.Mbpoll(Args(server.Port, "-a", "7", "-t", "4", "-r", "1", "127.0.0.1"));
            Assert.Contains("Target device failed to respond", r.Stdout + r.Stderr);
        }
    }
}
