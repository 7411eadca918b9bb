using System;
using System.Collections.Generic;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;

namespace Ipenergy.Probe.Cli
{
    /// <summary>
    /// Finds e-Probes with the UDP discovery protocol (tools/discovery.md): one 13-byte request sent to each
    /// destination (broadcast addresses or unicast hosts), answers collected for the wait time, matched by the
    /// echoed nonce, one entry per (source, serial). The request is sent again each second of the wait (a probe
    /// answers a source at most once a second), so one lost datagram does not hide a probe.
    /// </summary>
    public sealed class DiscoveryClient
    {
        public const int DefaultPort = 30303;
        private static readonly byte[] Magic = Encoding.ASCII.GetBytes("EPRBDISC");

        /// <summary>Every answer that matched, in arrival order, deduplicated.</summary>
        public List<DiscoveredProbe> Discover(IList<IPAddress> destinations, int port, TimeSpan wait, CancellationToken cancel)
        {
            var found = new List<DiscoveredProbe>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            byte[] request = new byte[13];
            Magic.CopyTo(request, 0);
            request[8] = 1;
            RandomNumberGenerator.Fill(request.AsSpan(9, 4));

            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.EnableBroadcast = true;
            socket.Bind(new IPEndPoint(IPAddress.Any, 0));
            byte[] buffer = new byte[2048];
            DateTime end = DateTime.UtcNow + wait;
            DateTime nextSend = DateTime.UtcNow;
            while (DateTime.UtcNow < end && !cancel.IsCancellationRequested)
            {
                if (DateTime.UtcNow >= nextSend)
                {
                    foreach (IPAddress destination in destinations)
                    {
                        try
                        {
                            socket.SendTo(request, new IPEndPoint(destination, port));
                        }
                        catch (SocketException)
                        {
                            // An unroutable destination (no such interface) must not stop the others.
                        }
                    }

                    nextSend = nextSend.AddSeconds(1.1);
                }

                int waitMs = (int)Math.Max(1, Math.Min((end - DateTime.UtcNow).TotalMilliseconds, (nextSend - DateTime.UtcNow).TotalMilliseconds));
                if (!socket.Poll(waitMs * 1000, SelectMode.SelectRead))
                {
                    continue;
                }

                EndPoint from = new IPEndPoint(IPAddress.Any, 0);
                int length;
                try
                {
                    length = socket.ReceiveFrom(buffer, ref from);
                }
                catch (SocketException)
                {
                    continue; // e.g. ICMP port unreachable from a unicast destination
                }

                DiscoveredProbe probe = ReadAnswer(buffer, length, request, ((IPEndPoint)from).Address);
                if (probe != null && seen.Add(probe.Address + "/" + probe.Serial + "/" + probe.HttpPort))
                {
                    found.Add(probe);
                }
            }

            return found;
        }

        /// <summary>255.255.255.255 plus the directed broadcast of every IPv4 interface that is up (loopback too).</summary>
        public static List<IPAddress> LocalBroadcastAddresses()
        {
            var list = new List<IPAddress> { IPAddress.Broadcast };
            foreach (NetworkInterface nic in NetworkInterface.GetAllNetworkInterfaces())
            {
                if (nic.OperationalStatus != OperationalStatus.Up && nic.NetworkInterfaceType != NetworkInterfaceType.Loopback)
                {
                    continue;
                }

                foreach (UnicastIPAddressInformation address in nic.GetIPProperties().UnicastAddresses)
                {
                    if (address.Address.AddressFamily != AddressFamily.InterNetwork || address.IPv4Mask == null)
                    {
                        continue;
                    }

                    byte[] ip = address.Address.GetAddressBytes();
                    byte[] mask = address.IPv4Mask.GetAddressBytes();
                    for (int i = 0; i < 4; i++)
                    {
                        ip[i] = (byte)(ip[i] | ~mask[i]);
                    }

                    var broadcast = new IPAddress(ip);
                    if (!list.Contains(broadcast))
                    {
                        list.Add(broadcast);
                    }
                }
            }

            return list;
        }

        /// <summary>The answer to our request, or null for anything else (another nonce, garbage, bad JSON).</summary>
        public static DiscoveredProbe ReadAnswer(byte[] datagram, int length, byte[] request, IPAddress source)
        {
            if (length <= request.Length)
            {
                return null;
            }

            for (int i = 0; i < request.Length; i++)
            {
                if (datagram[i] != request[i])
                {
                    return null;
                }
            }

            try
            {
                var json = JsonNode.Parse(Encoding.UTF8.GetString(datagram, request.Length, length - request.Length)) as JsonObject;
                return json == null ? null : DiscoveredProbe.FromJson(source, json);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
