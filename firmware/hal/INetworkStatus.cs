namespace Ipenergy.Probe.Hal
{
    /// <summary>The Ethernet interface as it is now (the board's network interface; the host's loopback on the
    /// virtual e-Probe): what the front panel's network screen and GET /api/v1/info show.</summary>
    public interface INetworkStatus
    {
        /// <summary>True when the link is up and an address is in use.</summary>
        bool Up { get; }

        /// <summary>IPv4 address in use, dotted ("0.0.0.0" when none).</summary>
        string Address { get; }

        /// <summary>MAC address, "00:11:22:33:44:55".</summary>
        string MacAddress { get; }
    }
}
