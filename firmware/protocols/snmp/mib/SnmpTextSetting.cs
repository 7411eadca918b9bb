using Ipenergy.Probe.Config;

namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>
    /// The writable text settings of the system group (sysContact, sysName, sysLocation): the SET check
    /// with the configuration's own rules (so TestSet refuses what ILiveConfig.Apply would refuse, and
    /// changes nothing), and the partial JSON document that applies a value.
    /// </summary>
    public static class SnmpTextSetting
    {
        /// <summary>
        /// NoError when value can be stored as an SNMP text setting: an OCTET STRING (else wrongType) of at
        /// most ConfigValidator.MaxSnmpTextLength octets (else wrongLength) of printable ASCII (else
        /// wrongValue), the rules of firmware/config/README.md.
        /// </summary>
        public static int Test(SnmpValue value)
        {
            if (value.Type != SnmpType.OctetString)
            {
                return SnmpErrorStatus.WrongType;
            }

            if (value.Truncated || value.OctetLength > ConfigValidator.MaxSnmpTextLength)
            {
                return SnmpErrorStatus.WrongLength;
            }

            byte[] octets = value.Octets;
            for (int i = 0; i < value.OctetLength; i++)
            {
                if (octets[i] < 0x20 || octets[i] > 0x7E)
                {
                    return SnmpErrorStatus.WrongValue;
                }
            }

            return SnmpErrorStatus.NoError;
        }

        /// <summary>{"snmp":{"key":"text"}} as UTF-8 (text already passed <see cref="Test"/>: printable ASCII).</summary>
        public static byte[] Json(string key, SnmpValue value)
        {
            int extra = 0;
            byte[] octets = value.Octets;
            for (int i = 0; i < value.OctetLength; i++)
            {
                if (octets[i] == (byte)'"' || octets[i] == (byte)'\\')
                {
                    extra++;
                }
            }

            string head = "{\"snmp\":{\"" + key + "\":\"";
            const string Tail = "\"}}";
            byte[] json = new byte[head.Length + value.OctetLength + extra + Tail.Length];
            int n = 0;
            for (int i = 0; i < head.Length; i++)
            {
                json[n++] = (byte)head[i];
            }

            for (int i = 0; i < value.OctetLength; i++)
            {
                if (octets[i] == (byte)'"' || octets[i] == (byte)'\\')
                {
                    json[n++] = (byte)'\\';
                }

                json[n++] = octets[i];
            }

            for (int i = 0; i < Tail.Length; i++)
            {
                json[n++] = (byte)Tail[i];
            }

            return json;
        }
    }
}
