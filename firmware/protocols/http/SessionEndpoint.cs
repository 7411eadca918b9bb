using System.Text;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// /api/v1/session: POST {"user","password"} logs in (200 + Set-Cookie eprobe_session, HttpOnly,
    /// SameSite=Strict; 401 wrong user or password; 429 + Retry-After when rate-limited); GET says who the
    /// cookie's session is (401 "not logged in" without one); DELETE logs out (204). Reachable without
    /// credentials (it is how one gets them), also while anonymous reading is off.
    /// </summary>
    public sealed class SessionEndpoint : IHttpEndpoint
    {
        public const int MaxLoginBody = 512;

        private static readonly byte[] PathBytes = AsciiBytes.From("/api/v1/session");
        private static readonly byte[] Allow = AsciiBytes.From("Allow: GET, HEAD, POST, DELETE\r\n");
        private static readonly byte[] CookieStart = AsciiBytes.From("Set-Cookie: eprobe_session=");
        private static readonly byte[] CookieEnd = AsciiBytes.From("; Path=/; HttpOnly; SameSite=Strict\r\n");
        private static readonly string[] LoginFields = { "user", "password" };

        private readonly UserAccounts _accounts;

        public SessionEndpoint(UserAccounts accounts)
        {
            _accounts = accounts;
        }

        public byte[] Path { get { return PathBytes; } }

        public byte[] AllowField { get { return Allow; } }

        public bool Allows(int method)
        {
            return method == HttpRequestHead.MethodGet || method == HttpRequestHead.MethodPost
                || method == HttpRequestHead.MethodDelete;
        }

        public int RequiredRole(int method)
        {
            return HttpRole.Anonymous;
        }

        public int MaxBodyLength(int method)
        {
            return method == HttpRequestHead.MethodPost ? MaxLoginBody : 0;
        }

        public int Handle(HttpRequest request, HttpResponse response)
        {
            if (request.Method == HttpRequestHead.MethodDelete)
            {
                if (request.Session >= 0)
                {
                    _accounts.Sessions.Close(request.Session);
                }

                return HttpStatus.NoContent;
            }

            if (request.Method == HttpRequestHead.MethodGet)
            {
                UserConfig user = _accounts.Find(request.User);
                if (user == null)
                {
                    return response.Error(HttpStatus.Unauthorized, "not logged in");
                }

                WriteSession(response.Json, user, request.Session);
                return HttpStatus.Ok;
            }

            return Login(request, response);
        }

        private int Login(HttpRequest request, HttpResponse response)
        {
            string[] values = new string[2];
            string error = UserRequestBody.Read(request.Body, request.BodyLength, LoginFields, values);
            if (error == null && (values[0] == null || values[1] == null))
            {
                error = "body: \"user\" and \"password\" are required";
            }

            if (error != null)
            {
                return response.Error(HttpStatus.BadRequest, error);
            }

            // Names are ASCII without ':' (ConfigValidator), so they are the first bytes; anything else simply fails.
            byte[] both = Encoding.UTF8.GetBytes(values[0] + ":" + values[1]);
            int userLength = Encoding.UTF8.GetBytes(values[0]).Length;
            UserConfig user;
            int retryAfterS;
            int verdict = _accounts.Verify(both, 0, userLength, userLength + 1, both.Length - userLength - 1, out user,
                out retryAfterS);
            if (verdict == UserAccounts.VerifyLimited)
            {
                SessionAuthorizer.AddRetryAfter(response, retryAfterS);
                return response.Error(HttpStatus.TooManyRequests, "too many failed logins, try again later");
            }

            if (verdict != UserAccounts.VerifyOk)
            {
                return response.Error(HttpStatus.Unauthorized, "wrong user or password");
            }

            byte[] token = new byte[SessionTable.TokenTextLength];
            int slot = _accounts.OpenSession(user, token);
            byte[] field = new byte[CookieStart.Length + token.Length + CookieEnd.Length];
            int n = AsciiBytes.Copy(CookieStart, field, 0);
            n = AsciiBytes.Copy(token, field, n);
            AsciiBytes.Copy(CookieEnd, field, n);
            response.AddFields(field);
            WriteSession(response.Json, user, slot);
            return HttpStatus.Ok;
        }

        private void WriteSession(JsonWriter w, UserConfig user, int slot)
        {
            w.WriteStartObject();
            w.WriteName("user");
            w.WriteString(user.Name);
            w.WriteName("role");
            w.WriteString(HttpRole.Name(user.Role));
            w.WriteName("mustChangePassword");
            w.WriteBoolean(user.MustChangePassword);
            w.WriteName("expiresInS");
            if (slot >= 0)
            {
                w.WriteInteger(_accounts.Sessions.SecondsLeft(slot, _accounts.NowMs, _accounts.SessionTimeoutMs));
            }
            else
            {
                // HTTP Basic: no session, nothing expires.
                w.WriteNull();
            }

            w.WriteEndObject();
        }
    }
}
