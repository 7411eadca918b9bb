using System;

namespace Ipenergy.Probe.Storage.History
{
    /// <summary>
    /// Writes bits most significant first into a reusable buffer, with the variable-length codes of the
    /// history format: Rice codes with an escape for outliers, and length-prefixed raw numbers.
    /// </summary>
    public sealed class BitWriter
    {
        /// <summary>A Rice quotient of this many ones is the escape: a 7-bit length and the raw bits follow.</summary>
        public const int EscapeQuotient = 16;

        private readonly byte[] _buffer;
        private int _bit;

        public BitWriter(int capacityBytes)
        {
            _buffer = new byte[capacityBytes];
        }

        public byte[] Buffer { get { return _buffer; } }

        /// <summary>Bytes used so far (a partly written last byte counts).</summary>
        public int ByteLength { get { return (_bit + 7) >> 3; } }

        public int BitLength { get { return _bit; } }

        /// <summary>Starts again at bit 0 with a zeroed buffer.</summary>
        public void Reset()
        {
            Array.Clear(_buffer, 0, ByteLength);
            _bit = 0;
        }

        public void WriteBit(int bit)
        {
            if ((_bit >> 3) >= _buffer.Length)
            {
                throw new InvalidOperationException("history record buffer full");
            }

            if (bit != 0)
            {
                _buffer[_bit >> 3] |= (byte)(0x80 >> (_bit & 7));
            }

            _bit++;
        }

        /// <summary>The count (0…64) low bits of value, most significant first.</summary>
        public void WriteBits(ulong value, int count)
        {
            for (int i = count - 1; i >= 0; i--)
            {
                WriteBit((int)((value >> i) & 1));
            }
        }

        /// <summary>Rice code with parameter k: quotient in unary, k remainder bits; huge values escape.</summary>
        public void WriteRice(ulong value, int k)
        {
            ulong quotient = value >> k;
            if (quotient < EscapeQuotient)
            {
                for (ulong i = 0; i < quotient; i++)
                {
                    WriteBit(1);
                }

                WriteBit(0);
                WriteBits(value, k);
                return;
            }

            for (int i = 0; i < EscapeQuotient; i++)
            {
                WriteBit(1);
            }

            WriteLengthPrefixed(value);
        }

        /// <summary>7-bit bit length n, then the n significant bits (0 takes 7 bits).</summary>
        public void WriteLengthPrefixed(ulong value)
        {
            int length = 0;
            while (length < 64 && (value >> length) != 0)
            {
                length++;
            }

            WriteBits((ulong)length, 7);
            WriteBits(value, length);
        }

        /// <summary>Zero bits up to the next byte boundary.</summary>
        public void PadToByte()
        {
            while ((_bit & 7) != 0)
            {
                WriteBit(0);
            }
        }
    }
}
