using System;
using System.Text;
using Ipenergy.Probe.Common;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Common
{
    [TestClass]
    public class JsonWriterTests
    {
        private static string Text(JsonWriter w)
        {
            Assert.IsFalse(w.Failed, "writer failed");
            return Encoding.UTF8.GetString(w.Buffer, w.Offset, w.Length);
        }

        private static string StringValue(string value)
        {
            JsonWriter w = new JsonWriter(new byte[256]);
            w.WriteString(value);
            return Text(w);
        }

        [TestMethod]
        public void ObjectsArraysAndCommas()
        {
            JsonWriter w = new JsonWriter(new byte[256]);
            w.WriteStartObject();
            w.WriteName("a");
            w.WriteInteger(1);
            w.WriteName("b");
            w.WriteStartArray();
            w.WriteInteger(-2);
            w.WriteBoolean(true);
            w.WriteBoolean(false);
            w.WriteNull();
            w.WriteStartObject();
            w.WriteEndObject();
            w.WriteStartArray();
            w.WriteEndArray();
            w.WriteEndArray();
            w.WriteName("c");
            w.WriteString("x");
            w.WriteEndObject();
            Assert.AreEqual("{\"a\":1,\"b\":[-2,true,false,null,{},[]],\"c\":\"x\"}", Text(w));
            Assert.AreEqual(0, w.Depth);
        }

        [TestMethod]
        public void StartsAtOffsetAndResetReusesBuffer()
        {
            byte[] buffer = new byte[64];
            JsonWriter w = new JsonWriter(buffer);
            w.Reset(buffer, 10);
            w.WriteStartArray();
            w.WriteInteger(5);
            w.WriteEndArray();
            Assert.AreEqual(10, w.Offset);
            Assert.AreEqual("[5]", Text(w));
            w.Reset(buffer, 0);
            w.WriteInteger(7);
            Assert.AreEqual("7", Text(w));
        }

        [TestMethod]
        public void EscapesQuotesBackslashAndControls()
        {
            Assert.AreEqual("\"a\\\"b\\\\c\"", StringValue("a\"b\\c"));
            Assert.AreEqual("\"\\n\\r\\t\\b\\f\"", StringValue("\n\r\t\b\f"));
            Assert.AreEqual("\"\\u0000\\u001f\\u0001\"", StringValue("\u0000\u001f\u0001"));
            Assert.AreEqual("\"/<>'\u007f\"", StringValue("/<>'\u007f"));
            Assert.AreEqual("\"\"", StringValue(""));
        }

        [TestMethod]
        public void NamesAreEscapedToo()
        {
            JsonWriter w = new JsonWriter(new byte[64]);
            w.WriteStartObject();
            w.WriteName("q\"n");
            w.WriteInteger(0);
            w.WriteEndObject();
            Assert.AreEqual("{\"q\\\"n\":0}", Text(w));
        }

        [TestMethod]
        public void NonAsciiIsUtf8()
        {
            JsonWriter w = new JsonWriter(new byte[64]);
            w.WriteString("é€😀");
            Assert.IsFalse(w.Failed);
            byte[] expected = new byte[] { 0x22, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80, 0x22 };
            Assert.AreEqual(expected.Length, w.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], w.Buffer[i], "byte " + i.ToString());
            }
        }

        [TestMethod]
        public void LoneSurrogateBecomesReplacementCharacter()
        {
            JsonWriter w = new JsonWriter(new byte[64]);
            w.WriteString("a\uD800b");
            Assert.IsFalse(w.Failed);
            byte[] expected = new byte[] { 0x22, 0x61, 0xEF, 0xBF, 0xBD, 0x62, 0x22 };
            Assert.AreEqual(expected.Length, w.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], w.Buffer[i], "byte " + i.ToString());
            }
        }

        [TestMethod]
        public void NullStringIsNull()
        {
            Assert.AreEqual("null", StringValue(null));
        }

        [TestMethod]
        public void NumbersWithFixedDecimals()
        {
            JsonWriter w = new JsonWriter(new byte[256]);
            w.WriteStartArray();
            w.WriteNumber(230.456, 2);
            w.WriteNumber(-0.91234, 4);
            w.WriteNumber(8693.04, 1);
            w.WriteNumber(1e-12, 3);
            w.WriteNumber(1e21, 1);
            w.WriteScaled(1234567, 3);
            w.WriteInteger(long.MinValue);
            w.WriteEndArray();
            Assert.AreEqual("[230.46,-0.9123,8693.0,0.000,1e+21,1234.567,-9223372036854775808]", Text(w));
        }

        [TestMethod]
        public void NotANumberAndInfinityBecomeNull()
        {
            JsonWriter w = new JsonWriter(new byte[128]);
            w.WriteStartObject();
            w.WriteName("nan");
            w.WriteNumber(double.NaN, 2);
            w.WriteName("inf");
            w.WriteNumber(double.PositiveInfinity, 2);
            w.WriteName("neg");
            w.WriteNumber(double.NegativeInfinity, 2);
            w.WriteName("ok");
            w.WriteNumber(1.0, 1);
            w.WriteEndObject();
            Assert.AreEqual("{\"nan\":null,\"inf\":null,\"neg\":null,\"ok\":1.0}", Text(w));
        }

        [TestMethod]
        public void Timestamp()
        {
            JsonWriter w = new JsonWriter(new byte[64]);
            w.WriteTimestamp(new DateTime(2026, 1, 1, 0, 0, 0, 5));
            Assert.AreEqual("\"2026-01-01T00:00:00.005Z\"", Text(w));
        }

        [TestMethod]
        public void EveryBufferSizeEitherFitsOrFails()
        {
            // The same document into buffers of every size: each either holds it all or reports failure
            // (writing past the end would throw IndexOutOfRangeException here).
            int fullLength = -1;
            for (int size = 0; size < 80; size++)
            {
                JsonWriter w = new JsonWriter(new byte[size]);
                w.WriteStartObject();
                w.WriteName("name");
                w.WriteString("é\"x");
                w.WriteName("v");
                w.WriteNumber(-12.5, 3);
                w.WriteName("t");
                w.WriteTimestamp(new DateTime(2026, 1, 1));
                w.WriteEndObject();
                if (!w.Failed)
                {
                    if (fullLength < 0)
                    {
                        fullLength = w.Length;
                        Assert.AreEqual(size, fullLength, "first size that fits should be exactly the length");
                    }

                    Assert.AreEqual("{\"name\":\"é\\\"x\",\"v\":-12.500,\"t\":\"2026-01-01T00:00:00.000Z\"}", Text(w));
                }
                else
                {
                    Assert.IsTrue(fullLength < 0, "failed after a smaller buffer fitted");
                }
            }

            Assert.IsTrue(fullLength > 0, "never fitted");
        }

        [TestMethod]
        public void MisuseIsReportedNotThrown()
        {
            JsonWriter a = new JsonWriter(new byte[64]);
            a.WriteStartArray();
            a.WriteName("x");
            Assert.IsTrue(a.Failed, "name inside an array");

            JsonWriter b = new JsonWriter(new byte[64]);
            b.WriteStartObject();
            b.WriteInteger(1);
            Assert.IsTrue(b.Failed, "value without a name in an object");

            JsonWriter c = new JsonWriter(new byte[64]);
            c.WriteStartObject();
            c.WriteEndArray();
            Assert.IsTrue(c.Failed, "mismatched close");

            JsonWriter d = new JsonWriter(new byte[64]);
            d.WriteInteger(1);
            d.WriteInteger(2);
            Assert.IsTrue(d.Failed, "two top-level values");

            JsonWriter e = new JsonWriter(new byte[64]);
            e.WriteEndObject();
            Assert.IsTrue(e.Failed, "close without open");

            JsonWriter f = new JsonWriter(new byte[256]);
            for (int i = 0; i <= JsonWriter.MaxDepth; i++)
            {
                f.WriteStartArray();
            }

            Assert.IsTrue(f.Failed, "nesting deeper than MaxDepth");
        }
    }
}
