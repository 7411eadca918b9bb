using System.Text;
using Ipenergy.Probe.Protocols.Http;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Http
{
    [TestClass]
    public class HttpResponseHeadTests
    {
        private static string Head(int status, int length, int connection)
        {
            byte[] buffer = new byte[HttpResponseHead.MaxLength];
            int end = HttpResponseHead.Write(buffer, 0, status, length, connection);
            return Encoding.UTF8.GetString(buffer, 0, end);
        }

        [TestMethod]
        public void OkKeptAlive()
        {
            Assert.AreEqual(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1234\r\nCache-Control: no-store\r\n\r\n",
                Head(HttpStatus.Ok, 1234, HttpResponseHead.KeepAliveImplicit));
        }

        [TestMethod]
        public void Http10KeepAliveIsSpelledOut()
        {
            Assert.AreEqual(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n",
                Head(HttpStatus.Ok, 5, HttpResponseHead.KeepAliveExplicit));
        }

        [TestMethod]
        public void MethodNotAllowedListsAllowedMethods()
        {
            Assert.AreEqual(
                "HTTP/1.1 405 Method Not Allowed\r\nContent-Type: application/json\r\nContent-Length: 30\r\nCache-Control: no-store\r\nAllow: GET, HEAD\r\n\r\n",
                Head(HttpStatus.MethodNotAllowed, 30, HttpResponseHead.KeepAliveImplicit));
        }

        [TestMethod]
        public void UnavailableSaysWhenToRetry()
        {
            Assert.AreEqual(
                "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: 30\r\nCache-Control: no-store\r\nRetry-After: 1\r\nConnection: close\r\n\r\n",
                Head(HttpStatus.ServiceUnavailable, 30, HttpResponseHead.Close));
        }

        [TestMethod]
        public void EveryStatusHasItsOwnLine()
        {
            int[] codes = { 200, 400, 404, 405, 408, 413, 431, 500, 501, 503, 505 };
            for (int i = 0; i < codes.Length; i++)
            {
                string head = Head(codes[i], 0, HttpResponseHead.Close);
                Assert.StartsWith("HTTP/1.1 " + codes[i].ToString() + " ", head);
                Assert.IsTrue(head.Length < HttpResponseHead.MaxLength, "head too long");
            }

            Assert.StartsWith("HTTP/1.1 500 ", Head(299, 0, HttpResponseHead.Close));
        }
    }
}
