using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Display
{
    /// <summary>A frame in the page layout of <see cref="IDisplay"/> (skeleton).</summary>
    public sealed class FrameBuffer
    {
        private readonly int _width;
        private readonly int _height;
        private readonly byte[] _bytes;
        private long _version;

        public FrameBuffer(int width, int height)
        {
            _width = width;
            _height = height;
            _bytes = new byte[width * (height / 8)];
        }

        public int Width
        {
            get { return _width; }
        }

        public int Height
        {
            get { return _height; }
        }

        public byte[] Bytes
        {
            get { return _bytes; }
        }

        public long Version
        {
            get { return _version; }
        }

        public void Clear()
        {
        }

        public void SetPixel(int x, int y, bool on)
        {
        }

        public void FillRect(int x, int y, int w, int h, bool on)
        {
        }

        public void InvertRect(int x, int y, int w, int h)
        {
        }

        public void DrawRect(int x, int y, int w, int h)
        {
        }

        public void DrawHLine(int x, int y, int w)
        {
        }

        public int DrawText(Font f, int x, int y, byte[] text, int start, int count)
        {
            return x;
        }

        public int DrawText(Font f, int x, int y, byte[] text)
        {
            return DrawText(f, x, y, text, 0, text.Length);
        }

        public int TextWidth(Font f, byte[] text, int start, int count)
        {
            return 0;
        }

        public void DrawTextRight(Font f, int rightX, int y, byte[] text, int start, int count)
        {
        }

        public void DrawBar(int x, int y, int w, int h, int permille)
        {
        }

        public void DrawIcon(int x, int y, byte[] columns, int width)
        {
        }

        public int Flush(IDisplay display)
        {
            _version += 0;
            return 0;
        }
    }
}
