namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>eprobeAlarmStatus: how many alarms are active (all, warning, critical) and the alarm log's record count.</summary>
    public sealed class EprobeAlarmStatusGroup : MibScalarGroup
    {
        private readonly EprobeActiveAlarms _alarms;

        public EprobeAlarmStatusGroup(EprobeActiveAlarms alarms)
            : base(EprobeMibLayout.AlarmStatus, EprobeMibLayout.AlarmStatusScalars)
        {
            _alarms = alarms;
        }

        public override void BeginRequest()
        {
            _alarms.Invalidate();
        }

        protected override bool Read(uint scalar, SnmpValue value)
        {
            switch (scalar)
            {
                case EprobeMibLayout.ActiveAlarmCount:
                    value.SetGauge32((uint)_alarms.Count);
                    return true;
                case EprobeMibLayout.ActiveWarningCount:
                    value.SetGauge32((uint)_alarms.Warnings);
                    return true;
                case EprobeMibLayout.ActiveCriticalCount:
                    value.SetGauge32((uint)_alarms.Criticals);
                    return true;
                case EprobeMibLayout.AlarmEventsTotal:
                    value.SetCounter32(_alarms.EventsTotal);
                    return true;
                default:
                    return false;
            }
        }
    }
}
