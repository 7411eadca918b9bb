using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// GET /api/v1/config: the configuration in force. PUT /api/v1/config (admin credentials, JSON body up to
    /// 16 KiB): validates and applies a whole configuration; 200 with the configuration now in force, or 400
    /// {"error":"&lt;field&gt;: &lt;rule&gt;, got &lt;value&gt;"} leaving the old one in force.
    /// </summary>
    public sealed class ConfigEndpoint : IHttpEndpoint
    {
        public const int MaxConfigBody = 16384;

        private static readonly byte[] PathBytes = AsciiBytes.From("/api/v1/config");
        private static readonly byte[] Allow = AsciiBytes.From("Allow: GET, HEAD, PUT\r\n");

        private readonly IConfigStore _store;
        private readonly object _sync = new object();

        public ConfigEndpoint(IConfigStore store)
        {
            _store = store;
        }

        public byte[] Path { get { return PathBytes; } }

        public byte[] AllowField { get { return Allow; } }

        public bool Allows(int method)
        {
            return method == HttpRequestHead.MethodGet || method == HttpRequestHead.MethodPut;
        }

        public int RequiredRole(int method)
        {
            return method == HttpRequestHead.MethodPut ? HttpRole.Admin : HttpRole.Viewer;
        }

        public int MaxBodyLength(int method)
        {
            return method == HttpRequestHead.MethodPut ? MaxConfigBody : 0;
        }

        public int Handle(HttpRequest request, HttpResponse response)
        {
            // One change at a time, and a reader never sees half of one.
            lock (_sync)
            {
                if (request.Method == HttpRequestHead.MethodPut)
                {
                    if (request.BodyLength == 0)
                    {
                        return response.Error(HttpStatus.BadRequest, "body: a JSON configuration is required");
                    }

                    string error = _store.Apply(request.Body, 0, request.BodyLength);
                    if (error != null)
                    {
                        return response.Error(HttpStatus.BadRequest, error);
                    }
                }

                _store.WriteJson(response.Json);
                return HttpStatus.Ok;
            }
        }
    }
}
