using System;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Storage.Alarms;

namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>
    /// eprobeActiveAlarmTable: one row per active alarm of the journal, index = its alarm id. Source names
    /// and the ratings that scale overCurrent / neutralCurrent come from the configuration in force.
    /// Read-only; nothing is allocated per request.
    /// </summary>
    public sealed class EprobeActiveAlarmTable : MibTable
    {
        /// <summary>DateAndTime with the UTC offset: 2 bytes year, month, day, hour, minute, second, deci-second, '+', 0, 0.</summary>
        private const int DateAndTimeLength = 11;

        private readonly EprobeActiveAlarms _alarms;
        private readonly ILiveConfig _live;
        private readonly byte[] _time = new byte[DateAndTimeLength];
        private MeterConfig _config;

        public EprobeActiveAlarmTable(EprobeActiveAlarms alarms, ILiveConfig live)
            : base(EprobeMibLayout.ActiveAlarmEntry, EprobeMibLayout.ActiveAlarmColumns)
        {
            _alarms = alarms;
            _live = live;
            _config = live.Current;
        }

        public override void BeginRequest()
        {
            _alarms.Invalidate();
            _config = _live.Current;
        }

        protected override int RowCount { get { return _alarms.Count; } }

        protected override uint RowIndex(int row)
        {
            return _alarms.IdAt(row);
        }

        protected override bool ReadCell(uint column, int row, SnmpValue value)
        {
            AlarmEntry e = _alarms.Row(row);
            if (e == null)
            {
                return false;
            }

            switch (column)
            {
                case EprobeMibLayout.ActiveAlarmSourceKind:
                    value.SetInteger32(e.Source);
                    return true;
                case EprobeMibLayout.ActiveAlarmSourceIndex:
                    value.SetGauge32(EprobeAlarmQuantities.SourceIndexOf(e.Source, e.SourceIndex));
                    return true;
                case EprobeMibLayout.ActiveAlarmSourceName:
                    SetLabel(value, AlarmSourceLabel.Of(_config, e.Source, e.SourceIndex));
                    return true;
                case EprobeMibLayout.ActiveAlarmCondition:
                    value.SetInteger32(EprobeAlarmQuantities.ConditionOf(e.Condition));
                    return true;
                case EprobeMibLayout.ActiveAlarmQuantity:
                    value.SetInteger32(EprobeAlarmQuantities.QuantityOf(e.Condition));
                    return true;
                case EprobeMibLayout.ActiveAlarmLevel:
                    value.SetInteger32(e.Level);
                    return true;
                case EprobeMibLayout.ActiveAlarmValue:
                    value.SetInteger32(EprobeAlarmQuantities.Value(e, _config));
                    return true;
                case EprobeMibLayout.ActiveAlarmThreshold:
                    value.SetInteger32(EprobeAlarmQuantities.Threshold(e, _config));
                    return true;
                case EprobeMibLayout.ActiveAlarmRaisedTime:
                    WriteDateAndTime(e.TimestampUtc);
                    value.SetOctets(_time, 0, DateAndTimeLength);
                    return true;
                case EprobeMibLayout.ActiveAlarmAcknowledged:
                    value.SetInteger32(e.Acknowledged ? EprobeMibLayout.True : EprobeMibLayout.False);
                    return true;
                case EprobeMibLayout.ActiveAlarmAckUser:
                    SetLabel(value, e.Acknowledged ? e.AckUser : null);
                    return true;
                default:
                    return false;
            }
        }

        private static void SetLabel(SnmpValue value, string text)
        {
            value.SetText(text);
            if (value.OctetLength > EprobeMibLayout.MaxLabelLength)
            {
                value.SetOctets(value.Octets, 0, EprobeMibLayout.MaxLabelLength);
            }
        }

        private void WriteDateAndTime(DateTime utc)
        {
            int year = utc.Year;
            _time[0] = (byte)(year >> 8);
            _time[1] = (byte)year;
            _time[2] = (byte)utc.Month;
            _time[3] = (byte)utc.Day;
            _time[4] = (byte)utc.Hour;
            _time[5] = (byte)utc.Minute;
            _time[6] = (byte)utc.Second;
            _time[7] = (byte)(utc.Millisecond / 100);
            _time[8] = (byte)'+';
            _time[9] = 0;
            _time[10] = 0;
        }
    }
}
