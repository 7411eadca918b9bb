using System;
using System.IO;
using System.Text;
using System.Threading;

namespace Ipenergy.Probe.Simulator.Panel
{
    /// <summary>
    /// The virtual e-Probe's front panel in a terminal (--panel): the 128 x 64 LCD drawn with Unicode half blocks
    /// (one character = one column, two rows: 128 x 32 characters in a frame) in LCD colours (dimmer with the
    /// backlight off), redrawn whenever the display changes (at most every 40 ms), and the keyboard read in raw
    /// mode as the four buttons (<see cref="TerminalKeyMap"/>). Uses the terminal's alternate screen and gives the
    /// screen back at <see cref="Stop"/>. Needs 130 x 38 characters; the service lines go to the log instead.
    /// </summary>
    public sealed class TerminalPanel
    {
        public const int MinRedrawMs = 40;

        private const string Lcd = "\u001b[38;5;235;48;5;151m";
        private const string LcdDark = "\u001b[38;5;235;48;5;108m";
        private const string Reset = "\u001b[0m";
        private static readonly char[] Cells = { ' ', '\u2580', '\u2584', '\u2588' };

        private readonly SimulatedDisplay _display;
        private readonly SimulatedKeypad _keypad;
        private readonly Stream _terminal;
        private readonly string _title;
        private readonly ManualResetEvent _stop = new ManualResetEvent(false);
        private readonly byte[] _frame = new byte[SimulatedDisplay.Columns * SimulatedDisplay.Rows / 8];
        private readonly StringBuilder _screen = new StringBuilder(8192);
        private Thread _drawer;
        private Thread _reader;
        private volatile bool _longArmed;
        private volatile string _lastKey = "";

        public TerminalPanel(SimulatedDisplay display, SimulatedKeypad keypad, Stream terminal, string title)
        {
            _display = display;
            _keypad = keypad;
            _terminal = terminal;
            _title = title;
        }

        public void Start()
        {
            Write("\u001b[?1049h\u001b[?25l\u001b[2J");
            _drawer = new Thread(DrawLoop) { IsBackground = true, Name = "terminal panel" };
            _drawer.Start();
            if (!Console.IsInputRedirected)
            {
                _reader = new Thread(ReadLoop) { IsBackground = true, Name = "terminal keys" };
                _reader.Start();
            }
        }

        public void Stop()
        {
            _stop.Set();
            _drawer?.Join(2000);
            Write(Reset + "\u001b[?25h\u001b[?1049l");
        }

        private void DrawLoop()
        {
            long drawn = -1;
            WaitHandle[] wake = { _display.Changed, _stop };
            while (true)
            {
                // Also once a second: the status line follows the key queue.
                int which = WaitHandle.WaitAny(wake, 1000);
                if (which == 1)
                {
                    return;
                }

                long version = _display.CopyFrame(_frame);
                Render(version, version != drawn);
                drawn = version;
                if (_stop.WaitOne(MinRedrawMs))
                {
                    return;
                }
            }
        }

        private void Render(long version, bool frameChanged)
        {
            StringBuilder s = _screen;
            s.Clear();
            s.Append("\u001b[H").Append(Reset).Append(_title).Append("\u001b[K\r\n");
            s.Append('\u250C').Append('\u2500', SimulatedDisplay.Columns).Append('\u2510').Append("\r\n");
            string colours = _display.Backlight ? Lcd : LcdDark;
            for (int row = 0; row < SimulatedDisplay.Rows / 2; row++)
            {
                s.Append('\u2502').Append(colours);
                int page = row >> 2;
                int shift = (row & 3) * 2;
                for (int x = 0; x < SimulatedDisplay.Columns; x++)
                {
                    int bits = (_frame[page * SimulatedDisplay.Columns + x] >> shift) & 3;
                    s.Append(Cells[bits]);
                }

                s.Append(Reset).Append('\u2502').Append("\r\n");
            }

            s.Append('\u2514').Append('\u2500', SimulatedDisplay.Columns).Append('\u2518').Append("\r\n");
            s.Append("frame ").Append(version).Append("   contrast ").Append(_display.Contrast)
                .Append("   backlight ").Append(_display.Backlight ? "on " : "off")
                .Append("   keys queued ").Append(_keypad.Pending)
                .Append(_longArmed ? "   LONG armed: next key is held 1.5 s" : "   last key ").Append(_longArmed ? "" : _lastKey)
                .Append("\u001b[K\r\n");
            s.Append(TerminalKeyMap.Help).Append("\u001b[K");
            Write(s.ToString());
        }

        private void ReadLoop()
        {
            while (!_stop.WaitOne(0))
            {
                ConsoleKeyInfo key;
                try
                {
                    key = Console.ReadKey(true);
                }
                catch (InvalidOperationException)
                {
                    return;   // no terminal to read from
                }

                if (TerminalKeyMap.IsLongPrefix(key))
                {
                    _longArmed = true;
                    _display.Wake();
                    continue;
                }

                int button = TerminalKeyMap.ButtonOf(key);
                if (button == 0)
                {
                    continue;
                }

                bool longPress = _longArmed;
                _longArmed = false;
                _lastKey = (longPress ? "long " : "") + Ipenergy.Probe.Hal.PanelKeys.Name(button);
                _keypad.Press(button, longPress);
                _display.Wake();
            }
        }

        private void Write(string text)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            lock (_terminal)
            {
                _terminal.Write(bytes, 0, bytes.Length);
                _terminal.Flush();
            }
        }
    }
}
