using System;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Config
{
    /// <summary>
    /// Writes a configuration as the JSON document of GET /api/v1/config (field names in README.md).
    /// Secrets (SNMP communities, admin password hash) are never written in clear: a set secret is
    /// "***" and an unset one "" (so "writes off" stays visible); importing "***" keeps the value.
    /// </summary>
    public static class ConfigJsonExporter
    {
        /// <summary>What a set secret is exported as; importing it keeps the current value.</summary>
        public const string SecretMask = "***";

        // Most decimals a number is written with (DecimalText's limit).
        private const int MaxDecimals = 9;

        private static readonly double[] PowersOfTen = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9 };

        /// <summary>Writes the document; check writer.Failed for a buffer too small (≈ 6 KB for an MPP18 with long labels).</summary>
        public static void Export(MeterConfig config, JsonWriter w)
        {
            w.WriteStartObject();
            Number(w, "nominalVoltage", config.NominalVoltage);
            Number(w, "nominalFrequency", config.NominalFrequencyHz);
            w.WriteName("voltageGain");
            w.WriteStartArray();
            for (int p = 0; p < PhaseNames.Count; p++)
            {
                WriteShortest(w, config.VoltageGainCorrection[p]);
            }

            w.WriteEndArray();

            w.WriteName("channels");
            w.WriteStartArray();
            for (int k = 0; k < config.Channels.Length; k++)
            {
                ChannelConfig ch = config.Channels[k];
                w.WriteStartObject();
                Integer(w, "channel", ch.Number);
                Text(w, "phase", ch.Phase >= 0 && ch.Phase < PhaseNames.Count ? PhaseNames.Name(ch.Phase) : "");
                Number(w, "ctRatedA", ch.CtRatedAmps);
                Number(w, "gain", ch.GainCorrection);
                Number(w, "phaseCorrectionDeg", ch.PhaseCorrectionDeg);
                Text(w, "label", ch.Label);
                Text(w, "rack", ch.Rack);
                Text(w, "customer", ch.Customer);
                Text(w, "feed", ch.Feed);
                w.WriteEndObject();
            }

            w.WriteEndArray();

            w.WriteName("circuits");
            w.WriteStartArray();
            for (int c = 0; c < config.Circuits.Length; c++)
            {
                CircuitConfig circuit = config.Circuits[c];
                w.WriteStartObject();
                Text(w, "name", circuit.Name);
                w.WriteName("channels");
                w.WriteStartArray();
                for (int i = 0; i < circuit.Channels.Length; i++)
                {
                    w.WriteInteger(circuit.Channels[i]);
                }

                w.WriteEndArray();
                Number(w, "breakerRatedA", circuit.BreakerRatedAmps);
                Text(w, "role", CircuitRoles.Name(circuit.Role));
                Text(w, "customer", circuit.Customer);
                w.WriteEndObject();
            }

            w.WriteEndArray();

            NetworkConfig network = config.Network;
            w.WriteName("network");
            w.WriteStartObject();
            Boolean(w, "dhcp", network.Dhcp);
            Text(w, "address", Ipv4Text.Format(network.Address));
            Text(w, "mask", Ipv4Text.Format(network.Mask));
            Text(w, "gateway", Ipv4Text.Format(network.Gateway));
            Text(w, "dns", Ipv4Text.Format(network.Dns));
            Text(w, "hostname", network.Hostname);
            w.WriteEndObject();

            SnmpConfig snmp = config.Snmp;
            w.WriteName("snmp");
            w.WriteStartObject();
            Boolean(w, "enabled", snmp.Enabled);
            Text(w, "readCommunity", Masked(snmp.ReadCommunity));
            Text(w, "writeCommunity", Masked(snmp.WriteCommunity));
            Text(w, "sysName", snmp.SysName);
            Text(w, "sysLocation", snmp.SysLocation);
            Text(w, "sysContact", snmp.SysContact);
            Texts(w, "trapTargets", snmp.TrapTargets);
            w.WriteEndObject();

            ModbusConfig modbus = config.Modbus;
            w.WriteName("modbus");
            w.WriteStartObject();
            Boolean(w, "enabled", modbus.Enabled);
            Integer(w, "port", modbus.Port);
            Integer(w, "unitId", modbus.UnitId);
            Boolean(w, "writesUnlocked", modbus.WritesUnlocked);
            w.WriteEndObject();

            HistoryConfig history = config.History;
            w.WriteName("history");
            w.WriteStartObject();
            Integer(w, "energySaveIntervalS", history.EnergySaveIntervalS);
            Integer(w, "billingDay", history.BillingDay);
            Integer(w, "billingHour", history.BillingHour);
            Integer(w, "utcOffsetMinutes", history.UtcOffsetMinutes);
            Texts(w, "ntpServers", history.NtpServers);
            w.WriteEndObject();

            // Users: names and roles only; password verifiers never leave the device.
            w.WriteName("users");
            w.WriteStartArray();
            for (int u = 0; u < config.Users.Length; u++)
            {
                w.WriteStartObject();
                Text(w, "name", config.Users[u].Name);
                Text(w, "role", UserConfig.RoleName(config.Users[u].Role));
                w.WriteEndObject();
            }

            w.WriteEndArray();

            w.WriteName("http");
            w.WriteStartObject();
            Boolean(w, "anonymousRead", config.Http.AnonymousRead);
            Integer(w, "sessionTimeoutS", config.Http.SessionTimeoutS);
            w.WriteEndObject();

            Text(w, "adminPasswordHash", Masked(config.AdminPasswordHash));
            WriteAlarms(w, config.Alarms);
            WriteBus(w, config.Bus);
            WritePanel(w, config.Panel);
            w.WriteEndObject();
        }

        // "panel": the PIN only as its mask (write "pin" to change it).
        private static void WritePanel(JsonWriter w, PanelConfig panel)
        {
            w.WriteName("panel");
            w.WriteStartObject();
            Text(w, "language", PanelConfig.LanguageName(panel.Language));
            Integer(w, "contrast", panel.Contrast);
            Integer(w, "backlightTimeoutS", panel.BacklightTimeoutS);
            Text(w, "pinHash", Masked(panel.PinHash));
            w.WriteEndObject();
        }

        // "bus": role and parity by name, the rest as whole numbers.
        private static void WriteBus(JsonWriter w, BusConfig bus)
        {
            w.WriteName("bus");
            w.WriteStartObject();
            Text(w, "role", BusRoles.Name(bus.Role));
            Integer(w, "address", bus.Address);
            Integer(w, "baud", bus.Baud);
            Text(w, "parity", ParityLetter(bus.Parity));
            Integer(w, "stopBits", bus.StopBits);
            Integer(w, "turnaroundMs", bus.TurnaroundMs);
            Integer(w, "responseTimeoutMs", bus.ResponseTimeoutMs);
            Integer(w, "pollIntervalMs", bus.PollIntervalMs);
            Integer(w, "gatewayScanFrom", bus.GatewayScanFrom);
            Integer(w, "gatewayScanTo", bus.GatewayScanTo);
            w.WriteEndObject();
        }

        // Constant strings, so the export allocates no text for the parity.
        private static string ParityLetter(int parity)
        {
            return parity == SerialParity.Even ? "E" : (parity == SerialParity.Odd ? "O" : "N");
        }

        // "alarms": storm guard, syslog and one rule object per condition name; a level that is off is null.
        private static void WriteAlarms(JsonWriter w, AlarmConfig alarms)
        {
            w.WriteName("alarms");
            w.WriteStartObject();
            Integer(w, "stormMaxEventsPerMinute", alarms.StormMaxEventsPerMinute);
            Text(w, "syslog", alarms.Syslog);
            w.WriteName("rules");
            w.WriteStartObject();
            for (int condition = 0; condition < alarms.Rules.Length; condition++)
            {
                AlarmRuleConfig rule = alarms.Rules[condition];
                w.WriteName(AlarmCodes.ConditionName(condition));
                w.WriteStartObject();
                Boolean(w, "enabled", rule.Enabled);
                NumberOrNull(w, "warning", rule.Warning);
                NumberOrNull(w, "critical", rule.Critical);
                Number(w, "hysteresis", rule.Hysteresis);
                Integer(w, "assertDelayS", rule.AssertDelayS);
                Integer(w, "clearDelayS", rule.ClearDelayS);
                Boolean(w, "latching", rule.Latching);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        private static void NumberOrNull(JsonWriter w, string name, double value)
        {
            w.WriteName(name);
            if (double.IsNaN(value))
            {
                w.WriteNull();
            }
            else
            {
                WriteShortest(w, value);
            }
        }

        /// <summary>
        /// The fewest decimals (up to 9) that show the value as it was entered: 1.02 as "1.02",
        /// 100 as "100". Importing the text gives back the same double for values typed with at
        /// most 9 decimals.
        /// </summary>
        public static void WriteShortest(JsonWriter w, double value)
        {
            int decimals = 0;
            while (decimals < MaxDecimals)
            {
                double scaled = value * PowersOfTen[decimals];
                double nearest = Math.Floor(scaled + 0.5);
                if (Math.Abs(scaled - nearest) <= 1e-9 * Math.Max(1.0, Math.Abs(scaled)))
                {
                    break;
                }

                decimals++;
            }

            w.WriteNumber(value, decimals);
        }

        private static string Masked(string secret)
        {
            return secret == null || secret.Length == 0 ? "" : SecretMask;
        }

        private static void Number(JsonWriter w, string name, double value)
        {
            w.WriteName(name);
            WriteShortest(w, value);
        }

        private static void Integer(JsonWriter w, string name, long value)
        {
            w.WriteName(name);
            w.WriteInteger(value);
        }

        private static void Boolean(JsonWriter w, string name, bool value)
        {
            w.WriteName(name);
            w.WriteBoolean(value);
        }

        private static void Text(JsonWriter w, string name, string value)
        {
            w.WriteName(name);
            w.WriteString(value);
        }

        private static void Texts(JsonWriter w, string name, string[] items)
        {
            w.WriteName(name);
            w.WriteStartArray();
            for (int i = 0; i < items.Length; i++)
            {
                w.WriteString(items[i]);
            }

            w.WriteEndArray();
        }
    }
}
