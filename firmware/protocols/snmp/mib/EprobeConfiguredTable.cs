using Ipenergy.Probe.Config;
using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>
    /// A table of IPENERGY-EPROBE-MIB whose rows are configured items (channels, circuits) at index =
    /// position + 1: each request reads one configuration and one snapshot, taken in BeginRequest, and
    /// writable text columns go through the shared <see cref="EprobeConfigChange"/>.
    /// </summary>
    public abstract class EprobeConfiguredTable : MibTable
    {
        private readonly IMeasurementSource _source;
        private readonly ILiveConfig _live;

        protected EprobeConfiguredTable(uint[] entry, uint[] columns, IMeasurementSource source, ILiveConfig live, EprobeConfigChange change)
            : base(entry, columns)
        {
            _source = source;
            _live = live;
            Change = change;
            Config = live.Current;
        }

        /// <summary>The configuration this request reads.</summary>
        protected MeterConfig Config { get; private set; }

        /// <summary>The snapshot this request reads; null before the first second.</summary>
        protected MeasurementSnapshot Snapshot { get; private set; }

        /// <summary>Builds, tests and commits partial-JSON changes for SETs.</summary>
        protected EprobeConfigChange Change { get; private set; }

        public override void BeginRequest()
        {
            Snapshot = _source.Latest;
            Config = _live.Current;
        }

        protected override uint RowIndex(int row)
        {
            return (uint)(row + 1);
        }
    }
}
