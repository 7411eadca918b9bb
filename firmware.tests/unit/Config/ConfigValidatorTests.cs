using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Config
{
    [TestClass]
    public class ConfigValidatorTests
    {
        private static string Check(MeterConfig c)
        {
            return ConfigValidator.Validate(c);
        }

        [TestMethod]
        public void DefaultsAreValidAndDocumented()
        {
            MeterConfig c = new MeterConfig(18);
            Assert.IsNull(Check(c));
            Assert.IsNull(Check(new MeterConfig(3)));
            Assert.IsNull(Check(ConfigSamples.Full()));
            Assert.AreEqual(230.0, c.NominalVoltage);
            Assert.AreEqual(50.0, c.NominalFrequencyHz);
            Assert.AreEqual(100.0, c.Channels[4].CtRatedAmps);
            Assert.AreEqual(1, c.Channels[4].Phase);
            Assert.AreEqual(1.0, c.Channels[4].GainCorrection);
            Assert.AreEqual(0, c.Circuits.Length);
            Assert.IsTrue(c.Network.Dhcp, "DHCP by default");
            Assert.AreEqual("e-probe", c.Network.Hostname);
            Assert.IsTrue(c.Snmp.Enabled, "SNMP on by default");
            Assert.AreEqual("public", c.Snmp.ReadCommunity);
            Assert.AreEqual("", c.Snmp.WriteCommunity);
            Assert.AreEqual(0, c.Snmp.TrapTargets.Length);
            Assert.AreEqual(502, c.Modbus.Port);
            Assert.AreEqual(1, c.Modbus.UnitId);
            Assert.IsFalse(c.Modbus.WritesUnlocked, "Modbus writes locked by default");
            Assert.AreEqual(60, c.History.EnergySaveIntervalS);
            Assert.AreEqual(1, c.History.BillingDay);
            Assert.AreEqual(0, c.History.BillingHour);
            Assert.AreEqual(0, c.History.UtcOffsetMinutes);
            Assert.AreEqual("", c.AdminPasswordHash);
            Assert.AreEqual(BusRoles.Standalone, c.Bus.Role);
            Assert.AreEqual(0, c.Bus.Address);
            Assert.AreEqual(115200, c.Bus.Baud);
            Assert.AreEqual(SerialParity.Even, c.Bus.Parity);
            Assert.AreEqual(1, c.Bus.StopBits);
            Assert.AreEqual(0, c.Bus.TurnaroundMs);
            Assert.AreEqual(100, c.Bus.ResponseTimeoutMs);
            Assert.AreEqual(1000, c.Bus.PollIntervalMs);
            Assert.AreEqual(1, c.Bus.GatewayScanFrom);
            Assert.AreEqual(31, c.Bus.GatewayScanTo);
        }

        [TestMethod]
        public void MeterRanges()
        {
            MeterConfig c = new MeterConfig(3);
            c.NominalVoltage = 99.5;
            Assert.AreEqual("nominalVoltage: must be 100..480 V, got 99.5", Check(c));
            c.NominalVoltage = 480;
            Assert.IsNull(Check(c));
            c.NominalVoltage = double.NaN;
            Assert.StartsWith("nominalVoltage: must be 100..480 V", Check(c));
            c.NominalVoltage = 120;
            c.NominalFrequencyHz = 55;
            Assert.AreEqual("nominalFrequency: must be 50 or 60 Hz, got 55", Check(c));
            c.NominalFrequencyHz = 60;
            c.VoltageGainCorrection[2] = 1.6;
            Assert.AreEqual("voltageGain[2]: must be 0.5..1.5, got 1.6", Check(c));
            c.VoltageGainCorrection[2] = 0.5;
            Assert.IsNull(Check(c));
        }

        [TestMethod]
        public void ChannelRanges()
        {
            MeterConfig c = new MeterConfig(18);
            c.Channels[3].CtRatedAmps = 600;
            Assert.AreEqual("channels[3].ctRatedA: must be 5..500 A, got 600", Check(c));
            c.Channels[3].CtRatedAmps = 4;
            Assert.AreEqual("channels[3].ctRatedA: must be 5..500 A, got 4", Check(c));
            c.Channels[3].CtRatedAmps = 5;
            c.Channels[5].Phase = 3;
            Assert.AreEqual("channels[5].phase: must be L1, L2 or L3, got 3", Check(c));
            c.Channels[5].Phase = 2;
            c.Channels[6].GainCorrection = 0.49;
            Assert.AreEqual("channels[6].gain: must be 0.5..1.5, got 0.49", Check(c));
            c.Channels[6].GainCorrection = 1.5;
            c.Channels[7].PhaseCorrectionDeg = -10.5;
            Assert.AreEqual("channels[7].phaseCorrectionDeg: must be -10..10 deg, got -10.5", Check(c));
            c.Channels[7].PhaseCorrectionDeg = 10;
            Assert.IsNull(Check(c));
        }

        [TestMethod]
        public void LabelsArePrintableAsciiUpTo32()
        {
            MeterConfig c = new MeterConfig(3);
            c.Channels[0].Rack = "12345678901234567890123456789012";
            Assert.IsNull(Check(c));
            c.Channels[0].Rack = "123456789012345678901234567890123";
            Assert.AreEqual("channels[0].rack: must be 0..32 characters, got 33", Check(c));
            c.Channels[0].Rack = "";
            c.Channels[1].Customer = "Tab\there";
            Assert.AreEqual("channels[1].customer: must be printable ASCII (no control or non-ASCII characters)", Check(c));
            c.Channels[1].Customer = "Müller";
            Assert.AreEqual("channels[1].customer: must be printable ASCII (no control or non-ASCII characters)", Check(c));
            c.Channels[1].Customer = "Mueller ~ Sons (#2)";
            c.Channels[2].Feed = null;
            Assert.AreEqual("channels[2].feed: must be text", Check(c));
            c.Channels[2].Feed = "B";
            c.Channels[2].Label = new string('x', 40);
            Assert.AreEqual("channels[2].label: must be 0..32 characters, got 40", Check(c));
        }

        [TestMethod]
        public void CircuitRules()
        {
            MeterConfig c = new MeterConfig(6);
            c.Circuits = new CircuitConfig[] { new CircuitConfig("", new int[] { 1 }, 16) };
            Assert.AreEqual("circuits[0].name: must be 1..32 characters, got 0", Check(c));
            c.Circuits = new CircuitConfig[] { new CircuitConfig("A", new int[] { 1, 2 }, 16) };
            Assert.AreEqual("circuits[0].channels: must list 1 or 3 channels, got 2", Check(c));
            c.Circuits = new CircuitConfig[] { new CircuitConfig("A", new int[] { 7 }, 16) };
            Assert.AreEqual("circuits[0].channels[0]: must be 1..6, got 7", Check(c));
            // Channels 1 and 4 are both on L1 by default.
            c.Circuits = new CircuitConfig[] { new CircuitConfig("A", new int[] { 1, 2, 4 }, 16) };
            Assert.AreEqual("circuits[0].channels: a 3-phase circuit needs one channel on each of L1, L2 and L3", Check(c));
            c.Circuits = new CircuitConfig[] { new CircuitConfig("A", new int[] { 1, 1, 1 }, 16) };
            Assert.AreEqual("circuits[0].channels[1]: channel 1 is already in this circuit", Check(c));
            c.Circuits = new CircuitConfig[] { new CircuitConfig("A", new int[] { 1, 2, 3 }, 16), new CircuitConfig("B", new int[] { 3 }, 16) };
            Assert.AreEqual("circuits[1].channels[0]: channel 3 is already in circuits[0]", Check(c));
            c.Circuits = new CircuitConfig[] { new CircuitConfig("A", new int[] { 4, 5, 6 }, 631) };
            Assert.AreEqual("circuits[0].breakerRatedA: must be 1..630 A, got 631", Check(c));
            c.Circuits[0].BreakerRatedAmps = 0.5;
            Assert.AreEqual("circuits[0].breakerRatedA: must be 1..630 A, got 0.5", Check(c));
            c.Circuits[0].BreakerRatedAmps = 630;
            c.Circuits[0].Role = 3;
            Assert.AreEqual("circuits[0].role: must be none, facility-total or it-load, got 3", Check(c));
            c.Circuits[0].Role = CircuitRoles.ItLoad;
            c.Circuits[0].Customer = new string('c', 33);
            Assert.AreEqual("circuits[0].customer: must be 0..32 characters, got 33", Check(c));
            c.Circuits[0].Customer = "ACME";
            Assert.IsNull(Check(c));
        }

        [TestMethod]
        public void NetworkRules()
        {
            MeterConfig c = new MeterConfig(3);
            c.Network.Hostname = "-bad";
            Assert.AreEqual("network.hostname: must be 1..32 letters, digits or inner '-', got \"-bad\"", Check(c));
            c.Network.Hostname = "a.b";
            Assert.StartsWith("network.hostname:", Check(c));
            c.Network.Hostname = "probe-7";
            // DHCP: the static fields are not used, so not checked.
            c.Network.Address = 0;
            Assert.IsNull(Check(c));

            c.Network.Dhcp = false;
            Assert.AreEqual("network.address: must be a host address (unicast, not the subnet's network or broadcast), got 0.0.0.0", Check(c));
            c.Network.Address = 0xC0A80100;   // the network address of /24
            Assert.StartsWith("network.address:", Check(c));
            c.Network.Address = 0x7F000001;   // loopback
            Assert.StartsWith("network.address:", Check(c));
            c.Network.Address = 0xE0000001;   // multicast
            Assert.StartsWith("network.address:", Check(c));
            c.Network.Address = 0xC0A80164;   // 192.168.1.100
            c.Network.Mask = 0xFF00FF00;
            Assert.AreEqual("network.mask: must be a contiguous mask /1../30, got 255.0.255.0", Check(c));
            c.Network.Mask = 0xFFFFFFFE;
            Assert.StartsWith("network.mask:", Check(c));
            c.Network.Mask = 0xFFFFFF00;
            c.Network.Gateway = 0xC0A80201;
            Assert.AreEqual("network.gateway: must be 0.0.0.0 (none) or another host of the subnet 192.168.1.0/255.255.255.0, got 192.168.2.1", Check(c));
            c.Network.Gateway = 0xC0A80164;
            Assert.StartsWith("network.gateway:", Check(c));
            c.Network.Gateway = 0xC0A80101;
            c.Network.Dns = 0xFFFFFFFF;
            Assert.AreEqual("network.dns: must be 0.0.0.0 (none) or a unicast address, got 255.255.255.255", Check(c));
            c.Network.Dns = 0x01010101;
            Assert.IsNull(Check(c));
        }

        [TestMethod]
        public void SnmpRules()
        {
            MeterConfig c = new MeterConfig(3);
            c.Snmp.ReadCommunity = "";
            Assert.AreEqual("snmp.readCommunity: must be 1..32 characters, got 0", Check(c));
            c.Snmp.ReadCommunity = "monitor";
            c.Snmp.WriteCommunity = "monitor";
            Assert.AreEqual("snmp.writeCommunity: must differ from readCommunity", Check(c));
            c.Snmp.WriteCommunity = "admin";
            c.Snmp.SysLocation = new string('l', 65);
            Assert.AreEqual("snmp.sysLocation: must be 0..64 characters, got 65", Check(c));
            c.Snmp.SysLocation = new string('l', 64);
            c.Snmp.TrapTargets = new string[] { "10.0.0.1:162", "10.0.0.2" };
            Assert.AreEqual("snmp.trapTargets[1]: must be host:port, host:port/v1 or host:port/v2c (port 1..65535), got \"10.0.0.2\"", Check(c));
            c.Snmp.TrapTargets = new string[] { "10.0.0.1:162/v1", "nms:10162/v2c" };
            Assert.IsNull(Check(c), "version suffixes are accepted");
            c.Snmp.TrapTargets = new string[] { "10.0.0.1:162/v3" };
            Assert.StartsWith("snmp.trapTargets[0]:", Check(c));
            c.Snmp.TrapTargets = new string[] { "10.0.0.1/v1" };
            Assert.StartsWith("snmp.trapTargets[0]:", Check(c));
            c.Snmp.TrapTargets = new string[] { "10.0.0.1:162", "nms:0" };
            Assert.StartsWith("snmp.trapTargets[1]:", Check(c));
            c.Snmp.TrapTargets = new string[] { "10.0.0.1:162", "nms:65536" };
            Assert.StartsWith("snmp.trapTargets[1]:", Check(c));
            c.Snmp.TrapTargets = new string[] { "a:1", "b:2", "c:3", "d:4", "e:5" };
            Assert.AreEqual("snmp.trapTargets: at most 4 entries, got 5", Check(c));
            c.Snmp.TrapTargets = new string[] { "a:1", "b.example:2", "10.1.2.3:65535", "d-d:4" };
            Assert.IsNull(Check(c));
        }

        [TestMethod]
        public void ModbusRules()
        {
            MeterConfig c = new MeterConfig(3);
            c.Modbus.Port = 0;
            Assert.AreEqual("modbus.port: must be 1..65535, got 0", Check(c));
            c.Modbus.Port = 65536;
            Assert.AreEqual("modbus.port: must be 1..65535, got 65536", Check(c));
            c.Modbus.Port = 502;
            c.Modbus.UnitId = 248;
            Assert.AreEqual("modbus.unitId: must be 1..247, got 248", Check(c));
            c.Modbus.UnitId = 0;
            Assert.AreEqual("modbus.unitId: must be 1..247, got 0", Check(c));
            c.Modbus.UnitId = 247;
            Assert.IsNull(Check(c));
        }

        [TestMethod]
        public void HistoryRules()
        {
            MeterConfig c = new MeterConfig(3);
            c.History.EnergySaveIntervalS = 9;
            Assert.AreEqual("history.energySaveIntervalS: must be 10..3600 s, got 9", Check(c));
            c.History.EnergySaveIntervalS = 3601;
            Assert.AreEqual("history.energySaveIntervalS: must be 10..3600 s, got 3601", Check(c));
            c.History.EnergySaveIntervalS = 10;
            c.History.BillingDay = 29;
            Assert.AreEqual("history.billingDay: must be 1..28, got 29", Check(c));
            c.History.BillingDay = 0;
            Assert.AreEqual("history.billingDay: must be 1..28, got 0", Check(c));
            c.History.BillingDay = 28;
            c.History.BillingHour = 24;
            Assert.AreEqual("history.billingHour: must be 0..23, got 24", Check(c));
            c.History.BillingHour = 23;
            c.History.UtcOffsetMinutes = -721;
            Assert.AreEqual("history.utcOffsetMinutes: must be -720..840 min, got -721", Check(c));
            c.History.UtcOffsetMinutes = 841;
            Assert.AreEqual("history.utcOffsetMinutes: must be -720..840 min, got 841", Check(c));
            c.History.UtcOffsetMinutes = 840;
            c.History.NtpServers = new string[] { "a:123", "b:123", "c:123" };
            Assert.AreEqual("history.ntpServers: at most 2 entries, got 3", Check(c));
            c.History.NtpServers = new string[] { "pool.ntp.org" };
            Assert.AreEqual("history.ntpServers[0]: must be host:port (port 1..65535), got \"pool.ntp.org\"", Check(c));
            c.History.NtpServers = new string[0];
            Assert.IsNull(Check(c));
        }

        [TestMethod]
        public void PasswordHashPlaceholder()
        {
            MeterConfig c = new MeterConfig(3);
            c.AdminPasswordHash = new string('h', 129);
            Assert.AreEqual("adminPasswordHash: must be 0..128 characters, got 129", Check(c));
            c.AdminPasswordHash = new string('h', 128);
            Assert.IsNull(Check(c));
        }

        private static AlarmRuleConfig Rule(MeterConfig c, int condition)
        {
            return c.Alarms.Rules[condition];
        }

        [TestMethod]
        public void AlarmDefaultsSuitA230VDataCentre()
        {
            MeterConfig c = new MeterConfig(3);
            Assert.AreEqual(6, c.Alarms.StormMaxEventsPerMinute);
            Assert.AreEqual("", c.Alarms.Syslog);
            Assert.AreEqual(80.0, Rule(c, AlarmCodes.LoadHigh).Warning);
            Assert.AreEqual(90.0, Rule(c, AlarmCodes.LoadHigh).Critical);
            Assert.IsTrue(double.IsNaN(Rule(c, AlarmCodes.PhaseLost).Warning), "phase lost is critical only");
            for (int i = 0; i < AlarmCodes.ConditionCount; i++)
            {
                Assert.IsTrue(Rule(c, i).Enabled, AlarmCodes.ConditionName(i));
                Assert.IsFalse(Rule(c, i).Latching, AlarmCodes.ConditionName(i));
            }
        }

        [TestMethod]
        public void AlarmThresholdRules()
        {
            MeterConfig c = new MeterConfig(3);
            Rule(c, AlarmCodes.LoadHigh).Critical = 70;
            Assert.AreEqual("alarms.rules.loadHigh.critical: must be >= warning (80), got 70", Check(c));
            Rule(c, AlarmCodes.LoadHigh).Critical = 80;
            Assert.IsNull(Check(c), "equal thresholds: straight to critical");
            Rule(c, AlarmCodes.LoadHigh).Critical = double.PositiveInfinity;
            Assert.StartsWith("alarms.rules.loadHigh.critical: must be a number >= 0 or null (off)", Check(c));
            Rule(c, AlarmCodes.LoadHigh).Critical = double.NaN;
            Rule(c, AlarmCodes.LoadHigh).Warning = -1;
            Assert.AreEqual("alarms.rules.loadHigh.warning: must be a number >= 0 or null (off), got -1", Check(c));
            Rule(c, AlarmCodes.LoadHigh).Warning = double.NaN;
            Assert.IsNull(Check(c), "both levels off is allowed");

            // Low-side rules: critical below warning; frequencyLow counts Hz below nominal, so it grows.
            Rule(c, AlarmCodes.UnderVoltage).Critical = 95;
            Assert.AreEqual("alarms.rules.underVoltage.critical: must be <= warning (90), got 95", Check(c));
            Rule(c, AlarmCodes.UnderVoltage).Critical = 85;
            Rule(c, AlarmCodes.FrequencyLow).Critical = 0.25;
            Assert.AreEqual("alarms.rules.frequencyLow.critical: must be >= warning (0.5), got 0.25", Check(c));
        }

        [TestMethod]
        public void ModuleOfflineThresholdsCountAtLeastTheThreeMissedPolls()
        {
            MeterConfig c = new MeterConfig(3);
            Rule(c, AlarmCodes.ModuleOffline).Critical = 2;
            Assert.AreEqual("alarms.rules.moduleOffline.critical: must be >= 3 or null (off) (the gateway marks a module "
                + "offline after 3 missed polls), got 2", Check(c));
            Rule(c, AlarmCodes.ModuleOffline).Critical = 10;
            Rule(c, AlarmCodes.ModuleOffline).Warning = 1;
            Assert.AreEqual("alarms.rules.moduleOffline.warning: must be >= 3 or null (off) (the gateway marks a module "
                + "offline after 3 missed polls), got 1", Check(c));
            Rule(c, AlarmCodes.ModuleOffline).Warning = 3;
            Assert.IsNull(Check(c));
            Rule(c, AlarmCodes.ModuleOffline).Hysteresis = 7;
            Assert.AreEqual("alarms.rules.moduleOffline.hysteresis: must be smaller than the gap between warning and critical (7), got 7", Check(c));
        }

        [TestMethod]
        public void AlarmHysteresisDelaysStormAndSyslog()
        {
            MeterConfig c = new MeterConfig(3);
            Rule(c, AlarmCodes.LoadHigh).Hysteresis = 10;
            Assert.AreEqual("alarms.rules.loadHigh.hysteresis: must be smaller than the gap between warning and critical (10), got 10", Check(c));
            Rule(c, AlarmCodes.LoadHigh).Hysteresis = -0.5;
            Assert.AreEqual("alarms.rules.loadHigh.hysteresis: must be a number >= 0, got -0.5", Check(c));
            Rule(c, AlarmCodes.LoadHigh).Hysteresis = 5;
            Rule(c, AlarmCodes.NeutralCurrent).Warning = double.NaN;
            Rule(c, AlarmCodes.NeutralCurrent).Critical = 4;
            Assert.AreEqual("alarms.rules.neutralCurrent.hysteresis: must be smaller than the lowest threshold (4), got 5", Check(c));
            Rule(c, AlarmCodes.NeutralCurrent).Critical = 100;
            Rule(c, AlarmCodes.PhaseLost).AssertDelayS = 3601;
            Assert.AreEqual("alarms.rules.phaseLost.assertDelayS: must be 0..3600 s, got 3601", Check(c));
            Rule(c, AlarmCodes.PhaseLost).AssertDelayS = 0;
            Rule(c, AlarmCodes.PhaseLost).ClearDelayS = -1;
            Assert.AreEqual("alarms.rules.phaseLost.clearDelayS: must be 0..3600 s, got -1", Check(c));
            Rule(c, AlarmCodes.PhaseLost).ClearDelayS = 3600;
            Assert.IsNull(Check(c));

            c.Alarms.StormMaxEventsPerMinute = 0;
            Assert.AreEqual("alarms.stormMaxEventsPerMinute: must be 1..60, got 0", Check(c));
            c.Alarms.StormMaxEventsPerMinute = 61;
            Assert.AreEqual("alarms.stormMaxEventsPerMinute: must be 1..60, got 61", Check(c));
            c.Alarms.StormMaxEventsPerMinute = 60;
            string[] good = { "", "10.0.0.5", "10.0.0.5:514", "logs.example.com", "logs-1.example.com:65535" };
            for (int i = 0; i < good.Length; i++)
            {
                c.Alarms.Syslog = good[i];
                Assert.IsNull(Check(c), good[i]);
            }

            string[] bad = { "10.0.0.5:0", "10.0.0.5:65536", "host:", "-host", "a b", "udp://host", "host:514:1" };
            for (int i = 0; i < bad.Length; i++)
            {
                c.Alarms.Syslog = bad[i];
                Assert.AreEqual("alarms.syslog: must be \"\" (off), host or host:port (port 1..65535), got \"" + bad[i] + "\"", Check(c), bad[i]);
            }
        }

        [TestMethod]
        public void BusRules()
        {
            MeterConfig c = new MeterConfig(3);
            c.Bus.Role = 3;
            Assert.AreEqual("bus.role: must be standalone, slave or gateway, got 3", Check(c));
            c.Bus.Role = BusRoles.Slave;
            c.Bus.Address = 300;
            Assert.AreEqual("bus.address: must be 0..247, got 300", Check(c));
            c.Bus.Address = -1;
            Assert.AreEqual("bus.address: must be 0..247, got -1", Check(c));
            c.Bus.Address = 0;
            Assert.IsNull(Check(c), "0 = unaddressed");
            c.Bus.Address = 247;
            Assert.IsNull(Check(c));

            int[] bauds = { 9600, 19200, 38400, 57600, 115200 };
            for (int i = 0; i < bauds.Length; i++)
            {
                c.Bus.Baud = bauds[i];
                Assert.IsNull(Check(c), bauds[i].ToString());
            }

            c.Bus.Baud = 14400;
            Assert.AreEqual("bus.baud: must be 9600, 19200, 38400, 57600 or 115200, got 14400", Check(c));
            c.Bus.Baud = 115200;
            c.Bus.Parity = 3;
            Assert.AreEqual("bus.parity: must be \"E\", \"N\" or \"O\", got 3", Check(c));
            c.Bus.Parity = SerialParity.Odd;
            Assert.IsNull(Check(c));
            c.Bus.Parity = SerialParity.None;
            c.Bus.StopBits = 0;
            Assert.AreEqual("bus.stopBits: must be 1 or 2, got 0", Check(c));
            c.Bus.StopBits = 2;
            Assert.IsNull(Check(c));

            c.Bus.TurnaroundMs = 101;
            Assert.AreEqual("bus.turnaroundMs: must be 0..100 ms, got 101", Check(c));
            c.Bus.TurnaroundMs = 100;
            c.Bus.ResponseTimeoutMs = 9;
            Assert.AreEqual("bus.responseTimeoutMs: must be 10..1000 ms, got 9", Check(c));
            c.Bus.ResponseTimeoutMs = 1001;
            Assert.AreEqual("bus.responseTimeoutMs: must be 10..1000 ms, got 1001", Check(c));
            c.Bus.ResponseTimeoutMs = 10;
            c.Bus.PollIntervalMs = 199;
            Assert.AreEqual("bus.pollIntervalMs: must be 200..60000 ms, got 199", Check(c));
            c.Bus.PollIntervalMs = 60001;
            Assert.AreEqual("bus.pollIntervalMs: must be 200..60000 ms, got 60001", Check(c));
            c.Bus.PollIntervalMs = 200;
            Assert.IsNull(Check(c));

            c.Bus.GatewayScanFrom = 0;
            Assert.AreEqual("bus.gatewayScanFrom: must be 1..247, got 0", Check(c));
            c.Bus.GatewayScanFrom = 32;
            Assert.AreEqual("bus.gatewayScanTo: must be gatewayScanFrom (32)..247, got 31", Check(c));
            c.Bus.GatewayScanTo = 248;
            Assert.AreEqual("bus.gatewayScanTo: must be gatewayScanFrom (32)..247, got 248", Check(c));
            c.Bus.GatewayScanTo = 32;
            Assert.IsNull(Check(c), "a range of one address");
        }

        [TestMethod]
        public void FirstErrorInDocumentOrder()
        {
            MeterConfig c = new MeterConfig(3);
            c.Modbus.Port = 0;
            c.Channels[2].CtRatedAmps = 1000;
            c.Channels[1].GainCorrection = 2;
            Assert.AreEqual("channels[1].gain: must be 0.5..1.5, got 2", Check(c));
        }

        [TestMethod]
        public void Ipv4TextParsesAndFormats()
        {
            uint a;
            Assert.IsTrue(Ipv4Text.TryParse("192.168.1.10", out a), "valid address");
            Assert.AreEqual(0xC0A8010Au, a);
            Assert.AreEqual("192.168.1.10", Ipv4Text.Format(a));
            Assert.IsTrue(Ipv4Text.TryParse("0.0.0.0", out a), "zero");
            Assert.AreEqual(0u, a);
            Assert.IsTrue(Ipv4Text.TryParse("255.255.255.255", out a), "all ones");
            Assert.AreEqual(0xFFFFFFFFu, a);
            string[] bad = { "", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1..3.4", "1.2.3.4 ", "a.b.c.d", "1.2.3.-4" };
            for (int i = 0; i < bad.Length; i++)
            {
                Assert.IsFalse(Ipv4Text.TryParse(bad[i], out a), "accepted \"" + bad[i] + "\"");
            }
        }
    }
}
