using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>eprobeModuleChannelTable (bus gateway): index = bus address, channel 1..N; rows only for
    /// modules with a snapshot. Scales as eprobeChannelTable (current in mA, load in 0.1 % of the CT).</summary>
    public sealed class EprobeModuleChannelTable : MibTwoIndexTable
    {
        private const int MaxPowerW = int.MaxValue;

        private readonly EprobeModuleRows _rows;

        public EprobeModuleChannelTable(IModuleDirectory modules)
            : base(EprobeMibLayout.ModuleChannelEntry, EprobeMibLayout.ModuleChannelColumns)
        {
            _rows = new EprobeModuleRows(modules, true);
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
            ChannelValues c = _rows.Snapshot(row).Channels[_rows.Position(row)];
            switch (column)
            {
                case EprobeMibLayout.ModuleChannelCurrent:
                    value.SetGauge32(EprobeScale.Unsigned(c.Irms, 1000.0));
                    return true;
                case EprobeMibLayout.ModuleChannelActivePower:
                    value.SetInteger32(EprobeScale.Signed(c.ActivePowerW, 1.0, -MaxPowerW, MaxPowerW));
                    return true;
                case EprobeMibLayout.ModuleChannelReactivePower:
                    value.SetInteger32(EprobeScale.Signed(c.ReactivePowerVar, 1.0, -MaxPowerW, MaxPowerW));
                    return true;
                case EprobeMibLayout.ModuleChannelApparentPower:
                    value.SetGauge32(EprobeScale.Unsigned(c.ApparentPowerVA, 1.0));
                    return true;
                case EprobeMibLayout.ModuleChannelPowerFactor:
                    value.SetInteger32(EprobeScale.Signed(c.PowerFactor, 1000.0, -1000, 1000));
                    return true;
                case EprobeMibLayout.ModuleChannelLoad:
                    value.SetGauge32(EprobeScale.Unsigned(c.LoadPercentOfCt, 10.0));
                    return true;
                case EprobeMibLayout.ModuleChannelEnergyImport:
                    value.SetCounter64(EprobeScale.WholeUnits(c.ImportEnergyMilliWh));
                    return true;
                case EprobeMibLayout.ModuleChannelEnergyExport:
                    value.SetCounter64(EprobeScale.WholeUnits(c.ExportEnergyMilliWh));
                    return true;
                default:
                    return false;
            }
        }
    }
}
