using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// Decides, per request, who is asking and whether the endpoint may serve them: HTTP Basic (scripts)
    /// or the session cookie (the page), the role the endpoint needs, the anonymous-read switch, the CSRF
    /// header for cookie writes, and the forced password change. One per handler thread (it keeps the last
    /// verdict's details for the answer); the accounts behind it are shared.
    /// </summary>
    public sealed class SessionAuthorizer
    {
        public const int Allowed = 0;
        public const int NeedCredentials = 1;
        public const int WrongCredentials = 2;
        public const int Limited = 3;
        public const int MissingCsrfHeader = 4;
        public const int PasswordChangeRequired = 5;
        public const int RoleTooLow = 6;

        /// <summary>The value a cookie-authenticated write must carry in X-Requested-With.</summary>
        public static readonly byte[] CsrfHeaderValue = AsciiBytes.From("e-probe");

        private static readonly byte[] ApiPrefix = AsciiBytes.From("/api/");
        private static readonly byte[] MetricsPath = AsciiBytes.From("/metrics");
        private static readonly byte[] RetryAfterName = AsciiBytes.From("Retry-After: ");

        private readonly UserAccounts _accounts;
        private readonly BasicAuthentication _basic = new BasicAuthentication();
        private int _retryAfterS;
        private int _role;
        private int _required;

        public SessionAuthorizer(UserAccounts accounts)
        {
            _accounts = accounts;
        }

        /// <summary>
        /// Allowed, with request.Role / User / Session set; or why not (see <see cref="WriteDenial"/>).
        /// The head's fields point into buffer.
        /// </summary>
        public int Authorize(byte[] buffer, HttpRequestHead head, IHttpEndpoint endpoint, int method, HttpRequest request,
            int routedPathLength)
        {
            _required = endpoint.RequiredRole(method);
            _role = HttpRole.Anonymous;
            UserConfig user = null;
            bool viaCookie = false;
            if (head.AuthorizationLength > 0)
            {
                int decodedLength;
                int colon = _basic.Decode(buffer, head.AuthorizationStart, head.AuthorizationLength, out decodedLength);
                if (colon < 0)
                {
                    return WrongCredentials;
                }

                int verdict = _accounts.Verify(_basic.Decoded, 0, colon, colon + 1, decodedLength - colon - 1, out user,
                    out _retryAfterS);
                if (verdict == UserAccounts.VerifyLimited)
                {
                    return Limited;
                }

                if (verdict != UserAccounts.VerifyOk)
                {
                    return WrongCredentials;
                }
            }
            else if (head.CookieLength > 0)
            {
                int slot = _accounts.FindSession(buffer, head.CookieStart, head.CookieLength);
                if (slot >= 0)
                {
                    user = _accounts.Find(_accounts.Sessions.User(slot));
                    request.Session = user == null ? -1 : slot;
                    viaCookie = user != null;
                }
            }

            if (user != null)
            {
                _role = user.Role;
                request.Role = user.Role;
                request.User = user.Name;
            }

            if (_required == HttpRole.Anonymous)
            {
                // Login, logout and "who am I": reachable by everyone, they check for themselves.
                return Allowed;
            }

            if (method == HttpRequestHead.MethodGet && _required <= HttpRole.Viewer)
            {
                bool protectedPath = AsciiBytes.Equal(buffer, head.PathStart, head.PathLength, MetricsPath)
                    || (head.PathLength >= ApiPrefix.Length && AsciiBytes.Equal(buffer, head.PathStart, ApiPrefix.Length, ApiPrefix));
                if (_role == HttpRole.Anonymous && protectedPath && !_accounts.AnonymousRead)
                {
                    return NeedCredentials;
                }

                return Allowed;
            }

            if (_role == HttpRole.Anonymous)
            {
                return NeedCredentials;
            }

            if (viaCookie && method != HttpRequestHead.MethodGet && !AsciiBytes.Equal(buffer, head.RequestedWithStart, head.RequestedWithLength, CsrfHeaderValue))
            {
                return MissingCsrfHeader;
            }

            if (user.MustChangePassword && (endpoint as PasswordEndpoint) == null)
            {
                return PasswordChangeRequired;
            }

            return _role >= _required ? Allowed : RoleTooLow;
        }

        /// <summary>Writes the JSON error (and Retry-After for 429) of a denial; returns the status.</summary>
        public int WriteDenial(int denial, HttpResponse response)
        {
            switch (denial)
            {
                case WrongCredentials:
                    return response.Error(HttpStatus.Unauthorized, "wrong user or password");
                case Limited:
                    AddRetryAfter(response, _retryAfterS);
                    return response.Error(HttpStatus.TooManyRequests, "too many failed logins, try again later");
                case MissingCsrfHeader:
                    return response.Error(HttpStatus.Forbidden, "a write with the session cookie needs the header X-Requested-With: e-probe");
                case PasswordChangeRequired:
                    return response.Error(HttpStatus.Forbidden, "password change required");
                case RoleTooLow:
                    return response.Error(HttpStatus.Forbidden, "role " + HttpRole.Name(_role) + " may not do this (needs "
                        + HttpRole.Name(_required) + ")");
                default:
                    return response.Error(HttpStatus.Unauthorized, "authentication required");
            }
        }

        /// <summary>Adds "Retry-After: N" (a refused login may allocate this little field).</summary>
        public static void AddRetryAfter(HttpResponse response, int seconds)
        {
            byte[] scratch = new byte[32];
            int n = AsciiBytes.Copy(RetryAfterName, scratch, 0);
            n = WriteDigits(scratch, n, seconds < 1 ? 1 : seconds);
            scratch[n++] = 13;
            scratch[n++] = 10;
            byte[] field = new byte[n];
            for (int i = 0; i < n; i++)
            {
                field[i] = scratch[i];
            }

            response.AddFields(field);
        }

        private static int WriteDigits(byte[] buffer, int position, int value)
        {
            int start = position;
            do
            {
                buffer[position++] = (byte)('0' + value % 10);
                value /= 10;
            }
            while (value > 0);

            for (int i = start, j = position - 1; i < j; i++, j--)
            {
                byte t = buffer[i];
                buffer[i] = buffer[j];
                buffer[j] = t;
            }

            return position;
        }
    }
}
