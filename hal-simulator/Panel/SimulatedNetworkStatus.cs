using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Simulator.Panel
{
    /// <summary>
    /// The virtual e-Probe's "Ethernet": always up, the address it listens on, and a locally administered MAC
    /// (02:...) derived from the serial number so that each simulated probe shows its own.
    /// </summary>
    public sealed class SimulatedNetworkStatus : INetworkStatus
    {
        public SimulatedNetworkStatus(string bindAddress, string serial)
        {
            Address = string.IsNullOrEmpty(bindAddress) || bindAddress == "0.0.0.0" || bindAddress.Contains(':') ? "127.0.0.1" : bindAddress;
            uint hash = 2166136261;
            foreach (char c in serial ?? "")
            {
                hash = (hash ^ c) * 16777619;
            }

            MacAddress = "02:E9:" + ((hash >> 24) & 0xFF).ToString("X2") + ":" + ((hash >> 16) & 0xFF).ToString("X2") + ":"
                + ((hash >> 8) & 0xFF).ToString("X2") + ":" + (hash & 0xFF).ToString("X2");
        }

        public bool Up { get { return true; } }

        public string Address { get; }

        public string MacAddress { get; }
    }
}
