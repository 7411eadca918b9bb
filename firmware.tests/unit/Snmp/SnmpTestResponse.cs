using Ipenergy.Probe.Protocols.Snmp;
using Ipenergy.Probe.Protocols.Snmp.Ber;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Snmp
{
    /// <summary>A response datagram taken apart for assertions: header fields and each varbind's name, tag and content.</summary>
    public sealed class SnmpTestResponse
    {
        private const int MaxVarbinds = 400;

        public int Version;
        public string Community;
        public int PduType;
        public int RequestId;
        public int ErrorStatus;
        public int ErrorIndex;
        public int Count;
        public string[] Names = new string[MaxVarbinds];
        public byte[] Types = new byte[MaxVarbinds];
        public string[] Contents = new string[MaxVarbinds];
        public long[] Numbers = new long[MaxVarbinds];

        public static SnmpTestResponse Parse(byte[] datagram)
        {
            SnmpTestResponse r = new SnmpTestResponse();
            BerReader reader = new BerReader();
            reader.Reset(datagram, 0, datagram.Length);
            int length;
            Assert.IsTrue(reader.Open(0x30, out length) && length == datagram.Length - reader.Position, "message SEQUENCE");
            Assert.IsTrue(reader.ReadInt32(out r.Version), "version");
            Assert.IsTrue(reader.Open(0x04, out length), "community");
            r.Community = SnmpPackets.Hex(datagram, reader.Position, length);
            reader.Skip(length);
            byte tag;
            Assert.IsTrue(reader.ReadHeader(out tag, out length) && length == datagram.Length - reader.Position, "PDU");
            r.PduType = tag;
            Assert.IsTrue(reader.ReadInt32(out r.RequestId), "request-id");
            Assert.IsTrue(reader.ReadInt32(out r.ErrorStatus), "error-status");
            Assert.IsTrue(reader.ReadInt32(out r.ErrorIndex), "error-index");
            Assert.IsTrue(reader.Open(0x30, out length) && length == datagram.Length - reader.Position, "varbind list");
            OidBuffer name = new OidBuffer();
            while (reader.Position < datagram.Length)
            {
                Assert.IsTrue(reader.Open(0x30, out length), "varbind");
                Assert.IsTrue(reader.Open(0x06, out length) && reader.ReadOid(length, name), "varbind name");
                Assert.IsTrue(reader.ReadHeader(out tag, out length), "varbind value");
                r.Names[r.Count] = Dotted(name.Arcs, name.Length);
                r.Types[r.Count] = tag;
                r.Contents[r.Count] = SnmpPackets.Hex(datagram, reader.Position, length);
                long number = 0;
                if (tag == 0x02 && length > 0)
                {
                    reader.ReadSigned(length, out number);
                }
                else if ((tag == 0x41 || tag == 0x42 || tag == 0x43 || tag == 0x46) && length > 0)
                {
                    ulong unsigned;
                    reader.ReadUnsigned(length, out unsigned);
                    number = (long)unsigned;
                }
                else
                {
                    reader.Skip(length);
                }

                r.Numbers[r.Count] = number;
                r.Count++;
            }

            return r;
        }

        public static string Dotted(uint[] arcs, int length)
        {
            string text = "";
            for (int i = 0; i < length; i++)
            {
                text = i == 0 ? arcs[i].ToString() : text + "." + arcs[i].ToString();
            }

            return text;
        }

        /// <summary>Asserts error-status and error-index.</summary>
        public void AssertError(int status, int index, string what)
        {
            Assert.AreEqual(status, ErrorStatus, what + ": error-status");
            Assert.AreEqual(index, ErrorIndex, what + ": error-index");
        }

        /// <summary>Asserts varbind i's name and type.</summary>
        public void AssertVarbind(int i, string name, byte type, string what)
        {
            Assert.IsTrue(i < Count, what + ": only " + Count.ToString() + " varbinds");
            Assert.AreEqual(name, Names[i], what + ": name of varbind " + i.ToString());
            Assert.AreEqual((int)type, (int)Types[i], what + ": type of varbind " + i.ToString());
        }
    }
}
