using System.Device.Adc;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Board
{
    /// <summary>
    /// Samples for the firmware's own metering engine on a development board without metering ICs: one
    /// AdcChannel.ReadValue() per input per frame (V1 V2 V3, then the CT inputs, each biased at mid-supply so the
    /// codes are offset binary), paced by <see cref="SamplePacer"/> in managed code.
    /// nanoFramework offers no managed DMA or timer-triggered conversion, so every sample costs an interpreted native
    /// call and the loop busy-waits between frames: this reaches a LOW sample rate only (figures in docs/sampling.md),
    /// enough to bring up the panel, the protocols and the configuration on a bare board, not for metering-grade
    /// harmonics nor for an MPP18. Frames the loop could not take in time are reported as lost, not taken late.
    /// </summary>
    public sealed class ManagedAdcSampleSource : ISampleSource, IAdcInputs
    {
        private readonly AdcChannel[] _channels;
        private readonly AdcFrontEnd _frontEnd;
        private readonly SamplePacer _pacer;

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
            _pacer = new SamplePacer(this, sampleRateHz);
        }

        public AdcFrontEnd FrontEnd { get { return _frontEnd; } }

        /// <summary>Frames skipped because the loop was late, since start.</summary>
        public long LostFrames { get { return _pacer.LostFrames; } }

        public int Count { get { return _channels.Length; } }

        public bool Read(SampleBlock block)
        {
            return _pacer.Fill(block);
        }

        public int Read(int input)
        {
            return _channels[input].ReadValue();
        }

        /// <summary>Makes Read return false (shutdown).</summary>
        public void Stop()
        {
            _pacer.Stop();
        }
    }
}
