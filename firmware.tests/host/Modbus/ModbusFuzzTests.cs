using System;
using System.Diagnostics;
using System.Net.Sockets;
using Ipenergy.Probe.Protocols.Modbus;
using Ipenergy.Probe.Tests.Unit.Modbus;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Modbus
{
    /// <summary>
    /// Malformed input, deterministic seeds, bounded time. In process: 200 000 frames straight into the
    /// MBAP framing (any answer must be a well-formed frame). Over TCP: 100 000 malformed frames (bad
    /// MBAP lengths and protocol ids, truncated PDUs, random PDUs, random bytes) against the server; a
    /// frame with a valid header must be answered with its transaction id, a bad header must close
    /// the connection; afterwards the server still answers the specification example.
    /// </summary>
    public sealed class ModbusFuzzTests
    {
        private static readonly byte[] GoldenRead = RawModbusClient.Frame(0x0001, 0x01, 0x03, 0x00, 0x6B, 0x00, 0x03);
        private static readonly byte[] GoldenAnswer = { 0x00, 0x01, 0x00, 0x00, 0x00, 0x09, 0x01, 0x03, 0x06, 0x02, 0x2B, 0x00, 0x00, 0x00, 0x64 };

        private readonly ITestOutputHelper _output;

        public ModbusFuzzTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void FramingSurvivesRandomBytesInProcess()
        {
            var frames = new ModbusTcpFrameProcessor(new ModbusPduProcessor(TestRegisterBank.SpecificationExample(),
                new ModbusDeviceIdentification("MPP3", "1.0.0")));
            var random = new Random(20261125);
            byte[] buffer = new byte[600];
            byte[] response = new byte[MbapHeader.MaxFrameLength];
            int answered = 0, malformed = 0, needMore = 0;
            for (int i = 0; i < 200000; i++)
            {
                int count = random.Next(0, buffer.Length + 1);
                random.NextBytes(buffer.AsSpan(0, count));
                if (i % 2 == 0 && count >= 7)
                {
                    // Half of them with a plausible header so the PDU checks are reached.
                    buffer[2] = 0;
                    buffer[3] = 0;
                    int length = random.Next(2, 255);
                    buffer[4] = (byte)(length >> 8);
                    buffer[5] = (byte)length;
                    buffer[6] = (byte)(random.Next(4) == 0 ? random.Next(256) : 1);
                    buffer[7] = (byte)(new byte[] { 3, 4, 6, 16, 43, 1, 0x80 }[random.Next(7)]);
                }

                int result = frames.TryAnswer(buffer, 0, count, response, out int consumed);
                if (result > 0)
                {
                    answered++;
                    Assert.InRange(result, 9, MbapHeader.MaxFrameLength);
                    Assert.Equal(result - 6, (response[4] << 8) | response[5]);
                    Assert.Equal(buffer[0], response[0]);
                    Assert.Equal(buffer[1], response[1]);
                    Assert.InRange(consumed, 8, count);
                }
                else if (result == ModbusTcpFrameProcessor.Malformed)
                {
                    malformed++;
                }
                else
                {
                    needMore++;
                }
            }

            _output.WriteLine("answered " + answered + ", malformed " + malformed + ", incomplete " + needMore);
            Assert.True(answered > 50000, "too few frames reached the PDU checks: " + answered);
        }

        [Fact]
        public void ServerKeepsAnsweringAfter100000MalformedFrames()
        {
            using var server = new ModbusTestServer(idleTimeoutMs: 2000);
            var random = new Random(4711);
            var watch = Stopwatch.StartNew();
            RawModbusClient client = new RawModbusClient(server.Port);
            int sent = 0, answered = 0, closed = 0;
            byte[] pdu = new byte[300];
            try
            {
                while (sent < 100000)
                {
                    Assert.True(watch.Elapsed < TimeSpan.FromSeconds(120), "fuzz took too long at frame " + sent);
                    int kind = random.Next(100);
                    int transaction = sent & 0xFFFF;
                    if (kind < 70)
                    {
                        // A valid header around a malformed PDU: truncated, overlong or random.
                        int length = kind < 35 ? random.Next(1, 5) : random.Next(1, 254);
                        random.NextBytes(pdu.AsSpan(0, length));
                        pdu[0] = (byte)(new byte[] { 3, 4, 6, 16, 43, 1, 5, 0x83, 0 }[random.Next(9)]);
                        int unit = random.Next(3) == 0 ? random.Next(256) : 1;
                        byte[] frame = RawModbusClient.Frame(transaction, unit, pdu.AsSpan(0, length).ToArray());
                        client.Send(frame);
                        byte[] answer = client.ReadFrame();
                        Assert.NotNull(answer);
                        Assert.Equal(transaction, (answer[0] << 8) | answer[1]);
                        Assert.Equal(0, (answer[2] << 8) | answer[3]);
                        Assert.Equal((byte)unit, answer[6]);
                        answered++;
                    }
                    else
                    {
                        // A header that breaks MBAP (bad length or protocol id) or pure random bytes:
                        // the server closes; then a new connection.
                        byte[] junk;
                        if (kind < 90)
                        {
                            junk = new byte[7 + random.Next(0, 20)];
                            random.NextBytes(junk);
                            int badLength = random.Next(2) == 0 ? random.Next(0, 2) : random.Next(255, 65536);
                            bool badProtocol = random.Next(3) == 0;
                            junk[2] = badProtocol ? (byte)random.Next(1, 256) : (byte)0;
                            junk[3] = badProtocol ? junk[3] : (byte)0;
                            if (!badProtocol)
                            {
                                junk[4] = (byte)(badLength >> 8);
                                junk[5] = (byte)badLength;
                            }
                        }
                        else
                        {
                            junk = new byte[random.Next(1, 600)];
                            random.NextBytes(junk);
                        }

                        try
                        {
                            client.Send(junk);
                        }
                        catch (SocketException)
                        {
                            // The server may close while random bytes are still arriving.
                        }

                        if (kind < 90)
                        {
                            Assert.True(client.WaitForClose(), "bad header did not close the connection (frame " + sent + ")");
                        }

                        client.Dispose();
                        client = new RawModbusClient(server.Port);
                        closed++;
                    }

                    sent++;
                }

                Assert.Equal(GoldenAnswer, client.Transact(GoldenRead));
            }
            finally
            {
                client.Dispose();
            }

            using (var fresh = new RawModbusClient(server.Port))
            {
                Assert.Equal(GoldenAnswer, fresh.Transact(GoldenRead));
            }

            _output.WriteLine(sent + " malformed frames in " + watch.ElapsedMilliseconds + " ms: " + answered +
                " answered with an exception or data, " + closed + " connections closed on bad headers or random bytes");
        }
    }
}
