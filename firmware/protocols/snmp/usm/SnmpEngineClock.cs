using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Protocols.Snmp.Usm
{
    /// <summary>
    /// snmpEngineBoots and snmpEngineTime of the local (authoritative) engine, RFC 3414 2.2. Start takes the stored
    /// boots + 1 and saves it before using it (a value the engine answered with is never lost); snmpEngineTime
    /// counts seconds of the monotonic clock since then. At 2^31 seconds the time wraps to 0 and boots goes up
    /// (2.2.1). Boots latches at 2147483647 (2.2.2): every authenticated message is then outside the time
    /// window until the engine is reconfigured (new engine ID, keys relocalized, the boots partition erased).
    /// A failed save latches too: running on a value that is not stored would let a later start reuse it and
    /// reopen the replay window. Allocates nothing after construction; call from one thread (the agent's).
    /// </summary>
    public sealed class SnmpEngineClock
    {
        /// <summary>RFC 3414 2.2.2: the latched value.</summary>
        public const int MaxBoots = 2147483647;

        /// <summary>RFC 3414 2.2.1: snmpEngineTime is 0..2^31-1; at 2^31 it wraps.</summary>
        public const long TimeWrapSeconds = 2147483648L;

        private readonly IEngineBootsStore _store;
        private readonly IClock _clock;
        private long _epochStartMilliseconds;
        private int _boots;
        private int _time;
        private bool _started;

        public SnmpEngineClock(IEngineBootsStore store, IClock clock)
        {
            if (store == null)
            {
                throw new System.ArgumentNullException("store");
            }

            if (clock == null)
            {
                throw new System.ArgumentNullException("clock");
            }

            _store = store;
            _clock = clock;
        }

        /// <summary>snmpEngineBoots as of the last Start or Update (1..2147483647; 0 before Start).</summary>
        public int Boots { get { return _boots; } }

        /// <summary>snmpEngineTime in seconds as of the last Update (0..2147483647).</summary>
        public int Time { get { return _time; } }

        /// <summary>True when boots is at 2147483647: the engine must be reconfigured.</summary>
        public bool Latched { get { return _boots == MaxBoots; } }

        /// <summary>False when the last boots save failed (the engine then latched rather than run on an unsaved value).</summary>
        public bool BootsPersisted { get; private set; }

        public bool Started { get { return _started; } }

        /// <summary>Once per start of the engine: loads, increments and saves boots; time starts at 0.</summary>
        public void Start()
        {
            int stored = _store.Load();
            if (stored < 0)
            {
                stored = 0;
            }

            _epochStartMilliseconds = _clock.MonotonicMilliseconds;
            _time = 0;
            _started = true;
            SetBoots(stored >= MaxBoots ? MaxBoots : stored + 1, stored);
        }

        /// <summary>Reads the clock once and sets Boots and Time as one consistent pair (call before each message).</summary>
        public void Update()
        {
            if (!_started)
            {
                return;
            }

            long elapsed = (_clock.MonotonicMilliseconds - _epochStartMilliseconds) / 1000;
            while (elapsed >= TimeWrapSeconds)
            {
                // 2.2.1: time wraps to zero and boots counts the wrap (once in 68 years of uptime).
                _epochStartMilliseconds += TimeWrapSeconds * 1000;
                elapsed -= TimeWrapSeconds;
                if (_boots < MaxBoots)
                {
                    SetBoots(_boots + 1, _boots);
                }
            }

            _time = (int)elapsed;
        }

        private void SetBoots(int next, int current)
        {
            if (next == current)
            {
                // Already latched: nothing new to store.
                _boots = next;
                BootsPersisted = true;
                return;
            }

            if (_store.Save(next))
            {
                _boots = next;
                BootsPersisted = true;
                return;
            }

            _boots = MaxBoots;
            BootsPersisted = false;
        }
    }
}
