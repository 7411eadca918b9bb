using Ipenergy.Probe.Display;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Display
{
    [TestClass]
    public class GraphicsTextLineTests
    {
        private static string Text(TextLine line)
        {
            char[] chars = new char[line.Length];
            for (int i = 0; i < line.Length; i++)
            {
                chars[i] = (char)line.Bytes[i];
            }

            return new string(chars);
        }

        [TestMethod]
        public void BuildsALineFromPiecesAndClearReuses()
        {
            TextLine line = new TextLine(21);
            byte[] label = { (byte)'L', (byte)'1', (byte)' ' };
            line.Append(label).AppendFixed(230.449, 1).AppendChar((byte)' ').Append("V");
            Assert.AreEqual("L1 230.4 V", Text(line));
            line.Clear().AppendPadded(9, 2).AppendChar((byte)':').AppendPadded(5, 2);
            Assert.AreEqual("09:05", Text(line));
            Assert.AreEqual(21, line.Bytes.Length);
        }

        [TestMethod]
        public void NumbersRoundAndShowNotANumberAsDashes()
        {
            TextLine line = new TextLine(32);
            Assert.AreEqual("-0.35", Text(line.Clear().AppendFixed(-0.346, 2)));
            Assert.AreEqual("0", Text(line.Clear().AppendFixed(-0.04, 0)));
            Assert.AreEqual("---", Text(line.Clear().AppendFixed(double.NaN, 1)));
            Assert.AreEqual("---", Text(line.Clear().AppendFixed(double.PositiveInfinity, 1)));
            Assert.AreEqual("-9223372036854775808", Text(line.Clear().AppendInt(long.MinValue)));
            Assert.AreEqual("-007", Text(line.Clear().AppendPadded(-7, 3)));
            Assert.AreEqual("1234", Text(line.Clear().AppendPadded(1234, 2)), "more digits than asked are kept");
        }

        [TestMethod]
        public void TextBeyondTheCapacityIsDropped()
        {
            TextLine line = new TextLine(5);
            line.Append("abc").AppendInt(12345).AppendChar((byte)'!');
            Assert.AreEqual("abc12", Text(line));
            Assert.AreEqual(5, line.Length);
        }

        [TestMethod]
        public void LatinOneCharactersPassAndWideCharactersBecomeQuestionMarks()
        {
            TextLine line = new TextLine(8);
            line.Append("é°\u20AC");
            Assert.AreEqual(3, line.Length);
            Assert.AreEqual((byte)0xE9, line.Bytes[0]);
            Assert.AreEqual((byte)0xB0, line.Bytes[1]);
            Assert.AreEqual((byte)'?', line.Bytes[2]);
        }
    }
}
