using System.Threading;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.App
{
    /// <summary>
    /// The firmware's own watchdog. nanoFramework 1.x gives managed code no hardware watchdog to feed (the
    /// nanoCLR's native task watchdog / IWDG guards the interpreter, not our threads), so a thread checks once
    /// a second that the work that matters still progresses: the published measurement second (its sequence
    /// or its reference changes) and every heartbeat the app registered (its count changes). When one has
    /// not moved for the stall time, the device is restarted once, with the name of what stalled.
    /// Progress is measured on <see cref="IClock.MonotonicMilliseconds"/>; heartbeats are cheap counters
    /// (no clock read, no allocation on the beating thread).
    /// </summary>
    public sealed class WatchdogSupervisor
    {
        /// <summary>Time without progress before the restart: 10 published seconds missed.</summary>
        public const long DefaultStallMilliseconds = 10000;

        /// <summary>Pause of the supervising thread between two checks.</summary>
        public const int CheckIntervalMilliseconds = 1000;

        /// <summary>Heartbeats an app may register besides the measurement snapshot.</summary>
        public const int MaxHeartbeats = 8;

        private readonly IMeasurementSource _measurements;
        private readonly IClock _clock;
        private readonly IDeviceRestart _restart;
        private readonly long _stallMs;
        private readonly object _lock = new object();

        private readonly string[] _names = new string[MaxHeartbeats];
        private readonly long[] _beats = new long[MaxHeartbeats];
        private readonly long[] _seenBeats = new long[MaxHeartbeats];
        private readonly long[] _progressMs = new long[MaxHeartbeats];
        private int _heartbeats;

        private bool _started;
        private MeasurementSnapshot _seenSnapshot;
        private long _seenSequence;
        private long _snapshotProgressMs;
        private bool _tripped;
        private string _reason;
        private readonly AutoResetEvent _wake = new AutoResetEvent(false);
        private Thread _thread;
        private bool _running;

        /// <param name="measurements">Where the metering publishes its seconds (the ProbeApp).</param>
        /// <param name="clock">Device time; only MonotonicMilliseconds is used.</param>
        /// <param name="restart">The board's reboot.</param>
        /// <param name="stallMilliseconds">Time without progress that counts as a stall (e.g. <see cref="DefaultStallMilliseconds"/>).</param>
        public WatchdogSupervisor(IMeasurementSource measurements, IClock clock, IDeviceRestart restart, long stallMilliseconds)
        {
            _measurements = measurements;
            _clock = clock;
            _restart = restart;
            _stallMs = stallMilliseconds;
        }

        /// <summary>True once a stall was found and the restart was asked for (it is asked once only).</summary>
        public bool Tripped
        {
            get { lock (_lock) { return _tripped; } }
        }

        /// <summary>What stalled ("" before a stall).</summary>
        public string Reason
        {
            get { lock (_lock) { return _reason == null ? "" : _reason; } }
        }

        /// <summary>
        /// Registers a vital loop (the bus poller, the panel...) that will call <see cref="Beat"/> at least once per
        /// stall time. Returns its handle. Its stall time starts now (at the first check when not started yet).
        /// </summary>
        public int AddHeartbeat(string name)
        {
            lock (_lock)
            {
                if (_heartbeats == MaxHeartbeats)
                {
                    throw new System.InvalidOperationException("watchdog: too many heartbeats");
                }

                int id = _heartbeats++;
                _names[id] = name;
                _beats[id] = 0;
                _seenBeats[id] = 0;
                _progressMs[id] = _started ? _clock.MonotonicMilliseconds : 0;
                return id;
            }
        }

        /// <summary>The loop of heartbeat <paramref name="id"/> made progress.</summary>
        public void Beat(int id)
        {
            lock (_lock)
            {
                _beats[id]++;
            }
        }

        /// <summary>
        /// One check (the thread calls it every second; tests call it directly). Returns true when it found a stall
        /// and restarted the device; a check after the restart was asked for does nothing.
        /// </summary>
        public bool Check()
        {
            string stalled = null;
            lock (_lock)
            {
                if (_tripped)
                {
                    return false;
                }

                long now = _clock.MonotonicMilliseconds;
                if (!_started)
                {
                    Begin(now);
                }

                MeasurementSnapshot latest = _measurements.Latest;
                long sequence = latest == null ? 0 : latest.Sequence;
                if (latest != _seenSnapshot || sequence != _seenSequence)
                {
                    _seenSnapshot = latest;
                    _seenSequence = sequence;
                    _snapshotProgressMs = now;
                }
                else if (now - _snapshotProgressMs >= _stallMs)
                {
                    stalled = latest == null ? "no measurement published since start" : "measurements stalled at second " + sequence.ToString();
                }

                for (int i = 0; i < _heartbeats && stalled == null; i++)
                {
                    if (_beats[i] != _seenBeats[i])
                    {
                        _seenBeats[i] = _beats[i];
                        _progressMs[i] = now;
                    }
                    else if (now - _progressMs[i] >= _stallMs)
                    {
                        stalled = "heartbeat '" + _names[i] + "' stalled";
                    }
                }

                if (stalled == null)
                {
                    return false;
                }

                _tripped = true;
                _reason = "watchdog: " + stalled + " for " + (_stallMs / 1000).ToString() + " s";
            }

            // Outside the lock: the restart may not return (board), or may call back (logging).
            _restart.Restart(Reason);
            return true;
        }

        /// <summary>Starts the supervising thread (one check per second until <see cref="Stop"/>).</summary>
        public void Start()
        {
            lock (_lock)
            {
                if (_thread != null)
                {
                    return;
                }

                Begin(_clock.MonotonicMilliseconds);
                _running = true;
                _thread = new Thread(Run);
            }

            _thread.Start();
        }

        /// <summary>Stops the thread (tests, shutdown of the virtual e-Probe).</summary>
        public void Stop()
        {
            Thread thread;
            lock (_lock)
            {
                _running = false;
                thread = _thread;
                _thread = null;
            }

            _wake.Set();
            if (thread != null)
            {
                thread.Join();
            }
        }

        // Every stall time counts from the start of supervision, not from boot.
        private void Begin(long now)
        {
            if (_started)
            {
                return;
            }

            _started = true;
            _seenSnapshot = _measurements.Latest;
            _seenSequence = _seenSnapshot == null ? 0 : _seenSnapshot.Sequence;
            _snapshotProgressMs = now;
            for (int i = 0; i < _heartbeats; i++)
            {
                _seenBeats[i] = _beats[i];
                _progressMs[i] = now;
            }
        }

        private bool IsRunning()
        {
            lock (_lock)
            {
                return _running;
            }
        }

        private void Run()
        {
            while (IsRunning())
            {
                _wake.WaitOne(CheckIntervalMilliseconds, false);
                if (IsRunning())
                {
                    Check();
                }
            }
        }
    }
}
