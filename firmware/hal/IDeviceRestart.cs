namespace Ipenergy.Probe.Hal
{
    /// <summary>
    /// Restarts the device (the board's nanoFramework.Runtime.Native.Power.RebootDevice; on the virtual e-Probe
    /// whatever its options say). The firmware's watchdog calls it when a vital thread stops making progress:
    /// nanoFramework 1.x gives managed code no hardware watchdog to feed.
    /// </summary>
    public interface IDeviceRestart
    {
        /// <summary>Restarts now; reason is one line for the log. May not return.</summary>
        void Restart(string reason);
    }
}
