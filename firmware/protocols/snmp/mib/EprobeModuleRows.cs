using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>
    /// The rows of a per-module sub-table (phases or channels) for one request: each module with a snapshot
    /// gives one row per phase or channel of that snapshot, in address order; modules without one give none.
    /// Taken in BeginRequest so a request sees one layout; the arrays grow only when the scan range does.
    /// </summary>
    public sealed class EprobeModuleRows
    {
        private readonly IModuleDirectory _modules;
        private readonly bool _channels;
        private int[] _address = new int[0];
        private int[] _firstRow = new int[0];
        private MeasurementSnapshot[] _snapshot = new MeasurementSnapshot[0];
        private int _moduleCount;

        /// <param name="modules">The gateway's directory; null gives no rows.</param>
        /// <param name="channels">True: a row per channel; false: a row per phase.</param>
        public EprobeModuleRows(IModuleDirectory modules, bool channels)
        {
            _modules = modules;
            _channels = channels;
        }

        /// <summary>Rows now (after <see cref="Refresh"/>).</summary>
        public int Count { get; private set; }

        /// <summary>Takes each module's snapshot and lays out the rows.</summary>
        public void Refresh()
        {
            _moduleCount = 0;
            Count = 0;
            if (_modules == null)
            {
                return;
            }

            int n = _modules.Count;
            if (_address.Length < n)
            {
                _address = new int[n];
                _firstRow = new int[n];
                _snapshot = new MeasurementSnapshot[n];
            }

            for (int i = 0; i < n; i++)
            {
                int address = _modules.AddressAt(i);
                MeasurementSnapshot s = _modules.LatestOf(address);
                int rows = s == null ? 0 : (_channels ? s.Channels.Length : s.Phases.Length);
                if (rows == 0)
                {
                    continue;
                }

                _address[_moduleCount] = address;
                _firstRow[_moduleCount] = Count;
                _snapshot[_moduleCount] = s;
                _moduleCount++;
                Count += rows;
            }

            // Drop references to snapshots no longer in the layout.
            for (int i = _moduleCount; i < _snapshot.Length; i++)
            {
                _snapshot[i] = null;
            }
        }

        /// <summary>Bus address of the row's module.</summary>
        public uint Address(int row)
        {
            return (uint)_address[ModuleOf(row)];
        }

        /// <summary>0-based phase or channel position of the row within its module.</summary>
        public int Position(int row)
        {
            return row - _firstRow[ModuleOf(row)];
        }

        /// <summary>The snapshot of the row's module taken at <see cref="Refresh"/>.</summary>
        public MeasurementSnapshot Snapshot(int row)
        {
            return _snapshot[ModuleOf(row)];
        }

        // Last module whose first row is at or before row (binary search: first rows ascend).
        private int ModuleOf(int row)
        {
            int low = 0;
            int high = _moduleCount - 1;
            while (low < high)
            {
                int middle = (low + high + 1) / 2;
                if (_firstRow[middle] <= row)
                {
                    low = middle;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return low;
        }
    }
}
