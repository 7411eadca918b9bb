namespace Ipenergy.Probe.Board
{
    /// <summary>The analog inputs of a frame, read one conversion at a time (the MCU's AdcChannel.ReadValue).</summary>
    public interface IAdcInputs
    {
        /// <summary>Inputs per frame: V1 V2 V3, then the CT inputs.</summary>
        int Count { get; }

        /// <summary>One conversion of input (0 = V1 ...), as an offset-binary code.</summary>
        int Read(int input);
    }
}
