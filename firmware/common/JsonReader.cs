using System;

namespace Ipenergy.Probe.Common
{
    /// <summary>
    /// Pull reader for one JSON document (RFC 8259, UTF-8) in a caller-owned byte buffer: each Read
    /// returns the next token (JsonTokenType) after checking the grammar, so a caller walks the
    /// document without building a tree. Strings are decoded into a reused char buffer; compare
    /// names with <see cref="ValueEquals"/> (no allocation) and call <see cref="GetString"/> only
    /// for values you keep. Numbers of up to 15 significant digits with a small exponent are
    /// converted exactly without allocating; others go through double.Parse.
    /// Any error is sticky: Read keeps returning JsonTokenType.Error and <see cref="Error"/> says
    /// what was wrong and at which byte (from the start of the document).
    /// </summary>
    public sealed class JsonReader
    {
        public const int MaxDepth = 16;

        private const int ExpectValue = 0;
        private const int ExpectValueOrClose = 1;
        private const int ExpectName = 2;
        private const int ExpectNameOrClose = 3;
        private const int ExpectCommaOrClose = 4;
        private const int ExpectEnd = 5;
        private const int Finished = 6;
        private const int Failed = 7;

        // Exact powers of ten as doubles (10^22 is the largest one a double holds exactly).
        private static readonly double[] ExactPowers =
        {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
        };

        private readonly bool[] _isObject = new bool[MaxDepth + 1];
        private char[] _chars = new char[64];
        private int _charCount;
        private byte[] _buffer;
        private int _start;
        private int _end;
        private int _position;
        private int _depth;
        private int _state;
        private int _token;
        private double _number;
        private string _error;

        public JsonReader(byte[] buffer, int offset, int length)
        {
            Reset(buffer, offset, length);
        }

        /// <summary>Starts reading a new document of <paramref name="length"/> bytes at <paramref name="offset"/>.</summary>
        public void Reset(byte[] buffer, int offset, int length)
        {
            _buffer = buffer;
            _start = offset;
            _end = offset + length;
            _position = offset;
            _depth = 0;
            _state = ExpectValue;
            _token = JsonTokenType.None;
            _charCount = 0;
            _number = 0.0;
            _error = null;
            if (buffer == null || offset < 0 || length < 0 || offset + length > buffer.Length)
            {
                Fail("buffer range is invalid");
            }
        }

        /// <summary>The last token Read returned.</summary>
        public int TokenType { get { return _token; } }

        /// <summary>Containers open around the current position (1 inside the top-level object).</summary>
        public int Depth { get { return _depth; } }

        /// <summary>Why the document is not valid JSON, with the byte position; null when it is so far.</summary>
        public string Error { get { return _error; } }

        /// <summary>Value of the last Number token.</summary>
        public double Number { get { return _number; } }

        /// <summary>The decoded text of the last PropertyName or String token (allocates).</summary>
        public string GetString()
        {
            return new string(_chars, 0, _charCount);
        }

        /// <summary>True when the last PropertyName or String token is exactly <paramref name="text"/> (no allocation).</summary>
        public bool ValueEquals(string text)
        {
            if (text.Length != _charCount)
            {
                return false;
            }

            for (int i = 0; i < _charCount; i++)
            {
                if (_chars[i] != text[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Reads the next token.</summary>
        public int Read()
        {
            _token = ReadToken();
            return _token;
        }

        /// <summary>
        /// Skips the value that starts with the last token (a whole object or array when that token
        /// opens one); false on a JSON error.
        /// </summary>
        public bool SkipValue()
        {
            if (_token == JsonTokenType.StartObject || _token == JsonTokenType.StartArray)
            {
                int depth = _depth;
                while (_depth >= depth)
                {
                    if (Read() == JsonTokenType.Error)
                    {
                        return false;
                    }
                }
            }

            return _token != JsonTokenType.Error;
        }

        private int ReadToken()
        {
            while (true)
            {
                if (_state == Failed)
                {
                    return JsonTokenType.Error;
                }

                if (_state == Finished)
                {
                    return JsonTokenType.EndOfDocument;
                }

                SkipWhitespace();
                if (_position >= _end)
                {
                    if (_state == ExpectEnd)
                    {
                        _state = Finished;
                        return JsonTokenType.EndOfDocument;
                    }

                    return Fail("unexpected end of the document");
                }

                byte c = _buffer[_position];
                switch (_state)
                {
                    case ExpectEnd:
                        return Fail("unexpected data after the document");

                    case ExpectCommaOrClose:
                        if (c == (byte)',')
                        {
                            _position++;
                            _state = _isObject[_depth] ? ExpectName : ExpectValue;
                            continue;
                        }

                        return Close(c);

                    case ExpectNameOrClose:
                    case ExpectName:
                        if (_state == ExpectNameOrClose && c == (byte)'}')
                        {
                            return Close(c);
                        }

                        return ReadName(c);

                    default:
                        if (_state == ExpectValueOrClose && c == (byte)']')
                        {
                            return Close(c);
                        }

                        return ReadValue(c);
                }
            }
        }

        private int ReadName(byte c)
        {
            if (c != (byte)'"')
            {
                return Fail("expected a property name in double quotes");
            }

            _position++;
            if (!ReadStringBody())
            {
                return JsonTokenType.Error;
            }

            SkipWhitespace();
            if (_position >= _end || _buffer[_position] != (byte)':')
            {
                return Fail("expected ':' after the property name");
            }

            _position++;
            _state = ExpectValue;
            return JsonTokenType.PropertyName;
        }

        private int ReadValue(byte c)
        {
            if (c == (byte)'{' || c == (byte)'[')
            {
                if (_depth >= MaxDepth)
                {
                    return Fail("nesting deeper than 16");
                }

                _position++;
                _depth++;
                bool isObject = c == (byte)'{';
                _isObject[_depth] = isObject;
                _state = isObject ? ExpectNameOrClose : ExpectValueOrClose;
                return isObject ? JsonTokenType.StartObject : JsonTokenType.StartArray;
            }

            int token;
            if (c == (byte)'"')
            {
                _position++;
                token = ReadStringBody() ? JsonTokenType.String : JsonTokenType.Error;
            }
            else if (c == (byte)'-' || (c >= (byte)'0' && c <= (byte)'9'))
            {
                token = ReadNumber();
            }
            else if (c == (byte)'t')
            {
                token = ReadLiteral("true", JsonTokenType.True);
            }
            else if (c == (byte)'f')
            {
                token = ReadLiteral("false", JsonTokenType.False);
            }
            else if (c == (byte)'n')
            {
                token = ReadLiteral("null", JsonTokenType.Null);
            }
            else
            {
                return Fail("expected a value");
            }

            if (token != JsonTokenType.Error)
            {
                AfterValue();
            }

            return token;
        }

        private int Close(byte c)
        {
            bool isObject = c == (byte)'}';
            if ((c != (byte)'}' && c != (byte)']') || _depth == 0 || _isObject[_depth] != isObject)
            {
                return Fail(_isObject[_depth] ? "expected ',' or '}'" : "expected ',' or ']'");
            }

            _position++;
            _depth--;
            AfterValue();
            return isObject ? JsonTokenType.EndObject : JsonTokenType.EndArray;
        }

        private void AfterValue()
        {
            _state = _depth == 0 ? ExpectEnd : ExpectCommaOrClose;
        }

        private int ReadLiteral(string text, int token)
        {
            int length = text.Length;
            if (_position + length > _end)
            {
                return Fail("expected a value");
            }

            for (int i = 0; i < length; i++)
            {
                if (_buffer[_position + i] != (byte)text[i])
                {
                    return Fail("expected a value");
                }
            }

            _position += length;
            if (_position < _end && IsWordByte(_buffer[_position]))
            {
                return Fail("expected a value");
            }

            return token;
        }

        // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
        private int ReadNumber()
        {
            int begin = _position;
            bool negative = false;
            if (_buffer[_position] == (byte)'-')
            {
                negative = true;
                _position++;
            }

            long mantissa = 0;
            int significant = 0;
            int exponent = 0;
            int digits = CountDigits();
            if (digits == 0)
            {
                return Fail("a number needs digits");
            }

            if (digits > 1 && _buffer[_position] == (byte)'0')
            {
                return Fail("a number must not start with 0");
            }

            Accumulate(_position, digits, ref mantissa, ref significant, ref exponent, false);
            _position += digits;
            if (_position < _end && _buffer[_position] == (byte)'.')
            {
                _position++;
                digits = CountDigits();
                if (digits == 0)
                {
                    return Fail("a number needs digits after '.'");
                }

                Accumulate(_position, digits, ref mantissa, ref significant, ref exponent, true);
                _position += digits;
            }

            int explicitExponent = 0;
            bool exponentTooLarge = false;
            if (_position < _end && (_buffer[_position] == (byte)'e' || _buffer[_position] == (byte)'E'))
            {
                _position++;
                bool exponentNegative = false;
                if (_position < _end && (_buffer[_position] == (byte)'+' || _buffer[_position] == (byte)'-'))
                {
                    exponentNegative = _buffer[_position] == (byte)'-';
                    _position++;
                }

                digits = CountDigits();
                if (digits == 0)
                {
                    return Fail("a number needs digits in its exponent");
                }

                for (int i = 0; i < digits; i++)
                {
                    if (explicitExponent > 100000)
                    {
                        exponentTooLarge = true;
                        break;
                    }

                    explicitExponent = explicitExponent * 10 + (_buffer[_position + i] - (byte)'0');
                }

                _position += digits;
                if (exponentNegative)
                {
                    explicitExponent = -explicitExponent;
                }
            }

            if (_position < _end && IsWordByte(_buffer[_position]))
            {
                return Fail("invalid character in a number");
            }

            exponent += explicitExponent;
            if (significant >= 0 && !exponentTooLarge && exponent >= -22 && exponent <= 22)
            {
                // Both operands exact, so one IEEE multiplication or division rounds correctly.
                double value = exponent >= 0 ? mantissa * ExactPowers[exponent] : mantissa / ExactPowers[-exponent];
                _number = negative ? -value : value;
                return JsonTokenType.Number;
            }

            return ParseSlow(begin);
        }

        // Adds digits to the mantissa while it stays exact in a double (15 digits); marks the number
        // for the slow path (significant = −1) when more digits matter.
        private void Accumulate(int from, int count, ref long mantissa, ref int significant, ref int exponent, bool fraction)
        {
            for (int i = 0; i < count; i++)
            {
                int digit = _buffer[from + i] - (byte)'0';
                if (significant < 0)
                {
                    continue;
                }

                if (mantissa == 0 && digit == 0)
                {
                    if (fraction)
                    {
                        exponent--;
                    }

                    continue;
                }

                if (significant == 15)
                {
                    significant = -1;
                    continue;
                }

                mantissa = mantissa * 10 + digit;
                significant++;
                if (fraction)
                {
                    exponent--;
                }
            }
        }

        private int ParseSlow(int begin)
        {
            int length = _position - begin;
            char[] text = new char[length];
            for (int i = 0; i < length; i++)
            {
                text[i] = (char)_buffer[begin + i];
            }

            double value;
            if (!double.TryParse(new string(text), out value) || double.IsInfinity(value) || double.IsNaN(value))
            {
                _position = begin;
                return Fail("number out of range");
            }

            _number = value;
            return JsonTokenType.Number;
        }

        private int CountDigits()
        {
            int count = 0;
            while (_position + count < _end && _buffer[_position + count] >= (byte)'0' && _buffer[_position + count] <= (byte)'9')
            {
                count++;
            }

            return count;
        }

        // After the opening quote: decodes up to the closing quote into _chars.
        private bool ReadStringBody()
        {
            _charCount = 0;
            while (true)
            {
                if (_position >= _end)
                {
                    Fail("unterminated string");
                    return false;
                }

                int b = _buffer[_position];
                if (b == '"')
                {
                    _position++;
                    return true;
                }

                if (b < 0x20)
                {
                    Fail("control character in a string");
                    return false;
                }

                if (b == '\\')
                {
                    if (!ReadEscape())
                    {
                        return false;
                    }
                }
                else if (b < 0x80)
                {
                    Append((char)b);
                    _position++;
                }
                else if (!ReadUtf8(b))
                {
                    return false;
                }
            }
        }

        private bool ReadEscape()
        {
            if (_position + 1 >= _end)
            {
                Fail("unterminated string");
                return false;
            }

            byte e = _buffer[_position + 1];
            _position += 2;
            switch (e)
            {
                case (byte)'"':
                    Append('"');
                    return true;
                case (byte)'\\':
                    Append('\\');
                    return true;
                case (byte)'/':
                    Append('/');
                    return true;
                case (byte)'b':
                    Append('\b');
                    return true;
                case (byte)'f':
                    Append('\f');
                    return true;
                case (byte)'n':
                    Append('\n');
                    return true;
                case (byte)'r':
                    Append('\r');
                    return true;
                case (byte)'t':
                    Append('\t');
                    return true;
                case (byte)'u':
                    break;
                default:
                    _position -= 2;
                    Fail("invalid escape in a string");
                    return false;
            }

            int code = 0;
            for (int i = 0; i < 4; i++)
            {
                int digit = _position < _end ? AsciiBytes.HexDigitValue(_buffer[_position]) : -1;
                if (digit < 0)
                {
                    Fail("invalid \\u escape in a string");
                    return false;
                }

                code = (code << 4) | digit;
                _position++;
            }

            Append((char)code);
            return true;
        }

        // A multi-byte UTF-8 sequence starting with lead; overlong forms and surrogates are refused.
        private bool ReadUtf8(int lead)
        {
            int extra;
            int code;
            int minimum;
            if ((lead & 0xE0) == 0xC0)
            {
                extra = 1;
                code = lead & 0x1F;
                minimum = 0x80;
            }
            else if ((lead & 0xF0) == 0xE0)
            {
                extra = 2;
                code = lead & 0x0F;
                minimum = 0x800;
            }
            else if ((lead & 0xF8) == 0xF0)
            {
                extra = 3;
                code = lead & 0x07;
                minimum = 0x10000;
            }
            else
            {
                Fail("invalid UTF-8");
                return false;
            }

            if (_position + extra >= _end)
            {
                Fail("invalid UTF-8");
                return false;
            }

            for (int i = 1; i <= extra; i++)
            {
                int b = _buffer[_position + i];
                if ((b & 0xC0) != 0x80)
                {
                    Fail("invalid UTF-8");
                    return false;
                }

                code = (code << 6) | (b & 0x3F);
            }

            if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            {
                Fail("invalid UTF-8");
                return false;
            }

            _position += extra + 1;
            if (code >= 0x10000)
            {
                code -= 0x10000;
                Append((char)(0xD800 + (code >> 10)));
                Append((char)(0xDC00 + (code & 0x3FF)));
            }
            else
            {
                Append((char)code);
            }

            return true;
        }

        private void Append(char c)
        {
            if (_charCount == _chars.Length)
            {
                char[] bigger = new char[_chars.Length * 2];
                Array.Copy(_chars, bigger, _charCount);
                _chars = bigger;
            }

            _chars[_charCount++] = c;
        }

        private void SkipWhitespace()
        {
            while (_position < _end)
            {
                byte b = _buffer[_position];
                if (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\n' && b != (byte)'\r')
                {
                    return;
                }

                _position++;
            }
        }

        private static bool IsWordByte(byte b)
        {
            return (b >= (byte)'a' && b <= (byte)'z') || (b >= (byte)'A' && b <= (byte)'Z') || (b >= (byte)'0' && b <= (byte)'9')
                || b == (byte)'.' || b == (byte)'-' || b == (byte)'+' || b == (byte)'_';
        }


        private int Fail(string message)
        {
            if (_state != Failed)
            {
                _state = Failed;
                _error = message + " at byte " + (_position - _start).ToString();
            }

            return JsonTokenType.Error;
        }
    }
}
