using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Ipenergy.Probe.Protocols.Snmp;
using Ipenergy.Probe.Tests.Unit.Snmp;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Snmp
{
    /// <summary>
    /// Malformed datagrams with deterministic seeds and bounded time: random bytes, mutated requests, bad BER
    /// lengths, indefinite lengths, huge OIDs (too many arcs, arcs past 2^32, non-minimal), truncated PDUs,
    /// bad versions and PDU tags. In process every answer must be a well-formed response; over UDP 100 000
    /// of them go through the agent's socket, after which it still answers snmpget.
    /// </summary>
    public sealed class SnmpFuzzTests
    {
        private const string S = "1.3.6.1.4.1.32473.99.1";

        private readonly ITestOutputHelper _output;

        public SnmpFuzzTests(ITestOutputHelper output)
        {
            _output = output;
        }

        private static readonly byte[][] Templates =
        {
            SnmpPackets.Get(1, "public", new[] { S + ".1.0", S + ".4.0" }),
            SnmpPackets.Get(0, "public", new[] { S + ".2.0" }),
            SnmpPackets.GetNext(1, "public", new[] { S, "1.3.6.1.4.1.32473.99.2.1.3" }),
            SnmpPackets.GetBulk("public", 1, 20, new[] { S, "1.3.6.1.4.1.32473.99.2" }),
            SnmpPackets.Request(1, "private", 0xA3, 9, 0, 0, new[] { SnmpPackets.Varbind(S + ".1.0", SnmpPackets.Integer(42)) }),
        };

        /// <summary>One malformed (or occasionally still valid) datagram.</summary>
        public static byte[] Malformed(Random random)
        {
            byte[] template = Templates[random.Next(Templates.Length)];
            byte[] d = (byte[])template.Clone();
            switch (random.Next(8))
            {
                case 0:
                    d = new byte[random.Next(0, 600)];
                    random.NextBytes(d);
                    if (d.Length > 0 && random.Next(2) == 0)
                    {
                        d[0] = 0x30;
                    }

                    return d;
                case 1:
                    for (int i = random.Next(1, 5); i > 0; i--)
                    {
                        d[random.Next(d.Length)] = (byte)random.Next(256);
                    }

                    return d;
                case 2:
                    {
                        // A length octet made wrong: a little off, huge, or a long form claiming more octets than exist.
                        int at = LengthPosition(d, random);
                        int choice = random.Next(4);
                        d[at] = choice == 0 ? (byte)(d[at] + random.Next(1, 4))
                            : choice == 1 ? (byte)(d[at] - random.Next(1, 4))
                            : choice == 2 ? (byte)0x84
                            : (byte)(0x85 + random.Next(0, 10));
                        return d;
                    }

                case 3:
                    d[LengthPosition(d, random)] = 0x80;
                    return d;
                case 4:
                    return HugeOid(random);
                case 5:
                    Array.Resize(ref d, random.Next(0, d.Length));
                    return d;
                case 6:
                    {
                        // Valid structure, wrong header values: version, PDU tag, request-id of 9 octets.
                        int kind = random.Next(3);
                        if (kind == 0)
                        {
                            d[4] = (byte)random.Next(256);
                        }
                        else if (kind == 1)
                        {
                            d[7 + d[6]] = (byte)random.Next(256);
                        }
                        else
                        {
                            return SnmpPackets.Tlv(0x30, SnmpPackets.Concat(new[]
                            {
                                SnmpPackets.Integer(1), SnmpPackets.OctetString("public"),
                                SnmpPackets.Tlv(0xA0, SnmpPackets.Concat(new[]
                                {
                                    SnmpPackets.FromHex("02 09 01 02 03 04 05 06 07 08 09"), SnmpPackets.Integer(0), SnmpPackets.Integer(0),
                                    SnmpPackets.Tlv(0x30, new byte[0]),
                                })),
                            }));
                        }

                        return d;
                    }

                default:
                    {
                        // Garbage appended or inserted.
                        byte[] extra = new byte[random.Next(1, 40)];
                        random.NextBytes(extra);
                        int at = random.Next(d.Length + 1);
                        byte[] joined = new byte[d.Length + extra.Length];
                        Array.Copy(d, 0, joined, 0, at);
                        Array.Copy(extra, 0, joined, at, extra.Length);
                        Array.Copy(d, at, joined, at + extra.Length, d.Length - at);
                        return joined;
                    }
            }
        }

        // The position of a length octet of one of the request's elements (the octet after a tag we know).
        private static int LengthPosition(byte[] d, Random random)
        {
            for (int tries = 0; tries < 20; tries++)
            {
                int at = random.Next(0, d.Length - 1);
                byte tag = d[at];
                if (tag == 0x30 || tag == 0x02 || tag == 0x04 || tag == 0x06 || tag == 0x05 || (tag >= 0xA0 && tag <= 0xA5))
                {
                    return at + 1;
                }
            }

            return 1;
        }

        private static byte[] HugeOid(Random random)
        {
            byte[] content;
            int kind = random.Next(4);
            if (kind == 0)
            {
                // 129 to 400 arcs.
                content = new byte[random.Next(128, 400)];
                content[0] = 0x2B;
                for (int i = 1; i < content.Length; i++)
                {
                    content[i] = (byte)random.Next(1, 128);
                }
            }
            else if (kind == 1)
            {
                // An arc of 2^32 or more (5 to 12 octets of base 128).
                int octets = random.Next(5, 13);
                content = new byte[1 + octets];
                content[0] = 0x2B;
                content[1] = 0x90;
                for (int i = 2; i < octets; i++)
                {
                    content[i] = (byte)(0x80 | random.Next(128));
                }

                content[octets] = (byte)random.Next(128);
            }
            else if (kind == 2)
            {
                // A non-minimal sub-identifier (leading 0x80) or one never ended (last octet with bit 8 set).
                content = SnmpPackets.OidContent(S + ".1.0");
                if (random.Next(2) == 0)
                {
                    content[5] = 0x80;
                }
                else
                {
                    content[content.Length - 1] |= 0x80;
                }
            }
            else
            {
                content = new byte[0];
            }

            byte[] varbind = SnmpPackets.Tlv(0x30, SnmpPackets.Concat(new[] { SnmpPackets.Tlv(0x06, content), new byte[] { 0x05, 0x00 } }));
            return SnmpPackets.Request(1, "public", 0xA0 + random.Next(2), 5, 0, 0, new[] { varbind });
        }

        [Fact]
        public void ProcessorSurvivesMalformedDatagramsInProcess()
        {
            var counters = new SnmpCounters();
            SnmpMessageProcessor processor = SnmpPackets.Processor(counters, SnmpMessageProcessor.DefaultMaxMessageSize);
            var random = new Random(20261125);
            int answered = 0;
            for (int i = 0; i < 300000; i++)
            {
                byte[] d = Malformed(random);
                int length = processor.Process(d, 0, d.Length);
                if (length > 0)
                {
                    answered++;
                    byte[] answer = new byte[length];
                    Array.Copy(processor.Response, processor.ResponseOffset, answer, 0, length);
                    SnmpTestResponse r = SnmpTestResponse.Parse(answer);
                    Assert.Equal(0xA2, r.PduType);
                    Assert.True(length <= SnmpMessageProcessor.DefaultMaxMessageSize);
                }
            }

            _output.WriteLine("300 000 datagrams: " + answered + " answered, " + counters.Read(SnmpCounters.InAsnParseErrs) + " parse errors, "
                + counters.Read(SnmpCounters.InBadVersions) + " bad versions, " + counters.Read(SnmpCounters.InBadCommunityNames) + " bad communities");
            Assert.True(counters.Read(SnmpCounters.InAsnParseErrs) > 150000, "most must be parse errors");
            Assert.True(answered > 1000, "some mutations stay valid and are answered: " + answered);
        }

        [Fact]
        public void AgentKeepsAnsweringAfter100000MalformedDatagramsOverUdp()
        {
            using var agent = new SnmpCoreTestAgent();
            using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            client.Connect(new IPEndPoint(IPAddress.Loopback, agent.Agent.Port));
            client.ReceiveTimeout = 5000;
            var random = new Random(4711);
            byte[] probe = SnmpPackets.Get(1, "public", new[] { S + ".6.0" });
            byte[] receive = new byte[2000];
            var watch = Stopwatch.StartNew();
            int sent = 0;
            int probes = 0;
            while (sent < 100000)
            {
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(120), "fuzz took too long at datagram " + sent);
                byte[] d = Malformed(random);
                if (d.Length == 0)
                {
                    // An empty datagram is legal UDP but says nothing; count it like the others.
                    d = new byte[] { 0x30 };
                }

                client.Send(d);
                sent++;
                if (sent % 50 == 0)
                {
                    // Paces the sender (the agent handles datagrams in order) and proves it is alive.
                    client.Send(probe);
                    probes++;
                    Assert.True(AwaitProbeAnswer(client, receive), "no answer to the probe after datagram " + sent);
                }
            }

            long elapsed = watch.ElapsedMilliseconds;
            Assert.Equal(sent + probes, agent.Agent.Received);
            NetSnmpTool.Result result = NetSnmpTool.Run("snmpget", "-On", "-m", "", "-r", "0", "-t", "2", "-v2c", "-c", "public", agent.Target, "." + S + ".6.0");
            Assert.Contains("." + S + ".6.0 = Timeticks: (360000) 1:00:00.00", result.Output);
            _output.WriteLine(sent + " malformed datagrams (+ " + probes + " probes) in " + elapsed + " ms; "
                + agent.Counters.Read(SnmpCounters.InAsnParseErrs) + " parse errors, " + agent.Counters.Read(SnmpCounters.InBadVersions)
                + " bad versions, " + agent.Counters.Read(SnmpCounters.InBadCommunityNames) + " bad communities, "
                + agent.Agent.Answered + " answered");
        }

        // Reads answers until the probe's (GET of .6.0, TimeTicks 360000); answers to valid fuzz datagrams are skipped.
        private static bool AwaitProbeAnswer(Socket client, byte[] receive)
        {
            for (int i = 0; i < 100; i++)
            {
                int n;
                try
                {
                    n = client.Receive(receive);
                }
                catch (SocketException)
                {
                    return false;
                }

                byte[] answer = new byte[n];
                Array.Copy(receive, answer, n);
                SnmpTestResponse r = SnmpTestResponse.Parse(answer);
                if (r.RequestId == 1000 && r.Count == 1 && r.Names[0] == S + ".6.0" && r.Numbers[0] == 360000)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
