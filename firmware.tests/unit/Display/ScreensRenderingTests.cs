using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Display;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Storage.Alarms;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Display
{
    /// <summary>Screens rendered through the FrameBuffer and flushed to a recording display: text at its place.</summary>
    [TestClass]
    public class ScreensRenderingTests
    {
        private ScreensConfigStore _config;
        private ScreensClock _clock;
        private AlarmJournal _journal;
        private PanelController _panel;
        private FrameBuffer _fb;
        private ScreensDisplay _display;
        private MeasurementSnapshot _snapshot;

        [Setup]
        public void Build()
        {
            _config = new ScreensConfigStore(ScreensFixture.Config());
            _clock = new ScreensClock();
            _journal = new AlarmJournal(null);
            _journal.Open();
            _panel = new PanelController(_config, _journal, new ScreensNetwork(), _clock);
            _fb = new FrameBuffer(128, 64);
            _display = new ScreensDisplay();
            _snapshot = ScreensFixture.Snapshot(3);
            _panel.Update(_snapshot);
        }

        private void Render()
        {
            _panel.Render(_fb, _clock.Now);
            _fb.Flush(_display);
            for (int i = 0; i < _display.Panel.Length; i++)
            {
                Assert.AreEqual(_fb.Bytes[i], _display.Panel[i], "the display holds the frame");
            }
        }

        private void Key(int key)
        {
            _clock.Now += 300;
            _panel.HandleKey(key, _clock.Now);
        }

        private void GoTo(int screen)
        {
            while (_panel.ScreenIndex != screen)
            {
                Key(PanelKeys.Down);
            }
        }

        [TestMethod]
        public void HomeShowsNameTimeTotalCurrentsAndDate()
        {
            Render();
            Assert.IsTrue(ScreenText.Shows(_fb, Font.Small, 1, 1, PanelText.Latin1("TGBT-2"), true), "module name in the title bar");
            Assert.IsTrue(ScreenText.ShowsRight(_fb, Font.Small, 127, 1, "10:42", true), "time");
            Assert.IsTrue(ScreenText.Shows(_fb, 0, PanelScreen.LineY(0), "This module"));
            Assert.IsTrue(ScreenText.ShowsRight(_fb, Font.Large, 127, PanelScreen.LineY(1), "6.900kW", false), "3 x 2.3 kW");
            Assert.IsTrue(ScreenText.Shows(_fb, 0, PanelScreen.LineY(3), "A 10.0 10.0 10.0"));
            Assert.IsTrue(ScreenText.Shows(_fb, 0, PanelScreen.LineY(4), "Alarms no alarm"));
            Assert.IsTrue(ScreenText.Shows(_fb, 0, PanelScreen.LineY(5), "2026-11-25 UTC"));
        }

        [TestMethod]
        public void HomeCountsAlarmsWithTheHighestLevel()
        {
            Raise(AlarmCodes.SourcePhase, 0, AlarmCodes.UnderVoltage, AlarmCodes.LevelWarning);
            Raise(AlarmCodes.SourceChannel, 2, AlarmCodes.OverCurrent, AlarmCodes.LevelCritical);
            _panel.Tick(_clock.Now);
            Assert.IsTrue(_panel.NeedsRender, "a new alarm redraws");
            Render();
            Assert.IsTrue(ScreenText.Shows(_fb, Font.Small, 0, PanelScreen.LineY(4), PanelText.Latin1("Alarms 2 critical"), true));
        }

        [TestMethod]
        public void FrenchHome()
        {
            Assert.IsNull(Apply("{\"panel\":{\"language\":\"fr\"}}"));
            Render();
            Assert.IsTrue(ScreenText.Shows(_fb, 0, PanelScreen.LineY(0), "Ce module"));
            Assert.IsTrue(ScreenText.Shows(_fb, 0, PanelScreen.LineY(4), "Alarmes aucune alarme"));
            Assert.IsTrue(ScreenText.Shows(_fb, 0, PanelScreen.LineY(5), "25/11/2026 UTC"));
        }

        [TestMethod]
        public void PhasesShowVoltageFrequencyThdAndUnbalance()
        {
            GoTo(PanelController.ScreenPhases);
            Render();
            Assert.IsTrue(ScreenText.Shows(_fb, Font.Small, 1, 1, PanelText.Latin1("Phases"), true));
            Assert.IsTrue(ScreenText.Shows(_fb, 0, PanelScreen.LineY(2), "L2"));
            Assert.IsTrue(ScreenText.ShowsRight(_fb, Font.Small, 56, PanelScreen.LineY(2), "231.1", false));
            Assert.IsTrue(ScreenText.ShowsRight(_fb, Font.Small, 92, PanelScreen.LineY(2), "50.00", false));
            Assert.IsTrue(ScreenText.ShowsRight(_fb, Font.Small, 127, PanelScreen.LineY(2), "2.5", false));
            Assert.IsTrue(ScreenText.Shows(_fb, 0, PanelScreen.LineY(4), "Unbalance"));
            Assert.IsTrue(ScreenText.ShowsRight(_fb, Font.Small, 127, PanelScreen.LineY(4), "0.40 %", false));
        }

        [TestMethod]
        public void CircuitShowsLoadAgainstItsBreakerWithABar()
        {
            GoTo(PanelController.ScreenCircuits);
            Render();
            Assert.IsTrue(ScreenText.Shows(_fb, 0, PanelScreen.LineY(0), "Rack A"));
            Assert.IsTrue(ScreenText.ShowsRight(_fb, Font.Small, 127, PanelScreen.LineY(1), "10.0 A", false));
            Assert.IsTrue(ScreenText.ShowsRight(_fb, Font.Small, 127, PanelScreen.LineY(2), "31 %", false));
            Assert.IsTrue(ScreenText.ShowsRight(_fb, Font.Small, 127, PanelScreen.LineY(3), "32 A", false));
            Assert.IsTrue(ScreenText.ShowsRight(_fb, Font.Small, 127, PanelScreen.LineY(4), "6.900 kW", false));
            // The bar: 92 wide, framed; filled 31 % of its inside, empty beyond.
            int y = PanelScreen.LineY(2) + 4;
            Assert.IsTrue(ScreenText.Pixel(_fb, 10, y), "filled part");
            Assert.IsFalse(ScreenText.Pixel(_fb, 60, y), "empty part");
            Assert.IsTrue(ScreenText.Pixel(_fb, 91, y), "frame");
        }

        [TestMethod]
        public void ChannelShowsItsValuesWithoutHintWhenWiredRight()
        {
            GoTo(PanelController.ScreenChannels);
            Render();
            Assert.IsTrue(ScreenText.ShowsRight(_fb, Font.Small, 127, 1, "1/3", true), "page of the channels");
            Assert.IsTrue(ScreenText.Shows(_fb, 0, PanelScreen.LineY(0), "L1 100 A"));
            Assert.IsTrue(ScreenText.ShowsRight(_fb, Font.Small, 127, PanelScreen.LineY(1), "10.00 A", false));
            Assert.IsTrue(ScreenText.ShowsRight(_fb, Font.Small, 127, PanelScreen.LineY(2), "2.300 kW", false));
            Assert.IsTrue(ScreenText.Shows(_fb, 0, PanelScreen.LineY(3), "PF 1.00"));
            Assert.IsTrue(ScreenText.ShowsRight(_fb, Font.Small, 127, PanelScreen.LineY(4), "1234.5", false));
            Assert.IsFalse(ScreenText.ShowsOnLine(_fb, PanelScreen.LineY(5), "CT reversed?", true));
            Assert.IsFalse(ScreenText.ShowsOnLine(_fb, PanelScreen.LineY(5), "wrong phase?", true));
        }

        [TestMethod]
        public void ChannelAt180DegreesSaysCtReversed()
        {
            ScreensFixture.SetAngle(_snapshot.Channels[1], 20.0, 180.0, 100.0);
            GoTo(PanelController.ScreenChannels);
            Key(PanelKeys.Enter);
            Key(PanelKeys.Down);
            Assert.AreEqual(1, _panel.Item);
            Render();
            Assert.IsTrue(ScreenText.ShowsRight(_fb, Font.Small, 127, 1, "2/3", true));
            Assert.IsTrue(ScreenText.ShowsRight(_fb, Font.Small, 127, PanelScreen.LineY(2), "-4.600 kW", false));
            Assert.IsTrue(ScreenText.Shows(_fb, Font.Small, 1, PanelScreen.LineY(5), PanelText.Latin1("CT reversed?"), true));

            Assert.IsNull(Apply("{\"panel\":{\"language\":\"fr\"}}"));
            Render();
            Assert.IsTrue(ScreenText.Shows(_fb, Font.Small, 1, PanelScreen.LineY(5), PanelText.Latin1("CT invers\u00e9 ?"), true));
        }

        [TestMethod]
        public void HintRule()
        {
            ChannelValues ch = new ChannelValues(1, 0);
            ScreensFixture.SetAngle(ch, 20.0, 180.0, 100.0);
            Assert.AreEqual(PanelText.CtReversed, ChannelHint.Of(ch), "180 degrees");
            ScreensFixture.SetAngle(ch, 20.0, 150.0, 100.0);
            Assert.AreEqual(PanelText.CtReversed, ChannelHint.Of(ch), "150 degrees: |PF| 0.87");
            ScreensFixture.SetAngle(ch, 20.0, 120.0, 100.0);
            Assert.AreEqual(PanelText.WrongPhase, ChannelHint.Of(ch), "120 degrees: another phase, reversed or not");
            ScreensFixture.SetAngle(ch, 20.0, 70.0, 100.0);
            Assert.AreEqual(PanelText.WrongPhase, ChannelHint.Of(ch), "70 degrees");
            ScreensFixture.SetAngle(ch, 20.0, 25.0, 100.0);
            Assert.AreEqual(ChannelHint.None, ChannelHint.Of(ch), "25 degrees: a plausible load");
            ScreensFixture.SetAngle(ch, 1.5, 180.0, 100.0);
            Assert.AreEqual(ChannelHint.None, ChannelHint.Of(ch), "1.5 % of the CT: too little current to judge");
            ScreensFixture.SetAngle(ch, 2.5, 180.0, 100.0);
            Assert.AreEqual(PanelText.CtReversed, ChannelHint.Of(ch), "2.5 % of the CT");
        }

        [TestMethod]
        public void WrongPhaseHintOnTheChannelScreen()
        {
            ScreensFixture.SetAngle(_snapshot.Channels[0], 20.0, 120.0, 100.0);
            GoTo(PanelController.ScreenChannels);
            Render();
            Assert.IsTrue(ScreenText.Shows(_fb, Font.Small, 1, PanelScreen.LineY(5), PanelText.Latin1("wrong phase?"), true));
        }

        [TestMethod]
        public void AlarmsListAndNetwork()
        {
            Raise(AlarmCodes.SourcePhase, 1, AlarmCodes.UnderVoltage, AlarmCodes.LevelWarning);
            GoTo(PanelController.ScreenAlarms);
            Render();
            Assert.IsTrue(ScreenText.ShowsRight(_fb, Font.Small, 127, 1, "1", true));
            Assert.IsTrue(ScreenText.Shows(_fb, 0, PanelScreen.LineY(0), "W* L2 underVoltage"));
            Assert.IsNull(Apply("{\"panel\":{\"language\":\"fr\"}}"));
            Render();
            Assert.IsTrue(ScreenText.Shows(_fb, Font.Small, 1, 1, PanelText.Latin1("Alarmes"), true));
            Assert.IsTrue(ScreenText.Shows(_fb, 0, PanelScreen.LineY(0), "W* L2 sous-tension"));
            Assert.IsNull(Apply("{\"panel\":{\"language\":\"en\"}}"));

            GoTo(PanelController.ScreenNetwork);
            Render();
            Assert.IsTrue(ScreenText.ShowsRight(_fb, Font.Small, 127, PanelScreen.LineY(0), "192.168.1.50", false));
            Assert.IsTrue(ScreenText.ShowsRight(_fb, Font.Small, 127, PanelScreen.LineY(1), "02:00:5e:10:00:01", false));
            Assert.IsTrue(ScreenText.ShowsRight(_fb, Font.Small, 127, PanelScreen.LineY(3), "DHCP", false));
            Assert.IsTrue(ScreenText.ShowsRight(_fb, Font.Small, 127, PanelScreen.LineY(4), "standalone", false));
        }

        [TestMethod]
        public void UnchangedFrameSendsNothing()
        {
            GoTo(PanelController.ScreenChannels);
            Render();
            long sent = _display.BytesSent;
            Render();
            Assert.AreEqual(sent, _display.BytesSent, "same frame again: 0 bytes");
            _snapshot.Channels[0].Irms = 10.5;
            Render();
            long delta = _display.BytesSent - sent;
            Assert.IsTrue(delta > 0 && delta <= 128, "one changed value: a run on one page, got " + delta.ToString());
        }

        private string Apply(string json)
        {
            byte[] bytes = AsciiBytes.From(json);
            return _config.Apply(bytes, 0, bytes.Length);
        }

        private void Raise(int source, int index, int condition, int level)
        {
            AlarmEntry e = new AlarmEntry();
            e.Kind = AlarmCodes.EventRaised;
            e.TimestampUtc = _clock.Utc;
            e.ChangedUtc = _clock.Utc;
            e.Source = source;
            e.SourceIndex = index;
            e.Condition = condition;
            e.Level = level;
            e.PreviousLevel = AlarmCodes.LevelNormal;
            e.Value = 1;
            e.Threshold = 1;
            e.AckUser = "";
            _journal.Append(e);
        }
    }
}
