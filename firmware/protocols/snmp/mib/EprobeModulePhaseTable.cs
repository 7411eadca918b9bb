using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>eprobeModulePhaseTable (bus gateway): index = bus address, phase 1..3; rows only for modules
    /// with a snapshot. Scales as eprobePhaseTable.</summary>
    public sealed class EprobeModulePhaseTable : MibTwoIndexTable
    {
        private readonly EprobeModuleRows _rows;

        public EprobeModulePhaseTable(IModuleDirectory modules)
            : base(EprobeMibLayout.ModulePhaseEntry, EprobeMibLayout.ModulePhaseColumns)
        {
            _rows = new EprobeModuleRows(modules, false);
        }

        public override void BeginRequest()
        {
            _rows.Refresh();
        }

        protected override int RowCount { get { return _rows.Count; } }

        protected override uint MajorIndex(int row)
        {
            return _rows.Address(row);
        }

        protected override uint MinorIndex(int row)
        {
            return (uint)(_rows.Position(row) + 1);
        }

        protected override bool ReadCell(uint column, int row, SnmpValue value)
        {
            PhaseValues p = _rows.Snapshot(row).Phases[_rows.Position(row)];
            switch (column)
            {
                case EprobeMibLayout.ModulePhaseVoltage:
                    value.SetGauge32(EprobeScale.Unsigned(p.Vrms, 10.0));
                    return true;
                case EprobeMibLayout.ModulePhaseFrequency:
                    value.SetGauge32(EprobeScale.Unsigned(p.FrequencyHz, 100.0));
                    return true;
                case EprobeMibLayout.ModulePhaseThd:
                    value.SetGauge32(EprobeScale.Unsigned(p.ThdPercent, 10.0));
                    return true;
                default:
                    return false;
            }
        }
    }
}
