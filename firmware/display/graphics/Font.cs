namespace Ipenergy.Probe.Display
{
    /// <summary>A bitmap font (skeleton).</summary>
    public sealed class Font
    {
        public static readonly Font Small = new Font(8);
        public static readonly Font Large = new Font(16);

        private readonly int _height;

        private Font(int height)
        {
            _height = height;
        }

        public int Height
        {
            get { return _height; }
        }

        public int CharWidth(byte c)
        {
            return _height == 8 ? 6 : 12;
        }
    }
}
