using Ipenergy.Probe.Config;
using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>
    /// eprobeCircuitTable: one row per configured circuit, index = position + 1. Name, customer
    /// (writable), phase count and breaker rating (writable) come from the configuration; the measured
    /// columns from the snapshot's circuit at the same position when it is the same circuit (same name:
    /// after a configuration change the engine may still measure the previous list for a moment).
    /// </summary>
    public sealed class EprobeCircuitTable : EprobeConfiguredTable
    {
        private const int MaxPowerW = int.MaxValue;

        public EprobeCircuitTable(IMeasurementSource source, ILiveConfig live, EprobeConfigChange change)
            : base(EprobeMibLayout.CircuitEntry, EprobeMibLayout.CircuitColumns, source, live, change)
        {
        }

        protected override int RowCount { get { return Config.Circuits.Length; } }

        protected override bool ReadCell(uint column, int row, SnmpValue value)
        {
            CircuitConfig config = Config.Circuits[row];
            switch (column)
            {
                case EprobeMibLayout.CircuitName:
                    value.SetText(config.Name);
                    return true;
                case EprobeMibLayout.CircuitCustomer:
                    value.SetText(config.Customer);
                    return true;
                case EprobeMibLayout.CircuitPhaseCount:
                    value.SetInteger32(config.Channels.Length);
                    return true;
                case EprobeMibLayout.CircuitBreakerRating:
                    value.SetGauge32(EprobeScale.Unsigned(config.BreakerRatedAmps, 1.0));
                    return true;
            }

            MeasurementSnapshot s = Snapshot;
            if (s == null || row >= s.Circuits.Length || s.Circuits[row].Name != config.Name)
            {
                return false;
            }

            CircuitValues c = s.Circuits[row];
            switch (column)
            {
                case EprobeMibLayout.CircuitMaxCurrent:
                    value.SetGauge32(EprobeScale.Unsigned(c.MaxIrms, 1000.0));
                    return true;
                case EprobeMibLayout.CircuitLoad:
                    value.SetGauge32(EprobeScale.Unsigned(c.LoadPercent, 10.0));
                    return true;
                case EprobeMibLayout.CircuitActivePower:
                    value.SetInteger32(EprobeScale.Signed(c.ActivePowerW, 1.0, -MaxPowerW, MaxPowerW));
                    return true;
                case EprobeMibLayout.CircuitReactivePower:
                    value.SetInteger32(EprobeScale.Signed(c.ReactivePowerVar, 1.0, -MaxPowerW, MaxPowerW));
                    return true;
                case EprobeMibLayout.CircuitApparentPower:
                    value.SetGauge32(EprobeScale.Unsigned(c.ApparentPowerVA, 1.0));
                    return true;
                case EprobeMibLayout.CircuitPowerFactor:
                    value.SetInteger32(EprobeScale.Signed(c.PowerFactor, 1000.0, -1000, 1000));
                    return true;
                case EprobeMibLayout.CircuitCurrentUnbalance:
                    value.SetGauge32(c.PhaseCount == 3 ? EprobeScale.Unsigned(c.CurrentUnbalancePercent, 10.0) : 0);
                    return true;
                case EprobeMibLayout.CircuitNeutralCurrent:
                    value.SetGauge32(c.PhaseCount == 3 ? EprobeScale.Unsigned(c.NeutralCurrentA, 1000.0) : 0);
                    return true;
                case EprobeMibLayout.CircuitEnergyImport:
                    value.SetCounter64(EprobeScale.WholeUnits(c.ImportEnergyMilliWh));
                    return true;
                case EprobeMibLayout.CircuitEnergyExport:
                    value.SetCounter64(EprobeScale.WholeUnits(c.ExportEnergyMilliWh));
                    return true;
                default:
                    return false;
            }
        }

        protected override int TestWrite(uint column, int row, SnmpValue value)
        {
            int status;
            if (column == EprobeMibLayout.CircuitCustomer)
            {
                status = EprobeConfigChange.CheckText(value);
            }
            else if (column == EprobeMibLayout.CircuitBreakerRating)
            {
                // Unsigned32 travels with the Gauge32 tag.
                status = value.Type != SnmpType.Gauge32 ? SnmpErrorStatus.WrongType
                    : (value.Unsigned < 1 || value.Unsigned > 630 ? SnmpErrorStatus.WrongValue : SnmpErrorStatus.NoError);
            }
            else
            {
                return SnmpErrorStatus.NotWritable;
            }

            if (status != SnmpErrorStatus.NoError)
            {
                return status;
            }

            if (!Build(column, row, value))
            {
                return SnmpErrorStatus.InconsistentValue;
            }

            return Change.Test();
        }

        protected override int CommitWrite(uint column, int row, SnmpValue value)
        {
            return Build(column, row, value) ? Change.Commit() : SnmpErrorStatus.CommitFailed;
        }

        private bool Build(uint column, int row, SnmpValue value)
        {
            return column == EprobeMibLayout.CircuitCustomer
                ? Change.BuildCircuit(row, EprobeConfigChange.Text(value), 0.0)
                : Change.BuildCircuit(row, null, value.Unsigned);
        }
    }
}
