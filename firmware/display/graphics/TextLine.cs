using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Display
{
    /// <summary>
    /// A reusable byte buffer to build one line of Latin-1 text without allocating: screens keep one per line and
    /// rebuild it each frame (line.Clear().Append(label).AppendFixed(volts, 1).Append(unit)). Text beyond the
    /// capacity is dropped. Draw it with frame.DrawText(font, x, y, line.Bytes, 0, line.Length).
    /// </summary>
    public sealed class TextLine
    {
        private static readonly byte[] NotANumber = { (byte)'-', (byte)'-', (byte)'-' };

        private readonly byte[] _bytes;

        // Numbers are written here first (DecimalText needs MaxChars free), then copied as far as they fit.
        private readonly byte[] _scratch = new byte[DecimalText.MaxChars];
        private int _length;

        public TextLine(int capacity)
        {
            _bytes = new byte[capacity];
        }

        /// <summary>The buffer (Capacity bytes); only the first Length are the line.</summary>
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

        /// <summary>Appends pre-encoded Latin-1 text (a label encoded once at start-up).</summary>
        public TextLine Append(byte[] latin1)
        {
            return Copy(latin1, latin1.Length);
        }

        /// <summary>Appends a string char by char (no allocation); chars above 255 become '?'.</summary>
        public TextLine Append(string ascii)
        {
            int n = ascii.Length;
            for (int i = 0; i < n; i++)
            {
                char c = ascii[i];
                AppendChar(c > (char)255 ? (byte)'?' : (byte)c);
            }

            return this;
        }

        /// <summary>A number rounded to decimals (0..9) decimals; NaN and infinities show as "---".</summary>
        public TextLine AppendFixed(double value, int decimals)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                return Copy(NotANumber, NotANumber.Length);
            }

            return Copy(_scratch, DecimalText.WriteFixed(_scratch, 0, value, decimals));
        }

        public TextLine AppendInt(long value)
        {
            return Copy(_scratch, DecimalText.WriteInteger(_scratch, 0, value));
        }

        /// <summary>value as exactly digits digits, zero padded ("09" for a time); a negative value gets a '-' first.</summary>
        public TextLine AppendPadded(int value, int digits)
        {
            if (digits > DecimalText.MaxChars - 1)
            {
                digits = DecimalText.MaxChars - 1;
            }

            if (value < 0)
            {
                AppendChar((byte)'-');
                value = value == int.MinValue ? int.MaxValue : -value;
            }

            return Copy(_scratch, DecimalText.WritePadded(_scratch, 0, value, digits));
        }

        public TextLine AppendChar(byte c)
        {
            if (_length < _bytes.Length)
            {
                _bytes[_length++] = c;
            }

            return this;
        }

        private TextLine Copy(byte[] source, int count)
        {
            int room = _bytes.Length - _length;
            if (count > room)
            {
                count = room;
            }

            for (int i = 0; i < count; i++)
            {
                _bytes[_length + i] = source[i];
            }

            _length += count;
            return this;
        }
    }
}
