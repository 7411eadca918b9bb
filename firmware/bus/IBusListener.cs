namespace Ipenergy.Probe.Bus
{
    /// <summary>What the gateway hears from the poller: a module starts or stops answering (alarms, the page).
    /// Called on the poller's thread: return quickly.</summary>
    public interface IBusListener
    {
        /// <summary>The module answered a whole poll (first time, or after being offline).</summary>
        void OnModuleOnline(int address);

        /// <summary>The module missed <see cref="BusPoller.OfflineAfterMisses"/> polls in a row.</summary>
        void OnModuleOffline(int address);
    }
}
