using System;
using System.Net.Sockets;
using System.Threading;
using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Protocols.Modbus
{
    /// <summary>
    /// Serves one Modbus-TCP connection at a time on the calling thread: reads into one reused buffer,
    /// answers every whole frame in order (pipelined requests included) and closes the connection on a
    /// header that breaks MBAP, on the peer's close, on an error, or after <see cref="IdleTimeoutMs"/>
    /// without a byte. Buffers live as long as the handler, so requests allocate nothing. Every wait is
    /// sliced so Stop (from any thread) takes effect within a fraction of a second.
    /// </summary>
    public sealed class ModbusTcpConnectionHandler
    {
        // A blocking Receive bounded by this timeout replaces Poll-then-Receive: one system call per
        // request instead of two, and Stop or the idle timeout are still seen within a slice.
        private const int ReceiveSliceMs = 100;
        private const int TimedOut = -1;
        private const long NoPartialFrame = -1;

        // Twice the largest frame: after the whole frames are answered, what remains is less than one
        // frame, so a whole frame always fits behind it.
        private readonly byte[] _receive = new byte[2 * MbapHeader.MaxFrameLength];
        private readonly byte[] _response = new byte[MbapHeader.MaxFrameLength];
        private readonly ModbusTcpFrameProcessor _frames;
        private readonly SteadyClock _clock = new SteadyClock();
        private int _stopRequested;
        private int _requestsHandled;
        private int _malformedClosed;
        private int _slowFramesClosed;

        public ModbusTcpConnectionHandler(ModbusPduProcessor pdu)
        {
            _frames = new ModbusTcpFrameProcessor(pdu);
            IdleTimeoutMs = ModbusTcpServer.DefaultIdleTimeoutMs;
            SendTimeoutMs = 5000;
            FrameTimeoutMs = DefaultFrameTimeoutMs;
        }

        /// <summary>A request frame must arrive whole within this time once its first byte came.</summary>
        public const int DefaultFrameTimeoutMs = 5000;

        /// <summary>Milliseconds a started frame may take to arrive whole (set before Serve).</summary>
        public int FrameTimeoutMs { get; set; }

        /// <summary>Connections closed because a frame did not arrive whole within <see cref="FrameTimeoutMs"/>.</summary>
        public int SlowFramesClosed { get { return Interlocked.CompareExchange(ref _slowFramesClosed, 0, 0); } }

        /// <summary>A connection that sends nothing for this long is closed (set before Serve).</summary>
        public int IdleTimeoutMs { get; set; }

        /// <summary>Sending one response may block this long on a client that does not read.</summary>
        public int SendTimeoutMs { get; set; }

        /// <summary>Frames answered since the handler was made (wraps after 2^31; diagnostics and tests).</summary>
        public int RequestsHandled { get { return Interlocked.CompareExchange(ref _requestsHandled, 0, 0); } }

        /// <summary>Connections closed because of a header that breaks MBAP.</summary>
        public int MalformedClosed { get { return Interlocked.CompareExchange(ref _malformedClosed, 0, 0); } }

        private bool Stopping
        {
            get { return Interlocked.CompareExchange(ref _stopRequested, 0, 0) != 0; }
        }

        /// <summary>Makes Serve return (and refuse later calls) within one poll slice.</summary>
        public void Stop()
        {
            Interlocked.Exchange(ref _stopRequested, 1);
        }

        /// <summary>Serves <paramref name="client"/> until it closes, misbehaves or idles out, then closes it. Never throws.</summary>
        public void Serve(Socket client)
        {
            try
            {
                client.SendTimeout = SendTimeoutMs;
                client.ReceiveTimeout = ReceiveSliceMs;
                client.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.NoDelay, true);
                Run(client);
            }
            catch (Exception)
            {
                // Peer reset or send timeout: the connection just ends.
            }
            finally
            {
                try
                {
                    client.Close();
                }
                catch (Exception)
                {
                    // Already closed.
                }
            }
        }

        private void Run(Socket client)
        {
            int filled = 0;
            long lastByteMs = _clock.Milliseconds;
            long partialSinceMs = NoPartialFrame;
            while (!Stopping)
            {
                int start = 0;
                while (true)
                {
                    int consumed;
                    int answer = _frames.TryAnswer(_receive, start, filled - start, _response, out consumed);
                    if (answer == ModbusTcpFrameProcessor.NeedMore)
                    {
                        break;
                    }

                    if (answer == ModbusTcpFrameProcessor.Malformed)
                    {
                        Interlocked.Increment(ref _malformedClosed);
                        return;
                    }

                    if (!SendAll(client, answer))
                    {
                        return;
                    }

                    Interlocked.Increment(ref _requestsHandled);
                    start += consumed;
                }

                if (start > 0)
                {
                    filled -= start;
                    Array.Copy(_receive, start, _receive, 0, filled);
                }

                // A frame that trickles in byte by byte must still complete in time, or a slow client
                // would hold one of the few connection slots forever without ever being idle.
                long now = _clock.Milliseconds;
                if (filled == 0)
                {
                    partialSinceMs = NoPartialFrame;
                }
                else if (partialSinceMs == NoPartialFrame || start > 0)
                {
                    partialSinceMs = now;
                }
                else if (now - partialSinceMs >= FrameTimeoutMs)
                {
                    Interlocked.Increment(ref _slowFramesClosed);
                    return;
                }

                int received = ReceiveSlice(client, filled);
                if (received == TimedOut)
                {
                    if (_clock.Milliseconds - lastByteMs >= IdleTimeoutMs)
                    {
                        return;
                    }

                    continue;
                }

                if (received <= 0)
                {
                    return;
                }

                filled += received;
                lastByteMs = _clock.Milliseconds;
            }
        }

        // Bytes received, 0 when the peer closed, TimedOut after a quiet slice. SocketException carries the
        // reason in different fields on the two runtimes, so a timeout is told from a failure by when it
        // comes: a reset fails at once, a timeout only after most of the slice.
        private int ReceiveSlice(Socket client, int filled)
        {
            long startedMs = _clock.Milliseconds;
            try
            {
                return client.Receive(_receive, filled, _receive.Length - filled, SocketFlags.None);
            }
            catch (SocketException)
            {
                return _clock.Milliseconds - startedMs >= ReceiveSliceMs / 2 ? TimedOut : 0;
            }
        }

        // False when the peer stopped taking bytes.
        private bool SendAll(Socket client, int length)
        {
            int sent = 0;
            while (sent < length)
            {
                int n = client.Send(_response, sent, length - sent, SocketFlags.None);
                if (n <= 0)
                {
                    return false;
                }

                sent += n;
            }

            return true;
        }
    }
}
