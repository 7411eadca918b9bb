using System.Diagnostics;
using Ipenergy.Probe.Hal;
using Xunit;

namespace Ipenergy.Probe.Tests.Board
{
    /// <summary>
    /// The managed ADC loop of a bare development board (firmware/board/common/SamplePacer.cs): frames in order at the
    /// sample rate, every input of a frame read once, late frames skipped and reported as a gap, not taken late.
    /// </summary>
    public sealed class SamplePacerTests
    {
        [Fact]
        public void FillsFramesInOrderAtTheSampleRate()
        {
            PacerUnderTest pacer = BoardCodeOnHost.OpenPacer(1000, -1, 0);
            SampleBlock block = new SampleBlock(6, 20);
            Stopwatch clock = Stopwatch.StartNew();
            long end = 0;       // frame index after the previous block
            int read = 0;       // frames read so far: the scripted inputs number them
            for (int b = 0; b < 5; b++)
            {
                Assert.True(pacer.Fill(block));
                Assert.True(block.Frames > 0 && block.Frames <= 20, "block " + b + ": " + block.Frames + " frames");
                Assert.True(block.FirstFrameIndex >= end, "block " + b + " starts at " + block.FirstFrameIndex + " before " + end);
                for (int f = 0; f < block.Frames; f++)
                {
                    for (int c = 0; c < 6; c++)
                    {
                        Assert.Equal(c * 1000 + read + f, block.Codes[f * 6 + c]);
                    }
                }

                read += block.Frames;
                end = block.FirstFrameIndex + block.Frames;

                // Every frame index so far was either read or reported lost (a loaded host falls behind at times).
                Assert.Equal(read + pacer.LostFrames, pacer.NextFrameIndex);
                Assert.True(end <= pacer.NextFrameIndex);
            }

            // The frame at index end - 1 was due (end - 1) ms after the first.
            Assert.True(clock.ElapsedMilliseconds >= end - 3, end + " frames at 1 kHz took only " + clock.ElapsedMilliseconds + " ms");
        }

        [Fact]
        public void ALateFrameEndsTheBlockAndTheSkippedFramesShowAsAGap()
        {
            // The first read of the 6th frame read takes 30 ms: about 30 frames fall due meanwhile at 1 kHz.
            PacerUnderTest pacer = BoardCodeOnHost.OpenPacer(1000, 5 * 6, 30);
            SampleBlock block = new SampleBlock(6, 20);
            int read = 0;
            bool slowFrameEndedItsBlock = false;
            while (read < 6)
            {
                Assert.True(pacer.Fill(block));
                read += block.Frames;
                slowFrameEndedItsBlock = read == 6 && block.Codes[(block.Frames - 1) * 6] == 5;
            }

            Assert.True(slowFrameEndedItsBlock, "the block holding the late frame went on after it");
            long lostBefore = pacer.LostFrames;
            Assert.True(lostBefore >= 25, "only " + lostBefore + " frames reported lost after a 30 ms stall at 1 kHz");

            Assert.True(pacer.Fill(block));
            Assert.True(block.FirstFrameIndex >= read + lostBefore, "the next block starts at " + block.FirstFrameIndex + ", inside the gap");
            Assert.Equal(5 * 1000 + 6, block.Codes[5]);   // input 5 of the 7th frame read: skipped frames were never read
            Assert.Equal(read + block.Frames + pacer.LostFrames, pacer.NextFrameIndex);
        }

        [Fact]
        public void AfterStopNoMoreFrames()
        {
            PacerUnderTest pacer = BoardCodeOnHost.OpenPacer(2000, -1, 0);
            SampleBlock block = new SampleBlock(6, 10);
            Assert.True(pacer.Fill(block));
            pacer.Stop();
            Assert.False(pacer.Fill(block));
            Assert.Equal(0, block.Frames);
        }
    }
}
