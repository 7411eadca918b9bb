using System;
using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// The body an endpoint writes, as JSON (through <see cref="Json"/>) or as text (CSV), into one buffer
    /// per connection handler after the room kept for the head; plus optional extra header fields. The
    /// buffer grows (doubling, at most <see cref="HttpConnectionHandler.MaxResponseLength"/>) only when a
    /// body did not fit, so steady state allocates nothing.
    /// </summary>
    public sealed class HttpResponse
    {

        private readonly JsonWriter _json;
        private readonly byte[] _extra = new byte[HttpResponseHead.MaxExtraFieldsLength];
        private byte[] _buffer;
        private int _textPosition;
        private bool _textFailed;
        private bool _isText;
        private int _textContentType;
        private int _extraLength;

        public HttpResponse(int initialLength)
        {
            _buffer = new byte[initialLength];
            _json = new JsonWriter(_buffer);
            Reset();
        }

        /// <summary>The JSON writer for the body (after <see cref="Reset"/> the body is JSON and empty).</summary>
        public JsonWriter Json { get { return _json; } }

        /// <summary>HttpResponseHead.ContentJson or ContentCsv.</summary>
        public int ContentType { get { return _isText ? _textContentType : HttpResponseHead.ContentJson; } }

        /// <summary>The whole buffer: head room of HttpResponseHead.MaxLength bytes, then the body.</summary>
        public byte[] Buffer { get { return _buffer; } }

        public int BodyLength { get { return _isText ? _textPosition - HttpResponseHead.MaxLength : _json.Length; } }

        /// <summary>Body bytes still free.</summary>
        public int Remaining { get { return _buffer.Length - HttpResponseHead.MaxLength - BodyLength; } }

        /// <summary>Bytes the body may take in all.</summary>
        public int Capacity { get { return _buffer.Length - HttpResponseHead.MaxLength; } }

        /// <summary>The body did not fit: the server grows the buffer and asks the endpoint again.</summary>
        public bool Overflowed { get { return _isText ? _textFailed : _json.Failed; } }

        public byte[] ExtraFields { get { return _extra; } }

        public int ExtraFieldsLength { get { return _extraLength; } }

        /// <summary>Empties the body (JSON again) and the extra fields.</summary>
        public void Reset()
        {
            _json.Reset(_buffer, HttpResponseHead.MaxLength);
            _isText = false;
            _textFailed = false;
            _textPosition = HttpResponseHead.MaxLength;
            _extraLength = 0;
        }

        /// <summary>Makes sure the body may take <paramref name="bytes"/> (grows once; the next Reset keeps it).</summary>
        public void EnsureCapacity(int bytes)
        {
            int wanted = bytes + HttpResponseHead.MaxLength;
            if (wanted > HttpConnectionHandler.MaxResponseLength)
            {
                wanted = HttpConnectionHandler.MaxResponseLength;
            }

            if (_buffer.Length < wanted)
            {
                _buffer = new byte[wanted];
                Reset();
            }
        }

        /// <summary>Grows the buffer after an overflow; false when it is already at its ceiling.</summary>
        public bool Grow()
        {
            if (_buffer.Length >= HttpConnectionHandler.MaxResponseLength)
            {
                return false;
            }

            int size = _buffer.Length * 2;
            _buffer = new byte[size < HttpConnectionHandler.MaxResponseLength ? size : HttpConnectionHandler.MaxResponseLength];
            Reset();
            return true;
        }

        /// <summary>Writes {"error":"message"} as the body and returns <paramref name="status"/>.</summary>
        public int Error(int status, string message)
        {
            _json.Reset(_buffer, HttpResponseHead.MaxLength);
            _isText = false;
            _json.WriteStartObject();
            _json.WriteName("error");
            _json.WriteString(message);
            _json.WriteEndObject();
            return status;
        }

        /// <summary>Switches the body to CSV text (empties it).</summary>
        public void BeginCsv()
        {
            BeginText(HttpResponseHead.ContentCsv);
        }

        /// <summary>Switches the body to text of that HttpResponseHead content type (empties it).</summary>
        public void BeginText(int contentType)
        {
            _isText = true;
            _textContentType = contentType;
            _textFailed = false;
            _textPosition = HttpResponseHead.MaxLength;
        }

        public void Text(byte[] ascii)
        {
            if (Reserve(ascii.Length))
            {
                _textPosition = AsciiBytes.Copy(ascii, _buffer, _textPosition);
            }
        }

        public void TextChar(char c)
        {
            if (Reserve(1))
            {
                _buffer[_textPosition++] = (byte)c;
            }
        }

        /// <summary>One raw byte (e.g. part of a UTF-8 sequence).</summary>
        public void TextByte(byte b)
        {
            if (Reserve(1))
            {
                _buffer[_textPosition++] = b;
            }
        }

        /// <summary>A fixed-point number (DecimalText.WriteFixed; the caller handles NaN and infinities).</summary>
        public void TextFixed(double value, int decimals)
        {
            if (Reserve(DecimalText.MaxChars))
            {
                _textPosition = DecimalText.WriteFixed(_buffer, _textPosition, value, decimals);
            }
        }

        /// <summary>Integer milli-units (or other scaled units) with that many decimals, exact.</summary>
        public void TextScaled(long units, int decimals)
        {
            if (Reserve(DecimalText.MaxChars))
            {
                _textPosition = DecimalText.WriteScaled(_buffer, _textPosition, units, decimals);
            }
        }

        public void TextInteger(long value)
        {
            if (Reserve(DecimalText.MaxChars))
            {
                _textPosition = DecimalText.WriteInteger(_buffer, _textPosition, value);
            }
        }

        public void TextTimestamp(DateTime utc)
        {
            if (Reserve(IsoTimestamp.Length))
            {
                _textPosition = IsoTimestamp.Write(_buffer, _textPosition, utc);
            }
        }

        /// <summary>Adds a header field "name: ISO-timestamp\r\n" (name as ready-made bytes with ": ").</summary>
        public void AddTimestampField(byte[] namePrefix, DateTime utc)
        {
            if (_extraLength + namePrefix.Length + IsoTimestamp.Length + 2 > _extra.Length)
            {
                return;
            }

            _extraLength = AsciiBytes.Copy(namePrefix, _extra, _extraLength);
            _extraLength = IsoTimestamp.Write(_extra, _extraLength, utc);
            _extra[_extraLength++] = 13;
            _extra[_extraLength++] = 10;
        }

        /// <summary>Adds ready-made header fields (ending in CRLF).</summary>
        public void AddFields(byte[] fields)
        {
            if (_extraLength + fields.Length <= _extra.Length)
            {
                _extraLength = AsciiBytes.Copy(fields, _extra, _extraLength);
            }
        }

        private bool Reserve(int count)
        {
            if (_textFailed || _textPosition + count > _buffer.Length)
            {
                _textFailed = true;
                return false;
            }

            return true;
        }
    }
}
