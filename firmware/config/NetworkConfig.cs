namespace Ipenergy.Probe.Config
{
    /// <summary>IPv4 settings. Addresses are held as a.b.c.d = a·2^24 + b·2^16 + c·2^8 + d (see Ipv4Text).</summary>
    public sealed class NetworkConfig
    {
        public NetworkConfig()
        {
            Dhcp = true;
            Address = 0;
            Mask = 0xFFFFFF00;
            Gateway = 0;
            Dns = 0;
            Hostname = "e-probe";
        }

        /// <summary>True: address, mask, gateway and DNS come from DHCP and the static ones below are kept unused.</summary>
        public bool Dhcp { get; set; }

        public uint Address { get; set; }

        public uint Mask { get; set; }

        /// <summary>0.0.0.0 = no default gateway.</summary>
        public uint Gateway { get; set; }

        /// <summary>0.0.0.0 = no DNS server.</summary>
        public uint Dns { get; set; }

        /// <summary>DHCP host name and mDNS name: letters, digits and '-' (RFC 1123), 1…32 characters.</summary>
        public string Hostname { get; set; }

        public NetworkConfig Clone()
        {
            NetworkConfig copy = new NetworkConfig();
            copy.Dhcp = Dhcp;
            copy.Address = Address;
            copy.Mask = Mask;
            copy.Gateway = Gateway;
            copy.Dns = Dns;
            copy.Hostname = Hostname;
            return copy;
        }
    }
}
