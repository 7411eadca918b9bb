using Ipenergy.Probe.Protocols.Snmp;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Snmp
{
    /// <summary>
    /// Builds request datagrams for the tests with its own small TLV code (not the agent's encoder), and
    /// runs them through a processor over the test subtrees.
    /// </summary>
    public static class SnmpPackets
    {
        public const string Read = "public";
        public const string Write = "private";

        public static TestScalars LastScalars;
        public static TestTable LastTable;

        /// <summary>A processor over a fresh <see cref="TestScalars"/> and <see cref="TestTable"/>; read "public", write "private".</summary>
        public static SnmpMessageProcessor Processor(SnmpCounters counters, int maxMessageSize)
        {
            LastScalars = new TestScalars();
            LastTable = new TestTable();
            SnmpSettings settings = new SnmpSettings();
            settings.ReadCommunity = Read;
            settings.WriteCommunity = Write;
            MibTree tree = new MibTree(new IMibSubtree[] { LastTable, LastScalars });
            return new SnmpMessageProcessor(tree, counters, settings, maxMessageSize);
        }

        /// <summary>The response to request, or null when the processor gave none.</summary>
        public static byte[] Answer(SnmpMessageProcessor processor, byte[] request)
        {
            int length = processor.Process(request, 0, request.Length);
            if (length == 0)
            {
                return null;
            }

            byte[] copy = new byte[length];
            for (int i = 0; i < length; i++)
            {
                copy[i] = processor.Response[processor.ResponseOffset + i];
            }

            return copy;
        }

        public static SnmpTestResponse Decoded(SnmpMessageProcessor processor, byte[] request)
        {
            byte[] answer = Answer(processor, request);
            Assert.IsNotNull(answer, "the agent did not answer");
            return SnmpTestResponse.Parse(answer);
        }

        /// <summary>A request: version, community, PDU tag, request-id, the two integers after it, and varbinds.</summary>
        public static byte[] Request(int version, string community, int pduType, int requestId, int first, int second, byte[][] varbinds)
        {
            byte[] list = Tlv(0x30, Concat(varbinds));
            byte[] pdu = Tlv(pduType, Concat(new byte[][] { Integer(requestId), Integer(first), Integer(second), list }));
            return Tlv(0x30, Concat(new byte[][] { Integer(version), Tlv(0x04, Ascii(community)), pdu }));
        }

        public static byte[] Get(int version, string community, string[] names)
        {
            return Request(version, community, 0xA0, 1000, 0, 0, NullVarbinds(names));
        }

        public static byte[] GetNext(int version, string community, string[] names)
        {
            return Request(version, community, 0xA1, 1001, 0, 0, NullVarbinds(names));
        }

        public static byte[] GetBulk(string community, int nonRepeaters, int maxRepetitions, string[] names)
        {
            return Request(1, community, 0xA5, 1002, nonRepeaters, maxRepetitions, NullVarbinds(names));
        }

        public static byte[][] NullVarbinds(string[] names)
        {
            byte[][] varbinds = new byte[names.Length][];
            for (int i = 0; i < names.Length; i++)
            {
                varbinds[i] = Varbind(names[i], new byte[] { 0x05, 0x00 });
            }

            return varbinds;
        }

        public static byte[] Varbind(string name, byte[] value)
        {
            return Tlv(0x30, Concat(new byte[][] { Tlv(0x06, OidContent(name)), value }));
        }

        public static byte[] Integer(int value)
        {
            int n = 1;
            while (n < 4 && (value >> (8 * n - 1)) != 0 && (value >> (8 * n - 1)) != -1)
            {
                n++;
            }

            byte[] content = new byte[n];
            for (int i = 0; i < n; i++)
            {
                content[i] = (byte)(value >> (8 * (n - 1 - i)));
            }

            return Tlv(0x02, content);
        }

        public static byte[] OctetString(string text)
        {
            return Tlv(0x04, Ascii(text));
        }

        public static byte[] Tlv(int tag, byte[] content)
        {
            int n = content.Length;
            int header = n < 128 ? 2 : n < 256 ? 3 : 4;
            byte[] tlv = new byte[header + n];
            tlv[0] = (byte)tag;
            if (n < 128)
            {
                tlv[1] = (byte)n;
            }
            else if (n < 256)
            {
                tlv[1] = 0x81;
                tlv[2] = (byte)n;
            }
            else
            {
                tlv[1] = 0x82;
                tlv[2] = (byte)(n >> 8);
                tlv[3] = (byte)n;
            }

            for (int i = 0; i < n; i++)
            {
                tlv[header + i] = content[i];
            }

            return tlv;
        }

        public static byte[] OidContent(string dotted)
        {
            uint[] arcs = ObjectId.Parse(dotted);
            byte[] buffer = new byte[arcs.Length * 5];
            int n = 0;
            for (int i = 1; i < arcs.Length; i++)
            {
                ulong arc = i == 1 ? (arcs[0] * 40UL) + arcs[1] : arcs[i];
                int groups = 1;
                while ((arc >> (7 * groups)) != 0)
                {
                    groups++;
                }

                for (int g = groups - 1; g >= 0; g--)
                {
                    buffer[n++] = (byte)(((arc >> (7 * g)) & 0x7F) | (g > 0 ? 0x80UL : 0UL));
                }
            }

            byte[] content = new byte[n];
            for (int i = 0; i < n; i++)
            {
                content[i] = buffer[i];
            }

            return content;
        }

        public static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
        }

        public static byte[] Concat(byte[][] parts)
        {
            int total = 0;
            for (int i = 0; i < parts.Length; i++)
            {
                total += parts[i].Length;
            }

            byte[] all = new byte[total];
            int at = 0;
            for (int i = 0; i < parts.Length; i++)
            {
                for (int j = 0; j < parts[i].Length; j++)
                {
                    all[at++] = parts[i][j];
                }
            }

            return all;
        }

        /// <summary>"30 0E 06 ..." to bytes (spaces ignored).</summary>
        public static byte[] FromHex(string hex)
        {
            byte[] buffer = new byte[hex.Length / 2 + 1];
            int n = 0;
            int high = -1;
            for (int i = 0; i < hex.Length; i++)
            {
                int digit = HexDigit(hex[i]);
                if (digit < 0)
                {
                    continue;
                }

                if (high < 0)
                {
                    high = digit;
                }
                else
                {
                    buffer[n++] = (byte)((high << 4) | digit);
                    high = -1;
                }
            }

            byte[] bytes = new byte[n];
            for (int i = 0; i < n; i++)
            {
                bytes[i] = buffer[i];
            }

            return bytes;
        }

        public static string Hex(byte[] bytes, int offset, int length)
        {
            const string digits = "0123456789ABCDEF";
            if (length == 0)
            {
                return "";
            }

            char[] text = new char[(length * 3) - 1];
            for (int i = 0; i < length; i++)
            {
                byte b = bytes[offset + i];
                text[3 * i] = digits[b >> 4];
                text[(3 * i) + 1] = digits[b & 15];
                if (i < length - 1)
                {
                    text[(3 * i) + 2] = ' ';
                }
            }

            return new string(text);
        }

        public static string Hex(byte[] bytes)
        {
            return bytes == null ? "(none)" : Hex(bytes, 0, bytes.Length);
        }

        public static void AssertBytes(string expectedHex, byte[] actual, string what)
        {
            Assert.AreEqual(Hex(FromHex(expectedHex)), Hex(actual), what);
        }

        private static int HexDigit(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            return -1;
        }
    }
}
