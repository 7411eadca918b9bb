using System.Text;
using Ipenergy.Probe.Common;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Common
{
    [TestClass]
    public class JsonReaderTests
    {
        private static JsonReader Reader(string json)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(json);
            return new JsonReader(bytes, 0, bytes.Length);
        }

        // The tokens of a document as one letter each (o } a ] n s # t f z . and E for an error).
        private static string Tokens(string json)
        {
            JsonReader r = Reader(json);
            string letters = "-o}a]ns#tfz.E";
            StringBuilder text = new StringBuilder();
            while (true)
            {
                int token = r.Read();
                text.Append(letters[token]);
                if (token == JsonTokenType.EndOfDocument || token == JsonTokenType.Error || text.Length > 100)
                {
                    return text.ToString();
                }
            }
        }

        private static double NumberOf(string json)
        {
            JsonReader r = Reader(json);
            Assert.AreEqual(JsonTokenType.Number, r.Read(), "number token for " + json + ": " + r.Error);
            Assert.AreEqual(JsonTokenType.EndOfDocument, r.Read());
            return r.Number;
        }

        private static string StringOf(string json)
        {
            JsonReader r = Reader(json);
            Assert.AreEqual(JsonTokenType.String, r.Read(), "string token for " + json + ": " + r.Error);
            return r.GetString();
        }

        [TestMethod]
        public void TokensOfAValidDocument()
        {
            Assert.AreEqual("onaonz}]nfn#ns}.", Tokens("{\"a\":[{\"b\":null}],\"c\":false,\"d\":1.5e3,\"e\":\"x\"}"));
            Assert.AreEqual("o}.", Tokens(" { } "));
            Assert.AreEqual("a].", Tokens("[]"));
            Assert.AreEqual("aa]a#]].", Tokens("[[],[1]]"));
            Assert.AreEqual("t.", Tokens("true"));
            Assert.AreEqual("#.", Tokens("\r\n\t-0\n"));
        }

        [TestMethod]
        public void GrammarErrors()
        {
            string[] bad =
            {
                "", "{", "}", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "[1 2]", "{\"a\":1]", "[1}", "01", "1.", "-",
                "1e", ".5", "+1", "tru", "truex", "nul", "[1]x", "{} {}", "\"abc", "\"a\tb\"", "\"\\x\"", "\"\\u12G4\"",
                "NaN", "Infinity", "[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]", "1e999"
            };
            for (int i = 0; i < bad.Length; i++)
            {
                string tokens = Tokens(bad[i]);
                Assert.EndsWith("E", tokens, "accepted: " + bad[i]);
            }

            JsonReader r = Reader("{\"a\":1,}");
            while (r.Read() != JsonTokenType.Error)
            {
            }

            Assert.AreEqual("expected a property name in double quotes at byte 7", r.Error);
            Assert.AreEqual(JsonTokenType.Error, r.Read(), "errors are sticky");
        }

        [TestMethod]
        public void SixteenLevelsAreAllowed()
        {
            Assert.EndsWith(".", Tokens("[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]"));
        }

        [TestMethod]
        public void NumbersAreExactForShortDecimals()
        {
            Assert.AreEqual(0.0, NumberOf("0"));
            Assert.AreEqual(-12.0, NumberOf("-12"));
            Assert.AreEqual(1.02, NumberOf("1.02"));
            Assert.AreEqual(0.05, NumberOf("0.05"));
            Assert.AreEqual(-0.75, NumberOf("-0.75"));
            Assert.AreEqual(1500.0, NumberOf("1.5e3"));
            Assert.AreEqual(1500.0, NumberOf("1.5E+3"));
            Assert.AreEqual(0.0015, NumberOf("1.5e-3"));
            Assert.AreEqual(0.1 + 0.2, NumberOf("0.30000000000000004"));
            Assert.AreEqual(123456789012345678.0, NumberOf("123456789012345678"));
            Assert.AreEqual(1e-30, NumberOf("1e-30"));
            Assert.AreEqual(1e300, NumberOf("1e300"));
        }

        [TestMethod]
        public void StringsAreDecoded()
        {
            Assert.AreEqual("a\"b\\c/d\b\f\n\r\t", StringOf("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\""));
            Assert.AreEqual("\u00e9\u20ac", StringOf("\"\\u00e9\\u20AC\""));
            Assert.AreEqual("Müller €", StringOf("\"Müller €\""));
            Assert.AreEqual("\ud83d\ude00", StringOf("\"\ud83d\ude00\""));
            Assert.AreEqual(new string('x', 300), StringOf("\"" + new string('x', 300) + "\""));
        }

        [TestMethod]
        public void InvalidUtf8IsRefused()
        {
            byte[][] bad =
            {
                new byte[] { 0x22, 0xC3, 0x22 },              // truncated sequence
                new byte[] { 0x22, 0xC0, 0xAF, 0x22 },        // overlong '/'
                new byte[] { 0x22, 0xED, 0xA0, 0x80, 0x22 },  // encoded surrogate
                new byte[] { 0x22, 0xFF, 0x22 }
            };
            for (int i = 0; i < bad.Length; i++)
            {
                JsonReader r = new JsonReader(bad[i], 0, bad[i].Length);
                Assert.AreEqual(JsonTokenType.Error, r.Read(), "case " + i.ToString());
                Assert.StartsWith("invalid UTF-8", r.Error);
            }
        }

        [TestMethod]
        public void ValueEqualsComparesNamesWithoutAllocating()
        {
            JsonReader r = Reader("{\"ctRatedA\":5,\"ct\\u0052atedA\":6}");
            r.Read();
            Assert.AreEqual(JsonTokenType.PropertyName, r.Read());
            Assert.IsTrue(r.ValueEquals("ctRatedA"), "plain name");
            Assert.IsFalse(r.ValueEquals("ctRated"), "prefix");
            Assert.IsFalse(r.ValueEquals("ctRatedAx"), "longer");
            r.Read();
            Assert.AreEqual(JsonTokenType.PropertyName, r.Read());
            Assert.IsTrue(r.ValueEquals("ctRatedA"), "escaped name");
        }

        [TestMethod]
        public void ReadsASliceAndSkipsValues()
        {
            byte[] bytes = Encoding.UTF8.GetBytes("xx{\"a\":{\"b\":[1,{\"c\":2}]},\"d\":3}yy");
            JsonReader r = new JsonReader(bytes, 2, bytes.Length - 4);
            Assert.AreEqual(JsonTokenType.StartObject, r.Read());
            Assert.AreEqual(JsonTokenType.PropertyName, r.Read());
            Assert.AreEqual(JsonTokenType.StartObject, r.Read());
            Assert.IsTrue(r.SkipValue(), "skip");
            Assert.AreEqual(JsonTokenType.PropertyName, r.Read());
            Assert.AreEqual("d", r.GetString());
            Assert.AreEqual(JsonTokenType.Number, r.Read());
            Assert.AreEqual(3.0, r.Number);
            Assert.AreEqual(JsonTokenType.EndObject, r.Read());
            Assert.AreEqual(JsonTokenType.EndOfDocument, r.Read());
        }
    }
}
