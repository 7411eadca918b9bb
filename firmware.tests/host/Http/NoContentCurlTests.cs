using System;
using System.Text.RegularExpressions;
using Xunit;

namespace Ipenergy.Probe.Tests.Http
{
    /// <summary>
    /// 204 No Content (DELETE /api/v1/session) carries neither Content-Length (RFC 9110 8.6: a server MUST NOT send
    /// it in a 204) nor Content-Type, and no body: curl sees none and the keep-alive connection stays framed.
    /// </summary>
    public sealed class NoContentCurlTests : IDisposable
    {
        private readonly PageTestServer _server = new PageTestServer(true);

        public void Dispose()
        {
            _server.Dispose();
        }

        [Fact]
        public void LogoutAnswers204WithoutLengthTypeOrBody()
        {
            string cookie = Login();
            CurlRunner.Result r = CurlRunner.Run("-sSi", "--http1.1", "-X", "DELETE", "-H", "Cookie: " + cookie,
                "-w", "\nbody bytes: %{size_download}", _server.Base + "/api/v1/session");
            Assert.True(r.ExitCode == 0, "curl exited " + r.ExitCode + ": " + r.Stderr);
            Assert.EndsWith("\r\n\r\n\nbody bytes: 0", r.Stdout);
            HttpResponseText response = HttpResponseText.Parse(r.Stdout.Substring(0, r.Stdout.LastIndexOf('\n')));
            Assert.Equal(204, response.Status);
            Assert.Null(response.Header("Content-Length"));
            Assert.Null(response.Header("Content-Type"));

            // The session is gone.
            Assert.Equal(401, CurlRunner.Fetch("-H", "Cookie: " + cookie, _server.Base + "/api/v1/session").Status);
        }

        [Fact]
        public void KeepAliveConnectionStaysFramedAfter204()
        {
            string cookie = Login();
            using var client = new RawHttpClient(new Uri(_server.Base).Port);
            client.Send("DELETE /api/v1/session HTTP/1.1\r\nHost: p\r\nCookie: " + cookie + "\r\n\r\n"
                + "GET /api/v1/session HTTP/1.1\r\nHost: p\r\nCookie: " + cookie + "\r\nConnection: close\r\n\r\n");
            HttpResponseText deleted = client.ReadResponse();
            Assert.Equal(204, deleted.Status);
            Assert.Null(deleted.Header("Content-Length"));
            HttpResponseText after = client.ReadResponse();
            Assert.Equal(401, after.Status);
            Assert.Contains("\"error\"", after.Body);
            Assert.Empty(client.ReadToEnd());
        }

        // The factory admin logs in (it may read and log out before changing its password).
        private string Login()
        {
            HttpResponseText login = CurlRunner.Fetch("-X", "POST", "-H", "Content-Type: application/json",
                "--data-binary", "{\"user\":\"admin\",\"password\":\"admin\"}", _server.Base + "/api/v1/session");
            Assert.True(login.Status == 200, login.StatusLine + " " + login.Body);
            Match m = Regex.Match(login.Header("Set-Cookie") ?? "", "^(eprobe_session=[0-9a-f]{32});");
            Assert.True(m.Success, "no session cookie: " + login.Header("Set-Cookie"));
            return m.Groups[1].Value;
        }
    }
}
