using Ipenergy.Probe.Display;
using Ipenergy.Probe.Hal;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Display
{
    [TestClass]
    public class KeyDebouncerTests
    {
        private sealed class ScriptedKeypad : IKeypad
        {
            public int Held;

            public int ReadHeld()
            {
                return Held;
            }
        }

        private ScriptedKeypad _keypad;
        private KeyDebouncer _debouncer;
        private long _now;
        private int[] _events;
        private long[] _times;
        private int _count;

        // Fresh state per test (a device runs [Setup] once per class, so each test starts its own).
        private void Start()
        {
            _keypad = new ScriptedKeypad();
            _debouncer = new KeyDebouncer(_keypad);
            _now = 0;
            _events = new int[200];
            _times = new long[200];
            _count = 0;
            Hold(0, 100);
        }

        // Holds the given keys for ms, sampling every SampleMs and collecting the events.
        private void Hold(int keys, int ms)
        {
            _keypad.Held = keys;
            long end = _now + ms;
            while (_now < end)
            {
                int e = _debouncer.Sample(_now);
                if (e != 0)
                {
                    _events[_count] = e;
                    _times[_count] = _now;
                    _count++;
                }

                _now += KeyDebouncer.SampleMs;
            }
        }

        [TestMethod]
        public void ShortPressIsReportedOnRelease()
        {
            Start();
            Hold(PanelKeys.Enter, 200);
            Assert.AreEqual(0, _count, "nothing while held");
            Hold(0, 100);
            Assert.AreEqual(1, _count);
            Assert.AreEqual(PanelKeys.Enter, _events[0]);
        }

        [TestMethod]
        public void BounceShorterThanTheDebounceTimeIsIgnored()
        {
            Start();
            // Contact bounce: 10-20 ms pulses, never DebounceMs long.
            for (int i = 0; i < 5; i++)
            {
                Hold(PanelKeys.Back, 20);
                Hold(0, 10);
            }

            Hold(0, 200);
            Assert.AreEqual(0, _count, "bounces alone are no press");

            // A press that bounces on the way in and out counts once.
            Hold(PanelKeys.Back, 10);
            Hold(0, 10);
            Hold(PanelKeys.Back, 150);
            Hold(0, 10);
            Hold(PanelKeys.Back, 10);
            Hold(0, 200);
            Assert.AreEqual(1, _count);
            Assert.AreEqual(PanelKeys.Back, _events[0]);
        }

        [TestMethod]
        public void LongPressIsReportedOnceWhileHeldAndNotOnRelease()
        {
            Start();
            long pressed = _now;
            Hold(PanelKeys.Enter, 3000);
            Assert.AreEqual(1, _count);
            Assert.AreEqual(PanelKeys.Enter | KeyEvent.Long, _events[0]);
            long after = _times[0] - pressed;
            Assert.IsTrue(after >= KeyDebouncer.LongPressMs && after <= KeyDebouncer.LongPressMs + 20, "long after " + after);
            Hold(0, 200);
            Assert.AreEqual(1, _count, "release after a long press reports nothing");
            Hold(PanelKeys.Enter, 100);
            Hold(0, 100);
            Assert.AreEqual(2, _count);
            Assert.AreEqual(PanelKeys.Enter, _events[1], "the next short press is short again");
        }

        [TestMethod]
        public void UpAndDownRepeatWhileHeld()
        {
            Start();
            long pressed = _now;
            Hold(PanelKeys.Down, 1500);
            // Repeats at 600, 750, 900, 1050, 1200, 1350 ms (and none at 1500: not yet sampled).
            Assert.AreEqual(6, _count);
            for (int i = 0; i < _count; i++)
            {
                Assert.AreEqual(PanelKeys.Down | KeyEvent.Repeat, _events[i]);
                Assert.AreEqual(KeyDebouncer.RepeatDelayMs + i * KeyDebouncer.RepeatMs, _times[i] - pressed, "repeat " + i);
            }

            Hold(0, 100);
            Assert.AreEqual(6, _count, "no extra step on release");
            Hold(PanelKeys.Up, 300);
            Hold(0, 100);
            Assert.AreEqual(7, _count);
            Assert.AreEqual(PanelKeys.Up, _events[6], "a short Up is one step on release");
        }

        [TestMethod]
        public void TwoKeysGiveTheirOwnEvents()
        {
            Start();
            Hold(PanelKeys.Up, 50);
            Hold(PanelKeys.Up | PanelKeys.Enter, 1100);
            // Up repeats (held 1150 ms), Enter goes long.
            int repeats = 0;
            int longs = 0;
            for (int i = 0; i < _count; i++)
            {
                if (_events[i] == (PanelKeys.Up | KeyEvent.Repeat))
                {
                    repeats++;
                }
                else if (_events[i] == (PanelKeys.Enter | KeyEvent.Long))
                {
                    longs++;
                }
                else
                {
                    Assert.IsTrue(false, "unexpected event " + _events[i]);
                }
            }

            Assert.AreEqual(1, longs);
            Assert.AreEqual(4, repeats);
            int before = _count;
            Hold(PanelKeys.Enter, 100);
            Hold(0, 100);
            Assert.AreEqual(before, _count, "neither release adds a short press");

            // Two short presses released in the same sample: both come out, one per Sample.
            Hold(PanelKeys.Back | PanelKeys.Enter, 100);
            Hold(0, 100);
            Assert.AreEqual(before + 2, _count);
            Assert.AreEqual(PanelKeys.Back | PanelKeys.Enter, _events[before] | _events[before + 1]);
        }

        [TestMethod]
        public void LevelsAtStartUpAreNoPress()
        {
            Start();
            Assert.AreEqual(0, _count);
            Assert.AreEqual(0, _debouncer.Sample(_now));
        }
    }
}
