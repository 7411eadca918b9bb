using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Tests.Unit.TestDoubles
{
    /// <summary>
    /// A gateway's module directory for tests of the readers (SNMP, HTTP, /metrics, alarms): addresses given
    /// at construction, everything else set by the test. Addresses never set stay Unknown with no snapshot.
    /// </summary>
    public sealed class FakeModuleDirectory : IModuleDirectory
    {
        private readonly int[] _addresses;
        private readonly int[] _status;
        private readonly MeasurementSnapshot[] _snapshots;
        private readonly DeviceIdentity[] _identities;
        private readonly string[] _names;
        private readonly string[] _locations;
        private readonly double[] _ages;
        private readonly long[] _counters;

        public FakeModuleDirectory(int[] addresses)
        {
            _addresses = addresses;
            int n = addresses.Length;
            _status = new int[n];
            _snapshots = new MeasurementSnapshot[n];
            _identities = new DeviceIdentity[n];
            _names = new string[n];
            _locations = new string[n];
            _ages = new double[n];
            _counters = new long[n * ModuleCounters.Count];
            for (int i = 0; i < n; i++)
            {
                _names[i] = "";
                _locations[i] = "";
                _ages[i] = -1;
            }
        }

        public int Count { get { return _addresses.Length; } }

        public double LastCycleSeconds { get; set; }

        public int AddressAt(int index)
        {
            return _addresses[index];
        }

        /// <summary>Makes a module seen: online (or offline) with this snapshot and identity.</summary>
        public void Set(int address, int status, MeasurementSnapshot snapshot, DeviceIdentity identity, string name, string location)
        {
            int i = IndexOf(address);
            _status[i] = status;
            _snapshots[i] = snapshot;
            _identities[i] = identity;
            _names[i] = name;
            _locations[i] = location;
            _ages[i] = snapshot == null ? -1 : 0.5;
        }

        public void SetStatus(int address, int status)
        {
            _status[IndexOf(address)] = status;
        }

        public void SetAge(int address, double seconds)
        {
            _ages[IndexOf(address)] = seconds;
        }

        public void SetCounter(int address, int counter, long value)
        {
            _counters[IndexOf(address) * ModuleCounters.Count + counter] = value;
        }

        public int StatusOf(int address)
        {
            int i = IndexOf(address);
            return i < 0 ? ModuleStatus.Unknown : _status[i];
        }

        public MeasurementSnapshot LatestOf(int address)
        {
            int i = IndexOf(address);
            return i < 0 ? null : _snapshots[i];
        }

        public DeviceIdentity IdentityOf(int address)
        {
            int i = IndexOf(address);
            return i < 0 ? null : _identities[i];
        }

        public string NameOf(int address)
        {
            int i = IndexOf(address);
            return i < 0 ? "" : _names[i];
        }

        public string LocationOf(int address)
        {
            int i = IndexOf(address);
            return i < 0 ? "" : _locations[i];
        }

        public double AgeSecondsOf(int address)
        {
            int i = IndexOf(address);
            return i < 0 ? -1 : _ages[i];
        }

        public long CounterOf(int address, int counter)
        {
            int i = IndexOf(address);
            return i < 0 ? 0 : _counters[i * ModuleCounters.Count + counter];
        }

        private int IndexOf(int address)
        {
            for (int i = 0; i < _addresses.Length; i++)
            {
                if (_addresses[i] == address)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
