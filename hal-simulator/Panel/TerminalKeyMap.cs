using System;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Simulator.Panel
{
    /// <summary>
    /// Which panel button a terminal key is: arrows (or k / j) = up / down, Enter (or space) = enter,
    /// Backspace / Esc (or b) = back. 'l' arms a long press for the next key (l then Enter = Enter held 1.5 s).
    /// </summary>
    public static class TerminalKeyMap
    {
        public const string Help = "\u2191/\u2193 or k/j: up/down   Enter/space: enter   Backspace/Esc/b: back   l+key: long press   Ctrl-C: stop";

        /// <summary>The PanelKeys bit of a key, 0 for a key that is no button.</summary>
        public static int ButtonOf(ConsoleKeyInfo key)
        {
            switch (key.Key)
            {
                case ConsoleKey.UpArrow:
                    return PanelKeys.Up;
                case ConsoleKey.DownArrow:
                    return PanelKeys.Down;
                case ConsoleKey.Enter:
                case ConsoleKey.Spacebar:
                    return PanelKeys.Enter;
                case ConsoleKey.Backspace:
                case ConsoleKey.Escape:
                    return PanelKeys.Back;
            }

            switch (key.KeyChar)
            {
                case 'k':
                    return PanelKeys.Up;
                case 'j':
                    return PanelKeys.Down;
                case '\r':
                case '\n':
                case ' ':
                    return PanelKeys.Enter;
                case 'b':
                case '\b':
                case '\x7f':
                case '\x1b':
                    return PanelKeys.Back;
            }

            return 0;
        }

        /// <summary>The key that arms a long press of the next button.</summary>
        public static bool IsLongPrefix(ConsoleKeyInfo key)
        {
            return key.KeyChar == 'l' || key.KeyChar == 'L';
        }
    }
}
