using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Simulator;
using Xunit;

namespace Ipenergy.Probe.Tests.BusSim
{
    /// <summary>The virtual e-Probe's bus options: parsing, defaults, and every refusal's message.</summary>
    public sealed class BusOptionsTests
    {
        [Fact]
        public void ASlaveNodeTakesHubAddressLine()
        {
            SimulatorOptions o = OptionsParser.Parse(new[] { "--bus", "127.0.0.1:4850", "--bus-address=12", "--bus-baud", "9600", "--bus-parity", "n" });
            Assert.Equal("127.0.0.1", o.Bus.Host);
            Assert.Equal(4850, o.Bus.Port);
            Assert.Equal(12, o.BusAddress);
            Assert.Equal(SimulatorOptions.BusRoleSlave, o.BusRole);
            Assert.Equal(9600, o.BusBaud);
            Assert.Equal(SerialParity.None, o.BusParity);
            Assert.Equal(-1, o.BusHubPort);
        }

        [Fact]
        public void WithoutAnAddressTheRoleIsGatewayUnlessSlaveIsAsked()
        {
            SimulatorOptions gateway = OptionsParser.Parse(new[] { "--bus", "localhost:4850" });
            Assert.Equal(SimulatorOptions.BusRoleGateway, gateway.BusRole);
            Assert.Equal(0, gateway.BusAddress);
            Assert.Equal(115200, gateway.BusBaud);
            Assert.Equal(SerialParity.Even, gateway.BusParity);

            SimulatorOptions unaddressed = OptionsParser.Parse(new[] { "--bus", "localhost:4850", "--bus-role", "slave" });
            Assert.Equal(SimulatorOptions.BusRoleSlave, unaddressed.BusRole);
            Assert.Equal(0, unaddressed.BusAddress);
            Assert.Null(OptionsParser.Parse(new string[0]).Bus);
        }

        [Fact]
        public void TheHubTakesItsPortsWithDefaultsNextToIt()
        {
            SimulatorOptions o = OptionsParser.Parse(new[] { "--bus-hub", "4850", "--bus-baud", "19200" });
            Assert.Equal(4850, o.BusHubPort);
            Assert.Equal(4851, o.BusRawPort);
            Assert.Equal(4852, o.BusControlPort);
            Assert.Equal(19200, o.BusBaud);

            SimulatorOptions any = OptionsParser.Parse(new[] { "--bus-hub", "0", "--bus-control-port", "4999" });
            Assert.Equal(0, any.BusHubPort);
            Assert.Equal(0, any.BusRawPort);
            Assert.Equal(4999, any.BusControlPort);
        }

        [Theory]
        [InlineData("--bus 127.0.0.1", "--bus must be HOST:PORT of a bus hub (e.g. 127.0.0.1:4850), got '127.0.0.1'")]
        [InlineData("--bus 127.0.0.1:0", "--bus must be HOST:PORT of a bus hub (e.g. 127.0.0.1:4850), got '127.0.0.1:0'")]
        [InlineData("--bus h:1 --bus-address 0", "--bus-address must be a Modbus slave address 1..247, got '0'")]
        [InlineData("--bus h:1 --bus-address 248", "--bus-address must be a Modbus slave address 1..247, got '248'")]
        [InlineData("--bus h:1 --bus-role master", "--bus-role must be slave or gateway, got 'master'")]
        [InlineData("--bus h:1 --bus-baud 4800", "--bus-baud must be one of 9600, 19200, 38400, 57600, 115200, got '4800'")]
        [InlineData("--bus h:1 --bus-parity O", "--bus-parity must be E (8E1) or N (8N1), got 'O'")]
        [InlineData("--bus-address 3", "--bus-address needs --bus HOST:PORT (the hub to join)")]
        [InlineData("--bus-role slave", "--bus-role needs --bus HOST:PORT (the hub to join)")]
        [InlineData("--bus-baud 9600", "--bus-baud needs --bus HOST:PORT or --bus-hub PORT")]
        [InlineData("--bus-raw-port 5000", "--bus-raw-port needs --bus-hub PORT")]
        [InlineData("--bus h:1 --bus-control-port 5000", "--bus-control-port needs --bus-hub PORT")]
        [InlineData("--bus h:1 --bus-hub 4850", "--bus-hub runs the hub, --bus joins one: give only one of them")]
        [InlineData("--bus h:1 --bus-role gateway --bus-address 5", "--bus-address is a slave's address; the gateway (bus master) has none: drop it or give --bus-role slave")]
        [InlineData("--bus-hub 4850 --bus-raw-port 4850", "--bus-hub, --bus-raw-port and --bus-control-port need three different ports")]
        [InlineData("--bus-hub 70000", "--bus-hub must be a port number 0..65535 (0 = any free port), got '70000'")]
        public void BadBusOptionsAreRefusedWithOneLine(string args, string message)
        {
            SetupException e = Assert.Throws<SetupException>(() => OptionsParser.Parse(args.Split(' ')));
            Assert.Equal(message, e.Message);
        }

        [Fact]
        public void TheUsageTextListsEveryBusOption()
        {
            foreach (string option in new[] { "--bus HOST:PORT", "--bus-address N", "--bus-role slave|gateway", "--bus-baud N", "--bus-parity E|N", "--bus-hub PORT", "--bus-raw-port N", "--bus-control-port N" })
            {
                Assert.Contains("  " + option, Usage.Text);
            }
        }
    }
}
