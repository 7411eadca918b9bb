using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Storage.Alarms;

namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>
    /// Fills an SnmpNotification with eprobeAlarmRaised or eprobeAlarmCleared and its nine objects
    /// (eprobeAlarmObjects.x.0, in the NOTIFICATION-TYPE's OBJECTS order), for the alarms to hand to
    /// SnmpTrapSender.Send. Nothing is allocated.
    /// </summary>
    public static class EprobeAlarmNotification
    {
        /// <summary>Varbinds this notification adds (the SnmpNotification's capacity must allow them).</summary>
        public const int VarbindCount = 9;

        private static readonly uint[] SourceKind = Instance(EprobeMibLayout.AlarmSourceKind);
        private static readonly uint[] SourceIndex = Instance(EprobeMibLayout.AlarmSourceIndex);
        private static readonly uint[] SourceName = Instance(EprobeMibLayout.AlarmSourceName);
        private static readonly uint[] Quantity = Instance(EprobeMibLayout.AlarmQuantity);
        private static readonly uint[] Level = Instance(EprobeMibLayout.AlarmLevel);
        private static readonly uint[] Value = Instance(EprobeMibLayout.AlarmValue);
        private static readonly uint[] Threshold = Instance(EprobeMibLayout.AlarmThreshold);
        private static readonly uint[] Condition = Instance(EprobeMibLayout.AlarmCondition);
        private static readonly uint[] AlarmId = Instance(EprobeMibLayout.AlarmId);

        /// <summary>
        /// The notification of a journal event: Raised and Changed give eprobeAlarmRaised with the new
        /// level, Cleared gives eprobeAlarmCleared with the level the alarm had. False (nothing filled) for
        /// any other event (Acknowledged). The source's name and the ratings come from config.
        /// </summary>
        public static bool Fill(SnmpNotification notification, AlarmEntry e, MeterConfig config)
        {
            bool raised = e.Kind == AlarmCodes.EventRaised || e.Kind == AlarmCodes.EventChanged;
            if (!raised && e.Kind != AlarmCodes.EventCleared)
            {
                return false;
            }

            int level = raised ? e.Level : e.PreviousLevel;
            Fill(notification, raised, e.Source, EprobeAlarmQuantities.SourceIndexOf(e.Source, e.SourceIndex),
                AlarmSourceLabel.Of(config, e.Source, e.SourceIndex), EprobeAlarmQuantities.QuantityOf(e.Condition), level,
                EprobeAlarmQuantities.Value(e, config), EprobeAlarmQuantities.Threshold(e, config),
                EprobeAlarmQuantities.ConditionOf(e.Condition), e.AlarmId);
            return true;
        }

        /// <param name="notification">Reused holder with capacity ≥ <see cref="VarbindCount"/>.</param>
        /// <param name="raised">True: eprobeAlarmRaised; false: eprobeAlarmCleared.</param>
        /// <param name="sourceKind">EprobeMibLayout.Source*.</param>
        /// <param name="sourceIndex">Row in the phase/channel/circuit table; 0 for the device.</param>
        /// <param name="sourceName">Phase name, channel label or circuit name (cut to 32 characters by the MIB's rule).</param>
        /// <param name="quantity">EprobeMibLayout.Quantity*.</param>
        /// <param name="level">EprobeMibLayout.LevelWarning or LevelCritical.</param>
        /// <param name="value">Measured value in the quantity's table scale.</param>
        /// <param name="threshold">Threshold crossed, same scale.</param>
        /// <param name="condition">eprobeAlarmCondition (AlarmCodes condition + 1).</param>
        /// <param name="alarmId">The journal's alarm id (eprobeAlarmId, = eprobeActiveAlarmId).</param>
        public static void Fill(SnmpNotification notification, bool raised, int sourceKind, uint sourceIndex, string sourceName,
            int quantity, int level, int value, int threshold, int condition, uint alarmId)
        {
            uint[] trap = raised ? EprobeMibLayout.AlarmRaised : EprobeMibLayout.AlarmCleared;
            notification.Start(trap, trap.Length);
            notification.Add(SourceKind, SourceKind.Length).SetInteger32(sourceKind);
            notification.Add(SourceIndex, SourceIndex.Length).SetGauge32(sourceIndex);
            SnmpValue name = notification.Add(SourceName, SourceName.Length);
            name.SetText(sourceName);
            if (name.OctetLength > EprobeMibLayout.MaxLabelLength)
            {
                name.SetOctets(name.Octets, 0, EprobeMibLayout.MaxLabelLength);
            }

            notification.Add(Quantity, Quantity.Length).SetInteger32(quantity);
            notification.Add(Level, Level.Length).SetInteger32(level);
            notification.Add(Value, Value.Length).SetInteger32(value);
            notification.Add(Threshold, Threshold.Length).SetInteger32(threshold);
            notification.Add(Condition, Condition.Length).SetInteger32(condition);
            notification.Add(AlarmId, AlarmId.Length).SetGauge32(alarmId);
        }

        private static uint[] Instance(uint column)
        {
            return ObjectId.Append(ObjectId.Append(EprobeMibLayout.AlarmObjects, column), 0);
        }
    }
}
