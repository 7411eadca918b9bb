namespace Ipenergy.Probe.Bus
{
    /// <summary>
    /// The gateway's poll loop: every cycle (1 s by default) it reads the configured register ranges of
    /// every known module through the <see cref="RtuMaster"/> and stores each complete image in the
    /// <see cref="ModuleCache"/>. A module that misses <see cref="OfflineAfterMisses"/> polls in a row goes
    /// offline (listener told once); its next good poll brings it back. A failing range ends that module's
    /// poll at once, so a dead or babbling module costs at most (retries + 1) response timeouts a cycle.
    /// </summary>
    public sealed class BusPoller
    {
        public const int DefaultCycleMs = 1000;
        public const int OfflineAfterMisses = 3;

        /// <summary>An optional range a module answered with exception 02 is asked again every this many polls.</summary>
        public const int DefaultRetryAbsentCycles = 60;

        private const int ReportedOnline = 1;
        private const int ReportedOffline = 2;

        private readonly RtuMaster _master;
        private readonly ModuleCache _cache;
        private readonly IBusClock _clock;
        private readonly IBusListener _listener;
        private readonly byte[] _staging;
        private readonly object _stopLock = new object();
        private bool _stop;

        public BusPoller(RtuMaster master, ModuleCache cache, IBusClock clock, IBusListener listener)
        {
            _master = master;
            _cache = cache;
            _clock = clock;
            _listener = listener;
            _staging = new byte[cache.ImageBytes];
            CycleMs = DefaultCycleMs;
            RetryAbsentCycles = DefaultRetryAbsentCycles;
            AssignEveryMs = DefaultAssignEveryMs;
        }

        /// <summary>Polls between two tries of an optional range a module does not have.</summary>
        public int RetryAbsentCycles { get; set; }

        /// <summary>Default period of automatic addressing between cycles.</summary>
        public const int DefaultAssignEveryMs = 60000;

        /// <summary>Modules one addressing run may address.</summary>
        public const int MaxAssignedPerRun = 16;

        private readonly bool[] _used = new bool[256];
        // Addresses handed out since start: taken even before their module's first answer, so a run that
        // comes before the next poll (or a module whose first polls are lost) never gives one address twice.
        private readonly bool[] _given = new bool[256];
        private readonly long[] _assignedKeys = new long[MaxAssignedPerRun];
        private readonly int[] _assignedAddresses = new int[MaxAssignedPerRun];
        private AddressAssigner _assigner;
        private long _nextAssignUs;

        /// <summary>
        /// Automatic addressing in <see cref="Run"/>: after the first cycle (so the modules already addressed
        /// are known) and then every <see cref="AssignEveryMs"/> between two cycles, unaddressed modules get
        /// the lowest free polled addresses. Null (default): none.
        /// </summary>
        public AddressAssigner Assigner
        {
            get { return _assigner; }
            set { _assigner = value; }
        }

        public int AssignEveryMs { get; set; }

        /// <summary>Addressing runs made, and modules addressed by them since start.</summary>
        public int AssignRuns { get; private set; }

        public int AddressesAssigned { get; private set; }

        /// <summary>Address given to the last module addressed, 0 for none yet.</summary>
        public int LastAssignedAddress { get; private set; }

        public ModuleCache Cache
        {
            get { return _cache; }
        }

        public RtuMaster Master
        {
            get { return _master; }
        }

        /// <summary>Target period of a cycle; a cycle that takes longer is followed at once by the next.</summary>
        public int CycleMs { get; set; }

        public int Cycles { get; private set; }

        /// <summary>Duration of the last cycle, us of the bus clock.</summary>
        public long LastCycleUs { get; private set; }

        public long LongestCycleUs { get; private set; }

        /// <summary>Polls the modules (1..247) given, in that order.</summary>
        public void SetAddresses(int[] addresses)
        {
            for (int i = 0; i < addresses.Length; i++)
            {
                _cache.Add(addresses[i]);
            }
        }

        /// <summary>One pass over every known module.</summary>
        public void PollCycle()
        {
            long start = _clock.Microseconds;
            int count = _cache.Count;
            for (int i = 0; i < count; i++)
            {
                PollModule(_cache.Find(_cache.AddressAt(i)));
            }

            LastCycleUs = _clock.Microseconds - start;
            if (LastCycleUs > LongestCycleUs)
            {
                LongestCycleUs = LastCycleUs;
            }

            Cycles++;
        }

        /// <summary>Polls every <see cref="CycleMs"/> until <see cref="Stop"/> (the gateway's bus thread).</summary>
        public void Run()
        {
            SetStop(false);
            while (!Stopping())
            {
                long start = _clock.Microseconds;
                PollCycle();
                if (_assigner != null && (Cycles == 1 || _clock.Microseconds - _nextAssignUs >= 0))
                {
                    AssignAddresses();
                    _nextAssignUs = _clock.Microseconds + (long)AssignEveryMs * 1000;
                }

                long left = (long)CycleMs * 1000 - (_clock.Microseconds - start);
                if (left > 0)
                {
                    _clock.Sleep((int)left);
                }
            }
        }

        /// <summary>
        /// One automatic addressing run (needs <see cref="Assigner"/>): addresses outside the polled ones and those
        /// of modules that ever answered or were given out before are taken; new modules get the lowest free polled addresses, which the
        /// next cycle polls. Returns how many were addressed.
        /// </summary>
        public int AssignAddresses()
        {
            if (_assigner == null)
            {
                return 0;
            }

            _used[0] = true;
            for (int a = 1; a < _used.Length; a++)
            {
                _used[a] = !_cache.Contains(a) || _cache.EverSeen(a) || _given[a];
            }

            int assigned = _assigner.Run(_used, _assignedKeys, _assignedAddresses);
            for (int a = 1; a < _used.Length; a++)
            {
                // Every address the run offered (answered or not) stays taken until its module shows up.
                _given[a] |= _used[a];
            }

            AssignRuns++;
            AddressesAssigned += assigned;
            if (assigned > 0)
            {
                LastAssignedAddress = _assignedAddresses[assigned - 1];
            }

            return assigned;
        }

        public void Stop()
        {
            SetStop(true);
        }

        // Stop comes from another thread: a lock makes the write visible (no volatile on nanoFramework 1.x).
        private void SetStop(bool value)
        {
            lock (_stopLock)
            {
                _stop = value;
            }
        }

        private bool Stopping()
        {
            lock (_stopLock)
            {
                return _stop;
            }
        }

        private void PollModule(ModuleState module)
        {
            RegisterRange[] ranges = _cache.Ranges;
            int address = module.Address;
            module.Polls++;
            module.LastPollUs = _clock.Microseconds;
            bool good = true;
            int read = 0;
            int absent = module.Absent;
            for (int r = 0; r < ranges.Length && good; r++)
            {
                RegisterRange range = ranges[r];
                int bit = 1 << r;
                if (!Due(module, range, bit))
                {
                    continue;
                }

                int result = _master.ReadRegisters(address, range.Holding, range.Start, range.Count, _staging, _cache.RangeOffset(r));
                if (result == RtuResult.Ok)
                {
                    read |= bit;
                    absent &= ~bit;
                }
                else if (result == RtuResult.Exception && range.Optional && _master.ExceptionCode == 2)
                {
                    // Not in this module's map (an MPP3 asked for MPP18 channels): an answer, not a failure.
                    absent |= bit;
                }
                else
                {
                    good = false;
                }
            }

            if (good)
            {
                _cache.Store(module, _staging, _clock.Microseconds, read, absent);
                module.GoodPolls++;
                module.MissedInARow = 0;
                module.Online = true;
                if (module.Reported != ReportedOnline)
                {
                    module.Reported = ReportedOnline;
                    if (_listener != null)
                    {
                        _listener.OnModuleOnline(address);
                    }
                }

                return;
            }

            module.MissedPolls++;
            module.MissedInARow++;
            if (module.MissedInARow >= OfflineAfterMisses && module.Reported != ReportedOffline)
            {
                // Also a configured module that never answered: the gateway must hear of it.
                if (module.Reported == ReportedOnline)
                {
                    module.WentOffline++;
                }

                module.Online = false;
                module.Reported = ReportedOffline;
                if (_listener != null)
                {
                    _listener.OnModuleOffline(address);
                }
            }
        }

        // Whether range (bit) is read in this poll of the module (Polls already counts it).
        private bool Due(ModuleState module, RegisterRange range, int bit)
        {
            if ((module.Absent & bit) != 0)
            {
                return RetryAbsentCycles > 0 && module.Polls % RetryAbsentCycles == 0;
            }

            if (range.EveryCycles <= 1 || (module.Present & bit) == 0)
            {
                return true;
            }

            return module.Polls % range.EveryCycles == 0;
        }
    }
}
