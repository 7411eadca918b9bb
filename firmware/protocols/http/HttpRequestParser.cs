using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// Parses an HTTP/1.x request head (RFC 9112 sections 2–3, 5 and 6) held in a byte buffer, without
    /// allocating. Strict where leniency would let a request mean two things (whitespace before a
    /// colon, folded lines, conflicting lengths, Transfer-Encoding); lenient where RFC 9112 allows it
    /// (bare LF line ends, empty lines before the request line, later 1.x minor versions).
    /// </summary>
    public static class HttpRequestParser
    {
        /// <summary>Parse succeeded; any other result is the status code to answer with.</summary>
        public const int Ok = 0;

        private const byte Cr = 13;
        private const byte Lf = 10;
        private const byte Space = 32;
        private const byte Tab = 9;

        private static readonly byte[] Get = AsciiBytes.From("GET");
        private static readonly byte[] Head = AsciiBytes.From("HEAD");
        private static readonly byte[] Put = AsciiBytes.From("PUT");
        private static readonly byte[] Post = AsciiBytes.From("POST");
        private static readonly byte[] Delete = AsciiBytes.From("DELETE");
        private static readonly byte[] CookieName = AsciiBytes.From("cookie");
        private static readonly byte[] RequestedWithName = AsciiBytes.From("x-requested-with");
        private static readonly byte[] IfNoneMatchName = AsciiBytes.From("if-none-match");
        private static readonly byte[] AuthorizationName = AsciiBytes.From("authorization");
        private static readonly byte[] HostName = AsciiBytes.From("host");
        private static readonly byte[] ConnectionName = AsciiBytes.From("connection");
        private static readonly byte[] ContentLengthName = AsciiBytes.From("content-length");
        private static readonly byte[] TransferEncodingName = AsciiBytes.From("transfer-encoding");
        private static readonly byte[] ExpectName = AsciiBytes.From("expect");
        private static readonly byte[] CloseToken = AsciiBytes.From("close");
        private static readonly byte[] KeepAliveToken = AsciiBytes.From("keep-alive");
        private static readonly byte[] ContinueToken = AsciiBytes.From("100-continue");
        private static readonly byte[] HttpScheme = AsciiBytes.From("http://");
        private static readonly byte[] HttpsScheme = AsciiBytes.From("https://");

        /// <summary>Number of CR/LF bytes at <paramref name="start"/>: empty lines a client may send before a request line.</summary>
        public static int CountLeadingEmptyLines(byte[] buffer, int start, int length)
        {
            int count = 0;
            while (count < length && (buffer[start + count] == Cr || buffer[start + count] == Lf))
            {
                count++;
            }

            return count;
        }

        /// <summary>
        /// Length of the head at <paramref name="start"/> up to and including the empty line that ends
        /// it (CRLF CRLF, or bare LFs); −1 while it has not arrived. <paramref name="resumeAt"/> is how
        /// many bytes an earlier call already scanned, so a slowly arriving head is not rescanned.
        /// </summary>
        public static int FindHeadEnd(byte[] buffer, int start, int length, int resumeAt)
        {
            int from = resumeAt - 3;
            if (from < 0)
            {
                from = 0;
            }

            for (int i = from; i < length; i++)
            {
                if (buffer[start + i] != Lf)
                {
                    continue;
                }

                int before = i - 1;
                if (before >= 0 && buffer[start + before] == Cr)
                {
                    before--;
                }

                if (before < 0 || buffer[start + before] == Lf)
                {
                    return i + 1;
                }
            }

            return -1;
        }

        /// <summary>
        /// Parses the head of <paramref name="length"/> bytes at <paramref name="start"/> (as found by
        /// <see cref="FindHeadEnd"/>) into <paramref name="head"/>. Returns <see cref="Ok"/>, 400 for
        /// malformed syntax or a missing/duplicate Host in HTTP/1.1, 505 for a major version other than 1,
        /// 501 for a Transfer-Encoding (this server takes no chunked bodies).
        /// </summary>
        public static int Parse(byte[] buffer, int start, int length, HttpRequestHead head)
        {
            head.Clear();
            int end = start + length;
            int p = start;

            // method SP
            int methodStart = p;
            while (p < end && IsTokenChar(buffer[p]))
            {
                p++;
            }

            if (p == methodStart || p >= end || buffer[p] != Space)
            {
                return HttpStatus.BadRequest;
            }

            if (AsciiBytes.Equal(buffer, methodStart, p - methodStart, Get))
            {
                head.Method = HttpRequestHead.MethodGet;
            }
            else if (AsciiBytes.Equal(buffer, methodStart, p - methodStart, Head))
            {
                head.Method = HttpRequestHead.MethodHead;
            }
            else if (AsciiBytes.Equal(buffer, methodStart, p - methodStart, Put))
            {
                head.Method = HttpRequestHead.MethodPut;
            }
            else if (AsciiBytes.Equal(buffer, methodStart, p - methodStart, Post))
            {
                head.Method = HttpRequestHead.MethodPost;
            }
            else if (AsciiBytes.Equal(buffer, methodStart, p - methodStart, Delete))
            {
                head.Method = HttpRequestHead.MethodDelete;
            }

            p++;

            // request-target SP: visible ASCII only
            int targetStart = p;
            while (p < end && buffer[p] > Space && buffer[p] < 0x7F)
            {
                p++;
            }

            if (p == targetStart || p >= end || buffer[p] != Space)
            {
                return HttpStatus.BadRequest;
            }

            head.TargetStart = targetStart;
            head.TargetLength = p - targetStart;
            SetPath(buffer, head);
            p++;

            // HTTP-version = "HTTP/" DIGIT "." DIGIT, then the line end
            if (end - p < 8 || buffer[p] != (byte)'H' || buffer[p + 1] != (byte)'T' || buffer[p + 2] != (byte)'T'
                || buffer[p + 3] != (byte)'P' || buffer[p + 4] != (byte)'/' || !IsDigit(buffer[p + 5])
                || buffer[p + 6] != (byte)'.' || !IsDigit(buffer[p + 7]))
            {
                return HttpStatus.BadRequest;
            }

            int major = buffer[p + 5] - (byte)'0';
            int minor = buffer[p + 7] - (byte)'0';
            p = SkipLineEnd(buffer, p + 8, end);
            if (p < 0)
            {
                return HttpStatus.BadRequest;
            }

            if (major != 1)
            {
                return HttpStatus.HttpVersionNotSupported;
            }

            head.VersionMinor = minor == 0 ? 0 : 1;
            return ParseFields(buffer, p, end, head);
        }

        private static int ParseFields(byte[] buffer, int p, int end, HttpRequestHead head)
        {
            int hosts = 0;
            bool close = false;
            bool keepAlive = false;
            bool hasLength = false;
            bool hasTransferEncoding = false;
            while (true)
            {
                if (p >= end)
                {
                    // The empty line that ends the head is missing.
                    return HttpStatus.BadRequest;
                }

                int blank = SkipLineEnd(buffer, p, end);
                if (blank >= 0)
                {
                    break;
                }

                // field-name ":" OWS field-value OWS; no whitespace before the colon, no folded lines.
                int nameStart = p;
                while (p < end && IsTokenChar(buffer[p]))
                {
                    p++;
                }

                if (p == nameStart || p >= end || buffer[p] != (byte)':')
                {
                    return HttpStatus.BadRequest;
                }

                int nameLength = p - nameStart;
                p++;
                while (p < end && (buffer[p] == Space || buffer[p] == Tab))
                {
                    p++;
                }

                int valueStart = p;
                while (p < end && buffer[p] != Cr && buffer[p] != Lf)
                {
                    byte b = buffer[p];
                    if ((b < Space && b != Tab) || b == 0x7F)
                    {
                        return HttpStatus.BadRequest;
                    }

                    p++;
                }

                int valueEnd = p;
                while (valueEnd > valueStart && (buffer[valueEnd - 1] == Space || buffer[valueEnd - 1] == Tab))
                {
                    valueEnd--;
                }

                p = SkipLineEnd(buffer, p, end);
                if (p < 0)
                {
                    return HttpStatus.BadRequest;
                }

                if (AsciiBytes.EqualIgnoreCase(buffer, nameStart, nameLength, HostName))
                {
                    hosts++;
                }
                else if (AsciiBytes.EqualIgnoreCase(buffer, nameStart, nameLength, ConnectionName))
                {
                    if (HasToken(buffer, valueStart, valueEnd, CloseToken))
                    {
                        close = true;
                    }

                    if (HasToken(buffer, valueStart, valueEnd, KeepAliveToken))
                    {
                        keepAlive = true;
                    }
                }
                else if (AsciiBytes.EqualIgnoreCase(buffer, nameStart, nameLength, ContentLengthName))
                {
                    long value = ParseLength(buffer, valueStart, valueEnd);
                    if (value < 0 || (hasLength && value != head.ContentLength))
                    {
                        return HttpStatus.BadRequest;
                    }

                    hasLength = true;
                    head.ContentLength = value;
                }
                else if (AsciiBytes.EqualIgnoreCase(buffer, nameStart, nameLength, TransferEncodingName))
                {
                    hasTransferEncoding = true;
                }
                else if (AsciiBytes.EqualIgnoreCase(buffer, nameStart, nameLength, AuthorizationName))
                {
                    if (head.AuthorizationLength > 0)
                    {
                        // Two credentials: which one would count is ambiguous.
                        return HttpStatus.BadRequest;
                    }

                    head.AuthorizationStart = valueStart;
                    head.AuthorizationLength = valueEnd - valueStart;
                }
                else if (AsciiBytes.EqualIgnoreCase(buffer, nameStart, nameLength, CookieName))
                {
                    head.CookieStart = valueStart;
                    head.CookieLength = valueEnd - valueStart;
                }
                else if (AsciiBytes.EqualIgnoreCase(buffer, nameStart, nameLength, RequestedWithName))
                {
                    head.RequestedWithStart = valueStart;
                    head.RequestedWithLength = valueEnd - valueStart;
                }
                else if (AsciiBytes.EqualIgnoreCase(buffer, nameStart, nameLength, IfNoneMatchName))
                {
                    head.IfNoneMatchStart = valueStart;
                    head.IfNoneMatchLength = valueEnd - valueStart;
                }
                else if (AsciiBytes.EqualIgnoreCase(buffer, nameStart, nameLength, ExpectName))
                {
                    head.ExpectContinue = HasToken(buffer, valueStart, valueEnd, ContinueToken);
                }
            }

            if (head.VersionMinor >= 1 && hosts != 1)
            {
                return HttpStatus.BadRequest;
            }

            if (hosts > 1)
            {
                return HttpStatus.BadRequest;
            }

            if (hasTransferEncoding)
            {
                // HTTP/1.0 has no transfer codings: the framing is faulty. In 1.1 we just do not take bodies.
                return head.VersionMinor == 0 ? HttpStatus.BadRequest : HttpStatus.NotImplemented;
            }

            head.KeepAlive = !close && (head.VersionMinor >= 1 || keepAlive);
            return Ok;
        }

        // Path = target without "http(s)://authority" and without "?query"; "*" and authority-form stay as they are.
        private static void SetPath(byte[] buffer, HttpRequestHead head)
        {
            int start = head.TargetStart;
            int end = start + head.TargetLength;
            int schemeLength = 0;
            if (StartsWithIgnoreCase(buffer, start, end, HttpScheme))
            {
                schemeLength = HttpScheme.Length;
            }
            else if (StartsWithIgnoreCase(buffer, start, end, HttpsScheme))
            {
                schemeLength = HttpsScheme.Length;
            }

            if (schemeLength > 0)
            {
                int p = start + schemeLength;
                while (p < end && buffer[p] != (byte)'/' && buffer[p] != (byte)'?')
                {
                    p++;
                }

                start = p;
            }

            int pathEnd = start;
            while (pathEnd < end && buffer[pathEnd] != (byte)'?' && buffer[pathEnd] != (byte)'#')
            {
                pathEnd++;
            }

            head.PathStart = start;
            head.PathLength = pathEnd - start;
            if (pathEnd < end && buffer[pathEnd] == (byte)'?')
            {
                int queryEnd = pathEnd + 1;
                while (queryEnd < end && buffer[queryEnd] != (byte)'#')
                {
                    queryEnd++;
                }

                head.QueryStart = pathEnd + 1;
                head.QueryLength = queryEnd - pathEnd - 1;
            }
        }

        // Position after a CRLF or bare LF at p; −1 when p is not at a line end (a bare CR is an error too).
        private static int SkipLineEnd(byte[] buffer, int p, int end)
        {
            if (p < end && buffer[p] == Lf)
            {
                return p + 1;
            }

            if (p + 1 < end && buffer[p] == Cr && buffer[p + 1] == Lf)
            {
                return p + 2;
            }

            return -1;
        }

        // 1*DIGIT; −1 when malformed; capped at long.MaxValue rather than overflowing.
        private static long ParseLength(byte[] buffer, int start, int end)
        {
            if (start == end)
            {
                return -1;
            }

            long value = 0;
            for (int i = start; i < end; i++)
            {
                if (!IsDigit(buffer[i]))
                {
                    return -1;
                }

                if (value > 100000000000000000L)
                {
                    value = long.MaxValue;
                }
                else
                {
                    value = value * 10 + (buffer[i] - (byte)'0');
                }
            }

            return value;
        }

        // Whether the comma-separated list in [start, end) holds the token (ASCII case-insensitive).
        private static bool HasToken(byte[] buffer, int start, int end, byte[] lowerToken)
        {
            int p = start;
            while (p < end)
            {
                while (p < end && (buffer[p] == Space || buffer[p] == Tab || buffer[p] == (byte)','))
                {
                    p++;
                }

                int itemStart = p;
                while (p < end && buffer[p] != (byte)',')
                {
                    p++;
                }

                int itemEnd = p;
                while (itemEnd > itemStart && (buffer[itemEnd - 1] == Space || buffer[itemEnd - 1] == Tab))
                {
                    itemEnd--;
                }

                if (AsciiBytes.EqualIgnoreCase(buffer, itemStart, itemEnd - itemStart, lowerToken))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool StartsWithIgnoreCase(byte[] buffer, int start, int end, byte[] lowerPrefix)
        {
            return end - start >= lowerPrefix.Length
                && AsciiBytes.EqualIgnoreCase(buffer, start, lowerPrefix.Length, lowerPrefix);
        }

        private static bool IsDigit(byte b)
        {
            return b >= (byte)'0' && b <= (byte)'9';
        }

        // tchar (RFC 9110 5.6.2): ALPHA / DIGIT / "!#$%&'*+-.^_`|~"
        private static bool IsTokenChar(byte b)
        {
            if ((b >= (byte)'a' && b <= (byte)'z') || (b >= (byte)'A' && b <= (byte)'Z') || IsDigit(b))
            {
                return true;
            }

            switch (b)
            {
                case (byte)'!':
                case (byte)'#':
                case (byte)'$':
                case (byte)'%':
                case (byte)'&':
                case (byte)'\'':
                case (byte)'*':
                case (byte)'+':
                case (byte)'-':
                case (byte)'.':
                case (byte)'^':
                case (byte)'_':
                case (byte)'`':
                case (byte)'|':
                case (byte)'~':
                    return true;
                default:
                    return false;
            }
        }
    }
}
