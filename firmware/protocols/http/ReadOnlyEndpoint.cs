using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// An endpoint that only reads: GET (and HEAD, served as GET without the body) at one path, for the
    /// viewer role (anonymous while anonymous reading is on), no request body. Subclasses write the answer.
    /// </summary>
    public abstract class ReadOnlyEndpoint : IHttpEndpoint
    {
        private static readonly byte[] Allow = AsciiBytes.From("Allow: GET, HEAD\r\n");

        private readonly byte[] _path;

        protected ReadOnlyEndpoint(string path)
        {
            _path = AsciiBytes.From(path);
        }

        public byte[] Path { get { return _path; } }

        public byte[] AllowField { get { return Allow; } }

        public bool Allows(int method)
        {
            return method == HttpRequestHead.MethodGet;
        }

        public int RequiredRole(int method)
        {
            return HttpRole.Viewer;
        }

        public int MaxBodyLength(int method)
        {
            return 0;
        }

        public abstract int Handle(HttpRequest request, HttpResponse response);
    }
}
