namespace Ipenergy.Probe.Display
{
    /// <summary>
    /// One screen of the panel. The controller moves between screens (Up/Down), and into the items of screens
    /// that have several (one circuit, channel or alarm per item); a screen only draws what it is told.
    /// Layout: a title bar (inverted, rows 0..8), then six text lines of 8 rows every 9 rows (y = 11 + 9 n).
    /// </summary>
    public abstract class PanelScreen
    {
        public const int TitleRows = 9;
        public const int BodyLines = 6;

        /// <summary>Text id of the screen's name.</summary>
        public abstract int TitleId { get; }

        /// <summary>Items the screen pages through (1 for a single page).</summary>
        public virtual int ItemCount(PanelContext c)
        {
            return 1;
        }

        /// <summary>True when Enter goes into the screen (items, a list, settings).</summary>
        public virtual bool Opens
        {
            get { return false; }
        }

        /// <summary>Draws the body; item is the current item (0..ItemCount-1), inside true once entered.</summary>
        public abstract void Draw(FrameBuffer fb, PanelContext c, int item, bool inside);

        /// <summary>Top row of body line n (0..5).</summary>
        public static int LineY(int n)
        {
            return 11 + 9 * n;
        }

        /// <summary>The title bar: the text left, an optional right part (time, "3/18"), inverted.</summary>
        public static void DrawTitle(FrameBuffer fb, byte[] title, int titleLength, TextLine right)
        {
            fb.DrawText(Font.Small, 1, 1, title, 0, titleLength);
            if (right != null && right.Length > 0)
            {
                fb.DrawTextRight(Font.Small, fb.Width - 1, 1, right.Bytes, 0, right.Length);
            }

            fb.InvertRect(0, 0, fb.Width, TitleRows);
        }

        /// <summary>Label at the left of body line n and the value line right-aligned at rightX.</summary>
        public static void DrawField(FrameBuffer fb, int n, byte[] label, TextLine value, int rightX)
        {
            int y = LineY(n);
            if (label != null)
            {
                fb.DrawText(Font.Small, 0, y, label);
            }

            fb.DrawTextRight(Font.Small, rightX, y, value.Bytes, 0, value.Length);
        }

        /// <summary>A whole line of text on body line n.</summary>
        public static void DrawLine(FrameBuffer fb, int n, TextLine line)
        {
            fb.DrawText(Font.Small, 0, LineY(n), line.Bytes, 0, line.Length);
        }

        /// <summary>Body line n shown selected (inverted across the width, one row above and below the text).</summary>
        public static void Highlight(FrameBuffer fb, int n)
        {
            fb.InvertRect(0, LineY(n) - 1, fb.Width, 9);
        }
    }
}
