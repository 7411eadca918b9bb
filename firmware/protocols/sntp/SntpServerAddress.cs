using System;
using System.Net;

namespace Ipenergy.Probe.Protocols.Sntp
{
    /// <summary>
    /// One configured time server: "host", "host:port", "a.b.c.d:port" or "[v6]:port" (port 123 when absent).
    /// The name is resolved when first needed and again after a failure, so a DNS change is followed.
    /// </summary>
    public sealed class SntpServerAddress
    {
        public SntpServerAddress(string text)
        {
            if (text == null || text.Trim().Length == 0)
            {
                throw new ArgumentException("SNTP server must be HOST or HOST:PORT, got an empty text");
            }

            text = text.Trim();
            string host = text;
            string port = null;
            if (text[0] == '[')
            {
                int close = text.IndexOf(']');
                if (close < 2)
                {
                    throw new ArgumentException("SNTP server must be HOST or HOST:PORT, got '" + text + "'");
                }

                host = text.Substring(1, close - 1);
                if (close + 1 < text.Length)
                {
                    if (text[close + 1] != ':')
                    {
                        throw new ArgumentException("SNTP server must be HOST or HOST:PORT, got '" + text + "'");
                    }

                    port = text.Substring(close + 2);
                }
            }
            else
            {
                int colon = text.IndexOf(':');
                if (colon >= 0)
                {
                    if (colon == 0 || text.LastIndexOf(':') != colon)
                    {
                        throw new ArgumentException("SNTP server must be HOST or HOST:PORT (IPv6 in brackets), got '" + text + "'");
                    }

                    host = text.Substring(0, colon);
                    port = text.Substring(colon + 1);
                }
            }

            int number = NtpPacket.DefaultPort;
            if (port != null && (!int.TryParse(port, out number) || number < 1 || number > 65535))
            {
                throw new ArgumentException("SNTP server port must be 1..65535, got '" + text + "'");
            }

            Host = host;
            Port = number;
        }

        public string Host { get; private set; }

        public int Port { get; private set; }

        /// <summary>The server's address: a literal as is, a name through DNS (first address). Throws when unresolvable.</summary>
        public IPEndPoint Resolve()
        {
            IPAddress address;
            if (!TryParseLiteral(Host, out address))
            {
                IPHostEntry entry = Dns.GetHostEntry(Host);
                if (entry == null || entry.AddressList == null || entry.AddressList.Length == 0)
                {
                    throw new ArgumentException("SNTP server '" + Host + "' has no address");
                }

                address = entry.AddressList[0];
            }

            return new IPEndPoint(address, Port);
        }

        public override string ToString()
        {
            return (Host.IndexOf(':') >= 0 ? "[" + Host + "]" : Host) + ":" + Port;
        }

        // IPAddress.Parse throws on a name; only call it on something that looks like a literal.
        private static bool TryParseLiteral(string host, out IPAddress address)
        {
            address = null;
            bool v6 = host.IndexOf(':') >= 0;
            for (int i = 0; i < host.Length && !v6; i++)
            {
                char c = host[i];
                if (c != '.' && (c < '0' || c > '9'))
                {
                    return false;
                }
            }

            try
            {
                address = IPAddress.Parse(host);
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }
    }
}
