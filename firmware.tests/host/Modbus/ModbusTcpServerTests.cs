using System;
using System.Diagnostics;
using System.Threading;
using Xunit;

namespace Ipenergy.Probe.Tests.Modbus
{
    /// <summary>The Modbus-TCP server over real sockets on 127.0.0.1: framing, pipelining, clients at once, limits, timeouts, Stop.</summary>
    public sealed class ModbusTcpServerTests
    {
        private static readonly byte[] GoldenRead = RawModbusClient.Frame(0x0001, 0x01, 0x03, 0x00, 0x6B, 0x00, 0x03);
        private static readonly byte[] GoldenAnswer = { 0x00, 0x01, 0x00, 0x00, 0x00, 0x09, 0x01, 0x03, 0x06, 0x02, 0x2B, 0x00, 0x00, 0x00, 0x64 };

        [Fact]
        public void AnswersTheSpecificationExampleOverTcp()
        {
            using var server = new ModbusTestServer();
            using var client = new RawModbusClient(server.Port);
            Assert.Equal(GoldenAnswer, client.Transact(GoldenRead));
            Assert.Equal(new byte[] { 0x00, 0x02, 0x00, 0x00, 0x00, 0x06, 0xFF, 0x06, 0x00, 0x01, 0x00, 0x03 },
                client.Transact(RawModbusClient.Frame(2, 0xFF, 0x06, 0x00, 0x01, 0x00, 0x03)));
            Assert.Equal(3, server.Bank.Holding(1));
            Assert.Equal(new byte[] { 0x00, 0x03, 0x00, 0x00, 0x00, 0x03, 0x05, 0x83, 0x0B },
                client.Transact(RawModbusClient.Frame(3, 0x05, 0x03, 0x00, 0x6B, 0x00, 0x03)));
        }

        [Fact]
        public void PipelinedRequestsAreAnsweredInOrder()
        {
            using var server = new ModbusTestServer();
            using var client = new RawModbusClient(server.Port);
            const int count = 200;
            var all = new System.Collections.Generic.List<byte>();
            for (int i = 0; i < count; i++)
            {
                all.AddRange(RawModbusClient.Frame(i, 1, 0x03, 0x00, (byte)(i % 100), 0x00, 0x01));
            }

            // One send: many frames per segment, and frames cut across segments.
            client.Send(all.ToArray());
            for (int i = 0; i < count; i++)
            {
                byte[] frame = client.ReadFrame();
                Assert.NotNull(frame);
                Assert.Equal(i, (frame[0] << 8) | frame[1]);
                Assert.Equal(1000 + i % 100, (frame[9] << 8) | frame[10]);
            }
        }

        [Fact]
        public void ByteByByteFramesAreAnswered()
        {
            using var server = new ModbusTestServer();
            using var client = new RawModbusClient(server.Port);
            foreach (byte b in GoldenRead)
            {
                client.Send(new[] { b });
                Thread.Sleep(2);
            }

            Assert.Equal(GoldenAnswer, client.ReadFrame());
        }

        [Fact]
        public void EightClientsAtOnce()
        {
            using var server = new ModbusTestServer(maxConnections: 8);
            var clients = new RawModbusClient[8];
            var errors = new Exception[8];
            var threads = new Thread[8];
            for (int c = 0; c < 8; c++)
            {
                clients[c] = new RawModbusClient(server.Port);
            }

            for (int c = 0; c < 8; c++)
            {
                int id = c;
                threads[c] = new Thread(() =>
                {
                    try
                    {
                        for (int i = 0; i < 300; i++)
                        {
                            int tid = (id << 12) | i;
                            byte[] answer = clients[id].Transact(RawModbusClient.Frame(tid, 1, 0x03, 0x00, (byte)(id * 10), 0x00, 0x02));
                            if (((answer[0] << 8) | answer[1]) != tid || ((answer[9] << 8) | answer[10]) != 1000 + id * 10)
                            {
                                throw new InvalidOperationException("client " + id + " got a wrong answer at " + i);
                            }
                        }
                    }
                    catch (Exception e)
                    {
                        errors[id] = e;
                    }
                });
                threads[c].Start();
            }

            for (int c = 0; c < 8; c++)
            {
                Assert.True(threads[c].Join(30000), "client thread hung");
                Assert.Null(errors[c]);
                clients[c].Dispose();
            }

            Assert.Equal(0, server.Server.RejectedConnections);
        }

        [Fact]
        public void ConnectionsBeyondTheLimitAreClosedAtOnce()
        {
            using var server = new ModbusTestServer(maxConnections: 8);
            var held = new RawModbusClient[8];
            for (int c = 0; c < 8; c++)
            {
                held[c] = new RawModbusClient(server.Port);
                Assert.Equal(GoldenAnswer, held[c].Transact(GoldenRead));
            }

            using (var extra = new RawModbusClient(server.Port, receiveTimeoutMs: 2000))
            {
                var watch = Stopwatch.StartNew();
                Assert.True(extra.WaitForClose(), "the ninth connection was not closed");
                Assert.True(watch.ElapsedMilliseconds < 1000, "closed after " + watch.ElapsedMilliseconds + " ms");
            }

            Assert.Equal(1, server.Server.RejectedConnections);

            // A freed slot takes the next client.
            held[0].Dispose();
            Thread.Sleep(300);
            using (var next = new RawModbusClient(server.Port))
            {
                Assert.Equal(GoldenAnswer, next.Transact(GoldenRead));
            }

            for (int c = 1; c < 8; c++)
            {
                Assert.Equal(GoldenAnswer, held[c].Transact(GoldenRead));
                held[c].Dispose();
            }
        }

        [Fact]
        public void IdleConnectionsAreClosedAfterTheTimeout()
        {
            using var server = new ModbusTestServer(idleTimeoutMs: 400);
            using var client = new RawModbusClient(server.Port, receiveTimeoutMs: 3000);
            Assert.Equal(GoldenAnswer, client.Transact(GoldenRead));
            var watch = Stopwatch.StartNew();
            Assert.True(client.WaitForClose(), "idle connection left open");
            long ms = watch.ElapsedMilliseconds;
            Assert.True(ms >= 350 && ms < 1500, "closed after " + ms + " ms for a 400 ms timeout");

            // A half-sent frame does not keep a connection alive either.
            using var partial = new RawModbusClient(server.Port, receiveTimeoutMs: 3000);
            partial.Send(new byte[] { 0x00, 0x01, 0x00, 0x00, 0x00, 0x06, 0x01 });
            Assert.True(partial.WaitForClose(), "connection with a half frame left open");
        }

        [Fact]
        public void AFrameTricklingInByteByByteIsCutOffAtTheFrameTimeout()
        {
            // Idle timeout far away: only the frame timeout can close this connection.
            using var server = new ModbusTestServer(idleTimeoutMs: 60000, frameTimeoutMs: 600);
            using var slow = new RawModbusClient(server.Port, receiveTimeoutMs: 200);
            var watch = Stopwatch.StartNew();
            bool closed = false;
            for (int i = 0; i < GoldenRead.Length - 1 && !closed; i++)
            {
                try
                {
                    slow.Send(new[] { GoldenRead[i] });
                    closed = slow.WaitForClose();
                }
                catch (System.Net.Sockets.SocketException)
                {
                    closed = true;
                }
            }

            long ms = watch.ElapsedMilliseconds;
            Assert.True(closed, "a frame sent one byte every 200 ms was never cut off");
            Assert.True(ms >= 500, "cut off after " + ms + " ms, before the 600 ms frame timeout");
            Assert.Equal(1, server.Server.SlowFramesClosed);

            // A client sending whole frames is unaffected.
            using var client = new RawModbusClient(server.Port);
            Assert.Equal(GoldenAnswer, client.Transact(GoldenRead));
        }

        [Theory]
        [InlineData(0x00, 0x01, 0x00, 0x06)] // protocol id 1
        [InlineData(0x00, 0x00, 0x00, 0x01)] // length 1: no PDU
        [InlineData(0x00, 0x00, 0x00, 0x00)] // length 0
        [InlineData(0x00, 0x00, 0x00, 0xFF)] // length 255
        [InlineData(0x00, 0x00, 0xFF, 0xFF)] // length 65535
        public void BadHeadersCloseTheConnectionAndOthersCarryOn(byte p0, byte p1, byte l0, byte l1)
        {
            using var server = new ModbusTestServer();
            using var bystander = new RawModbusClient(server.Port);
            using var client = new RawModbusClient(server.Port, receiveTimeoutMs: 2000);
            client.Send(new byte[] { 0x00, 0x01, p0, p1, l0, l1, 0x01, 0x03, 0x00, 0x00, 0x00, 0x01 });
            Assert.True(client.WaitForClose(), "connection left open after a bad header");
            Assert.Equal(GoldenAnswer, bystander.Transact(GoldenRead));
        }

        [Fact]
        public void StopIsBoundedWithClientsConnected()
        {
            var server = new ModbusTestServer();
            var clients = new RawModbusClient[5];
            for (int c = 0; c < clients.Length; c++)
            {
                clients[c] = new RawModbusClient(server.Port, receiveTimeoutMs: 3000);
                Assert.Equal(GoldenAnswer, clients[c].Transact(GoldenRead));
            }

            // One client in the middle of a frame.
            clients[0].Send(new byte[] { 0x00, 0x01, 0x00 });
            var watch = Stopwatch.StartNew();
            server.Dispose();
            Assert.True(watch.ElapsedMilliseconds < 2000, "Stop took " + watch.ElapsedMilliseconds + " ms");
            for (int c = 0; c < clients.Length; c++)
            {
                Assert.True(clients[c].WaitForClose(), "client " + c + " still connected after Stop");
                clients[c].Dispose();
            }

            // Stop twice is harmless.
            server.Server.Stop();
        }
    }
}
