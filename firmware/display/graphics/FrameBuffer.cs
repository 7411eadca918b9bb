using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Display
{
    /// <summary>
    /// One frame of the panel in the page layout of <see cref="IDisplay"/> (Bytes[page * Width + column], bit 0 = the
    /// page's top row, 1 = dark), with drawing primitives. Every write that changes a byte widens that page's dirty
    /// column range; <see cref="Flush"/> compares that range with a copy of what the display was last sent and
    /// sends only the run from the first to the last column that really differs, one WritePage per page. So a screen
    /// may clear and redraw everything each frame: an unchanged frame sends nothing, a changed digit its columns.
    /// Drawing is clipped to the frame; nothing here allocates after construction.
    /// </summary>
    public sealed class FrameBuffer
    {
        private readonly int _width;
        private readonly int _height;
        private readonly int _pages;
        private readonly byte[] _bytes;

        // What the display holds: the frame as of the last Flush.
        private readonly byte[] _sent;
        private bool _sendAll;

        // Per page the first and last column changed since the last Flush; first > last = clean.
        private readonly int[] _dirtyFirst;
        private readonly int[] _dirtyLast;
        private long _version;

        /// <summary>A frame of width x height pixels (height rounded up to whole pages), all off, all dirty.</summary>
        public FrameBuffer(int width, int height)
        {
            _width = width;
            _pages = (height + 7) / 8;
            _height = _pages * 8;
            _bytes = new byte[width * _pages];
            _sent = new byte[width * _pages];
            _dirtyFirst = new int[_pages];
            _dirtyLast = new int[_pages];
            Invalidate();
        }

        public int Width
        {
            get { return _width; }
        }

        public int Height
        {
            get { return _height; }
        }

        /// <summary>The frame in the page layout of IDisplay (read it, draw through the methods).</summary>
        public byte[] Bytes
        {
            get { return _bytes; }
        }

        /// <summary>Frame number: increments on every Flush that sent something.</summary>
        public long Version
        {
            get { return _version; }
        }

        /// <summary>Marks the whole frame dirty, so the next Flush sends everything (display reset, first frame).</summary>
        public void Invalidate()
        {
            _sendAll = true;
            for (int p = 0; p < _pages; p++)
            {
                _dirtyFirst[p] = 0;
                _dirtyLast[p] = _width - 1;
            }
        }

        /// <summary>All pixels off; only the bytes that were on become dirty.</summary>
        public void Clear()
        {
            byte[] bytes = _bytes;
            for (int p = 0; p < _pages; p++)
            {
                int row = p * _width;
                for (int x = 0; x < _width; x++)
                {
                    if (bytes[row + x] != 0)
                    {
                        bytes[row + x] = 0;
                        MarkDirty(p, x);
                    }
                }
            }
        }

        public void SetPixel(int x, int y, bool on)
        {
            if (x < 0 || x >= _width || y < 0 || y >= _height)
            {
                return;
            }

            int bit = 1 << (y & 7);
            WriteBits(y >> 3, x, bit, on ? bit : 0);
        }

        /// <summary>Sets (on) or clears (off) every pixel of the rectangle.</summary>
        public void FillRect(int x, int y, int w, int h, bool on)
        {
            if (!Clip(ref x, ref y, ref w, ref h))
            {
                return;
            }

            int bottom = y + h;
            while (y < bottom)
            {
                int page = y >> 3;
                int shift = y & 7;
                int rows = 8 - shift;
                if (rows > bottom - y)
                {
                    rows = bottom - y;
                }

                int mask = ((1 << rows) - 1) << shift;
                int value = on ? mask : 0;
                for (int c = x; c < x + w; c++)
                {
                    WriteBits(page, c, mask, value);
                }

                y += rows;
            }
        }

        /// <summary>Inverts every pixel of the rectangle (the highlighted line of a menu).</summary>
        public void InvertRect(int x, int y, int w, int h)
        {
            if (!Clip(ref x, ref y, ref w, ref h))
            {
                return;
            }

            int bottom = y + h;
            while (y < bottom)
            {
                int page = y >> 3;
                int shift = y & 7;
                int rows = 8 - shift;
                if (rows > bottom - y)
                {
                    rows = bottom - y;
                }

                int mask = ((1 << rows) - 1) << shift;
                int row = page * _width;
                for (int c = x; c < x + w; c++)
                {
                    WriteBits(page, c, mask, ~_bytes[row + c]);
                }

                y += rows;
            }
        }

        /// <summary>A one-pixel outline of the rectangle.</summary>
        public void DrawRect(int x, int y, int w, int h)
        {
            if (w <= 0 || h <= 0)
            {
                return;
            }

            FillRect(x, y, w, 1, true);
            FillRect(x, y + h - 1, w, 1, true);
            FillRect(x, y, 1, h, true);
            FillRect(x + w - 1, y, 1, h, true);
        }

        public void DrawHLine(int x, int y, int w)
        {
            FillRect(x, y, w, 1, true);
        }

        /// <summary>
        /// Draws count Latin-1 bytes of text from start with the font's top row at y. Opaque: each character cell
        /// (its advance x font height) is written whole, the background off, so text can be redrawn in place.
        /// Returns the x after the text.
        /// </summary>
        public int DrawText(Font f, int x, int y, byte[] text, int start, int count)
        {
            int end = start + count;
            for (int i = start; i < end; i++)
            {
                if (x >= _width)
                {
                    // Keep counting so the caller gets the same x as TextWidth.
                    x += f.CharWidth(text[i]);
                    continue;
                }

                x = DrawChar(f, x, y, text[i]);
            }

            return x;
        }

        public int DrawText(Font f, int x, int y, byte[] text)
        {
            return DrawText(f, x, y, text, 0, text.Length);
        }

        /// <summary>Width in pixels of the text (sum of the advances, the last character's spacing included).</summary>
        public int TextWidth(Font f, byte[] text, int start, int count)
        {
            int width = 0;
            int end = start + count;
            for (int i = start; i < end; i++)
            {
                width += f.CharWidth(text[i]);
            }

            return width;
        }

        /// <summary>Draws the text so that it ends at rightX (exclusive): right-aligned numbers.</summary>
        public void DrawTextRight(Font f, int rightX, int y, byte[] text, int start, int count)
        {
            DrawText(f, rightX - TextWidth(f, text, start, count), y, text, start, count);
        }

        /// <summary>
        /// A bar graph: a one-pixel frame and its inside filled from the left in proportion to permille (clipped to
        /// 0..1000), the rest of the inside cleared.
        /// </summary>
        public void DrawBar(int x, int y, int w, int h, int permille)
        {
            if (w < 3 || h < 3)
            {
                return;
            }

            if (permille < 0)
            {
                permille = 0;
            }
            else if (permille > 1000)
            {
                permille = 1000;
            }

            int inner = w - 2;
            int fill = (inner * permille + 500) / 1000;
            DrawRect(x, y, w, h);
            FillRect(x + 1, y + 1, fill, h - 2, true);
            FillRect(x + 1 + fill, y + 1, inner - fill, h - 2, false);
        }

        /// <summary>An 8-row icon given as column bytes (bit 0 = top row), drawn opaque at any y.</summary>
        public void DrawIcon(int x, int y, byte[] columns, int width)
        {
            for (int i = 0; i < width; i++)
            {
                WriteColumn(x + i, y, columns[i], 8);
            }
        }

        /// <summary>
        /// Sends to the display, per page, the one run of columns from the first to the last that differ from what
        /// it was last sent (everything after construction or Invalidate), then marks everything clean. Returns the
        /// bytes sent (0 when the frame equals the panel).
        /// </summary>
        public int Flush(IDisplay display)
        {
            int sent = 0;
            for (int p = 0; p < _pages; p++)
            {
                int row = p * _width;
                int first = _dirtyFirst[p];
                int last = _dirtyLast[p];
                if (!_sendAll)
                {
                    while (first <= last && _bytes[row + first] == _sent[row + first])
                    {
                        first++;
                    }

                    while (last >= first && _bytes[row + last] == _sent[row + last])
                    {
                        last--;
                    }
                }

                _dirtyFirst[p] = _width;
                _dirtyLast[p] = -1;
                if (first > last)
                {
                    continue;
                }

                int count = last - first + 1;
                display.WritePage(_bytes, p, first, count);
                for (int x = first; x <= last; x++)
                {
                    _sent[row + x] = _bytes[row + x];
                }

                sent += count;
            }

            _sendAll = false;
            if (sent > 0)
            {
                _version++;
            }

            return sent;
        }

        // One character cell at (x, y); returns the x after it.
        private int DrawChar(Font f, int x, int y, byte c)
        {
            int advance = f.CharWidth(c);
            int height = f.Height;
            if ((y & 7) == 0 && y >= 0 && y + height <= _height && x >= 0 && x + advance <= _width)
            {
                // Fast path (the usual case: text lines on page boundaries): whole bytes, no masks.
                for (int band = 0; band < height; band += 8)
                {
                    int page = (y + band) >> 3;
                    int index = page * _width + x;
                    for (int i = 0; i < advance; i++)
                    {
                        byte value = (byte)f.Column(c, i, band >> 3);
                        if (_bytes[index + i] != value)
                        {
                            _bytes[index + i] = value;
                            MarkDirty(page, x + i);
                        }
                    }
                }

                return x + advance;
            }

            for (int i = 0; i < advance; i++)
            {
                for (int band = 0; band < height; band += 8)
                {
                    int rows = height - band < 8 ? height - band : 8;
                    WriteColumn(x + i, y + band, f.Column(c, i, band >> 3), rows);
                }
            }

            return x + advance;
        }

        // Writes rows (1..8) pixels of one column from y down, bit 0 of bits = row y; clipped.
        private void WriteColumn(int x, int y, int bits, int rows)
        {
            if (x < 0 || x >= _width || y >= _height || y <= -rows)
            {
                return;
            }

            int mask = (1 << rows) - 1;
            bits &= mask;
            if (y < 0)
            {
                mask >>= -y;
                bits >>= -y;
                y = 0;
            }

            int page = y >> 3;
            int shift = y & 7;
            WriteBits(page, x, (mask << shift) & 0xFF, (bits << shift) & 0xFF);
            if (shift != 0 && page + 1 < _pages)
            {
                WriteBits(page + 1, x, mask >> (8 - shift), bits >> (8 - shift));
            }
        }

        // The one place bytes change: the bits of mask take value, the page's dirty range grows when the byte differs.
        private void WriteBits(int page, int x, int mask, int value)
        {
            if (mask == 0)
            {
                return;
            }

            int index = page * _width + x;
            int old = _bytes[index];
            int updated = (old & ~mask) | (value & mask);
            if (updated != old)
            {
                _bytes[index] = (byte)updated;
                MarkDirty(page, x);
            }
        }

        private void MarkDirty(int page, int x)
        {
            if (x < _dirtyFirst[page])
            {
                _dirtyFirst[page] = x;
            }

            if (x > _dirtyLast[page])
            {
                _dirtyLast[page] = x;
            }
        }

        private bool Clip(ref int x, ref int y, ref int w, ref int h)
        {
            if (x < 0)
            {
                w += x;
                x = 0;
            }

            if (y < 0)
            {
                h += y;
                y = 0;
            }

            if (x + w > _width)
            {
                w = _width - x;
            }

            if (y + h > _height)
            {
                h = _height - y;
            }

            return w > 0 && h > 0;
        }
    }
}
