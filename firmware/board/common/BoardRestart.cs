using System.Diagnostics;
using System.Threading;
using Ipenergy.Probe.Hal;
using nanoFramework.Runtime.Native;

namespace Ipenergy.Probe.Board
{
    /// <summary>Restarts the MCU (nanoCLR and all): what the firmware's watchdog calls when a vital loop stalls.</summary>
    public sealed class BoardRestart : IDeviceRestart
    {
        /// <summary>Time given to the log line to leave the debug channel before the reboot.</summary>
        private const int LogFlushMs = 200;

        public void Restart(string reason)
        {
            Debug.WriteLine("restart: " + reason);
            Thread.Sleep(LogFlushMs);
            Power.RebootDevice(RebootOption.NormalReboot);
        }
    }
}
