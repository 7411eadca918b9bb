using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Config
{
    /// <summary>
    /// The configuration as bytes on flash (byte by byte in README.md): a 20-byte header (magic,
    /// layout version, oldest layout able to read it, sequence, payload length, CRC-32) followed by
    /// the payload, every field little-endian. A later layout that only appends fields keeps
    /// MinReaderVersion at 1, so this firmware still reads it (ignoring the tail); a layout that
    /// changes the meaning of existing bytes raises MinReaderVersion and this firmware refuses it.
    /// </summary>
    public static class ConfigLayout
    {
        public const int HeaderSize = 20;

        /// <summary>Layout this firmware writes (and the newest it understands fully).</summary>
        public const int CurrentVersion = 6;

        public const int MagicOffset = 0;
        public const int VersionOffset = 4;
        public const int MinReaderVersionOffset = 6;
        public const int SequenceOffset = 8;
        public const int LengthOffset = 12;
        public const int CrcOffset = 16;

        /// <summary>"EPCF" (e-Probe ConFig) as a little-endian uint: bytes 45 50 43 46.</summary>
        public const uint Magic = 0x46435045;

        // Layout 3, alarm rule flags byte.
        private const int RuleEnabledFlag = 1;
        private const int RuleLatchingFlag = 2;

        /// <summary>
        /// Writes header and payload into buffer[offset…offset+capacity); returns the record's total
        /// length, or −1 when it does not fit.
        /// </summary>
        public static int Encode(MeterConfig config, uint sequence, byte[] buffer, int offset, int capacity)
        {
            if (capacity < HeaderSize)
            {
                return -1;
            }

            ConfigBinaryWriter w = new ConfigBinaryWriter(buffer, offset + HeaderSize, capacity - HeaderSize);
            WritePayload(config, w);
            if (w.Overflow)
            {
                return -1;
            }

            int payloadLength = w.Position - offset - HeaderSize;
            ConfigBinaryWriter h = new ConfigBinaryWriter(buffer, offset, HeaderSize);
            h.WriteUInt32(Magic);
            h.WriteUInt16(CurrentVersion);
            h.WriteUInt16(1);
            h.WriteUInt32(sequence);
            h.WriteUInt32((uint)payloadLength);
            h.WriteUInt32(RecordCrc(buffer, offset, payloadLength));
            return HeaderSize + payloadLength;
        }

        /// <summary>CRC-32 of the header's first 16 bytes and the payload (the CRC field itself excluded).</summary>
        public static uint RecordCrc(byte[] buffer, int offset, int payloadLength)
        {
            uint state = Crc32.Update(Crc32.Initial, buffer, offset, CrcOffset);
            state = Crc32.Update(state, buffer, offset + HeaderSize, payloadLength);
            return Crc32.Finish(state);
        }

        /// <summary>
        /// The configuration in a payload written by layout <paramref name="version"/> (≤ CurrentVersion
        /// or a newer one that kept MinReaderVersion ≤ CurrentVersion); null when the bytes do not
        /// hold one for <paramref name="channelCount"/> channels. Not validated here.
        /// </summary>
        public static MeterConfig DecodePayload(byte[] buffer, int offset, int length, int version, int channelCount)
        {
            ConfigBinaryReader r = new ConfigBinaryReader(buffer, offset, length);
            if (r.ReadByte() != channelCount)
            {
                return null;
            }

            MeterConfig config = new MeterConfig(channelCount);
            config.NominalVoltage = r.ReadDouble();
            config.NominalFrequencyHz = r.ReadDouble();
            for (int p = 0; p < PhaseNames.Count; p++)
            {
                config.VoltageGainCorrection[p] = r.ReadDouble();
            }

            for (int k = 0; k < channelCount; k++)
            {
                ChannelConfig ch = config.Channels[k];
                ch.Phase = r.ReadByte();
                ch.CtRatedAmps = r.ReadDouble();
                ch.GainCorrection = r.ReadDouble();
                ch.PhaseCorrectionDeg = r.ReadDouble();
                ch.Label = r.ReadText();
                ch.Rack = r.ReadText();
                ch.Customer = r.ReadText();
                ch.Feed = r.ReadText();
            }

            CircuitConfig[] circuits = new CircuitConfig[r.ReadByte()];
            for (int c = 0; c < circuits.Length; c++)
            {
                string name = r.ReadText();
                int[] channels = new int[r.ReadByte()];
                for (int i = 0; i < channels.Length; i++)
                {
                    channels[i] = r.ReadByte();
                }

                CircuitConfig circuit = new CircuitConfig(name, channels, r.ReadDouble());
                circuit.Role = r.ReadByte();
                circuit.Customer = r.ReadText();
                circuits[c] = circuit;
            }

            config.Circuits = circuits;

            NetworkConfig network = config.Network;
            network.Dhcp = r.ReadBoolean();
            network.Address = r.ReadUInt32();
            network.Mask = r.ReadUInt32();
            network.Gateway = r.ReadUInt32();
            network.Dns = r.ReadUInt32();
            network.Hostname = r.ReadText();

            SnmpConfig snmp = config.Snmp;
            snmp.Enabled = r.ReadBoolean();
            snmp.ReadCommunity = r.ReadText();
            snmp.WriteCommunity = r.ReadText();
            snmp.SysName = r.ReadText();
            snmp.SysLocation = r.ReadText();
            snmp.SysContact = r.ReadText();
            snmp.TrapTargets = ReadTexts(r);

            ModbusConfig modbus = config.Modbus;
            modbus.Enabled = r.ReadBoolean();
            modbus.Port = r.ReadUInt16();
            modbus.UnitId = r.ReadByte();
            modbus.WritesUnlocked = r.ReadBoolean();

            HistoryConfig history = config.History;
            history.EnergySaveIntervalS = r.ReadUInt16();
            history.BillingDay = r.ReadByte();
            history.BillingHour = r.ReadByte();
            history.UtcOffsetMinutes = (short)r.ReadUInt16();
            history.NtpServers = ReadTexts(r);

            config.AdminPasswordHash = r.ReadText();

            // Layout 2 appended the users and the http section; a layout-1 record keeps the factory
            // admin (admin/admin, to be changed) and the http defaults of the constructor.
            if (version >= 2)
            {
                UserConfig[] users = new UserConfig[r.ReadByte()];
                for (int u = 0; u < users.Length; u++)
                {
                    string name = r.ReadText();
                    int role = r.ReadByte();
                    string salt = r.ReadText();
                    string hash = r.ReadText();
                    int iterations = (int)r.ReadUInt32();
                    users[u] = new UserConfig(name, role, salt, hash, iterations, r.ReadBoolean());
                }

                config.Users = users;
                config.Http.AnonymousRead = r.ReadBoolean();
                config.Http.SessionTimeoutS = (int)r.ReadUInt32();
            }

            // Layout 3 appended the alarms section; older records keep the constructor's defaults.
            if (version >= 3)
            {
                ReadAlarms(r, config.Alarms);
            }

            // Layout 4 appended the bus section; older records keep the constructor's (standalone: no bus traffic).
            if (version >= 4)
            {
                ReadBus(r, config.Bus);
            }

            // Layout 5 only added a rule (moduleOffline) to the alarms' rule list, whose count comes first:
            // a layout-4 reader skips it, a layout-4 record here keeps its default.
            // Layout 6 appended the panel section; older records keep the constructor's (English, factory PIN).
            if (version >= 6)
            {
                ReadPanel(r, config.Panel);
            }

            // Layout 6 ends here; bytes a newer compatible layout appended are not ours to read.
            return r.Overrun ? null : config;
        }

        private static void WritePayload(MeterConfig config, ConfigBinaryWriter w)
        {
            w.WriteByte(config.Channels.Length);
            w.WriteDouble(config.NominalVoltage);
            w.WriteDouble(config.NominalFrequencyHz);
            for (int p = 0; p < PhaseNames.Count; p++)
            {
                w.WriteDouble(config.VoltageGainCorrection[p]);
            }

            for (int k = 0; k < config.Channels.Length; k++)
            {
                ChannelConfig ch = config.Channels[k];
                w.WriteByte(ch.Phase);
                w.WriteDouble(ch.CtRatedAmps);
                w.WriteDouble(ch.GainCorrection);
                w.WriteDouble(ch.PhaseCorrectionDeg);
                w.WriteText(ch.Label);
                w.WriteText(ch.Rack);
                w.WriteText(ch.Customer);
                w.WriteText(ch.Feed);
            }

            w.WriteByte(config.Circuits.Length);
            for (int c = 0; c < config.Circuits.Length; c++)
            {
                CircuitConfig circuit = config.Circuits[c];
                w.WriteText(circuit.Name);
                w.WriteByte(circuit.Channels.Length);
                for (int i = 0; i < circuit.Channels.Length; i++)
                {
                    w.WriteByte(circuit.Channels[i]);
                }

                w.WriteDouble(circuit.BreakerRatedAmps);
                w.WriteByte(circuit.Role);
                w.WriteText(circuit.Customer);
            }

            NetworkConfig network = config.Network;
            w.WriteBoolean(network.Dhcp);
            w.WriteUInt32(network.Address);
            w.WriteUInt32(network.Mask);
            w.WriteUInt32(network.Gateway);
            w.WriteUInt32(network.Dns);
            w.WriteText(network.Hostname);

            SnmpConfig snmp = config.Snmp;
            w.WriteBoolean(snmp.Enabled);
            w.WriteText(snmp.ReadCommunity);
            w.WriteText(snmp.WriteCommunity);
            w.WriteText(snmp.SysName);
            w.WriteText(snmp.SysLocation);
            w.WriteText(snmp.SysContact);
            WriteTexts(w, snmp.TrapTargets);

            ModbusConfig modbus = config.Modbus;
            w.WriteBoolean(modbus.Enabled);
            w.WriteUInt16(modbus.Port);
            w.WriteByte(modbus.UnitId);
            w.WriteBoolean(modbus.WritesUnlocked);

            HistoryConfig history = config.History;
            w.WriteUInt16(history.EnergySaveIntervalS);
            w.WriteByte(history.BillingDay);
            w.WriteByte(history.BillingHour);
            w.WriteUInt16(history.UtcOffsetMinutes & 0xFFFF);
            WriteTexts(w, history.NtpServers);

            w.WriteText(config.AdminPasswordHash);

            w.WriteByte(config.Users.Length);
            for (int u = 0; u < config.Users.Length; u++)
            {
                UserConfig user = config.Users[u];
                w.WriteText(user.Name);
                w.WriteByte(user.Role);
                w.WriteText(user.Salt);
                w.WriteText(user.Hash);
                w.WriteUInt32((uint)user.Iterations);
                w.WriteBoolean(user.MustChangePassword);
            }

            w.WriteBoolean(config.Http.AnonymousRead);
            w.WriteUInt32((uint)config.Http.SessionTimeoutS);

            WriteAlarms(w, config.Alarms);
            WriteBus(w, config.Bus);
            WritePanel(w, config.Panel);
        }

        private static void WritePanel(ConfigBinaryWriter w, PanelConfig panel)
        {
            w.WriteByte(panel.Language);
            w.WriteByte(panel.Contrast);
            w.WriteUInt16(panel.BacklightTimeoutS);
            w.WriteText(panel.PinHash);
        }

        private static void ReadPanel(ConfigBinaryReader r, PanelConfig panel)
        {
            panel.Language = r.ReadByte();
            panel.Contrast = r.ReadByte();
            panel.BacklightTimeoutS = r.ReadUInt16();
            panel.PinHash = r.ReadText();
        }

        private static void WriteBus(ConfigBinaryWriter w, BusConfig bus)
        {
            w.WriteByte(bus.Role);
            w.WriteByte(bus.Address);
            w.WriteUInt32((uint)bus.Baud);
            w.WriteByte(bus.Parity);
            w.WriteByte(bus.StopBits);
            w.WriteByte(bus.TurnaroundMs);
            w.WriteUInt16(bus.ResponseTimeoutMs);
            w.WriteUInt16(bus.PollIntervalMs);
            w.WriteByte(bus.GatewayScanFrom);
            w.WriteByte(bus.GatewayScanTo);
        }

        private static void ReadBus(ConfigBinaryReader r, BusConfig bus)
        {
            bus.Role = r.ReadByte();
            bus.Address = r.ReadByte();
            bus.Baud = (int)r.ReadUInt32();
            bus.Parity = r.ReadByte();
            bus.StopBits = r.ReadByte();
            bus.TurnaroundMs = r.ReadByte();
            bus.ResponseTimeoutMs = r.ReadUInt16();
            bus.PollIntervalMs = r.ReadUInt16();
            bus.GatewayScanFrom = r.ReadByte();
            bus.GatewayScanTo = r.ReadByte();
        }

        // Storm guard and syslog first, then a rule count and the rules in AlarmCodes order, so a
        // later layout may add conditions (this firmware reads the ones it knows and skips the rest).
        private static void WriteAlarms(ConfigBinaryWriter w, AlarmConfig alarms)
        {
            w.WriteByte(alarms.StormMaxEventsPerMinute);
            w.WriteText(alarms.Syslog);
            w.WriteByte(alarms.Rules.Length);
            for (int i = 0; i < alarms.Rules.Length; i++)
            {
                AlarmRuleConfig rule = alarms.Rules[i];
                w.WriteByte((rule.Enabled ? RuleEnabledFlag : 0) | (rule.Latching ? RuleLatchingFlag : 0));
                WriteThreshold(w, rule.Warning);
                WriteThreshold(w, rule.Critical);
                w.WriteDouble(rule.Hysteresis);
                w.WriteUInt16(rule.AssertDelayS);
                w.WriteUInt16(rule.ClearDelayS);
            }
        }

        // A level that is off (NaN) as the canonical quiet NaN 0x7FF8000000000000: runtimes differ in
        // double.NaN's sign bit, and the bytes must not depend on the runtime.
        private static void WriteThreshold(ConfigBinaryWriter w, double value)
        {
            if (double.IsNaN(value))
            {
                w.WriteUInt32(0);
                w.WriteUInt32(0x7FF80000);
            }
            else
            {
                w.WriteDouble(value);
            }
        }

        private static void ReadAlarms(ConfigBinaryReader r, AlarmConfig alarms)
        {
            alarms.StormMaxEventsPerMinute = r.ReadByte();
            alarms.Syslog = r.ReadText();
            int count = r.ReadByte();
            for (int i = 0; i < count; i++)
            {
                int flags = r.ReadByte();
                double warning = r.ReadDouble();
                double critical = r.ReadDouble();
                double hysteresis = r.ReadDouble();
                int assertDelay = r.ReadUInt16();
                int clearDelay = r.ReadUInt16();
                if (i < alarms.Rules.Length)
                {
                    AlarmRuleConfig rule = new AlarmRuleConfig((flags & RuleEnabledFlag) != 0, warning, critical, hysteresis,
                        assertDelay, clearDelay);
                    rule.Latching = (flags & RuleLatchingFlag) != 0;
                    alarms.Rules[i] = rule;
                }
            }
        }

        private static void WriteTexts(ConfigBinaryWriter w, string[] items)
        {
            w.WriteByte(items.Length);
            for (int i = 0; i < items.Length; i++)
            {
                w.WriteText(items[i]);
            }
        }

        private static string[] ReadTexts(ConfigBinaryReader r)
        {
            string[] items = new string[r.ReadByte()];
            for (int i = 0; i < items.Length; i++)
            {
                items[i] = r.ReadText();
            }

            return items;
        }
    }
}
