using System;
using Ipenergy.Probe.Simulator;
using Xunit;

namespace Ipenergy.Probe.Tests.Sntp
{
    public class SntpOptionsTests
    {
        [Fact]
        public void NtpServersRepeatAndClockStartParses()
        {
            SimulatorOptions o = OptionsParser.Parse(new[] { "--ntp-server", "127.0.0.1:1123", "--ntp-server=[::1]", "--clock-start", "2016-01-01T00:00:00Z" });
            Assert.Equal(new[] { "127.0.0.1:1123", "[::1]" }, o.NtpServers);
            Assert.Equal(new DateTime(2016, 1, 1, 0, 0, 0, DateTimeKind.Utc), o.ClockStart);
            Assert.Equal(DateTimeKind.Utc, o.ClockStart.Value.Kind);
            Assert.Empty(OptionsParser.Parse(new string[0]).NtpServers);
            Assert.Null(OptionsParser.Parse(new string[0]).ClockStart);
        }

        [Theory]
        [InlineData("--ntp-server", "host:0", "--ntp-server: SNTP server port must be 1..65535, got 'host:0'")]
        [InlineData("--clock-start", "soon", "--clock-start must be an ISO 8601 UTC time 1970..2099 (e.g. 2016-01-01T00:00:00Z), got 'soon'")]
        public void BadValuesAreNamed(string option, string value, string message)
        {
            SetupException e = Assert.Throws<SetupException>(() => OptionsParser.Parse(new[] { option, value }));
            Assert.Equal(message, e.Message);
        }
    }
}
