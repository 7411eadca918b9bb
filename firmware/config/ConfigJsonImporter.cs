using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Config
{
    /// <summary>
    /// Reads the JSON document of PUT /api/v1/config onto a copy of the current configuration:
    /// fields present replace the current values, fields absent keep them (so an exported document,
    /// edited, imports back). "channels" element i is channel i+1 (a "channel" number in it must
    /// agree); "circuits", "voltageGain", "trapTargets" and "ntpServers" replace the whole list.
    /// A secret given as "***" keeps its current value. Unknown fields, wrong types and broken JSON
    /// are refused with the field path; then the result is validated as a whole (ConfigValidator).
    /// One importer can be reused; it is not thread-safe.
    /// </summary>
    public sealed class ConfigJsonImporter
    {
        private readonly JsonReader _r = new JsonReader(new byte[0], 0, 0);
        private MeterConfig _config;
        private MeterConfig _current;

        /// <summary>
        /// Null and <paramref name="result"/> set to the new, valid configuration; or the first
        /// problem ("path: what is wrong") and <paramref name="result"/> null. Current is not changed.
        /// </summary>
        public string Import(byte[] json, int offset, int length, MeterConfig current, out MeterConfig result)
        {
            result = null;
            _r.Reset(json, offset, length);
            _current = current;
            _config = current.Clone();
            string error = ReadRoot();
            if (error == null && _r.Read() != JsonTokenType.EndOfDocument)
            {
                error = JsonError();
            }

            if (error == null)
            {
                error = ConfigValidator.Validate(_config);
            }

            if (error == null)
            {
                result = _config;
            }

            _config = null;
            _current = null;
            return error;
        }

        private string ReadRoot()
        {
            if (_r.Read() != JsonTokenType.StartObject)
            {
                return Expected("", "a JSON object");
            }

            MeterConfig c = _config;
            while (true)
            {
                string field;
                string error = NextField("", out field);
                if (error != null || field == null)
                {
                    return error;
                }

                double number;
                if (_r.ValueEquals("nominalVoltage"))
                {
                    error = ReadNumber(field, out number);
                    c.NominalVoltage = number;
                }
                else if (_r.ValueEquals("nominalFrequency"))
                {
                    error = ReadNumber(field, out number);
                    c.NominalFrequencyHz = number;
                }
                else if (_r.ValueEquals("voltageGain"))
                {
                    error = ReadVoltageGain(field);
                }
                else if (_r.ValueEquals("channels"))
                {
                    error = ReadChannels(field);
                }
                else if (_r.ValueEquals("circuits"))
                {
                    error = ReadCircuits(field);
                }
                else if (_r.ValueEquals("network"))
                {
                    error = ReadNetwork(field);
                }
                else if (_r.ValueEquals("snmp"))
                {
                    error = ReadSnmp(field);
                }
                else if (_r.ValueEquals("modbus"))
                {
                    error = ReadModbus(field);
                }
                else if (_r.ValueEquals("history"))
                {
                    error = ReadHistory(field);
                }
                else if (_r.ValueEquals("users"))
                {
                    error = ReadUsers(field);
                }
                else if (_r.ValueEquals("http"))
                {
                    error = ReadHttp(field);
                }
                else if (_r.ValueEquals("alarms"))
                {
                    error = ReadAlarms(field);
                }
                else if (_r.ValueEquals("bus"))
                {
                    error = ReadBus(field);
                }
                else if (_r.ValueEquals("panel"))
                {
                    error = ReadPanel(field);
                }
                else if (_r.ValueEquals("adminPasswordHash"))
                {
                    string text;
                    error = ReadSecret(field, _current.AdminPasswordHash, out text);
                    c.AdminPasswordHash = text;
                }
                else
                {
                    error = Unknown(field);
                }

                if (error != null)
                {
                    return error;
                }
            }
        }

        private string ReadVoltageGain(string path)
        {
            if (_r.Read() != JsonTokenType.StartArray)
            {
                return Expected(path, "an array of 3 numbers (L1, L2, L3)");
            }

            double[] gains = new double[PhaseNames.Count];
            int count = 0;
            while (_r.Read() != JsonTokenType.EndArray)
            {
                if (_r.TokenType == JsonTokenType.Error)
                {
                    return JsonError();
                }

                if (_r.TokenType != JsonTokenType.Number || count == PhaseNames.Count)
                {
                    return Expected(path, "an array of 3 numbers (L1, L2, L3)");
                }

                gains[count++] = _r.Number;
            }

            if (count != PhaseNames.Count)
            {
                return Expected(path, "an array of 3 numbers (L1, L2, L3)");
            }

            for (int p = 0; p < count; p++)
            {
                _config.VoltageGainCorrection[p] = gains[p];
            }

            return null;
        }

        private string ReadChannels(string path)
        {
            if (_r.Read() != JsonTokenType.StartArray)
            {
                return Expected(path, "an array of channel objects");
            }

            int index = 0;
            while (true)
            {
                int token = _r.Read();
                if (token == JsonTokenType.EndArray)
                {
                    return null;
                }

                if (token == JsonTokenType.Error)
                {
                    return JsonError();
                }

                if (index == _config.Channels.Length)
                {
                    return path + ": this e-Probe has " + _config.Channels.Length.ToString() + " channels, got more";
                }

                string error = token == JsonTokenType.StartObject
                    ? ReadChannel(path + "[" + index.ToString() + "]", _config.Channels[index])
                    : Expected(path + "[" + index.ToString() + "]", "an object");
                if (error != null)
                {
                    return error;
                }

                index++;
            }
        }

        private string ReadChannel(string path, ChannelConfig ch)
        {
            while (true)
            {
                string field;
                string error = NextField(path + ".", out field);
                if (error != null || field == null)
                {
                    return error;
                }

                double number;
                string text;
                if (_r.ValueEquals("channel"))
                {
                    int channel;
                    error = ReadInteger(field, out channel);
                    if (error == null && channel != ch.Number)
                    {
                        error = field + ": must be " + ch.Number.ToString() + " (its place in the list), got " + channel.ToString();
                    }
                }
                else if (_r.ValueEquals("phase"))
                {
                    error = ReadText(field, out text);
                    int phase = error == null ? PhaseNames.Parse(text) : 0;
                    if (phase < 0)
                    {
                        error = field + ": must be L1, L2 or L3, got \"" + text + "\"";
                    }

                    ch.Phase = phase;
                }
                else if (_r.ValueEquals("ctRatedA"))
                {
                    error = ReadNumber(field, out number);
                    ch.CtRatedAmps = number;
                }
                else if (_r.ValueEquals("gain"))
                {
                    error = ReadNumber(field, out number);
                    ch.GainCorrection = number;
                }
                else if (_r.ValueEquals("phaseCorrectionDeg"))
                {
                    error = ReadNumber(field, out number);
                    ch.PhaseCorrectionDeg = number;
                }
                else if (_r.ValueEquals("label"))
                {
                    error = ReadText(field, out text);
                    ch.Label = text;
                }
                else if (_r.ValueEquals("rack"))
                {
                    error = ReadText(field, out text);
                    ch.Rack = text;
                }
                else if (_r.ValueEquals("customer"))
                {
                    error = ReadText(field, out text);
                    ch.Customer = text;
                }
                else if (_r.ValueEquals("feed"))
                {
                    error = ReadText(field, out text);
                    ch.Feed = text;
                }
                else
                {
                    error = Unknown(field);
                }

                if (error != null)
                {
                    return error;
                }
            }
        }

        private string ReadCircuits(string path)
        {
            if (_r.Read() != JsonTokenType.StartArray)
            {
                return Expected(path, "an array of circuit objects");
            }

            // A channel belongs to one circuit at most, so there are never more circuits than channels.
            CircuitConfig[] circuits = new CircuitConfig[_config.Channels.Length];
            int count = 0;
            while (true)
            {
                int token = _r.Read();
                if (token == JsonTokenType.EndArray)
                {
                    break;
                }

                if (token == JsonTokenType.Error)
                {
                    return JsonError();
                }

                string itemPath = path + "[" + count.ToString() + "]";
                if (count == circuits.Length)
                {
                    return path + ": at most " + circuits.Length.ToString() + " circuits (one per channel)";
                }

                if (token != JsonTokenType.StartObject)
                {
                    return Expected(itemPath, "an object");
                }

                CircuitConfig circuit;
                string error = ReadCircuit(itemPath, out circuit);
                if (error != null)
                {
                    return error;
                }

                circuits[count++] = circuit;
            }

            CircuitConfig[] list = new CircuitConfig[count];
            for (int i = 0; i < count; i++)
            {
                list[i] = circuits[i];
            }

            _config.Circuits = list;
            return null;
        }

        private string ReadCircuit(string path, out CircuitConfig circuit)
        {
            circuit = null;
            string name = "";
            int[] channels = new int[0];
            double breaker = 0.0;
            int role = CircuitRoles.None;
            string customer = "";
            while (true)
            {
                string field;
                string error = NextField(path + ".", out field);
                if (error != null)
                {
                    return error;
                }

                if (field == null)
                {
                    break;
                }

                string text;
                if (_r.ValueEquals("name"))
                {
                    error = ReadText(field, out name);
                }
                else if (_r.ValueEquals("channels"))
                {
                    error = ReadChannelList(field, out channels);
                }
                else if (_r.ValueEquals("breakerRatedA"))
                {
                    error = ReadNumber(field, out breaker);
                }
                else if (_r.ValueEquals("role"))
                {
                    error = ReadText(field, out text);
                    role = error == null ? CircuitRoles.Parse(text) : 0;
                    if (role < 0)
                    {
                        error = field + ": must be none, facility-total or it-load, got \"" + text + "\"";
                    }
                }
                else if (_r.ValueEquals("customer"))
                {
                    error = ReadText(field, out customer);
                }
                else
                {
                    error = Unknown(field);
                }

                if (error != null)
                {
                    return error;
                }
            }

            circuit = new CircuitConfig(name, channels, breaker);
            circuit.Role = role;
            circuit.Customer = customer;
            return null;
        }

        private string ReadChannelList(string path, out int[] channels)
        {
            channels = null;
            if (_r.Read() != JsonTokenType.StartArray)
            {
                return Expected(path, "an array of 1 or 3 channel numbers");
            }

            int[] found = new int[3];
            int count = 0;
            while (_r.Read() != JsonTokenType.EndArray)
            {
                if (_r.TokenType == JsonTokenType.Error)
                {
                    return JsonError();
                }

                int number;
                if (_r.TokenType != JsonTokenType.Number || !ToInteger(_r.Number, out number))
                {
                    return Expected(path + "[" + count.ToString() + "]", "a channel number");
                }

                if (count == found.Length)
                {
                    return path + ": must list 1 or 3 channels, got more than 3";
                }

                found[count++] = number;
            }

            channels = new int[count];
            for (int i = 0; i < count; i++)
            {
                channels[i] = found[i];
            }

            return null;
        }

        private string ReadNetwork(string path)
        {
            if (_r.Read() != JsonTokenType.StartObject)
            {
                return Expected(path, "an object");
            }

            NetworkConfig n = _config.Network;
            while (true)
            {
                string field;
                string error = NextField(path + ".", out field);
                if (error != null || field == null)
                {
                    return error;
                }

                bool flag;
                uint address;
                string text;
                if (_r.ValueEquals("dhcp"))
                {
                    error = ReadBoolean(field, out flag);
                    n.Dhcp = flag;
                }
                else if (_r.ValueEquals("address"))
                {
                    error = ReadAddress(field, out address);
                    n.Address = address;
                }
                else if (_r.ValueEquals("mask"))
                {
                    error = ReadAddress(field, out address);
                    n.Mask = address;
                }
                else if (_r.ValueEquals("gateway"))
                {
                    error = ReadAddress(field, out address);
                    n.Gateway = address;
                }
                else if (_r.ValueEquals("dns"))
                {
                    error = ReadAddress(field, out address);
                    n.Dns = address;
                }
                else if (_r.ValueEquals("hostname"))
                {
                    error = ReadText(field, out text);
                    n.Hostname = text;
                }
                else
                {
                    error = Unknown(field);
                }

                if (error != null)
                {
                    return error;
                }
            }
        }

        private string ReadSnmp(string path)
        {
            if (_r.Read() != JsonTokenType.StartObject)
            {
                return Expected(path, "an object");
            }

            SnmpConfig s = _config.Snmp;
            while (true)
            {
                string field;
                string error = NextField(path + ".", out field);
                if (error != null || field == null)
                {
                    return error;
                }

                bool flag;
                string text;
                string[] list;
                if (_r.ValueEquals("enabled"))
                {
                    error = ReadBoolean(field, out flag);
                    s.Enabled = flag;
                }
                else if (_r.ValueEquals("readCommunity"))
                {
                    error = ReadSecret(field, _current.Snmp.ReadCommunity, out text);
                    s.ReadCommunity = text;
                }
                else if (_r.ValueEquals("writeCommunity"))
                {
                    error = ReadSecret(field, _current.Snmp.WriteCommunity, out text);
                    s.WriteCommunity = text;
                }
                else if (_r.ValueEquals("sysName"))
                {
                    error = ReadText(field, out text);
                    s.SysName = text;
                }
                else if (_r.ValueEquals("sysLocation"))
                {
                    error = ReadText(field, out text);
                    s.SysLocation = text;
                }
                else if (_r.ValueEquals("sysContact"))
                {
                    error = ReadText(field, out text);
                    s.SysContact = text;
                }
                else if (_r.ValueEquals("trapTargets"))
                {
                    error = ReadTexts(field, SnmpConfig.MaxTrapTargets, out list);
                    s.TrapTargets = list;
                }
                else
                {
                    error = Unknown(field);
                }

                if (error != null)
                {
                    return error;
                }
            }
        }

        private string ReadModbus(string path)
        {
            if (_r.Read() != JsonTokenType.StartObject)
            {
                return Expected(path, "an object");
            }

            ModbusConfig m = _config.Modbus;
            while (true)
            {
                string field;
                string error = NextField(path + ".", out field);
                if (error != null || field == null)
                {
                    return error;
                }

                bool flag;
                int number;
                if (_r.ValueEquals("enabled"))
                {
                    error = ReadBoolean(field, out flag);
                    m.Enabled = flag;
                }
                else if (_r.ValueEquals("port"))
                {
                    error = ReadInteger(field, out number);
                    m.Port = number;
                }
                else if (_r.ValueEquals("unitId"))
                {
                    error = ReadInteger(field, out number);
                    m.UnitId = number;
                }
                else if (_r.ValueEquals("writesUnlocked"))
                {
                    error = ReadBoolean(field, out flag);
                    m.WritesUnlocked = flag;
                }
                else
                {
                    error = Unknown(field);
                }

                if (error != null)
                {
                    return error;
                }
            }
        }

        private string ReadHistory(string path)
        {
            if (_r.Read() != JsonTokenType.StartObject)
            {
                return Expected(path, "an object");
            }

            HistoryConfig h = _config.History;
            while (true)
            {
                string field;
                string error = NextField(path + ".", out field);
                if (error != null || field == null)
                {
                    return error;
                }

                int number;
                string[] list;
                if (_r.ValueEquals("energySaveIntervalS"))
                {
                    error = ReadInteger(field, out number);
                    h.EnergySaveIntervalS = number;
                }
                else if (_r.ValueEquals("billingDay"))
                {
                    error = ReadInteger(field, out number);
                    h.BillingDay = number;
                }
                else if (_r.ValueEquals("billingHour"))
                {
                    error = ReadInteger(field, out number);
                    h.BillingHour = number;
                }
                else if (_r.ValueEquals("utcOffsetMinutes"))
                {
                    error = ReadInteger(field, out number);
                    h.UtcOffsetMinutes = number;
                }
                else if (_r.ValueEquals("ntpServers"))
                {
                    error = ReadTexts(field, HistoryConfig.MaxNtpServers, out list);
                    h.NtpServers = list;
                }
                else
                {
                    error = Unknown(field);
                }

                if (error != null)
                {
                    return error;
                }
            }
        }

        // "users": names and roles only. The list replaces the current one: a listed user keeps its
        // password and takes the role given, an unlisted one is removed; a new name is refused (its
        // password can only be set through PUT /api/v1/users/<name>).
        private string ReadUsers(string path)
        {
            if (_r.Read() != JsonTokenType.StartArray)
            {
                return Expected(path, "an array of {\"name\",\"role\"} objects");
            }

            UserConfig[] found = new UserConfig[UserConfig.MaxUsers];
            int count = 0;
            while (true)
            {
                int token = _r.Read();
                if (token == JsonTokenType.EndArray)
                {
                    break;
                }

                string itemPath = path + "[" + count.ToString() + "]";
                if (token != JsonTokenType.StartObject)
                {
                    return Expected(itemPath, "an object");
                }

                if (count == found.Length)
                {
                    return path + ": at most " + UserConfig.MaxUsers.ToString() + " users";
                }

                string name = null;
                string roleName = null;
                while (true)
                {
                    string field;
                    string error = NextField(itemPath + ".", out field);
                    if (error != null)
                    {
                        return error;
                    }

                    if (field == null)
                    {
                        break;
                    }

                    if (_r.ValueEquals("name"))
                    {
                        error = ReadText(field, out name);
                    }
                    else if (_r.ValueEquals("role"))
                    {
                        error = ReadText(field, out roleName);
                    }
                    else
                    {
                        error = Unknown(field);
                    }

                    if (error != null)
                    {
                        return error;
                    }
                }

                if (name == null)
                {
                    return itemPath + ".name: is required";
                }

                UserConfig existing = _current.FindUser(name);
                if (existing == null)
                {
                    return itemPath + ".name: no user \"" + name + "\" (add users with PUT /api/v1/users/<name>)";
                }

                UserConfig user = existing.Clone();
                if (roleName != null)
                {
                    user.Role = UserConfig.ParseRole(roleName);
                    if (user.Role < 0)
                    {
                        return itemPath + ".role: must be viewer, operator or admin, got \"" + roleName + "\"";
                    }
                }

                found[count++] = user;
            }

            UserConfig[] users = new UserConfig[count];
            for (int i = 0; i < count; i++)
            {
                users[i] = found[i];
            }

            _config.Users = users;
            return null;
        }

        private string ReadHttp(string path)
        {
            if (_r.Read() != JsonTokenType.StartObject)
            {
                return Expected(path, "an object");
            }

            HttpConfig h = _config.Http;
            while (true)
            {
                string field;
                string error = NextField(path + ".", out field);
                if (error != null || field == null)
                {
                    return error;
                }

                bool flag;
                int number;
                if (_r.ValueEquals("anonymousRead"))
                {
                    error = ReadBoolean(field, out flag);
                    h.AnonymousRead = flag;
                }
                else if (_r.ValueEquals("sessionTimeoutS"))
                {
                    error = ReadInteger(field, out number);
                    h.SessionTimeoutS = number;
                }
                else
                {
                    error = Unknown(field);
                }

                if (error != null)
                {
                    return error;
                }
            }
        }

        // "alarms": fields present replace, absent keep, down to each rule's fields ("rules" names
        // only the conditions it changes).
        private string ReadAlarms(string path)
        {
            if (_r.Read() != JsonTokenType.StartObject)
            {
                return Expected(path, "an object");
            }

            AlarmConfig a = _config.Alarms;
            while (true)
            {
                string field;
                string error = NextField(path + ".", out field);
                if (error != null || field == null)
                {
                    return error;
                }

                if (_r.ValueEquals("stormMaxEventsPerMinute"))
                {
                    int number;
                    error = ReadInteger(field, out number);
                    a.StormMaxEventsPerMinute = number;
                }
                else if (_r.ValueEquals("syslog"))
                {
                    string text;
                    error = ReadText(field, out text);
                    a.Syslog = text;
                }
                else if (_r.ValueEquals("rules"))
                {
                    error = ReadAlarmRules(field, a);
                }
                else
                {
                    error = Unknown(field);
                }

                if (error != null)
                {
                    return error;
                }
            }
        }

        private string ReadAlarmRules(string path, AlarmConfig alarms)
        {
            if (_r.Read() != JsonTokenType.StartObject)
            {
                return Expected(path, "an object of rules by condition name");
            }

            while (true)
            {
                string field;
                string error = NextField(path + ".", out field);
                if (error != null || field == null)
                {
                    return error;
                }

                int condition = AlarmCodes.ParseCondition(_r.GetString());
                if (condition < 0)
                {
                    return Unknown(field);
                }

                error = _r.Read() == JsonTokenType.StartObject
                    ? ReadAlarmRule(field, alarms.Rules[condition])
                    : Expected(field, "an object");
                if (error != null)
                {
                    return error;
                }
            }
        }

        private string ReadAlarmRule(string path, AlarmRuleConfig rule)
        {
            while (true)
            {
                string field;
                string error = NextField(path + ".", out field);
                if (error != null || field == null)
                {
                    return error;
                }

                bool flag;
                int number;
                double value;
                if (_r.ValueEquals("enabled"))
                {
                    error = ReadBoolean(field, out flag);
                    rule.Enabled = flag;
                }
                else if (_r.ValueEquals("warning"))
                {
                    error = ReadNumberOrNull(field, out value);
                    rule.Warning = value;
                }
                else if (_r.ValueEquals("critical"))
                {
                    error = ReadNumberOrNull(field, out value);
                    rule.Critical = value;
                }
                else if (_r.ValueEquals("hysteresis"))
                {
                    error = ReadNumber(field, out value);
                    rule.Hysteresis = value;
                }
                else if (_r.ValueEquals("assertDelayS"))
                {
                    error = ReadInteger(field, out number);
                    rule.AssertDelayS = number;
                }
                else if (_r.ValueEquals("clearDelayS"))
                {
                    error = ReadInteger(field, out number);
                    rule.ClearDelayS = number;
                }
                else if (_r.ValueEquals("latching"))
                {
                    error = ReadBoolean(field, out flag);
                    rule.Latching = flag;
                }
                else
                {
                    error = Unknown(field);
                }

                if (error != null)
                {
                    return error;
                }
            }
        }

        // "panel": fields present replace, absent keep; "pin" (4 digits, write-only) becomes a new salted hash,
        // "pinHash" takes a stored form (or the export's mask: kept). Ranges are the validator's.
        private string ReadPanel(string path)
        {
            if (_r.Read() != JsonTokenType.StartObject)
            {
                return Expected(path, "an object");
            }

            PanelConfig p = _config.Panel;
            while (true)
            {
                string field;
                string error = NextField(path + ".", out field);
                if (error != null || field == null)
                {
                    return error;
                }

                int number;
                string text;
                if (_r.ValueEquals("language"))
                {
                    error = ReadText(field, out text);
                    int language = error == null ? PanelConfig.ParseLanguage(text) : 0;
                    if (language < 0)
                    {
                        error = field + ": must be \"en\" or \"fr\", got \"" + text + "\"";
                    }

                    p.Language = language;
                }
                else if (_r.ValueEquals("contrast"))
                {
                    error = ReadInteger(field, out number);
                    p.Contrast = number;
                }
                else if (_r.ValueEquals("backlightTimeoutS"))
                {
                    error = ReadInteger(field, out number);
                    p.BacklightTimeoutS = number;
                }
                else if (_r.ValueEquals("pin"))
                {
                    error = ReadText(field, out text);
                    if (error == null && !PanelPinHash.IsPin(text))
                    {
                        error = field + ": must be " + PanelConfig.PinLength.ToString() + " digits";
                    }

                    if (error == null)
                    {
                        p.PinHash = PanelPinHash.Derive(text, _current.Panel.PinHash);
                    }
                }
                else if (_r.ValueEquals("pinHash"))
                {
                    error = ReadSecret(field, _current.Panel.PinHash, out text);
                    p.PinHash = text;
                }
                else
                {
                    error = Unknown(field);
                }

                if (error != null)
                {
                    return error;
                }
            }
        }

        // "bus": fields present replace, absent keep; ranges are the validator's.
        private string ReadBus(string path)
        {
            if (_r.Read() != JsonTokenType.StartObject)
            {
                return Expected(path, "an object");
            }

            BusConfig b = _config.Bus;
            while (true)
            {
                string field;
                string error = NextField(path + ".", out field);
                if (error != null || field == null)
                {
                    return error;
                }

                int number;
                string text;
                if (_r.ValueEquals("role"))
                {
                    error = ReadText(field, out text);
                    int role = error == null ? BusRoles.Parse(text) : 0;
                    if (role < 0)
                    {
                        error = field + ": must be standalone, slave or gateway, got \"" + text + "\"";
                    }

                    b.Role = role;
                }
                else if (_r.ValueEquals("address"))
                {
                    error = ReadInteger(field, out number);
                    b.Address = number;
                }
                else if (_r.ValueEquals("baud"))
                {
                    error = ReadInteger(field, out number);
                    b.Baud = number;
                }
                else if (_r.ValueEquals("parity"))
                {
                    error = ReadText(field, out text);
                    int parity = error == null ? BusConfig.ParseParity(text) : 0;
                    if (parity < 0)
                    {
                        error = field + ": must be \"E\", \"N\" or \"O\", got \"" + text + "\"";
                    }

                    b.Parity = parity;
                }
                else if (_r.ValueEquals("stopBits"))
                {
                    error = ReadInteger(field, out number);
                    b.StopBits = number;
                }
                else if (_r.ValueEquals("turnaroundMs"))
                {
                    error = ReadInteger(field, out number);
                    b.TurnaroundMs = number;
                }
                else if (_r.ValueEquals("responseTimeoutMs"))
                {
                    error = ReadInteger(field, out number);
                    b.ResponseTimeoutMs = number;
                }
                else if (_r.ValueEquals("pollIntervalMs"))
                {
                    error = ReadInteger(field, out number);
                    b.PollIntervalMs = number;
                }
                else if (_r.ValueEquals("gatewayScanFrom"))
                {
                    error = ReadInteger(field, out number);
                    b.GatewayScanFrom = number;
                }
                else if (_r.ValueEquals("gatewayScanTo"))
                {
                    error = ReadInteger(field, out number);
                    b.GatewayScanTo = number;
                }
                else
                {
                    error = Unknown(field);
                }

                if (error != null)
                {
                    return error;
                }
            }
        }

        // A threshold: a number, or null for "this level is off" (NaN).
        private string ReadNumberOrNull(string path, out double value)
        {
            value = double.NaN;
            int token = _r.Read();
            if (token == JsonTokenType.Null)
            {
                return null;
            }

            if (token != JsonTokenType.Number)
            {
                return token == JsonTokenType.Error ? JsonError() : Expected(path, "a number or null (off)");
            }

            value = _r.Number;
            return null;
        }

        // Inside an object: the next field's path in `field`, or null at the closing '}'.
        private string NextField(string prefix, out string field)
        {
            field = null;
            int token = _r.Read();
            if (token == JsonTokenType.EndObject)
            {
                return null;
            }

            if (token != JsonTokenType.PropertyName)
            {
                return JsonError();
            }

            field = prefix + _r.GetString();
            return null;
        }

        private string ReadNumber(string path, out double value)
        {
            value = 0.0;
            int token = _r.Read();
            if (token != JsonTokenType.Number)
            {
                return token == JsonTokenType.Error ? JsonError() : Expected(path, "a number");
            }

            value = _r.Number;
            return null;
        }

        private string ReadInteger(string path, out int value)
        {
            value = 0;
            int token = _r.Read();
            if (token != JsonTokenType.Number)
            {
                return token == JsonTokenType.Error ? JsonError() : Expected(path, "a whole number");
            }

            if (!ToInteger(_r.Number, out value))
            {
                return path + ": must be a whole number, got " + ConfigValidator.NumberText(_r.Number);
            }

            return null;
        }

        private string ReadBoolean(string path, out bool value)
        {
            value = false;
            int token = _r.Read();
            if (token == JsonTokenType.True || token == JsonTokenType.False)
            {
                value = token == JsonTokenType.True;
                return null;
            }

            return token == JsonTokenType.Error ? JsonError() : Expected(path, "true or false");
        }

        private string ReadText(string path, out string value)
        {
            value = "";
            int token = _r.Read();
            if (token != JsonTokenType.String)
            {
                return token == JsonTokenType.Error ? JsonError() : Expected(path, "a string");
            }

            value = _r.GetString();
            return null;
        }

        private string ReadSecret(string path, string current, out string value)
        {
            string error = ReadText(path, out value);
            if (error == null && value == ConfigJsonExporter.SecretMask)
            {
                value = current;
            }

            return error;
        }

        private string ReadAddress(string path, out uint address)
        {
            address = 0;
            string text;
            string error = ReadText(path, out text);
            if (error == null && !Ipv4Text.TryParse(text, out address))
            {
                error = path + ": must be a dotted IPv4 address like 192.168.1.10, got \"" + text + "\"";
            }

            return error;
        }

        private string ReadTexts(string path, int max, out string[] items)
        {
            items = null;
            if (_r.Read() != JsonTokenType.StartArray)
            {
                return _r.TokenType == JsonTokenType.Error ? JsonError() : Expected(path, "an array of strings");
            }

            string[] found = new string[max];
            int count = 0;
            while (_r.Read() != JsonTokenType.EndArray)
            {
                if (_r.TokenType == JsonTokenType.Error)
                {
                    return JsonError();
                }

                if (_r.TokenType != JsonTokenType.String)
                {
                    return Expected(path + "[" + count.ToString() + "]", "a string");
                }

                if (count == max)
                {
                    return path + ": at most " + max.ToString() + " entries";
                }

                found[count++] = _r.GetString();
            }

            items = new string[count];
            for (int i = 0; i < count; i++)
            {
                items[i] = found[i];
            }

            return null;
        }

        private static bool ToInteger(double number, out int value)
        {
            value = 0;
            if (number != System.Math.Floor(number) || number < int.MinValue || number > int.MaxValue)
            {
                return false;
            }

            value = (int)number;
            return true;
        }

        private string Expected(string path, string what)
        {
            if (_r.TokenType == JsonTokenType.Error)
            {
                return JsonError();
            }

            return (path.Length == 0 ? "document" : path) + ": must be " + what;
        }

        private static string Unknown(string path)
        {
            return path + ": unknown field";
        }

        private string JsonError()
        {
            return "invalid JSON: " + (_r.Error != null ? _r.Error : "unexpected token");
        }
    }
}
