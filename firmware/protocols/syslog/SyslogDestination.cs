using System;
using System.Net;
using System.Net.Sockets;

namespace Ipenergy.Probe.Protocols.Syslog
{
    /// <summary>The syslog server of the configuration ("host" or "host:port") as an IPv4 end point.</summary>
    public static class SyslogDestination
    {
        /// <summary>
        /// The end point, or null when text is empty or cannot be used (port outside 1..65535, a name that
        /// does not resolve to IPv4, an IPv6 address). Resolves names now (DNS: allocates and may block).
        /// </summary>
        public static IPEndPoint Parse(string text, int defaultPort)
        {
            if (text == null || text.Length == 0)
            {
                return null;
            }

            string host = text;
            int port = defaultPort;
            int colon = text.IndexOf(':');
            if (colon >= 0)
            {
                if (colon != text.LastIndexOf(':') || colon == 0)
                {
                    return null; // an IPv6 literal, or no host
                }

                if (!int.TryParse(text.Substring(colon + 1), out port) || port < 1 || port > 65535)
                {
                    return null;
                }

                host = text.Substring(0, colon);
            }

            IPAddress address = IsIPv4Literal(host) ? Literal(host) : Resolve(host);
            return address == null ? null : new IPEndPoint(address, port);
        }

        /// <summary>Four dot-separated decimal numbers (so "10.1" or "1e3" is taken for a name, not an address).</summary>
        private static bool IsIPv4Literal(string host)
        {
            int dots = 0;
            for (int i = 0; i < host.Length; i++)
            {
                char c = host[i];
                if (c == '.')
                {
                    dots++;
                }
                else if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return dots == 3;
        }

        private static IPAddress Literal(string host)
        {
            try
            {
                IPAddress address = IPAddress.Parse(host);
                return address.AddressFamily == AddressFamily.InterNetwork ? address : null;
            }
            catch (Exception)
            {
                return null;
            }
        }

        private static IPAddress Resolve(string host)
        {
            try
            {
                IPAddress[] list = Dns.GetHostEntry(host).AddressList;
                for (int i = 0; i < list.Length; i++)
                {
                    if (list[i].AddressFamily == AddressFamily.InterNetwork)
                    {
                        return list[i];
                    }
                }
            }
            catch (Exception)
            {
                // Unknown name or no DNS: sending stays off until the destination is set again.
            }

            return null;
        }
    }
}
