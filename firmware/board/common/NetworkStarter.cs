using System;
using System.Diagnostics;
using System.Net.NetworkInformation;
using System.Threading;
using Ipenergy.Probe.Config;

namespace Ipenergy.Probe.Board
{
    /// <summary>
    /// Brings the wired interface up the way the stored configuration's network section says: DHCP, or the static
    /// address, mask, gateway and DNS. The interface settings live in the nanoCLR's own configuration block (flash),
    /// so they are written only when they differ from what is there. Then waits for the link and an address.
    /// </summary>
    public static class NetworkStarter
    {
        private const string NoAddress = "0.0.0.0";
        private const int PollMs = 250;

        /// <summary>The first interface of that type (NetworkInterfaceType.Ethernet / Wireless80211), or null.</summary>
        public static NetworkInterface Find(NetworkInterfaceType type)
        {
            NetworkInterface[] all = NetworkInterface.GetAllNetworkInterfaces();
            for (int i = 0; i < all.Length; i++)
            {
                if (all[i].NetworkInterfaceType == type)
                {
                    return all[i];
                }
            }

            return null;
        }

        /// <summary>Applies the configuration's addressing to the interface (DHCP or static), writing only changes.</summary>
        public static void Configure(NetworkInterface networkInterface, NetworkConfig config)
        {
            if (config.Dhcp)
            {
                if (!networkInterface.IsDhcpEnabled)
                {
                    networkInterface.EnableDhcp();
                }

                return;
            }

            string address = Ipv4Text.Format(config.Address);
            string mask = Ipv4Text.Format(config.Mask);
            string gateway = Ipv4Text.Format(config.Gateway);
            if (networkInterface.IsDhcpEnabled || networkInterface.IPv4Address != address
                || networkInterface.IPv4SubnetMask != mask || networkInterface.IPv4GatewayAddress != gateway)
            {
                networkInterface.EnableStaticIPv4(address, mask, gateway);
            }

            if (config.Dns != 0)
            {
                networkInterface.EnableStaticIPv4Dns(new string[] { Ipv4Text.Format(config.Dns) });
            }
        }

        /// <summary>
        /// Waits until the link is up and the interface has an address (from DHCP, or the static one), at most
        /// timeoutMs. Returns false on timeout: the servers start anyway and answer once the cable is plugged in.
        /// </summary>
        public static bool WaitForAddress(NetworkInterface networkInterface, int timeoutMs)
        {
            long deadline = Environment.TickCount64 + timeoutMs;
            while (true)
            {
                string address = networkInterface.IPv4Address;
                if (address != null && address.Length > 0 && address != NoAddress && NetworkInterface.GetIsNetworkAvailable())
                {
                    Debug.WriteLine("network: up at " + address);
                    return true;
                }

                if (Environment.TickCount64 >= deadline)
                {
                    Debug.WriteLine("network: no link or no address after " + (timeoutMs / 1000).ToString() + " s");
                    return false;
                }

                Thread.Sleep(PollMs);
            }
        }
    }
}
