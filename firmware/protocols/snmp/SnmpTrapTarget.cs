using System.Net;

namespace Ipenergy.Probe.Protocols.Snmp
{
    /// <summary>A notification receiver: its address and the SNMP version it gets.</summary>
    public sealed class SnmpTrapTarget
    {
        public SnmpTrapTarget(IPEndPoint endPoint, int version)
        {
            EndPoint = endPoint;
            Version = version;
        }

        public IPEndPoint EndPoint { get; private set; }

        /// <summary><see cref="SnmpVersion.V1"/> or <see cref="SnmpVersion.V2c"/>.</summary>
        public int Version { get; private set; }

        /// <summary>
        /// Parses "host:port", "host:port/v2c" or "host:port/v1" (host: IPv4 address or a name, resolved now);
        /// null when it cannot be used. Allocates: call it when the target list changes, not per notification.
        /// </summary>
        public static SnmpTrapTarget Parse(string text)
        {
            if (text == null)
            {
                return null;
            }

            int version = SnmpVersion.V2c;
            int slash = text.IndexOf('/');
            if (slash >= 0)
            {
                string suffix = text.Substring(slash + 1);
                if (suffix == "v1")
                {
                    version = SnmpVersion.V1;
                }
                else if (suffix != "v2c")
                {
                    return null;
                }

                text = text.Substring(0, slash);
            }

            int colon = text.LastIndexOf(':');
            if (colon <= 0)
            {
                return null;
            }

            int port;
            if (!int.TryParse(text.Substring(colon + 1), out port) || port < 1 || port > 65535)
            {
                return null;
            }

            string host = text.Substring(0, colon);
            IPAddress address = null;
            try
            {
                address = IPAddress.Parse(host);
            }
            catch (System.Exception)
            {
                address = null;
            }

            if (address == null)
            {
                try
                {
                    IPAddress[] list = Dns.GetHostEntry(host).AddressList;
                    for (int i = 0; i < list.Length && address == null; i++)
                    {
                        if (list[i].AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
                        {
                            address = list[i];
                        }
                    }
                }
                catch (System.Exception)
                {
                    return null;
                }
            }

            if (address == null || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
            {
                return null;
            }

            return new SnmpTrapTarget(new IPEndPoint(address, port), version);
        }
    }
}
