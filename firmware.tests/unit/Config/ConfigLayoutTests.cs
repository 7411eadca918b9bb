using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Config
{
    [TestClass]
    public class ConfigLayoutTests
    {
        // An MPP3: channel 1 a 50 A CT in rack "R1", one 3-phase IT-load circuit "A" (32 A), the
        // rest defaults (the factory admin), sequence 7. Checked by hand against README.md; the CRC with Python's zlib.crc32.
        private const string GoldenSmall =
            "45504346" + "0600" + "0100" + "07000000" + "16030000" + "291da303"
            + "03" + "0000000000c06c40" + "0000000000004940"
            + "000000000000f03f" + "000000000000f03f" + "000000000000f03f"
            + "00" + "0000000000004940" + "000000000000f03f" + "0000000000000000" + "00" + "025231" + "00" + "00"
            + "01" + "0000000000005940" + "000000000000f03f" + "0000000000000000" + "00" + "00" + "00" + "00"
            + "02" + "0000000000005940" + "000000000000f03f" + "0000000000000000" + "00" + "00" + "00" + "00"
            + "01" + "0141" + "03010203" + "0000000000004040" + "02" + "00"
            + "01" + "00000000" + "00ffffff" + "00000000" + "00000000" + "07652d70726f6265"
            + "01" + "067075626c6963" + "00" + "07652d50726f6265" + "00" + "00" + "00"
            + "01" + "f601" + "01" + "00"
            + "3c00" + "01" + "00" + "0000" + "01" + "10706f6f6c2e6e74702e6f72673a313233"
            + "00"
            // layout 2: users (the factory admin: name, role 3, salt and hash as hex text, 200 iterations, must change), http
            + "01" + "05" + "61646d696e" + "03"
            + "20" + "3635373037323632363236663632363536363631363337343666373237393231"
            + "40" + "30643736663230653361346133313763333436373730393965313033333165626636356637386463333363343033333833666635646464613062663633326235"
            + "c8000000" + "01"
            + "01" + "08070000"
            // layout 3: alarms (storm 6, no syslog, 11 rules: flags, warning, critical, hysteresis, delays; null = 7ff8...);
            // layout 5: 12 rules (moduleOffline last)
            + "06" + "00" + "0c"
            + "01" + "0000000000005440" + "0000000000805640" + "0000000000001440" + "05000a00"
            + "01" + "0000000000005940" + "0000000000005e40" + "0000000000001440" + "05000a00"
            + "01" + "9a9999999999c93f" + "000000000000f87f" + "9a9999999999b93f" + "0a000a00"
            + "01" + "0000000000805640" + "0000000000405540" + "000000000000f03f" + "05000a00"
            + "01" + "0000000000805b40" + "0000000000c05c40" + "000000000000f03f" + "05000a00"
            + "01" + "000000000000f87f" + "0000000000004940" + "0000000000001440" + "01000500"
            + "01" + "000000000000e03f" + "000000000000f03f" + "9a9999999999a93f" + "05000a00"
            + "01" + "000000000000e03f" + "000000000000f03f" + "9a9999999999a93f" + "05000a00"
            + "01" + "0000000000000040" + "0000000000000840" + "000000000000e03f" + "0a000a00"
            + "01" + "0000000000003440" + "0000000000004440" + "0000000000001440" + "0a000a00"
            + "01" + "0000000000005440" + "0000000000005940" + "0000000000001440" + "0a000a00"
            + "01" + "000000000000f87f" + "0000000000000840" + "0000000000000000" + "00000000"
            // layout 4: bus (standalone, unaddressed, 115200 8E1, turnaround 0, timeout 100 ms, poll 1000 ms, scan 1..31)
            + "00" + "00" + "00c20100" + "02" + "01" + "00" + "6400" + "e803" + "01" + "1f"
            // layout 6: panel (English, contrast 32, backlight 300 s, the factory PIN hash of 0000)
            + "00" + "20" + "2c01" + "51" + "363532643530373236663632363533313a30396366323562356439653634326136663466653133363532353937636163346436353136356436306434656263343131323163613063313032616665353131";

        // The alarm section with the defaults: storm, empty syslog, rule count, 12 × 29 (layout 3 had 11 rules).
        private const int AlarmSectionDefaultSize = 1 + 1 + 1 + 12 * 29;

        // Layout 4's bus section: role, address, baud u32, parity, stop bits, turnaround, timeout u16, poll u16, scan from, scan to.
        private const int BusSectionSize = 1 + 1 + 4 + 1 + 1 + 1 + 2 + 2 + 1 + 1;

        // Layout 6's panel section: language, contrast, backlight timeout u16, PIN hash text (1 + 81).
        private const int PanelSectionSize = 1 + 1 + 2 + 1 + 81;

        private static MeterConfig Small()
        {
            MeterConfig c = new MeterConfig(3);
            c.Channels[0].CtRatedAmps = 50;
            c.Channels[0].Rack = "R1";
            CircuitConfig circuit = new CircuitConfig("A", new int[] { 1, 2, 3 }, 32);
            circuit.Role = CircuitRoles.ItLoad;
            c.Circuits = new CircuitConfig[] { circuit };
            return c;
        }

        [TestMethod]
        public void SmallConfigurationGoldenBytes()
        {
            byte[] buffer = new byte[4096];
            int length = ConfigLayout.Encode(Small(), 7, buffer, 0, buffer.Length);
            Assert.AreEqual(810, length);
            Assert.AreEqual(GoldenSmall, ConfigSamples.Hex(buffer, 0, length));
        }

        [TestMethod]
        public void DecodeGivesBackEveryField()
        {
            MeterConfig full = ConfigSamples.Full();
            byte[] buffer = new byte[8192];
            int length = ConfigLayout.Encode(full, 1, buffer, 0, buffer.Length);
            MeterConfig back = ConfigLayout.DecodePayload(buffer, ConfigLayout.HeaderSize, length - ConfigLayout.HeaderSize, ConfigLayout.CurrentVersion, 18);
            Assert.IsNotNull(back);
            Assert.AreEqual(ConfigSamples.Fingerprint(full), ConfigSamples.Fingerprint(back));
            Assert.AreEqual(ConfigSamples.ExportText(full), ConfigSamples.ExportText(back));
            Assert.AreEqual(1.0125, back.VoltageGainCorrection[1]);
            Assert.AreEqual(0.98 + 0.002 * 17, back.Channels[17].GainCorrection);
            Assert.AreEqual(CircuitRoles.FacilityTotal, back.Circuits[0].Role);
            Assert.AreEqual(0xC0A8010Au, back.Network.Address);
            Assert.AreEqual("s3cret-read", back.Snmp.ReadCommunity);
            Assert.AreEqual("nms.example.com:1162", back.Snmp.TrapTargets[1]);
            Assert.AreEqual(5020, back.Modbus.Port);
            Assert.AreEqual(-300, back.History.UtcOffsetMinutes);
            Assert.AreEqual("pbkdf2$placeholder", back.AdminPasswordHash);
            Assert.AreEqual(BusRoles.Gateway, back.Bus.Role);
            Assert.AreEqual(40000, back.Bus.PollIntervalMs);
        }

        [TestMethod]
        public void Layout1RecordLoadsWithTheFactoryAdmin()
        {
            byte[] buffer = new byte[4096];
            int length = ConfigLayout.Encode(Small(), 1, buffer, 0, buffer.Length);
            // A layout-1 payload is the layout-2 one without the users (1 + 110 bytes for the factory admin)
            // and http (5) sections: cut them off and read it as version 1.
            int layout1Length = length - ConfigLayout.HeaderSize - PanelSectionSize - BusSectionSize - AlarmSectionDefaultSize - (1 + (1 + 5 + 1 + 33 + 65 + 4 + 1)) - 5;
            MeterConfig back = ConfigLayout.DecodePayload(buffer, ConfigLayout.HeaderSize, layout1Length, 1, 3);
            Assert.IsNotNull(back);
            Assert.AreEqual(1, back.Users.Length);
            Assert.AreEqual("admin", back.Users[0].Name);
            Assert.AreEqual(UserConfig.RoleAdmin, back.Users[0].Role);
            Assert.IsTrue(back.Users[0].MustChangePassword);
            Assert.AreEqual(UserConfig.DefaultAdminHash, back.Users[0].Hash);
            Assert.IsTrue(back.Http.AnonymousRead);
            Assert.AreEqual(1800, back.Http.SessionTimeoutS);
            Assert.AreEqual("R1", back.Channels[0].Rack);
        }

        [TestMethod]
        public void Layout2RecordLoadsWithDefaultAlarms()
        {
            MeterConfig c = Small();
            c.Alarms.StormMaxEventsPerMinute = 3;
            c.Alarms.Rules[AlarmCodes.LoadHigh].Warning = 70;
            byte[] buffer = new byte[4096];
            int length = ConfigLayout.Encode(c, 1, buffer, 0, buffer.Length);
            // A layout-2 payload is the layout-4 one without the bus and alarm sections.
            int layout2Length = length - ConfigLayout.HeaderSize - PanelSectionSize - BusSectionSize - AlarmSectionDefaultSize;
            MeterConfig back = ConfigLayout.DecodePayload(buffer, ConfigLayout.HeaderSize, layout2Length, 2, 3);
            Assert.IsNotNull(back);
            Assert.AreEqual(6, back.Alarms.StormMaxEventsPerMinute);
            Assert.AreEqual(80.0, back.Alarms.Rules[AlarmCodes.LoadHigh].Warning);
            Assert.AreEqual(ConfigSamples.ExportText(new MeterConfig(3)).Substring(ConfigSamples.ExportText(new MeterConfig(3)).IndexOf("\"alarms\"")),
                ConfigSamples.ExportText(back).Substring(ConfigSamples.ExportText(back).IndexOf("\"alarms\"")));
            Assert.AreEqual("R1", back.Channels[0].Rack);
            Assert.AreEqual(1800, back.Http.SessionTimeoutS);
        }

        [TestMethod]
        public void Layout4RecordLoadsWithTheDefaultModuleOfflineRule()
        {
            MeterConfig c = Small();
            c.Alarms.Rules[AlarmCodes.NeutralCurrent].Warning = 70;
            c.Alarms.Rules[AlarmCodes.ModuleOffline].Critical = 9;
            c.Bus.Role = BusRoles.Gateway;
            byte[] buffer = new byte[4096];
            int length = ConfigLayout.Encode(c, 1, buffer, 0, buffer.Length);
            // A layout-4 payload has 11 rules: drop the last rule (29 bytes) and say 11.
            int payloadLength = length - ConfigLayout.HeaderSize;
            int ruleCountAt = ConfigLayout.HeaderSize + payloadLength - PanelSectionSize - BusSectionSize - AlarmSectionDefaultSize + 2;
            Assert.AreEqual(12, (int)buffer[ruleCountAt]);
            byte[] old = new byte[4096];
            int lastRuleAt = ConfigLayout.HeaderSize + payloadLength - PanelSectionSize - BusSectionSize - 29;
            System.Array.Copy(buffer, 0, old, 0, lastRuleAt);
            System.Array.Copy(buffer, lastRuleAt + 29, old, lastRuleAt, BusSectionSize);
            old[ruleCountAt] = 11;
            MeterConfig back = ConfigLayout.DecodePayload(old, ConfigLayout.HeaderSize, payloadLength - PanelSectionSize - 29, 4, 3);
            Assert.IsNotNull(back);
            Assert.AreEqual(70.0, back.Alarms.Rules[AlarmCodes.NeutralCurrent].Warning, "the 11 rules of layout 4 are read");
            Assert.AreEqual(3.0, back.Alarms.Rules[AlarmCodes.ModuleOffline].Critical, "moduleOffline: default");
            Assert.IsTrue(back.Alarms.Rules[AlarmCodes.ModuleOffline].Enabled);
            Assert.AreEqual(BusRoles.Gateway, back.Bus.Role, "the bus section after the rules is in place");
            Assert.IsNull(ConfigValidator.Validate(back));

            // And the layout-5 record itself keeps the configured rule.
            MeterConfig now = ConfigLayout.DecodePayload(buffer, ConfigLayout.HeaderSize, payloadLength, ConfigLayout.CurrentVersion, 3);
            Assert.AreEqual(9.0, now.Alarms.Rules[AlarmCodes.ModuleOffline].Critical);
        }

        [TestMethod]
        public void Layout3RecordLoadsStandaloneOnTheBus()
        {
            MeterConfig c = Small();
            c.Bus.Role = BusRoles.Slave;
            c.Bus.Address = 9;
            c.Alarms.StormMaxEventsPerMinute = 3;
            byte[] buffer = new byte[4096];
            int length = ConfigLayout.Encode(c, 1, buffer, 0, buffer.Length);
            // A layout-3 payload is the layout-4 one without the bus section.
            MeterConfig back = ConfigLayout.DecodePayload(buffer, ConfigLayout.HeaderSize, length - ConfigLayout.HeaderSize - PanelSectionSize - BusSectionSize, 3, 3);
            Assert.IsNotNull(back);
            Assert.AreEqual(3, back.Alarms.StormMaxEventsPerMinute, "layout-3 fields are read");
            string defaults = ConfigSamples.ExportText(new MeterConfig(3));
            string loaded = ConfigSamples.ExportText(back);
            Assert.AreEqual(defaults.Substring(defaults.IndexOf("\"bus\"")), loaded.Substring(loaded.IndexOf("\"bus\"")));
            Assert.AreEqual(BusRoles.Standalone, back.Bus.Role, "no bus traffic from an old record");
            Assert.IsNull(ConfigValidator.Validate(back));
        }

        [TestMethod]
        public void BusSectionRoundTripsEveryField()
        {
            int[] roles = { BusRoles.Standalone, BusRoles.Slave, BusRoles.Gateway };
            int[] parities = { SerialParity.Even, SerialParity.None, SerialParity.Odd };
            for (int i = 0; i < roles.Length; i++)
            {
                MeterConfig c = Small();
                c.Bus.Role = roles[i];
                c.Bus.Address = 247 - i;
                c.Bus.Baud = i == 0 ? 9600 : (i == 1 ? 38400 : 115200);
                c.Bus.Parity = parities[i];
                c.Bus.StopBits = 1 + i % 2;
                c.Bus.TurnaroundMs = 100 - i;
                c.Bus.ResponseTimeoutMs = 1000 - i;
                c.Bus.PollIntervalMs = 60000 - i;
                c.Bus.GatewayScanFrom = 1 + i;
                c.Bus.GatewayScanTo = 247 - i;
                byte[] buffer = new byte[4096];
                int length = ConfigLayout.Encode(c, 1, buffer, 0, buffer.Length);
                MeterConfig back = ConfigLayout.DecodePayload(buffer, ConfigLayout.HeaderSize, length - ConfigLayout.HeaderSize, ConfigLayout.CurrentVersion, 3);
                Assert.IsNotNull(back);
                string at = BusRoles.Name(roles[i]);
                Assert.AreEqual(c.Bus.Role, back.Bus.Role, at);
                Assert.AreEqual(c.Bus.Address, back.Bus.Address, at);
                Assert.AreEqual(c.Bus.Baud, back.Bus.Baud, at);
                Assert.AreEqual(c.Bus.Parity, back.Bus.Parity, at);
                Assert.AreEqual(c.Bus.StopBits, back.Bus.StopBits, at);
                Assert.AreEqual(c.Bus.TurnaroundMs, back.Bus.TurnaroundMs, at);
                Assert.AreEqual(c.Bus.ResponseTimeoutMs, back.Bus.ResponseTimeoutMs, at);
                Assert.AreEqual(c.Bus.PollIntervalMs, back.Bus.PollIntervalMs, at);
                Assert.AreEqual(c.Bus.GatewayScanFrom, back.Bus.GatewayScanFrom, at);
                Assert.AreEqual(c.Bus.GatewayScanTo, back.Bus.GatewayScanTo, at);
                Assert.IsNull(ConfigValidator.Validate(back), at);
                Assert.AreEqual(ConfigSamples.Fingerprint(c), ConfigSamples.Fingerprint(back), at);
            }
        }

        [TestMethod]
        public void AlarmSectionRoundTripsEveryRuleField()
        {
            MeterConfig c = Small();
            c.Alarms.StormMaxEventsPerMinute = 60;
            c.Alarms.Syslog = "10.0.0.9:5514";
            for (int i = 0; i < AlarmCodes.ConditionCount; i++)
            {
                AlarmRuleConfig rule = c.Alarms.Rules[i];
                rule.Enabled = i % 2 == 0;
                rule.Latching = i % 3 == 0;
                rule.Warning = i == 4 ? double.NaN : 10.125 + i;
                rule.Critical = i == 7 ? double.NaN : 20.5 + i;
                rule.Hysteresis = 0.25 * i;
                rule.AssertDelayS = 3600 - i;
                rule.ClearDelayS = i;
            }

            byte[] buffer = new byte[4096];
            int length = ConfigLayout.Encode(c, 1, buffer, 0, buffer.Length);
            MeterConfig back = ConfigLayout.DecodePayload(buffer, ConfigLayout.HeaderSize, length - ConfigLayout.HeaderSize, ConfigLayout.CurrentVersion, 3);
            Assert.IsNotNull(back);
            Assert.AreEqual(60, back.Alarms.StormMaxEventsPerMinute);
            Assert.AreEqual("10.0.0.9:5514", back.Alarms.Syslog);
            for (int i = 0; i < AlarmCodes.ConditionCount; i++)
            {
                AlarmRuleConfig a = c.Alarms.Rules[i];
                AlarmRuleConfig b = back.Alarms.Rules[i];
                string at = AlarmCodes.ConditionName(i);
                Assert.AreEqual(a.Enabled, b.Enabled, at);
                Assert.AreEqual(a.Latching, b.Latching, at);
                Assert.AreEqual(double.IsNaN(a.Warning), double.IsNaN(b.Warning), at);
                Assert.IsTrue(double.IsNaN(a.Warning) || a.Warning == b.Warning, at);
                Assert.AreEqual(double.IsNaN(a.Critical), double.IsNaN(b.Critical), at);
                Assert.IsTrue(double.IsNaN(a.Critical) || a.Critical == b.Critical, at);
                Assert.AreEqual(a.Hysteresis, b.Hysteresis, at);
                Assert.AreEqual(a.AssertDelayS, b.AssertDelayS, at);
                Assert.AreEqual(a.ClearDelayS, b.ClearDelayS, at);
            }

            Assert.AreEqual(ConfigSamples.Fingerprint(c), ConfigSamples.Fingerprint(back));
        }

        [TestMethod]
        public void TruncatedPayloadIsRefused()
        {
            byte[] buffer = new byte[4096];
            int length = ConfigLayout.Encode(Small(), 1, buffer, 0, buffer.Length);
            Assert.IsNull(ConfigLayout.DecodePayload(buffer, ConfigLayout.HeaderSize, length - ConfigLayout.HeaderSize - 1, ConfigLayout.CurrentVersion, 3));
            Assert.IsNull(ConfigLayout.DecodePayload(buffer, ConfigLayout.HeaderSize, length - ConfigLayout.HeaderSize, ConfigLayout.CurrentVersion, 18));
        }

        [TestMethod]
        public void DoesNotFitReturnsMinusOne()
        {
            Assert.AreEqual(-1, ConfigLayout.Encode(Small(), 1, new byte[694], 0, 694));
            Assert.AreEqual(810, ConfigLayout.Encode(Small(), 1, new byte[810], 0, 810));
        }

        [TestMethod]
        public void WorstCaseMpp18Size()
        {
            // Every text at its longest: the figure README.md quotes against the 4 KiB slot.
            MeterConfig c = new MeterConfig(18);
            string label = new string('x', ConfigValidator.MaxLabelLength);
            string snmpText = new string('s', ConfigValidator.MaxSnmpTextLength);
            string host = new string('h', 57) + ":65535";
            CircuitConfig[] circuits = new CircuitConfig[18];
            for (int k = 0; k < 18; k++)
            {
                ChannelConfig ch = c.Channels[k];
                ch.Label = label;
                ch.Rack = label;
                ch.Customer = label;
                ch.Feed = label;
                circuits[k] = new CircuitConfig(label, new int[] { k + 1 }, 16);
                circuits[k].Customer = label;
            }

            c.Circuits = circuits;
            c.Network.Hostname = label;
            c.Snmp.ReadCommunity = label;
            c.Snmp.WriteCommunity = new string('w', 32);
            c.Snmp.SysName = snmpText;
            c.Snmp.SysLocation = snmpText;
            c.Snmp.SysContact = snmpText;
            c.Snmp.TrapTargets = new string[] { host, host, host, host };
            c.History.NtpServers = new string[] { host, host };
            c.AdminPasswordHash = new string('p', ConfigValidator.MaxPasswordHashLength);
            UserConfig[] users = new UserConfig[UserConfig.MaxUsers];
            for (int u = 0; u < users.Length; u++)
            {
                users[u] = UserConfig.FactoryAdmin();
                users[u].Name = new string('u', UserConfig.MaxNameLength - 1) + u.ToString();
            }

            c.Users = users;
            c.Alarms.Syslog = new string('h', 63) + ":65535";
            Assert.IsNull(ConfigValidator.Validate(c));
            byte[] buffer = new byte[16384];
            // 20 header + 41 meter + 18 × 157 channels + 1 + 18 × 77 circuits + 50 network + 519 SNMP
            // + 5 Modbus + 135 history + 129 password hash + 1 + 8 × 137 users + 5 http
            // + 420 alarms (storm, 70 syslog, rule count, 12 × 29) + 15 bus.
            Assert.AreEqual(20 + 41 + 18 * 157 + 1 + 18 * 77 + 50 + 519 + 5 + 135 + 129 + 1 + 8 * 137 + 5 + 420 + 15 + PanelSectionSize,
                ConfigLayout.Encode(c, 1, buffer, 0, buffer.Length));
        }
    }
}
