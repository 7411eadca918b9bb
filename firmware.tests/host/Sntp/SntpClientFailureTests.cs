using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Ipenergy.Probe.Protocols.Sntp;
using Xunit;

namespace Ipenergy.Probe.Tests.Sntp
{
    /// <summary>What the client does when no server answers or a server answers badly: the clock is left alone.</summary>
    public class SntpClientFailureTests
    {
        private static readonly DateTime Start = new DateTime(2016, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        [Fact]
        public void SilentServerLeavesTheClockUnsynchronized()
        {
            // A bound socket that never answers.
            using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            using var paced = new PacedSimulatedClock(Start);
            var client = new SntpClient(paced.Clock, new[] { "127.0.0.1:" + ((IPEndPoint)silent.LocalEndPoint).Port }) { ReplyTimeoutMs = 300 };
            Assert.False(client.PollOnce());
            Assert.Equal(SntpClient.NoReply, client.LastResult);
            Assert.Equal(1, client.Failures);
            Assert.False(paced.Clock.Synchronized);
            Assert.True(paced.Clock.UtcNow < Start.AddMinutes(1), "clock not stepped");
        }

        [Fact]
        public void KissOfDeathIsRefusedAndTheNextServerIsTried()
        {
            using var kod = new FakeNtpServer(reply => reply[1] = 0);
            using var good = new FakeNtpServer(null);
            using var paced = new PacedSimulatedClock(Start);
            var client = new SntpClient(paced.Clock, new[] { "127.0.0.1:" + kod.Port, "127.0.0.1:" + good.Port }) { ReplyTimeoutMs = 1000 };
            Assert.True(client.PollOnce(), "result " + client.LastResult);
            Assert.Equal(1, kod.Requests);
            Assert.Equal(1, good.Requests);
            Assert.True(paced.Clock.Synchronized);
            Assert.True((paced.Clock.UtcNow - DateTime.UtcNow).Duration() < TimeSpan.FromMilliseconds(100));
        }

        [Fact]
        public void AForgedOriginIsIgnoredUntilTheTimeout()
        {
            using var forger = new FakeNtpServer(reply => reply[NtpPacket.OriginTimestampOffset + 7] ^= 0xFF);
            using var paced = new PacedSimulatedClock(Start);
            var client = new SntpClient(paced.Clock, new[] { "127.0.0.1:" + forger.Port }) { ReplyTimeoutMs = 300 };
            Assert.False(client.PollOnce());
            Assert.Equal(NtpPacket.OriginMismatch, client.LastResult);
            Assert.False(paced.Clock.Synchronized);
        }

        [Fact]
        public void MalformedServerTextsAreRefused()
        {
            using var paced = new PacedSimulatedClock(Start);
            foreach (string bad in new[] { "", ":123", "host:0", "host:70000", "host:x", "a:b:c", "[::1", "[::1]x" })
            {
                Assert.Throws<ArgumentException>(() => new SntpClient(paced.Clock, new[] { bad }));
            }

            Assert.Throws<ArgumentException>(() => new SntpClient(paced.Clock, new string[0]));
            Assert.Equal(123, new SntpServerAddress("pool.ntp.org").Port);
            Assert.Equal(1123, new SntpServerAddress("[::1]:1123").Port);
            Assert.Equal("::1", new SntpServerAddress("[::1]:1123").Host);
        }

        /// <summary>Answers each request with a well-formed reply carrying the host's time, then lets a test spoil it.</summary>
        private sealed class FakeNtpServer : IDisposable
        {
            private readonly Socket _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            private readonly Thread _thread;
            private readonly Action<byte[]> _spoil;
            private int _requests;
            private volatile bool _stop;

            public FakeNtpServer(Action<byte[]> spoil)
            {
                _spoil = spoil;
                _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                Port = ((IPEndPoint)_socket.LocalEndPoint).Port;
                _thread = new Thread(Serve) { IsBackground = true };
                _thread.Start();
            }

            public int Port { get; }

            public int Requests { get { return Volatile.Read(ref _requests); } }

            public void Dispose()
            {
                _stop = true;
                _thread.Join(2000);
                _socket.Dispose();
            }

            private void Serve()
            {
                byte[] request = new byte[128];
                while (!_stop)
                {
                    if (!_socket.Poll(50_000, SelectMode.SelectRead))
                    {
                        continue;
                    }

                    EndPoint from = new IPEndPoint(IPAddress.Any, 0);
                    int n = _socket.ReceiveFrom(request, ref from);
                    Interlocked.Increment(ref _requests);
                    if (n < NtpPacket.Length)
                    {
                        continue;
                    }

                    byte[] reply = new byte[NtpPacket.Length];
                    reply[0] = 0x24;
                    reply[1] = 2;
                    Array.Copy(request, NtpPacket.TransmitTimestampOffset, reply, NtpPacket.OriginTimestampOffset, 8);
                    NtpTimestamp.WriteTicks(reply, NtpPacket.ReceiveTimestampOffset, DateTime.UtcNow.Ticks);
                    NtpTimestamp.WriteTicks(reply, NtpPacket.TransmitTimestampOffset, DateTime.UtcNow.Ticks);
                    _spoil?.Invoke(reply);
                    _socket.SendTo(reply, from);
                }
            }
        }
    }
}
