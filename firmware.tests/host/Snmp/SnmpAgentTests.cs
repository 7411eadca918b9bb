using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Ipenergy.Probe.Protocols.Snmp;
using Ipenergy.Probe.Tests.Unit.Snmp;
using Xunit;

namespace Ipenergy.Probe.Tests.Snmp
{
    /// <summary>The UDP agent: port 0 gives a real port, a taken port throws at Start, Stop is bounded, oversize datagrams are dropped.</summary>
    public sealed class SnmpAgentTests
    {
        private static SnmpMessageProcessor Processor()
        {
            return SnmpPackets.Processor(new SnmpCounters(), SnmpMessageProcessor.MinMessageSize);
        }

        [Fact]
        public void PortZeroGivesTheRealPortAndATakenPortThrows()
        {
            var first = new SnmpAgent(Processor(), "127.0.0.1", 0);
            first.Start();
            try
            {
                Assert.InRange(first.Port, 1, 65535);
                var second = new SnmpAgent(Processor(), "127.0.0.1", first.Port);
                Assert.ThrowsAny<SocketException>(() => second.Start());
            }
            finally
            {
                first.Stop();
            }
        }

        [Fact]
        public void StopIsBoundedAndTheAgentCanBeStoppedTwice()
        {
            var agent = new SnmpAgent(Processor(), "127.0.0.1", 0);
            agent.Start();
            var watch = Stopwatch.StartNew();
            agent.Stop();
            agent.Stop();
            Assert.True(watch.ElapsedMilliseconds < 2000, "Stop took " + watch.ElapsedMilliseconds + " ms");

            // The port is free again.
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, agent.Port));
        }

        [Fact]
        public void DatagramsLargerThanTheMaximumAreDroppedAndTheNextIsAnswered()
        {
            var counters = new SnmpCounters();
            var agent = new SnmpAgent(SnmpPackets.Processor(counters, SnmpMessageProcessor.MinMessageSize), "127.0.0.1", 0);
            agent.Start();
            try
            {
                using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                client.Connect(new IPEndPoint(IPAddress.Loopback, agent.Port));
                client.ReceiveTimeout = 5000;
                string[] names = new string[40];
                for (int i = 0; i < names.Length; i++)
                {
                    names[i] = "1.3.6.1.4.1.32473.99.1.1.0";
                }

                byte[] large = SnmpPackets.Get(1, "public", names);
                Assert.True(large.Length > SnmpMessageProcessor.MinMessageSize);
                client.Send(large);
                client.Send(SnmpPackets.Get(1, "public", new[] { "1.3.6.1.4.1.32473.99.1.1.0" }));
                byte[] answer = new byte[2000];
                int n = client.Receive(answer);
                Array.Resize(ref answer, n);
                SnmpTestResponse r = SnmpTestResponse.Parse(answer);
                Assert.Equal(1, r.Count);
                Assert.Equal(42, r.Numbers[0]);
                Assert.Equal(1u, counters.Read(SnmpCounters.InAsnParseErrs));
            }
            finally
            {
                agent.Stop();
            }
        }
    }
}
