using System.Text;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Tests.Unit.Config
{
    /// <summary>Configurations and helpers shared by the configuration tests.</summary>
    public static class ConfigSamples
    {
        /// <summary>An MPP18 with every section changed from its default, valid.</summary>
        public static MeterConfig Full()
        {
            MeterConfig c = new MeterConfig(18);
            c.NominalVoltage = 277;
            c.NominalFrequencyHz = 60;
            c.VoltageGainCorrection[1] = 1.0125;
            for (int k = 0; k < 18; k++)
            {
                ChannelConfig ch = c.Channels[k];
                ch.CtRatedAmps = 50 + 10 * k;
                ch.GainCorrection = 0.98 + 0.002 * k;
                ch.PhaseCorrectionDeg = -1.5 + 0.25 * k;
                ch.Rack = "R" + (k + 1).ToString();
                ch.Customer = k < 9 ? "ACME Corp" : "Globex";
                ch.Feed = k % 2 == 0 ? "A" : "B";
                ch.Label = "PDU " + (k / 3).ToString();
            }

            CircuitConfig total = new CircuitConfig("Intake", new int[] { 1, 2, 3 }, 630);
            total.Role = CircuitRoles.FacilityTotal;
            CircuitConfig it = new CircuitConfig("UPS out", new int[] { 4, 5, 6 }, 400);
            it.Role = CircuitRoles.ItLoad;
            it.Customer = "ACME Corp";
            CircuitConfig single = new CircuitConfig("Rack 12 B", new int[] { 10 }, 16);
            c.Circuits = new CircuitConfig[] { total, it, single };

            c.Network.Dhcp = false;
            c.Network.Address = 0xC0A8010A;   // 192.168.1.10
            c.Network.Mask = 0xFFFFFF00;
            c.Network.Gateway = 0xC0A80101;
            c.Network.Dns = 0x08080808;
            c.Network.Hostname = "probe-dc1";

            c.Snmp.ReadCommunity = "s3cret-read";
            c.Snmp.WriteCommunity = "s3cret-write";
            c.Snmp.SysName = "e-Probe DC1";
            c.Snmp.SysLocation = "Hall 2, row C";
            c.Snmp.SysContact = "noc@example.com";
            c.Snmp.TrapTargets = new string[] { "10.0.0.5:162", "nms.example.com:1162" };

            c.Modbus.Port = 5020;
            c.Modbus.UnitId = 17;
            c.Modbus.WritesUnlocked = true;

            c.History.EnergySaveIntervalS = 300;
            c.History.BillingDay = 28;
            c.History.BillingHour = 6;
            c.History.UtcOffsetMinutes = -300;
            c.History.NtpServers = new string[] { "127.0.0.1:123", "ntp.example.com:123" };
            c.AdminPasswordHash = "pbkdf2$placeholder";

            c.Alarms.StormMaxEventsPerMinute = 10;
            c.Alarms.Syslog = "syslog.example.com:1514";
            c.Alarms.Rules[AlarmCodes.LoadHigh].Warning = 75;
            c.Alarms.Rules[AlarmCodes.LoadHigh].Latching = true;
            c.Alarms.Rules[AlarmCodes.UnderVoltage].Critical = double.NaN;
            c.Alarms.Rules[AlarmCodes.FrequencyHigh].Enabled = false;
            c.Alarms.Rules[AlarmCodes.NeutralCurrent].AssertDelayS = 30;

            c.Bus.Role = BusRoles.Gateway;
            c.Bus.Address = 200;
            c.Bus.Baud = 57600;
            c.Bus.Parity = SerialParity.None;
            c.Bus.StopBits = 2;
            c.Bus.TurnaroundMs = 5;
            c.Bus.ResponseTimeoutMs = 250;
            c.Bus.PollIntervalMs = 40000;
            c.Bus.GatewayScanFrom = 10;
            c.Bus.GatewayScanTo = 40;
            return c;
        }

        /// <summary>The configuration's bytes as stored (sequence 0), in hex: equal fingerprints = equal configurations.</summary>
        public static string Fingerprint(MeterConfig config)
        {
            byte[] buffer = new byte[8192];
            int length = ConfigLayout.Encode(config, 0, buffer, 0, buffer.Length);
            // The CRC covers the sequence, so compare the payload only.
            return Hex(buffer, ConfigLayout.HeaderSize, length - ConfigLayout.HeaderSize);
        }

        public static string Hex(byte[] data, int offset, int count)
        {
            const string digits = "0123456789abcdef";
            StringBuilder text = new StringBuilder(count * 2);
            for (int i = 0; i < count; i++)
            {
                byte b = data[offset + i];
                text.Append(digits[b >> 4]);
                text.Append(digits[b & 0xF]);
            }

            return text.ToString();
        }

        public static string ExportText(MeterConfig config)
        {
            JsonWriter w = new JsonWriter(new byte[16384]);
            ConfigJsonExporter.Export(config, w);
            return w.Failed ? "(export failed)" : Encoding.UTF8.GetString(w.Buffer, w.Offset, w.Length);
        }

        public static byte[] Utf8(string text)
        {
            return Encoding.UTF8.GetBytes(text);
        }
    }
}
