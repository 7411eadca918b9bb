using System.Threading;
using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.App
{
    /// <summary>
    /// Hands every published second from the metering thread to the services thread in order, so the
    /// history sees each second even when the services fall behind for a while (a flash erase) or time
    /// runs faster than the wall clock. Fixed capacity, no allocation; when full the oldest is dropped
    /// and counted (the history then shows a shorter coverage for that interval).
    /// </summary>
    public sealed class SnapshotQueue
    {
        private readonly MeasurementSnapshot[] _ring;
        private readonly AutoResetEvent _signal = new AutoResetEvent(false);
        private readonly object _lock = new object();
        private int _head;
        private int _count;

        public SnapshotQueue(int capacity)
        {
            _ring = new MeasurementSnapshot[capacity];
        }

        /// <summary>Seconds dropped because the queue was full.</summary>
        public long Dropped { get; private set; }

        public void Enqueue(MeasurementSnapshot snapshot)
        {
            lock (_lock)
            {
                if (_count == _ring.Length)
                {
                    _ring[_head] = null;
                    _head = (_head + 1) % _ring.Length;
                    _count--;
                    Dropped++;
                }

                _ring[(_head + _count) % _ring.Length] = snapshot;
                _count++;
            }

            _signal.Set();
        }

        /// <summary>The oldest queued second, or null when empty.</summary>
        public MeasurementSnapshot TryDequeue()
        {
            lock (_lock)
            {
                if (_count == 0)
                {
                    return null;
                }

                MeasurementSnapshot s = _ring[_head];
                _ring[_head] = null;
                _head = (_head + 1) % _ring.Length;
                _count--;
                return s;
            }
        }

        /// <summary>Waits until something is queued or the timeout passes.</summary>
        public void Wait(int milliseconds)
        {
            _signal.WaitOne(milliseconds, false);
        }
    }
}
