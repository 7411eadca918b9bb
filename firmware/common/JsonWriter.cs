using System;

namespace Ipenergy.Probe.Common
{
    /// <summary>
    /// Streaming JSON writer into a caller-owned byte buffer (UTF-8, compact). Nothing is allocated
    /// per call, so one writer and one buffer serve every request. Commas are placed automatically.
    /// When the buffer is too small (or nesting is misused) writing stops and <see cref="Failed"/>
    /// turns true; the caller then retries with a bigger buffer or reports an error.
    /// Numbers that are NaN or infinite (which JSON cannot carry) are written as null.
    /// </summary>
    public sealed class JsonWriter
    {
        public const int MaxDepth = 16;

        private static readonly byte[] NullText = AsciiBytes.From("null");
        private static readonly byte[] TrueText = AsciiBytes.From("true");
        private static readonly byte[] FalseText = AsciiBytes.From("false");
        private static readonly byte[] HexDigits = AsciiBytes.From("0123456789abcdef");

        // Per open container: has it got an element yet (so the next one needs a comma)? Is it an object?
        private readonly bool[] _hasElements = new bool[MaxDepth + 1];
        private readonly bool[] _isObject = new bool[MaxDepth + 1];
        private byte[] _buffer;
        private int _start;
        private int _position;
        private int _depth;
        private bool _afterName;
        private bool _failed;

        public JsonWriter(byte[] buffer)
        {
            Reset(buffer, 0);
        }

        /// <summary>The buffer being written.</summary>
        public byte[] Buffer { get { return _buffer; } }

        /// <summary>Where the JSON text starts in <see cref="Buffer"/>.</summary>
        public int Offset { get { return _start; } }

        /// <summary>Bytes written so far.</summary>
        public int Length { get { return _position - _start; } }

        /// <summary>True when the text is incomplete: the buffer was too small or the nesting was wrong.</summary>
        public bool Failed { get { return _failed; } }

        /// <summary>Nesting depth of the containers still open (0 when a document is complete).</summary>
        public int Depth { get { return _depth; } }

        /// <summary>Starts a new document in <paramref name="buffer"/> at <paramref name="offset"/>.</summary>
        public void Reset(byte[] buffer, int offset)
        {
            _buffer = buffer;
            _start = offset;
            _position = offset;
            _depth = 0;
            _hasElements[0] = false;
            _isObject[0] = false;
            _afterName = false;
            _failed = buffer == null || offset < 0 || offset > buffer.Length;
        }

        public void WriteStartObject()
        {
            Open((byte)'{', true);
        }

        public void WriteEndObject()
        {
            Close((byte)'}', true);
        }

        public void WriteStartArray()
        {
            Open((byte)'[', false);
        }

        public void WriteEndArray()
        {
            Close((byte)']', false);
        }

        /// <summary>Writes a property name; the next value written is its value.</summary>
        public void WriteName(string name)
        {
            if (!BeginValue(true))
            {
                return;
            }

            WriteQuoted(name == null ? "" : name);
            if (Reserve(1))
            {
                _buffer[_position++] = (byte)':';
            }

            // The value that follows belongs to this name: no comma before it.
            _afterName = true;
        }

        /// <summary>Writes a string with JSON escaping; null writes null.</summary>
        public void WriteString(string value)
        {
            if (value == null)
            {
                WriteNull();
                return;
            }

            if (BeginValue(false))
            {
                WriteQuoted(value);
            }
        }

        public void WriteInteger(long value)
        {
            if (BeginValue(false) && Reserve(DecimalText.MaxChars))
            {
                _position = DecimalText.WriteInteger(_buffer, _position, value);
            }
        }

        /// <summary>A double rounded to <paramref name="decimals"/> decimals (see DecimalText.WriteFixed); NaN/±∞ write null.</summary>
        public void WriteNumber(double value, int decimals)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                WriteNull();
                return;
            }

            if (BeginValue(false) && Reserve(DecimalText.MaxChars))
            {
                _position = DecimalText.WriteFixed(_buffer, _position, value, decimals);
            }
        }

        /// <summary>The exact decimal <paramref name="units"/> / 10^<paramref name="decimals"/> (e.g. milli-Wh as Wh with 3).</summary>
        public void WriteScaled(long units, int decimals)
        {
            if (BeginValue(false) && Reserve(DecimalText.MaxChars))
            {
                _position = DecimalText.WriteScaled(_buffer, _position, units, decimals);
            }
        }

        public void WriteBoolean(bool value)
        {
            if (BeginValue(false))
            {
                WriteRaw(value ? TrueText : FalseText);
            }
        }

        public void WriteNull()
        {
            if (BeginValue(false))
            {
                WriteRaw(NullText);
            }
        }

        /// <summary>A time as an ISO 8601 UTC string with milliseconds.</summary>
        public void WriteTimestamp(DateTime utc)
        {
            if (BeginValue(false) && Reserve(IsoTimestamp.Length + 2))
            {
                _buffer[_position++] = (byte)'"';
                _position = IsoTimestamp.Write(_buffer, _position, utc);
                _buffer[_position++] = (byte)'"';
            }
        }

        private void Open(byte bracket, bool isObject)
        {
            if (_depth >= MaxDepth)
            {
                _failed = true;
            }

            if (!BeginValue(false) || !Reserve(1))
            {
                return;
            }

            _buffer[_position++] = bracket;
            _depth++;
            _hasElements[_depth] = false;
            _isObject[_depth] = isObject;
        }

        private void Close(byte bracket, bool isObject)
        {
            if (_depth == 0 || _afterName || _isObject[_depth] != isObject)
            {
                _failed = true;
            }

            if (_failed || !Reserve(1))
            {
                return;
            }

            _buffer[_position++] = bracket;
            _depth--;
            _hasElements[_depth] = true;
        }

        // Puts the comma a value (or a name) needs; false when writing has failed. Inside an object
        // only names may start an element and every value must follow a name.
        private bool BeginValue(bool isName)
        {
            if (_failed)
            {
                return false;
            }

            if (_afterName)
            {
                if (isName)
                {
                    _failed = true;
                    return false;
                }

                _afterName = false;
                return true;
            }

            if (_isObject[_depth] != isName)
            {
                _failed = true;
                return false;
            }

            if (_hasElements[_depth])
            {
                // A second top-level value would not be one JSON document.
                if (_depth == 0 || !Reserve(1))
                {
                    _failed = true;
                    return false;
                }

                _buffer[_position++] = (byte)',';
            }

            _hasElements[_depth] = true;
            return true;
        }

        private bool Reserve(int count)
        {
            if (_failed)
            {
                return false;
            }

            if (_position + count > _buffer.Length)
            {
                _failed = true;
                return false;
            }

            return true;
        }

        private void WriteRaw(byte[] text)
        {
            if (Reserve(text.Length))
            {
                _position = AsciiBytes.Copy(text, _buffer, _position);
            }
        }

        // Quotes and escapes a string and encodes it as UTF-8. Lone surrogates become U+FFFD so the
        // output is always valid UTF-8.
        private void WriteQuoted(string text)
        {
            if (!Reserve(1))
            {
                return;
            }

            _buffer[_position++] = (byte)'"';
            int length = text.Length;
            for (int i = 0; i < length; i++)
            {
                // Worst case per character: a \u00XX escape or 4 UTF-8 bytes, plus the closing quote.
                if (!Reserve(7))
                {
                    return;
                }

                char c = text[i];
                if (c == '"' || c == '\\')
                {
                    _buffer[_position++] = (byte)'\\';
                    _buffer[_position++] = (byte)c;
                }
                else if (c < 0x20)
                {
                    WriteControlEscape(c);
                }
                else if (c < 0x80)
                {
                    _buffer[_position++] = (byte)c;
                }
                else if (c < 0x800)
                {
                    _buffer[_position++] = (byte)(0xC0 | (c >> 6));
                    _buffer[_position++] = (byte)(0x80 | (c & 0x3F));
                }
                else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < length && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF)
                {
                    int codePoint = 0x10000 + ((c - 0xD800) << 10) + (text[i + 1] - 0xDC00);
                    i++;
                    _buffer[_position++] = (byte)(0xF0 | (codePoint >> 18));
                    _buffer[_position++] = (byte)(0x80 | ((codePoint >> 12) & 0x3F));
                    _buffer[_position++] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
                    _buffer[_position++] = (byte)(0x80 | (codePoint & 0x3F));
                }
                else
                {
                    int codePoint = c >= 0xD800 && c <= 0xDFFF ? 0xFFFD : c;
                    _buffer[_position++] = (byte)(0xE0 | (codePoint >> 12));
                    _buffer[_position++] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
                    _buffer[_position++] = (byte)(0x80 | (codePoint & 0x3F));
                }
            }

            if (Reserve(1))
            {
                _buffer[_position++] = (byte)'"';
            }
        }

        private void WriteControlEscape(char c)
        {
            _buffer[_position++] = (byte)'\\';
            switch (c)
            {
                case '\n':
                    _buffer[_position++] = (byte)'n';
                    return;
                case '\r':
                    _buffer[_position++] = (byte)'r';
                    return;
                case '\t':
                    _buffer[_position++] = (byte)'t';
                    return;
                case '\b':
                    _buffer[_position++] = (byte)'b';
                    return;
                case '\f':
                    _buffer[_position++] = (byte)'f';
                    return;
            }

            _buffer[_position++] = (byte)'u';
            _buffer[_position++] = (byte)'0';
            _buffer[_position++] = (byte)'0';
            _buffer[_position++] = HexDigits[(c >> 4) & 0xF];
            _buffer[_position++] = HexDigits[c & 0xF];
        }
    }
}
