using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// /api/v1/users/&lt;name&gt; (admin): PUT {"role":"operator","password":"…"} creates a user (both
    /// needed) or changes its role and/or password (either); a password an admin sets for another user
    /// must be changed at that user's first login. DELETE removes the user and ends its sessions; the
    /// last admin cannot be removed or demoted (400). Answers 200 {"name","role","mustChangePassword"}
    /// or 204 for DELETE. Names: 1..32 letters, digits, '.', '_', '-'.
    /// </summary>
    public sealed class UsersEndpoint : IHttpEndpoint
    {
        private static readonly byte[] PathBytes = AsciiBytes.From("/api/v1/users/");
        private static readonly byte[] Allow = AsciiBytes.From("Allow: PUT, DELETE\r\n");
        private static readonly string[] Fields = { "role", "password" };

        private readonly UserAccounts _accounts;
        private readonly object _sync = new object();

        public UsersEndpoint(UserAccounts accounts)
        {
            _accounts = accounts;
        }

        public byte[] Path { get { return PathBytes; } }

        public byte[] AllowField { get { return Allow; } }

        public bool Allows(int method)
        {
            return method == HttpRequestHead.MethodPut || method == HttpRequestHead.MethodDelete;
        }

        public int RequiredRole(int method)
        {
            return HttpRole.Admin;
        }

        public int MaxBodyLength(int method)
        {
            return method == HttpRequestHead.MethodPut ? SessionEndpoint.MaxLoginBody : 0;
        }

        public int Handle(HttpRequest request, HttpResponse response)
        {
            string name = NameOf(request);
            string error = ConfigValidator.UserName("name", name);
            if (error != null)
            {
                return response.Error(HttpStatus.BadRequest, error);
            }

            lock (_sync)
            {
                if (request.Method == HttpRequestHead.MethodDelete)
                {
                    if (_accounts.Find(name) == null)
                    {
                        return response.Error(HttpStatus.NotFound, "no user \"" + name + "\"");
                    }

                    error = _accounts.DeleteUser(name);
                    return error == null ? HttpStatus.NoContent : response.Error(HttpStatus.BadRequest, error);
                }

                string[] values = new string[2];
                error = UserRequestBody.Read(request.Body, request.BodyLength, Fields, values);
                int role = -1;
                if (error == null && values[0] != null)
                {
                    role = HttpRole.Parse(values[0]);
                    if (role < HttpRole.Viewer)
                    {
                        error = "role: must be viewer, operator or admin, got \"" + values[0] + "\"";
                    }
                }

                if (error == null && values[0] == null && values[1] == null)
                {
                    error = "body: \"role\" and/or \"password\" are required";
                }

                if (error == null)
                {
                    // The admin's own new password is known only to them; anyone else's must be changed at first use.
                    error = _accounts.PutUser(name, role, values[1], name != request.User);
                }

                if (error != null)
                {
                    return response.Error(HttpStatus.BadRequest, error);
                }

                UserConfig user = _accounts.Find(name);
                JsonWriter w = response.Json;
                w.WriteStartObject();
                w.WriteName("name");
                w.WriteString(user.Name);
                w.WriteName("role");
                w.WriteString(HttpRole.Name(user.Role));
                w.WriteName("mustChangePassword");
                w.WriteBoolean(user.MustChangePassword);
                w.WriteEndObject();
                return HttpStatus.Ok;
            }
        }

        // The path tail, percent-decoding left out: valid names need none, anything else is refused by the name rule.
        private static string NameOf(HttpRequest request)
        {
            char[] chars = new char[request.PathTailLength];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)request.PathTail[i];
            }

            return new string(chars);
        }
    }
}
