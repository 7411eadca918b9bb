using Ipenergy.Probe.Common;
using Ipenergy.Probe.Display;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Display
{
    [TestClass]
    public class GraphicsFrameBufferTests
    {
        private static bool Pixel(FrameBuffer fb, int x, int y)
        {
            return (fb.Bytes[(y >> 3) * fb.Width + x] & (1 << (y & 7))) != 0;
        }

        private static int CountOn(FrameBuffer fb, int x, int y, int w, int h)
        {
            int n = 0;
            for (int yy = y; yy < y + h; yy++)
            {
                for (int xx = x; xx < x + w; xx++)
                {
                    if (Pixel(fb, xx, yy))
                    {
                        n++;
                    }
                }
            }

            return n;
        }

        [TestMethod]
        public void PageLayoutBitZeroIsTheTopRowOfThePage()
        {
            FrameBuffer fb = new FrameBuffer(128, 64);
            fb.SetPixel(5, 0, true);
            fb.SetPixel(5, 9, true);
            fb.SetPixel(127, 63, true);
            Assert.AreEqual((byte)0x01, fb.Bytes[5]);
            Assert.AreEqual((byte)0x02, fb.Bytes[128 + 5]);
            Assert.AreEqual((byte)0x80, fb.Bytes[7 * 128 + 127]);
            fb.SetPixel(5, 9, false);
            Assert.AreEqual((byte)0x00, fb.Bytes[128 + 5]);
            Assert.AreEqual(1024, fb.Bytes.Length);
        }

        [TestMethod]
        public void DrawingOutsideTheFrameIsClipped()
        {
            FrameBuffer fb = new FrameBuffer(128, 64);
            fb.SetPixel(-1, 0, true);
            fb.SetPixel(128, 0, true);
            fb.SetPixel(0, 64, true);
            fb.FillRect(-10, -10, 12, 12, true);
            fb.FillRect(120, 60, 20, 20, true);
            fb.DrawText(Font.Small, 100, 60, AsciiBytes.From("WW"));
            Assert.AreEqual(4, CountOn(fb, 0, 0, 2, 2), "visible corner of the first rectangle");
            Assert.IsTrue(CountOn(fb, 0, 0, 128, 64) > 4 + 32, "the rest of the visible parts");
        }

        [TestMethod]
        public void FillRectAcrossPagesSetsExactlyItsPixels()
        {
            FrameBuffer fb = new FrameBuffer(128, 64);
            fb.FillRect(10, 5, 7, 13, true);
            Assert.AreEqual(7 * 13, CountOn(fb, 0, 0, 128, 64));
            Assert.IsTrue(Pixel(fb, 10, 5) && Pixel(fb, 16, 17));
            Assert.IsFalse(Pixel(fb, 10, 4) || Pixel(fb, 10, 18) || Pixel(fb, 9, 5) || Pixel(fb, 17, 5));
            fb.FillRect(11, 6, 5, 11, false);
            Assert.AreEqual(7 * 13 - 5 * 11, CountOn(fb, 0, 0, 128, 64), "a hollow frame remains");
        }

        [TestMethod]
        public void InvertRectFlipsOnlyItsPixels()
        {
            FrameBuffer fb = new FrameBuffer(128, 64);
            fb.FillRect(0, 0, 4, 4, true);
            fb.InvertRect(2, 2, 4, 9);
            Assert.AreEqual(16 - 4 + (36 - 4), CountOn(fb, 0, 0, 128, 64));
            Assert.IsFalse(Pixel(fb, 3, 3));
            Assert.IsTrue(Pixel(fb, 5, 10));
            fb.InvertRect(2, 2, 4, 9);
            Assert.AreEqual(16, CountOn(fb, 0, 0, 128, 64), "inverting twice restores");
        }

        [TestMethod]
        public void DrawRectAndHLine()
        {
            FrameBuffer fb = new FrameBuffer(128, 64);
            fb.DrawRect(3, 3, 10, 6);
            Assert.AreEqual(2 * 10 + 2 * 4, CountOn(fb, 0, 0, 128, 64));
            Assert.IsFalse(Pixel(fb, 5, 5));
            fb.Clear();
            fb.DrawHLine(0, 31, 128);
            Assert.AreEqual(128, CountOn(fb, 0, 31, 128, 1));
            Assert.AreEqual(128, CountOn(fb, 0, 0, 128, 64));
        }

        [TestMethod]
        public void BarFillsInProportionAndClips()
        {
            FrameBuffer fb = new FrameBuffer(128, 64);
            fb.DrawBar(0, 0, 102, 6, 500);
            Assert.AreEqual(50, CountOn(fb, 1, 1, 100, 1), "inside row half filled");
            Assert.IsTrue(Pixel(fb, 50, 2) && !Pixel(fb, 51, 2));
            fb.DrawBar(0, 0, 102, 6, 2500);
            Assert.AreEqual(100 * 4, CountOn(fb, 1, 1, 100, 4), "clipped to full");
            fb.DrawBar(0, 0, 102, 6, -7);
            Assert.AreEqual(0, CountOn(fb, 1, 1, 100, 4), "clipped to empty, the old fill cleared");
            Assert.AreEqual(2 * 102 + 2 * 4, CountOn(fb, 0, 0, 128, 64), "the frame stays");
        }

        [TestMethod]
        public void IconIsEightRowsOfColumnBytesAtAnyRow()
        {
            FrameBuffer fb = new FrameBuffer(128, 64);
            byte[] icon = { 0x81, 0xFF, 0x00 };
            fb.DrawIcon(20, 12, icon, 3);
            Assert.IsTrue(Pixel(fb, 20, 12) && Pixel(fb, 20, 19) && !Pixel(fb, 20, 13));
            Assert.AreEqual(8, CountOn(fb, 21, 0, 1, 64));
            Assert.AreEqual(0, CountOn(fb, 22, 0, 1, 64));
        }

        [TestMethod]
        public void TextAtAnyRowEqualsTextOnAPageShifted()
        {
            // Page-aligned text takes the whole-byte path, other rows the masked one: same pixels.
            SameShifted(Font.Small, AsciiBytes.From("Wg8%"), 3, 8, 3, 13);
            SameShifted(Font.Large, AsciiBytes.From("-47.5kWh"), 0, 16, 0, 21);
            SameShifted(Font.Large, AsciiBytes.From("9%"), 0, 0, 0, 47);
        }

        [TestMethod]
        public void TextCutAtTheLeftEdgeShowsItsVisibleColumns()
        {
            SameShifted(Font.Small, AsciiBytes.From("Mx"), 3, 0, -2, 24);
            SameShifted(Font.Large, AsciiBytes.From("38"), 5, 16, -4, 40);
        }

        // Draws text at (x1, y1) and at (x2, y2) in two frames and compares what both show.
        private static void SameShifted(Font font, byte[] text, int x1, int y1, int x2, int y2)
        {
            FrameBuffer a = new FrameBuffer(128, 64);
            FrameBuffer b = new FrameBuffer(128, 64);
            a.DrawText(font, x1, y1, text);
            b.DrawText(font, x2, y2, text);
            int ink = 0;
            for (int y = 0; y < font.Height; y++)
            {
                for (int x = 0; x < 100; x++)
                {
                    int bx = x - x1 + x2;
                    if (bx < 0 || bx >= 128 || y2 + y >= 64 || x >= 128)
                    {
                        continue;
                    }

                    bool pa = Pixel(a, x, y1 + y);
                    Assert.AreEqual(pa, Pixel(b, bx, y2 + y), "pixel " + x + "," + y);
                    if (pa)
                    {
                        ink++;
                    }
                }
            }

            Assert.IsTrue(ink > 10, "the text has visible ink: " + ink);
            Assert.AreEqual(CountOn(a, 0, 0, 128, 64) - Cut(a, x1, x2), CountOn(b, 0, 0, 128, 64), "nothing drawn elsewhere");
        }

        // Ink of frame a left of the columns that frame b (drawn at x2 < x1) cannot show.
        private static int Cut(FrameBuffer a, int x1, int x2)
        {
            return x2 >= 0 ? 0 : CountOn(a, 0, 0, x1 - x2, 64);
        }

        [TestMethod]
        public void TextIsOpaqueAndReturnsTheXAfterIt()
        {
            FrameBuffer fb = new FrameBuffer(128, 64);
            fb.FillRect(0, 0, 128, 8, true);
            int end = fb.DrawText(Font.Small, 6, 0, AsciiBytes.From("  "));
            Assert.AreEqual(18, end);
            Assert.AreEqual(0, CountOn(fb, 6, 0, 12, 8), "spaces clear their cells");
            Assert.AreEqual(12, fb.TextWidth(Font.Small, AsciiBytes.From("ab"), 0, 2));
        }

        [TestMethod]
        public void DrawTextRightEndsAtRightX()
        {
            FrameBuffer fb = new FrameBuffer(128, 64);
            byte[] text = AsciiBytes.From("xx12.5yy");
            fb.DrawTextRight(Font.Large, 128, 16, text, 2, 4);
            int width = fb.TextWidth(Font.Large, text, 2, 4);
            Assert.AreEqual(3 * 12 + 4, width);
            Assert.AreEqual(0, CountOn(fb, 0, 0, 128 - width, 64), "nothing left of the text");
            Assert.IsTrue(CountOn(fb, 128 - width, 16, 12, 16) > 30, "the first digit is there");
        }

        [TestMethod]
        public void FirstFlushSendsTheWholeFrameAsOneRunPerPage()
        {
            FrameBuffer fb = new FrameBuffer(128, 64);
            GraphicsRecordingDisplay display = new GraphicsRecordingDisplay(128, 64);
            Assert.AreEqual(1024, fb.Flush(display));
            Assert.AreEqual(8, display.Calls);
            for (int p = 0; p < 8; p++)
            {
                Assert.AreEqual(p, display.CallPage[p]);
                Assert.AreEqual(0, display.CallFirst[p]);
                Assert.AreEqual(128, display.CallCount[p]);
            }

            Assert.AreEqual(1L, fb.Version);
        }

        [TestMethod]
        public void UnchangedRedrawSendsNothing()
        {
            FrameBuffer fb = new FrameBuffer(128, 64);
            GraphicsRecordingDisplay display = new GraphicsRecordingDisplay(128, 64);
            Draw(fb, AsciiBytes.From("230.4"));
            fb.Flush(display);
            display.ResetCalls();
            Draw(fb, AsciiBytes.From("230.4"));
            Assert.AreEqual(0, fb.Flush(display));
            Assert.AreEqual(0, display.Calls);
            Assert.AreEqual(1L, fb.Version, "a flush that sent nothing is no new frame");
            Assert.IsTrue(display.Shows(fb.Bytes));
        }

        [TestMethod]
        public void AChangedDigitSendsOnlyItsColumns()
        {
            FrameBuffer fb = new FrameBuffer(128, 64);
            GraphicsRecordingDisplay display = new GraphicsRecordingDisplay(128, 64);
            Draw(fb, AsciiBytes.From("230.4"));
            fb.Flush(display);
            display.ResetCalls();

            // 230.4 -> 230.7: the last Large digit (x 40..51 at x0 = 0, rows 16..31 = pages 2 and 3) changes.
            Draw(fb, AsciiBytes.From("230.7"));
            int sent = fb.Flush(display);
            Assert.IsTrue(display.Calls >= 1 && display.Calls <= 2, "one run per changed page, got " + display.Calls);
            for (int i = 0; i < display.Calls; i++)
            {
                int page = display.CallPage[i];
                Assert.IsTrue(page == 2 || page == 3, "page " + page);
                Assert.IsTrue(display.CallFirst[i] >= 40, "first " + display.CallFirst[i]);
                Assert.IsTrue(display.CallFirst[i] + display.CallCount[i] <= 50, "end " + (display.CallFirst[i] + display.CallCount[i]));
            }

            Assert.IsTrue(sent > 0 && sent <= 20, "bytes sent " + sent);
            Assert.AreEqual(2L, fb.Version);
            Assert.IsTrue(display.Shows(fb.Bytes), "the panel shows the frame");
        }

        [TestMethod]
        public void ClearMarksOnlyTheBytesThatWereOn()
        {
            FrameBuffer fb = new FrameBuffer(128, 64);
            GraphicsRecordingDisplay display = new GraphicsRecordingDisplay(128, 64);
            fb.SetPixel(70, 35, true);
            fb.SetPixel(90, 36, true);
            fb.Flush(display);
            display.ResetCalls();
            fb.Clear();
            Assert.AreEqual(21, fb.Flush(display));
            Assert.AreEqual(1, display.Calls);
            Assert.AreEqual(4, display.CallPage[0]);
            Assert.AreEqual(70, display.CallFirst[0]);
            fb.Invalidate();
            Assert.AreEqual(1024, fb.Flush(display), "Invalidate sends all again");
        }

        // What a screen does every frame: clear, then draw everything.
        private static void Draw(FrameBuffer fb, byte[] value)
        {
            fb.Clear();
            fb.DrawText(Font.Small, 0, 0, AsciiBytes.From("L1 voltage"));
            fb.DrawText(Font.Large, 0, 16, value);
            fb.DrawBar(0, 40, 128, 8, 640);
        }
    }
}
