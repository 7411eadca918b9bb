using Ipenergy.Probe.Config;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Config
{
    [TestClass]
    public class ConfigLayoutTests
    {
        // An MPP3: channel 1 a 50 A CT in rack "R1", one 3-phase IT-load circuit "A" (32 A), the
        // rest defaults, sequence 7. Checked by hand against README.md; the CRC with Python's zlib.crc32.
        private const string GoldenSmall =
            "45504346" + "0100" + "0100" + "07000000" + "de000000" + "a8792523"
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
            + "00";

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
            Assert.AreEqual(242, length);
            Assert.AreEqual(GoldenSmall, ConfigSamples.Hex(buffer, 0, length));
        }

        [TestMethod]
        public void DecodeGivesBackEveryField()
        {
            MeterConfig full = ConfigSamples.Full();
            byte[] buffer = new byte[8192];
            int length = ConfigLayout.Encode(full, 1, buffer, 0, buffer.Length);
            MeterConfig back = ConfigLayout.DecodePayload(buffer, ConfigLayout.HeaderSize, length - ConfigLayout.HeaderSize, 1, 18);
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
        public void TruncatedPayloadIsRefused()
        {
            byte[] buffer = new byte[4096];
            int length = ConfigLayout.Encode(Small(), 1, buffer, 0, buffer.Length);
            Assert.IsNull(ConfigLayout.DecodePayload(buffer, ConfigLayout.HeaderSize, length - ConfigLayout.HeaderSize - 1, 1, 3));
            Assert.IsNull(ConfigLayout.DecodePayload(buffer, ConfigLayout.HeaderSize, length - ConfigLayout.HeaderSize, 1, 18));
        }

        [TestMethod]
        public void DoesNotFitReturnsMinusOne()
        {
            Assert.AreEqual(-1, ConfigLayout.Encode(Small(), 1, new byte[241], 0, 241));
            Assert.AreEqual(242, ConfigLayout.Encode(Small(), 1, new byte[242], 0, 242));
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
            Assert.IsNull(ConfigValidator.Validate(c));
            byte[] buffer = new byte[16384];
            // 20 header + 41 meter + 18 × 157 channels + 1 + 18 × 77 circuits + 50 network + 519 SNMP
            // + 5 Modbus + 135 history + 129 password hash.
            Assert.AreEqual(20 + 41 + 18 * 157 + 1 + 18 * 77 + 50 + 519 + 5 + 135 + 129, ConfigLayout.Encode(c, 1, buffer, 0, buffer.Length));
        }
    }
}
