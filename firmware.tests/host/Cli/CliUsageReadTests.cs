using Xunit;

namespace Ipenergy.Probe.Tests.Cli
{
    /// <summary>Bad command lines of read, watch and alarms: "error: ..." on stderr, exit 2, nothing sent.</summary>
    public sealed class CliUsageReadTests
    {
        [Theory]
        [InlineData("--what bogus", "--what must be summary, phases, channels or circuits, got \"bogus\"")]
        [InlineData("--format xml", "--format must be table, json or csv")]
        [InlineData("--json --format csv", "--json and --format csv disagree")]
        [InlineData("--colour", "unknown option --colour")]
        [InlineData("--timeout abc", "--timeout must be a number")]
        [InlineData("extra", "unexpected argument \"extra\"")]
        public void ReadRefusesABadCommandLine(string words, string message)
        {
            Refused("read -p 127.0.0.1:1 " + words, message, "eprobe read --help");
        }

        [Fact]
        public void ReadWithoutProbesAsksWhichOnes()
        {
            Refused("read", "which probes? give --probe HOST[:PORT], --probes-file FILE or --discover", "eprobe read --help");
        }

        [Theory]
        [InlineData("--interval 0", "--interval must be a number from 0.1")]
        [InlineData("--interval x", "--interval must be a number")]
        [InlineData("--count -1", "--count must be an integer from 0")]
        [InlineData("--format csv", "this command has no CSV output")]
        [InlineData("--what", "--what needs a value")]
        public void WatchRefusesABadCommandLine(string words, string message)
        {
            Refused("watch -p 127.0.0.1:1 " + words, message, "eprobe watch --help");
        }

        [Theory]
        [InlineData("-p 127.0.0.1:1 --fail-on info", "--fail-on must be warning or critical, got \"info\"")]
        [InlineData("-p 127.0.0.1:1 --ack abc", "--ack needs an alarm id")]
        [InlineData("-p 127.0.0.1:1 --ack 0", "--ack needs an alarm id")]
        [InlineData("-p 127.0.0.1:1 -p 127.0.0.1:2 --ack 3", "--ack needs exactly one --probe")]
        [InlineData("--discover --ack 3", "--ack needs exactly one --probe")]
        [InlineData("-p 127.0.0.1:1 --ack 3 --journal", "--ack acknowledges only")]
        [InlineData("-p 127.0.0.1:1 --journal --format csv", "--journal has no CSV form")]
        [InlineData("-p 127.0.0.1:1 --journal-records 500", "--journal-records must be an integer from 1 to 200")]
        public void AlarmsRefusesABadCommandLine(string words, string message)
        {
            Refused("alarms " + words, message, "eprobe alarms --help");
        }

        [Theory]
        [InlineData("read", "usage: eprobe read")]
        [InlineData("watch", "usage: eprobe watch")]
        [InlineData("alarms", "usage: eprobe alarms")]
        public void HelpIsTheReference(string command, string start)
        {
            CliResult result = EprobeCli.Run(command, "--help");
            Assert.Equal(0, result.ExitCode);
            Assert.StartsWith(start, result.Output);
            Assert.Contains("Exit codes:", result.Output);
            Assert.Contains("--probes-file FILE", result.Output);

            CliResult list = EprobeCli.Run("--help");
            Assert.Contains("  " + command + " ", list.Output);
        }

        private static void Refused(string commandLine, string message, string hint)
        {
            CliResult result = EprobeCli.Run(commandLine.Split(' '));
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.StartsWith("error: ", result.Error);
            Assert.Contains(message, result.Error);
            Assert.Contains("(" + hint + ")", result.Error);
            Assert.Equal("", result.Output);
        }
    }
}
