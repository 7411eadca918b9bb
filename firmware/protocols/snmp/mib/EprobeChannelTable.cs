using Ipenergy.Probe.Config;
using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>
    /// eprobeChannelTable: one row per configured CT channel. Placement texts (label, rack, customer,
    /// feed; writable), phase and CT rating come from the configuration; the measured columns from the
    /// snapshot, once there is one.
    /// </summary>
    public sealed class EprobeChannelTable : EprobeConfiguredTable
    {
        private const int MaxPowerW = int.MaxValue;

        public EprobeChannelTable(IMeasurementSource source, ILiveConfig live, EprobeConfigChange change)
            : base(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelColumns, source, live, change)
        {
        }

        protected override int RowCount { get { return Config.Channels.Length; } }

        protected override bool ReadCell(uint column, int row, SnmpValue value)
        {
            ChannelConfig config = Config.Channels[row];
            switch (column)
            {
                case EprobeMibLayout.ChannelLabel:
                    value.SetText(config.Label);
                    return true;
                case EprobeMibLayout.ChannelRack:
                    value.SetText(config.Rack);
                    return true;
                case EprobeMibLayout.ChannelCustomer:
                    value.SetText(config.Customer);
                    return true;
                case EprobeMibLayout.ChannelFeed:
                    value.SetText(config.Feed);
                    return true;
                case EprobeMibLayout.ChannelPhase:
                    value.SetInteger32(config.Phase + EprobeMibLayout.ChannelPhaseL1);
                    return true;
                case EprobeMibLayout.ChannelCtRating:
                    value.SetGauge32(EprobeScale.Unsigned(config.CtRatedAmps, 1.0));
                    return true;
            }

            MeasurementSnapshot s = Snapshot;
            if (s == null || row >= s.Channels.Length)
            {
                return false;
            }

            ChannelValues c = s.Channels[row];
            switch (column)
            {
                case EprobeMibLayout.ChannelCurrent:
                    value.SetGauge32(EprobeScale.Unsigned(c.Irms, 1000.0));
                    return true;
                case EprobeMibLayout.ChannelActivePower:
                    value.SetInteger32(EprobeScale.Signed(c.ActivePowerW, 1.0, -MaxPowerW, MaxPowerW));
                    return true;
                case EprobeMibLayout.ChannelReactivePower:
                    value.SetInteger32(EprobeScale.Signed(c.ReactivePowerVar, 1.0, -MaxPowerW, MaxPowerW));
                    return true;
                case EprobeMibLayout.ChannelApparentPower:
                    value.SetGauge32(EprobeScale.Unsigned(c.ApparentPowerVA, 1.0));
                    return true;
                case EprobeMibLayout.ChannelPowerFactor:
                    value.SetInteger32(EprobeScale.Signed(c.PowerFactor, 1000.0, -1000, 1000));
                    return true;
                case EprobeMibLayout.ChannelCosPhi:
                    value.SetInteger32(EprobeScale.Signed(c.CosPhi, 1000.0, -1000, 1000));
                    return true;
                case EprobeMibLayout.ChannelThd:
                    value.SetGauge32(EprobeScale.Unsigned(c.ThdPercent, 10.0));
                    return true;
                case EprobeMibLayout.ChannelLoad:
                    value.SetGauge32(EprobeScale.Unsigned(c.LoadPercentOfCt, 10.0));
                    return true;
                case EprobeMibLayout.ChannelEnergyImport:
                    value.SetCounter64(EprobeScale.WholeUnits(c.ImportEnergyMilliWh));
                    return true;
                case EprobeMibLayout.ChannelEnergyExport:
                    value.SetCounter64(EprobeScale.WholeUnits(c.ExportEnergyMilliWh));
                    return true;
                case EprobeMibLayout.ChannelReactiveEnergyImport:
                    value.SetCounter64(EprobeScale.WholeUnits(c.ImportReactiveMilliVarh));
                    return true;
                case EprobeMibLayout.ChannelReactiveEnergyExport:
                    value.SetCounter64(EprobeScale.WholeUnits(c.ExportReactiveMilliVarh));
                    return true;
                default:
                    return false;
            }
        }

        protected override int TestWrite(uint column, int row, SnmpValue value)
        {
            string key = TextKey(column);
            if (key == null)
            {
                return SnmpErrorStatus.NotWritable;
            }

            int status = EprobeConfigChange.CheckText(value);
            if (status != SnmpErrorStatus.NoError)
            {
                return status;
            }

            Change.BuildChannelText(row + 1, key, EprobeConfigChange.Text(value));
            return Change.Test();
        }

        protected override int CommitWrite(uint column, int row, SnmpValue value)
        {
            Change.BuildChannelText(row + 1, TextKey(column), EprobeConfigChange.Text(value));
            return Change.Commit();
        }

        // The JSON field of a writable text column; null for the others.
        private static string TextKey(uint column)
        {
            switch (column)
            {
                case EprobeMibLayout.ChannelLabel:
                    return "label";
                case EprobeMibLayout.ChannelRack:
                    return "rack";
                case EprobeMibLayout.ChannelCustomer:
                    return "customer";
                case EprobeMibLayout.ChannelFeed:
                    return "feed";
                default:
                    return null;
            }
        }
    }
}
