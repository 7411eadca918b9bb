using System;
using System.Diagnostics;
using Ipenergy.Probe.Protocols.Snmp.V3;
using Ipenergy.Probe.Tests.Unit.Snmp;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Snmp
{
    /// <summary>
    /// Bytes allocated per parse and per write of an SNMPv3 message, measured in process with
    /// GC.GetAllocatedBytesForCurrentThread: goal and assertion 0. The time per call is printed.
    /// </summary>
    public sealed class V3AllocationTests
    {
        private const int Count = 20000;
        private static readonly byte[] EngineId = SnmpPackets.FromHex("80 00 7E D9 04 65 70 72 6F 62 65");
        private static readonly byte[] User = SnmpPackets.Ascii("someone");
        private static readonly byte[] Salt = SnmpPackets.FromHex("01 02 03 04 05 06 07 08");

        private readonly ITestOutputHelper _output;

        public V3AllocationTests(ITestOutputHelper output)
        {
            _output = output;
        }

        /// <summary>A usmStatsUnknownEngineIDs report as this codec writes it (also a fuzz template).</summary>
        internal static byte[] Report(out V3MessageWriter writer)
        {
            writer = new V3MessageWriter(1472);
            byte[] pdu = V3MessageWriterTests.UnknownEngineIdReport(0x4d1cbbd8, 3);
            byte[] scoped = new byte[100];
            int n = writer.WriteScopedPdu(scoped, 0, EngineId, 0, EngineId.Length, Array.Empty<byte>(), 0, 0, pdu, 0, pdu.Length);
            Configure(writer, 0x15819a3f, 0, 0);
            int length = writer.WritePlaintext(scoped, 0, n);
            return writer.Message.AsSpan(0, length).ToArray();
        }

        [Theory]
        [InlineData("discovery probe")]
        [InlineData("authPriv GET")]
        [InlineData("report")]
        [InlineData("truncated")]
        public void ParseAllocatesNothing(string what)
        {
            byte[] m = what == "discovery probe" ? SnmpPackets.FromHex(V3MessageReaderTests.DiscoveryProbe)
                : what == "authPriv GET" ? SnmpPackets.FromHex(V3MessageReaderTests.AuthPrivGet)
                : what == "report" ? Report(out _)
                : SnmpPackets.FromHex(V3MessageReaderTests.AuthPrivGet).AsSpan(0, 70).ToArray();
            var r = new V3MessageReader();
            int expected = r.Read(m, 0, m.Length);
            Assert.Equal(what == "truncated", V3ParseResult.IsParseError(expected));
            for (int i = 0; i < 100; i++)
            {
                r.Read(m, 0, m.Length);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < Count; i++)
            {
                r.Read(m, 0, m.Length);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < Count; i++)
            {
                r.Read(m, 0, m.Length);
            }

            watch.Stop();
            _output.WriteLine(what + ": " + (allocated / (double)Count) + " bytes and "
                + (watch.Elapsed.TotalMilliseconds * 1000 / Count).ToString("0.000") + " µs per parse");
            Assert.Equal(0, allocated);
        }

        [Fact]
        public void WriteAllocatesNothing()
        {
            var w = new V3MessageWriter(1472);
            byte[] pdu = V3MessageWriterTests.UnknownEngineIdReport(1, 1);
            byte[] scoped = new byte[200];
            byte[] encrypted = new byte[120];
            for (int i = 0; i < 100; i++)
            {
                WriteBoth(w, pdu, scoped, encrypted, i);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < Count; i++)
            {
                WriteBoth(w, pdu, scoped, encrypted, i);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < Count; i++)
            {
                WriteBoth(w, pdu, scoped, encrypted, i);
            }

            watch.Stop();
            _output.WriteLine("report + authPriv response: " + (allocated / (double)Count) + " bytes and "
                + (watch.Elapsed.TotalMilliseconds * 1000 / Count).ToString("0.000") + " µs per pair of writes");
            Assert.Equal(0, allocated);
        }

        private static void WriteBoth(V3MessageWriter w, byte[] pdu, byte[] scoped, byte[] encrypted, int i)
        {
            int n = w.WriteScopedPdu(scoped, 0, EngineId, 0, EngineId.Length, User, 0, 0, pdu, 0, pdu.Length);
            Configure(w, i, 0, 0);
            Assert.True(w.WritePlaintext(scoped, 0, n) > 0);
            Configure(w, i, V3MsgFlags.Auth | V3MsgFlags.Priv, 12);
            Assert.True(w.WriteEncrypted(encrypted, 0, encrypted.Length) > 0);
        }

        private static void Configure(V3MessageWriter w, int msgId, int flags, int authLength)
        {
            w.MsgId = msgId;
            w.MsgFlags = (byte)flags;
            w.SetEngineId(EngineId, 0, EngineId.Length);
            w.EngineBoots = 7;
            w.EngineTime = 12345;
            w.SetUserName(User, 0, flags == 0 ? 0 : User.Length);
            w.AuthParamsLength = authLength;
            w.SetPrivParams(Salt, 0, flags == 0 ? 0 : Salt.Length);
        }
    }
}
