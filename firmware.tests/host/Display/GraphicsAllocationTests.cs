using System;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Display;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Tests.Unit.Display;
using Xunit;

namespace Ipenergy.Probe.Tests.Display
{
    /// <summary>
    /// The steady state of the panel allocates nothing: drawing a whole frame (clear, texts, numbers built in
    /// TextLines, bars, icon, inversion) and flushing it, sampling the keys, and encoding the frame as PNG.
    /// </summary>
    public sealed class GraphicsAllocationTests
    {
        private sealed class PressingKeypad : IKeypad
        {
            public long Now;

            // Enter held 200 ms of every 1.5 s, Up 800 ms of every 2 s: short, long and repeat paths all run.
            public int ReadHeld()
            {
                int keys = 0;
                if (Now % 1500 < 200 || (Now % 6000 >= 3000 && Now % 6000 < 4200))
                {
                    keys |= PanelKeys.Enter;
                }

                if (Now % 2000 < 800)
                {
                    keys |= PanelKeys.Up;
                }

                return keys;
            }
        }

        [Fact]
        public void DrawingAndFlushingAFrameAllocatesNothing()
        {
            FrameBuffer fb = new FrameBuffer(128, 64);
            GraphicsRecordingDisplay display = new GraphicsRecordingDisplay(128, 64);
            TextLine line = new TextLine(21);
            TextLine value = new TextLine(12);
            byte[] label = AsciiBytes.From("Courant L");
            byte[] unit = AsciiBytes.From(" A");
            byte[] icon = { 0x3C, 0x42, 0x81, 0x81, 0x42, 0x3C };
            for (int frame = 0; frame < 50; frame++)
            {
                DrawFrame(fb, line, value, label, unit, icon, frame);
                fb.Flush(display);
            }

            long sentBefore = display.BytesSent;
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int frame = 50; frame < 550; frame++)
            {
                DrawFrame(fb, line, value, label, unit, icon, frame);
                fb.Flush(display);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(0L, allocated);
            Assert.True(display.Shows(fb.Bytes));
            long perFrame = (display.BytesSent - sentBefore) / 500;
            Assert.True(perFrame > 20 && perFrame < 100, "bytes flushed per frame (53 measured) " + perFrame + " (1024 would be a full redraw)");
        }

        [Fact]
        public void SamplingKeysAllocatesNothing()
        {
            PressingKeypad keypad = new PressingKeypad();
            KeyDebouncer debouncer = new KeyDebouncer(keypad);
            int events = 0;
            for (keypad.Now = 0; keypad.Now < 6000; keypad.Now += KeyDebouncer.SampleMs)
            {
                if (debouncer.Sample(keypad.Now) != 0)
                {
                    events++;
                }
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (; keypad.Now < 60000; keypad.Now += KeyDebouncer.SampleMs)
            {
                if (debouncer.Sample(keypad.Now) != 0)
                {
                    events++;
                }
            }

            Assert.Equal(0L, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.True(events > 40, "events seen " + events);
        }

        [Fact]
        public void EncodingThePngAllocatesNothing()
        {
            FrameBuffer fb = new FrameBuffer(128, 64);
            fb.DrawText(Font.Large, 0, 0, AsciiBytes.From("230.4V"));
            byte[] png = new byte[MonochromePng.MaxLength(128, 64, 4)];
            MonochromePng.Encode(fb.Bytes, 128, 64, 4, png);
            long before = GC.GetAllocatedBytesForCurrentThread();
            int length = 0;
            for (int i = 0; i < 20; i++)
            {
                length = MonochromePng.Encode(fb.Bytes, 128, 64, 1 + (i % 4), png);
            }

            Assert.Equal(0L, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.Equal(MonochromePng.MaxLength(128, 64, 4), length);
        }

        // A typical channel screen: title, a big changing value, two small lines, a bar, a highlighted footer.
        private static void DrawFrame(FrameBuffer fb, TextLine line, TextLine value, byte[] label, byte[] unit, byte[] icon, int frame)
        {
            double amps = 12.0 + (frame % 7) * 0.1;
            fb.Clear();
            line.Clear().Append(label).AppendInt(1 + (frame / 100) % 3);
            fb.DrawText(Font.Small, 0, 0, line.Bytes, 0, line.Length);
            fb.DrawIcon(120, 0, icon, icon.Length);
            fb.DrawHLine(0, 9, 128);
            value.Clear().AppendFixed(amps, 1).Append(unit);
            fb.DrawTextRight(Font.Large, 128, 14, value.Bytes, 0, value.Length);
            line.Clear().Append("PF ").AppendFixed(0.93, 2).Append("  ").AppendPadded(frame % 60, 2).AppendChar((byte)'s');
            fb.DrawText(Font.Small, 0, 34, line.Bytes, 0, line.Length);
            fb.DrawBar(0, 44, 128, 8, (int)(amps * 1000 / 16));
            line.Clear().Append("Menu");
            fb.DrawText(Font.Small, 0, 56, line.Bytes, 0, line.Length);
            fb.InvertRect(0, 56, 128, 8);
        }
    }
}
