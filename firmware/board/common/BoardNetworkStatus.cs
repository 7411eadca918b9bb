using System.Net.NetworkInformation;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Board
{
    /// <summary>The network interface the e-Probe serves on, as the panel's network screen and /api/v1/info show it.</summary>
    public sealed class BoardNetworkStatus : INetworkStatus
    {
        private const string NoAddress = "0.0.0.0";
        private static readonly char[] Hex = { '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F' };

        private readonly NetworkInterface _interface;
        private readonly string _mac;

        /// <param name="networkInterface">The interface in use (NetworkStarter.Find); null: none (Up false).</param>
        public BoardNetworkStatus(NetworkInterface networkInterface)
        {
            _interface = networkInterface;
            _mac = networkInterface == null ? "00:00:00:00:00:00" : MacText(networkInterface.PhysicalAddress);
        }

        public bool Up
        {
            get
            {
                string address = Address;
                return address != NoAddress && address.Length > 0 && NetworkInterface.GetIsNetworkAvailable();
            }
        }

        public string Address
        {
            get
            {
                string address = _interface == null ? null : _interface.IPv4Address;
                return address == null ? NoAddress : address;
            }
        }

        public string MacAddress { get { return _mac; } }

        /// <summary>"00:11:22:AA:BB:CC".</summary>
        public static string MacText(byte[] mac)
        {
            if (mac == null || mac.Length == 0)
            {
                return "00:00:00:00:00:00";
            }

            char[] text = new char[mac.Length * 3 - 1];
            for (int i = 0; i < mac.Length; i++)
            {
                if (i > 0)
                {
                    text[i * 3 - 1] = ':';
                }

                text[i * 3] = Hex[mac[i] >> 4];
                text[i * 3 + 1] = Hex[mac[i] & 0x0F];
            }

            return new string(text);
        }
    }
}
