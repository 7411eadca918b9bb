using Ipenergy.Probe.Simulator;
using Xunit;

namespace Ipenergy.Probe.Tests.Discovery
{
    /// <summary>The virtual e-Probe's --discovery-port and --discovery-bind.</summary>
    public class DiscoveryOptionsTests
    {
        [Fact]
        public void Discovery_is_off_unless_asked()
        {
            SimulatorOptions o = OptionsParser.Parse(new string[0]);
            Assert.Equal(-1, o.DiscoveryPort);
            Assert.Null(o.DiscoveryBindAddress);
        }

        [Fact]
        public void Port_and_bind_address_are_read()
        {
            SimulatorOptions o = OptionsParser.Parse(new[] { "--discovery-port", "0", "--discovery-bind", "127.255.255.255" });
            Assert.Equal(0, o.DiscoveryPort);
            Assert.Equal("127.255.255.255", o.DiscoveryBindAddress);
            Assert.Equal(30303, OptionsParser.Parse(new[] { "--discovery-port", "30303" }).DiscoveryPort);
        }

        [Fact]
        public void A_bad_port_is_refused()
        {
            Assert.Throws<SetupException>(() => OptionsParser.Parse(new[] { "--discovery-port", "-1" }));
            Assert.Throws<SetupException>(() => OptionsParser.Parse(new[] { "--discovery-port", "70000" }));
            Assert.Throws<SetupException>(() => OptionsParser.Parse(new[] { "--discovery-bind", "nowhere" }));
        }
    }
}
