using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Config
{
    [TestClass]
    public class ConfigJsonTests
    {
        private static string Import(string json, MeterConfig current, out MeterConfig result)
        {
            byte[] bytes = ConfigSamples.Utf8(json);
            return new ConfigJsonImporter().Import(bytes, 0, bytes.Length, current, out result);
        }

        private static string ImportError(string json)
        {
            MeterConfig result;
            string error = Import(json, new MeterConfig(3), out result);
            Assert.IsNull(result, "no result on error");
            return error;
        }

        [TestMethod]
        public void ExportOfDefaultsMpp3()
        {
            MeterConfig c = new MeterConfig(3);
            c.Channels[0].CtRatedAmps = 50;
            c.Channels[0].GainCorrection = 1.02;
            c.Channels[0].PhaseCorrectionDeg = -0.75;
            c.Channels[0].Rack = "R1";
            Assert.AreEqual(
                "{\"nominalVoltage\":230,\"nominalFrequency\":50,\"voltageGain\":[1,1,1],\"channels\":["
                + "{\"channel\":1,\"phase\":\"L1\",\"ctRatedA\":50,\"gain\":1.02,\"phaseCorrectionDeg\":-0.75,\"label\":\"\",\"rack\":\"R1\",\"customer\":\"\",\"feed\":\"\"},"
                + "{\"channel\":2,\"phase\":\"L2\",\"ctRatedA\":100,\"gain\":1,\"phaseCorrectionDeg\":0,\"label\":\"\",\"rack\":\"\",\"customer\":\"\",\"feed\":\"\"},"
                + "{\"channel\":3,\"phase\":\"L3\",\"ctRatedA\":100,\"gain\":1,\"phaseCorrectionDeg\":0,\"label\":\"\",\"rack\":\"\",\"customer\":\"\",\"feed\":\"\"}],"
                + "\"circuits\":[],"
                + "\"network\":{\"dhcp\":true,\"address\":\"0.0.0.0\",\"mask\":\"255.255.255.0\",\"gateway\":\"0.0.0.0\",\"dns\":\"0.0.0.0\",\"hostname\":\"e-probe\"},"
                + "\"snmp\":{\"enabled\":true,\"readCommunity\":\"***\",\"writeCommunity\":\"\",\"sysName\":\"e-Probe\",\"sysLocation\":\"\",\"sysContact\":\"\",\"trapTargets\":[]},"
                + "\"modbus\":{\"enabled\":true,\"port\":502,\"unitId\":1,\"writesUnlocked\":false},"
                + "\"history\":{\"energySaveIntervalS\":60,\"billingDay\":1,\"billingHour\":0,\"utcOffsetMinutes\":0,\"ntpServers\":[\"pool.ntp.org:123\"]},"
                + "\"users\":[{\"name\":\"admin\",\"role\":\"admin\"}],\"http\":{\"anonymousRead\":true,\"sessionTimeoutS\":1800},"
                + "\"adminPasswordHash\":\"\","
                + "\"alarms\":{\"stormMaxEventsPerMinute\":6,\"syslog\":\"\",\"rules\":{"
                + "\"loadHigh\":{\"enabled\":true,\"warning\":80,\"critical\":90,\"hysteresis\":5,\"assertDelayS\":5,\"clearDelayS\":10,\"latching\":false},"
                + "\"overCurrent\":{\"enabled\":true,\"warning\":100,\"critical\":120,\"hysteresis\":5,\"assertDelayS\":5,\"clearDelayS\":10,\"latching\":false},"
                + "\"lowLoad\":{\"enabled\":true,\"warning\":0.2,\"critical\":null,\"hysteresis\":0.1,\"assertDelayS\":10,\"clearDelayS\":10,\"latching\":false},"
                + "\"underVoltage\":{\"enabled\":true,\"warning\":90,\"critical\":85,\"hysteresis\":1,\"assertDelayS\":5,\"clearDelayS\":10,\"latching\":false},"
                + "\"overVoltage\":{\"enabled\":true,\"warning\":110,\"critical\":115,\"hysteresis\":1,\"assertDelayS\":5,\"clearDelayS\":10,\"latching\":false},"
                + "\"phaseLost\":{\"enabled\":true,\"warning\":null,\"critical\":50,\"hysteresis\":5,\"assertDelayS\":1,\"clearDelayS\":5,\"latching\":false},"
                + "\"frequencyLow\":{\"enabled\":true,\"warning\":0.5,\"critical\":1,\"hysteresis\":0.05,\"assertDelayS\":5,\"clearDelayS\":10,\"latching\":false},"
                + "\"frequencyHigh\":{\"enabled\":true,\"warning\":0.5,\"critical\":1,\"hysteresis\":0.05,\"assertDelayS\":5,\"clearDelayS\":10,\"latching\":false},"
                + "\"voltageUnbalance\":{\"enabled\":true,\"warning\":2,\"critical\":3,\"hysteresis\":0.5,\"assertDelayS\":10,\"clearDelayS\":10,\"latching\":false},"
                + "\"currentUnbalance\":{\"enabled\":true,\"warning\":20,\"critical\":40,\"hysteresis\":5,\"assertDelayS\":10,\"clearDelayS\":10,\"latching\":false},"
                + "\"neutralCurrent\":{\"enabled\":true,\"warning\":80,\"critical\":100,\"hysteresis\":5,\"assertDelayS\":10,\"clearDelayS\":10,\"latching\":false},"
                + "\"moduleOffline\":{\"enabled\":true,\"warning\":null,\"critical\":3,\"hysteresis\":0,\"assertDelayS\":0,\"clearDelayS\":0,\"latching\":false}}},"
                + "\"bus\":{\"role\":\"standalone\",\"address\":0,\"baud\":115200,\"parity\":\"E\",\"stopBits\":1,\"turnaroundMs\":0,"
                + "\"responseTimeoutMs\":100,\"pollIntervalMs\":1000,\"gatewayScanFrom\":1,\"gatewayScanTo\":31},\"panel\":{\"language\":\"en\",\"contrast\":32,\"backlightTimeoutS\":300,\"pinHash\":\"***\"}}",
                ConfigSamples.ExportText(c));
        }

        [TestMethod]
        public void SecretsAreNeverExportedInClear()
        {
            string text = ConfigSamples.ExportText(ConfigSamples.Full());
            Assert.DoesNotContains("s3cret", text);
            Assert.DoesNotContains("pbkdf2", text);
            Assert.Contains("\"readCommunity\":\"***\",\"writeCommunity\":\"***\"", text);
            Assert.Contains("\"adminPasswordHash\":\"***\"", text);
        }

        [TestMethod]
        public void RoundTripOntoDefaultsKeepsEverythingButSecrets()
        {
            MeterConfig full = ConfigSamples.Full();
            string text = ConfigSamples.ExportText(full);
            MeterConfig result;
            MeterConfig defaults = new MeterConfig(18);
            Assert.IsNull(Import(text, defaults, out result));
            // "***" kept the current (default) secrets; everything else came from the text.
            Assert.AreEqual("public", result.Snmp.ReadCommunity);
            Assert.AreEqual("", result.AdminPasswordHash);
            result.Snmp.ReadCommunity = full.Snmp.ReadCommunity;
            result.Snmp.WriteCommunity = full.Snmp.WriteCommunity;
            result.AdminPasswordHash = full.AdminPasswordHash;
            Assert.AreEqual(text, ConfigSamples.ExportText(result));
            Assert.AreEqual(ConfigSamples.Fingerprint(full), ConfigSamples.Fingerprint(result));
            Assert.AreEqual("public", defaults.Snmp.ReadCommunity, "current is not modified");
            Assert.AreEqual(100.0, defaults.Channels[0].CtRatedAmps, "current is not modified");
        }

        [TestMethod]
        public void RoundTripOntoItselfIsExact()
        {
            MeterConfig full = ConfigSamples.Full();
            MeterConfig result;
            Assert.IsNull(Import(ConfigSamples.ExportText(full), full, out result));
            Assert.AreEqual(ConfigSamples.Fingerprint(full), ConfigSamples.Fingerprint(result));
        }

        [TestMethod]
        public void PartialDocumentChangesOnlyWhatItNames()
        {
            MeterConfig current = ConfigSamples.Full();
            MeterConfig result;
            Assert.IsNull(Import(
                "{ \"channels\": [ {}, { \"channel\": 2, \"ctRatedA\": 125.5, \"customer\": \"Initech\" } ],\n"
                + "  \"snmp\": { \"writeCommunity\": \"\" , \"readCommunity\": \"***\"},\n"
                + "  \"modbus\": { \"unitId\": 9 }, \"adminPasswordHash\": \"new-hash\" }",
                current, out result));
            Assert.AreEqual(125.5, result.Channels[1].CtRatedAmps);
            Assert.AreEqual("Initech", result.Channels[1].Customer);
            Assert.AreEqual("R2", result.Channels[1].Rack);
            Assert.AreEqual(current.Channels[0].CtRatedAmps, result.Channels[0].CtRatedAmps);
            Assert.AreEqual("s3cret-read", result.Snmp.ReadCommunity);
            Assert.AreEqual("", result.Snmp.WriteCommunity, "empty turns SNMP writes off");
            Assert.AreEqual(9, result.Modbus.UnitId);
            Assert.AreEqual(5020, result.Modbus.Port);
            Assert.AreEqual("new-hash", result.AdminPasswordHash);
            Assert.AreEqual(3, result.Circuits.Length);
        }

        [TestMethod]
        public void ListsAreReplacedWhole()
        {
            MeterConfig current = ConfigSamples.Full();
            MeterConfig result;
            Assert.IsNull(Import(
                "{\"circuits\":[{\"name\":\"Chiller\",\"channels\":[18],\"breakerRatedA\":63,\"role\":\"facility-total\"}],"
                + "\"snmp\":{\"trapTargets\":[]},\"history\":{\"ntpServers\":[\"10.1.1.1:123\"]},\"voltageGain\":[1,0.99,1.01]}",
                current, out result));
            Assert.AreEqual(1, result.Circuits.Length);
            Assert.AreEqual("Chiller", result.Circuits[0].Name);
            Assert.AreEqual(18, result.Circuits[0].Channels[0]);
            Assert.AreEqual(CircuitRoles.FacilityTotal, result.Circuits[0].Role);
            Assert.AreEqual("", result.Circuits[0].Customer);
            Assert.AreEqual(0, result.Snmp.TrapTargets.Length);
            Assert.AreEqual(1, result.History.NtpServers.Length);
            Assert.AreEqual(0.99, result.VoltageGainCorrection[1]);
        }

        [TestMethod]
        public void UnknownFieldsAreRefusedWithTheirPath()
        {
            Assert.AreEqual("nominalVoltag: unknown field", ImportError("{\"nominalVoltag\":230}"));
            Assert.AreEqual("channels[1].ctRated: unknown field", ImportError("{\"channels\":[{},{\"ctRated\":5}]}"));
            Assert.AreEqual("circuits[0].breaker: unknown field", ImportError("{\"circuits\":[{\"breaker\":5}]}"));
            Assert.AreEqual("network.ip: unknown field", ImportError("{\"network\":{\"ip\":\"1.2.3.4\"}}"));
            Assert.AreEqual("snmp.community: unknown field", ImportError("{\"snmp\":{\"community\":\"x\"}}"));
            Assert.AreEqual("modbus.slave: unknown field", ImportError("{\"modbus\":{\"slave\":1}}"));
            Assert.AreEqual("history.interval: unknown field", ImportError("{\"history\":{\"interval\":60}}"));
        }

        [TestMethod]
        public void WrongTypesAreRefusedWithTheirPath()
        {
            Assert.AreEqual("nominalVoltage: must be a number", ImportError("{\"nominalVoltage\":\"230\"}"));
            Assert.AreEqual("modbus.port: must be a whole number, got 502.5", ImportError("{\"modbus\":{\"port\":502.5}}"));
            Assert.AreEqual("modbus.enabled: must be true or false", ImportError("{\"modbus\":{\"enabled\":1}}"));
            Assert.AreEqual("channels[0].rack: must be a string", ImportError("{\"channels\":[{\"rack\":null}]}"));
            Assert.AreEqual("channels[0].phase: must be L1, L2 or L3, got \"L4\"", ImportError("{\"channels\":[{\"phase\":\"L4\"}]}"));
            Assert.AreEqual("channels[1].channel: must be 2 (its place in the list), got 5", ImportError("{\"channels\":[{},{\"channel\":5}]}"));
            Assert.AreEqual("channels: this e-Probe has 3 channels, got more", ImportError("{\"channels\":[{},{},{},{}]}"));
            Assert.AreEqual("channels[0]: must be an object", ImportError("{\"channels\":[1]}"));
            Assert.AreEqual("circuits[0].role: must be none, facility-total or it-load, got \"it\"", ImportError("{\"circuits\":[{\"role\":\"it\"}]}"));
            Assert.AreEqual("circuits[0].channels: must list 1 or 3 channels, got more than 3", ImportError("{\"circuits\":[{\"channels\":[1,2,3,1]}]}"));
            Assert.AreEqual("network.address: must be a dotted IPv4 address like 192.168.1.10, got \"1.2.3\"", ImportError("{\"network\":{\"address\":\"1.2.3\"}}"));
            Assert.AreEqual("snmp.trapTargets: at most 4 entries", ImportError("{\"snmp\":{\"trapTargets\":[\"a:1\",\"a:1\",\"a:1\",\"a:1\",\"a:1\"]}}"));
            Assert.AreEqual("voltageGain: must be an array of 3 numbers (L1, L2, L3)", ImportError("{\"voltageGain\":[1,1]}"));
            Assert.AreEqual("document: must be a JSON object", ImportError("[]"));
        }

        [TestMethod]
        public void ValuesAreValidatedAfterReading()
        {
            Assert.AreEqual("channels[2].ctRatedA: must be 5..500 A, got 600", ImportError("{\"channels\":[{},{},{\"ctRatedA\":600}]}"));
            Assert.AreEqual("circuits[0].breakerRatedA: must be 1..630 A, got 0", ImportError("{\"circuits\":[{\"name\":\"A\",\"channels\":[1]}]}"));
            Assert.AreEqual("history.billingDay: must be 1..28, got 31", ImportError("{\"history\":{\"billingDay\":31}}"));
        }

        [TestMethod]
        public void AlarmRulesArePartialAndNullSwitchesALevelOff()
        {
            MeterConfig current = ConfigSamples.Full();
            MeterConfig result;
            Assert.IsNull(Import(
                "{\"alarms\":{\"stormMaxEventsPerMinute\":12,\"rules\":{\"loadHigh\":{\"warning\":70,\"latching\":false},"
                + "\"lowLoad\":{\"warning\":null,\"critical\":0.5,\"hysteresis\":0.2},\"phaseLost\":{\"enabled\":false}}}}",
                current, out result));
            AlarmRuleConfig load = result.Alarms.Rules[AlarmCodes.LoadHigh];
            Assert.AreEqual(70.0, load.Warning);
            Assert.AreEqual(current.Alarms.Rules[AlarmCodes.LoadHigh].Critical, load.Critical, "absent field kept");
            Assert.IsFalse(load.Latching);
            Assert.AreEqual(current.Alarms.Rules[AlarmCodes.LoadHigh].AssertDelayS, load.AssertDelayS);
            AlarmRuleConfig low = result.Alarms.Rules[AlarmCodes.LowLoad];
            Assert.IsTrue(double.IsNaN(low.Warning), "null = off");
            Assert.AreEqual(0.5, low.Critical);
            Assert.IsFalse(result.Alarms.Rules[AlarmCodes.PhaseLost].Enabled);
            Assert.AreEqual(12, result.Alarms.StormMaxEventsPerMinute);
            Assert.AreEqual(current.Alarms.Syslog, result.Alarms.Syslog);
            Assert.AreEqual(current.Alarms.Rules[AlarmCodes.OverVoltage].Warning, result.Alarms.Rules[AlarmCodes.OverVoltage].Warning);
            Assert.IsTrue(current.Alarms.Rules[AlarmCodes.LoadHigh].Latching, "current is not modified");
            Assert.Contains("\"lowLoad\":{\"enabled\":true,\"warning\":null,\"critical\":0.5,", ConfigSamples.ExportText(result));
        }

        [TestMethod]
        public void ModuleOfflineRuleImportsAndExports()
        {
            MeterConfig current = ConfigSamples.Full();
            MeterConfig result;
            Assert.IsNull(Import(
                "{\"alarms\":{\"rules\":{\"moduleOffline\":{\"warning\":3,\"critical\":10,\"assertDelayS\":5,\"latching\":true}}}}",
                current, out result));
            AlarmRuleConfig rule = result.Alarms.Rules[AlarmCodes.ModuleOffline];
            Assert.AreEqual(3.0, rule.Warning);
            Assert.AreEqual(10.0, rule.Critical);
            Assert.AreEqual(5, rule.AssertDelayS);
            Assert.IsTrue(rule.Latching);
            Assert.IsTrue(rule.Enabled, "absent field kept");
            Assert.Contains("\"moduleOffline\":{\"enabled\":true,\"warning\":3,\"critical\":10,\"hysteresis\":0,\"assertDelayS\":5,"
                + "\"clearDelayS\":0,\"latching\":true}", ConfigSamples.ExportText(result));

            MeterConfig again;
            Assert.IsNull(Import(ConfigSamples.ExportText(result), current, out again));
            Assert.AreEqual(ConfigSamples.ExportText(result), ConfigSamples.ExportText(again), "export -> import -> export");

            Assert.AreEqual("alarms.rules.moduleOffline.critical: must be >= 3 or null (off) (the gateway marks a module "
                + "offline after 3 missed polls), got 1",
                ImportError("{\"alarms\":{\"rules\":{\"moduleOffline\":{\"critical\":1}}}}"));
        }

        [TestMethod]
        public void AlarmFieldsAreRefusedWithTheirPath()
        {
            Assert.AreEqual("alarms.rules.loadHig: unknown field", ImportError("{\"alarms\":{\"rules\":{\"loadHig\":{}}}}"));
            Assert.AreEqual("alarms.rules.loadHigh.warn: unknown field", ImportError("{\"alarms\":{\"rules\":{\"loadHigh\":{\"warn\":1}}}}"));
            Assert.AreEqual("alarms.storm: unknown field", ImportError("{\"alarms\":{\"storm\":1}}"));
            Assert.AreEqual("alarms.rules.loadHigh.warning: must be a number or null (off)", ImportError("{\"alarms\":{\"rules\":{\"loadHigh\":{\"warning\":\"80\"}}}}"));
            Assert.AreEqual("alarms.rules.loadHigh.hysteresis: must be a number", ImportError("{\"alarms\":{\"rules\":{\"loadHigh\":{\"hysteresis\":null}}}}"));
            Assert.AreEqual("alarms.rules.loadHigh.assertDelayS: must be a whole number, got 1.5", ImportError("{\"alarms\":{\"rules\":{\"loadHigh\":{\"assertDelayS\":1.5}}}}"));
            Assert.AreEqual("alarms.rules.loadHigh: must be an object", ImportError("{\"alarms\":{\"rules\":{\"loadHigh\":80}}}"));
            Assert.AreEqual("alarms.rules: must be an object of rules by condition name", ImportError("{\"alarms\":{\"rules\":[]}}"));
            Assert.AreEqual("alarms.syslog: must be a string", ImportError("{\"alarms\":{\"syslog\":514}}"));
            Assert.AreEqual("alarms.rules.loadHigh.critical: must be >= warning (80), got 70",
                ImportError("{\"alarms\":{\"rules\":{\"loadHigh\":{\"critical\":70}}}}"));
        }

        [TestMethod]
        public void BusSectionIsPartial()
        {
            MeterConfig current = ConfigSamples.Full();
            MeterConfig result;
            Assert.IsNull(Import("{\"bus\":{\"role\":\"slave\",\"address\":17,\"parity\":\"O\"}}", current, out result));
            Assert.AreEqual(BusRoles.Slave, result.Bus.Role);
            Assert.AreEqual(17, result.Bus.Address);
            Assert.AreEqual(SerialParity.Odd, result.Bus.Parity);
            Assert.AreEqual(current.Bus.Baud, result.Bus.Baud, "absent field kept");
            Assert.AreEqual(current.Bus.StopBits, result.Bus.StopBits, "absent field kept");
            Assert.AreEqual(current.Bus.GatewayScanTo, result.Bus.GatewayScanTo, "absent field kept");
            Assert.AreEqual(BusRoles.Gateway, current.Bus.Role, "current is not modified");
            Assert.Contains("\"bus\":{\"role\":\"slave\",\"address\":17,\"baud\":57600,\"parity\":\"O\",\"stopBits\":2,",
                ConfigSamples.ExportText(result));

            Assert.IsNull(Import("{\"bus\":{\"role\":\"gateway\",\"baud\":9600,\"parity\":\"N\",\"stopBits\":2,\"turnaroundMs\":100,"
                + "\"responseTimeoutMs\":1000,\"pollIntervalMs\":60000,\"gatewayScanFrom\":247,\"gatewayScanTo\":247}}",
                new MeterConfig(3), out result));
            BusConfig b = result.Bus;
            Assert.AreEqual(BusRoles.Gateway, b.Role);
            Assert.AreEqual(0, b.Address);
            Assert.AreEqual(9600, b.Baud);
            Assert.AreEqual(SerialParity.None, b.Parity);
            Assert.AreEqual(2, b.StopBits);
            Assert.AreEqual(100, b.TurnaroundMs);
            Assert.AreEqual(1000, b.ResponseTimeoutMs);
            Assert.AreEqual(60000, b.PollIntervalMs);
            Assert.AreEqual(247, b.GatewayScanFrom);
            Assert.AreEqual(247, b.GatewayScanTo);
        }

        [TestMethod]
        public void BusSectionRoundTripsThroughItsExport()
        {
            MeterConfig full = ConfigSamples.Full();
            string text = ConfigSamples.ExportText(full);
            // The bus section: from its comma to the panel section's.
            string bus = text.Substring(text.IndexOf(",\"bus\":"), text.IndexOf(",\"panel\":") - text.IndexOf(",\"bus\":"));
            Assert.AreEqual(",\"bus\":{\"role\":\"gateway\",\"address\":200,\"baud\":57600,\"parity\":\"N\",\"stopBits\":2,\"turnaroundMs\":5,"
                + "\"responseTimeoutMs\":250,\"pollIntervalMs\":40000,\"gatewayScanFrom\":10,\"gatewayScanTo\":40}", bus);
            MeterConfig result;
            Assert.IsNull(Import("{" + bus.Substring(1) + "}", new MeterConfig(18), out result));
            string back = ConfigSamples.ExportText(result);
            Assert.AreEqual(bus, back.Substring(back.IndexOf(",\"bus\":"), back.IndexOf(",\"panel\":") - back.IndexOf(",\"bus\":")));
        }

        [TestMethod]
        public void ExportSizesOfTheReadme()
        {
            // README.md, "JSON": MPP18 defaults 4658 bytes, of which the bus section is 181 and the panel 80.
            Assert.AreEqual(4658, ConfigSamples.ExportText(new MeterConfig(18)).Length);
            string text = ConfigSamples.ExportText(new MeterConfig(18));
            Assert.AreEqual(181, text.IndexOf(",\"panel\":") - text.IndexOf(",\"bus\":") - 1);
            Assert.AreEqual(80, text.Length - text.IndexOf(",\"panel\":") - 1);
        }

        [TestMethod]
        public void BusFieldsAreRefusedWithTheirPath()
        {
            Assert.AreEqual("bus.speed: unknown field", ImportError("{\"bus\":{\"speed\":9600}}"));
            Assert.AreEqual("bus: must be an object", ImportError("{\"bus\":\"slave\"}"));
            Assert.AreEqual("bus.role: must be standalone, slave or gateway, got \"master\"", ImportError("{\"bus\":{\"role\":\"master\"}}"));
            Assert.AreEqual("bus.role: must be a string", ImportError("{\"bus\":{\"role\":1}}"));
            Assert.AreEqual("bus.parity: must be \"E\", \"N\" or \"O\", got \"e\"", ImportError("{\"bus\":{\"parity\":\"e\"}}"));
            Assert.AreEqual("bus.address: must be a whole number, got 1.5", ImportError("{\"bus\":{\"address\":1.5}}"));
            Assert.AreEqual("bus.baud: must be a whole number", ImportError("{\"bus\":{\"baud\":\"9600\"}}"));
            Assert.AreEqual("bus.address: must be 0..247, got 300", ImportError("{\"bus\":{\"address\":300}}"));
            Assert.AreEqual("bus.baud: must be 9600, 19200, 38400, 57600 or 115200, got 4800", ImportError("{\"bus\":{\"baud\":4800}}"));
            Assert.AreEqual("bus.gatewayScanTo: must be gatewayScanFrom (40)..247, got 31", ImportError("{\"bus\":{\"gatewayScanFrom\":40}}"));
        }

        [TestMethod]
        public void BrokenJsonIsRefused()
        {
            Assert.StartsWith("invalid JSON: ", ImportError("{\"nominalVoltage\":230,}"));
            Assert.StartsWith("invalid JSON: ", ImportError("{\"nominalVoltage\":230"));
            Assert.StartsWith("invalid JSON: ", ImportError("{\"nominalVoltage\":230} x"));
            Assert.StartsWith("invalid JSON: ", ImportError(""));
            Assert.StartsWith("invalid JSON: ", ImportError("{\"channels\":[{\"rack\":\"a\" \"b\"}]}"));
        }
    }
}
