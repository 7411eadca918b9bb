using System;
using System.Text.Json;
using Ipenergy.Probe.Config;
using Xunit;

namespace Ipenergy.Probe.Tests.Http
{
    /// <summary>
    /// Users, roles and sessions through real curl against an in-process server: login and cookie, the CSRF
    /// header, the forced password change, roles on every write endpoint, idle expiry, the login rate
    /// limit, and anonymous reading switched off.
    /// </summary>
    public sealed class AuthSessionCurlTests : IDisposable
    {
        private const string Csrf = "X-Requested-With: e-probe";
        private const string Json = "Content-Type: application/json";
        private readonly AuthTestServer _s = new AuthTestServer();

        public void Dispose()
        {
            _s.Dispose();
        }

        private string Url(string path)
        {
            return _s.Base + path;
        }

        private HttpResponseText Login(string jar, string user, string password)
        {
            return CurlRunner.Fetch("-c", jar, "-b", jar, "-X", "POST", "-H", Json,
                "--data-binary", "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}", Url("/api/v1/session"));
        }

        private static string Error(HttpResponseText r)
        {
            using JsonDocument doc = JsonDocument.Parse(r.Body);
            return doc.RootElement.GetProperty("error").GetString();
        }

        // The admin's factory password replaced (as EPROBE_ADMIN_PASSWORD does), plus a viewer and an operator.
        private void ThreeUsers()
        {
            Assert.Null(_s.Accounts.SetInitialAdminPassword("adm1n-pass"));
            Assert.Null(_s.Accounts.PutUser("vera", 1, "viewer-pass", false));
            Assert.Null(_s.Accounts.PutUser("otto", 2, "operator-pass", false));
        }

        [Fact]
        public void LoginSetsAnHttpOnlyStrictCookieAndTheSessionSaysWhoItIs()
        {
            string jar = _s.NewJar();
            HttpResponseText r = Login(jar, "admin", "admin");
            Assert.Equal(200, r.Status);
            string cookie = r.Header("Set-Cookie");
            Assert.Matches("^eprobe_session=[0-9a-f]{32}; Path=/; HttpOnly; SameSite=Strict$", cookie);
            using (JsonDocument doc = JsonDocument.Parse(r.Body))
            {
                Assert.Equal("admin", doc.RootElement.GetProperty("user").GetString());
                Assert.Equal("admin", doc.RootElement.GetProperty("role").GetString());
                Assert.True(doc.RootElement.GetProperty("mustChangePassword").GetBoolean());
                Assert.Equal(1800, doc.RootElement.GetProperty("expiresInS").GetInt32());
            }

            HttpResponseText me = CurlRunner.Fetch("-b", jar, Url("/api/v1/session"));
            Assert.Equal(200, me.Status);
            Assert.Contains("\"user\":\"admin\"", me.Body);

            HttpResponseText anonymous = CurlRunner.Fetch(Url("/api/v1/session"));
            Assert.Equal(401, anonymous.Status);
            Assert.Equal("not logged in", Error(anonymous));

            HttpResponseText wrong = Login(_s.NewJar(), "admin", "nope");
            Assert.Equal(401, wrong.Status);
            Assert.Equal("wrong user or password", Error(wrong));
            Assert.Null(wrong.Header("Set-Cookie"));

            Assert.Equal(204, CurlRunner.Fetch("-b", jar, "-X", "DELETE", Url("/api/v1/session")).Status);
            Assert.Equal(401, CurlRunner.Fetch("-b", jar, Url("/api/v1/session")).Status);
        }

        [Fact]
        public void FactoryPasswordMustBeChangedBeforeAnyOtherWrite()
        {
            string jar = _s.NewJar();
            Assert.Equal(200, Login(jar, "admin", "admin").Status);
            HttpResponseText blocked = CurlRunner.Fetch("-b", jar, "-X", "PUT", "-H", Csrf, "--data-binary",
                "{\"modbus\":{\"unitId\":9}}", Url("/api/v1/config"));
            Assert.Equal(403, blocked.Status);
            Assert.Equal("password change required", Error(blocked));
            HttpResponseText basicBlocked = CurlRunner.Fetch("-u", "admin:admin", "-X", "PUT", "--data-binary",
                "{\"modbus\":{\"unitId\":9}}", Url("/api/v1/config"));
            Assert.Equal(403, basicBlocked.Status);

            // The password change itself: CSRF header, strength, current password.
            string change = "{\"current\":\"admin\",\"new\":\"correct-horse\"}";
            Assert.Equal(403, CurlRunner.Fetch("-b", jar, "-X", "PUT", "--data-binary", change, Url("/api/v1/session/password")).Status);
            HttpResponseText weak = CurlRunner.Fetch("-b", jar, "-X", "PUT", "-H", Csrf, "--data-binary",
                "{\"current\":\"admin\",\"new\":\"short\"}", Url("/api/v1/session/password"));
            Assert.Equal(400, weak.Status);
            Assert.Contains("8..64 characters", Error(weak));
            HttpResponseText same = CurlRunner.Fetch("-b", jar, "-X", "PUT", "-H", Csrf, "--data-binary",
                "{\"current\":\"correct-horse\",\"new\":\"correct-horse\"}", Url("/api/v1/session/password"));
            Assert.Equal(403, same.Status);
            Assert.Equal("current password is wrong", Error(same));
            Assert.Equal(204, CurlRunner.Fetch("-b", jar, "-X", "PUT", "-H", Csrf, "--data-binary", change, Url("/api/v1/session/password")).Status);

            HttpResponseText me = CurlRunner.Fetch("-b", jar, Url("/api/v1/session"));
            Assert.Contains("\"mustChangePassword\":false", me.Body);
            HttpResponseText applied = CurlRunner.Fetch("-b", jar, "-X", "PUT", "-H", Csrf, "--data-binary",
                "{\"modbus\":{\"unitId\":9}}", Url("/api/v1/config"));
            Assert.Equal(200, applied.Status);
            Assert.Equal(9, _s.Config.Current.Modbus.UnitId);
            Assert.Equal(401, CurlRunner.Fetch("-u", "admin:admin", "-X", "PUT", "--data-binary", "{}", Url("/api/v1/config")).Status);
            Assert.Equal(200, CurlRunner.Fetch("-u", "admin:correct-horse", "-X", "PUT", "--data-binary", "{}", Url("/api/v1/config")).Status);

            // The verifier changed with a fresh salt; GET /api/v1/config shows no trace of it.
            UserConfig admin = _s.Config.Current.FindUser("admin");
            Assert.NotEqual(UserConfig.DefaultAdminSalt, admin.Salt);
            string exported = CurlRunner.Fetch(Url("/api/v1/config")).Body;
            Assert.Contains("\"users\":[{\"name\":\"admin\",\"role\":\"admin\"}]", exported);
            Assert.DoesNotContain(admin.Hash, exported);
            Assert.DoesNotContain(admin.Salt, exported);
        }

        [Fact]
        public void CookieWritesNeedTheCsrfHeaderBasicWritesDoNot()
        {
            ThreeUsers();
            string jar = _s.NewJar();
            Assert.Equal(200, Login(jar, "admin", "adm1n-pass").Status);
            HttpResponseText noHeader = CurlRunner.Fetch("-b", jar, "-X", "PUT", "--data-binary", "{\"modbus\":{\"unitId\":7}}", Url("/api/v1/config"));
            Assert.Equal(403, noHeader.Status);
            Assert.Contains("X-Requested-With: e-probe", Error(noHeader));
            HttpResponseText wrongValue = CurlRunner.Fetch("-b", jar, "-X", "PUT", "-H", "X-Requested-With: XMLHttpRequest",
                "--data-binary", "{\"modbus\":{\"unitId\":7}}", Url("/api/v1/config"));
            Assert.Equal(403, wrongValue.Status);
            Assert.Equal(1, _s.Config.Current.Modbus.UnitId);
            Assert.Equal(200, CurlRunner.Fetch("-b", jar, "-X", "PUT", "-H", Csrf, "--data-binary", "{\"modbus\":{\"unitId\":7}}", Url("/api/v1/config")).Status);
            Assert.Equal(200, CurlRunner.Fetch("-u", "admin:adm1n-pass", "-X", "PUT", "--data-binary", "{\"modbus\":{\"unitId\":8}}", Url("/api/v1/config")).Status);
            Assert.Equal(8, _s.Config.Current.Modbus.UnitId);

            // Without credentials: 401 with a Basic challenge for scripts, none for the page's own requests.
            HttpResponseText anonymous = CurlRunner.Fetch("-X", "PUT", "--data-binary", "{}", Url("/api/v1/config"));
            Assert.Equal(401, anonymous.Status);
            Assert.StartsWith("Basic", anonymous.Header("WWW-Authenticate"));
            HttpResponseText fromPage = CurlRunner.Fetch("-X", "PUT", "-H", Csrf, "--data-binary", "{}", Url("/api/v1/config"));
            Assert.Equal(401, fromPage.Status);
            Assert.Null(fromPage.Header("WWW-Authenticate"));
        }

        [Fact]
        public void EveryWriteEndpointChecksTheRole()
        {
            ThreeUsers();
            string label = "{\"channels\":[{\"label\":\"rack A feed 1\",\"customer\":\"ACME\"}]}";
            string ct = "{\"channels\":[{\"ctRatedA\":50}]}";
            string newUser = "{\"role\":\"viewer\",\"password\":\"someone-else\"}";
            string[][] writes =
            {
                // method, path, body, least role that may
                new[] { "PUT", "/api/v1/config", label, "operator" },
                new[] { "PUT", "/api/v1/config", ct, "admin" },
                new[] { "PUT", "/api/v1/users/zoe", newUser, "admin" },
                new[] { "DELETE", "/api/v1/users/zoe", "", "admin" },
                new[] { "PUT", "/api/v1/config/factory-reset", "", "admin" },
            };
            string[] users = { "vera:viewer-pass", "otto:operator-pass", "admin:adm1n-pass" };
            string[] roles = { "viewer", "operator", "admin" };
            foreach (string[] write in writes)
            {
                for (int u = 0; u < users.Length; u++)
                {
                    bool may = Array.IndexOf(roles, roles[u]) >= Array.IndexOf(roles, write[3]);
                    var args = new System.Collections.Generic.List<string> { "-u", users[u], "-X", write[0] };
                    if (write[2].Length > 0)
                    {
                        args.Add("--data-binary");
                        args.Add(write[2]);
                    }

                    args.Add(Url(write[1]));
                    HttpResponseText r = CurlRunner.Fetch(args.ToArray());
                    string what = roles[u] + " " + write[0] + " " + write[1] + " " + write[2] + ": " + r.StatusLine + " " + r.Body;
                    if (may)
                    {
                        Assert.True(r.Status == 200 || r.Status == 204, what);
                    }
                    else
                    {
                        Assert.True(r.Status == 403, what);
                        Assert.StartsWith("role " + roles[u] + " may ", Error(r));
                    }
                }
            }

            // The factory reset (last) brought back the factory admin alone.
            Assert.Single(_s.Config.Current.Users);
            ThreeUsers();

            // The operator's refusal names the field that is not a label.
            HttpResponseText refused = CurlRunner.Fetch("-u", "otto:operator-pass", "-X", "PUT", "--data-binary",
                "{\"channels\":[{\"label\":\"x\",\"ctRatedA\":60}]}", Url("/api/v1/config"));
            Assert.Equal(403, refused.Status);
            Assert.Equal("role operator may change labels only, not channels[0].ctRatedA", Error(refused));
            HttpResponseText snmp = CurlRunner.Fetch("-u", "otto:operator-pass", "-X", "PUT", "--data-binary",
                "{\"snmp\":{\"readCommunity\":\"other\"}}", Url("/api/v1/config"));
            Assert.Equal(403, snmp.Status);
            Assert.Equal("role operator may change labels only, not snmp", Error(snmp));
            Assert.Equal("public", _s.Config.Current.Snmp.ReadCommunity);

            // An exported document sent back with a label changed is fine for an operator.
            string exported = CurlRunner.Fetch(Url("/api/v1/config")).Body.Replace("\"feed\":\"\"", "\"feed\":\"B\"");
            Assert.Equal(200, CurlRunner.Fetch("-u", "otto:operator-pass", "-X", "PUT", "--data-binary", exported, Url("/api/v1/config")).Status);
        }

        [Fact]
        public void UsersAreManagedByTheAdmin()
        {
            ThreeUsers();
            HttpResponseText created = CurlRunner.Fetch("-u", "admin:adm1n-pass", "-X", "PUT", "--data-binary",
                "{\"role\":\"operator\",\"password\":\"first-pass-1\"}", Url("/api/v1/users/zoe"));
            Assert.Equal(200, created.Status);
            Assert.Equal("{\"name\":\"zoe\",\"role\":\"operator\",\"mustChangePassword\":true}", created.Body);
            Assert.Equal(403, CurlRunner.Fetch("-u", "zoe:first-pass-1", "-X", "PUT", "--data-binary", "{\"channels\":[{\"label\":\"z\"}]}", Url("/api/v1/config")).Status);
            Assert.Equal(204, CurlRunner.Fetch("-u", "zoe:first-pass-1", "-X", "PUT", "--data-binary",
                "{\"current\":\"first-pass-1\",\"new\":\"zoes-own-pass\"}", Url("/api/v1/session/password")).Status);
            Assert.Equal(200, CurlRunner.Fetch("-u", "zoe:zoes-own-pass", "-X", "PUT", "--data-binary", "{\"channels\":[{\"label\":\"z\"}]}", Url("/api/v1/config")).Status);

            Assert.Equal(400, CurlRunner.Fetch("-u", "admin:adm1n-pass", "-X", "PUT", "--data-binary", "{\"role\":\"root\"}", Url("/api/v1/users/zoe")).Status);
            Assert.Equal(400, CurlRunner.Fetch("-u", "admin:adm1n-pass", "-X", "PUT", "--data-binary", "{\"role\":\"viewer\"}", Url("/api/v1/users/new-one")).Status);
            Assert.Equal(400, CurlRunner.Fetch("-u", "admin:adm1n-pass", "-X", "PUT", "--data-binary", "{\"role\":\"viewer\"}", Url("/api/v1/users/bad%20name")).Status);
            HttpResponseText lastAdmin = CurlRunner.Fetch("-u", "admin:adm1n-pass", "-X", "DELETE", Url("/api/v1/users/admin"));
            Assert.Equal(400, lastAdmin.Status);
            Assert.Equal("users: at least one user must be admin", Error(lastAdmin));
            Assert.Equal(404, CurlRunner.Fetch("-u", "admin:adm1n-pass", "-X", "DELETE", Url("/api/v1/users/nobody")).Status);

            // Removing a user ends its sessions at once.
            string jar = _s.NewJar();
            Assert.Equal(200, Login(jar, "zoe", "zoes-own-pass").Status);
            Assert.Equal(204, CurlRunner.Fetch("-u", "admin:adm1n-pass", "-X", "DELETE", Url("/api/v1/users/zoe")).Status);
            Assert.Equal(401, CurlRunner.Fetch("-b", jar, Url("/api/v1/session")).Status);
            Assert.Null(_s.Config.Current.FindUser("zoe"));
        }

        [Fact]
        public void IdleSessionsExpire()
        {
            ThreeUsers();
            Assert.Null(_s.Config.Apply(System.Text.Encoding.ASCII.GetBytes("{\"http\":{\"sessionTimeoutS\":60}}"), 0, 31));
            string jar = _s.NewJar();
            Assert.Equal(200, Login(jar, "vera", "viewer-pass").Status);
            _s.Clock.Advance(59000);
            HttpResponseText alive = CurlRunner.Fetch("-b", jar, Url("/api/v1/session"));
            Assert.Equal(200, alive.Status);
            Assert.Contains("\"expiresInS\":60", alive.Body);
            _s.Clock.Advance(59000);
            Assert.Equal(200, CurlRunner.Fetch("-b", jar, Url("/api/v1/session")).Status);
            _s.Clock.Advance(60001);
            Assert.Equal(401, CurlRunner.Fetch("-b", jar, Url("/api/v1/session")).Status);
            Assert.Equal(0, _s.Accounts.Sessions.OpenCount);
        }

        [Fact]
        public void RepeatedFailuresAreAnswered429WithRetryAfter()
        {
            ThreeUsers();
            for (int i = 0; i < 5; i++)
            {
                Assert.Equal(401, CurlRunner.Fetch("-u", "otto:guess" + i, "-X", "PUT", "--data-binary", "{}", Url("/api/v1/config")).Status);
            }

            HttpResponseText limited = CurlRunner.Fetch("-u", "otto:operator-pass", "-X", "PUT", "--data-binary", "{}", Url("/api/v1/config"));
            Assert.Equal(429, limited.Status);
            int retryAfter = int.Parse(limited.Header("Retry-After"));
            Assert.InRange(retryAfter, 1, 60);
            Assert.Contains("too many", Error(limited));
            HttpResponseText loginLimited = Login(_s.NewJar(), "otto", "operator-pass");
            Assert.Equal(429, loginLimited.Status);
            Assert.NotNull(loginLimited.Header("Retry-After"));

            // Another user is not locked out by otto's failures; otto is again after the minute.
            Assert.Equal(200, Login(_s.NewJar(), "vera", "viewer-pass").Status);
            _s.Clock.Advance(60001);
            Assert.Equal(200, Login(_s.NewJar(), "otto", "operator-pass").Status);
        }

        [Fact]
        public void AnonymousReadOffAnswers401ToReadsButLoginStillWorks()
        {
            ThreeUsers();
            Assert.Equal(200, CurlRunner.Fetch(Url("/api/v1/measurements")).Status);
            Assert.Equal(200, CurlRunner.Fetch("-u", "admin:adm1n-pass", "-X", "PUT", "--data-binary",
                "{\"http\":{\"anonymousRead\":false}}", Url("/api/v1/config")).Status);
            HttpResponseText refused = CurlRunner.Fetch(Url("/api/v1/measurements"));
            Assert.Equal(401, refused.Status);
            Assert.Equal("authentication required", Error(refused));
            Assert.Equal(401, CurlRunner.Fetch(Url("/api/v1/config")).Status);
            Assert.Equal(401, CurlRunner.Fetch("-I", Url("/api/v1/config")).Status);
            Assert.Equal(404, CurlRunner.Fetch(Url("/index-not-here.html")).Status);
            Assert.Equal(200, CurlRunner.Fetch("-u", "vera:viewer-pass", Url("/api/v1/measurements")).Status);
            string jar = _s.NewJar();
            Assert.Equal(200, Login(jar, "vera", "viewer-pass").Status);
            Assert.Equal(200, CurlRunner.Fetch("-b", jar, Url("/api/v1/config")).Status);
        }
    }
}
