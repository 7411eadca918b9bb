using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;

namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>
    /// A SET of an IPENERGY-EPROBE-MIB setting as the partial JSON of PUT /api/v1/config, so it is checked,
    /// saved and applied by the same code as the HTTP API. <see cref="Test"/> runs the JSON importer and
    /// validator on a copy (nothing changes); <see cref="Commit"/> hands the same JSON to ILiveConfig.Apply.
    /// Each document is built from ILiveConfig.Current at that moment, so several varbinds of one SET
    /// committed one after the other build on each other. Only SETs use this (they may allocate).
    /// </summary>
    public sealed class EprobeConfigChange
    {
        // 18 circuits with every text at its longest fit in about 4 KB of JSON.
        private const int BufferSize = 6144;

        private readonly ILiveConfig _live;
        private readonly ConfigJsonImporter _importer = new ConfigJsonImporter();
        private JsonWriter _writer;

        public EprobeConfigChange(ILiveConfig live)
        {
            _live = live;
        }

        /// <summary>The configuration in force (SET builds on this, not on the request's snapshot).</summary>
        public MeterConfig Current { get { return _live.Current; } }

        /// <summary>{"nominalVoltage":V}.</summary>
        public void BuildNominalVoltage(double volts)
        {
            JsonWriter w = Start();
            w.WriteName("nominalVoltage");
            w.WriteNumber(volts, 1);
            w.WriteEndObject();
        }

        /// <summary>{"channels":[{},…,{"key":"text"}]}: only channel number (1-based) changes.</summary>
        public void BuildChannelText(int channel, string key, string text)
        {
            JsonWriter w = Start();
            w.WriteName("channels");
            w.WriteStartArray();
            for (int i = 1; i < channel; i++)
            {
                w.WriteStartObject();
                w.WriteEndObject();
            }

            w.WriteStartObject();
            w.WriteName(key);
            w.WriteString(text);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        /// <summary>
        /// {"circuits":[…]}: the whole list as configured now (the API replaces the list whole), with
        /// circuit position row given a new customer (null keeps it) and breaker rating (≤ 0 keeps it).
        /// False when that circuit is no longer configured.
        /// </summary>
        public bool BuildCircuit(int row, string customer, double breakerRatedAmps)
        {
            CircuitConfig[] circuits = _live.Current.Circuits;
            if (row < 0 || row >= circuits.Length)
            {
                return false;
            }

            JsonWriter w = Start();
            w.WriteName("circuits");
            w.WriteStartArray();
            for (int i = 0; i < circuits.Length; i++)
            {
                CircuitConfig c = circuits[i];
                w.WriteStartObject();
                w.WriteName("name");
                w.WriteString(c.Name);
                w.WriteName("channels");
                w.WriteStartArray();
                for (int k = 0; k < c.Channels.Length; k++)
                {
                    w.WriteInteger(c.Channels[k]);
                }

                w.WriteEndArray();
                w.WriteName("breakerRatedA");
                w.WriteNumber(i == row && breakerRatedAmps > 0.0 ? breakerRatedAmps : c.BreakerRatedAmps, 9);
                w.WriteName("role");
                w.WriteString(CircuitRoles.Name(c.Role));
                w.WriteName("customer");
                w.WriteString(i == row && customer != null ? customer : c.Customer);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            return true;
        }

        /// <summary>NoError when the document built last would be accepted, else wrongValue. Changes nothing.</summary>
        public int Test()
        {
            if (_writer.Failed)
            {
                return SnmpErrorStatus.WrongValue;
            }

            MeterConfig result;
            string error = _importer.Import(_writer.Buffer, _writer.Offset, _writer.Length, _live.Current, out result);
            return error == null ? SnmpErrorStatus.NoError : SnmpErrorStatus.WrongValue;
        }

        /// <summary>Validates, saves and applies the document built last: NoError, or commitFailed.</summary>
        public int Commit()
        {
            if (_writer.Failed)
            {
                return SnmpErrorStatus.CommitFailed;
            }

            string error = _live.Apply(_writer.Buffer, _writer.Offset, _writer.Length);
            return error == null ? SnmpErrorStatus.NoError : SnmpErrorStatus.CommitFailed;
        }

        /// <summary>A text SET value: an OCTET STRING (else wrongType) of at most 32 octets (else wrongLength).
        /// The printable-ASCII rule is the validator's (wrongValue from <see cref="Test"/>).</summary>
        public static int CheckText(SnmpValue value)
        {
            if (value.Type != SnmpType.OctetString)
            {
                return SnmpErrorStatus.WrongType;
            }

            if (value.Truncated || value.OctetLength > EprobeMibLayout.MaxLabelLength)
            {
                return SnmpErrorStatus.WrongLength;
            }

            return SnmpErrorStatus.NoError;
        }

        /// <summary>The SET value's octets as text; a byte outside printable ASCII becomes a control
        /// character the validator refuses (never silently dropped).</summary>
        public static string Text(SnmpValue value)
        {
            char[] chars = new char[value.OctetLength];
            for (int i = 0; i < chars.Length; i++)
            {
                byte b = value.Octets[i];
                chars[i] = b < 0x80 ? (char)b : '\u0001';
            }

            return new string(chars);
        }

        private JsonWriter Start()
        {
            if (_writer == null)
            {
                _writer = new JsonWriter(new byte[BufferSize]);
            }

            _writer.Reset(_writer.Buffer, 0);
            _writer.WriteStartObject();
            return _writer;
        }
    }
}
