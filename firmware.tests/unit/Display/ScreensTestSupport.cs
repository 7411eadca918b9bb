using System;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Display;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Tests.Unit.Display
{
    /// <summary>The configuration service as the panel sees it: the real importer (and so the validator) over a MeterConfig.</summary>
    public sealed class ScreensConfigStore : IPanelConfigStore
    {
        private readonly ConfigJsonImporter _importer = new ConfigJsonImporter();
        private MeterConfig _current;

        public ScreensConfigStore(MeterConfig config)
        {
            _current = config;
        }

        public int Applied;
        public string LastJson;

        public MeterConfig Current
        {
            get { return _current; }
        }

        public string Apply(byte[] json, int offset, int length)
        {
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = (char)json[offset + i];
            }

            LastJson = new string(chars);
            MeterConfig next;
            string error = _importer.Import(json, offset, length, _current, out next);
            if (error == null)
            {
                _current = next;
                Applied++;
            }

            return error;
        }
    }

    public sealed class ScreensClock : IClock
    {
        public long Now;
        public DateTime Utc = new DateTime(2026, 11, 25, 10, 42, 30);

        public long MonotonicMilliseconds
        {
            get { return Now; }
        }

        public DateTime UtcNow
        {
            get { return Utc; }
        }
    }

    public sealed class ScreensNetwork : INetworkStatus
    {
        public bool Up
        {
            get { return true; }
        }

        public string Address
        {
            get { return "192.168.1.50"; }
        }

        public string MacAddress
        {
            get { return "02:00:5e:10:00:01"; }
        }
    }

    /// <summary>An IDisplay keeping its own panel memory, the bytes sent, contrast and backlight.</summary>
    public sealed class ScreensDisplay : IDisplay
    {
        public readonly byte[] Panel = new byte[128 * 64 / 8];
        public long BytesSent;
        public int Contrast = -1;
        public bool Backlight;
        public int BacklightChanges;

        public int Width
        {
            get { return 128; }
        }

        public int Height
        {
            get { return 64; }
        }

        public void WritePage(byte[] frame, int page, int firstColumn, int count)
        {
            BytesSent += count;
            for (int i = 0; i < count; i++)
            {
                Panel[page * 128 + firstColumn + i] = frame[page * 128 + firstColumn + i];
            }
        }

        public void SetContrast(int level)
        {
            Contrast = level;
        }

        public void SetBacklight(bool on)
        {
            Backlight = on;
            BacklightChanges++;
        }
    }

    /// <summary>Snapshots and configurations for the screen tests.</summary>
    public static class ScreensFixture
    {
        /// <summary>3 phases at 230 V 50 Hz, channels at 10 A in phase (cos 1, 2.3 kW each), one circuit on channels 1-3.</summary>
        public static MeasurementSnapshot Snapshot(int channels)
        {
            PhaseValues[] phases = new PhaseValues[3];
            for (int p = 0; p < 3; p++)
            {
                PhaseValues ph = new PhaseValues(p);
                ph.Vrms = 230.1 + p;
                ph.FrequencyHz = 50.0;
                ph.ThdPercent = 2.5;
                ph.Present = true;
                phases[p] = ph;
            }

            ChannelValues[] chs = new ChannelValues[channels];
            for (int k = 0; k < channels; k++)
            {
                ChannelValues ch = new ChannelValues(k + 1, k % 3);
                SetAngle(ch, 10.0, 0.0, 100.0);
                ch.ImportEnergyMilliWh = 1234500000L;
                chs[k] = ch;
            }

            CircuitValues circuit = new CircuitValues(1, "Rack A", 3, 32.0);
            circuit.MaxIrms = 10.0;
            circuit.LoadPercent = 31.25;
            circuit.ActivePowerW = 6900.0;
            circuit.PowerFactor = 1.0;
            MeasurementSnapshot s = new MeasurementSnapshot(phases, chs, new CircuitValues[] { circuit });
            s.FrequencyHz = 50.0;
            s.VoltageUnbalancePercent = 0.4;
            s.Sequence = 1;
            return s;
        }

        /// <summary>A channel at irms amperes, its current angleDeg behind its 230 V voltage, on a CT of ctAmps.</summary>
        public static void SetAngle(ChannelValues ch, double irms, double angleDeg, double ctAmps)
        {
            double cos = Math.Cos(angleDeg * Math.PI / 180.0);
            ch.Irms = irms;
            ch.FundamentalIrms = irms;
            ch.ApparentPowerVA = 230.0 * irms;
            ch.ActivePowerW = 230.0 * irms * cos;
            ch.PowerFactor = cos;
            ch.CosPhi = cos;
            ch.LoadPercentOfCt = irms * 100.0 / ctAmps;
        }

        public static MeterConfig Config()
        {
            MeterConfig c = new MeterConfig(3);
            c.Snmp.SysName = "TGBT-2";
            return c;
        }
    }

    /// <summary>
    /// Finds text on a rendered frame: the region where it should be is compared, pixel by pixel, with a reference
    /// rendering of the expected text alone (opaque, inverted when the line is highlighted).
    /// </summary>
    public static class ScreenText
    {
        public static bool Shows(FrameBuffer fb, Font font, int x, int y, byte[] text, bool inverted)
        {
            FrameBuffer reference = new FrameBuffer(fb.Width, fb.Height);
            int w = reference.TextWidth(font, text, 0, text.Length);
            reference.DrawText(font, x, y, text);
            if (inverted)
            {
                reference.InvertRect(x, y, w, font.Height);
            }

            for (int yy = y; yy < y + font.Height && yy < fb.Height; yy++)
            {
                for (int xx = x; xx < x + w && xx < fb.Width; xx++)
                {
                    if (Pixel(fb, xx, yy) != Pixel(reference, xx, yy))
                    {
                        return false;
                    }
                }
            }

            return w > 0;
        }

        public static bool Shows(FrameBuffer fb, int x, int y, string text)
        {
            return Shows(fb, Font.Small, x, y, PanelText.Latin1(text), false);
        }

        /// <summary>Text right-aligned at rightX (exclusive edge as DrawTextRight takes it).</summary>
        public static bool ShowsRight(FrameBuffer fb, Font font, int rightX, int y, string text, bool inverted)
        {
            byte[] bytes = PanelText.Latin1(text);
            return Shows(fb, font, rightX - fb.TextWidth(font, bytes, 0, bytes.Length), y, bytes, inverted);
        }

        /// <summary>Text anywhere on a line starting at row y (for values whose column the test does not fix).</summary>
        public static bool ShowsOnLine(FrameBuffer fb, int y, string text, bool inverted)
        {
            byte[] bytes = PanelText.Latin1(text);
            for (int x = 0; x < fb.Width; x++)
            {
                if (Shows(fb, Font.Small, x, y, bytes, inverted))
                {
                    return true;
                }
            }

            return false;
        }

        public static bool Pixel(FrameBuffer fb, int x, int y)
        {
            return (fb.Bytes[(y >> 3) * fb.Width + x] & (1 << (y & 7))) != 0;
        }
    }
}
