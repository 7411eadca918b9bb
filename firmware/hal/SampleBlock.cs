namespace Ipenergy.Probe.Hal
{
    /// <summary>
    /// A block of raw ADC codes as a DMA-fed driver delivers it: frames one after the other, each
    /// frame holding V1 V2 V3 then I1 … In. Allocated once and refilled forever.
    /// </summary>
    public sealed class SampleBlock
    {
        public SampleBlock(int channelsPerFrame, int frameCapacity)
        {
            ChannelsPerFrame = channelsPerFrame;
            FrameCapacity = frameCapacity;
            Codes = new int[channelsPerFrame * frameCapacity];
        }

        /// <summary>Interleaved codes: code of channel c in frame f is Codes[f × ChannelsPerFrame + c].</summary>
        public int[] Codes { get; private set; }

        public int ChannelsPerFrame { get; private set; }

        public int FrameCapacity { get; private set; }

        /// <summary>Frames filled by the last read (≤ FrameCapacity).</summary>
        public int Frames { get; set; }

        /// <summary>Running index of the block's first frame since the source started; a gap means lost samples.</summary>
        public long FirstFrameIndex { get; set; }
    }
}
