using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// PUT /api/v1/config/factory-reset (admin credentials, no body): the factory configuration replaces
    /// the one in force and is stored; the answer is the configuration now in force. Energy counters,
    /// history and billing are kept: a reset must not lose what customers are billed on.
    /// </summary>
    public sealed class ConfigResetEndpoint : IHttpEndpoint
    {
        private static readonly byte[] PathBytes = AsciiBytes.From("/api/v1/config/factory-reset");
        private static readonly byte[] Allow = AsciiBytes.From("Allow: PUT\r\n");

        private readonly IConfigReset _reset;
        private readonly IConfigStore _store;

        public ConfigResetEndpoint(IConfigReset reset, IConfigStore store)
        {
            _reset = reset;
            _store = store;
        }

        public byte[] Path { get { return PathBytes; } }

        public byte[] AllowField { get { return Allow; } }

        public bool Allows(int method)
        {
            return method == HttpRequestHead.MethodPut;
        }

        public int RequiredRole(int method)
        {
            return HttpRole.Admin;
        }

        public int MaxBodyLength(int method)
        {
            return 0;
        }

        public int Handle(HttpRequest request, HttpResponse response)
        {
            string error = _reset.FactoryReset();
            if (error != null)
            {
                return response.Error(HttpStatus.InternalServerError, error);
            }

            _store.WriteJson(response.Json);
            return HttpStatus.Ok;
        }
    }
}
