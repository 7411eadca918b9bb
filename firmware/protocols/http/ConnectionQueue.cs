using System;
using System.Net.Sockets;
using System.Threading;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// Accepted connections waiting for a handler thread: a fixed ring, so a burst of clients costs
    /// no memory beyond the capacity. The acceptor refuses what does not fit, or makes room by evicting
    /// a waiting connection that looks slow (<see cref="TakeSlow"/>).
    /// </summary>
    public sealed class ConnectionQueue
    {
        private readonly Socket[] _ring;
        private readonly long[] _queuedAt;
        private readonly object _sync = new object();
        private readonly AutoResetEvent _available = new AutoResetEvent(false);
        private int _head;
        private int _count;

        public ConnectionQueue(int capacity)
        {
            _ring = new Socket[capacity];
            _queuedAt = new long[capacity];
        }

        /// <summary>Connections waiting; handlers use it to cut idle keep-alive connections short when others wait.</summary>
        public int Count
        {
            get
            {
                lock (_sync)
                {
                    return _count;
                }
            }
        }

        /// <summary>Queues the connection; false (and nothing queued) when full.</summary>
        public bool TryAdd(Socket socket)
        {
            return TryAdd(socket, 0);
        }

        /// <summary>
        /// Queues the connection, noting <paramref name="nowMs"/> (the acceptor's steady clock) as the time it
        /// started waiting; false (and nothing queued) when full.
        /// </summary>
        public bool TryAdd(Socket socket, long nowMs)
        {
            lock (_sync)
            {
                if (_count == _ring.Length)
                {
                    return false;
                }

                int slot = (_head + _count) % _ring.Length;
                _ring[slot] = socket;
                _queuedAt[slot] = nowMs;
                _count++;
            }

            _available.Set();
            return true;
        }

        /// <summary>The oldest waiting connection, or null when none arrives within <paramref name="timeoutMs"/>.</summary>
        public Socket Take(int timeoutMs)
        {
            return Take(timeoutMs, null);
        }

        /// <summary>
        /// As <see cref="Take(int)"/>, but when several wait, the oldest whose complete request head has arrived goes
        /// first (peeked into <paramref name="peekBuffer"/>, e.g. the idle handler's request buffer; null: oldest
        /// first), so a normal client does not wait behind trickling ones.
        /// </summary>
        public Socket Take(int timeoutMs, byte[] peekBuffer)
        {
            for (int attempt = 0; attempt < 2; attempt++)
            {
                Socket socket = TryTake(peekBuffer);
                if (socket != null)
                {
                    return socket;
                }

                if (attempt == 0 && !_available.WaitOne(timeoutMs, false))
                {
                    return null;
                }
            }

            return null;
        }

        /// <summary>The oldest waiting connection, or null at once when none waits.</summary>
        public Socket TryTake()
        {
            return TryTake(null);
        }

        /// <summary>As <see cref="TryTake()"/>, preferring a connection whose head has arrived (see <see cref="Take(int, byte[])"/>).</summary>
        public Socket TryTake(byte[] peekBuffer)
        {
            Socket socket = null;
            bool more = false;
            lock (_sync)
            {
                if (_count > 0)
                {
                    int index = 0;
                    if (peekBuffer != null && _count > 1)
                    {
                        while (index < _count && !HasCompleteHead(_ring[(_head + index) % _ring.Length], peekBuffer))
                        {
                            index++;
                        }

                        if (index == _count)
                        {
                            index = 0;
                        }
                    }

                    socket = RemoveAt(index);
                    more = _count > 0;
                }
            }

            // One event wakes one waiter: pass the wake-up on while connections remain.
            if (more)
            {
                _available.Set();
            }

            return socket;
        }

        /// <summary>
        /// Removes and returns the oldest waiting connection that has waited at least <paramref name="graceMs"/>
        /// (by the clock of <see cref="TryAdd(Socket, long)"/>) without a complete request head among the bytes it
        /// sent so far, or null when none looks slow (graceMs 0: any without a complete head). A normal client sends its whole head at once, so one still
        /// without it after the grace time is trickling (slow loris), idle, or gone. Only non-blocking calls are
        /// made under the lock: Available, and a Peek of what is already there into <paramref name="peekBuffer"/>
        /// (one buffer the caller reuses).
        /// </summary>
        public Socket TakeSlow(long nowMs, int graceMs, byte[] peekBuffer)
        {
            lock (_sync)
            {
                for (int i = 0; i < _count; i++)
                {
                    int slot = (_head + i) % _ring.Length;
                    if (nowMs - _queuedAt[slot] < graceMs || HasCompleteHead(_ring[slot], peekBuffer))
                    {
                        continue;
                    }

                    return RemoveAt(i);
                }
            }

            return null;
        }

        // Removes the index-th waiting connection (0 = oldest); the ones queued after it move forward one place,
        // keeping their order. Called under the lock.
        private Socket RemoveAt(int index)
        {
            Socket socket = _ring[(_head + index) % _ring.Length];
            if (index == 0)
            {
                _ring[_head] = null;
                _head = (_head + 1) % _ring.Length;
                _count--;
                return socket;
            }

            for (int j = index; j < _count - 1; j++)
            {
                int from = (_head + j + 1) % _ring.Length;
                int to = (_head + j) % _ring.Length;
                _ring[to] = _ring[from];
                _queuedAt[to] = _queuedAt[from];
            }

            _ring[(_head + _count - 1) % _ring.Length] = null;
            _count--;
            return socket;
        }

        /// <summary>
        /// Whether the bytes received so far start with a whole request head (empty lines before it skipped),
        /// peeked without consuming them into <paramref name="peekBuffer"/>; false for a socket that fails.
        /// Never blocks: nothing is read unless Available says it is there.
        /// </summary>
        public static bool HasCompleteHead(Socket socket, byte[] peekBuffer)
        {
            try
            {
                int available = socket.Available;
                if (available <= 0)
                {
                    return false;
                }

                int want = available < peekBuffer.Length ? available : peekBuffer.Length;
                int got = socket.Receive(peekBuffer, 0, want, SocketFlags.Peek);
                if (got <= 0)
                {
                    return false;
                }

                int skip = HttpRequestParser.CountLeadingEmptyLines(peekBuffer, 0, got);
                return HttpRequestParser.FindHeadEnd(peekBuffer, skip, got - skip, 0) > 0;
            }
            catch (Exception)
            {
                // Reset or closed by the peer.
                return false;
            }
        }

        /// <summary>Wakes a waiting handler early (on stop); the others notice within their timeout.</summary>
        public void Wake()
        {
            _available.Set();
        }
    }
}
