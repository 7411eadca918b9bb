using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Ipenergy.Probe.Protocols.Modbus;
using Ipenergy.Probe.Tests.Unit.Modbus;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Modbus
{
    /// <summary>
    /// Bytes allocated per request, measured with GC.GetAllocatedBytesForCurrentThread around
    /// ModbusTcpConnectionHandler.Serve on the test thread (the client runs on its own thread).
    /// Accept() is excluded; .NET allocates a little per connection (its lazily made socket state), so
    /// the cost per request is the difference between a connection with 1 request and one with 1001.
    /// Also the PDU processor alone, on every function and exception path.
    /// </summary>
    public sealed class ModbusAllocationTests
    {
        private readonly ITestOutputHelper _output;

        public ModbusAllocationTests(ITestOutputHelper output)
        {
            _output = output;
        }

        private static byte[][] Mix()
        {
            return new[]
            {
                RawModbusClient.Frame(1, 1, 0x03, 0x00, 0x00, 0x00, 0x7D),
                RawModbusClient.Frame(2, 255, 0x04, 0x00, 0x08, 0x00, 0x01),
                RawModbusClient.Frame(3, 1, 0x06, 0x00, 0x01, 0x00, 0x03),
                RawModbusClient.Frame(4, 1, 0x10, 0x00, 0x01, 0x00, 0x02, 0x04, 0x00, 0x0A, 0x01, 0x02),
                RawModbusClient.Frame(5, 1, 0x2B, 0x0E, 0x01, 0x00),
                RawModbusClient.Frame(6, 1, 0x01, 0x00, 0x00, 0x00, 0x01),
                RawModbusClient.Frame(7, 9, 0x03, 0x00, 0x00, 0x00, 0x01),
                RawModbusClient.Frame(8, 1, 0x03, 0xFF, 0x00, 0x00, 0x10),
            };
        }

        [Fact]
        public void PduProcessorAllocatesNothing()
        {
            var processor = new ModbusPduProcessor(new TestRegisterBank(200, 100, 20), new ModbusDeviceIdentification("MPP18", "1.0.0"));
            byte[][] requests = Mix();
            byte[] response = new byte[MbapHeader.MaxFrameLength];
            for (int i = 0; i < 100; i++)
            {
                byte[] r = requests[i % requests.Length];
                processor.Process(r[6], r, 7, r.Length - 7, response, 7);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100000; i++)
            {
                byte[] r = requests[i % requests.Length];
                processor.Process(r[6], r, 7, r.Length - 7, response, 7);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            _output.WriteLine("PDU processor: " + allocated + " bytes for 100 000 requests");
            Assert.Equal(0, allocated);
        }

        [Fact]
        public void RequestsOverTcpAllocateNothingInSteadyState()
        {
            var handler = new ModbusTcpConnectionHandler(new ModbusPduProcessor(new TestRegisterBank(200, 100, 20),
                new ModbusDeviceIdentification("MPP18", "1.0.0")));
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen(1);
            for (int i = 0; i < 3; i++)
            {
                ServeAndMeasure(handler, listener, 300);
            }

            long one = Math.Min(ServeAndMeasure(handler, listener, 1), ServeAndMeasure(handler, listener, 1));
            long many = Math.Min(ServeAndMeasure(handler, listener, 1001), ServeAndMeasure(handler, listener, 1001));
            double perRequest = (many - one) / 1000.0;
            _output.WriteLine("connection with 1 request: " + one + " bytes (per-connection setup and close)");
            _output.WriteLine("connection with 1001 requests: " + many + " bytes -> " + perRequest + " bytes per request");
            Assert.Equal(0, many - one);
        }

        private static long ServeAndMeasure(ModbusTcpConnectionHandler handler, Socket listener, int count)
        {
            var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            client.Connect(listener.LocalEndPoint);
            Socket server = listener.Accept(); // allocates on .NET: excluded
            Exception clientError = null;
            byte[][] requests = Mix();
            var thread = new Thread(() =>
            {
                try
                {
                    using var raw = new RawModbusClientOnSocket(client);
                    for (int i = 0; i < count; i++)
                    {
                        byte[] answer = raw.Transact(requests[i % requests.Length]);
                        if (answer == null || answer[1] != requests[i % requests.Length][1])
                        {
                            throw new InvalidOperationException("bad answer at " + i);
                        }
                    }
                }
                catch (Exception e)
                {
                    clientError = e;
                }
            });
            thread.Start();
            long before = GC.GetAllocatedBytesForCurrentThread();
            handler.Serve(server);
            long after = GC.GetAllocatedBytesForCurrentThread();
            Assert.True(thread.Join(30000), "client hung");
            Assert.Null(clientError);
            return after - before;
        }

        // The raw client's frame reading over an already connected socket, closed on Dispose.
        private sealed class RawModbusClientOnSocket : IDisposable
        {
            private readonly Socket _socket;

            public RawModbusClientOnSocket(Socket socket)
            {
                _socket = socket;
                _socket.ReceiveTimeout = 10000;
            }

            public byte[] Transact(byte[] request)
            {
                _socket.Send(request);
                byte[] header = new byte[7];
                Read(header, 0, 7);
                int length = (header[4] << 8) | header[5];
                byte[] frame = new byte[6 + length];
                Array.Copy(header, frame, 7);
                Read(frame, 7, length - 1);
                return frame;
            }

            private void Read(byte[] buffer, int offset, int count)
            {
                while (count > 0)
                {
                    int n = _socket.Receive(buffer, offset, count, SocketFlags.None);
                    if (n == 0)
                    {
                        throw new InvalidOperationException("closed");
                    }

                    offset += n;
                    count -= n;
                }
            }

            public void Dispose()
            {
                _socket.Close();
            }
        }
    }
}
