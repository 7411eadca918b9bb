using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// PUT /api/v1/session/password {"current","new"}: the logged-in (cookie) or Basic user changes their own
    /// password; 204, 400 weak or unchanged, 403 wrong current, 429 rate-limited. Allowed while the
    /// password must be changed (it is how that ends). The user's other sessions end; this one stays.
    /// </summary>
    public sealed class PasswordEndpoint : IHttpEndpoint
    {
        private static readonly byte[] PathBytes = AsciiBytes.From("/api/v1/session/password");
        private static readonly byte[] Allow = AsciiBytes.From("Allow: PUT\r\n");
        private static readonly string[] Fields = { "current", "new" };

        private readonly UserAccounts _accounts;

        public PasswordEndpoint(UserAccounts accounts)
        {
            _accounts = accounts;
        }

        public byte[] Path { get { return PathBytes; } }

        public byte[] AllowField { get { return Allow; } }

        public bool Allows(int method)
        {
            return method == HttpRequestHead.MethodPut;
        }

        public int RequiredRole(int method)
        {
            return HttpRole.Viewer;
        }

        public int MaxBodyLength(int method)
        {
            return SessionEndpoint.MaxLoginBody;
        }

        public int Handle(HttpRequest request, HttpResponse response)
        {
            string[] values = new string[2];
            string error = UserRequestBody.Read(request.Body, request.BodyLength, Fields, values);
            if (error == null && (values[0] == null || values[1] == null))
            {
                error = "body: \"current\" and \"new\" are required";
            }

            if (error != null)
            {
                return response.Error(HttpStatus.BadRequest, error);
            }

            int status;
            int retryAfterS;
            error = _accounts.ChangePassword(request.User, values[0], values[1], request.Session, out status, out retryAfterS);
            if (error == null)
            {
                return HttpStatus.NoContent;
            }

            if (status == HttpStatus.TooManyRequests)
            {
                SessionAuthorizer.AddRetryAfter(response, retryAfterS);
            }

            return response.Error(status, error);
        }
    }
}
