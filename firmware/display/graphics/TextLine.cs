namespace Ipenergy.Probe.Display
{
    /// <summary>A reusable byte buffer to build one line of Latin-1 text without allocating (skeleton).</summary>
    public sealed class TextLine
    {
        private readonly byte[] _bytes;
        private int _length;

        public TextLine(int capacity)
        {
            _bytes = new byte[capacity];
        }

        public byte[] Bytes
        {
            get { return _bytes; }
        }

        public int Length
        {
            get { return _length; }
        }

        public TextLine Clear()
        {
            _length = 0;
            return this;
        }

        public TextLine Append(byte[] latin1)
        {
            return this;
        }

        public TextLine Append(string ascii)
        {
            return this;
        }

        public TextLine AppendFixed(double value, int decimals)
        {
            return this;
        }

        public TextLine AppendInt(long value)
        {
            return this;
        }

        public TextLine AppendPadded(int value, int digits)
        {
            return this;
        }

        public TextLine AppendChar(byte c)
        {
            return this;
        }
    }
}
