namespace Ipenergy.Probe.Hal
{
    /// <summary>The board's flash layout: partitions by name. Sizes are the board's choice.</summary>
    public interface IFlashStorage
    {
        /// <summary>The named partition, or null when the board has none by that name.</summary>
        IFlashPartition Partition(string name);
    }
}
