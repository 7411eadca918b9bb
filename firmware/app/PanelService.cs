using System.Threading;
using Ipenergy.Probe.Display;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Protocols.Http;
using Ipenergy.Probe.Storage.Alarms;

namespace Ipenergy.Probe.App
{
    /// <summary>
    /// Runs the front panel: one thread samples the buttons every 10 ms (KeyDebouncer), hands key events and the
    /// latest second to the <see cref="PanelController"/>, and draws a frame only when something changed (a new
    /// second, a key, the clock's minute) and at most 5 a second; FrameBuffer.Flush sends only the changed
    /// columns. Contrast and backlight follow the configuration and the controller. Also the panel's HTTP mirror:
    /// CopyFrame gives the last frame drawn, Press queues a button press as if a person made it.
    /// </summary>
    public sealed class PanelService : IPanelMirror
    {
        public const int SampleMs = KeyDebouncer.SampleMs;

        /// <summary>Shortest time between two frames: 5 frames a second at most.</summary>
        public const int MinFrameMs = 200;

        private readonly IDisplay _display;
        private readonly IClock _clock;
        private readonly IMeasurementSource _measurements;
        private readonly IPanelConfigStore _config;
        private readonly MirrorKeyQueue _keys;
        private readonly KeyDebouncer _debouncer;
        private readonly FrameBuffer _frame;
        private readonly PanelController _controller;
        private readonly object _frameLock = new object();
        private readonly object _stateLock = new object();
        private Thread _thread;
        private bool _running;
        private long _lastFrameMs = -MinFrameMs;
        private int _contrast = -1;
        private int _backlight = -1;

        public PanelService(IDisplay display, IKeypad keypad, INetworkStatus network, IPanelConfigStore config,
            AlarmJournal alarms, IClock clock, IMeasurementSource measurements)
        {
            _display = display;
            _clock = clock;
            _measurements = measurements;
            _config = config;
            _keys = new MirrorKeyQueue();
            _debouncer = new KeyDebouncer(keypad == null ? new NoButtons() : keypad);
            _frame = new FrameBuffer(display.Width, display.Height);
            _controller = new PanelController(config, alarms, network, clock);
        }

        /// <summary>The configuration service as the panel sees it.</summary>
        public static IPanelConfigStore ConfigOf(ConfigService service)
        {
            return new ConfigStoreAdapter(service);
        }

        public PanelController Controller
        {
            get { return _controller; }
        }

        public FrameBuffer Frame
        {
            get { return _frame; }
        }

        /// <summary>Frames drawn and flushed since start.</summary>
        public long FramesDrawn { get; private set; }

        /// <summary>Bytes the last frame sent to the display (0 when nothing changed on screen).</summary>
        public int LastFlushBytes { get; private set; }

        public int Width
        {
            get { return _frame.Width; }
        }

        public int Height
        {
            get { return _frame.Height; }
        }

        public long CopyFrame(byte[] dest)
        {
            lock (_frameLock)
            {
                byte[] bytes = _frame.Bytes;
                for (int i = 0; i < bytes.Length; i++)
                {
                    dest[i] = bytes[i];
                }

                return _frame.Version;
            }
        }

        public bool Press(int key, bool longPress)
        {
            return _keys.Queue(key, longPress);
        }

        public void Start()
        {
            lock (_stateLock)
            {
                _running = true;
            }

            _thread = new Thread(Run);
            _thread.Start();
        }

        public void Stop()
        {
            lock (_stateLock)
            {
                _running = false;
            }

            if (_thread != null)
            {
                _thread.Join();
                _thread = null;
            }
        }

        /// <summary>One 10 ms step: keys, data, time, and a frame when due (the thread's body; tests call it).</summary>
        public void Step(long nowMs)
        {
            int e;
            while ((e = _debouncer.Sample(nowMs)) != 0)
            {
                _controller.HandleKey(e, nowMs);
            }

            // One mirrored press a step, as a person would press them one after the other.
            e = _keys.Take();
            if (e != 0)
            {
                _controller.HandleKey(e, nowMs);
            }

            _controller.Update(_measurements.Latest);
            _controller.Tick(nowMs);
            if (_controller.NeedsRender && nowMs - _lastFrameMs >= MinFrameMs)
            {
                _lastFrameMs = nowMs;
                lock (_frameLock)
                {
                    _controller.Render(_frame, nowMs);
                    LastFlushBytes = _frame.Flush(_display);
                }

                FramesDrawn++;
            }

            ApplyLight();
        }

        private void ApplyLight()
        {
            int contrast = _config.Current.Panel.Contrast;
            if (contrast != _contrast)
            {
                _contrast = contrast;
                _display.SetContrast(contrast);
            }

            int backlight = _controller.BacklightOn ? 1 : 0;
            if (backlight != _backlight)
            {
                _backlight = backlight;
                _display.SetBacklight(backlight == 1);
            }
        }

        private bool IsRunning()
        {
            lock (_stateLock)
            {
                return _running;
            }
        }

        private void Run()
        {
            while (IsRunning())
            {
                Step(_clock.MonotonicMilliseconds);
                Thread.Sleep(SampleMs);
            }
        }

        // Presses from the HTTP mirror are logical key events handed to the controller as they are: going through
        // the debouncer as held levels made them depend on the thread's timing (a stall while "held" turned a
        // press into a repeat or a long press under load).
        private sealed class MirrorKeyQueue
        {
            private const int QueueSize = 16;

            private readonly object _lock = new object();
            private readonly int[] _events = new int[QueueSize];
            private int _head;
            private int _count;

            public bool Queue(int key, bool longPress)
            {
                lock (_lock)
                {
                    if (_count == QueueSize || key == 0)
                    {
                        return false;
                    }

                    _events[(_head + _count) % QueueSize] = key | (longPress ? KeyEvent.Long : 0);
                    _count++;
                    return true;
                }
            }

            /// <summary>The oldest queued event, 0 when none.</summary>
            public int Take()
            {
                lock (_lock)
                {
                    if (_count == 0)
                    {
                        return 0;
                    }

                    int e = _events[_head];
                    _head = (_head + 1) % QueueSize;
                    _count--;
                    return e;
                }
            }
        }

        // A panel without buttons (only the mirror presses keys).
        private sealed class NoButtons : IKeypad
        {
            public int ReadHeld()
            {
                return 0;
            }
        }

        private sealed class ConfigStoreAdapter : IPanelConfigStore
        {
            private readonly ConfigService _service;

            public ConfigStoreAdapter(ConfigService service)
            {
                _service = service;
            }

            public Config.MeterConfig Current
            {
                get { return _service.Current; }
            }

            public string Apply(byte[] json, int offset, int length)
            {
                return _service.Apply(json, offset, length);
            }
        }
    }
}
