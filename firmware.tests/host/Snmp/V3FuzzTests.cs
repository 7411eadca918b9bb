using System;
using System.Diagnostics;
using Ipenergy.Probe.Protocols.Snmp.V3;
using Ipenergy.Probe.Tests.Unit.Snmp;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Snmp
{
    /// <summary>
    /// 20 000 deterministic mutations of the net-snmp frames and of a report this codec writes (bit flips,
    /// random octets, truncations, length octets made wrong, long forms, indefinite lengths): the reader
    /// never throws, and every offset it reports lies inside the message although the message sits in a
    /// larger buffer (so reading past it would not throw and must be caught this way).
    /// </summary>
    public sealed class V3FuzzTests
    {
        private const int Padding = 64;

        private readonly ITestOutputHelper _output;

        public V3FuzzTests(ITestOutputHelper output)
        {
            _output = output;
        }

        private static byte[][] Templates()
        {
            return new[]
            {
                SnmpPackets.FromHex(V3MessageReaderTests.DiscoveryProbe),
                SnmpPackets.FromHex(V3MessageReaderTests.AuthPrivGet),
                V3AllocationTests.Report(out _),
            };
        }

        [Fact]
        public void TwentyThousandMutationsNeverThrowNorReadOutside()
        {
            byte[][] templates = Templates();
            var random = new Random(1303);
            var r = new V3MessageReader();
            byte[] buffer = new byte[2048];
            int[] results = new int[32];
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < 20000; i++)
            {
                byte[] m = Mutate(templates[random.Next(templates.Length)], random);
                random.NextBytes(buffer);
                Array.Copy(m, 0, buffer, Padding, m.Length);
                int result;
                try
                {
                    result = r.Read(buffer, Padding, m.Length);
                }
                catch (Exception e)
                {
                    throw new Xunit.Sdk.XunitException("mutation " + i + " threw " + e.GetType().Name + ": " + SnmpPackets.Hex(m));
                }

                results[result]++;
                CheckInside(r, m, i);
                if (r.IsEncrypted)
                {
                    // What the USM will do next: a decrypted ScopedPDU parsed from another buffer.
                    int inner = r.ReadScopedPdu(buffer, r.EncryptedOffset, r.EncryptedLength);
                    Assert.True(inner == V3ParseResult.Ok || V3ParseResult.IsParseError(inner));
                }
            }

            watch.Stop();
            for (int i = 0; i < results.Length; i++)
            {
                if (results[i] > 0)
                {
                    _output.WriteLine(V3ParseResult.Name(i) + ": " + results[i]);
                }
            }

            _output.WriteLine("20000 mutations in " + watch.ElapsedMilliseconds + " ms");
            Assert.True(results[V3ParseResult.Ok] > 0, "some mutations stay valid");
            Assert.True(results[V3ParseResult.BadMessage] > 0, "outer SEQUENCE broken");
            Assert.True(results[V3ParseResult.UnknownSecurityModel] + results[V3ParseResult.InvalidFlags] > 0, "model or flags hit");
        }

        [Fact]
        public void WriterRoundTripsRandomFields()
        {
            var random = new Random(3412);
            var w = new V3MessageWriter(1472);
            var r = new V3MessageReader();
            for (int i = 0; i < 2000; i++)
            {
                byte[] engineId = Bytes(random, random.Next(0, 33));
                byte[] user = Bytes(random, random.Next(0, 33));
                byte[] salt = Bytes(random, random.Next(2) * 8);
                byte[] data = Bytes(random, random.Next(0, 1300));
                w.MsgId = random.Next(0, int.MaxValue);
                w.MsgMaxSize = random.Next(484, int.MaxValue);
                w.MsgFlags = (byte)(salt.Length > 0 ? 3 | (random.Next(2) * 4) : random.Next(2) | (random.Next(2) * 4));
                w.SetEngineId(engineId, 0, engineId.Length);
                w.EngineBoots = random.Next(0, int.MaxValue);
                w.EngineTime = random.Next(0, int.MaxValue);
                w.SetUserName(user, 0, user.Length);
                w.AuthParamsLength = (w.MsgFlags & 1) != 0 ? (random.Next(2) == 0 ? 12 : 24) : 0;
                w.SetPrivParams(salt, 0, salt.Length);
                int n = salt.Length > 0 ? w.WriteEncrypted(data, 0, data.Length) : w.WritePlaintext(ScopedPdu(w, data), 0, ScopedPduLengthOf(data));
                Assert.True(n > 0, "written " + i);
                Assert.Equal("ok", V3ParseResult.Name(r.Read(w.Message, 0, n)));
                Assert.Equal(w.MsgId, r.MsgId);
                Assert.Equal(w.MsgMaxSize, r.MsgMaxSize);
                Assert.Equal(w.MsgFlags & 3, r.MsgFlags);
                Assert.Equal(engineId, w.Message.AsSpan(r.EngineIdOffset, r.EngineIdLength).ToArray());
                Assert.Equal(w.EngineBoots, r.EngineBoots);
                Assert.Equal(w.EngineTime, r.EngineTime);
                Assert.Equal(user, w.Message.AsSpan(r.UserNameOffset, r.UserNameLength).ToArray());
                Assert.Equal(w.AuthParamsLength, r.AuthParamsLength);
                Assert.Equal(w.AuthParamsOffset, r.AuthParamsOffset);
                Assert.Equal(salt, w.Message.AsSpan(r.PrivParamsOffset, r.PrivParamsLength).ToArray());
                if (salt.Length > 0)
                {
                    Assert.Equal(data, w.Message.AsSpan(r.EncryptedOffset, r.EncryptedLength).ToArray());
                }
                else
                {
                    Assert.Equal(PduOf(data), w.Message.AsSpan(r.PduOffset, r.PduLength).ToArray());
                }
            }
        }

        private static byte[] PduOf(byte[] data)
        {
            return SnmpPackets.Tlv(0xA2, data);
        }

        private static int ScopedPduLengthOf(byte[] data)
        {
            return V3MessageWriter.ScopedPduLength(5, 0, PduOf(data).Length);
        }

        private static byte[] ScopedPdu(V3MessageWriter w, byte[] data)
        {
            byte[] pdu = PduOf(data);
            byte[] scoped = new byte[ScopedPduLengthOf(data)];
            byte[] context = { 0x80, 0, 0, 0, 1 };
            Assert.Equal(scoped.Length, w.WriteScopedPdu(scoped, 0, context, 0, 5, Array.Empty<byte>(), 0, 0, pdu, 0, pdu.Length));
            return scoped;
        }

        private static byte[] Bytes(Random random, int n)
        {
            byte[] b = new byte[n];
            random.NextBytes(b);
            return b;
        }

        private static void CheckInside(V3MessageReader r, byte[] m, int i)
        {
            string what = "mutation " + i + ": " + SnmpPackets.Hex(m);
            Inside(r.SecurityParametersOffset, r.SecurityParametersLength, m.Length, what);
            Inside(r.EngineIdOffset, r.EngineIdLength, m.Length, what);
            Inside(r.UserNameOffset, r.UserNameLength, m.Length, what);
            Inside(r.AuthParamsOffset, r.AuthParamsLength, m.Length, what);
            Inside(r.PrivParamsOffset, r.PrivParamsLength, m.Length, what);
            Inside(r.EncryptedOffset, r.EncryptedLength, m.Length, what);
            Inside(r.ContextEngineIdOffset, r.ContextEngineIdLength, m.Length, what);
            Inside(r.ContextNameOffset, r.ContextNameLength, m.Length, what);
            Inside(r.PduOffset, r.PduLength, m.Length, what);
        }

        private static void Inside(int offset, int length, int messageLength, string what)
        {
            if (length == 0)
            {
                return;
            }

            Assert.True(offset >= Padding && offset + length <= Padding + messageLength, what);
        }

        /// <summary>One mutation of a frame (the same families as SnmpFuzzTests).</summary>
        private static byte[] Mutate(byte[] template, Random random)
        {
            byte[] d = (byte[])template.Clone();
            switch (random.Next(7))
            {
                case 0:
                    for (int k = random.Next(1, 4); k > 0; k--)
                    {
                        int at = random.Next(d.Length);
                        d[at] ^= (byte)(1 << random.Next(8));
                    }

                    return d;
                case 1:
                    for (int k = random.Next(1, 4); k > 0; k--)
                    {
                        d[random.Next(d.Length)] = (byte)random.Next(256);
                    }

                    return d;
                case 2:
                    return d.AsSpan(0, random.Next(0, d.Length)).ToArray();
                case 3:
                    {
                        int at = LengthOctet(d, random);
                        int choice = random.Next(5);
                        d[at] = choice == 0 ? (byte)(d[at] + random.Next(1, 4))
                            : choice == 1 ? (byte)(d[at] - random.Next(1, 4))
                            : choice == 2 ? (byte)0x80
                            : choice == 3 ? (byte)(0x81 + random.Next(0, 4))
                            : (byte)(0x85 + random.Next(0, 10));
                        return d;
                    }

                case 4:
                    {
                        // An octet inserted or removed somewhere: every enclosing length is then wrong.
                        int at = random.Next(d.Length);
                        if (random.Next(2) == 0)
                        {
                            byte[] e = new byte[d.Length + 1];
                            Array.Copy(d, e, at);
                            e[at] = (byte)random.Next(256);
                            Array.Copy(d, at, e, at + 1, d.Length - at);
                            return e;
                        }

                        byte[] f = new byte[d.Length - 1];
                        Array.Copy(d, f, at);
                        Array.Copy(d, at + 1, f, at, d.Length - at - 1);
                        return f;
                    }

                case 5:
                    // msgFlags and msgSecurityModel, the fields with their own counters.
                    d[20] = (byte)random.Next(8);
                    d[23] = (byte)random.Next(5);
                    return d;
                default:
                    d[LengthOctet(d, random)] = (byte)random.Next(256);
                    return d;
            }
        }

        /// <summary>The length octet of an element of the frame, found by walking its TLVs from a random start.</summary>
        private static int LengthOctet(byte[] d, Random random)
        {
            // Tag octets of SNMP are 0x02, 0x04, 0x30, 0xA0-0xA8: pick one of those positions at random.
            int tries = 0;
            while (tries++ < 100)
            {
                int at = random.Next(d.Length - 1);
                byte t = d[at];
                if (t == 0x02 || t == 0x04 || t == 0x30 || (t >= 0xA0 && t <= 0xA8))
                {
                    return at + 1;
                }
            }

            return 1;
        }
    }
}
