using System;
using Ipenergy.Probe.Protocols.Sntp;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Sntp
{
    [TestClass]
    public class NtpPacketTests
    {
        private static readonly long T1 = new DateTime(2026, 1, 1, 0, 0, 0).Ticks + 5000000;

        private static byte[] Request()
        {
            byte[] request = new byte[NtpPacket.Length];
            NtpPacket.WriteRequest(request, T1);
            return request;
        }

        // A server reply laid out by hand from RFC 5905 figure 8: LI 0, VN 4, mode 4, stratum 2, poll 6,
        // precision -20, origin = the request's transmit time, receive 2026-01-01T00:00:10.5Z,
        // transmit 2026-01-01T00:00:10.75Z.
        private static byte[] GoldenReply()
        {
            byte[] r = new byte[NtpPacket.Length];
            r[0] = 0x24;
            r[1] = 2;
            r[2] = 6;
            r[3] = 0xEC;
            r[12] = 127; r[13] = 0; r[14] = 0; r[15] = 1;
            // reference timestamp: 2026-01-01T00:00:00Z
            r[16] = 0xED; r[17] = 0x00; r[18] = 0x37; r[19] = 0x80;
            // origin: 0xED003780.80000000 (echo of T1)
            r[24] = 0xED; r[25] = 0x00; r[26] = 0x37; r[27] = 0x80; r[28] = 0x80;
            // receive: +10 s -> 0xED00378A.80000000
            r[32] = 0xED; r[33] = 0x00; r[34] = 0x37; r[35] = 0x8A; r[36] = 0x80;
            // transmit: 0xED00378A.C0000000
            r[40] = 0xED; r[41] = 0x00; r[42] = 0x37; r[43] = 0x8A; r[44] = 0xC0;
            return r;
        }

        [TestMethod]
        public void RequestIsVersion4ClientWithOurTransmitTime()
        {
            byte[] request = Request();
            Assert.AreEqual((byte)0x23, request[0], "LI 0, VN 4, mode 3");
            for (int i = 1; i < 40; i++)
            {
                Assert.AreEqual((byte)0, request[i], "byte " + i.ToString() + " is zero");
            }

            byte[] expected = { 0xED, 0x00, 0x37, 0x80, 0x80, 0x00, 0x00, 0x00 };
            for (int i = 0; i < 8; i++)
            {
                Assert.AreEqual(expected[i], request[40 + i], "transmit byte " + i.ToString());
            }
        }

        [TestMethod]
        public void GoldenReplyPassesAndGivesItsTimes()
        {
            byte[] reply = GoldenReply();
            Assert.AreEqual(NtpPacket.Ok, NtpPacket.Check(reply, reply.Length, Request()));
            Assert.AreEqual(0, NtpPacket.LeapIndicator(reply));
            Assert.AreEqual(4, NtpPacket.VersionNumber(reply));
            Assert.AreEqual(4, NtpPacket.Mode(reply));
            Assert.AreEqual(2, NtpPacket.Stratum(reply));
            Assert.AreEqual(T1 + 100000000, NtpTimestamp.ReadTicks(reply, NtpPacket.ReceiveTimestampOffset));
            Assert.AreEqual(T1 + 102500000, NtpTimestamp.ReadTicks(reply, NtpPacket.TransmitTimestampOffset));
        }

        [TestMethod]
        public void OffsetAndDelayFollowRfc5905()
        {
            // T1 = 0, server 10 s ahead, 0.1 s each way, 0.25 s in the server: T2 = 10.1, T3 = 10.35, T4 = 0.45.
            long t1 = 0;
            long t2 = 101000000;
            long t3 = 103500000;
            long t4 = 4500000;
            Assert.AreEqual(100000000L, NtpPacket.OffsetTicks(t1, t2, t3, t4), "offset 10 s");
            Assert.AreEqual(2000000L, NtpPacket.DelayTicks(t1, t2, t3, t4), "delay 0.2 s");
        }

        [TestMethod]
        public void ShortReplyRefused()
        {
            byte[] reply = GoldenReply();
            Assert.AreEqual(NtpPacket.TooShort, NtpPacket.Check(reply, 47, Request()));
            Assert.AreEqual(NtpPacket.TooShort, NtpPacket.Check(reply, 0, Request()));
        }

        [TestMethod]
        public void WrongModeRefused()
        {
            int[] modes = { 0, 1, 2, 3, 5, 6, 7 };
            for (int i = 0; i < modes.Length; i++)
            {
                byte[] reply = GoldenReply();
                reply[0] = (byte)(0x20 | modes[i]);
                Assert.AreEqual(NtpPacket.NotServerMode, NtpPacket.Check(reply, reply.Length, Request()), "mode " + modes[i].ToString());
            }
        }

        [TestMethod]
        public void VersionZeroOrAboveFourRefused()
        {
            byte[] reply = GoldenReply();
            reply[0] = 0x04;
            Assert.AreEqual(NtpPacket.BadVersion, NtpPacket.Check(reply, reply.Length, Request()));
            reply[0] = 0x2C; // VN 5
            Assert.AreEqual(NtpPacket.BadVersion, NtpPacket.Check(reply, reply.Length, Request()));
            reply[0] = 0x1C; // VN 3 is fine
            Assert.AreEqual(NtpPacket.Ok, NtpPacket.Check(reply, reply.Length, Request()));
        }

        [TestMethod]
        public void StratumZeroIsKissOfDeathAndAbove15Refused()
        {
            byte[] reply = GoldenReply();
            reply[1] = 0;
            reply[12] = (byte)'R'; reply[13] = (byte)'A'; reply[14] = (byte)'T'; reply[15] = (byte)'E';
            Assert.AreEqual(NtpPacket.KissOfDeath, NtpPacket.Check(reply, reply.Length, Request()));
            reply[1] = 16;
            Assert.AreEqual(NtpPacket.BadStratum, NtpPacket.Check(reply, reply.Length, Request()));
            reply[1] = 255;
            Assert.AreEqual(NtpPacket.BadStratum, NtpPacket.Check(reply, reply.Length, Request()));
            reply[1] = 1;
            Assert.AreEqual(NtpPacket.Ok, NtpPacket.Check(reply, reply.Length, Request()));
            reply[1] = 15;
            Assert.AreEqual(NtpPacket.Ok, NtpPacket.Check(reply, reply.Length, Request()));
        }

        [TestMethod]
        public void LeapIndicatorThreeMeansServerUnsynchronized()
        {
            byte[] reply = GoldenReply();
            reply[0] = 0xE4;
            Assert.AreEqual(NtpPacket.ServerUnsynchronized, NtpPacket.Check(reply, reply.Length, Request()));
            reply[0] = 0x64; // LI 1: leap second announced, still good
            Assert.AreEqual(NtpPacket.Ok, NtpPacket.Check(reply, reply.Length, Request()));
        }

        [TestMethod]
        public void OriginMustEchoOurTransmitTime()
        {
            for (int i = 24; i < 32; i++)
            {
                byte[] reply = GoldenReply();
                reply[i] ^= 0x01;
                Assert.AreEqual(NtpPacket.OriginMismatch, NtpPacket.Check(reply, reply.Length, Request()), "byte " + i.ToString());
            }
        }

        [TestMethod]
        public void ZeroTransmitOrReceiveRefused()
        {
            byte[] reply = GoldenReply();
            for (int i = 40; i < 48; i++)
            {
                reply[i] = 0;
            }

            Assert.AreEqual(NtpPacket.ZeroTransmit, NtpPacket.Check(reply, reply.Length, Request()));
            reply = GoldenReply();
            for (int i = 32; i < 40; i++)
            {
                reply[i] = 0;
            }

            Assert.AreEqual(NtpPacket.ZeroReceive, NtpPacket.Check(reply, reply.Length, Request()));
        }

        [TestMethod]
        public void FuzzedRepliesNeverThrowAndPassOnlyWhenValid()
        {
            // Deterministic LCG (no System.Random dependency on the device): 3000 mutated replies.
            uint seed = 12345;
            byte[] request = Request();
            int passed = 0;
            for (int n = 0; n < 3000; n++)
            {
                byte[] reply = GoldenReply();
                seed = seed * 1664525 + 1013904223;
                int flips = 1 + (int)((seed >> 24) % 4);
                for (int f = 0; f < flips; f++)
                {
                    seed = seed * 1664525 + 1013904223;
                    int at = (int)((seed >> 16) % 48);
                    seed = seed * 1664525 + 1013904223;
                    reply[at] = (byte)(seed >> 24);
                }

                seed = seed * 1664525 + 1013904223;
                int length = (seed >> 28) == 0 ? (int)((seed >> 16) % 48) : 48;
                int result = NtpPacket.Check(reply, length, request);
                bool valid = length >= 48
                    && (reply[0] & 7) == 4
                    && ((reply[0] >> 3) & 7) >= 1 && ((reply[0] >> 3) & 7) <= 4
                    && reply[1] >= 1 && reply[1] <= 15
                    && (reply[0] >> 6) != 3
                    && SameBytes(reply, 24, request, 40)
                    && !AllZero(reply, 40) && !AllZero(reply, 32);
                Assert.AreEqual(valid, result == NtpPacket.Ok, "mutation " + n.ToString() + " result " + result.ToString());
                if (result == NtpPacket.Ok)
                {
                    passed++;
                    // Timestamps of any accepted reply convert without throwing.
                    NtpTimestamp.ReadTicks(reply, NtpPacket.TransmitTimestampOffset);
                }
            }

            Assert.IsTrue(passed > 50 && passed < 2900, "both outcomes exercised: " + passed.ToString() + " passed");
        }

        private static bool SameBytes(byte[] a, int aOffset, byte[] b, int bOffset)
        {
            for (int i = 0; i < 8; i++)
            {
                if (a[aOffset + i] != b[bOffset + i])
                {
                    return false;
                }
            }

            return true;
        }

        private static bool AllZero(byte[] a, int offset)
        {
            for (int i = 0; i < 8; i++)
            {
                if (a[offset + i] != 0)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
