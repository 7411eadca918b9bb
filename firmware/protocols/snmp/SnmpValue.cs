namespace Ipenergy.Probe.Protocols.Snmp
{
    /// <summary>
    /// One varbind value held in reused fields (no boxing, no allocation per request): the MIB writes a
    /// value here on GET, the message layer fills it from the request on SET. <see cref="Type"/> is the BER
    /// tag (<see cref="SnmpType"/>); Integer32 lives in <see cref="Integer"/>, the unsigned 32-bit types
    /// (Counter32, Gauge32, TimeTicks, IpAddress) in <see cref="Unsigned"/>, Counter64 in
    /// <see cref="Counter64"/>, OCTET STRING in <see cref="Octets"/>, OBJECT IDENTIFIER in <see cref="Oid"/>.
    /// </summary>
    public sealed class SnmpValue
    {
        /// <summary>Longest OCTET STRING kept (SnmpAdminString and DisplayString are at most 255).</summary>
        public const int MaxOctets = 255;

        private readonly byte[] _octets = new byte[MaxOctets];

        public SnmpValue()
        {
            Oid = new OidBuffer();
            Type = SnmpType.Null;
        }

        public byte Type { get; private set; }

        public int Integer { get; private set; }

        public uint Unsigned { get; private set; }

        public ulong Counter64 { get; private set; }

        public byte[] Octets { get { return _octets; } }

        public int OctetLength { get; private set; }

        public OidBuffer Oid { get; private set; }

        /// <summary>True after a string was cut to fit <see cref="MaxOctets"/> (SET: the value is too long).</summary>
        public bool Truncated { get; private set; }

        public void SetNull()
        {
            Type = SnmpType.Null;
        }

        /// <summary>One of <see cref="SnmpType.NoSuchObject"/>, NoSuchInstance, EndOfMibView.</summary>
        public void SetException(byte exceptionType)
        {
            Type = exceptionType;
        }

        public void SetInteger32(int value)
        {
            Type = SnmpType.Integer;
            Integer = value;
        }

        public void SetCounter32(uint value)
        {
            Type = SnmpType.Counter32;
            Unsigned = value;
        }

        public void SetGauge32(uint value)
        {
            Type = SnmpType.Gauge32;
            Unsigned = value;
        }

        /// <summary>Hundredths of a second.</summary>
        public void SetTimeTicks(uint value)
        {
            Type = SnmpType.TimeTicks;
            Unsigned = value;
        }

        /// <summary>a.b.c.d as a·2^24 + b·2^16 + c·2^8 + d (the config's form).</summary>
        public void SetIpAddress(uint value)
        {
            Type = SnmpType.IpAddress;
            Unsigned = value;
        }

        public void SetCounter64(ulong value)
        {
            Type = SnmpType.Counter64;
            Counter64 = value;
        }

        public void SetOid(uint[] arcs, int length)
        {
            Type = SnmpType.ObjectIdentifier;
            Oid.Set(arcs, length);
        }

        /// <summary>Copies raw bytes (at most <see cref="MaxOctets"/>; the rest is cut and <see cref="Truncated"/> set).</summary>
        public void SetOctets(byte[] source, int offset, int length)
        {
            Type = SnmpType.OctetString;
            Truncated = length > MaxOctets;
            int n = Truncated ? MaxOctets : length;
            for (int i = 0; i < n; i++)
            {
                _octets[i] = source[offset + i];
            }

            OctetLength = n;
        }

        /// <summary>
        /// A string as UTF-8 (SnmpAdminString; plain ASCII stays ASCII for DisplayString), encoded here
        /// without allocating; cut on a character boundary to <see cref="MaxOctets"/>. Null gives "".
        /// </summary>
        public void SetText(string text)
        {
            Type = SnmpType.OctetString;
            Truncated = false;
            int n = 0;
            int length = text == null ? 0 : text.Length;
            for (int i = 0; i < length; i++)
            {
                int c = text[i];
                if (c >= 0xD800 && c <= 0xDBFF && i + 1 < length && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF)
                {
                    c = 0x10000 + ((c - 0xD800) << 10) + (text[i + 1] - 0xDC00);
                    i++;
                }
                else if (c >= 0xD800 && c <= 0xDFFF)
                {
                    c = 0xFFFD;
                }

                int size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
                if (n + size > MaxOctets)
                {
                    Truncated = true;
                    break;
                }

                if (size == 1)
                {
                    _octets[n++] = (byte)c;
                }
                else if (size == 2)
                {
                    _octets[n++] = (byte)(0xC0 | (c >> 6));
                    _octets[n++] = (byte)(0x80 | (c & 0x3F));
                }
                else if (size == 3)
                {
                    _octets[n++] = (byte)(0xE0 | (c >> 12));
                    _octets[n++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    _octets[n++] = (byte)(0x80 | (c & 0x3F));
                }
                else
                {
                    _octets[n++] = (byte)(0xF0 | (c >> 18));
                    _octets[n++] = (byte)(0x80 | ((c >> 12) & 0x3F));
                    _octets[n++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    _octets[n++] = (byte)(0x80 | (c & 0x3F));
                }
            }

            OctetLength = n;
        }

        /// <summary>The octets as a string (SET of a text object: allocates, which a SET may).</summary>
        public string OctetsAsText()
        {
            return new string(System.Text.Encoding.UTF8.GetChars(_octets, 0, OctetLength));
        }

        /// <summary>Copies another value (the message layer keeps SET values while it checks them all).</summary>
        public void CopyFrom(SnmpValue other)
        {
            Type = other.Type;
            Integer = other.Integer;
            Unsigned = other.Unsigned;
            Counter64 = other.Counter64;
            Truncated = other.Truncated;
            OctetLength = other.OctetLength;
            for (int i = 0; i < other.OctetLength; i++)
            {
                _octets[i] = other._octets[i];
            }

            Oid.Set(other.Oid.Arcs, other.Oid.Length);
        }
    }
}
