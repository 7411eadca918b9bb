using System;
using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// The query string's parameters, percent-decoded ('+' as space) into one reused buffer: no allocation
    /// to parse or to look a parameter up by name. A malformed escape or more than
    /// <see cref="MaxParameters"/> parameters makes <see cref="Parse"/> fail (the server answers 400).
    /// </summary>
    public sealed class HttpQuery
    {
        public const int MaxParameters = 16;

        private readonly byte[] _decoded = new byte[HttpConnectionHandler.RequestHeadLimit];
        private readonly int[] _nameStart = new int[MaxParameters];
        private readonly int[] _nameLength = new int[MaxParameters];
        private readonly int[] _valueStart = new int[MaxParameters];
        private readonly int[] _valueLength = new int[MaxParameters];
        private int _count;

        public int Count { get { return _count; } }

        /// <summary>Decodes "a=1&amp;b=x%20y" at [start, start+length); false when malformed.</summary>
        public bool Parse(byte[] buffer, int start, int length)
        {
            _count = 0;
            int end = start + length;
            int p = start;
            int o = 0;
            while (p < end)
            {
                if (buffer[p] == (byte)'&')
                {
                    p++;
                    continue;
                }

                if (_count == MaxParameters)
                {
                    return false;
                }

                _nameStart[_count] = o;
                while (p < end && buffer[p] != (byte)'=' && buffer[p] != (byte)'&')
                {
                    if (!DecodeOne(buffer, ref p, end, ref o))
                    {
                        return false;
                    }
                }

                _nameLength[_count] = o - _nameStart[_count];
                _valueStart[_count] = o;
                if (p < end && buffer[p] == (byte)'=')
                {
                    p++;
                    while (p < end && buffer[p] != (byte)'&')
                    {
                        if (!DecodeOne(buffer, ref p, end, ref o))
                        {
                            return false;
                        }
                    }
                }

                _valueLength[_count] = o - _valueStart[_count];
                _count++;
            }

            return true;
        }

        /// <summary>Index of the first parameter called <paramref name="name"/> (ASCII, exact); −1 when absent.</summary>
        public int Find(string name)
        {
            for (int i = 0; i < _count; i++)
            {
                if (Same(_nameStart[i], _nameLength[i], name))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Index of the first parameter whose name is not one of <paramref name="known"/>, or −1.</summary>
        public int FirstUnknown(string[] known)
        {
            for (int i = 0; i < Count; i++)
            {
                if (!NameIsOneOf(i, known))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Whether the parameter's name is one of <paramref name="names"/>.</summary>
        public bool NameIsOneOf(int index, string[] names)
        {
            for (int i = 0; i < names.Length; i++)
            {
                if (Same(_nameStart[index], _nameLength[index], names[i]))
                {
                    return true;
                }
            }

            return false;
        }

        public bool ValueIs(int index, string text)
        {
            return Same(_valueStart[index], _valueLength[index], text);
        }

        /// <summary>The decoded name as a string (allocates: for error messages).</summary>
        public string Name(int index)
        {
            return Text(_nameStart[index], _nameLength[index]);
        }

        /// <summary>The decoded value as a string (allocates: for error messages).</summary>
        public string Value(int index)
        {
            return Text(_valueStart[index], _valueLength[index]);
        }

        /// <summary>A decimal integer (optional '-') of at most 18 digits.</summary>
        public bool TryGetInteger(int index, out long value)
        {
            value = 0;
            int p = _valueStart[index];
            int end = p + _valueLength[index];
            bool negative = p < end && _decoded[p] == (byte)'-';
            if (negative)
            {
                p++;
            }

            if (p == end || end - p > 18)
            {
                return false;
            }

            for (; p < end; p++)
            {
                int digit = _decoded[p] - (byte)'0';
                if (digit < 0 || digit > 9)
                {
                    return false;
                }

                value = value * 10 + digit;
            }

            if (negative)
            {
                value = -value;
            }

            return true;
        }

        /// <summary>
        /// ISO 8601 in UTC: "YYYY-MM-DD", "YYYY-MM-DDTHH:MM", "…:SS", "…:SS.fff", each with an optional 'Z'.
        /// Other zones are refused rather than guessed.
        /// </summary>
        public bool TryGetTimestamp(int index, out DateTime utc)
        {
            utc = DateTime.MinValue;
            int p = _valueStart[index];
            int end = p + _valueLength[index];
            if (end > p && _decoded[end - 1] == (byte)'Z')
            {
                end--;
            }

            int length = end - p;
            int year, month, day, hour = 0, minute = 0, second = 0, millisecond = 0;
            if (length < 10 || !Digits(p, 4, out year) || _decoded[p + 4] != (byte)'-' || !Digits(p + 5, 2, out month)
                || _decoded[p + 7] != (byte)'-' || !Digits(p + 8, 2, out day))
            {
                return false;
            }

            if (length > 10)
            {
                if (length < 16 || _decoded[p + 10] != (byte)'T' || !Digits(p + 11, 2, out hour) || _decoded[p + 13] != (byte)':'
                    || !Digits(p + 14, 2, out minute))
                {
                    return false;
                }

                if (length > 16)
                {
                    if (length < 19 || _decoded[p + 16] != (byte)':' || !Digits(p + 17, 2, out second))
                    {
                        return false;
                    }

                    if (length > 19 && (length != 23 || _decoded[p + 19] != (byte)'.' || !Digits(p + 20, 3, out millisecond)))
                    {
                        return false;
                    }
                }
            }

            if (year < 1970 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
                || hour > 23 || minute > 59 || second > 59)
            {
                return false;
            }

            utc = new DateTime(year, month, day, hour, minute, second, millisecond);
            return true;
        }

        private bool Digits(int p, int count, out int value)
        {
            value = 0;
            for (int i = 0; i < count; i++)
            {
                int digit = _decoded[p + i] - (byte)'0';
                if (digit < 0 || digit > 9)
                {
                    return false;
                }

                value = value * 10 + digit;
            }

            return true;
        }

        private bool DecodeOne(byte[] buffer, ref int p, int end, ref int o)
        {
            byte b = buffer[p];
            if (b == (byte)'%')
            {
                if (p + 2 >= end)
                {
                    return false;
                }

                int high = AsciiBytes.HexDigitValue(buffer[p + 1]);
                int low = AsciiBytes.HexDigitValue(buffer[p + 2]);
                if (high < 0 || low < 0)
                {
                    return false;
                }

                _decoded[o++] = (byte)((high << 4) | low);
                p += 3;
                return true;
            }

            _decoded[o++] = b == (byte)'+' ? (byte)' ' : b;
            p++;
            return true;
        }


        private bool Same(int start, int length, string text)
        {
            if (length != text.Length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                if (_decoded[start + i] != text[i])
                {
                    return false;
                }
            }

            return true;
        }

        private string Text(int start, int length)
        {
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                byte b = _decoded[start + i];
                chars[i] = b >= 32 && b < 127 ? (char)b : '?';
            }

            return new string(chars);
        }
    }
}
