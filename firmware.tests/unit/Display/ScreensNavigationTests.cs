using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Display;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Storage.Alarms;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Display
{
    /// <summary>Navigation, PIN entry and lockout, settings through the configuration, acknowledgement, backlight.</summary>
    [TestClass]
    public class ScreensNavigationTests
    {
        private ScreensConfigStore _config;
        private ScreensClock _clock;
        private AlarmJournal _journal;
        private PanelController _panel;
        private FrameBuffer _fb;

        [Setup]
        public void Build()
        {
            _config = new ScreensConfigStore(ScreensFixture.Config());
            _clock = new ScreensClock();
            _journal = new AlarmJournal(null);
            _journal.Open();
            _panel = new PanelController(_config, _journal, new ScreensNetwork(), _clock);
            _panel.Update(ScreensFixture.Snapshot(3));
            _fb = new FrameBuffer(128, 64);
        }

        private void Key(int keyEvent)
        {
            _clock.Now += 300;
            _panel.HandleKey(keyEvent, _clock.Now);
            _panel.Render(_fb, _clock.Now);
        }

        private void Pin(string digits)
        {
            for (int i = 0; i < digits.Length; i++)
            {
                for (int n = 0; n < digits[i] - '0'; n++)
                {
                    Key(PanelKeys.Up);
                }

                Key(PanelKeys.Enter);
            }
        }

        private void OpenSettings()
        {
            while (_panel.ScreenIndex != PanelController.ScreenSettings)
            {
                Key(PanelKeys.Up);
            }

            Key(PanelKeys.Enter);
        }

        [TestMethod]
        public void UpDownWalkTheScreensAndSkipModulesWithoutABus()
        {
            int[] expected =
            {
                PanelController.ScreenPhases, PanelController.ScreenCircuits, PanelController.ScreenChannels,
                PanelController.ScreenAlarms, PanelController.ScreenNetwork, PanelController.ScreenSettings, PanelController.ScreenHome,
            };
            for (int i = 0; i < expected.Length; i++)
            {
                Key(PanelKeys.Down);
                Assert.AreEqual(expected[i], _panel.ScreenIndex);
            }

            Key(PanelKeys.Up);
            Assert.AreEqual(PanelController.ScreenSettings, _panel.ScreenIndex, "Up from Home wraps to the last");
            _panel.Modules = new TestDoubles.FakeModuleDirectory(new int[] { 1, 2 });
            Key(PanelKeys.Up);
            Assert.AreEqual(PanelController.ScreenModules, _panel.ScreenIndex, "a gateway has the Bus modules screen");
        }

        [TestMethod]
        public void EnterGoesIntoItemsBackComesOutLongBackGoesHome()
        {
            Key(PanelKeys.Down);
            Key(PanelKeys.Down);
            Key(PanelKeys.Down);
            Assert.AreEqual(PanelController.ScreenChannels, _panel.ScreenIndex);
            Key(PanelKeys.Enter);
            Assert.IsTrue(_panel.Inside);
            Key(PanelKeys.Down);
            Key(PanelKeys.Down);
            Assert.AreEqual(2, _panel.Item);
            Key(PanelKeys.Down | KeyEvent.Repeat);
            Assert.AreEqual(0, _panel.Item, "a held Down repeats and wraps");
            Key(PanelKeys.Up);
            Assert.AreEqual(2, _panel.Item);
            Key(PanelKeys.Back);
            Assert.IsFalse(_panel.Inside);
            Assert.AreEqual(PanelController.ScreenChannels, _panel.ScreenIndex, "Back leaves the items, stays on the screen");
            Key(PanelKeys.Enter);
            Key(PanelKeys.Back | KeyEvent.Long);
            Assert.AreEqual(PanelController.ScreenHome, _panel.ScreenIndex);
            Assert.IsFalse(_panel.Inside);
        }

        [TestMethod]
        public void SettingsAskThePinAndTakeTheRightOne()
        {
            OpenSettings();
            Assert.IsTrue(_panel.PinActive);
            Assert.IsFalse(_panel.Inside);
            Assert.IsTrue(ScreenText.Shows(_fb, 0, PanelScreen.LineY(0), "Enter PIN"));
            Pin("0000");
            Assert.IsFalse(_panel.PinActive);
            Assert.IsTrue(_panel.Inside, "factory PIN 0000 opens the settings");
            Assert.IsTrue(ScreenText.Shows(_fb, Font.Small, 0, PanelScreen.LineY(0), PanelText.Latin1("Bus address"), true));
        }

        [TestMethod]
        public void ThreeWrongPinsLockForAMinute()
        {
            Assert.IsNull(Apply("{\"panel\":{\"pin\":\"4711\"}}"));
            OpenSettings();
            Pin("0000");
            Assert.IsTrue(_panel.PinActive, "still asking");
            Assert.IsTrue(ScreenText.Shows(_fb, 0, PanelScreen.LineY(5), "Wrong PIN"));
            Pin("1234");
            Pin("4710");
            Assert.IsTrue(_panel.Pin.IsLocked(_clock.Now), "third wrong PIN locks");
            Assert.IsTrue(ScreenText.ShowsOnLine(_fb, PanelScreen.LineY(5), "Locked", false));
            Pin("4711");
            Assert.IsTrue(_panel.PinActive, "the right PIN is not even tried while locked");
            Assert.IsFalse(_panel.Inside);

            _clock.Now += PinEntry.LockoutMs;
            _panel.Tick(_clock.Now);
            Assert.IsFalse(_panel.Pin.IsLocked(_clock.Now));
            // Back to the first digit (the keys while locked moved the cursor), then the right PIN.
            for (int i = 0; i < 4; i++)
            {
                Key(PanelKeys.Back);
            }

            Assert.IsFalse(_panel.PinActive, "Back on the first digit cancels");
            Key(PanelKeys.Enter);
            Pin("4711");
            Assert.IsTrue(_panel.Inside, "after the lockout the right PIN opens");
        }

        [TestMethod]
        public void SettingsChangesGoThroughTheConfiguration()
        {
            OpenSettings();
            Pin("0000");
            // Bus address: Enter, Up x5, Enter.
            Key(PanelKeys.Enter);
            Assert.IsTrue(_panel.Settings.Editing);
            for (int i = 0; i < 5; i++)
            {
                Key(PanelKeys.Up);
            }

            Assert.IsTrue(ScreenText.ShowsRight(_fb, Font.Small, 127, PanelScreen.LineY(0), "<5>", true));
            Key(PanelKeys.Enter);
            Assert.AreEqual(5, _config.Current.Bus.Address, "stored in the configuration");
            Assert.AreEqual("{\"bus\":{\"address\":5}}", _config.LastJson);
            Assert.IsTrue(ScreenText.Shows(_fb, 0, PanelScreen.LineY(5), "Saved"));

            // Contrast (item 2): Down twice from 32.
            Key(PanelKeys.Down);
            Key(PanelKeys.Down);
            Key(PanelKeys.Enter);
            Key(PanelKeys.Down);
            Key(PanelKeys.Down);
            Key(PanelKeys.Enter);
            Assert.AreEqual(30, _config.Current.Panel.Contrast);

            // CT of channel 2 (item 6): 100 A -> 125 A.
            for (int i = 0; i < 4; i++)
            {
                Key(PanelKeys.Down);
            }

            Assert.AreEqual(SettingsEditor.FirstCt + 1, _panel.Item);
            Key(PanelKeys.Enter);
            Key(PanelKeys.Up);
            Key(PanelKeys.Enter);
            Assert.AreEqual(125.0, _config.Current.Channels[1].CtRatedAmps);
            Assert.AreEqual(100.0, _config.Current.Channels[0].CtRatedAmps, "other channels kept");

            // Language (item 4): French at once.
            Key(PanelKeys.Up);
            Key(PanelKeys.Up);
            Key(PanelKeys.Enter);
            Key(PanelKeys.Up);
            Key(PanelKeys.Enter);
            Assert.AreEqual(PanelConfig.LanguageFrench, _config.Current.Panel.Language);
            Assert.IsTrue(ScreenText.Shows(_fb, 0, PanelScreen.LineY(5), "Enregistr\u00e9"));
        }

        [TestMethod]
        public void RefusedSettingIsShownAndNotStored()
        {
            OpenSettings();
            Pin("0000");
            Key(PanelKeys.Down);
            Assert.AreEqual(SettingsEditor.ItemIpMode, _panel.Item);
            Key(PanelKeys.Enter);
            Key(PanelKeys.Up);
            Key(PanelKeys.Enter);
            Assert.IsTrue(_config.Current.Network.Dhcp, "static without an address is refused");
            Assert.AreEqual(PanelText.Refused, _panel.Settings.Message);
            Assert.IsTrue(ScreenText.Shows(_fb, 0, PanelScreen.LineY(5), "Refused: network.add"));
            Key(PanelKeys.Back | KeyEvent.Long);
            Assert.AreEqual(0, _config.Applied, "nothing stored");
        }

        [TestMethod]
        public void EnterOnAnAlarmAsksThePinThenAcknowledgesAsPanel()
        {
            AlarmEntry e = new AlarmEntry();
            e.Kind = AlarmCodes.EventRaised;
            e.TimestampUtc = _clock.Utc;
            e.ChangedUtc = _clock.Utc;
            e.Source = AlarmCodes.SourceChannel;
            e.SourceIndex = 2;
            e.Condition = AlarmCodes.OverCurrent;
            e.Level = AlarmCodes.LevelCritical;
            e.AckUser = "";
            uint id = _journal.Append(e);
            while (_panel.ScreenIndex != PanelController.ScreenAlarms)
            {
                Key(PanelKeys.Down);
            }

            Key(PanelKeys.Enter);
            Assert.IsTrue(ScreenText.Shows(_fb, Font.Small, 0, PanelScreen.LineY(0), PanelText.Latin1("C* ch2 overCurrent"), true));
            Key(PanelKeys.Enter);
            Assert.IsTrue(_panel.PinActive);
            Pin("0000");
            AlarmEntry row = new AlarmEntry();
            Assert.IsTrue(_journal.CopyAlarm(id, row));
            Assert.IsTrue(row.Acknowledged, "acknowledged");
            Assert.AreEqual(PanelController.AckUser, row.AckUser);
            Assert.IsTrue(ScreenText.Shows(_fb, Font.Small, 0, PanelScreen.LineY(0), PanelText.Latin1("C  ch2 overCurrent"), true));
        }

        [TestMethod]
        public void BacklightGoesOffAfterTheTimeoutAndAKeyOnlyWakesIt()
        {
            Assert.IsNull(Apply("{\"panel\":{\"backlightTimeoutS\":30}}"));
            Key(PanelKeys.Down);
            Assert.IsTrue(_panel.BacklightOn);
            _clock.Now += 29000;
            _panel.Tick(_clock.Now);
            Assert.IsTrue(_panel.BacklightOn);
            _clock.Now += 1000;
            _panel.Tick(_clock.Now);
            Assert.IsFalse(_panel.BacklightOn, "off 30 s after the last key");
            Key(PanelKeys.Down);
            Assert.IsTrue(_panel.BacklightOn);
            Assert.AreEqual(PanelController.ScreenPhases, _panel.ScreenIndex, "the waking key does nothing else");
            Assert.IsNull(Apply("{\"panel\":{\"backlightTimeoutS\":0}}"));
            _clock.Now += 3600000;
            _panel.Tick(_clock.Now);
            Assert.IsTrue(_panel.BacklightOn, "0 = always on");
        }

        private string Apply(string json)
        {
            byte[] bytes = AsciiBytes.From(json);
            return _config.Apply(bytes, 0, bytes.Length);
        }
    }
}
