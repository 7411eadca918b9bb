using Ipenergy.Probe.Common;
using Ipenergy.Probe.Display;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Display
{
    [TestClass]
    public class GraphicsFontTests
    {
        // Latin-1 codes of àâçéèêëîïôùûü ÀÂÇÉÈÊÎÔÙÛ and °.
        private static readonly byte[] French =
        {
            0xE0, 0xE2, 0xE7, 0xE9, 0xE8, 0xEA, 0xEB, 0xEE, 0xEF, 0xF4, 0xF9, 0xFB, 0xFC,
            0xC0, 0xC2, 0xC7, 0xC9, 0xC8, 0xCA, 0xCE, 0xD4, 0xD9, 0xDB, 0xB0
        };

        [TestMethod]
        public void SmallIsA6By8CellFor21CharactersBy8Lines()
        {
            Assert.AreEqual(8, Font.Small.Height);
            for (int c = 0; c < 256; c++)
            {
                Assert.AreEqual(6, Font.Small.CharWidth((byte)c), "advance of " + c);
            }

            FrameBuffer fb = new FrameBuffer(128, 64);
            Assert.AreEqual(126, fb.TextWidth(Font.Small, AsciiBytes.From("123456789012345678901"), 0, 21));
        }

        [TestMethod]
        public void EveryPrintableAsciiAndFrenchLetterHasItsOwnGlyph()
        {
            byte[] box = Render(Font.Small, 0x01);
            int inked = 0;
            for (int c = 33; c < 127; c++)
            {
                Assert.IsFalse(Same(box, Render(Font.Small, (byte)c)), "ASCII " + c + " draws as the box");
                inked++;
            }

            for (int i = 0; i < French.Length; i++)
            {
                byte[] glyph = Render(Font.Small, French[i]);
                Assert.IsFalse(Same(box, glyph), "Latin-1 " + French[i] + " draws as the box");
                for (int j = 0; j < i; j++)
                {
                    Assert.IsFalse(Same(glyph, Render(Font.Small, French[j])), French[i] + " looks like " + French[j]);
                }
            }

            Assert.AreEqual(94, inked);
            Assert.IsFalse(Same(Render(Font.Small, (byte)'e'), Render(Font.Small, 0xE9)), "é is not e");
            Assert.IsFalse(Same(Render(Font.Small, (byte)'E'), Render(Font.Small, 0xC9)), "É is not E");
        }

        [TestMethod]
        public void UnknownBytesDrawTheBoxAndSpaceDrawsNothing()
        {
            byte[] box = Render(Font.Small, 0x01);
            Assert.IsTrue(Same(box, Render(Font.Small, 0x7F)));
            Assert.IsTrue(Same(box, Render(Font.Small, 0xFF)));
            Assert.IsTrue(Ink(box) > 8, "the box is visible");
            Assert.AreEqual(0, Ink(Render(Font.Small, (byte)' ')));
            Assert.AreEqual(0, Ink(Render(Font.Large, (byte)' ')));
            Assert.IsTrue(Same(Render(Font.Large, 0x01), Render(Font.Large, (byte)'Q')), "Large has no Q: box");
        }

        [TestMethod]
        public void LargeHasValuesAndUnitsWithEqualDigitWidths()
        {
            Assert.AreEqual(16, Font.Large.Height);
            for (int c = '0'; c <= '9'; c++)
            {
                Assert.AreEqual(12, Font.Large.CharWidth((byte)c), "digit " + c);
            }

            byte[] box = Render(Font.Large, 0x01);
            byte[] needed = AsciiBytes.From(".,-+%:AVWkMHzvarh");
            for (int i = 0; i < needed.Length; i++)
            {
                Assert.IsFalse(Same(box, Render(Font.Large, needed[i])), "Large lacks " + (char)needed[i]);
            }

            FrameBuffer fb = new FrameBuffer(128, 64);
            byte[] value = AsciiBytes.From("-12.34 kvarh");
            Assert.IsTrue(fb.TextWidth(Font.Large, value, 0, value.Length) <= 128, "a long value fits the width");
        }

        // The cell of one character, drawn alone on a page boundary.
        private static byte[] Render(Font font, byte c)
        {
            FrameBuffer fb = new FrameBuffer(32, 16);
            byte[] text = { c };
            fb.DrawText(font, 0, 0, text);
            return fb.Bytes;
        }

        private static bool Same(byte[] a, byte[] b)
        {
            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static int Ink(byte[] cell)
        {
            int n = 0;
            for (int i = 0; i < cell.Length; i++)
            {
                for (int b = 0; b < 8; b++)
                {
                    if ((cell[i] & (1 << b)) != 0)
                    {
                        n++;
                    }
                }
            }

            return n;
        }
    }
}
