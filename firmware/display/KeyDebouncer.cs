using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Display
{
    /// <summary>Debounces the raw keypad levels into key events (skeleton).</summary>
    public sealed class KeyDebouncer
    {
        public const int SampleMs = 10;
        public const int DebounceMs = 30;
        public const int LongPressMs = 1000;
        public const int RepeatDelayMs = 600;
        public const int RepeatMs = 150;

        private readonly IKeypad _keypad;

        public KeyDebouncer(IKeypad keypad)
        {
            _keypad = keypad;
        }

        /// <summary>Call every ~10 ms; returns 0 or one event (key bit | KeyEvent.Long | KeyEvent.Repeat).</summary>
        public int Sample(long nowMs)
        {
            _keypad.ReadHeld();
            return 0;
        }
    }
}
