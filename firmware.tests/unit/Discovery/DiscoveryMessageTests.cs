using System;
using Ipenergy.Probe.Protocols.Discovery;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Discovery
{
    [TestClass]
    public class DiscoveryMessageTests
    {
        [TestMethod]
        public void A_well_formed_request_is_accepted()
        {
            byte[] r = DiscoveryBytes.Request(1, 2, 3, 4);
            Assert.AreEqual(13, DiscoveryMessage.HeaderLength);
            Assert.IsTrue(DiscoveryMessage.IsRequest(r, 0, r.Length));
        }

        [TestMethod]
        public void A_request_inside_a_larger_buffer_is_read_at_its_offset()
        {
            byte[] r = DiscoveryBytes.Request(9, 9, 9, 9);
            byte[] big = new byte[40];
            Array.Copy(r, 0, big, 7, r.Length);
            Assert.IsTrue(DiscoveryMessage.IsRequest(big, 7, r.Length));
            Assert.IsFalse(DiscoveryMessage.IsRequest(big, 8, r.Length));
        }

        [TestMethod]
        public void Every_wrong_magic_byte_is_refused()
        {
            for (int i = 0; i < 8; i++)
            {
                byte[] r = DiscoveryBytes.Request(1, 2, 3, 4);
                r[i] = (byte)(r[i] ^ 0x20);
                Assert.IsFalse(DiscoveryMessage.IsRequest(r, 0, r.Length), "magic byte " + i.ToString());
            }
        }

        [TestMethod]
        public void Other_versions_are_refused()
        {
            byte[] r = DiscoveryBytes.Request(1, 2, 3, 4);
            r[8] = 0;
            Assert.IsFalse(DiscoveryMessage.IsRequest(r, 0, r.Length));
            r[8] = 2;
            Assert.IsFalse(DiscoveryMessage.IsRequest(r, 0, r.Length));
        }

        [TestMethod]
        public void Short_and_long_datagrams_are_refused()
        {
            byte[] r = DiscoveryBytes.Request(1, 2, 3, 4);
            for (int length = 0; length < 13; length++)
            {
                Assert.IsFalse(DiscoveryMessage.IsRequest(r, 0, length), "length " + length.ToString());
            }

            byte[] longer = new byte[14];
            Array.Copy(r, longer, 13);
            Assert.IsFalse(DiscoveryMessage.IsRequest(longer, 0, 14));
        }

        [TestMethod]
        public void Lengths_beyond_the_buffer_and_null_do_not_throw()
        {
            byte[] r = DiscoveryBytes.Request(1, 2, 3, 4);
            Assert.IsFalse(DiscoveryMessage.IsRequest(null, 0, 13));
            Assert.IsFalse(DiscoveryMessage.IsRequest(r, 1, 13));
            Assert.IsFalse(DiscoveryMessage.IsRequest(r, -1, 13));
            Assert.IsFalse(DiscoveryMessage.IsRequest(r, 100, 13));
        }

        [TestMethod]
        public void Random_input_never_throws_and_is_refused()
        {
            Random random = new Random(1234);
            byte[] buffer = new byte[64];
            for (int n = 0; n < 5000; n++)
            {
                random.NextBytes(buffer);
                int offset = random.Next(80) - 8;
                int length = random.Next(80) - 8;
                // Random bytes spell the magic with probability 2^-64: a "true" here means a parser bug.
                Assert.IsFalse(DiscoveryMessage.IsRequest(buffer, offset, length), "case " + n.ToString());
            }
        }
    }
}
