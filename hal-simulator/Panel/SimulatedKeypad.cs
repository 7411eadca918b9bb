using System.Diagnostics;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Simulator.Panel
{
    /// <summary>
    /// The four buttons of the virtual e-Probe as raw levels: presses from the terminal are queued and each is held
    /// for its time, then released for a gap, so the firmware's debouncer sees what a finger makes (short press
    /// 120 ms, long press 1.5 s, 80 ms between presses). Thread-safe; ReadHeld allocates nothing.
    /// </summary>
    public sealed class SimulatedKeypad : IKeypad
    {
        public const int ShortHoldMs = 120;
        public const int LongHoldMs = 1500;
        public const int GapMs = 80;
        public const int QueueLength = 32;

        private readonly object _sync = new object();
        private readonly int[] _keys = new int[QueueLength];
        private readonly int[] _holdMs = new int[QueueLength];
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private int _head;
        private int _count;
        private long _pressStartMs = -1;

        /// <summary>Queues one press of a PanelKeys bit; false when the queue is full.</summary>
        public bool Press(int key, bool longPress)
        {
            lock (_sync)
            {
                if (_count == QueueLength)
                {
                    return false;
                }

                int at = (_head + _count) % QueueLength;
                _keys[at] = key;
                _holdMs[at] = longPress ? LongHoldMs : ShortHoldMs;
                _count++;
                return true;
            }
        }

        /// <summary>Presses queued or being made.</summary>
        public int Pending { get { lock (_sync) { return _count; } } }

        public int ReadHeld()
        {
            lock (_sync)
            {
                long now = _clock.ElapsedMilliseconds;
                while (_count > 0)
                {
                    if (_pressStartMs < 0)
                    {
                        _pressStartMs = now;
                    }

                    long held = now - _pressStartMs;
                    if (held < _holdMs[_head])
                    {
                        return _keys[_head];
                    }

                    if (held < _holdMs[_head] + GapMs)
                    {
                        return 0;
                    }

                    // This press and its gap are over: the next one starts now.
                    _head = (_head + 1) % QueueLength;
                    _count--;
                    _pressStartMs = -1;
                }

                return 0;
            }
        }
    }
}
