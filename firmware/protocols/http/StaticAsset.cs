using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// One file of the page, gzipped at build time (nanoFramework has no gzip) and compiled into the
    /// firmware by tools/web (WebAssets.cs). Its header fields are made once here, so serving it copies
    /// bytes and allocates nothing.
    /// </summary>
    public sealed class StaticAsset
    {
        private static readonly byte[] Star = AsciiBytes.From("*");

        private readonly byte[] _gzip;
        private readonly byte[] _etag;
        private readonly byte[] _fields;
        private readonly byte[] _notModifiedFields;
        private readonly int _rawLength;

        /// <param name="contentType">e.g. "text/html; charset=utf-8".</param>
        /// <param name="etag">The strong entity tag with its quotes, e.g. "\"3f2a…\"" (a hash of the source).</param>
        /// <param name="rawLength">Bytes before compression (for the record; the body is always the gzip).</param>
        /// <param name="gzip">The gzip member the client receives with Content-Encoding: gzip.</param>
        public StaticAsset(string contentType, string etag, int rawLength, byte[] gzip)
        {
            _gzip = gzip;
            _etag = AsciiBytes.From(etag);
            _rawLength = rawLength;

            // no-cache: the browser keeps the file but asks again each time (If-None-Match -> 304), so a
            // firmware update shows its new page at once.
            _fields = AsciiBytes.From("Content-Type: " + contentType + "\r\nContent-Encoding: gzip\r\nETag: " + etag
                + "\r\nCache-Control: no-cache\r\n");

            // A 304 repeats only what a cache needs to update its copy (RFC 9110 15.4.5): no Content-Type.
            _notModifiedFields = AsciiBytes.From("ETag: " + etag + "\r\nCache-Control: no-cache\r\n");
        }

        public byte[] Gzip { get { return _gzip; } }

        public byte[] ETag { get { return _etag; } }

        public int RawLength { get { return _rawLength; } }

        /// <summary>Content-Type, Content-Encoding, ETag and Cache-Control, each ending in CRLF.</summary>
        public byte[] Fields { get { return _fields; } }

        /// <summary>ETag and Cache-Control, each ending in CRLF: the fields of a 304.</summary>
        public byte[] NotModifiedFields { get { return _notModifiedFields; } }

        /// <summary>
        /// Whether an If-None-Match value (at <paramref name="start"/>, <paramref name="length"/> bytes) names
        /// this asset: "*" or a comma-separated list of entity tags, compared weakly (a W/ prefix matches, RFC 9110
        /// 13.1.2).
        /// </summary>
        public bool MatchesETag(byte[] buffer, int start, int length)
        {
            int end = start + length;
            int p = start;
            while (p < end)
            {
                while (p < end && (buffer[p] == ' ' || buffer[p] == '\t' || buffer[p] == ','))
                {
                    p++;
                }

                int tagStart = p;
                while (p < end && buffer[p] != ',')
                {
                    p++;
                }

                int tagEnd = p;
                while (tagEnd > tagStart && (buffer[tagEnd - 1] == ' ' || buffer[tagEnd - 1] == '\t'))
                {
                    tagEnd--;
                }

                if (tagEnd - tagStart >= 2 && buffer[tagStart] == 'W' && buffer[tagStart + 1] == '/')
                {
                    tagStart += 2;
                }

                int tagLength = tagEnd - tagStart;
                if (tagLength > 0 && (AsciiBytes.Equal(buffer, tagStart, tagLength, _etag) || AsciiBytes.Equal(buffer, tagStart, tagLength, Star)))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
