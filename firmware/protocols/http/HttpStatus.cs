using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>The status codes this server sends, and their status lines as ready-made bytes.</summary>
    public static class HttpStatus
    {
        public const int Ok = 200;
        public const int Accepted = 202;
        public const int NoContent = 204;
        public const int Forbidden = 403;
        public const int TooManyRequests = 429;
        public const int Conflict = 409;
        public const int NotModified = 304;
        public const int BadRequest = 400;
        public const int Unauthorized = 401;
        public const int NotFound = 404;
        public const int MethodNotAllowed = 405;
        public const int RequestTimeout = 408;
        public const int ContentTooLarge = 413;
        public const int RequestHeaderFieldsTooLarge = 431;
        public const int InternalServerError = 500;
        public const int NotImplemented = 501;
        public const int ServiceUnavailable = 503;
        public const int HttpVersionNotSupported = 505;

        private static readonly int[] Codes =
        {
            Ok, BadRequest, NotFound, MethodNotAllowed, RequestTimeout, ContentTooLarge,
            RequestHeaderFieldsTooLarge, InternalServerError, NotImplemented, ServiceUnavailable,
            HttpVersionNotSupported, Unauthorized, NotModified,
            NoContent, Forbidden, TooManyRequests, Conflict, Accepted
        };

        private static readonly byte[][] Lines =
        {
            AsciiBytes.From("HTTP/1.1 200 OK\r\n"),
            AsciiBytes.From("HTTP/1.1 400 Bad Request\r\n"),
            AsciiBytes.From("HTTP/1.1 404 Not Found\r\n"),
            AsciiBytes.From("HTTP/1.1 405 Method Not Allowed\r\n"),
            AsciiBytes.From("HTTP/1.1 408 Request Timeout\r\n"),
            AsciiBytes.From("HTTP/1.1 413 Content Too Large\r\n"),
            AsciiBytes.From("HTTP/1.1 431 Request Header Fields Too Large\r\n"),
            AsciiBytes.From("HTTP/1.1 500 Internal Server Error\r\n"),
            AsciiBytes.From("HTTP/1.1 501 Not Implemented\r\n"),
            AsciiBytes.From("HTTP/1.1 503 Service Unavailable\r\n"),
            AsciiBytes.From("HTTP/1.1 505 HTTP Version Not Supported\r\n"),
            AsciiBytes.From("HTTP/1.1 401 Unauthorized\r\n"),
            AsciiBytes.From("HTTP/1.1 304 Not Modified\r\n"),
            AsciiBytes.From("HTTP/1.1 204 No Content\r\n"),
            AsciiBytes.From("HTTP/1.1 403 Forbidden\r\n"),
            AsciiBytes.From("HTTP/1.1 429 Too Many Requests\r\n"),
            AsciiBytes.From("HTTP/1.1 409 Conflict\r\n"),
            AsciiBytes.From("HTTP/1.1 202 Accepted\r\n"),
        };

        /// <summary>"HTTP/1.1 &lt;code&gt; &lt;reason&gt;\r\n"; an unknown code gives the 500 line.</summary>
        public static byte[] StatusLine(int code)
        {
            for (int i = 0; i < Codes.Length; i++)
            {
                if (Codes[i] == code)
                {
                    return Lines[i];
                }
            }

            return Lines[7];
        }
    }
}
