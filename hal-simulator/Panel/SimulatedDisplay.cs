using System;
using System.Threading;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Simulator.Panel
{
    /// <summary>
    /// The 128 x 64 LCD of the virtual e-Probe: keeps the frame the firmware sent (page layout of IDisplay), the
    /// contrast and the backlight, counts what was written, and wakes whoever shows it (the terminal panel, the PNG
    /// writer) when something changed.
    /// </summary>
    public sealed class SimulatedDisplay : IDisplay
    {
        public const int Columns = 128;
        public const int Rows = 64;

        private readonly byte[] _frame = new byte[Columns * Rows / 8];
        private readonly object _sync = new object();
        private readonly AutoResetEvent _changed = new AutoResetEvent(false);
        private int _contrast = 32;
        private bool _backlight = true;

        public int Width { get { return Columns; } }

        public int Height { get { return Rows; } }

        /// <summary>Increments on every write or setting change (the terminal redraws when it moves).</summary>
        public long Version { get; private set; }

        /// <summary>Bytes received through WritePage since start.</summary>
        public long BytesWritten { get; private set; }

        /// <summary>WritePage calls since start.</summary>
        public long Writes { get; private set; }

        public int Contrast { get { lock (_sync) { return _contrast; } } }

        public bool Backlight { get { lock (_sync) { return _backlight; } } }

        /// <summary>Set (auto-reset) after each change.</summary>
        public WaitHandle Changed { get { return _changed; } }

        public void WritePage(byte[] frame, int page, int firstColumn, int count)
        {
            if (page < 0 || page >= Rows / 8 || firstColumn < 0 || count < 0 || firstColumn + count > Columns)
            {
                throw new ArgumentOutOfRangeException(nameof(page), "page " + page + " columns " + firstColumn + "+" + count + " outside the 128 x 64 display");
            }

            lock (_sync)
            {
                int at = page * Columns + firstColumn;
                Array.Copy(frame, at, _frame, at, count);
                BytesWritten += count;
                Writes++;
                Version++;
            }

            _changed.Set();
        }

        public void SetContrast(int level)
        {
            lock (_sync)
            {
                _contrast = level < 0 ? 0 : level > 63 ? 63 : level;
                Version++;
            }

            _changed.Set();
        }

        public void SetBacklight(bool on)
        {
            lock (_sync)
            {
                _backlight = on;
                Version++;
            }

            _changed.Set();
        }

        /// <summary>Wakes the waiters of <see cref="Changed"/> without a change (the terminal's status line moved).</summary>
        public void Wake()
        {
            _changed.Set();
        }

        /// <summary>Copies the frame as the display holds it; returns its version.</summary>
        public long CopyFrame(byte[] dest)
        {
            lock (_sync)
            {
                Array.Copy(_frame, dest, _frame.Length);
                return Version;
            }
        }

        /// <summary>Pixel (x, y) of the display memory: true = dark.</summary>
        public bool Pixel(int x, int y)
        {
            lock (_sync)
            {
                return (_frame[(y >> 3) * Columns + x] & (1 << (y & 7))) != 0;
            }
        }
    }
}
