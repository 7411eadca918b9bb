using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// GET /api/v1/config: the configuration in force. PUT /api/v1/config (admin, or an operator changing
    /// labels only: 403 naming the first other field; JSON body up to
    /// 16 KiB): validates and applies a whole configuration; 200 with the configuration now in force, or 400
    /// {"error":"&lt;field&gt;: &lt;rule&gt;, got &lt;value&gt;"} leaving the old one in force.
    /// </summary>
    public sealed class ConfigEndpoint : IHttpEndpoint
    {
        public const int MaxConfigBody = 16384;

        private static readonly byte[] PathBytes = AsciiBytes.From("/api/v1/config");
        private static readonly byte[] Allow = AsciiBytes.From("Allow: GET, HEAD, PUT\r\n");

        private readonly IConfigStore _store;
        private readonly ILiveConfig _live;
        private readonly object _sync = new object();

        /// <summary>Only admins may PUT (no operator label changes: they need the configuration in force).</summary>
        public ConfigEndpoint(IConfigStore store)
            : this(store, null)
        {
        }

        /// <param name="store">Export and apply.</param>
        /// <param name="live">The configuration in force, to check that an operator changes labels only.</param>
        public ConfigEndpoint(IConfigStore store, ILiveConfig live)
        {
            _store = store;
            _live = live;
        }

        public byte[] Path { get { return PathBytes; } }

        public byte[] AllowField { get { return Allow; } }

        public bool Allows(int method)
        {
            return method == HttpRequestHead.MethodGet || method == HttpRequestHead.MethodPut;
        }

        public int RequiredRole(int method)
        {
            if (method != HttpRequestHead.MethodPut)
            {
                return HttpRole.Viewer;
            }

            // Operators may change labels; Handle refuses anything else from them.
            return _live != null ? HttpRole.Operator : HttpRole.Admin;
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

                    string error;
                    if (request.Role < HttpRole.Admin)
                    {
                        error = OperatorCheck(request);
                        if (error != null)
                        {
                            return response.Error(error.IndexOf(':') >= 0 ? HttpStatus.BadRequest : HttpStatus.Forbidden,
                                error.IndexOf(':') >= 0 ? error : "role " + HttpRole.Name(request.Role)
                                    + " may change labels only, not " + error);
                        }
                    }

                    error = _store.Apply(request.Body, 0, request.BodyLength);
                    if (error != null)
                    {
                        return response.Error(HttpStatus.BadRequest, error);
                    }
                }

                _store.WriteJson(response.Json);
                return HttpStatus.Ok;
            }
        }

        // Null when the operator's document changes labels only; else an import error (it has a ':') or the
        // path of the first other field it changes.
        private string OperatorCheck(HttpRequest request)
        {
            MeterConfig current = _live.Current;
            MeterConfig next;
            string error = new ConfigJsonImporter().Import(request.Body, 0, request.BodyLength, current, out next);
            if (error != null)
            {
                return error;
            }

            return ConfigLabelChanges.FirstOtherChange(current, next);
        }
    }
}
