using System;
using System.Threading;

namespace Ipenergy.Probe.Storage
{
    /// <summary>
    /// Writes energy records on a thread of its own, so that the metering thread only copies the counters
    /// (microseconds) and never waits for flash: a sector erase takes 40-400 ms on SPI NOR, far longer than
    /// the ADC buffers last. If a save is still running when the next is offered, the newer counters
    /// replace the older ones not yet written (only the newest record matters). Allocates nothing per save.
    /// </summary>
    public sealed class BackgroundEnergySaver
    {
        private readonly EnergyStore _store;
        private readonly long[] _pending;
        private readonly long[] _working;
        private readonly object _lock = new object();
        private readonly AutoResetEvent _wake = new AutoResetEvent(false);
        private long _pendingUptime;
        private DateTime _pendingUtc;
        private bool _hasPending;
        private bool _stopping;
        private int _saves;
        private int _failures;
        private Thread _thread;

        public BackgroundEnergySaver(EnergyStore store)
        {
            _store = store;
            _pending = new long[store.Channels * EnergyStore.RegistersPerChannel];
            _working = new long[_pending.Length];
        }

        /// <summary>Records written so far.</summary>
        public int Saves
        {
            get
            {
                lock (_lock)
                {
                    return _saves;
                }
            }
        }

        /// <summary>Saves that failed (flash error); the next offer tries again.</summary>
        public int Failures
        {
            get
            {
                lock (_lock)
                {
                    return _failures;
                }
            }
        }

        public void Start()
        {
            lock (_lock)
            {
                _stopping = false;
            }

            _thread = new Thread(Run);
            _thread.Start();
        }

        /// <summary>Queues the registers ([channel * 4 + register]) for saving; returns at once.</summary>
        public void Offer(long[] milliUnits, long uptimeMilliseconds, DateTime utc)
        {
            lock (_lock)
            {
                Array.Copy(milliUnits, _pending, _pending.Length);
                _pendingUptime = uptimeMilliseconds;
                _pendingUtc = utc;
                _hasPending = true;
            }

            _wake.Set();
        }

        /// <summary>Writes what is still queued, then ends the thread; the store is free for a final save after this.</summary>
        public void Stop()
        {
            lock (_lock)
            {
                _stopping = true;
            }

            _wake.Set();
            if (_thread != null)
            {
                _thread.Join();
                _thread = null;
            }
        }

        private void Run()
        {
            while (true)
            {
                _wake.WaitOne();
                bool stopping;
                bool save;
                long uptime;
                DateTime utc;
                lock (_lock)
                {
                    stopping = _stopping;
                    save = _hasPending;
                    _hasPending = false;
                    uptime = _pendingUptime;
                    utc = _pendingUtc;
                    if (save)
                    {
                        Array.Copy(_pending, _working, _working.Length);
                    }
                }

                if (save)
                {
                    Write(uptime, utc);
                }

                if (stopping)
                {
                    return;
                }
            }
        }

        private void Write(long uptime, DateTime utc)
        {
            bool ok;
            try
            {
                _store.Save(_working, uptime, utc, EnergyStore.ReasonPeriodic);
                ok = true;
            }
            catch (Exception)
            {
                // A flash error must not end the thread: the next period writes a fresh record elsewhere.
                ok = false;
            }

            lock (_lock)
            {
                if (ok)
                {
                    _saves++;
                }
                else
                {
                    _failures++;
                }
            }
        }
    }
}
