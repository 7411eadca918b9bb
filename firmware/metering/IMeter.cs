namespace Ipenergy.Probe.Metering
{
    /// <summary>
    /// What the app needs of whichever meters (the sample engine or the metering chips): the published second and
    /// the energy counters to save and restore.
    /// </summary>
    public interface IMeter : IMeasurementSource
    {
        /// <summary>Current channels metered.</summary>
        int ChannelCount { get; }

        /// <summary>Copies every channel's counters into milliUnits[k * 4 + r] (<see cref="ChannelEnergy"/> layout);
        /// on the metering thread, or once it has ended.</summary>
        void CopyEnergy(long[] milliUnits);

        /// <summary>Sets one channel's counters (milli-units), at boot or when a new meter takes over.</summary>
        void RestoreEnergy(int channelIndex, long importMilliWh, long exportMilliWh, long importMilliVarh, long exportMilliVarh);
    }
}
