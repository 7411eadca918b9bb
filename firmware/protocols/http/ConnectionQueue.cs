using System.Net.Sockets;
using System.Threading;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// Accepted connections waiting for a handler thread: a fixed ring, so a burst of clients costs
    /// no memory beyond the capacity. The acceptor refuses what does not fit.
    /// </summary>
    public sealed class ConnectionQueue
    {
        private readonly Socket[] _ring;
        private readonly object _sync = new object();
        private readonly AutoResetEvent _available = new AutoResetEvent(false);
        private int _head;
        private int _count;

        public ConnectionQueue(int capacity)
        {
            _ring = new Socket[capacity];
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
            lock (_sync)
            {
                if (_count == _ring.Length)
                {
                    return false;
                }

                _ring[(_head + _count) % _ring.Length] = socket;
                _count++;
            }

            _available.Set();
            return true;
        }

        /// <summary>The oldest waiting connection, or null when none arrives within <paramref name="timeoutMs"/>.</summary>
        public Socket Take(int timeoutMs)
        {
            for (int attempt = 0; attempt < 2; attempt++)
            {
                Socket socket = TryTake();
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
            Socket socket = null;
            bool more = false;
            lock (_sync)
            {
                if (_count > 0)
                {
                    socket = _ring[_head];
                    _ring[_head] = null;
                    _head = (_head + 1) % _ring.Length;
                    _count--;
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

        /// <summary>Wakes a waiting handler early (on stop); the others notice within their timeout.</summary>
        public void Wake()
        {
            _available.Set();
        }
    }
}
