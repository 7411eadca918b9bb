namespace Ipenergy.Probe.Hal
{
    /// <summary>
    /// The ADC: delivers blocks of frames at the front end's sample rate. On a board this wraps the
    /// DMA ring of the converter; on the host it is a waveform synthesizer.
    /// </summary>
    public interface ISampleSource
    {
        AdcFrontEnd FrontEnd { get; }

        /// <summary>
        /// Fills the block with the next frames, waiting until they are available. Returns false once
        /// the source has stopped (shutdown), after which the block holds no valid frames.
        /// </summary>
        bool Read(SampleBlock block);
    }
}
