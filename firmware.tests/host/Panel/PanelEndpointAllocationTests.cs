using System;
using System.Reflection;
using System.Text;
using Ipenergy.Probe.Protocols.Http;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Panel
{
    /// <summary>
    /// The panel routes allocate nothing per request once warm: GET /api/v1/panel at scales 1 and 4 (frame copy,
    /// PNG encoding, copy into the response), its 304, and POST /api/v1/panel/keys (JSON read, presses queued),
    /// measured with GC.GetAllocatedBytesForCurrentThread around 1000 calls of each endpoint's Handle.
    /// </summary>
    public sealed class PanelEndpointAllocationTests
    {
        private readonly ITestOutputHelper _output;

        public PanelEndpointAllocationTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void PanelRequestsAllocateNothingInSteadyState()
        {
            var mirror = new CountingMirror();
            var panel = new PanelEndpoint { Mirror = mirror };
            var keys = new PanelKeysEndpoint { Mirror = mirror };
            var response = new HttpResponse(1024);

            var scale4 = Request("scale=4");
            var scale1 = Request("scale=1");
            var conditional = Request("");
            byte[] tag = Encoding.ASCII.GetBytes("\"0000000007\"");
            typeof(HttpRequest).GetMethod("SetIfNoneMatch", BindingFlags.Instance | BindingFlags.NonPublic)
                .Invoke(conditional, new object[] { tag, 0, tag.Length });
            var press = Request("");
            byte[] body = Encoding.ASCII.GetBytes("{\"keys\":[\"down\",\"enter\",\"back\"],\"long\":false}");
            typeof(HttpRequest).GetProperty("Body").SetValue(press, body);
            typeof(HttpRequest).GetProperty("BodyLength").SetValue(press, body.Length);

            for (int i = 0; i < 10; i++)
            {
                Serve(panel, keys, response, scale4, scale1, conditional, press);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            int pngBytes = 0;
            for (int i = 0; i < 1000; i++)
            {
                pngBytes = Serve(panel, keys, response, scale4, scale1, conditional, press);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            _output.WriteLine("1000 x (GET scale 4, GET scale 1, 304, POST 3 keys): " + allocated + " bytes allocated; PNG scale 4 = "
                + pngBytes + " bytes; response buffer " + response.Capacity);
            Assert.Equal(0, allocated);
            Assert.Equal(1010 * 3, mirror.Presses);
        }

        // Plain comparisons: xUnit's Assert.Equal allocates, the endpoints must not.
        private static int Serve(PanelEndpoint panel, PanelKeysEndpoint keys, HttpResponse response,
            HttpRequest scale4, HttpRequest scale1, HttpRequest conditional, HttpRequest press)
        {
            response.Reset();
            Expect(HttpStatus.Ok, panel.Handle(scale4, response));
            int length = response.BodyLength;
            response.Reset();
            Expect(HttpStatus.Ok, panel.Handle(scale1, response));
            response.Reset();
            Expect(HttpStatus.NotModified, panel.Handle(conditional, response));
            response.Reset();
            Expect(HttpStatus.Accepted, keys.Handle(press, response));
            return length;
        }

        private static void Expect(int status, int got)
        {
            if (status != got)
            {
                throw new InvalidOperationException("status " + got + ", expected " + status);
            }
        }

        private static HttpRequest Request(string query)
        {
            var request = new HttpRequest();
            byte[] q = Encoding.ASCII.GetBytes(query);
            Assert.True(request.Query.Parse(q, 0, q.Length));
            return request;
        }

        private sealed class CountingMirror : IPanelMirror
        {
            public int Presses;

            public int Width { get { return 128; } }

            public int Height { get { return 64; } }

            public long CopyFrame(byte[] dest)
            {
                dest[5] ^= 0x55;
                return 7;
            }

            public bool Press(int key, bool longPress)
            {
                Presses++;
                return true;
            }
        }
    }
}
