using Ipenergy.Probe.Common;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Config
{
    /// <summary>
    /// Checks a whole configuration and reports the FIRST rule it breaks, in document order (the
    /// order of the JSON export), as "path: rule, got value", e.g.
    /// "channels[3].ctRatedA: must be 5..500 A, got 600". Paths are the JSON field names with
    /// 0-based array indexes. One message at a time keeps the device from building lists of
    /// strings; fixing and resubmitting shows the next one. Returns null when everything is valid.
    /// </summary>
    public static class ConfigValidator
    {
        public const int MaxLabelLength = 32;
        public const int MaxSnmpTextLength = 64;
        public const int MaxPasswordHashLength = 128;

        public static string Validate(MeterConfig config)
        {
            string error = Range("nominalVoltage", config.NominalVoltage, 100, 480, "V");
            if (error != null)
            {
                return error;
            }

            if (config.NominalFrequencyHz != 50.0 && config.NominalFrequencyHz != 60.0)
            {
                return "nominalFrequency: must be 50 or 60 Hz, got " + NumberText(config.NominalFrequencyHz);
            }

            for (int p = 0; p < PhaseNames.Count; p++)
            {
                error = Range("voltageGain[" + p.ToString() + "]", config.VoltageGainCorrection[p], 0.5, 1.5, "");
                if (error != null)
                {
                    return error;
                }
            }

            for (int k = 0; k < config.Channels.Length; k++)
            {
                error = ValidateChannel("channels[" + k.ToString() + "].", config.Channels[k]);
                if (error != null)
                {
                    return error;
                }
            }

            error = ValidateCircuits(config);
            if (error != null)
            {
                return error;
            }

            error = ValidateNetwork(config.Network);
            if (error != null)
            {
                return error;
            }

            error = ValidateSnmp(config.Snmp);
            if (error != null)
            {
                return error;
            }

            error = ValidateModbus(config.Modbus);
            if (error != null)
            {
                return error;
            }

            error = ValidateHistory(config.History);
            if (error != null)
            {
                return error;
            }

            error = ValidateUsers(config.Users);
            if (error != null)
            {
                return error;
            }

            error = Range("http.sessionTimeoutS", config.Http.SessionTimeoutS, HttpConfig.MinSessionTimeoutS,
                HttpConfig.MaxSessionTimeoutS, "s");
            if (error != null)
            {
                return error;
            }

            error = Text("adminPasswordHash", config.AdminPasswordHash, 0, MaxPasswordHashLength);
            if (error != null)
            {
                return error;
            }

            error = ValidateAlarms(config.Alarms);
            if (error != null)
            {
                return error;
            }

            error = ValidateBus(config.Bus);
            if (error != null)
            {
                return error;
            }

            return ValidatePanel(config.Panel);
        }

        private static string ValidatePanel(PanelConfig panel)
        {
            if (panel == null)
            {
                return "panel: must be an object";
            }

            if (panel.Language < 0 || panel.Language >= PanelConfig.LanguageCount)
            {
                return "panel.language: must be \"en\" or \"fr\"";
            }

            string error = IntRange("panel.contrast", panel.Contrast, 0, PanelConfig.MaxContrast, "");
            if (error != null)
            {
                return error;
            }

            error = IntRange("panel.backlightTimeoutS", panel.BacklightTimeoutS, 0, PanelConfig.MaxBacklightTimeoutS, " s");
            if (error != null)
            {
                return error;
            }

            return PanelPinHash.IsWellFormed(panel.PinHash) ? null : "panel.pinHash: must be the stored form (16 hex, ':', 64 hex)";
        }

        private static string ValidateBus(BusConfig bus)
        {
            if (bus == null)
            {
                return "bus: must be an object";
            }

            if (bus.Role < 0 || bus.Role >= BusRoles.Count)
            {
                return "bus.role: must be standalone, slave or gateway, got " + bus.Role.ToString();
            }

            string error = IntRange("bus.address", bus.Address, BusConfig.Unaddressed, BusConfig.MaxAddress, "");
            if (error != null)
            {
                return error;
            }

            if (!BusConfig.IsBaudRate(bus.Baud))
            {
                return "bus.baud: must be 9600, 19200, 38400, 57600 or 115200, got " + bus.Baud.ToString();
            }

            if (bus.Parity != SerialParity.Even && bus.Parity != SerialParity.None && bus.Parity != SerialParity.Odd)
            {
                return "bus.parity: must be \"E\", \"N\" or \"O\", got " + bus.Parity.ToString();
            }

            if (bus.StopBits != 1 && bus.StopBits != 2)
            {
                return "bus.stopBits: must be 1 or 2, got " + bus.StopBits.ToString();
            }

            error = IntRange("bus.turnaroundMs", bus.TurnaroundMs, 0, BusConfig.MaxTurnaroundMs, "ms");
            if (error == null)
            {
                error = IntRange("bus.responseTimeoutMs", bus.ResponseTimeoutMs, BusConfig.MinResponseTimeoutMs,
                    BusConfig.MaxResponseTimeoutMs, "ms");
            }

            if (error == null)
            {
                error = IntRange("bus.pollIntervalMs", bus.PollIntervalMs, BusConfig.MinPollIntervalMs,
                    BusConfig.MaxPollIntervalMs, "ms");
            }

            if (error == null)
            {
                error = IntRange("bus.gatewayScanFrom", bus.GatewayScanFrom, 1, BusConfig.MaxAddress, "");
            }

            if (error == null && (bus.GatewayScanTo < bus.GatewayScanFrom || bus.GatewayScanTo > BusConfig.MaxAddress))
            {
                error = "bus.gatewayScanTo: must be gatewayScanFrom (" + bus.GatewayScanFrom.ToString() + ").."
                    + BusConfig.MaxAddress.ToString() + ", got " + bus.GatewayScanTo.ToString();
            }

            return error;
        }

        private static string ValidateAlarms(AlarmConfig alarms)
        {
            if (alarms == null || alarms.Rules == null || alarms.Rules.Length != AlarmCodes.ConditionCount)
            {
                return "alarms: must hold one rule per condition";
            }

            string error = IntRange("alarms.stormMaxEventsPerMinute", alarms.StormMaxEventsPerMinute,
                AlarmConfig.MinStormEventsPerMinute, AlarmConfig.MaxStormEventsPerMinute, "");
            if (error != null)
            {
                return error;
            }

            string syslog = alarms.Syslog;
            if (syslog == null || (syslog.Length > 0 && !ConfigText.IsHost(syslog) && !ConfigText.IsHostPort(syslog)))
            {
                return "alarms.syslog: must be \"\" (off), host or host:port (port 1..65535), got " + Quoted(syslog);
            }

            for (int condition = 0; condition < AlarmCodes.ConditionCount; condition++)
            {
                error = ValidateAlarmRule("alarms.rules." + AlarmCodes.ConditionName(condition) + ".", condition,
                    alarms.Rules[condition]);
                if (error != null)
                {
                    return error;
                }
            }

            return null;
        }

        // Thresholds in the rule's unit, NaN = level off; critical beyond warning on the alarm side;
        // hysteresis smaller than the gaps it guards, so every level can clear.
        private static string ValidateAlarmRule(string path, int condition, AlarmRuleConfig rule)
        {
            if (rule == null)
            {
                return path.Substring(0, path.Length - 1) + ": must be an object";
            }

            string error = Threshold(path + "warning", rule.Warning);
            if (error == null)
            {
                error = Threshold(path + "critical", rule.Critical);
            }

            if (error == null && condition == AlarmCodes.ModuleOffline)
            {
                error = AtLeast(path + "warning", rule.Warning, AlarmConfig.ModuleOfflineMinPolls,
                    " (the gateway marks a module offline after 3 missed polls)");
                if (error == null)
                {
                    error = AtLeast(path + "critical", rule.Critical, AlarmConfig.ModuleOfflineMinPolls,
                        " (the gateway marks a module offline after 3 missed polls)");
                }
            }

            if (error != null)
            {
                return error;
            }

            bool descends = AlarmConfig.RuleDescends(condition);
            bool both = !double.IsNaN(rule.Warning) && !double.IsNaN(rule.Critical);
            if (both && (descends ? rule.Critical > rule.Warning : rule.Critical < rule.Warning))
            {
                return path + "critical: must be " + (descends ? "<=" : ">=") + " warning (" + NumberText(rule.Warning)
                    + "), got " + NumberText(rule.Critical);
            }

            double hysteresis = rule.Hysteresis;
            if (!(hysteresis >= 0) || double.IsInfinity(hysteresis))
            {
                return path + "hysteresis: must be a number >= 0, got " + NumberText(hysteresis);
            }

            double gap = both ? System.Math.Abs(rule.Critical - rule.Warning) : 0.0;
            if (gap > 0.0 && hysteresis >= gap)
            {
                return path + "hysteresis: must be smaller than the gap between warning and critical ("
                    + NumberText(gap) + "), got " + NumberText(hysteresis);
            }

            // A rising rule clears below threshold - hysteresis: that point must stay above zero.
            double lowest = double.IsNaN(rule.Warning) ? rule.Critical : rule.Warning;
            if (!descends && !double.IsNaN(lowest) && hysteresis >= lowest)
            {
                return path + "hysteresis: must be smaller than the lowest threshold (" + NumberText(lowest)
                    + "), got " + NumberText(hysteresis);
            }

            error = IntRange(path + "assertDelayS", rule.AssertDelayS, 0, AlarmConfig.MaxDelayS, "s");
            if (error == null)
            {
                error = IntRange(path + "clearDelayS", rule.ClearDelayS, 0, AlarmConfig.MaxDelayS, "s");
            }

            return error;
        }

        // A threshold that is on (not NaN) must reach min.
        private static string AtLeast(string path, double value, double min, string why)
        {
            if (!double.IsNaN(value) && value < min)
            {
                return path + ": must be >= " + NumberText(min) + " or null (off)" + why + ", got " + NumberText(value);
            }

            return null;
        }

        private static string Threshold(string path, double value)
        {
            if (double.IsNaN(value))
            {
                return null;
            }

            if (double.IsInfinity(value) || value < 0)
            {
                return path + ": must be a number >= 0 or null (off), got " + NumberText(value);
            }

            return null;
        }

        private static string ValidateUsers(UserConfig[] users)
        {
            if (users.Length < 1 || users.Length > UserConfig.MaxUsers)
            {
                return "users: must hold 1.." + UserConfig.MaxUsers.ToString() + " users, got " + users.Length.ToString();
            }

            bool admin = false;
            for (int u = 0; u < users.Length; u++)
            {
                UserConfig user = users[u];
                string path = "users[" + u.ToString() + "].";
                string error = UserName(path + "name", user.Name);
                if (error != null)
                {
                    return error;
                }

                for (int other = 0; other < u; other++)
                {
                    if (users[other].Name == user.Name)
                    {
                        return path + "name: must be unique, \"" + user.Name + "\" is already users[" + other.ToString() + "]";
                    }
                }

                if (UserConfig.RoleName(user.Role).Length == 0)
                {
                    return path + "role: must be viewer, operator or admin, got " + user.Role.ToString();
                }

                admin |= user.Role == UserConfig.RoleAdmin;
                if (!IsHex(user.Salt, UserConfig.SaltLength) || (user.Hash.Length != 0 && !IsHex(user.Hash, UserConfig.HashLength)))
                {
                    return path + "password: stored verifier is damaged";
                }

                error = Range(path + "iterations", user.Iterations, 1, 10000000, "");
                if (error != null)
                {
                    return error;
                }
            }

            return admin ? null : "users: at least one user must be admin";
        }

        /// <summary>Null when the text is a valid user name: 1..32 letters, digits, '.', '_' or '-'.</summary>
        public static string UserName(string path, string name)
        {
            if (name == null || name.Length < 1 || name.Length > UserConfig.MaxNameLength)
            {
                return path + ": must be 1.." + UserConfig.MaxNameLength.ToString() + " characters";
            }

            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
                if (!ok)
                {
                    return path + ": must be letters, digits, '.', '_' or '-', got \"" + name + "\"";
                }
            }

            return null;
        }

        private static bool IsHex(string text, int bytes)
        {
            return text != null && text.Length == bytes * 2 && HexText.Parse(text) != null;
        }

        private static string ValidateChannel(string path, ChannelConfig channel)
        {
            if (channel.Phase < 0 || channel.Phase >= PhaseNames.Count)
            {
                return path + "phase: must be L1, L2 or L3, got " + channel.Phase.ToString();
            }

            string error = Range(path + "ctRatedA", channel.CtRatedAmps, 5, 500, "A");
            if (error == null)
            {
                error = Range(path + "gain", channel.GainCorrection, 0.5, 1.5, "");
            }

            if (error == null)
            {
                error = Range(path + "phaseCorrectionDeg", channel.PhaseCorrectionDeg, -10, 10, "deg");
            }

            if (error == null)
            {
                error = Text(path + "label", channel.Label, 0, MaxLabelLength);
            }

            if (error == null)
            {
                error = Text(path + "rack", channel.Rack, 0, MaxLabelLength);
            }

            if (error == null)
            {
                error = Text(path + "customer", channel.Customer, 0, MaxLabelLength);
            }

            if (error == null)
            {
                error = Text(path + "feed", channel.Feed, 0, MaxLabelLength);
            }

            return error;
        }

        private static string ValidateCircuits(MeterConfig config)
        {
            CircuitConfig[] circuits = config.Circuits;
            int channelCount = config.Channels.Length;
            for (int c = 0; c < circuits.Length; c++)
            {
                string path = "circuits[" + c.ToString() + "].";
                CircuitConfig circuit = circuits[c];
                string error = Text(path + "name", circuit.Name, 1, MaxLabelLength);
                if (error != null)
                {
                    return error;
                }

                int[] channels = circuit.Channels;
                if (channels == null || (channels.Length != 1 && channels.Length != 3))
                {
                    return path + "channels: must list 1 or 3 channels, got " + (channels == null ? 0 : channels.Length).ToString();
                }

                int phasesSeen = 0;
                for (int i = 0; i < channels.Length; i++)
                {
                    int number = channels[i];
                    if (number < 1 || number > channelCount)
                    {
                        return path + "channels[" + i.ToString() + "]: must be 1.." + channelCount.ToString() + ", got " + number.ToString();
                    }

                    int owner = CircuitHolding(circuits, c, number);
                    if (owner >= 0 || IndexOf(channels, number) != i)
                    {
                        return path + "channels[" + i.ToString() + "]: channel " + number.ToString() + " is already in "
                            + (owner >= 0 ? "circuits[" + owner.ToString() + "]" : "this circuit");
                    }

                    phasesSeen |= 1 << config.Channels[number - 1].Phase;
                }

                if (channels.Length == 3 && phasesSeen != 7)
                {
                    return path + "channels: a 3-phase circuit needs one channel on each of L1, L2 and L3";
                }

                error = Range(path + "breakerRatedA", circuit.BreakerRatedAmps, 1, 630, "A");
                if (error != null)
                {
                    return error;
                }

                if (circuit.Role < 0 || circuit.Role >= CircuitRoles.Count)
                {
                    return path + "role: must be none, facility-total or it-load, got " + circuit.Role.ToString();
                }

                error = Text(path + "customer", circuit.Customer, 0, MaxLabelLength);
                if (error != null)
                {
                    return error;
                }
            }

            return null;
        }

        private static string ValidateNetwork(NetworkConfig network)
        {
            if (network.Hostname == null || network.Hostname.Length > MaxLabelLength || !ConfigText.IsHostLabel(network.Hostname))
            {
                return "network.hostname: must be 1..32 letters, digits or inner '-', got " + Quoted(network.Hostname);
            }

            if (network.Dhcp)
            {
                return null;
            }

            // A contiguous mask of /1…/30 leaves room for a network, a broadcast and two hosts.
            uint mask = network.Mask;
            uint hostBits = ~mask;
            if ((hostBits & (hostBits + 1)) != 0 || mask == 0 || hostBits < 3)
            {
                return "network.mask: must be a contiguous mask /1../30, got " + Ipv4Text.Format(mask);
            }

            uint address = network.Address;
            uint host = address & hostBits;
            if (!IsUnicast(address) || host == 0 || host == hostBits)
            {
                return "network.address: must be a host address (unicast, not the subnet's network or broadcast), got "
                    + Ipv4Text.Format(address);
            }

            uint gateway = network.Gateway;
            if (gateway != 0 && (!IsUnicast(gateway) || (gateway & mask) != (address & mask) || gateway == address
                || (gateway & hostBits) == 0 || (gateway & hostBits) == hostBits))
            {
                return "network.gateway: must be 0.0.0.0 (none) or another host of the subnet "
                    + Ipv4Text.Format(address & mask) + "/" + Ipv4Text.Format(mask) + ", got " + Ipv4Text.Format(gateway);
            }

            if (network.Dns != 0 && !IsUnicast(network.Dns))
            {
                return "network.dns: must be 0.0.0.0 (none) or a unicast address, got " + Ipv4Text.Format(network.Dns);
            }

            return null;
        }

        private static string ValidateSnmp(SnmpConfig snmp)
        {
            string error = Text("snmp.readCommunity", snmp.ReadCommunity, 1, MaxLabelLength);
            if (error == null)
            {
                error = Text("snmp.writeCommunity", snmp.WriteCommunity, 0, MaxLabelLength);
            }

            if (error == null && snmp.WriteCommunity.Length > 0 && snmp.WriteCommunity == snmp.ReadCommunity)
            {
                // Anyone allowed to read could then write.
                error = "snmp.writeCommunity: must differ from readCommunity";
            }

            if (error == null)
            {
                error = Text("snmp.sysName", snmp.SysName, 0, MaxSnmpTextLength);
            }

            if (error == null)
            {
                error = Text("snmp.sysLocation", snmp.SysLocation, 0, MaxSnmpTextLength);
            }

            if (error == null)
            {
                error = Text("snmp.sysContact", snmp.SysContact, 0, MaxSnmpTextLength);
            }

            if (error == null)
            {
                error = TrapTargets(snmp.TrapTargets);
            }

            return error;
        }

        private static string ValidateModbus(ModbusConfig modbus)
        {
            string error = IntRange("modbus.port", modbus.Port, 1, 65535, "");
            if (error == null)
            {
                error = IntRange("modbus.unitId", modbus.UnitId, 1, 247, "");
            }

            return error;
        }

        private static string ValidateHistory(HistoryConfig history)
        {
            string error = IntRange("history.energySaveIntervalS", history.EnergySaveIntervalS, 10, 3600, "s");
            if (error == null)
            {
                error = IntRange("history.billingDay", history.BillingDay, 1, 28, "");
            }

            if (error == null)
            {
                error = IntRange("history.billingHour", history.BillingHour, 0, 23, "");
            }

            if (error == null)
            {
                error = IntRange("history.utcOffsetMinutes", history.UtcOffsetMinutes, -720, 840, "min");
            }

            if (error == null)
            {
                error = HostPorts("history.ntpServers", history.NtpServers, HistoryConfig.MaxNtpServers);
            }

            return error;
        }

        // "host:port", optionally "/v1" (SNMPv1 Trap-PDU) or "/v2c" (the default, SNMPv2-Trap-PDU).
        private static string TrapTargets(string[] items)
        {
            const string Path = "snmp.trapTargets";
            if (items == null || items.Length > SnmpConfig.MaxTrapTargets)
            {
                return Path + ": at most " + SnmpConfig.MaxTrapTargets.ToString() + " entries, got " + (items == null ? 0 : items.Length).ToString();
            }

            for (int i = 0; i < items.Length; i++)
            {
                string item = items[i];
                if (item != null && (ConfigText.EndsWith(item, "/v1") || ConfigText.EndsWith(item, "/v2c")))
                {
                    item = item.Substring(0, item.LastIndexOf('/'));
                }

                if (item == null || !ConfigText.IsHostPort(item))
                {
                    return Path + "[" + i.ToString() + "]: must be host:port, host:port/v1 or host:port/v2c (port 1..65535), got " + Quoted(items[i]);
                }
            }

            return null;
        }

        private static string HostPorts(string path, string[] items, int max)
        {
            if (items == null || items.Length > max)
            {
                return path + ": at most " + max.ToString() + " entries, got " + (items == null ? 0 : items.Length).ToString();
            }

            for (int i = 0; i < items.Length; i++)
            {
                if (items[i] == null || !ConfigText.IsHostPort(items[i]))
                {
                    return path + "[" + i.ToString() + "]: must be host:port (port 1..65535), got " + Quoted(items[i]);
                }
            }

            return null;
        }

        // NaN fails every comparison, so it is refused like any value out of range.
        private static string Range(string path, double value, double min, double max, string unit)
        {
            if (value >= min && value <= max)
            {
                return null;
            }

            return path + ": must be " + NumberText(min) + ".." + NumberText(max) + (unit.Length > 0 ? " " + unit : "")
                + ", got " + NumberText(value);
        }

        private static string IntRange(string path, int value, int min, int max, string unit)
        {
            if (value >= min && value <= max)
            {
                return null;
            }

            return path + ": must be " + min.ToString() + ".." + max.ToString() + (unit.Length > 0 ? " " + unit : "")
                + ", got " + value.ToString();
        }

        private static string Text(string path, string value, int minLength, int maxLength)
        {
            if (value == null)
            {
                return path + ": must be text";
            }

            if (value.Length < minLength || value.Length > maxLength)
            {
                return path + ": must be " + minLength.ToString() + ".." + maxLength.ToString() + " characters, got "
                    + value.Length.ToString();
            }

            if (!ConfigText.IsPrintable(value))
            {
                return path + ": must be printable ASCII (no control or non-ASCII characters)";
            }

            return null;
        }

        private static bool IsUnicast(uint address)
        {
            uint first = address >> 24;
            return first != 0 && first != 127 && first < 224;
        }

        // The circuit before index `before` that already lists channel `number`, or −1.
        private static int CircuitHolding(CircuitConfig[] circuits, int before, int number)
        {
            for (int c = 0; c < before; c++)
            {
                if (circuits[c].Channels != null && IndexOf(circuits[c].Channels, number) >= 0)
                {
                    return c;
                }
            }

            return -1;
        }

        private static int IndexOf(int[] items, int value)
        {
            for (int i = 0; i < items.Length; i++)
            {
                if (items[i] == value)
                {
                    return i;
                }
            }

            return -1;
        }

        private static string Quoted(string text)
        {
            return text == null ? "null" : "\"" + text + "\"";
        }

        /// <summary>A number for a message: whole numbers without decimals ("600", not "600.0").</summary>
        public static string NumberText(double value)
        {
            if (value == System.Math.Floor(value) && value > -1e15 && value < 1e15)
            {
                return ((long)value).ToString();
            }

            return value.ToString();
        }
    }
}
