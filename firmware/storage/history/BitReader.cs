namespace Ipenergy.Probe.Storage.History
{
    /// <summary>
    /// Reads what <see cref="BitWriter"/> wrote, from a byte window. Reading past the window never throws:
    /// it sets <see cref="Overrun"/> and yields ones (erased flash), so garbage can be rejected, not trusted.
    /// </summary>
    public sealed class BitReader
    {
        private byte[] _data;
        private int _start;
        private int _limitBits;
        private int _bit;

        public bool Overrun { get; private set; }

        /// <summary>Bit position from the window start.</summary>
        public int Position { get { return _bit; } }

        public void Reset(byte[] data, int start, int count)
        {
            _data = data;
            _start = start;
            _limitBits = count * 8;
            _bit = 0;
            Overrun = false;
        }

        /// <summary>Moves to a bit position within the window.</summary>
        public void Seek(int bit)
        {
            _bit = bit;
            Overrun = bit > _limitBits;
        }

        public int ReadBit()
        {
            if (_bit >= _limitBits)
            {
                Overrun = true;
                return 1;
            }

            int value = (_data[_start + (_bit >> 3)] >> (7 - (_bit & 7))) & 1;
            _bit++;
            return value;
        }

        public ulong ReadBits(int count)
        {
            ulong value = 0;
            for (int i = 0; i < count; i++)
            {
                value = (value << 1) | (uint)ReadBit();
            }

            return value;
        }

        public ulong ReadRice(int k)
        {
            ulong quotient = 0;
            while (quotient < BitWriter.EscapeQuotient && ReadBit() == 1)
            {
                quotient++;
            }

            if (quotient == BitWriter.EscapeQuotient)
            {
                return ReadLengthPrefixed();
            }

            return (quotient << k) | ReadBits(k);
        }

        public ulong ReadLengthPrefixed()
        {
            int length = (int)ReadBits(7);
            if (length > 64)
            {
                Overrun = true;
                return 0;
            }

            return ReadBits(length);
        }

        /// <summary>Skips to the next byte boundary.</summary>
        public void AlignToByte()
        {
            while ((_bit & 7) != 0 && !Overrun)
            {
                ReadBit();
            }
        }
    }
}
