using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// GET/HEAD of one page file (the route table matches exact paths: one endpoint per path, "/" and
    /// "/index.html" share the same asset). The body is always the build-time gzip with
    /// Content-Encoding: gzip, whatever Accept-Encoding says: the meter cannot decompress, every browser
    /// accepts gzip, and RFC 9110 12.5.3 lets a server disregard the field; a client without gzip (curl
    /// without --compressed) still gets the exact bytes and the header telling it how to read them.
    /// Anonymous: the page holds no data, so it loads (and shows its login form) even when anonymous
    /// reading is off. Copies the asset into the reused response buffer: nothing allocated per request.
    /// </summary>
    public sealed class StaticAssetEndpoint : IHttpEndpoint
    {
        private static readonly byte[] Allow = AsciiBytes.From("Allow: GET, HEAD\r\n");

        private readonly byte[] _path;
        private readonly StaticAsset _asset;

        public StaticAssetEndpoint(string path, StaticAsset asset)
        {
            _path = AsciiBytes.From(path);
            _asset = asset;
        }

        public StaticAsset Asset { get { return _asset; } }

        public byte[] Path { get { return _path; } }

        public byte[] AllowField { get { return Allow; } }

        public bool Allows(int method)
        {
            return method == HttpRequestHead.MethodGet;
        }

        public int RequiredRole(int method)
        {
            return HttpRole.Anonymous;
        }

        public int MaxBodyLength(int method)
        {
            return 0;
        }

        /// <summary>GET/HEAD: 304 when If-None-Match names the asset (conditional GET, RFC 9110 13.1.2), else 200.</summary>
        public int Handle(HttpRequest request, HttpResponse response)
        {
            bool notModified = request.IfNoneMatchLength > 0
                && _asset.MatchesETag(request.IfNoneMatch, 0, request.IfNoneMatchLength);
            return Serve(response, notModified);
        }

        /// <summary>
        /// 200 with the gzip body, or 304 without one when the client's If-None-Match named the asset
        /// (<see cref="StaticAsset.MatchesETag"/>); both carry the ETag and Cache-Control fields, only the 200
        /// the Content-Type and Content-Encoding.
        /// </summary>
        public int Serve(HttpResponse response, bool notModified)
        {
            byte[] body = _asset.Gzip;
            if (!notModified)
            {
                response.EnsureCapacity(body.Length);
            }

            response.BeginText(HttpResponseHead.ContentSupplied);
            if (notModified)
            {
                response.AddFields(_asset.NotModifiedFields);
                return HttpStatus.NotModified;
            }

            response.AddFields(_asset.Fields);
            response.Text(body);
            return HttpStatus.Ok;
        }
    }
}
