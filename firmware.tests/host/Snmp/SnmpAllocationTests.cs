using System;
using System.Net;
using System.Net.Sockets;
using Ipenergy.Probe.Protocols.Snmp;
using Ipenergy.Probe.Tests.Unit.Snmp;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Snmp
{
    /// <summary>
    /// Bytes allocated per request, measured in process with GC.GetAllocatedBytesForCurrentThread around
    /// the message processor (GET, GETNEXT, GETBULK, SET, v1 and v2c, error and drop paths) and around the
    /// notification encoder. Goal and assertion: 0. The UDP calls the agent makes (ReceiveFrom/SendTo) are
    /// measured on their own and printed: what .NET allocates there is the host runtime's, not ours.
    /// </summary>
    public sealed class SnmpAllocationTests
    {
        private const string S = "1.3.6.1.4.1.32473.99.1";
        private const string T = "1.3.6.1.4.1.32473.99.2.1";

        private readonly ITestOutputHelper _output;

        public SnmpAllocationTests(ITestOutputHelper output)
        {
            _output = output;
        }

        public static TheoryData<string, byte[]> Requests()
        {
            return new TheoryData<string, byte[]>
            {
                { "GET v2c", SnmpPackets.Get(1, "public", new[] { S + ".1.0", S + ".2.0", S + ".4.0", S + ".8.0", T + ".3.2", T + ".4.5" }) },
                { "GET v1 noSuchName", SnmpPackets.Get(0, "public", new[] { S + ".1.0", S + ".4.0" }) },
                { "GETNEXT v2c", SnmpPackets.GetNext(1, "public", new[] { S, S + ".9.0", T + ".4.2" }) },
                { "GETNEXT v1", SnmpPackets.GetNext(0, "public", new[] { S + ".3.0", T + ".2" }) },
                { "GETBULK 0/25", SnmpPackets.GetBulk("public", 0, 25, new[] { "1.3.6.1" }) },
                { "GETBULK 1/10 x2", SnmpPackets.GetBulk("public", 1, 10, new[] { S + ".1.0", S, T + ".3" }) },
                { "SET v2c", SnmpPackets.Request(1, "private", 0xA3, 5, 0, 0, new[] { SnmpPackets.Varbind(S + ".1.0", SnmpPackets.Integer(42)) }) },
                { "SET error", SnmpPackets.Request(1, "private", 0xA3, 5, 0, 0, new[] { SnmpPackets.Varbind(S + ".3.0", SnmpPackets.Integer(1)) }) },
                { "wrong community", SnmpPackets.Get(1, "nope", new[] { S + ".1.0" }) },
                { "parse error", SnmpPackets.FromHex("30 80 02 01 01 04 06 70 75 62 6C 69 63") },
            };
        }

        [Theory]
        [MemberData(nameof(Requests))]
        public void ProcessorAllocatesNothingPerRequest(string what, byte[] request)
        {
            SnmpMessageProcessor processor = SnmpPackets.Processor(new SnmpCounters(), SnmpMessageProcessor.DefaultMaxMessageSize);
            for (int i = 0; i < 100; i++)
            {
                processor.Process(request, 0, request.Length);
            }

            const int Count = 20000;
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < Count; i++)
            {
                processor.Process(request, 0, request.Length);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            _output.WriteLine(what + ": " + allocated + " bytes for " + Count + " requests (" + ((double)allocated / Count) + " per request)");
            Assert.Equal(0, allocated);
        }

        [Fact]
        public void BulkWalkThroughTheProcessorAllocatesNothingAndPrintsItsTime()
        {
            // The requests of a snmpbulkwalk (max-repetitions 5) of the whole test view, then replayed.
            SnmpMessageProcessor processor = SnmpPackets.Processor(new SnmpCounters(), SnmpMessageProcessor.DefaultMaxMessageSize);
            var requests = new System.Collections.Generic.List<byte[]>();
            string from = "1.3.6.1";
            int objects = 0;
            while (true)
            {
                byte[] request = SnmpPackets.GetBulk("public", 0, 5, new[] { from });
                requests.Add(request);
                SnmpTestResponse r = SnmpTestResponse.Parse(SnmpPackets.Answer(processor, request));
                int i = 0;
                while (i < r.Count && r.Types[i] != SnmpType.EndOfMibView)
                {
                    i++;
                }

                objects += i;
                if (i < r.Count)
                {
                    break;
                }

                from = r.Names[r.Count - 1];
            }

            Assert.Equal(17, objects);
            for (int w = 0; w < 100; w++)
            {
                foreach (byte[] request in requests)
                {
                    processor.Process(request, 0, request.Length);
                }
            }

            const int Walks = 5000;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int w = 0; w < Walks; w++)
            {
                foreach (byte[] request in requests)
                {
                    processor.Process(request, 0, request.Length);
                }
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            watch.Stop();

            // A figure, not a timed check: decode + MIB + encode, no UDP.
            _output.WriteLine("bulk walk of " + objects + " objects in " + requests.Count + " requests, " + Walks + " times: "
                + (watch.Elapsed.TotalMilliseconds * 1000.0 / (Walks * (double)objects)).ToString("0.000") + " us per varbind; "
                + allocated + " bytes allocated");
            Assert.Equal(0, allocated);
        }

        [Fact]
        public void NotificationEncodingAllocatesNothing()
        {
            using var agent = new SnmpCoreTestAgent();
            var notification = new SnmpNotification(4);
            uint[] trapOid = ObjectId.Parse("1.3.6.1.4.1.32473.1.2.0.3");
            uint[] number = ObjectId.Parse(S + ".1.0");
            uint[] text = ObjectId.Parse(S + ".2.0");
            long before = 0;
            for (int i = 0; i < 10100; i++)
            {
                if (i == 100)
                {
                    before = GC.GetAllocatedBytesForCurrentThread();
                }

                notification.Start(trapOid, trapOid.Length);
                notification.Add(number, number.Length).SetInteger32(i);
                notification.Add(text, text.Length).SetText("Ch 7 current above 32 A");
                Assert.True(agent.Traps.Encode(notification, SnmpVersion.V2c) > 0);
                Assert.True(agent.Traps.Encode(notification, SnmpVersion.V1) > 0);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            _output.WriteLine("notification encoding (v2c + v1): " + allocated + " bytes for 10 000");
            Assert.Equal(0, allocated);
        }

        [Fact]
        public void UdpCallsOfTheAgentLoopAsMeasuredOnDotNet()
        {
            // The agent's loop body on this thread: ReceiveFrom into the reused buffer and EndPoint, process, SendTo.
            SnmpMessageProcessor processor = SnmpPackets.Processor(new SnmpCounters(), SnmpMessageProcessor.DefaultMaxMessageSize);
            using var server = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            server.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            client.Connect(server.LocalEndPoint);
            byte[] request = SnmpPackets.GetBulk("public", 0, 10, new[] { "1.3.6.1" });
            byte[] buffer = new byte[processor.MaxMessageSize + 1];
            byte[] answer = new byte[2000];
            EndPoint remote = new IPEndPoint(IPAddress.Any, 0);
            long total = 0;
            const int Count = 2000;
            for (int i = 0; i < Count + 100; i++)
            {
                client.Send(request);
                long before = GC.GetAllocatedBytesForCurrentThread();
                int n = server.ReceiveFrom(buffer, 0, buffer.Length, SocketFlags.None, ref remote);
                int length = processor.Process(buffer, 0, n);
                server.SendTo(processor.Response, processor.ResponseOffset, length, SocketFlags.None, remote);
                long after = GC.GetAllocatedBytesForCurrentThread();
                if (i >= 100)
                {
                    total += after - before;
                }

                client.Receive(answer);
            }

            double perDatagram = (double)total / Count;
            _output.WriteLine(".NET ReceiveFrom + Process + SendTo: " + perDatagram + " bytes per datagram (processor alone: 0)");

            // .NET makes a new EndPoint per ReceiveFrom (about 200 bytes); more would mean the agent's own code allocates.
            Assert.InRange(perDatagram, 0, 512);
        }
    }
}
