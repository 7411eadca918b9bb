using Ipenergy.Probe.Config;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Config
{
    [TestClass]
    public class ConfigLayoutTests
    {
        // An MPP3: channel 1 a 50 A CT in rack "R1", one 3-phase IT-load circuit "A" (32 A), the
        // rest defaults (the factory admin), sequence 7. Checked by hand against README.md; the CRC with Python's zlib.crc32.
        private const string GoldenSmall =
            "45504346" + "0200" + "0100" + "07000000" + "52010000" + "82603960"
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
            + "01" + "08070000";

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
            Assert.AreEqual(358, length);
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
        }

        [TestMethod]
        public void Layout1RecordLoadsWithTheFactoryAdmin()
        {
            byte[] buffer = new byte[4096];
            int length = ConfigLayout.Encode(Small(), 1, buffer, 0, buffer.Length);
            // A layout-1 payload is the layout-2 one without the users (1 + 110 bytes for the factory admin)
            // and http (5) sections: cut them off and read it as version 1.
            int layout1Length = length - ConfigLayout.HeaderSize - (1 + (1 + 5 + 1 + 33 + 65 + 4 + 1)) - 5;
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
            Assert.AreEqual(-1, ConfigLayout.Encode(Small(), 1, new byte[357], 0, 357));
            Assert.AreEqual(358, ConfigLayout.Encode(Small(), 1, new byte[358], 0, 358));
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
            Assert.IsNull(ConfigValidator.Validate(c));
            byte[] buffer = new byte[16384];
            // 20 header + 41 meter + 18 × 157 channels + 1 + 18 × 77 circuits + 50 network + 519 SNMP
            // + 5 Modbus + 135 history + 129 password hash + 1 + 8 × 137 users + 5 http.
            Assert.AreEqual(20 + 41 + 18 * 157 + 1 + 18 * 77 + 50 + 519 + 5 + 135 + 129 + 1 + 8 * 137 + 5,
                ConfigLayout.Encode(c, 1, buffer, 0, buffer.Length));
        }
    }
}
