using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Tests.Unit.Display
{
    /// <summary>
    /// An IDisplay that keeps what it was sent: its own copy of the panel memory (so a test can check the panel shows
    /// the frame), the WritePage calls of the last flush and the bytes sent in total.
    /// </summary>
    public sealed class GraphicsRecordingDisplay : IDisplay
    {
        public const int MaxCalls = 64;

        public readonly byte[] Panel;
        public readonly int[] CallPage = new int[MaxCalls];
        public readonly int[] CallFirst = new int[MaxCalls];
        public readonly int[] CallCount = new int[MaxCalls];
        public int Calls;
        public long BytesSent;

        private readonly int _width;
        private readonly int _height;

        public GraphicsRecordingDisplay(int width, int height)
        {
            _width = width;
            _height = height;
            Panel = new byte[width * height / 8];
        }

        public int Width
        {
            get { return _width; }
        }

        public int Height
        {
            get { return _height; }
        }

        /// <summary>Forgets the recorded calls (the panel memory stays).</summary>
        public void ResetCalls()
        {
            Calls = 0;
        }

        public void WritePage(byte[] frame, int page, int firstColumn, int count)
        {
            if (Calls < MaxCalls)
            {
                CallPage[Calls] = page;
                CallFirst[Calls] = firstColumn;
                CallCount[Calls] = count;
            }

            Calls++;
            BytesSent += count;
            for (int i = 0; i < count; i++)
            {
                Panel[page * _width + firstColumn + i] = frame[page * _width + firstColumn + i];
            }
        }

        public void SetContrast(int level)
        {
        }

        public void SetBacklight(bool on)
        {
        }

        /// <summary>True when the panel memory equals the frame.</summary>
        public bool Shows(byte[] frame)
        {
            for (int i = 0; i < Panel.Length; i++)
            {
                if (Panel[i] != frame[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
