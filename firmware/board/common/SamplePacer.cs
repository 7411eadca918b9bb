using System;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Board
{
    /// <summary>
    /// Fills sample blocks from <see cref="IAdcInputs"/> one frame every 1/rate second, paced on DateTime.UtcNow ticks
    /// by a busy wait (Thread.Sleep has millisecond granularity, far coarser than a frame; DateTime is the only
    /// sub-millisecond clock both boards' packages share). A frame whose time has passed by a whole period or more is
    /// not taken late: the pacer skips to the frame due now, ends the block there and the skipped frames show as a
    /// gap in the next block's FirstFrameIndex (the metering engine counts lost samples from it) and in
    /// <see cref="LostFrames"/>. A step of the wall clock (SNTP) re-anchors the pacing; numbering goes on.
    /// </summary>
    public sealed class SamplePacer
    {
        /// <summary>A delay longer than this many frames is taken for a clock step, not lateness.</summary>
        private const long MaxLateFrames = 100000;

        private readonly IAdcInputs _inputs;
        private readonly long _ticksPerFrame;
        private readonly object _lock = new object();
        private long _nextFrameIndex;
        private long _startTicks = -1;
        private long _lostFrames;
        private bool _stopped;

        public SamplePacer(IAdcInputs inputs, int sampleRateHz)
        {
            _inputs = inputs;
            _ticksPerFrame = TimeSpan.TicksPerSecond / sampleRateHz;
        }

        /// <summary>Frames skipped because the loop was late, since start.</summary>
        public long LostFrames
        {
            get { lock (_lock) { return _lostFrames; } }
        }

        /// <summary>Index of the next frame due (the next block starts there unless it is late again).</summary>
        public long NextFrameIndex
        {
            get { lock (_lock) { return _nextFrameIndex; } }
        }

        /// <summary>Fills the block (up to FrameCapacity frames, fewer when frames were skipped); false once stopped.</summary>
        public bool Fill(SampleBlock block)
        {
            if (IsStopped())
            {
                block.Frames = 0;
                return false;
            }

            long now = DateTime.UtcNow.Ticks;
            if (_startTicks < 0 || now < _startTicks + (_nextFrameIndex - 1) * _ticksPerFrame
                || now > _startTicks + (_nextFrameIndex + MaxLateFrames) * _ticksPerFrame)
            {
                // First block, or the wall clock was stepped: pace from now.
                _startTicks = now - _nextFrameIndex * _ticksPerFrame;
            }

            int[] codes = block.Codes;
            int perFrame = block.ChannelsPerFrame;
            int channels = _inputs.Count < perFrame ? _inputs.Count : perFrame;
            block.FirstFrameIndex = _nextFrameIndex;
            for (int f = 0; f < block.FrameCapacity; f++)
            {
                long due = _startTicks + _nextFrameIndex * _ticksPerFrame;
                now = DateTime.UtcNow.Ticks;
                if (now - due >= _ticksPerFrame)
                {
                    long skip = (now - due) / _ticksPerFrame;
                    _nextFrameIndex += skip;
                    lock (_lock)
                    {
                        _lostFrames += skip;
                    }

                    if (f > 0)
                    {
                        block.Frames = f;   // the gap starts after this block
                        return true;
                    }

                    block.FirstFrameIndex = _nextFrameIndex;
                    due += skip * _ticksPerFrame;
                }

                while (DateTime.UtcNow.Ticks < due)
                {
                    // busy wait until the frame is due
                }

                int at = f * perFrame;
                for (int c = 0; c < channels; c++)
                {
                    codes[at + c] = _inputs.Read(c);
                }

                _nextFrameIndex++;
            }

            block.Frames = block.FrameCapacity;
            return true;
        }

        /// <summary>Makes Fill return false (shutdown).</summary>
        public void Stop()
        {
            lock (_lock)
            {
                _stopped = true;
            }
        }

        private bool IsStopped()
        {
            lock (_lock)
            {
                return _stopped;
            }
        }
    }
}
