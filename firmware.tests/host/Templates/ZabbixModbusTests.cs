using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ipenergy.Probe.Tests.EndToEnd;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Templates
{
    /// <summary>A virtual MPP18 for the Modbus template, and a minimal zabbix_agentd configuration in a temp folder.</summary>
    public sealed class ZabbixModbusProbe : IDisposable
    {
        public ZabbixModbusProbe()
        {
            Folder = Directory.CreateTempSubdirectory("zabbix-agentd");
            ConfigFile = Path.Combine(Folder.FullName, "zabbix_agentd.conf");
            File.WriteAllText(ConfigFile,
                "LogType=console\n"
                + "PidFile=" + Path.Combine(Folder.FullName, "zabbix_agentd.pid") + "\n"
                + "Hostname=eprobe-template-test\n"
                + "Server=127.0.0.1\n"
                + "Timeout=10\n");
            Probe = new VirtualProbe("--model", "MPP18");
            try
            {
                Probe.MeasurementsAfter(2);
            }
            catch
            {
                Probe.Dispose();
                throw;
            }
        }

        public VirtualProbe Probe { get; }

        public DirectoryInfo Folder { get; }

        public string ConfigFile { get; }

        public void Dispose()
        {
            Probe.Dispose();
            Folder.Delete(true);
        }
    }

    /// <summary>
    /// Every modbus.get key of tools/templates/zabbix/eprobe-modbus.yaml run by the real Zabbix agent in test mode
    /// (zabbix_agentd -t) against a virtual MPP18; the template's dependent items (JSONPath + multiplier) applied to
    /// the agent's answers match GET /api/v1/measurements; mbpoll reads the same phase block.
    /// </summary>
    public sealed class ZabbixModbusTests : IClassFixture<ZabbixModbusProbe>
    {
        private static readonly Regex AgentLine = new Regex(@"^(?<key>modbus\.get\[.*\])\s+\[(?<type>[a-z])\|(?<value>.*)\]$");
        private readonly ZabbixModbusProbe _probe;
        private readonly ITestOutputHelper _out;
        private readonly ZabbixTemplateFile _file;

        public ZabbixModbusTests(ZabbixModbusProbe probe, ITestOutputHelper output)
        {
            _probe = probe;
            _out = output;
            _file = ZabbixTemplateFile.Modbus;
        }

        [Fact]
        public void TheRealZabbixAgentReadsEveryModbusKeyOfTheTemplate()
        {
            int keys = 0;
            foreach (JsonElement template in _file.Templates)
            {
                var items = ZabbixTemplateFile.Array(template, "items").ToList();
                foreach (JsonElement master in items.Where(i => ZabbixTemplateFile.Text(i, "key").StartsWith("modbus.get[", StringComparison.Ordinal)))
                {
                    string key = ZabbixTemplateFile.Text(master, "key");
                    Match p = Regex.Match(key, @"^modbus\.get\[\{\$MODBUS\.ENDPOINT\},\{\$MODBUS\.SLAVEID\},3,(\d+),(\d+),(\w+),be,0\]$");
                    Assert.True(p.Success, "unexpected key layout " + key);
                    int count = int.Parse(p.Groups[2].Value, CultureInfo.InvariantCulture);
                    double[] values = Agent(key);
                    keys++;
                    Assert.True(values.Length == count, key + ": " + values.Length + " values for count " + count);

                    // Every dependent item of this master takes an index the answer has.
                    var dependents = items.Where(i => i.TryGetProperty("master_item", out JsonElement m) && ZabbixTemplateFile.Text(m, "key") == key).ToList();
                    Assert.NotEmpty(dependents);
                    foreach (JsonElement d in dependents)
                    {
                        int index = ZabbixTemplateFile.JsonPathIndex(d);
                        Assert.InRange(index, 0, values.Length - 1);
                    }
                }
            }

            _out.WriteLine(keys + " modbus.get keys answered by zabbix_agentd -t");
            Assert.True(keys >= 40, "only " + keys + " modbus.get keys");
        }

        [Fact]
        public void DependentItemsMatchTheMeasurementsApi()
        {
            JsonElement api = _probe.Probe.MeasurementsAfter(0);
            double v1 = Dependent("eprobe.phase.voltage[L1]");
            double f = Dependent("eprobe.frequency");
            double nominal = Dependent("eprobe.nominal.voltage");
            double i1 = Dependent("eprobe.channel.current[1]");
            double p1 = Dependent("eprobe.channel.power.active[1]");
            double e1 = Dependent("eprobe.channel.energy.import[1]");
            double i18 = Dependent("eprobe.channel.current[18]");
            double pf18 = Dependent("eprobe.channel.pf[18]");
            JsonElement after = _probe.Probe.MeasurementsAfter(0);
            _out.WriteLine("agent x template: L1 " + v1 + " V, nominal " + nominal + " V, " + f + " Hz, ch1 " + i1 + " A " + p1 + " W " + e1
                + " Wh, ch18 " + i18 + " A PF " + pf18);

            Assert.Equal(230.0, nominal);
            // float32 registers (24-bit mantissa) against the API's rounded JSON; the steady room moves a few 0.01 % between seconds.
            CloseToEither(v1, api, after, j => j.GetProperty("phases")[0].GetProperty("vrms").GetDouble(), 0.05, "L1 Vrms");
            CloseToEither(f, api, after, j => j.GetProperty("frequencyHz").GetDouble(), 0.003, "frequency");
            CloseToEither(i1, api, after, j => Channel(j, 1).GetProperty("irms").GetDouble(), 0.003, "channel 1 Irms");
            CloseToEither(p1, api, after, j => Channel(j, 1).GetProperty("activePowerW").GetDouble(), 2.0, "channel 1 P");
            CloseToEither(i18, api, after, j => Channel(j, 18).GetProperty("irms").GetDouble(), 0.003, "channel 18 Irms");
            CloseToEither(pf18, api, after, j => Channel(j, 18).GetProperty("powerFactor").GetDouble(), 0.002, "channel 18 PF");

            // Energy grows: the mWh register read between the two API reads lies between them (to the mWh).
            double before = Channel(api, 1).GetProperty("importEnergyWh").GetDouble();
            double later = Channel(after, 1).GetProperty("importEnergyWh").GetDouble();
            Assert.True(e1 >= before - 0.002 && e1 <= later + 0.002, "channel 1 energy " + e1 + " Wh not within " + before + " .. " + later);
            Assert.True(e1 > 0, "channel 1 energy is 0");
        }

        [Fact]
        public void MbpollReadsThePhaseBlockTheTemplateReads()
        {
            string mbpoll = PeerProcess.Require("mbpoll", "mbpoll");
            JsonElement phaseMaster = MasterOf("eprobe.phase.voltage[L1]");
            string key = ZabbixTemplateFile.Text(phaseMaster, "key");
            Match p = Regex.Match(key, @",3,(\d+),(\d+),float,be,0\]$");
            Assert.True(p.Success, key);
            double[] agent = Agent(key);
            PeerProcess.Result r = PeerProcess.Run(PeerProcess.StartInfo(mbpoll, null, "-m", "tcp", "-a", "1", "-p", _probe.Probe.ModbusPort.ToString(CultureInfo.InvariantCulture),
                "-0", "-r", p.Groups[1].Value, "-c", p.Groups[2].Value, "-t", "4:float", "-B", "-1", "127.0.0.1"), 30000);
            _out.WriteLine(r.ToString());
            Assert.True(r.ExitCode == 0, r.ToString());
            var read = Regex.Matches(r.Stdout, @"\[(\d+)\]:\s+(-?[0-9.eE+-]+)").Select(m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(agent.Length, read.Length);
            string[] names = { "Vrms", "V fundamental", "frequency", "THD", "angle" };
            for (int i = 0; i < read.Length; i++)
            {
                // Two reads a moment apart (the same steady second, or the next); mbpoll prints 6 significant digits.
                double tol = Math.Max(0.01, Math.Abs(agent[i]) * 1e-4);
                Assert.True(Math.Abs(read[i] - agent[i]) <= tol, names[i] + ": mbpoll " + read[i] + " vs zabbix_agentd " + agent[i]);
            }
        }

        private JsonElement MasterOf(string dependentKey)
        {
            foreach (JsonElement template in _file.Templates)
            {
                var items = ZabbixTemplateFile.Array(template, "items").ToList();
                JsonElement? d = items.Where(i => ZabbixTemplateFile.Text(i, "key") == dependentKey).Cast<JsonElement?>().FirstOrDefault();
                if (d != null)
                {
                    string master = ZabbixTemplateFile.Text(d.Value.GetProperty("master_item"), "key");
                    return items.Single(i => ZabbixTemplateFile.Text(i, "key") == master);
                }
            }

            throw new InvalidOperationException("no item " + dependentKey);
        }

        /// <summary>The dependent item's value as Zabbix would store it: the agent's answer to its master, JSONPath $[i], multiplier.</summary>
        private double Dependent(string key)
        {
            JsonElement item = default;
            foreach (JsonElement template in _file.Templates)
            {
                foreach (JsonElement i in ZabbixTemplateFile.Array(template, "items"))
                {
                    if (ZabbixTemplateFile.Text(i, "key") == key)
                    {
                        item = i;
                    }
                }
            }

            Assert.True(item.ValueKind == JsonValueKind.Object, "no item " + key);
            double[] values = Agent(ZabbixTemplateFile.Text(MasterOf(key), "key"));
            return values[ZabbixTemplateFile.JsonPathIndex(item)] * ZabbixTemplateFile.Multiplier(item);
        }

        /// <summary>zabbix_agentd -t with the template's macros replaced by this probe's endpoint and unit 1; the numbers of the answer.</summary>
        private double[] Agent(string templateKey)
        {
            string agent = PeerProcess.Require("zabbix_agentd", "zabbix-agent");
            string key = templateKey.Replace("{$MODBUS.ENDPOINT}", "tcp://127.0.0.1:" + _probe.Probe.ModbusPort, StringComparison.Ordinal)
                .Replace("{$MODBUS.SLAVEID}", "1", StringComparison.Ordinal);
            PeerProcess.Result r = PeerProcess.Run(PeerProcess.StartInfo(agent, null, "-c", _probe.ConfigFile, "-t", key), 30000);
            string line = r.Stdout.Trim();
            _out.WriteLine(line);
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.DoesNotContain("ZBX_NOTSUPPORTED", line);
            Match m = AgentLine.Match(line);
            Assert.True(m.Success, "unexpected zabbix_agentd output: " + r);
            Assert.Equal(key, m.Groups["key"].Value);
            string value = m.Groups["value"].Value.Trim('[', ']');
            return value.Split(',').Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
        }

        private static JsonElement Channel(JsonElement measurements, int n)
        {
            return measurements.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetInt32() == n);
        }

        private static void CloseToEither(double value, JsonElement a, JsonElement b, Func<JsonElement, double> pick, double tolerance, string what)
        {
            double x = pick(a);
            double y = pick(b);
            Assert.True(Math.Abs(value - x) <= tolerance || Math.Abs(value - y) <= tolerance,
                what + ": Modbus gives " + value + ", the JSON API " + x + " / " + y + " (tolerance " + tolerance + ")");
        }
    }
}
