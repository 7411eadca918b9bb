using System.Text;
using Ipenergy.Probe.Protocols.Http;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Http
{
    [TestClass]
    public class HttpRequestParserTests
    {
        private HttpRequestHead _head;
        private byte[] _bytes;

        private int Parse(string request)
        {
            _bytes = Encoding.UTF8.GetBytes(request);
            _head = new HttpRequestHead();
            return HttpRequestParser.Parse(_bytes, 0, _bytes.Length, _head);
        }

        private string Path()
        {
            return Encoding.UTF8.GetString(_bytes, _head.PathStart, _head.PathLength);
        }

        private string Target()
        {
            return Encoding.UTF8.GetString(_bytes, _head.TargetStart, _head.TargetLength);
        }

        // Golden requests: the request-target forms of RFC 9112 section 3.2 and the RFC 9110 example.

        [TestMethod]
        public void OriginFormWithQuery()
        {
            Assert.AreEqual(HttpRequestParser.Ok, Parse("GET /where?q=now HTTP/1.1\r\nHost: www.example.org\r\n\r\n"));
            Assert.AreEqual(HttpRequestHead.MethodGet, _head.Method);
            Assert.AreEqual("/where?q=now", Target());
            Assert.AreEqual("/where", Path());
            Assert.AreEqual(1, _head.VersionMinor);
            Assert.IsTrue(_head.KeepAlive, "HTTP/1.1 is persistent by default");
            Assert.AreEqual(0L, _head.ContentLength);
        }

        [TestMethod]
        public void AbsoluteForm()
        {
            Assert.AreEqual(HttpRequestParser.Ok, Parse("GET http://www.example.org/pub/WWW/TheProject.html HTTP/1.1\r\nHost: www.example.org\r\n\r\n"));
            Assert.AreEqual("/pub/WWW/TheProject.html", Path());
            Assert.AreEqual(HttpRequestParser.Ok, Parse("GET HTTPS://probe:8080/api/v1/measurements?x=1 HTTP/1.1\r\nHost: probe\r\n\r\n"));
            Assert.AreEqual("/api/v1/measurements", Path());
        }

        [TestMethod]
        public void AuthorityForm()
        {
            Assert.AreEqual(HttpRequestParser.Ok, Parse("CONNECT www.example.com:80 HTTP/1.1\r\nHost: www.example.com\r\n\r\n"));
            Assert.AreEqual(HttpRequestHead.MethodOther, _head.Method);
            Assert.AreEqual("www.example.com:80", Path());
        }

        [TestMethod]
        public void AsteriskForm()
        {
            Assert.AreEqual(HttpRequestParser.Ok, Parse("OPTIONS * HTTP/1.1\r\nHost: www.example.org:8001\r\n\r\n"));
            Assert.AreEqual(HttpRequestHead.MethodOther, _head.Method);
            Assert.AreEqual("*", Path());
        }

        [TestMethod]
        public void Rfc9110ExampleRequest()
        {
            Assert.AreEqual(HttpRequestParser.Ok, Parse("GET /hello.txt HTTP/1.1\r\nUser-Agent: curl/7.64.1\r\nHost: www.example.com\r\nAccept-Language: en, mi\r\n\r\n"));
            Assert.AreEqual("/hello.txt", Path());
            Assert.IsTrue(_head.KeepAlive, "keep-alive");
        }

        [TestMethod]
        public void HeadMethod()
        {
            Assert.AreEqual(HttpRequestParser.Ok, Parse("HEAD /api/v1/measurements HTTP/1.1\r\nHost: x\r\n\r\n"));
            Assert.AreEqual(HttpRequestHead.MethodHead, _head.Method);
        }

        [TestMethod]
        public void MethodsAreCaseSensitive()
        {
            Assert.AreEqual(HttpRequestParser.Ok, Parse("get / HTTP/1.1\r\nHost: x\r\n\r\n"));
            Assert.AreEqual(HttpRequestHead.MethodOther, _head.Method);
        }

        [TestMethod]
        public void Http10ClosesUnlessKeepAlive()
        {
            Assert.AreEqual(HttpRequestParser.Ok, Parse("GET / HTTP/1.0\r\n\r\n"));
            Assert.AreEqual(0, _head.VersionMinor);
            Assert.IsFalse(_head.KeepAlive, "1.0 default");
            Assert.AreEqual(HttpRequestParser.Ok, Parse("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n"));
            Assert.IsTrue(_head.KeepAlive, "1.0 with keep-alive");
        }

        [TestMethod]
        public void ConnectionCloseIsHonoured()
        {
            Assert.AreEqual(HttpRequestParser.Ok, Parse("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
            Assert.IsFalse(_head.KeepAlive, "close");
            Assert.AreEqual(HttpRequestParser.Ok, Parse("GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade ,\tCLOSE \r\n\r\n"));
            Assert.IsFalse(_head.KeepAlive, "close in a list");
            Assert.AreEqual(HttpRequestParser.Ok, Parse("GET / HTTP/1.1\r\nHost: x\r\nConnection: closed\r\n\r\n"));
            Assert.IsTrue(_head.KeepAlive, "'closed' is not 'close'");
        }

        [TestMethod]
        public void BareLineFeedsAccepted()
        {
            Assert.AreEqual(HttpRequestParser.Ok, Parse("GET /a HTTP/1.1\nHost: x\n\n"));
            Assert.AreEqual("/a", Path());
        }

        [TestMethod]
        public void LaterMinorVersionIsAnsweredAsHttp11()
        {
            Assert.AreEqual(HttpRequestParser.Ok, Parse("GET / HTTP/1.9\r\nHost: x\r\n\r\n"));
            Assert.AreEqual(1, _head.VersionMinor);
        }

        [TestMethod]
        public void OtherMajorVersionsAre505()
        {
            Assert.AreEqual(HttpStatus.HttpVersionNotSupported, Parse("GET / HTTP/2.0\r\nHost: x\r\n\r\n"));
            Assert.AreEqual(HttpStatus.HttpVersionNotSupported, Parse("GET / HTTP/0.9\r\n\r\n"));
            Assert.AreEqual(HttpStatus.HttpVersionNotSupported, Parse("GET / HTTP/3.0\r\n\r\n"));
        }

        [TestMethod]
        public void ContentLength()
        {
            Assert.AreEqual(HttpRequestParser.Ok, Parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 42\r\n\r\n"));
            Assert.AreEqual(42L, _head.ContentLength);
            Assert.AreEqual(HttpRequestParser.Ok, Parse("POST / HTTP/1.1\r\nHost: x\r\ncontent-length: 7\r\nContent-Length:7\r\n\r\n"));
            Assert.AreEqual(7L, _head.ContentLength);
            Assert.AreEqual(HttpRequestParser.Ok, Parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999999\r\n\r\n"));
            Assert.AreEqual(long.MaxValue, _head.ContentLength);
        }

        [TestMethod]
        public void BadContentLengthIs400()
        {
            Assert.AreEqual(HttpStatus.BadRequest, Parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n"));
            Assert.AreEqual(HttpStatus.BadRequest, Parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"));
            Assert.AreEqual(HttpStatus.BadRequest, Parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1 2\r\n\r\n"));
            Assert.AreEqual(HttpStatus.BadRequest, Parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: \r\n\r\n"));
            Assert.AreEqual(HttpStatus.BadRequest, Parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0x10\r\n\r\n"));
        }

        [TestMethod]
        public void TransferEncodingIsNotTaken()
        {
            Assert.AreEqual(HttpStatus.NotImplemented, Parse("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"));
            Assert.AreEqual(HttpStatus.NotImplemented, Parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"));
            Assert.AreEqual(HttpStatus.BadRequest, Parse("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n"));
        }

        [TestMethod]
        public void ExpectContinue()
        {
            Assert.AreEqual(HttpRequestParser.Ok, Parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: 100-Continue\r\n\r\n"));
            Assert.IsTrue(_head.ExpectContinue, "expect");
            Assert.AreEqual(HttpRequestParser.Ok, Parse("POST / HTTP/1.1\r\nHost: x\r\n\r\n"));
            Assert.IsFalse(_head.ExpectContinue, "no expect");
        }

        [TestMethod]
        public void HostRules()
        {
            Assert.AreEqual(HttpStatus.BadRequest, Parse("GET / HTTP/1.1\r\n\r\n"));
            Assert.AreEqual(HttpStatus.BadRequest, Parse("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"));
            Assert.AreEqual(HttpRequestParser.Ok, Parse("GET / HTTP/1.1\r\nHost:\r\n\r\n"));
            Assert.AreEqual(HttpStatus.BadRequest, Parse("GET / HTTP/1.0\r\nHost: a\r\nhost: a\r\n\r\n"));
        }

        [TestMethod]
        public void MalformedRequestLinesAre400()
        {
            string[] requests =
            {
                "GET  / HTTP/1.1\r\nHost: x\r\n\r\n",
                " GET / HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET / HTTP/1.1 \r\nHost: x\r\n\r\n",
                "GET /\r\nHost: x\r\n\r\n",
                "GET\r\n\r\n",
                "GET / http/1.1\r\nHost: x\r\n\r\n",
                "GET / HTTP/11\r\nHost: x\r\n\r\n",
                "GET / HTTP/1.1x\r\nHost: x\r\n\r\n",
                "GET / HTTP/1.\r\nHost: x\r\n\r\n",
                "GET / HTTP/a.1\r\nHost: x\r\n\r\n",
                "GE(T / HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /a\tb HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET / HTTP/1.1\rHost: x\r\n\r\n",
                "\r\n",
                "",
            };
            for (int i = 0; i < requests.Length; i++)
            {
                Assert.AreEqual(HttpStatus.BadRequest, Parse(requests[i]), "request " + i.ToString());
            }
        }

        [TestMethod]
        public void MalformedHeadersAre400()
        {
            string[] requests =
            {
                "GET / HTTP/1.1\r\nHost : x\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n folded\r\n\r\n",
                "GET / HTTP/1.1\r\n Host: x\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: x\r\n: empty-name\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0001b\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: x\r\nX-Bad: a\rb\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: x\r\nX-Bad: a\u007fb\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: x\r\nX(Bad): 1\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: x\r\n",
            };
            for (int i = 0; i < requests.Length; i++)
            {
                Assert.AreEqual(HttpStatus.BadRequest, Parse(requests[i]), "request " + i.ToString());
            }
        }

        [TestMethod]
        public void NonAsciiInTargetIs400ButAllowedInFieldValues()
        {
            byte[] request = Encoding.UTF8.GetBytes("GET /x HTTP/1.1\r\nHost: x\r\nX-Name: \u00e9t\u00e9\r\n\r\n");
            HttpRequestHead head = new HttpRequestHead();
            Assert.AreEqual(HttpRequestParser.Ok, HttpRequestParser.Parse(request, 0, request.Length, head));
            request[5] = 0x80;
            Assert.AreEqual(HttpStatus.BadRequest, HttpRequestParser.Parse(request, 0, request.Length, head));
            request[5] = 0;
            Assert.AreEqual(HttpStatus.BadRequest, HttpRequestParser.Parse(request, 0, request.Length, head));
        }

        [TestMethod]
        public void ParsesAtAnOffset()
        {
            byte[] request = Encoding.UTF8.GetBytes("garbageGET /api/v1/measurements HTTP/1.1\r\nHost: x\r\n\r\nmore");
            HttpRequestHead head = new HttpRequestHead();
            int length = HttpRequestParser.FindHeadEnd(request, 7, request.Length - 7, 0);
            Assert.AreEqual(request.Length - 7 - 4, length);
            Assert.AreEqual(HttpRequestParser.Ok, HttpRequestParser.Parse(request, 7, length, head));
            Assert.AreEqual("/api/v1/measurements", Encoding.UTF8.GetString(request, head.PathStart, head.PathLength));
        }

        [TestMethod]
        public void FindHeadEndWaitsForTheEmptyLine()
        {
            byte[] request = Encoding.UTF8.GetBytes("GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /next HTTP/1.1\r\n");
            int full = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".Length;
            int scanned = 0;
            for (int available = 0; available < full; available++)
            {
                Assert.AreEqual(-1, HttpRequestParser.FindHeadEnd(request, 0, available, scanned), "at " + available.ToString());
                scanned = available;
            }

            Assert.AreEqual(full, HttpRequestParser.FindHeadEnd(request, 0, full, scanned));
            Assert.AreEqual(full, HttpRequestParser.FindHeadEnd(request, 0, request.Length, 0), "stops at the first head");
        }

        [TestMethod]
        public void FindHeadEndWithBareLineFeeds()
        {
            byte[] a = Encoding.UTF8.GetBytes("GET / HTTP/1.1\nHost: x\n\nrest");
            Assert.AreEqual(a.Length - 4, HttpRequestParser.FindHeadEnd(a, 0, a.Length, 0));
            byte[] b = Encoding.UTF8.GetBytes("GET / HTTP/1.1\nHost: x\n\r\nrest");
            Assert.AreEqual(b.Length - 4, HttpRequestParser.FindHeadEnd(b, 0, b.Length, 0));
            byte[] c = Encoding.UTF8.GetBytes("GET / HTTP/1.1\r\nHost: x\r\r\nX: y\r\n\r\n");
            Assert.AreEqual(c.Length, HttpRequestParser.FindHeadEnd(c, 0, c.Length, 0), "CR CR LF does not end the head");
            Assert.AreEqual(HttpStatus.BadRequest, HttpRequestParser.Parse(c, 0, c.Length, new HttpRequestHead()));
        }

        [TestMethod]
        public void LeadingEmptyLinesAreCounted()
        {
            byte[] request = Encoding.UTF8.GetBytes("\r\n\r\nGET / HTTP/1.1\r\n");
            Assert.AreEqual(4, HttpRequestParser.CountLeadingEmptyLines(request, 0, request.Length));
            Assert.AreEqual(0, HttpRequestParser.CountLeadingEmptyLines(request, 4, request.Length - 4));
        }
    }
}
