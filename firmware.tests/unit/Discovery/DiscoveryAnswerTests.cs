using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Protocols.Discovery;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Discovery
{
    [TestClass]
    public class DiscoveryAnswerTests
    {
        private sealed class Network : INetworkStatus
        {
            public bool Up { get { return true; } }

            public string Address { get { return "192.168.1.20"; } }

            public string MacAddress { get { return "02:00:00:12:34:56"; } }
        }

        private static DiscoveryResponder Responder(DiscoveryFakeClock clock, INetworkStatus network)
        {
            MeterConfig config = new MeterConfig(18);
            config.Snmp.SysName = "probe \"A\"";
            config.Snmp.SysLocation = "Hall 2, row 4";
            config.Bus.Role = BusRoles.Gateway;
            config.Bus.Address = 0;
            DeviceIdentity identity = new DeviceIdentity("MPP18", "", "0.5.0", "SN-0001");
            DiscoveryAnswer answer = new DiscoveryAnswer(identity, new DiscoveryFixedConfig(config), network);
            answer.HttpPort = 80;
            answer.ModbusPort = 502;
            answer.SnmpPort = -1;
            return new DiscoveryResponder(answer, clock, "127.0.0.1", 0);
        }

        [TestMethod]
        public void The_answer_echoes_the_header_and_nonce_then_the_json()
        {
            DiscoveryResponder responder = Responder(new DiscoveryFakeClock(), new Network());
            byte[] request = DiscoveryBytes.Request(0xDE, 0xAD, 0xBE, 0xEF);
            int length = responder.Process(request, 0, request.Length, "10.0.0.9");
            Assert.IsTrue(length > 13, "answer length " + length.ToString());
            byte[] a = responder.Response;
            Assert.AreEqual("EPRBDISC", DiscoveryBytes.Text(a, 0, 8));
            Assert.AreEqual((byte)1, a[8]);
            Assert.AreEqual((byte)0xDE, a[9]);
            Assert.AreEqual((byte)0xAD, a[10]);
            Assert.AreEqual((byte)0xBE, a[11]);
            Assert.AreEqual((byte)0xEF, a[12]);
            string json = DiscoveryBytes.Text(a, 13, length - 13);
            Assert.AreEqual("{\"model\":\"MPP18\",\"serial\":\"SN-0001\",\"firmware\":\"0.5.0\",\"mac\":\"02:00:00:12:34:56\","
                + "\"ip\":\"192.168.1.20\",\"httpPort\":80,\"modbusPort\":502,\"snmpPort\":-1,\"busRole\":\"gateway\","
                + "\"busAddress\":0,\"name\":\"probe \\\"A\\\"\",\"location\":\"Hall 2, row 4\"}", json);
            Assert.AreEqual(1, responder.Answered);
        }

        [TestMethod]
        public void Without_a_network_status_mac_and_ip_are_empty()
        {
            DiscoveryResponder responder = Responder(new DiscoveryFakeClock(), null);
            byte[] request = DiscoveryBytes.Request(1, 2, 3, 4);
            int length = responder.Process(request, 0, request.Length, "10.0.0.9");
            string json = DiscoveryBytes.Text(responder.Response, 13, length - 13);
            Assert.IsTrue(json.IndexOf("\"mac\":\"\",\"ip\":\"\"") > 0, json);
        }

        [TestMethod]
        public void Garbage_is_counted_ignored_and_bursts_rate_limited()
        {
            DiscoveryFakeClock clock = new DiscoveryFakeClock();
            DiscoveryResponder responder = Responder(clock, null);
            byte[] request = DiscoveryBytes.Request(1, 2, 3, 4);
            Assert.AreEqual(0, responder.Process(request, 0, 12, "a"));
            request[0] = (byte)'X';
            Assert.AreEqual(0, responder.Process(request, 0, 13, "a"));
            request[0] = (byte)'E';
            Assert.AreEqual(2, responder.Ignored);
            int answers = 0;
            for (int i = 0; i < 50; i++)
            {
                if (responder.Process(request, 0, 13, "a") > 0)
                {
                    answers++;
                }
            }

            Assert.AreEqual(1, answers);
            Assert.AreEqual(1, responder.Answered);
            Assert.AreEqual(49, responder.RateLimited);
        }
    }
}
