using System;
using System.Device.Adc;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Board
{
    /// <summary>
    /// Samples for the firmware's own metering engine on a development board without metering ICs: one
    /// AdcChannel.ReadValue() per input per frame (V1 V2 V3, then the CT inputs, each biased at mid-supply so the
    /// codes are offset binary), paced on DateTime.UtcNow ticks by a busy wait in managed code (the only sub-millisecond
    /// clock both boards' packages share; a step of the wall clock, e.g. by SNTP, restarts the pacing).
    /// nanoFramework offers no managed DMA or timer-triggered conversion, so every sample costs an interpreted native
    /// call: this reaches a LOW sample rate only (figures in docs/sampling.md), enough to bring up the panel, the
    /// protocols and the configuration on a bare board, not for metering-grade harmonics or an MPP18. Frames the loop
    /// could not take in time are skipped and reported as a gap in FirstFrameIndex (the engine counts lost samples).
    /// </summary>
    public sealed class ManagedAdcSampleSource : ISampleSource
    {
        /// <summary>A delay longer than this many frames is taken for a clock step, not lateness.</summary>
        private const long MaxLateFrames = 100000;

        private readonly AdcChannel[] _channels;
        private readonly AdcFrontEnd _frontEnd;
        private readonly long _ticksPerFrame;
        private readonly object _lock = new object();
        private long _nextFrameIndex;
        private long _startTimestamp = -1;
        private bool _stopped;

        /// <param name="controller">The MCU's ADC.</param>
        /// <param name="voltageChannels">ADC channel numbers of L1, L2, L3.</param>
        /// <param name="currentChannels">ADC channel numbers of the CT inputs, in channel order.</param>
        /// <param name="sampleRateHz">Frames per second; the board picks what its loop sustains (docs/sampling.md).</param>
        /// <param name="voltageFullScalePeakVolts">Mains peak voltage that reaches half the ADC range from mid-scale.</param>
        public ManagedAdcSampleSource(AdcController controller, int[] voltageChannels, int[] currentChannels, int sampleRateHz,
            double voltageFullScalePeakVolts)
        {
            _channels = new AdcChannel[voltageChannels.Length + currentChannels.Length];
            for (int i = 0; i < voltageChannels.Length; i++)
            {
                _channels[i] = controller.OpenChannel(voltageChannels[i]);
            }

            for (int i = 0; i < currentChannels.Length; i++)
            {
                _channels[voltageChannels.Length + i] = controller.OpenChannel(currentChannels[i]);
            }

            _frontEnd = new AdcFrontEnd(sampleRateHz, controller.ResolutionInBits, currentChannels.Length, voltageFullScalePeakVolts);
            _ticksPerFrame = TimeSpan.TicksPerSecond / sampleRateHz;
        }

        public AdcFrontEnd FrontEnd { get { return _frontEnd; } }

        /// <summary>Frames skipped because the loop was late, since start.</summary>
        public long LostFrames { get; private set; }

        public bool Read(SampleBlock block)
        {
            if (IsStopped())
            {
                block.Frames = 0;
                return false;
            }

            long start = DateTime.UtcNow.Ticks;
            if (_startTimestamp < 0 || start < _startTimestamp + (_nextFrameIndex - 1) * _ticksPerFrame
                || start > _startTimestamp + (_nextFrameIndex + MaxLateFrames) * _ticksPerFrame)
            {
                // First block, or the wall clock was stepped: pace from now, frame numbering goes on.
                _startTimestamp = start - _nextFrameIndex * _ticksPerFrame;
            }

            int[] codes = block.Codes;
            int perFrame = block.ChannelsPerFrame;
            int channels = _channels.Length < perFrame ? _channels.Length : perFrame;
            long first = -1;
            for (int f = 0; f < block.FrameCapacity; f++)
            {
                long due = _startTimestamp + _nextFrameIndex * _ticksPerFrame;
                long now = DateTime.UtcNow.Ticks;
                if (now - due >= _ticksPerFrame)
                {
                    // Late by a frame or more: skip to the frame due now; the gap shows in the next block's index.
                    long skip = (now - due) / _ticksPerFrame;
                    if (f > 0)
                    {
                        block.Frames = f;
                        block.FirstFrameIndex = first;
                        _nextFrameIndex += skip;
                        LostFrames += skip;
                        return true;
                    }

                    _nextFrameIndex += skip;
                    LostFrames += skip;
                    due += skip * _ticksPerFrame;
                }

                while (DateTime.UtcNow.Ticks < due)
                {
                    // Busy wait: Thread.Sleep has millisecond granularity, far coarser than a frame.
                }

                if (first < 0)
                {
                    first = _nextFrameIndex;
                }

                int at = f * perFrame;
                for (int c = 0; c < channels; c++)
                {
                    codes[at + c] = _channels[c].ReadValue();
                }

                _nextFrameIndex++;
            }

            block.Frames = block.FrameCapacity;
            block.FirstFrameIndex = first;
            return true;
        }

        /// <summary>Makes Read return false (shutdown).</summary>
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
