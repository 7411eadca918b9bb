using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Protocols.Sntp
{
    /// <summary>
    /// SNTP client (RFC 4330, client mode of RFC 5905) over UDP. Every poll asks the configured servers in
    /// order until one gives a reply that passes <see cref="NtpPacket.Check"/>; from its four timestamps it
    /// computes offset and round-trip delay and, when |offset| exceeds <see cref="StepThresholdTicks"/>
    /// (0.5 s), steps the clock (there is no slew: see README). A good reply marks the clock synchronized.
    /// Polls every <see cref="PollIntervalMs"/> (64 s by default); after a failed poll it retries after
    /// <see cref="FirstRetryMs"/>, doubling up to <see cref="MaxRetryMs"/>. A poll allocates nothing once
    /// each server's socket exists (request and reply buffers are reused).
    /// </summary>
    public sealed class SntpClient
    {
        public const int DefaultPollIntervalMs = 64000;
        public const int DefaultReplyTimeoutMs = 1000;
        public const int DefaultFirstRetryMs = 2000;

        /// <summary>Offsets larger than this (0.5 s) are corrected by stepping the clock; smaller ones are left.</summary>
        public const long StepThresholdTicks = 5000000;

        private const int WaitSliceMs = 100;
        private const int JoinTimeoutMs = 3000;

        private readonly ISettableClock _clock;
        private readonly SntpServerAddress[] _servers;
        private readonly Socket[] _sockets;
        private readonly byte[] _request = new byte[NtpPacket.Length];
        private readonly byte[] _reply = new byte[128];
        private readonly SteadyClock _steady = new SteadyClock();
        private readonly object _sync = new object();
        private Thread _thread;
        private int _runFlag;
        private int _stopFlag;
        private long _lastOffsetTicks;
        private long _lastDelayTicks;
        private int _lastResult = -1;
        private long _successes;
        private long _failures;
        private long _steps;

        /// <param name="clock">The clock to read and step.</param>
        /// <param name="servers">"host[:port]" texts (at least one); throws ArgumentException on a malformed one.</param>
        public SntpClient(ISettableClock clock, string[] servers)
        {
            if (servers == null || servers.Length == 0)
            {
                throw new ArgumentException("at least one SNTP server is needed");
            }

            _clock = clock;
            _servers = new SntpServerAddress[servers.Length];
            for (int i = 0; i < servers.Length; i++)
            {
                _servers[i] = new SntpServerAddress(servers[i]);
            }

            _sockets = new Socket[servers.Length];
            PollIntervalMs = DefaultPollIntervalMs;
            ReplyTimeoutMs = DefaultReplyTimeoutMs;
            FirstRetryMs = DefaultFirstRetryMs;
            MaxRetryMs = DefaultPollIntervalMs;
        }

        /// <summary>Time between polls after a success (set before Start).</summary>
        public int PollIntervalMs { get; set; }

        /// <summary>How long one server may take to answer.</summary>
        public int ReplyTimeoutMs { get; set; }

        /// <summary>First retry after a failed poll; doubles on each further failure up to <see cref="MaxRetryMs"/>.</summary>
        public int FirstRetryMs { get; set; }

        public int MaxRetryMs { get; set; }

        /// <summary>Offset measured by the last good reply, in ticks (positive: the clock was behind).</summary>
        public long LastOffsetTicks { get { lock (_sync) { return _lastOffsetTicks; } } }

        /// <summary>Round-trip delay of the last good reply, in ticks.</summary>
        public long LastDelayTicks { get { lock (_sync) { return _lastDelayTicks; } } }

        /// <summary>NtpPacket.Ok or the check that failed on the last reply seen; −1 before any, −2 when no reply came.</summary>
        public int LastResult { get { lock (_sync) { return _lastResult; } } }

        public long Successes { get { lock (_sync) { return _successes; } } }

        public long Failures { get { lock (_sync) { return _failures; } } }

        /// <summary>How many times the clock was stepped.</summary>
        public long Steps { get { lock (_sync) { return _steps; } } }

        /// <summary><see cref="LastResult"/> when no usable reply arrived in time (or the network failed).</summary>
        public const int NoReply = -2;

        private bool Running
        {
            get { return Interlocked.CompareExchange(ref _runFlag, 0, 0) != 0; }
        }

        private bool StopRequested
        {
            get { return Interlocked.CompareExchange(ref _stopFlag, 0, 0) != 0; }
        }

        /// <summary>Starts the polling thread (first poll at once).</summary>
        public void Start()
        {
            lock (_sync)
            {
                if (_thread != null)
                {
                    return;
                }

                Interlocked.Exchange(ref _stopFlag, 0);
                Interlocked.Exchange(ref _runFlag, 1);
                _thread = new Thread(Run);
                _thread.Start();
            }
        }

        /// <summary>Stops the thread (within about a reply timeout) and closes the sockets.</summary>
        public void Stop()
        {
            Thread thread;
            lock (_sync)
            {
                Interlocked.Exchange(ref _stopFlag, 1);
                Interlocked.Exchange(ref _runFlag, 0);
                thread = _thread;
                _thread = null;
            }

            if (thread != null)
            {
                thread.Join(JoinTimeoutMs);
            }

            for (int i = 0; i < _sockets.Length; i++)
            {
                CloseSocket(i);
            }
        }

        /// <summary>
        /// One poll: asks the servers in order until one answers well; steps the clock if needed. Returns
        /// true when the clock is now synchronized by this poll. Not to be called while the thread runs.
        /// </summary>
        public bool PollOnce()
        {
            for (int i = 0; i < _servers.Length; i++)
            {
                if (AskServer(i))
                {
                    lock (_sync)
                    {
                        _successes++;
                    }

                    return true;
                }
            }

            lock (_sync)
            {
                _failures++;
            }

            return false;
        }

        private void Run()
        {
            int retryMs = FirstRetryMs;
            while (Running)
            {
                int waitMs;
                if (PollOnce())
                {
                    retryMs = FirstRetryMs;
                    waitMs = PollIntervalMs;
                }
                else
                {
                    waitMs = retryMs;
                    retryMs = retryMs >= MaxRetryMs / 2 ? MaxRetryMs : retryMs * 2;
                }

                Wait(waitMs);
            }
        }

        // Sleeps in slices so Stop() is noticed promptly; SteadyClock keeps clock steps out of the wait.
        private void Wait(int ms)
        {
            long end = _steady.Milliseconds + ms;
            while (Running && _steady.Milliseconds < end)
            {
                Thread.Sleep(WaitSliceMs);
            }
        }

        private bool AskServer(int index)
        {
            try
            {
                Socket socket = _sockets[index];
                if (socket == null)
                {
                    IPEndPoint endPoint = _servers[index].Resolve();
                    socket = new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
                    // Connected: replies from any other address are dropped by the stack.
                    socket.Connect(endPoint);
                    _sockets[index] = socket;
                }

                long t1 = _clock.UtcNow.Ticks;
                NtpPacket.WriteRequest(_request, t1);
                socket.Send(_request, 0, NtpPacket.Length, SocketFlags.None);
                long deadline = _steady.Milliseconds + ReplyTimeoutMs;
                int seen = NoReply;
                while (true)
                {
                    long now = _steady.Milliseconds;
                    if (now >= deadline || StopRequested)
                    {
                        Record(seen);
                        return false;
                    }

                    long sliceMs = deadline - now < WaitSliceMs ? deadline - now : WaitSliceMs;
                    if (!socket.Poll((int)sliceMs * 1000, SelectMode.SelectRead))
                    {
                        continue;
                    }

                    int length = socket.Receive(_reply, 0, _reply.Length, SocketFlags.None);
                    long t4 = _clock.UtcNow.Ticks;
                    int check = NtpPacket.Check(_reply, length, _request);
                    if (check == NtpPacket.OriginMismatch)
                    {
                        // A late reply to an earlier request (or a forgery): keep waiting for ours.
                        seen = check;
                        continue;
                    }

                    if (check != NtpPacket.Ok)
                    {
                        Record(check);
                        return false;
                    }

                    long t2 = NtpTimestamp.ReadTicks(_reply, NtpPacket.ReceiveTimestampOffset);
                    long t3 = NtpTimestamp.ReadTicks(_reply, NtpPacket.TransmitTimestampOffset);
                    // On a loopback path the delay is below the clock's resolution and may come out
                    // slightly negative: it is reported as 0 (the offset does not depend on it).
                    long delay = NtpPacket.DelayTicks(t1, t2, t3, t4);
                    if (delay < 0)
                    {
                        delay = 0;
                    }

                    Apply(NtpPacket.OffsetTicks(t1, t2, t3, t4), delay);
                    return true;
                }
            }
            catch (Exception)
            {
                // Unresolvable name, unreachable network, ICMP port unreachable: try again next poll from scratch.
                Record(NoReply);
                CloseSocket(index);
                return false;
            }
        }

        private void Apply(long offset, long delay)
        {
            bool step = offset > StepThresholdTicks || offset < -StepThresholdTicks;
            if (step)
            {
                _clock.SetUtcNow(new DateTime(_clock.UtcNow.Ticks + offset, DateTimeKind.Utc));
            }

            _clock.Synchronized = true;
            lock (_sync)
            {
                _lastOffsetTicks = offset;
                _lastDelayTicks = delay;
                _lastResult = NtpPacket.Ok;
                if (step)
                {
                    _steps++;
                }
            }
        }

        private void Record(int result)
        {
            lock (_sync)
            {
                _lastResult = result;
            }
        }

        private void CloseSocket(int index)
        {
            Socket socket = _sockets[index];
            _sockets[index] = null;
            if (socket != null)
            {
                try
                {
                    socket.Close();
                }
                catch (Exception)
                {
                    // Already closed.
                }
            }
        }
    }
}
