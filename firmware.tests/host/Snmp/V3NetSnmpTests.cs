using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Ipenergy.Probe.Protocols.Snmp;
using Ipenergy.Probe.Protocols.Snmp.Ber;
using Ipenergy.Probe.Protocols.Snmp.V3;
using Ipenergy.Probe.Tests.Unit.Snmp;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Snmp
{
    /// <summary>
    /// The SNMPv3 message codec against a real peer, net-snmp's snmpget (package snmp): what it sends is
    /// captured by a UDP listener on 127.0.0.1 and parsed by <see cref="V3MessageReader"/>; a report written
    /// by <see cref="V3MessageWriter"/> answers its discovery probe, and the next request it sends carries
    /// the engine ID, boots and time of that report: net-snmp decoded and accepted it.
    /// </summary>
    public sealed class V3NetSnmpTests
    {
        private const string SysDescr = "1.3.6.1.2.1.1.1.0";

        // An engine ID of the RFC 3411 format 4 (text): enterprise 32473 (example), "eprobe".
        private static readonly byte[] OurEngineId = SnmpPackets.FromHex("80 00 7E D9 04 65 70 72 6F 62 65");

        private readonly ITestOutputHelper _output;

        public V3NetSnmpTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void DiscoveryProbeOfNetSnmpParses()
        {
            using Socket socket = Listener();
            using Process snmpget = Start(socket, "-v3", "-l", "noAuthNoPriv", "-u", "someone");
            byte[] m = Receive(socket, out _);
            Finish(snmpget);

            var r = new V3MessageReader();
            Assert.Equal("ok", V3ParseResult.Name(r.Read(m, 0, m.Length)));
            Assert.Equal(V3MsgFlags.Reportable, r.MsgFlags);
            Assert.Equal(3, r.SecurityModel);
            Assert.Equal(65507, r.MsgMaxSize);
            Assert.Equal(0, r.EngineIdLength);
            Assert.Equal(0, r.EngineBoots);
            Assert.Equal(0, r.EngineTime);
            Assert.Equal(0, r.UserNameLength);
            Assert.Equal(0, r.AuthParamsLength);
            Assert.Equal(0, r.PrivParamsLength);
            Assert.False(r.IsEncrypted);
            Assert.Equal(SnmpPduType.GetRequest, r.PduType);
            Assert.Equal(0, r.ContextEngineIdLength);
            Assert.Equal(m.Length, r.PduOffset + r.PduLength);
        }

        [Fact]
        public void AuthPrivRequestOfNetSnmpParses()
        {
            using Socket socket = Listener();
            using Process snmpget = Start(socket, "-v3", "-l", "authPriv", "-u", "someone", "-a", "SHA", "-A", "pass1234pass",
                "-x", "AES", "-X", "pass5678pass", "-e", "0x800000000102030405");
            byte[] m = Receive(socket, out _);
            Finish(snmpget);

            var r = new V3MessageReader();
            Assert.Equal("ok", V3ParseResult.Name(r.Read(m, 0, m.Length)));
            Assert.Equal(V3MsgFlags.Auth | V3MsgFlags.Priv | V3MsgFlags.Reportable, r.MsgFlags);
            Assert.Equal("80 00 00 00 01 02 03 04 05", SnmpPackets.Hex(m, r.EngineIdOffset, r.EngineIdLength));
            Assert.Equal("someone", System.Text.Encoding.ASCII.GetString(m, r.UserNameOffset, r.UserNameLength));
            Assert.Equal(0, r.EngineBoots);
            Assert.Equal(0, r.EngineTime);
            Assert.Equal(12, r.AuthParamsLength);
            Assert.Equal(8, r.PrivParamsLength);
            Assert.True(r.IsEncrypted);

            // AES-CFB keeps the length: a GET of sysDescr.0 with its headers is 40-50 octets.
            Assert.InRange(r.EncryptedLength, 30, 60);
            Assert.Equal(m.Length, r.EncryptedOffset + r.EncryptedLength);
            Assert.NotEqual(new byte[12], m.AsSpan(r.AuthParamsOffset, 12).ToArray());
        }

        [Fact]
        public void NetSnmpAcceptsOurReportAndUsesItsEngineIdBootsAndTime()
        {
            using Socket socket = Listener();
            using Process snmpget = Start(socket, "-v3", "-l", "authNoPriv", "-u", "someone", "-a", "SHA", "-A", "pass1234pass");
            EndPoint peer;
            byte[] probe = Receive(socket, out peer);
            var r = new V3MessageReader();
            Assert.Equal("ok", V3ParseResult.Name(r.Read(probe, 0, probe.Length)));
            Assert.Equal(0, r.EngineIdLength);
            Assert.True(r.IsReportable);

            // The report echoes msgID and the PDU's request-id (RFC 3412 7.1 step 3).
            var ber = new BerReader();
            ber.Reset(probe, r.PduOffset, r.PduLength);
            Assert.True(ber.ReadHeader(out byte _, out int _));
            Assert.True(ber.ReadInt32(out int requestId));
            byte[] pdu = V3MessageWriterTests.UnknownEngineIdReport(requestId, 1);

            var w = new V3MessageWriter(1472);
            byte[] scoped = new byte[200];
            int scopedLength = w.WriteScopedPdu(scoped, 0, OurEngineId, 0, OurEngineId.Length, Array.Empty<byte>(), 0, 0, pdu, 0, pdu.Length);
            w.MsgId = r.MsgId;
            w.MsgFlags = 0;
            w.SetEngineId(OurEngineId, 0, OurEngineId.Length);
            w.EngineBoots = 7;
            w.EngineTime = 12345;
            w.SetUserName(probe, r.UserNameOffset, r.UserNameLength);
            w.AuthParamsLength = 0;
            w.SetPrivParams(null, 0, 0);
            int n = w.WritePlaintext(scoped, 0, scopedLength);
            Assert.True(n > 0);
            socket.SendTo(w.Message, 0, n, SocketFlags.None, peer);
            _output.WriteLine("report sent: " + SnmpPackets.Hex(w.Message, 0, n));

            byte[] next = Receive(socket, out _);
            Finish(snmpget);
            _output.WriteLine("next request: " + SnmpPackets.Hex(next));
            Assert.Equal("ok", V3ParseResult.Name(r.Read(next, 0, next.Length)));
            Assert.Equal(SnmpPackets.Hex(OurEngineId), SnmpPackets.Hex(next, r.EngineIdOffset, r.EngineIdLength));
            Assert.Equal(7, r.EngineBoots);
            Assert.InRange(r.EngineTime, 12345, 12350);
            Assert.Equal(V3MsgFlags.Auth | V3MsgFlags.Reportable, r.MsgFlags);
            Assert.Equal("someone", System.Text.Encoding.ASCII.GetString(next, r.UserNameOffset, r.UserNameLength));
            Assert.Equal(12, r.AuthParamsLength);
            Assert.False(r.IsEncrypted);
            Assert.Equal(SnmpPduType.GetRequest, r.PduType);
            Assert.Equal(SnmpPackets.Hex(OurEngineId), SnmpPackets.Hex(next, r.ContextEngineIdOffset, r.ContextEngineIdLength));
        }

        private static Socket Listener()
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            socket.ReceiveTimeout = 10000;
            return socket;
        }

        /// <summary>snmpget of sysDescr.0 to the listener, one try of 2 s: it ends by itself when nobody answers.</summary>
        private static Process Start(Socket listener, params string[] v3)
        {
            int port = ((IPEndPoint)listener.LocalEndPoint).Port;
            var args = new System.Collections.Generic.List<string> { "-m", "", "-r", "0", "-t", "2" };
            args.AddRange(v3);
            args.Add("127.0.0.1:" + port);
            args.Add(SysDescr);
            return Process.Start(NetSnmpTool.StartInfo("snmpget", "snmp", args.ToArray()));
        }

        private static byte[] Receive(Socket socket, out EndPoint from)
        {
            byte[] buffer = new byte[65536];
            from = new IPEndPoint(IPAddress.Any, 0);
            int n = socket.ReceiveFrom(buffer, ref from);
            return buffer.AsSpan(0, n).ToArray();
        }

        private void Finish(Process snmpget)
        {
            string stderr = snmpget.StandardError.ReadToEnd();
            if (!snmpget.WaitForExit(15000))
            {
                snmpget.Kill(true);
                Assert.Fail("snmpget did not end");
            }

            _output.WriteLine("snmpget: " + stderr.Trim());
        }
    }
}
