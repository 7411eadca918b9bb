namespace Ipenergy.Probe.Protocols.Snmp.Ber
{
    /// <summary>
    /// Reads BER (X.690) over a received datagram, in place: no copy, no allocation. Only what SNMP needs and
    /// strictly: one-octet tags, definite lengths (short or long form with at most 4 length octets, never
    /// past the end of the enclosing element), INTEGER of 1..8 octets, OBJECT IDENTIFIER of at most
    /// <see cref="ObjectId.MaxArcs"/> arcs each below 2^32. Every method returns false on malformed input
    /// and then the position is meaningless: the caller drops the message.
    /// </summary>
    public sealed class BerReader
    {
        /// <summary>Longest INTEGER content accepted (an Integer32 needs 4, a Counter64 9 with its sign octet).</summary>
        public const int MaxIntegerOctets = 8;

        private byte[] _buffer;
        private int _position;
        private int _limit;

        /// <summary>The next octet to read.</summary>
        public int Position
        {
            get { return _position; }
            set { _position = value; }
        }

        /// <summary>The end (exclusive) of what may be read.</summary>
        public int Limit
        {
            get { return _limit; }
            set { _limit = value; }
        }

        public byte[] Buffer { get { return _buffer; } }

        /// <summary>Reads buffer[offset .. offset+length).</summary>
        public void Reset(byte[] buffer, int offset, int length)
        {
            _buffer = buffer;
            _position = offset;
            _limit = offset + length;
        }

        /// <summary>Tag and definite length of the next element; its content starts at <see cref="Position"/>.</summary>
        public bool ReadHeader(out byte tag, out int length)
        {
            tag = 0;
            length = 0;
            if (_position >= _limit)
            {
                return false;
            }

            tag = _buffer[_position++];
            if ((tag & 0x1F) == 0x1F)
            {
                // High tag numbers: never used by SNMP.
                return false;
            }

            if (_position >= _limit)
            {
                return false;
            }

            int first = _buffer[_position++];
            if (first < 0x80)
            {
                length = first;
            }
            else
            {
                int octets = first & 0x7F;
                if (octets == 0 || octets > 4 || octets > _limit - _position)
                {
                    // 0x80 is the indefinite form, which SNMP forbids; more than 4 octets cannot fit a datagram.
                    return false;
                }

                long value = 0;
                for (int i = 0; i < octets; i++)
                {
                    value = (value << 8) | _buffer[_position++];
                }

                if (value > int.MaxValue)
                {
                    return false;
                }

                length = (int)value;
            }

            return length <= _limit - _position;
        }

        /// <summary>Header of an element that must have this tag.</summary>
        public bool Open(byte expectedTag, out int length)
        {
            byte tag;
            return ReadHeader(out tag, out length) && tag == expectedTag;
        }

        /// <summary>Skips content already announced by a header.</summary>
        public void Skip(int length)
        {
            _position += length;
        }

        /// <summary>A whole INTEGER element that must fit an Integer32 (request-id, error-status, ...).</summary>
        public bool ReadInt32(out int value)
        {
            value = 0;
            int length;
            long wide;
            if (!Open(SnmpType.Integer, out length) || !ReadSigned(length, out wide))
            {
                return false;
            }

            if (wide < int.MinValue || wide > int.MaxValue)
            {
                return false;
            }

            value = (int)wide;
            return true;
        }

        /// <summary>Two's complement content of 1..8 octets.</summary>
        public bool ReadSigned(int length, out long value)
        {
            value = 0;
            if (length < 1 || length > MaxIntegerOctets)
            {
                return false;
            }

            value = (sbyte)_buffer[_position++];
            for (int i = 1; i < length; i++)
            {
                value = (value << 8) | _buffer[_position++];
            }

            return true;
        }

        /// <summary>
        /// Content of an unsigned type (Counter32, Gauge32, TimeTicks, Counter64): 1..9 octets, a ninth only as
        /// a leading zero, never negative. The caller checks the range of its type.
        /// </summary>
        public bool ReadUnsigned(int length, out ulong value)
        {
            value = 0;
            if (length < 1 || length > MaxIntegerOctets + 1 || (_buffer[_position] & 0x80) != 0)
            {
                return false;
            }

            if (length == MaxIntegerOctets + 1 && _buffer[_position] != 0)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                value = (value << 8) | _buffer[_position++];
            }

            return true;
        }

        /// <summary>
        /// OBJECT IDENTIFIER content into oid: the first octets hold 40·X + Y (X = 0, 1 or 2), every
        /// sub-identifier in minimal base-128 form, each arc below 2^32, at most 128 arcs.
        /// </summary>
        public bool ReadOid(int length, OidBuffer oid)
        {
            if (length < 1)
            {
                return false;
            }

            uint[] arcs = oid.Arcs;
            int end = _position + length;
            int count = 0;
            bool first = true;
            while (_position < end)
            {
                if (_buffer[_position] == 0x80)
                {
                    // A leading 0x80 octet: not minimal, forbidden by X.690 8.19.2.
                    return false;
                }

                ulong value = 0;
                while (true)
                {
                    if (_position >= end)
                    {
                        // The last octet of a sub-identifier has bit 8 clear: truncated.
                        return false;
                    }

                    int octet = _buffer[_position++];
                    value = (value << 7) | (uint)(octet & 0x7F);
                    if (value > 0x1FFFFFFFFUL)
                    {
                        return false;
                    }

                    if ((octet & 0x80) == 0)
                    {
                        break;
                    }
                }

                if (first)
                {
                    first = false;
                    uint x = value < 40 ? 0u : value < 80 ? 1u : 2u;
                    ulong y = value - (40UL * x);
                    if (y > uint.MaxValue)
                    {
                        return false;
                    }

                    arcs[0] = x;
                    arcs[1] = (uint)y;
                    count = 2;
                    continue;
                }

                if (value > uint.MaxValue || count >= ObjectId.MaxArcs)
                {
                    return false;
                }

                arcs[count++] = (uint)value;
            }

            oid.Length = count;
            return true;
        }
    }
}
