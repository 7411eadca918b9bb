using System;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Storage.Alarms;

namespace Ipenergy.Probe.Display
{
    /// <summary>
    /// The front panel's state and navigation, independent of threads and timing (PanelService in the app drives
    /// it). Screens in order: Home, Phases, Circuits, Channels, Alarms, Network, Bus modules (gateway only),
    /// Settings. Keys (KeyDebouncer events):
    /// Up/Down: previous/next screen, or previous/next item once inside a screen (or the value being edited);
    /// Enter: into the screen (Circuits, Channels, Alarms, Bus modules, Settings after the PIN), then edit a
    /// setting / acknowledge an alarm (after the PIN); Back: out of an edit, the screen's items, then to Home;
    /// Back held 1 s: Home from anywhere. The PIN, once given, holds until Home or the backlight goes off.
    /// Any key lights the backlight (a key that only wakes it does nothing else); it goes off after the
    /// configuration's timeout. Nothing is allocated per frame or per key (except a settings change or a PIN check).
    /// </summary>
    public sealed class PanelController
    {
        public const int ScreenHome = 0;
        public const int ScreenPhases = 1;
        public const int ScreenCircuits = 2;
        public const int ScreenChannels = 3;
        public const int ScreenAlarms = 4;
        public const int ScreenNetwork = 5;
        public const int ScreenModules = 6;
        public const int ScreenSettings = 7;
        public const int ScreenCount = 8;

        /// <summary>Who the alarm journal records as acknowledging from the panel.</summary>
        public const string AckUser = "panel";

        private const int PinForSettings = 1;
        private const int PinForAcknowledge = 2;

        private readonly IPanelConfigStore _config;
        private readonly IClock _clock;
        private readonly PanelContext _context = new PanelContext();
        private readonly PanelScreen[] _screens;
        private readonly SettingsScreen _settingsScreen;
        private readonly SettingsEditor _editor;
        private readonly PinEntry _pin = new PinEntry();
        private readonly int[] _items = new int[ScreenCount];
        private int _pinPurpose;
        private uint _ackAlarmId;
        private bool _authorized;
        private long _lastKeyMs;
        private bool _changed = true;
        private int _renderedMinute = -1;
        private int _renderedLockSeconds;
        private int _renderedAlarms = -1;

        public PanelController(IPanelConfigStore config, AlarmJournal alarms, INetworkStatus network, IClock clock)
        {
            _config = config;
            _clock = clock;
            _context.Alarms = alarms;
            _context.Network = network;
            _editor = new SettingsEditor(config);
            _settingsScreen = new SettingsScreen(_editor);
            _screens = new PanelScreen[]
            {
                new HomeScreen(), new PhasesScreen(), new CircuitsScreen(), new ChannelsScreen(), new AlarmsScreen(),
                new NetworkScreen(), new ModulesScreen(), _settingsScreen,
            };
            BacklightOn = true;
            _lastKeyMs = clock.MonotonicMilliseconds;
        }

        /// <summary>The gateway's bus modules (adds the Bus modules screen and the site totals); null otherwise.</summary>
        public IModuleDirectory Modules
        {
            get { return _context.Modules; }
            set { _context.Modules = value; _changed = true; }
        }

        /// <summary>ScreenHome ... ScreenSettings.</summary>
        public int ScreenIndex { get; private set; }

        /// <summary>True once Enter went into the current screen's items.</summary>
        public bool Inside { get; private set; }

        /// <summary>The current screen's item (circuit, channel, alarm, module or setting index).</summary>
        public int Item
        {
            get { return _items[ScreenIndex]; }
        }

        /// <summary>True while the PIN is being asked.</summary>
        public bool PinActive
        {
            get { return _pinPurpose != 0; }
        }

        public PinEntry Pin
        {
            get { return _pin; }
        }

        public SettingsEditor Settings
        {
            get { return _editor; }
        }

        /// <summary>Whether the backlight should be on now.</summary>
        public bool BacklightOn { get; private set; }

        /// <summary>True when the next Render would differ from the last (new data, a key, the clock's minute).</summary>
        public bool NeedsRender
        {
            get { return _changed; }
        }

        /// <summary>A new second of measurements (the same object again changes nothing).</summary>
        public void Update(MeasurementSnapshot snapshot)
        {
            if (snapshot != _context.Snapshot)
            {
                _context.Snapshot = snapshot;
                _changed = true;
            }
        }

        /// <summary>Time passing: backlight timeout, the minute on the clock, the lockout countdown, alarm count.</summary>
        public void Tick(long nowMs)
        {
            int timeout = _config.Current.Panel.BacklightTimeoutS;
            if (BacklightOn && timeout > 0 && nowMs - _lastKeyMs >= timeout * 1000L)
            {
                BacklightOn = false;
                _authorized = false;
            }

            if (_clock.UtcNow.Minute != _renderedMinute || _pin.LockSecondsLeft(nowMs) != _renderedLockSeconds
                || (_context.Alarms != null && _context.Alarms.ActiveCount != _renderedAlarms))
            {
                _changed = true;
            }
        }

        /// <summary>One key event from the KeyDebouncer (key bit | KeyEvent.Long | KeyEvent.Repeat).</summary>
        public void HandleKey(int keyEvent, long nowMs)
        {
            if (keyEvent == 0)
            {
                return;
            }

            _lastKeyMs = nowMs;
            _changed = true;
            _context.Config = _config.Current;
            if (!BacklightOn)
            {
                BacklightOn = true;
                return;
            }

            int key = keyEvent & KeyEvent.KeyMask;
            if (key == PanelKeys.Back && (keyEvent & KeyEvent.Long) != 0)
            {
                GoHome();
                return;
            }

            if (PinActive)
            {
                OnPinKey(key, nowMs);
                return;
            }

            if (Inside)
            {
                OnInsideKey(key);
                return;
            }

            if (key == PanelKeys.Up || key == PanelKeys.Down)
            {
                MoveScreen(key == PanelKeys.Down ? 1 : -1);
            }
            else if (key == PanelKeys.Enter && _screens[ScreenIndex].Opens)
            {
                if (ScreenIndex == ScreenSettings && !_authorized)
                {
                    AskPin(PinForSettings);
                }
                else
                {
                    Open();
                }
            }
            else if (key == PanelKeys.Back)
            {
                ScreenIndex = ScreenHome;
            }
        }

        /// <summary>Draws the current screen into fb (Flush sends what changed).</summary>
        public void Render(FrameBuffer fb, long nowMs)
        {
            PanelContext c = _context;
            c.Config = _config.Current;
            c.Language = c.Config.Panel.Language;
            c.Now = _clock.UtcNow;
            c.Totals.Compute(c.Snapshot, c.Modules);
            _renderedMinute = c.Now.Minute;
            _renderedLockSeconds = _pin.LockSecondsLeft(nowMs);
            _renderedAlarms = c.Alarms == null ? 0 : c.Alarms.ActiveCount;
            _changed = false;

            PanelScreen screen = _screens[ScreenIndex];
            int count = screen.ItemCount(c);
            if (_items[ScreenIndex] >= count)
            {
                _items[ScreenIndex] = count - 1;
            }

            int item = _items[ScreenIndex];
            fb.Clear();
            DrawTitle(fb, c, screen, item, count);
            if (PinActive)
            {
                _pin.Draw(fb, c, nowMs);
            }
            else
            {
                screen.Draw(fb, c, item, Inside);
            }
        }

        private void DrawTitle(FrameBuffer fb, PanelContext c, PanelScreen screen, int item, int count)
        {
            TextLine right = c.Value.Clear();
            TextLine title = c.Line.Clear();
            if (ScreenIndex == ScreenHome)
            {
                string name = c.Config.Snmp.SysName;
                title.Append(name != null && name.Length > 0 ? name : c.Config.Network.Hostname);
                right.AppendPadded(c.Now.Hour, 2).AppendChar((byte)':').AppendPadded(c.Now.Minute, 2);
            }
            else
            {
                title.Append(c.Text(screen.TitleId));
                if (ScreenIndex == ScreenAlarms)
                {
                    right.AppendInt(c.Alarms == null ? 0 : c.Alarms.ActiveCount);
                }
                else if (screen.Opens && ScreenIndex != ScreenSettings && count > 1)
                {
                    right.AppendInt(item + 1).AppendChar((byte)'/').AppendInt(count);
                }
            }

            PanelScreen.DrawTitle(fb, title.Bytes, title.Length, right);
        }

        private void MoveScreen(int direction)
        {
            int next = ScreenIndex;
            do
            {
                next = (next + direction + ScreenCount) % ScreenCount;
            }
            while (next == ScreenModules && _context.Modules == null);
            ScreenIndex = next;
        }

        private void Open()
        {
            Inside = true;
            _editor.ClearMessage();
        }

        private void GoHome()
        {
            _editor.Cancel();
            _editor.ClearMessage();
            _pinPurpose = 0;
            _pin.Begin();
            Inside = false;
            _authorized = false;
            ScreenIndex = ScreenHome;
        }

        private void AskPin(int purpose)
        {
            _pin.Begin();
            _pinPurpose = purpose;
        }

        private void OnPinKey(int key, long nowMs)
        {
            int result = _pin.Key(key, nowMs, _config.Current.Panel.PinHash);
            if (result == PinEntry.Cancelled)
            {
                _pinPurpose = 0;
            }
            else if (result == PinEntry.Accepted)
            {
                int purpose = _pinPurpose;
                _pinPurpose = 0;
                _authorized = true;
                if (purpose == PinForSettings)
                {
                    Open();
                }
                else
                {
                    Acknowledge();
                }
            }
        }

        private void OnInsideKey(int key)
        {
            PanelScreen screen = _screens[ScreenIndex];
            int item = _items[ScreenIndex];
            bool settings = ScreenIndex == ScreenSettings;
            if (settings && _editor.Editing)
            {
                if (key == PanelKeys.Up || key == PanelKeys.Down)
                {
                    _editor.Step(item, key == PanelKeys.Up ? 1 : -1);
                }
                else if (key == PanelKeys.Enter)
                {
                    _editor.Commit(item);
                }
                else if (key == PanelKeys.Back)
                {
                    _editor.Cancel();
                }

                return;
            }

            if (key == PanelKeys.Up || key == PanelKeys.Down)
            {
                int count = screen.ItemCount(_context);
                _items[ScreenIndex] = (item + (key == PanelKeys.Down ? 1 : count - 1)) % count;
                _editor.ClearMessage();
            }
            else if (key == PanelKeys.Enter)
            {
                if (settings)
                {
                    _editor.Begin(item);
                }
                else if (ScreenIndex == ScreenAlarms)
                {
                    StartAcknowledge(item);
                }
            }
            else if (key == PanelKeys.Back)
            {
                Inside = false;
                _editor.ClearMessage();
            }
        }

        // Enter on an alarm row: remembered by id (rows move as alarms come and go), then the PIN unless given.
        private void StartAcknowledge(int row)
        {
            AlarmJournal journal = _context.Alarms;
            if (journal == null || !journal.CopyActive(row, _context.Entry) || _context.Entry.Acknowledged)
            {
                return;
            }

            _ackAlarmId = _context.Entry.AlarmId;
            if (_authorized)
            {
                Acknowledge();
            }
            else
            {
                AskPin(PinForAcknowledge);
            }
        }

        private void Acknowledge()
        {
            if (_context.Alarms != null)
            {
                _context.Alarms.Acknowledge(_ackAlarmId, AckUser, _clock.UtcNow);
            }
        }
    }
}
