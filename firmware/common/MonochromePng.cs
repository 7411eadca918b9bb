namespace Ipenergy.Probe.Common
{
    /// <summary>Encodes a page-layout monochrome frame as PNG (skeleton).</summary>
    public static class MonochromePng
    {
        public static int MaxLength(int width, int height, int scale)
        {
            return 0;
        }

        public static int Encode(byte[] pageFrame, int width, int height, int scale, byte[] dest)
        {
            return 0;
        }
    }
}
