namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>What an endpoint sees of a request. One per connection handler, reused for every request.</summary>
    public sealed class HttpRequest
    {
        private readonly HttpQuery _query = new HttpQuery();

        /// <summary>HttpRequestHead.MethodGet (also for HEAD) or MethodPut.</summary>
        public int Method { get; internal set; }

        /// <summary>The decoded query parameters.</summary>
        public HttpQuery Query { get { return _query; } }

        /// <summary>The request body (valid for BodyLength bytes) when the endpoint takes one.</summary>
        public byte[] Body { get; internal set; }

        public int BodyLength { get; internal set; }
    }
}
