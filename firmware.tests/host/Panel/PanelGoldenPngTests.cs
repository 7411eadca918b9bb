using System;
using System.IO;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Display;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Storage.Alarms;
using Ipenergy.Probe.Tests.CompileGate;
using Ipenergy.Probe.Tests.Unit.Display;
using Xunit;

namespace Ipenergy.Probe.Tests.Panel
{
    /// <summary>
    /// Golden images of the main screens: a PanelController over a fixed MPP3 switchboard (231/230/229 V, channel 2's
    /// CT fitted the wrong way round, one critical alarm, a fixed clock) is driven with keys to each screen, rendered
    /// into a FrameBuffer and encoded by MonochromePng at scale 2; the PNG must equal
    /// firmware.tests/host/Panel/golden/NAME.png byte for byte, and the README's copy docs/panel/NAME.png too.
    /// IPENERGY_UPDATE_GOLDEN=1 rewrites both; without it a difference fails and leaves the actual PNG in
    /// panel-golden-actual/ next to the test binaries.
    /// </summary>
    public sealed class PanelGoldenPngTests
    {
        public const int Scale = 2;

        public static readonly string[] Names =
        {
            "home", "phases", "circuit", "channel-reversed", "alarms", "network", "pin", "settings", "home-fr",
        };

        public static TheoryData<string> Screens()
        {
            var data = new TheoryData<string>();
            foreach (string name in Names)
            {
                data.Add(name);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Screens))]
        public void ScreenMatchesItsGoldenPng(string name)
        {
            byte[] png = Render(name);
            string golden = Path.Combine(RepoLayout.Root, "firmware.tests", "host", "Panel", "golden", name + ".png");
            string docs = Path.Combine(RepoLayout.Root, "docs", "panel", name + ".png");
            if (Environment.GetEnvironmentVariable("IPENERGY_UPDATE_GOLDEN") == "1")
            {
                Directory.CreateDirectory(Path.GetDirectoryName(golden));
                Directory.CreateDirectory(Path.GetDirectoryName(docs));
                File.WriteAllBytes(golden, png);
                File.WriteAllBytes(docs, png);
            }

            foreach (string expected in new[] { golden, docs })
            {
                if (!File.Exists(expected) || !File.ReadAllBytes(expected).AsSpan().SequenceEqual(png))
                {
                    string actual = Path.Combine(AppContext.BaseDirectory, "panel-golden-actual", name + ".png");
                    Directory.CreateDirectory(Path.GetDirectoryName(actual));
                    File.WriteAllBytes(actual, png);
                    Assert.Fail(name + ": the rendering differs from " + expected + (File.Exists(expected) ? "" : " (missing)")
                        + "; actual PNG written to " + actual + " (IPENERGY_UPDATE_GOLDEN=1 rewrites the goldens after a wanted change)");
                }
            }

            // The PNG is the frame: decoded, it is 256 x 128 with both colours present.
            bool[,] pixels = PanelPng.Decode(png, out int width, out int height);
            Assert.Equal(128 * Scale, width);
            Assert.Equal(64 * Scale, height);
            Assert.True(pixels[0, 0] || pixels[Scale * 4, Scale * 60], name + ": title bar not dark");
        }

        [Fact]
        public void ScreensDifferFromEachOther()
        {
            var seen = new System.Collections.Generic.Dictionary<string, string>();
            foreach (string name in Names)
            {
                string key = Convert.ToBase64String(Render(name));
                Assert.False(seen.ContainsKey(key), name + " renders the same as " + (seen.TryGetValue(key, out string other) ? other : ""));
                seen[key] = name;
            }
        }

        /// <summary>The PNG of one named screen of the fixture.</summary>
        public static byte[] Render(string name)
        {
            var clock = new ScreensClock { Now = 5000, Utc = new DateTime(2026, 11, 25, 10, 42, 30, DateTimeKind.Utc) };
            MeterConfig config = ScreensFixture.Config();
            if (name.EndsWith("-fr", StringComparison.Ordinal))
            {
                config.Panel.Language = PanelConfig.LanguageFrench;
            }

            var store = new ScreensConfigStore(config);
            var journal = new AlarmJournal(null);
            journal.Open();
            RaiseCircuitAlarm(journal, clock.Utc.AddMinutes(-7));
            var panel = new PanelController(store, journal, new ScreensNetwork(), clock);
            panel.Update(Switchboard());
            switch (name)
            {
                case "phases":
                    Press(panel, clock, PanelKeys.Down);
                    break;
                case "circuit":
                    Press(panel, clock, PanelKeys.Down, PanelKeys.Down);
                    break;
                case "channel-reversed":
                    Press(panel, clock, PanelKeys.Down, PanelKeys.Down, PanelKeys.Down, PanelKeys.Enter, PanelKeys.Down);
                    break;
                case "alarms":
                    Press(panel, clock, PanelKeys.Up, PanelKeys.Up, PanelKeys.Up);
                    break;
                case "network":
                    Press(panel, clock, PanelKeys.Up, PanelKeys.Up);
                    break;
                case "pin":
                    Press(panel, clock, PanelKeys.Up, PanelKeys.Enter, PanelKeys.Up);
                    break;
                case "settings":
                    Press(panel, clock, PanelKeys.Up, PanelKeys.Enter, PanelKeys.Enter, PanelKeys.Enter, PanelKeys.Enter, PanelKeys.Enter);
                    break;
            }

            var fb = new FrameBuffer(128, 64);
            panel.Render(fb, clock.Now);
            byte[] png = new byte[MonochromePng.MaxLength(128, 64, Scale)];
            int length = MonochromePng.Encode(fb.Bytes, 128, 64, Scale, png);
            Assert.Equal(png.Length, length);
            return png;
        }

        private static void Press(PanelController panel, ScreensClock clock, params int[] keys)
        {
            foreach (int key in keys)
            {
                clock.Now += 400;
                panel.HandleKey(key, clock.Now);
            }
        }

        // An MPP3 feeding one rack: L1 42 A at cos 0.95, L2 31.5 A with its CT the wrong way round (180 degrees:
        // P < 0), L3 18.2 A at cos 0.92; one 3-phase circuit on a 63 A breaker.
        private static MeasurementSnapshot Switchboard()
        {
            double[] volts = { 231.2, 230.4, 229.1 };
            double[] thd = { 2.1, 2.6, 2.3 };
            PhaseValues[] phases = new PhaseValues[3];
            for (int p = 0; p < 3; p++)
            {
                phases[p] = new PhaseValues(p) { Vrms = volts[p], FrequencyHz = 50.01, ThdPercent = thd[p], Present = true };
            }

            double[] amps = { 42.0, 31.5, 18.2 };
            double[] angle = { 18.2, 180.0, 23.1 };
            long[] kwh = { 15234567890L, 9876543210L, 4321098765L };
            ChannelValues[] channels = new ChannelValues[3];
            for (int k = 0; k < 3; k++)
            {
                var ch = new ChannelValues(k + 1, k);
                double cos = Math.Cos(angle[k] * Math.PI / 180.0);
                ch.Irms = amps[k];
                ch.FundamentalIrms = amps[k];
                ch.ApparentPowerVA = volts[k] * amps[k];
                ch.ActivePowerW = volts[k] * amps[k] * cos;
                ch.ReactivePowerVar = volts[k] * amps[k] * Math.Sin(angle[k] * Math.PI / 180.0);
                ch.PowerFactor = cos;
                ch.CosPhi = cos;
                ch.LoadPercentOfCt = amps[k];
                ch.ImportEnergyMilliWh = kwh[k];
                channels[k] = ch;
            }

            var circuit = new CircuitValues(1, "Rack A1", 3, 63.0)
            {
                MaxIrms = 42.0,
                LoadPercent = 42.0 * 100.0 / 63.0,
                ActivePowerW = channels[0].ActivePowerW + channels[1].ActivePowerW + channels[2].ActivePowerW,
                PowerFactor = 0.9,
            };
            var s = new MeasurementSnapshot(phases, channels, new[] { circuit })
            {
                FrequencyHz = 50.01,
                VoltageUnbalancePercent = 0.5,
                Sequence = 1,
            };
            return s;
        }

        private static void RaiseCircuitAlarm(AlarmJournal journal, DateTime at)
        {
            var e = new AlarmEntry
            {
                Kind = AlarmCodes.EventRaised,
                TimestampUtc = at,
                ChangedUtc = at,
                Source = AlarmCodes.SourceCircuit,
                SourceIndex = 1,
                Condition = AlarmCodes.LoadHigh,
                Level = AlarmCodes.LevelCritical,
                PreviousLevel = AlarmCodes.LevelNormal,
                Value = 92.5,
                Threshold = 90.0,
                AckUser = "",
            };
            journal.Append(e);
        }
    }
}
