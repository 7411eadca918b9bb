using System;
using System.Diagnostics;
using Ipenergy.Probe.App;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Display;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Simulator;
using Ipenergy.Probe.Storage.Alarms;
using Ipenergy.Probe.Tests.Unit.Display;
using Ipenergy.Probe.Tests.Unit.TestDoubles;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Display
{
    /// <summary>
    /// The panel in steady state: 0 bytes allocated per rendered frame on every screen (values changing, keys
    /// pressed), the bytes a frame sends to the LCD, the 5 frames/s cap of PanelService, its HTTP mirror, and the
    /// panel of a running ProbeApp.
    /// </summary>
    public sealed class ScreensPanelTests
    {
        private readonly ITestOutputHelper _output;

        public ScreensPanelTests(ITestOutputHelper output)
        {
            _output = output;
        }

        private sealed class Source : IMeasurementSource
        {
            public MeasurementSnapshot Latest { get; set; }
        }

        private static AlarmJournal JournalWithAlarms(ScreensClock clock)
        {
            AlarmJournal journal = new AlarmJournal(null);
            journal.Open();
            for (int i = 0; i < 8; i++)
            {
                AlarmEntry e = new AlarmEntry
                {
                    Kind = AlarmCodes.EventRaised, TimestampUtc = clock.Utc, ChangedUtc = clock.Utc,
                    Source = AlarmCodes.SourceChannel, SourceIndex = i + 1, Condition = AlarmCodes.OverCurrent,
                    Level = i % 2 == 0 ? AlarmCodes.LevelWarning : AlarmCodes.LevelCritical, AckUser = "",
                };
                journal.Append(e);
            }

            return journal;
        }

        [Fact]
        public void RenderingEveryScreenAllocatesNothingPerFrame()
        {
            ScreensClock clock = new ScreensClock();
            ScreensConfigStore config = new ScreensConfigStore(ScreensFixture.Config());
            PanelController panel = new PanelController(config, JournalWithAlarms(clock), new ScreensNetwork(), clock);
            panel.Modules = new FakeModuleDirectory(new[] { 1, 2, 3 });
            MeasurementSnapshot snapshot = ScreensFixture.Snapshot(3);
            ScreensFixture.SetAngle(snapshot.Channels[2], 20, 180, 100);
            panel.Update(snapshot);
            FrameBuffer fb = new FrameBuffer(128, 64);
            ScreensDisplay display = new ScreensDisplay();

            // Keys that visit every screen, go into the item screens and page through them, and come back.
            int[] keys =
            {
                0, PanelKeys.Down, 0, PanelKeys.Down, PanelKeys.Enter, PanelKeys.Down, PanelKeys.Back, PanelKeys.Down,
                PanelKeys.Enter, PanelKeys.Down, PanelKeys.Down | KeyEvent.Repeat, PanelKeys.Back, PanelKeys.Down,
                PanelKeys.Enter, PanelKeys.Down, PanelKeys.Back, PanelKeys.Down, PanelKeys.Down, PanelKeys.Enter,
                PanelKeys.Down, PanelKeys.Back, PanelKeys.Down, PanelKeys.Down, PanelKeys.Back | KeyEvent.Long,
            };
            int[] visited = new int[PanelController.ScreenCount];
            long frames = 0;
            long sentBefore = 0;
            long before = 0;
            for (int round = 0; round < 2; round++)
            {
                if (round == 1)
                {
                    sentBefore = display.BytesSent;
                    before = GC.GetAllocatedBytesForCurrentThread();
                }

                for (int i = 0; i < 40 * keys.Length; i++)
                {
                    clock.Now += 200;
                    if (i % 40 == 0)
                    {
                        panel.HandleKey(keys[i / 40], clock.Now);
                    }

                    // A new second every frame: values move.
                    snapshot.Channels[0].Irms = 10 + (i % 37) * 0.1;
                    snapshot.Channels[0].ActivePowerW = 2300 + (i % 37) * 23;
                    snapshot.Phases[1].Vrms = 230 + (i % 11) * 0.1;
                    snapshot.Circuits[0].LoadPercent = i % 120;
                    panel.Tick(clock.Now);
                    panel.Render(fb, clock.Now);
                    fb.Flush(display);
                    visited[panel.ScreenIndex]++;
                    frames++;
                }
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            long perFrame = (display.BytesSent - sentBefore) / (frames / 2);
            _output.WriteLine("frames " + frames / 2 + ", allocated " + allocated + " bytes, LCD bytes per frame " + perFrame);
            for (int s = 0; s < visited.Length; s++)
            {
                Assert.True(visited[s] > 0, "screen " + s + " rendered");
            }

            Assert.Equal(0, allocated);
            Assert.True(perFrame < 1024 / 2, "a frame with a few changed values sends well under a full frame: " + perFrame);
        }

        [Fact]
        public void ServiceDrawsOnlyOnChangeAtMostFiveFramesASecond()
        {
            ScreensClock clock = new ScreensClock();
            ScreensConfigStore config = new ScreensConfigStore(ScreensFixture.Config());
            ScreensDisplay display = new ScreensDisplay();
            Source source = new Source { Latest = ScreensFixture.Snapshot(3) };
            PanelService service = new PanelService(display, null, new ScreensNetwork(), config, null, clock, source);
            Assert.Equal(32, config.Current.Panel.Contrast);

            // 3 s with nothing changing: the first frame only.
            for (int t = 0; t < 300; t++)
            {
                clock.Now += PanelService.SampleMs;
                service.Step(clock.Now);
            }

            Assert.Equal(1, service.FramesDrawn);
            Assert.Equal(32, display.Contrast);
            Assert.True(display.Backlight);

            // 3 s with a new snapshot every 10 ms: 5 frames a second.
            MeasurementSnapshot a = ScreensFixture.Snapshot(3);
            MeasurementSnapshot b = ScreensFixture.Snapshot(3);
            b.Channels[0].Irms = 12;
            long framesBefore = service.FramesDrawn;
            for (int t = 0; t < 300; t++)
            {
                clock.Now += PanelService.SampleMs;
                source.Latest = t % 2 == 0 ? a : b;
                service.Step(clock.Now);
            }

            long drawn = service.FramesDrawn - framesBefore;
            _output.WriteLine("frames in 3 s of changing data: " + drawn);
            Assert.InRange(drawn, 14, 15);

            // The mirror: a Down press reaches the controller as a person's would; the copied frame is the LCD's.
            Assert.True(service.Press(PanelKeys.Down, false));
            for (int t = 0; t < 40; t++)
            {
                clock.Now += PanelService.SampleMs;
                service.Step(clock.Now);
            }

            Assert.Equal(PanelController.ScreenPhases, service.Controller.ScreenIndex);
            byte[] copy = new byte[128 * 64 / 8];
            long version = service.CopyFrame(copy);
            Assert.Equal(service.Frame.Version, version);
            Assert.Equal(display.Panel, copy);
            FrameBuffer mirror = new FrameBuffer(128, 64);
            Array.Copy(copy, mirror.Bytes, copy.Length);
            Assert.True(ScreenText.Shows(mirror, Font.Small, 1, 1, PanelText.Latin1("Phases"), true), "mirror shows the Phases screen");

            // A long press of Back: home.
            Assert.True(service.Press(PanelKeys.Back, true));
            for (int t = 0; t < 200; t++)
            {
                clock.Now += PanelService.SampleMs;
                service.Step(clock.Now);
            }

            Assert.Equal(PanelController.ScreenHome, service.Controller.ScreenIndex);

            // Contrast follows the configuration.
            byte[] json = AsciiBytes.From("{\"panel\":{\"contrast\":12}}");
            Assert.Null(config.Apply(json, 0, json.Length));
            clock.Now += PanelService.SampleMs;
            service.Step(clock.Now);
            Assert.Equal(12, display.Contrast);
        }

        [Fact]
        public void ProbeAppRunsThePanelOnItsDisplay()
        {
            Scenario scenario = DefaultScenario.Create("MPP3");
            // Paced at real time, as the virtual e-Probe runs: the panel's key timing is on the app's clock.
            WaveformSynthesizer adc = new WaveformSynthesizer(scenario, 3200);
            var clock = new SimulatedClock(adc, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            ScreensDisplay display = new ScreensDisplay();
            var app = new ProbeApp(adc, clock, MeterConfigFactory.Create(scenario), null, null,
                new ProbeOptions { BindAddress = "127.0.0.1", HttpPort = 0, Display = display, NetworkStatus = new ScreensNetwork() });
            Assert.NotNull(app.Panel);
            app.Start();
            try
            {
                byte[] frame = new byte[1024];
                FrameBuffer view = new FrameBuffer(128, 64);
                Stopwatch watch = Stopwatch.StartNew();
                bool measuring = false;
                while (!measuring && watch.ElapsedMilliseconds < 10000)
                {
                    System.Threading.Thread.Sleep(50);
                    app.Panel.CopyFrame(frame);
                    Array.Copy(frame, view.Bytes, frame.Length);
                    measuring = app.Latest != null && ScreenText.ShowsOnLine(view, PanelScreen.LineY(3), "A ", false);
                }

                Assert.True(measuring, "the home screen shows the phase currents of the running e-Probe");
                Assert.True(ScreenText.Shows(view, Font.Small, 1, 1, PanelText.Latin1("e-Probe"), true),
                    "the module's name in the title");
                Assert.True(display.BytesSent > 0);

                // Settings through the panel's mirror: PIN 0000, contrast (third setting) one down, stored by the app.
                int[] presses =
                {
                    PanelKeys.Up, PanelKeys.Enter, PanelKeys.Enter, PanelKeys.Enter, PanelKeys.Enter, PanelKeys.Enter,
                    PanelKeys.Down, PanelKeys.Down, PanelKeys.Enter, PanelKeys.Down, PanelKeys.Enter,
                };
                foreach (int key in presses)
                {
                    Assert.True(app.Panel.Press(key, false));
                    System.Threading.Thread.Sleep(250);
                }

                watch.Restart();
                while (app.Config.Panel.Contrast != 31 && watch.ElapsedMilliseconds < 5000)
                {
                    System.Threading.Thread.Sleep(50);
                }

                Assert.Equal(31, app.Config.Panel.Contrast);
                Assert.Equal(PanelController.ScreenSettings, app.Panel.Controller.ScreenIndex);
                watch.Restart();
                while (display.Contrast != 31 && watch.ElapsedMilliseconds < 2000)
                {
                    System.Threading.Thread.Sleep(20);
                }

                Assert.Equal(31, display.Contrast);
            }
            finally
            {
                adc.Stop();
                app.Stop();
            }
        }
    }
}
