using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Ipenergy.Probe.Tests.EndToEnd;
using Xunit;

namespace Ipenergy.Probe.Tests.Discovery
{
    /// <summary>
    /// The discovery protocol against virtual e-Probe processes, with python3's socket module as the client.
    /// </summary>
    public class DiscoveryPeerTests
    {
        [Fact]
        public void A_unicast_request_gets_the_probe_identity_and_its_real_ports()
        {
            using var probe = new VirtualProbe("--no-panel", "--discovery-port", "0", "--serial", "DISC-UNI-1");
            List<PythonDiscoveryClient.Answer> answers = PythonDiscoveryClient.Run("good", "127.0.0.1", probe.DiscoveryPort, 1, 1.5, false);

            Assert.Single(answers);
            PythonDiscoveryClient.Answer a = answers[0];
            Assert.True(a.HeaderEchoed, "magic, version and nonce echoed");
            Assert.Equal("127.0.0.1", a.From);
            JsonElement body = a.Body;
            Assert.Equal("MPP18", body.GetProperty("model").GetString());
            Assert.Equal("DISC-UNI-1", body.GetProperty("serial").GetString());
            Assert.False(string.IsNullOrEmpty(body.GetProperty("firmware").GetString()));
            Assert.Equal(new Uri(probe.HttpUrl).Port, body.GetProperty("httpPort").GetInt32());
            Assert.Equal(probe.ModbusPort, body.GetProperty("modbusPort").GetInt32());
            Assert.Equal(probe.SnmpPort, body.GetProperty("snmpPort").GetInt32());
            Assert.Equal("standalone", body.GetProperty("busRole").GetString());
            Assert.Equal(JsonValueKind.Number, body.GetProperty("busAddress").ValueKind);
            Assert.Equal("e-Probe", body.GetProperty("name").GetString());
            Assert.Equal(JsonValueKind.String, body.GetProperty("location").ValueKind);
            Assert.Equal(JsonValueKind.String, body.GetProperty("mac").ValueKind);
            Assert.Equal(JsonValueKind.String, body.GetProperty("ip").ValueKind);

            // GET /api/v1/info shows the same port.
            var (status, info) = VirtualProbe.Curl(probe.HttpUrl + "/api/v1/info");
            Assert.Equal(200, status);
            Assert.Equal(probe.DiscoveryPort, JsonDocument.Parse(info).RootElement.GetProperty("discoveryPort").GetInt32());
        }

        [Fact]
        public void One_broadcast_reaches_three_probes_sharing_one_port()
        {
            int port = FreeUdpPort();
            var probes = new List<VirtualProbe>();
            try
            {
                for (int i = 1; i <= 3; i++)
                {
                    // A broadcast reaches only sockets bound to 0.0.0.0 or to the broadcast address (tools/discovery.md):
                    // 127.255.255.255 keeps the test on loopback.
                    probes.Add(new VirtualProbe("--no-panel", "--discovery-port", port.ToString(), "--discovery-bind", "127.255.255.255",
                        "--serial", "DISC-BC-" + i));
                }

                List<PythonDiscoveryClient.Answer> answers = PythonDiscoveryClient.Run("good", "127.255.255.255", port, 1, 2.0, true);
                string[] serials = answers.Select(a => a.Body.GetProperty("serial").GetString()).OrderBy(s => s, StringComparer.Ordinal).ToArray();
                Assert.Equal(new[] { "DISC-BC-1", "DISC-BC-2", "DISC-BC-3" }, serials);
                Assert.All(answers, a => Assert.True(a.HeaderEchoed));
                Assert.All(answers, a => Assert.Equal("127.0.0.1", a.From));
            }
            finally
            {
                foreach (VirtualProbe p in probes)
                {
                    p.Dispose();
                }
            }
        }

        [Fact]
        public void A_thousand_garbage_datagrams_are_never_answered_and_a_good_request_still_is()
        {
            using var probe = new VirtualProbe("--no-panel", "--discovery-port", "0");
            List<PythonDiscoveryClient.Answer> garbage = PythonDiscoveryClient.Run("garbage", "127.0.0.1", probe.DiscoveryPort, 1000, 1.0, false);
            Assert.Empty(garbage);

            List<PythonDiscoveryClient.Answer> good = PythonDiscoveryClient.Run("good", "127.0.0.1", probe.DiscoveryPort, 1, 1.5, false);
            Assert.Single(good);
            Assert.True(good[0].HeaderEchoed);
        }

        [Fact]
        public void A_burst_of_fifty_requests_from_one_source_gets_one_answer()
        {
            using var probe = new VirtualProbe("--no-panel", "--discovery-port", "0");
            List<PythonDiscoveryClient.Answer> answers = PythonDiscoveryClient.Run("good", "127.0.0.1", probe.DiscoveryPort, 50, 0.8, false);
            Assert.Single(answers);
        }

        [Fact]
        public void Fifty_sources_at_once_get_twenty_answers()
        {
            using var probe = new VirtualProbe("--no-panel", "--discovery-port", "0");
            List<PythonDiscoveryClient.Answer> answers = PythonDiscoveryClient.Run("sources", "127.0.0.1", probe.DiscoveryPort, 50, 1.0, false);

            // The bucket holds 20 and refills 20 per second: sending 50 takes a few ms, so at most one more.
            Assert.InRange(answers.Count, 20, 21);
        }

        private static int FreeUdpPort()
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return ((IPEndPoint)socket.LocalEndPoint).Port;
        }
    }
}
