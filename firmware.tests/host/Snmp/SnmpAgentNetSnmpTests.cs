using System;
using Ipenergy.Probe.Protocols.Snmp;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Snmp
{
    /// <summary>
    /// net-snmp's own tools (package snmp) against the agent on 127.0.0.1 over the test subtrees: snmpget,
    /// snmpgetnext, snmpwalk, snmpbulkwalk, snmpset, v1 and v2c, errors as the tools report them, and a
    /// wrong community timing out.
    /// </summary>
    public sealed class SnmpAgentNetSnmpTests : IDisposable
    {
        private const string S = ".1.3.6.1.4.1.32473.99.1";
        private const string T = ".1.3.6.1.4.1.32473.99.2.1";

        private readonly ITestOutputHelper _output;
        private readonly SnmpCoreTestAgent _agent = new SnmpCoreTestAgent();

        public SnmpAgentNetSnmpTests(ITestOutputHelper output)
        {
            _output = output;
        }

        public void Dispose()
        {
            _agent.Dispose();
        }

        private NetSnmpTool.Result Tool(string tool, params string[] args)
        {
            var all = new string[args.Length + 7];
            all[0] = "-On";
            all[1] = "-m";
            all[2] = "";
            all[3] = "-r";
            all[4] = "0";
            all[5] = "-t";
            all[6] = "2";
            Array.Copy(args, 0, all, 7, args.Length);
            NetSnmpTool.Result result = NetSnmpTool.Run(tool, all);
            _output.WriteLine("$ " + tool + " " + string.Join(" ", args));
            _output.WriteLine(result.All);
            return result;
        }

        private string Ok(string tool, params string[] args)
        {
            NetSnmpTool.Result result = Tool(tool, args);
            Assert.True(result.ExitCode == 0, tool + " failed: " + result.All);
            return result.Output;
        }

        [Theory]
        [InlineData("1")]
        [InlineData("2c")]
        public void SnmpgetReadsEveryType(string version)
        {
            string output = Ok("snmpget", "-v" + version, "-c", "public", _agent.Target,
                S + ".1.0", S + ".2.0", S + ".3.0", S + ".5.0", S + ".6.0", S + ".7.0", S + ".8.0", S + ".9.0", T + ".3.5");
            Assert.Contains(S + ".1.0 = INTEGER: 42", output);
            Assert.Contains(S + ".2.0 = STRING: \"hello\"", output);
            Assert.Contains(S + ".3.0 = Counter32: 4294967295", output);
            Assert.Contains(S + ".5.0 = Gauge32: 230", output);
            Assert.Contains(S + ".6.0 = Timeticks: (360000) 1:00:00.00", output);
            Assert.Contains(S + ".7.0 = IpAddress: 192.0.2.1", output);
            Assert.Contains(S + ".8.0 = OID: .1.3.6.1.4.1.32473.1", output);
            Assert.Contains(S + ".9.0 = INTEGER: -5", output);
            Assert.Contains(T + ".3.5 = STRING: \"Ch 7 current\"", output);
        }

        [Fact]
        public void SnmpgetV2cCounter64AndExceptions()
        {
            string output = Ok("snmpget", "-v2c", "-c", "public", _agent.Target, S + ".4.0", S + ".4.1", ".1.3.6.1.4.1.32473.98.0", T + ".4.5");
            Assert.Contains(S + ".4.0 = Counter64: 81985529216486895", output);
            Assert.Contains(S + ".4.1 = No Such Instance currently exists at this OID", output);
            Assert.Contains(".1.3.6.1.4.1.32473.98.0 = No Such Object available on this agent at this OID", output);
            Assert.Contains(T + ".4.5 = No Such Instance currently exists at this OID", output);
        }

        [Fact]
        public void SnmpgetV1ReportsNoSuchNameWithTheFailedObject()
        {
            NetSnmpTool.Result result = Tool("snmpget", "-v1", "-c", "public", _agent.Target, S + ".1.0", S + ".4.0");
            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("noSuchName", result.All);
            Assert.Contains("Failed object: " + S + ".4.0", result.All);
        }

        [Theory]
        [InlineData("1")]
        [InlineData("2c")]
        public void SnmpgetnextCrossesFromScalarsToTable(string version)
        {
            string output = Ok("snmpgetnext", "-v" + version, "-c", "public", _agent.Target, S + ".9.0", S + ".3.0");
            Assert.Contains(T + ".2.1 = INTEGER: 10", output);
            Assert.Contains(version == "1" ? S + ".5.0 = Gauge32: 230" : S + ".4.0 = Counter64: 81985529216486895", output);
        }

        [Theory]
        [InlineData("1", 16, "End of MIB")]
        [InlineData("2c", 17, T + ".4.2 = No more variables left in this MIB View (It is past the end of the MIB tree)")]
        public void SnmpwalkVisitsEveryObjectAndStopsAtTheEndOfTheView(string version, int objects, string end)
        {
            // v1 ends on noSuchName, which snmpwalk prints as "End of MIB"; v2c on endOfMibView.
            string[] lines = NetSnmpTool.Lines(Ok("snmpwalk", "-v" + version, "-c", "public", _agent.Target, ".1.3.6.1.4.1.32473.99"));
            Assert.Equal(objects + 1, lines.Length);
            Assert.StartsWith(S + ".1.0 = INTEGER: 42", lines[0]);
            Assert.StartsWith(T + ".4.2 = Gauge32: 2000", lines[objects - 1]);
            Assert.Equal(end, lines[objects]);
        }

        [Fact]
        public void SnmpbulkwalkOfTheWholeViewEndsCleanlyWithEndOfMibView()
        {
            int before = _agent.Agent.Answered;
            NetSnmpTool.Result result = Tool("snmpbulkwalk", "-v2c", "-c", "public", "-Cr5", _agent.Target, ".1");
            Assert.Equal(0, result.ExitCode);
            Assert.Equal("", result.Error);
            string[] lines = NetSnmpTool.Lines(result.Output);
            Assert.Equal(18, lines.Length);
            Assert.StartsWith(S + ".1.0 = INTEGER: 42", lines[0]);
            Assert.StartsWith(T + ".4.2 = Gauge32: 2000", lines[16]);
            Assert.Equal(T + ".4.2 = No more variables left in this MIB View (It is past the end of the MIB tree)", lines[17]);

            // 17 objects + endOfMibView by 5 repetitions: 4 requests, the last one cut short at the end of the view.
            // The agent counts an answer after sending it, so the client may have exited a moment before that.
            var settle = System.Diagnostics.Stopwatch.StartNew();
            while (_agent.Agent.Answered - before < 4 && settle.ElapsedMilliseconds < 2000)
            {
                System.Threading.Thread.Sleep(5);
            }

            Assert.Equal(4, _agent.Agent.Answered - before);
        }

        [Fact]
        public void SnmpsetWritesTwoVarbindsTogether()
        {
            Ok("snmpset", "-v2c", "-c", "private", _agent.Target, S + ".1.0", "i", "7", S + ".2.0", "s", "rack B12");
            Assert.Equal(7, _agent.Scalars.Number);
            Assert.Equal("rack B12", _agent.Scalars.Text);
            string output = Ok("snmpget", "-v1", "-c", "public", _agent.Target, S + ".1.0", S + ".2.0");
            Assert.Contains(S + ".1.0 = INTEGER: 7", output);
            Assert.Contains(S + ".2.0 = STRING: \"rack B12\"", output);
            Ok("snmpset", "-v1", "-c", "private", _agent.Target, T + ".2.2", "i", "-3", S + ".7.0", "a", "198.51.100.200");
            Assert.Equal(-3, _agent.Table.Level(1));
            Assert.Equal(0xC63364C8u, _agent.Scalars.Address);
        }

        [Fact]
        public void SnmpsetErrorsNameTheFailingVarbindAndWriteNothing()
        {
            NetSnmpTool.Result result = Tool("snmpset", "-v2c", "-c", "private", _agent.Target, S + ".1.0", "i", "7", S + ".3.0", "i", "5");
            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("notWritable", result.All);
            Assert.Contains("Failed object: " + S + ".3.0", result.All);
            Assert.Equal(42, _agent.Scalars.Number);

            result = Tool("snmpset", "-v2c", "-c", "private", _agent.Target, S + ".2.0", "s", "ok", S + ".1.0", "i", "1000");
            Assert.Contains("wrongValue", result.All);
            Assert.Contains("Failed object: " + S + ".1.0", result.All);

            result = Tool("snmpset", "-v2c", "-c", "private", _agent.Target, S + ".1.0", "s", "seven");
            Assert.Contains("wrongType", result.All);

            result = Tool("snmpset", "-v1", "-c", "private", _agent.Target, S + ".1.0", "s", "seven");
            Assert.Contains("badValue", result.All);

            result = Tool("snmpset", "-v1", "-c", "private", _agent.Target, S + ".1.0", "i", "7", S + ".3.0", "i", "5");
            Assert.Contains("noSuchName", result.All);
            Assert.Contains("Failed object: " + S + ".3.0", result.All);

            result = Tool("snmpset", "-v2c", "-c", "public", _agent.Target, S + ".1.0", "i", "7");
            Assert.Contains("noAccess", result.All);
            Assert.Equal(42, _agent.Scalars.Number);
            Assert.Equal("hello", _agent.Scalars.Text);
            Assert.Equal(0, _agent.Scalars.Commits);
        }

        [Theory]
        [InlineData("1")]
        [InlineData("2c")]
        public void AWrongCommunityTimesOut(string version)
        {
            NetSnmpTool.Result result = Tool("snmpget", "-v" + version, "-c", "wrong", _agent.Target, S + ".1.0");
            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("Timeout", result.All);
            Assert.Equal(1u, _agent.Counters.Read(SnmpCounters.InBadCommunityNames));
            Assert.Equal(0u, _agent.Counters.Read(SnmpCounters.OutPkts));
        }
    }
}
