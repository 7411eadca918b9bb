namespace Ipenergy.Probe.Protocols.Snmp.Ber
{
    /// <summary>
    /// Writes BER forward into a reused buffer, with minimal definite lengths. Nothing is encoded twice and
    /// no temporary buffer is used: the static *Length methods count the octets of an element before it is
    /// written (so a varbind's SEQUENCE header is written first, with its exact length), and a message's
    /// headers are counted once its varbinds are in place and written just before them (see
    /// <see cref="SnmpMessageProcessor"/>).
    /// </summary>
    public sealed class BerWriter
    {
        private byte[] _buffer;
        private int _position;

        public byte[] Buffer { get { return _buffer; } }

        /// <summary>Where the next octet goes.</summary>
        public int Position
        {
            get { return _position; }
            set { _position = value; }
        }

        public void Reset(byte[] buffer, int position)
        {
            _buffer = buffer;
            _position = position;
        }

        /// <summary>Octets of a definite length field for this content length.</summary>
        public static int LengthOfLength(int length)
        {
            return length < 0x80 ? 1 : length < 0x100 ? 2 : length < 0x10000 ? 3 : length < 0x1000000 ? 4 : 5;
        }

        /// <summary>Octets of a whole element (one-octet tag) with this content length.</summary>
        public static int ElementLength(int contentLength)
        {
            return 1 + LengthOfLength(contentLength) + contentLength;
        }

        /// <summary>Content octets of a two's complement INTEGER (minimal).</summary>
        public static int SignedLength(long value)
        {
            int n = 1;
            while (n < 8)
            {
                long shifted = value >> ((8 * n) - 1);
                if (shifted == 0 || shifted == -1)
                {
                    break;
                }

                n++;
            }

            return n;
        }

        /// <summary>Content octets of an unsigned value encoded as a non-negative INTEGER (a leading zero when bit 8 is set).</summary>
        public static int UnsignedLength(ulong value)
        {
            int n = 1;
            while (n < 9 && (value >> ((8 * n) - 1)) != 0)
            {
                n++;
            }

            return n;
        }

        /// <summary>Content octets of an OBJECT IDENTIFIER (fewer than 2 arcs are written as arc.0 / 0.0).</summary>
        public static int OidLength(uint[] arcs, int length)
        {
            ulong first = FirstSubidentifier(arcs, length);
            int n = Base128Length(first);
            for (int i = 2; i < length; i++)
            {
                n += Base128Length(arcs[i]);
            }

            return n;
        }

        /// <summary>Content octets of a varbind value (exceptions and NULL have none).</summary>
        public static int ValueLength(SnmpValue value)
        {
            switch (value.Type)
            {
                case SnmpType.Integer:
                    return SignedLength(value.Integer);
                case SnmpType.OctetString:
                case SnmpType.Opaque:
                    return value.OctetLength;
                case SnmpType.ObjectIdentifier:
                    return OidLength(value.Oid.Arcs, value.Oid.Length);
                case SnmpType.IpAddress:
                    return 4;
                case SnmpType.Counter32:
                case SnmpType.Gauge32:
                case SnmpType.TimeTicks:
                    return UnsignedLength(value.Unsigned);
                case SnmpType.Counter64:
                    return UnsignedLength(value.Counter64);
                default:
                    return 0;
            }
        }

        /// <summary>Octets of a whole varbind SEQUENCE { name, value }.</summary>
        public static int VarbindLength(uint[] name, int nameLength, SnmpValue value)
        {
            return ElementLength(VarbindContentLength(name, nameLength, value));
        }

        public static int VarbindContentLength(uint[] name, int nameLength, SnmpValue value)
        {
            return ElementLength(OidLength(name, nameLength)) + ElementLength(ValueLength(value));
        }

        public void WriteByte(byte value)
        {
            _buffer[_position++] = value;
        }

        public void WriteHeader(byte tag, int length)
        {
            _buffer[_position++] = tag;
            int n = LengthOfLength(length);
            if (n == 1)
            {
                _buffer[_position++] = (byte)length;
                return;
            }

            _buffer[_position++] = (byte)(0x80 | (n - 1));
            for (int i = n - 2; i >= 0; i--)
            {
                _buffer[_position++] = (byte)(length >> (8 * i));
            }
        }

        /// <summary>A whole INTEGER element.</summary>
        public void WriteInteger(long value)
        {
            int n = SignedLength(value);
            WriteHeader(SnmpType.Integer, n);
            WriteBigEndian((ulong)value, n);
        }

        /// <summary>A whole element of an unsigned type (Counter32, Gauge32, TimeTicks, Counter64).</summary>
        public void WriteUnsigned(byte tag, ulong value)
        {
            int n = UnsignedLength(value);
            WriteHeader(tag, n);
            WriteBigEndian(value, n);
        }

        public void WriteOctets(byte tag, byte[] source, int offset, int length)
        {
            WriteHeader(tag, length);
            WriteRaw(source, offset, length);
        }

        /// <summary>Copies octets as they are (e.g. a request's varbinds into an error response).</summary>
        public void WriteRaw(byte[] source, int offset, int length)
        {
            for (int i = 0; i < length; i++)
            {
                _buffer[_position++] = source[offset + i];
            }
        }

        /// <summary>A whole OBJECT IDENTIFIER element.</summary>
        public void WriteOid(uint[] arcs, int length)
        {
            WriteHeader(SnmpType.ObjectIdentifier, OidLength(arcs, length));
            WriteBase128(FirstSubidentifier(arcs, length));
            for (int i = 2; i < length; i++)
            {
                WriteBase128(arcs[i]);
            }
        }

        /// <summary>A whole value element of the type the value holds.</summary>
        public void WriteValue(SnmpValue value)
        {
            byte type = value.Type;
            switch (type)
            {
                case SnmpType.Integer:
                    WriteInteger(value.Integer);
                    break;
                case SnmpType.OctetString:
                case SnmpType.Opaque:
                    WriteOctets(type, value.Octets, 0, value.OctetLength);
                    break;
                case SnmpType.ObjectIdentifier:
                    WriteOid(value.Oid.Arcs, value.Oid.Length);
                    break;
                case SnmpType.IpAddress:
                    WriteHeader(type, 4);
                    WriteBigEndian(value.Unsigned, 4);
                    break;
                case SnmpType.Counter32:
                case SnmpType.Gauge32:
                case SnmpType.TimeTicks:
                    WriteUnsigned(type, value.Unsigned);
                    break;
                case SnmpType.Counter64:
                    WriteUnsigned(type, value.Counter64);
                    break;
                default:
                    // NULL and the v2c exceptions: no content.
                    WriteHeader(type, 0);
                    break;
            }
        }

        /// <summary>A whole varbind SEQUENCE { name, value }.</summary>
        public void WriteVarbind(uint[] name, int nameLength, SnmpValue value)
        {
            WriteHeader(0x30, VarbindContentLength(name, nameLength, value));
            WriteOid(name, nameLength);
            WriteValue(value);
        }

        private void WriteBigEndian(ulong value, int octets)
        {
            for (int i = octets - 1; i >= 0; i--)
            {
                // A ninth octet is the sign octet of a Counter64 (a shift by 64 would wrap to 0).
                _buffer[_position++] = i >= 8 ? (byte)0 : (byte)(value >> (8 * i));
            }
        }

        private void WriteBase128(ulong value)
        {
            int n = Base128Length(value);
            for (int i = n - 1; i > 0; i--)
            {
                _buffer[_position++] = (byte)(0x80 | ((value >> (7 * i)) & 0x7F));
            }

            _buffer[_position++] = (byte)(value & 0x7F);
        }

        private static ulong FirstSubidentifier(uint[] arcs, int length)
        {
            if (length == 0)
            {
                return 0;
            }

            ulong x = arcs[0];
            return length == 1 ? x * 40UL : (x * 40UL) + arcs[1];
        }

        private static int Base128Length(ulong value)
        {
            int n = 1;
            while ((value >>= 7) != 0)
            {
                n++;
            }

            return n;
        }
    }
}
