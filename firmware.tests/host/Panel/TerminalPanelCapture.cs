using System;
using System.Text;
using Ipenergy.Probe.Display;

namespace Ipenergy.Probe.Tests.Panel
{
    /// <summary>
    /// Reads the LCD back out of a tmux capture of the terminal panel: the 32 lines of 128 half-block characters
    /// inside the box become 64 rows of 128 pixels. Text is then found by drawing it with the firmware's own
    /// Font.Small and looking for that bitmap (either polarity: titles are inverted) anywhere on the display.
    /// </summary>
    public static class TerminalPanelCapture
    {
        public const int Width = 128;
        public const int Height = 64;

        /// <summary>The pixels (true = dark), or null when the capture holds no complete panel box.</summary>
        public static bool[,] Decode(string capture)
        {
            string[] lines = capture.Replace("\r", "").Split('\n');
            int top = Array.FindIndex(lines, l => l.StartsWith("\u250C", StringComparison.Ordinal));
            if (top < 0 || top + Height / 2 + 1 >= lines.Length)
            {
                return null;
            }

            var pixels = new bool[Height, Width];
            for (int row = 0; row < Height / 2; row++)
            {
                string line = lines[top + 1 + row];
                if (line.Length < Width + 2 || line[0] != '\u2502' || line[Width + 1] != '\u2502')
                {
                    return null;
                }

                for (int x = 0; x < Width; x++)
                {
                    char c = line[x + 1];
                    pixels[2 * row, x] = c == '\u2580' || c == '\u2588';
                    pixels[2 * row + 1, x] = c == '\u2584' || c == '\u2588';
                }
            }

            return pixels;
        }

        /// <summary>Whether the text, as Font.Small draws it (opaque 8-row cells), is on the display somewhere.</summary>
        public static bool Shows(bool[,] pixels, string text)
        {
            byte[] latin1 = Encoding.Latin1.GetBytes(text);
            var fb = new FrameBuffer(Width, 8);
            int w = fb.DrawText(Font.Small, 0, 0, latin1);
            for (int y0 = 0; y0 + 8 <= Height; y0++)
            {
                for (int x0 = 0; x0 + w <= Width; x0++)
                {
                    if (Matches(pixels, fb, w, x0, y0, false) || Matches(pixels, fb, w, x0, y0, true))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The display as text art ('#' dark), for failure messages.</summary>
        public static string Art(bool[,] pixels)
        {
            var s = new StringBuilder();
            for (int y = 0; y < Height; y++)
            {
                for (int x = 0; x < Width; x++)
                {
                    s.Append(pixels[y, x] ? '#' : '.');
                }

                s.Append('\n');
            }

            return s.ToString();
        }

        private static bool Matches(bool[,] pixels, FrameBuffer fb, int w, int x0, int y0, bool inverted)
        {
            for (int x = 0; x < w; x++)
            {
                byte column = fb.Bytes[x];
                for (int y = 0; y < 8; y++)
                {
                    bool on = (column & (1 << y)) != 0;
                    if (pixels[y0 + y, x0 + x] != (on != inverted))
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }
}
