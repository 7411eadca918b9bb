using System.IO;
using Ipenergy.Probe.Simulator;
using Xunit;

namespace Ipenergy.Probe.Tests.Simulator
{
    public class OptionsParserTests
    {
        [Fact]
        public void NoOptionsGiveTheSpecDefaults()
        {
            SimulatorOptions o = OptionsParser.Parse(new string[0]);
            Assert.Null(o.Model);
            Assert.Null(o.ScenarioPath);
            Assert.Equal(8080, o.HttpPort);
            Assert.Equal(5020, o.ModbusPort);
            Assert.Equal(1161, o.SnmpPort);
            Assert.Empty(o.TrapTargets);
            Assert.Equal("127.0.0.1", o.BindAddress);
            Assert.Null(o.DataDir);
            Assert.Equal(1.0, o.TimeScale);
            Assert.Equal(3200, o.SampleRateHz);
            Assert.False(o.StandardPorts);
            Assert.False(o.Help);
        }

        [Fact]
        public void EveryOptionIsTaken()
        {
            SimulatorOptions o = OptionsParser.Parse(new[]
            {
                "--model", "MPP3", "--scenario", "s.json", "--http-port", "0", "--modbus-port=15020", "--snmp-port", "0",
                "--trap-target", "127.0.0.1:162", "--trap-target=[::1]:1162", "--trap-target", "nms.example:10162",
                "--bind", "0.0.0.0", "--data-dir", "flash", "--time-scale", "1e3", "--sample-rate", "6400",
            });
            Assert.Equal("MPP3", o.Model);
            Assert.Equal("s.json", o.ScenarioPath);
            Assert.Equal(0, o.HttpPort);
            Assert.Equal(15020, o.ModbusPort);
            Assert.Equal(0, o.SnmpPort);
            Assert.Equal(3, o.TrapTargets.Count);
            Assert.Equal("127.0.0.1:162", o.TrapTargets[0].ToString());
            Assert.Equal("::1", o.TrapTargets[1].Host);
            Assert.Equal(1162, o.TrapTargets[1].Port);
            Assert.Equal("nms.example", o.TrapTargets[2].Host);
            Assert.Equal("0.0.0.0", o.BindAddress);
            Assert.Equal("flash", o.DataDir);
            Assert.Equal(1000.0, o.TimeScale);
            Assert.Equal(6400, o.SampleRateHz);
        }

        [Fact]
        public void ModelIsCaseInsensitive()
        {
            Assert.Equal("MPP18", OptionsParser.Parse(new[] { "--model", "mpp18" }).Model);
        }

        [Fact]
        public void StandardPortsAreTheDevicesAndAnExplicitPortWins()
        {
            SimulatorOptions o = OptionsParser.Parse(new[] { "--standard-ports" });
            Assert.Equal(80, o.HttpPort);
            Assert.Equal(502, o.ModbusPort);
            Assert.Equal(161, o.SnmpPort);

            o = OptionsParser.Parse(new[] { "--http-port", "0", "--standard-ports" });
            Assert.Equal(0, o.HttpPort);
            Assert.Equal(502, o.ModbusPort);
        }

        [Theory]
        [InlineData("--help")]
        [InlineData("-h")]
        public void HelpWinsOverEverythingElse(string flag)
        {
            Assert.True(OptionsParser.Parse(new[] { "--time-scale", "abc", flag }).Help);
        }

        [Theory]
        [InlineData("--time-scale must be a number > 0, got 'abc'", "--time-scale", "abc")]
        [InlineData("--time-scale must be a number > 0, got '0'", "--time-scale", "0")]
        [InlineData("--time-scale must be a number > 0, got '-2'", "--time-scale", "-2")]
        [InlineData("--time-scale must be a number > 0, got 'NaN'", "--time-scale", "NaN")]
        [InlineData("--time-scale must be a number > 0, got 'Infinity'", "--time-scale=Infinity")]
        [InlineData("--http-port must be a port number 0..65535 (0 = any free port), got '65536'", "--http-port", "65536")]
        [InlineData("--http-port must be a port number 0..65535 (0 = any free port), got '-1'", "--http-port", "-1")]
        [InlineData("--modbus-port must be a port number 0..65535 (0 = any free port), got 'x'", "--modbus-port", "x")]
        [InlineData("--snmp-port must be a port number 0..65535 (0 = any free port), got '1.5'", "--snmp-port", "1.5")]
        [InlineData("--model must be MPP3 or MPP18, got 'MPP4'", "--model", "MPP4")]
        [InlineData("--bind must be an IP address (e.g. 127.0.0.1, 0.0.0.0, ::1), got 'localhost'", "--bind", "localhost")]
        [InlineData("--bind must be an IP address (e.g. 127.0.0.1, 0.0.0.0, ::1), got '1'", "--bind", "1")]
        [InlineData("--bind must be an IP address (e.g. 127.0.0.1, 0.0.0.0, ::1), got '300.1.1.1'", "--bind", "300.1.1.1")]
        [InlineData("--sample-rate must be an integer 1000..1000000 (frames per second), got '999'", "--sample-rate", "999")]
        [InlineData("--sample-rate must be an integer 1000..1000000 (frames per second), got 'fast'", "--sample-rate", "fast")]
        [InlineData("--trap-target must be HOST:PORT (e.g. 127.0.0.1:162 or [::1]:162), got 'nms'", "--trap-target", "nms")]
        [InlineData("--trap-target must be HOST:PORT (e.g. 127.0.0.1:162 or [::1]:162), got 'nms:0' (port must be 1..65535)", "--trap-target", "nms:0")]
        [InlineData("--trap-target must be HOST:PORT (e.g. 127.0.0.1:162 or [::1]:162), got ':162'", "--trap-target", ":162")]
        [InlineData("--trap-target must be HOST:PORT (e.g. 127.0.0.1:162 or [::1]:162), got 'a b:162' (bad host 'a b')", "--trap-target", "a b:162")]
        [InlineData("--trap-target must be HOST:PORT (e.g. 127.0.0.1:162 or [::1]:162), got '[nms]:162' (not an IPv6 address in brackets)", "--trap-target", "[nms]:162")]
        [InlineData("unknown option '--colour' (see --help)", "--colour", "red")]
        [InlineData("unexpected argument 'MPP3' (options start with --, see --help)", "MPP3")]
        [InlineData("--http-port needs a value (see --help)", "--http-port")]
        [InlineData("--scenario needs a value (see --help)", "--scenario", "--model", "MPP3")]
        [InlineData("--http-port given more than once", "--http-port", "1", "--http-port", "2")]
        [InlineData("--standard-ports takes no value, got 'yes'", "--standard-ports=yes")]
        [InlineData("--modbus-port and --http-port are both TCP port 9000; give them different ports", "--http-port", "9000", "--modbus-port", "9000")]
        [InlineData("--scenario needs a file name, got ''", "--scenario", "")]
        public void BadOptionsAreRejectedWithOneLineNamingThem(string expected, params string[] args)
        {
            Assert.Equal(expected, SimulatorTestSupport.SetupError(args));
        }

        [Fact]
        public void ADataDirThatCannotBeCreatedIsRejected()
        {
            string file = Path.GetTempFileName();
            try
            {
                string message = SimulatorTestSupport.SetupError("--data-dir", file);
                Assert.StartsWith("--data-dir: cannot create '" + file + "': ", message);
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Fact]
        public void AMissingDataDirIsCreated()
        {
            string dir = Path.Combine(Path.GetTempPath(), "sim-test-flash-" + System.Guid.NewGuid().ToString("N"), "nested");
            try
            {
                SimulatorSetup.Prepare(new[] { "--data-dir", dir });
                Assert.True(Directory.Exists(dir));
            }
            finally
            {
                Directory.Delete(Path.GetDirectoryName(dir), true);
            }
        }
    }
}
