using Ipenergy.Probe.Common;
using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>eprobePhaseTable: rows 1..3 (L1..L3). The name is always there; the measured columns
    /// only once a snapshot exists.</summary>
    public sealed class EprobePhaseTable : MibTable
    {
        private readonly IMeasurementSource _source;
        private MeasurementSnapshot _snapshot;

        public EprobePhaseTable(IMeasurementSource source)
            : base(EprobeMibLayout.PhaseEntry, EprobeMibLayout.PhaseColumns)
        {
            _source = source;
        }

        public override void BeginRequest()
        {
            _snapshot = _source.Latest;
        }

        protected override int RowCount { get { return PhaseNames.Count; } }

        protected override uint RowIndex(int row)
        {
            return (uint)(row + 1);
        }

        protected override bool ReadCell(uint column, int row, SnmpValue value)
        {
            if (column == EprobeMibLayout.PhaseName)
            {
                value.SetText(PhaseNames.Name(row));
                return true;
            }

            MeasurementSnapshot s = _snapshot;
            if (s == null || row >= s.Phases.Length)
            {
                return false;
            }

            PhaseValues p = s.Phases[row];
            switch (column)
            {
                case EprobeMibLayout.PhasePresent:
                    value.SetInteger32(p.Present ? EprobeMibLayout.True : EprobeMibLayout.False);
                    return true;
                case EprobeMibLayout.PhaseVoltage:
                    value.SetGauge32(EprobeScale.Unsigned(p.Vrms, 10.0));
                    return true;
                case EprobeMibLayout.PhaseFundamentalVoltage:
                    value.SetGauge32(EprobeScale.Unsigned(p.FundamentalVrms, 10.0));
                    return true;
                case EprobeMibLayout.PhaseFrequency:
                    value.SetGauge32(EprobeScale.Unsigned(p.FrequencyHz, 100.0));
                    return true;
                case EprobeMibLayout.PhaseThd:
                    value.SetGauge32(EprobeScale.Unsigned(p.ThdPercent, 10.0));
                    return true;
                case EprobeMibLayout.PhaseAngle:
                    value.SetInteger32(EprobeScale.Angle(p.AngleDeg));
                    return true;
                default:
                    return false;
            }
        }
    }
}
