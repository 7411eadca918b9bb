using System.Text;
using Ipenergy.Probe.Protocols.Http;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Http
{
    /// <summary>If-None-Match found by the parser; 204 and 304 heads without Content-Length or Content-Type.</summary>
    [TestClass]
    public class BodilessAndConditionalTests
    {
        private static string IfNoneMatchOf(string request)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(request);
            HttpRequestHead head = new HttpRequestHead();
            Assert.AreEqual(HttpRequestParser.Ok, HttpRequestParser.Parse(bytes, 0, bytes.Length, head));
            return Encoding.UTF8.GetString(bytes, head.IfNoneMatchStart, head.IfNoneMatchLength);
        }

        [TestMethod]
        public void IfNoneMatchValueWithoutSurroundingWhitespace()
        {
            Assert.AreEqual("W/\"abc\", \"d\"",
                IfNoneMatchOf("GET / HTTP/1.1\r\nHost: x\r\nIf-None-Match: \t W/\"abc\", \"d\" \r\n\r\n"));
            Assert.AreEqual("*", IfNoneMatchOf("GET / HTTP/1.1\r\nif-none-match:*\r\nHost: x\r\n\r\n"));
        }

        [TestMethod]
        public void IfNoneMatchAbsentOrEmpty()
        {
            Assert.AreEqual("", IfNoneMatchOf("GET / HTTP/1.1\r\nHost: x\r\nIf-Match: \"a\"\r\n\r\n"));
            Assert.AreEqual("", IfNoneMatchOf("GET / HTTP/1.1\r\nHost: x\r\nIf-None-Match:\r\n\r\n"));
        }

        [TestMethod]
        public void IfNoneMatchClearedBetweenRequests()
        {
            HttpRequestHead head = new HttpRequestHead();
            byte[] first = Encoding.UTF8.GetBytes("GET / HTTP/1.1\r\nHost: x\r\nIf-None-Match: \"a\"\r\n\r\n");
            Assert.AreEqual(HttpRequestParser.Ok, HttpRequestParser.Parse(first, 0, first.Length, head));
            Assert.AreEqual(3, head.IfNoneMatchLength);
            byte[] second = Encoding.UTF8.GetBytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            Assert.AreEqual(HttpRequestParser.Ok, HttpRequestParser.Parse(second, 0, second.Length, head));
            Assert.AreEqual(0, head.IfNoneMatchLength);
        }

        [TestMethod]
        public void NoContentHasNeitherLengthNorType()
        {
            byte[] buffer = new byte[HttpResponseHead.MaxLength];
            int end = HttpResponseHead.Write(buffer, 0, HttpStatus.NoContent, 0, HttpResponseHead.KeepAliveImplicit);
            Assert.AreEqual("HTTP/1.1 204 No Content\r\nCache-Control: no-store\r\n\r\n", Encoding.UTF8.GetString(buffer, 0, end));
        }

        [TestMethod]
        public void NotModifiedKeepsOnlyTheGivenFields()
        {
            byte[] buffer = new byte[HttpResponseHead.MaxLength];
            byte[] fields = Encoding.UTF8.GetBytes("ETag: \"ab\"\r\nCache-Control: no-cache\r\n");
            int end = HttpResponseHead.Write(buffer, 0, HttpStatus.NotModified, 1234, HttpResponseHead.Close,
                HttpResponseHead.ContentSupplied, fields, fields.Length);
            Assert.AreEqual("HTTP/1.1 304 Not Modified\r\nETag: \"ab\"\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
                Encoding.UTF8.GetString(buffer, 0, end));

            // Even with a JSON type asked for, a 304 names no type and no length.
            end = HttpResponseHead.Write(buffer, 0, HttpStatus.NotModified, 10, HttpResponseHead.KeepAliveImplicit);
            Assert.AreEqual("HTTP/1.1 304 Not Modified\r\nCache-Control: no-store\r\n\r\n", Encoding.UTF8.GetString(buffer, 0, end));
        }

        [TestMethod]
        public void HeadOfAnOkStillHasTheLength()
        {
            byte[] buffer = new byte[HttpResponseHead.MaxLength];
            int end = HttpResponseHead.Write(buffer, 0, HttpStatus.Ok, 77, HttpResponseHead.KeepAliveImplicit);
            Assert.Contains("Content-Length: 77\r\n", Encoding.UTF8.GetString(buffer, 0, end));
        }
    }
}
