namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// One resource of the API, registered with the server at construction (the route table is the array
    /// of endpoints; the first whose <see cref="Path"/> equals the request path serves it). Endpoints are
    /// shared by every handler thread: keep per-request state in the request and response objects, or
    /// lock. HEAD is served as GET without the body wherever GET is allowed.
    /// </summary>
    public interface IHttpEndpoint
    {
        /// <summary>The exact path, e.g. "/api/v1/history", as ASCII bytes.</summary>
        byte[] Path { get; }

        /// <summary>The 405 answer's field, e.g. "Allow: GET, HEAD, PUT\r\n".</summary>
        byte[] AllowField { get; }

        /// <summary>Whether the method (HttpRequestHead.MethodGet or MethodPut) is served.</summary>
        bool Allows(int method);

        /// <summary>
        /// The least <see cref="HttpRole"/> the method needs: Viewer for reads (served anonymously while
        /// anonymous reading is on), Operator or Admin for writes (401 without credentials, 403 with a lesser role).
        /// </summary>
        int RequiredRole(int method);

        /// <summary>Longest request body the method takes (0: none; a body is then read and dropped, up to 4 KiB).</summary>
        int MaxBodyLength(int method);

        /// <summary>
        /// Writes the body into <paramref name="response"/> and returns the status code. When the body did not
        /// fit (response.Overflowed) the server grows the buffer and calls again.
        /// </summary>
        int Handle(HttpRequest request, HttpResponse response);
    }
}
