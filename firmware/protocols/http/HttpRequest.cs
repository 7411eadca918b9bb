namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>What an endpoint sees of a request. One per connection handler, reused for every request.</summary>
    public sealed class HttpRequest
    {
        private readonly HttpQuery _query = new HttpQuery();
        private readonly byte[] _pathTail = new byte[64];
        private readonly byte[] _ifNoneMatch = new byte[MaxIfNoneMatchLength];

        /// <summary>Longest If-None-Match value kept; a longer one is dropped (the request is served unconditionally).</summary>
        public const int MaxIfNoneMatchLength = 256;

        /// <summary>HttpRequestHead.MethodGet (also for HEAD), MethodPut, MethodPost or MethodDelete.</summary>
        public int Method { get; internal set; }

        /// <summary>The decoded query parameters.</summary>
        public HttpQuery Query { get { return _query; } }

        /// <summary>The request body (valid for BodyLength bytes) when the endpoint takes one.</summary>
        public byte[] Body { get; internal set; }

        public int BodyLength { get; internal set; }

        /// <summary>The role the request authenticated as (HttpRole; Anonymous without credentials).</summary>
        public int Role { get; internal set; }

        /// <summary>The authenticated user's name, null when anonymous.</summary>
        public string User { get; internal set; }

        /// <summary>The session slot of the cookie that authenticated the request, -1 for Basic or none.</summary>
        public int Session { get; internal set; }

        /// <summary>
        /// For an endpoint whose path ends in '/': the (still percent-encoded) rest of the path, e.g. the
        /// user name of /api/v1/users/alice. Valid for PathTailLength bytes.
        /// </summary>
        public byte[] PathTail { get { return _pathTail; } }

        public int PathTailLength { get; private set; }

        /// <summary>
        /// The If-None-Match field's value as sent (entity tags, a list, or "*"), valid for IfNoneMatchLength bytes;
        /// length 0 when absent or longer than <see cref="MaxIfNoneMatchLength"/>. A copy: the receive buffer moves on
        /// to a pipelined request before the endpoint runs.
        /// </summary>
        public byte[] IfNoneMatch { get { return _ifNoneMatch; } }

        public int IfNoneMatchLength { get; private set; }

        internal void SetIfNoneMatch(byte[] buffer, int start, int length)
        {
            if (length < 0 || length > _ifNoneMatch.Length)
            {
                length = 0;
            }

            for (int i = 0; i < length; i++)
            {
                _ifNoneMatch[i] = buffer[start + i];
            }

            IfNoneMatchLength = length;
        }

        internal void SetPathTail(byte[] buffer, int start, int length)
        {
            if (length > _pathTail.Length || length < 0)
            {
                length = length < 0 ? 0 : _pathTail.Length;
            }

            for (int i = 0; i < length; i++)
            {
                _pathTail[i] = buffer[start + i];
            }

            PathTailLength = length;
        }
    }
}
