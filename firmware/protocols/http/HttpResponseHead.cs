using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// Writes a response's status line and header fields from ready-made bytes. Every response but
    /// 204 and 304 carries a body (or, for HEAD, its length): JSON, CSV, Prometheus text or a page asset.
    /// No Date field: the device clock may not be set yet (RFC 9110 6.6.1 lets a server without a
    /// reliable clock leave it out).
    /// </summary>
    public static class HttpResponseHead
    {
        /// <summary>Connection kept open, HTTP/1.1 style: no Connection field needed.</summary>
        public const int KeepAliveImplicit = 0;

        /// <summary>Connection kept open for an HTTP/1.0 client, which must be told so.</summary>
        public const int KeepAliveExplicit = 1;

        /// <summary>The server closes the connection after this response.</summary>
        public const int Close = 2;

        /// <summary>Longest head <see cref="Write"/> produces (with room to spare).</summary>
        public const int MaxLength = 384;

        /// <summary>Body types: JSON (every API answer and error) or CSV (history export).</summary>
        public const int ContentJson = 0;
        public const int ContentCsv = 1;

        /// <summary>Prometheus text exposition format 0.0.4 (GET /metrics).</summary>
        public const int ContentPrometheus = 2;

        /// <summary>
        /// The endpoint's extra fields carry Content-Type and Cache-Control (static page assets: gzip, ETag),
        /// so the head writes neither.
        /// </summary>
        public const int ContentSupplied = 3;

        /// <summary>Longest extra header text a caller may add (Allow, WWW-Authenticate, a page asset's fields).</summary>
        public const int MaxExtraFieldsLength = 192;

        private static readonly byte[] ContentTypeJson = AsciiBytes.From("Content-Type: application/json\r\n");
        private static readonly byte[] ContentTypeCsv = AsciiBytes.From("Content-Type: text/csv; charset=utf-8\r\n");
        private static readonly byte[] ContentTypePrometheus = AsciiBytes.From("Content-Type: text/plain; version=0.0.4; charset=utf-8\r\n");
        private static readonly byte[] ContentLengthPrefix = AsciiBytes.From("Content-Length: ");
        private static readonly byte[] NoStore = AsciiBytes.From("Cache-Control: no-store\r\n");
        private static readonly byte[] ConnectionClose = AsciiBytes.From("Connection: close\r\n");
        private static readonly byte[] ConnectionKeepAlive = AsciiBytes.From("Connection: keep-alive\r\n");
        private static readonly byte[] AllowGetHead = AsciiBytes.From("Allow: GET, HEAD\r\n");
        private static readonly byte[] RetryAfterOneSecond = AsciiBytes.From("Retry-After: 1\r\n");
        private static readonly byte[] LineEnd = AsciiBytes.From("\r\n");

        /// <summary>
        /// Writes the head at <paramref name="position"/>; returns the position after the empty line.
        /// 405 responses get "Allow: GET, HEAD", 503 gets "Retry-After: 1".
        /// </summary>
        public static int Write(byte[] buffer, int position, int status, int contentLength, int connection)
        {
            return Write(buffer, position, status, contentLength, connection, ContentJson, null, 0);
        }

        /// <summary>
        /// As <see cref="Write(byte[], int, int, int, int)"/> with a body type and, when not null, ready-made
        /// header fields (<paramref name="extraLength"/> bytes, each field ending in CRLF, at most
        /// <see cref="MaxExtraFieldsLength"/>) that replace the default Allow of a 405.
        /// </summary>
        public static int Write(byte[] buffer, int position, int status, int contentLength, int connection, int contentType,
            byte[] extraFields, int extraLength)
        {
            position = AsciiBytes.Copy(HttpStatus.StatusLine(status), buffer, position);

            // 204 and 304 have no body: no Content-Type, and no Content-Length (RFC 9110 8.6: never in a 204; in a
            // 304 it would have to be the 200's).
            bool bodiless = status == HttpStatus.NoContent || status == HttpStatus.NotModified;
            if (contentType != ContentSupplied && !bodiless)
            {
                position = AsciiBytes.Copy(ContentTypeField(contentType), buffer, position);
            }

            if (!bodiless)
            {
                position = AsciiBytes.Copy(ContentLengthPrefix, buffer, position);
                position = DecimalText.WriteInteger(buffer, position, contentLength);
                position = AsciiBytes.Copy(LineEnd, buffer, position);
            }

            if (contentType != ContentSupplied)
            {
                position = AsciiBytes.Copy(NoStore, buffer, position);
            }

            if (extraFields != null && extraLength > 0)
            {
                System.Array.Copy(extraFields, 0, buffer, position, extraLength);
                position += extraLength;
            }
            else if (status == HttpStatus.MethodNotAllowed)
            {
                position = AsciiBytes.Copy(AllowGetHead, buffer, position);
            }

            if (status == HttpStatus.ServiceUnavailable)
            {
                position = AsciiBytes.Copy(RetryAfterOneSecond, buffer, position);
            }

            if (connection == Close)
            {
                position = AsciiBytes.Copy(ConnectionClose, buffer, position);
            }
            else if (connection == KeepAliveExplicit)
            {
                position = AsciiBytes.Copy(ConnectionKeepAlive, buffer, position);
            }

            return AsciiBytes.Copy(LineEnd, buffer, position);
        }

        private static byte[] ContentTypeField(int contentType)
        {
            if (contentType == ContentCsv)
            {
                return ContentTypeCsv;
            }

            return contentType == ContentPrometheus ? ContentTypePrometheus : ContentTypeJson;
        }
    }
}
