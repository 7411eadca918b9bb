namespace Ipenergy.Probe.Simulator.Chips
{
    /// <summary>How a simulated metering chip fails (failure injection for the driver's tests).</summary>
    public enum ChipFailure
    {
        /// <summary>Answers as a healthy chip.</summary>
        None,

        /// <summary>Dead or unplugged, MISO pulled up: every byte reads 0xFF, writes are lost.</summary>
        StuckHigh,

        /// <summary>Dead, MISO held low: every byte reads 0x00, writes are lost.</summary>
        StuckLow,
    }
}
