using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Display
{
    /// <summary>
    /// Turns the raw button levels of an <see cref="IKeypad"/> into key events. A level change counts once it has
    /// held DebounceMs (contact bounce shorter than that is ignored). Per key:
    /// Enter/Back: a short press is reported on release (key bit), a press held LongPressMs is reported once while
    /// still held (key | KeyEvent.Long) and its release reports nothing;
    /// Up/Down: a short press is reported on release, held RepeatDelayMs it repeats every RepeatMs
    /// (key | KeyEvent.Repeat) while held, and that release reports nothing more.
    /// Keys are independent: two keys held together give their own events, one per Sample (the rest wait in a small
    /// queue). Times are measured from the raw edge. No allocation per Sample.
    /// </summary>
    public sealed class KeyDebouncer
    {
        public const int SampleMs = 10;
        public const int DebounceMs = 30;
        public const int LongPressMs = 1000;
        public const int RepeatDelayMs = 600;
        public const int RepeatMs = 150;

        private const int KeyCount = 8;
        private const int QueueSize = 16;

        private readonly IKeypad _keypad;

        // Per key bit: the last raw level and since when, the debounced level, and the state of the current press.
        private readonly bool[] _raw = new bool[KeyCount];
        private readonly long[] _rawSince = new long[KeyCount];
        private readonly bool[] _stable = new bool[KeyCount];
        private readonly bool[] _consumed = new bool[KeyCount];
        private readonly long[] _pressedAt = new long[KeyCount];
        private readonly long[] _nextRepeat = new long[KeyCount];

        private readonly int[] _queue = new int[QueueSize];
        private int _queueHead;
        private int _queueCount;

        public KeyDebouncer(IKeypad keypad)
        {
            _keypad = keypad;
        }

        /// <summary>Call every ~10 ms; returns 0 or one event (key bit | KeyEvent.Long | KeyEvent.Repeat).</summary>
        public int Sample(long nowMs)
        {
            int held = _keypad.ReadHeld();
            for (int k = 0; k < KeyCount; k++)
            {
                Track(k, (held & (1 << k)) != 0, nowMs);
            }

            if (_queueCount == 0)
            {
                return 0;
            }

            int e = _queue[_queueHead];
            _queueHead = (_queueHead + 1) % QueueSize;
            _queueCount--;
            return e;
        }

        private void Track(int k, bool level, long now)
        {
            if (level != _raw[k])
            {
                _raw[k] = level;
                _rawSince[k] = now;
            }

            int key = 1 << k;
            bool repeats = key == PanelKeys.Up || key == PanelKeys.Down;
            if (_raw[k] != _stable[k] && now - _rawSince[k] >= DebounceMs)
            {
                _stable[k] = _raw[k];
                if (_stable[k])
                {
                    _consumed[k] = false;
                    _pressedAt[k] = _rawSince[k];
                    _nextRepeat[k] = _rawSince[k] + RepeatDelayMs;
                }
                else if (!_consumed[k])
                {
                    Enqueue(key);
                }

                return;
            }

            // Nothing more while released, nor while a release is being debounced (no step after letting go).
            if (!_stable[k] || !_raw[k])
            {
                return;
            }

            if (repeats)
            {
                if (now >= _nextRepeat[k])
                {
                    Enqueue(key | KeyEvent.Repeat);
                    _consumed[k] = true;
                    _nextRepeat[k] += RepeatMs;
                    if (_nextRepeat[k] <= now)
                    {
                        // Sampling stalled: do not burst the missed repeats.
                        _nextRepeat[k] = now + RepeatMs;
                    }
                }
            }
            else if (!_consumed[k] && now - _pressedAt[k] >= LongPressMs)
            {
                Enqueue(key | KeyEvent.Long);
                _consumed[k] = true;
            }
        }

        private void Enqueue(int e)
        {
            if (_queueCount == QueueSize)
            {
                return;
            }

            _queue[(_queueHead + _queueCount) % QueueSize] = e;
            _queueCount++;
        }
    }
}
