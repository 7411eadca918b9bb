using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Protocols.Http;
using Ipenergy.Probe.Tests.Unit.TestDoubles;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Http
{
    /// <summary>
    /// The gateway's module routes allocate nothing per request: GET /api/v1/modules (seen and ?all=1),
    /// /api/v1/modules/{a}/measurements and /metrics with the bus and site families, measured as in
    /// <see cref="HttpAllocationTests"/> (bytes of a connection with 1001 requests minus one with 1, on the
    /// serving thread, best of a few rounds).
    /// </summary>
    public sealed class ModulesAllocationTests
    {
        private const string CloseGet = "GET /api/v1/modules HTTP/1.1\r\nHost: probe\r\nConnection: close\r\n\r\n";
        private static readonly string[] Mix =
        {
            "GET /api/v1/modules HTTP/1.1\r\nHost: probe\r\n\r\n",
            "GET /api/v1/modules?all=1 HTTP/1.1\r\nHost: probe\r\n\r\n",
            "GET /api/v1/modules/4/measurements HTTP/1.1\r\nHost: probe\r\n\r\n",
            "GET /api/v1/modules/3/measurements HTTP/1.1\r\nHost: probe\r\n\r\n",
            "GET /metrics HTTP/1.1\r\nHost: probe\r\n\r\n",
            "HEAD /api/v1/modules/2/measurements HTTP/1.1\r\nHost: probe\r\n\r\n",
        };

        private readonly ITestOutputHelper _output;

        public ModulesAllocationTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void ModuleRequestsAllocateNothingInSteadyState()
        {
            FakeModuleDirectory modules = ModuleFixtures.Directory();
            var local = new FakeMeasurementSource(HandMadeSnapshots.Make(3));
            var clock = new MetricsTestClock { Now = local.Latest.Timestamp.AddSeconds(1) };
            MetricsEndpoint metrics = MetricsEndpointTests.Endpoint(local, clock);
            metrics.Modules = modules;
            var endpoints = new IHttpEndpoint[]
            {
                new ModulesEndpoint(local) { Directory = modules },
                new ModuleMeasurementsEndpoint { Directory = modules },
                metrics,
            };
            var handler = new HttpConnectionHandler(endpoints, (ICredentialCheck)null, null);
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen(1);
            for (int i = 0; i < 3; i++)
            {
                ServeAndMeasure(handler, listener, 300);
            }

            long best = long.MaxValue;
            var seen = new System.Collections.Generic.List<string>();
            for (int round = 0; round < 5 && best != 0; round++)
            {
                long one = ServeAndMeasure(handler, listener, 1);
                long many = ServeAndMeasure(handler, listener, 1001);
                seen.Add(one + " / " + many);
                if (Math.Abs(many - one) < Math.Abs(best))
                {
                    best = many - one;
                }
            }

            _output.WriteLine("connection with 1 / 1001 module requests, bytes per round: " + string.Join("; ", seen)
                + "; response buffer " + handler.ResponseCapacity + " bytes");
            Assert.True(handler.RequestsHandled >= 3 * 300 + 1002, "requests handled: " + handler.RequestsHandled);
            Assert.Equal(0, best);
        }

        private static long ServeAndMeasure(HttpConnectionHandler handler, Socket listener, int count)
        {
            var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            client.Connect(listener.LocalEndPoint);
            Socket server = listener.Accept(); // allocates on .NET: excluded from the measurement
            Exception clientError = null;
            var clientThread = new Thread(() =>
            {
                try
                {
                    RunClient(client, count);
                }
                catch (Exception e)
                {
                    clientError = e;
                }
                finally
                {
                    client.Close();
                }
            });
            clientThread.Start();
            long before = GC.GetAllocatedBytesForCurrentThread();
            handler.Serve(server);
            long after = GC.GetAllocatedBytesForCurrentThread();
            Assert.True(clientThread.Join(30000), "client thread hung");
            Assert.Null(clientError);
            return after - before;
        }

        private static void RunClient(Socket client, int count)
        {
            client.ReceiveTimeout = 10000;
            var buffer = new byte[131072];
            for (int i = 0; i < count; i++)
            {
                string request = i == count - 1 ? CloseGet : Mix[i % Mix.Length];
                client.Send(Encoding.ASCII.GetBytes(request));
                string status = ReadOneResponse(client, buffer, request.StartsWith("HEAD", StringComparison.Ordinal));
                if (status != "200")
                {
                    throw new InvalidOperationException("expected 200, got " + status + " for " + request);
                }
            }
        }

        private static string ReadOneResponse(Socket client, byte[] buffer, bool toHead)
        {
            int filled = 0;
            int headEnd = -1;
            while (headEnd < 0)
            {
                int n = client.Receive(buffer, filled, buffer.Length - filled, SocketFlags.None);
                if (n == 0)
                {
                    throw new InvalidOperationException("server closed the connection");
                }

                filled += n;
                headEnd = Encoding.ASCII.GetString(buffer, 0, filled).IndexOf("\r\n\r\n", StringComparison.Ordinal);
            }

            string head = Encoding.ASCII.GetString(buffer, 0, headEnd);
            int length = 0;
            foreach (string line in head.Split("\r\n"))
            {
                if (line.StartsWith("Content-Length: ", StringComparison.Ordinal))
                {
                    length = int.Parse(line.Substring(16));
                }
            }

            int total = headEnd + 4 + (toHead ? 0 : length);
            while (filled < total)
            {
                int n = client.Receive(buffer, filled, buffer.Length - filled, SocketFlags.None);
                if (n == 0)
                {
                    throw new InvalidOperationException("server closed inside a body");
                }

                filled += n;
            }

            return head.Substring(9, 3);
        }
    }
}
