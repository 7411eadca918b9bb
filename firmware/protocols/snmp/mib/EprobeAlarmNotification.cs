namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>
    /// Fills an SnmpNotification with eprobeAlarmRaised or eprobeAlarmCleared and its seven objects
    /// (eprobeAlarmObjects.x.0), for the alarms to hand to SnmpTrapSender.Send. Nothing is allocated.
    /// </summary>
    public static class EprobeAlarmNotification
    {
        /// <summary>Varbinds this notification adds (the SnmpNotification's capacity must allow them).</summary>
        public const int VarbindCount = 7;

        private static readonly uint[] SourceKind = Instance(EprobeMibLayout.AlarmSourceKind);
        private static readonly uint[] SourceIndex = Instance(EprobeMibLayout.AlarmSourceIndex);
        private static readonly uint[] SourceName = Instance(EprobeMibLayout.AlarmSourceName);
        private static readonly uint[] Quantity = Instance(EprobeMibLayout.AlarmQuantity);
        private static readonly uint[] Level = Instance(EprobeMibLayout.AlarmLevel);
        private static readonly uint[] Value = Instance(EprobeMibLayout.AlarmValue);
        private static readonly uint[] Threshold = Instance(EprobeMibLayout.AlarmThreshold);

        /// <param name="notification">Reused holder with capacity ≥ <see cref="VarbindCount"/>.</param>
        /// <param name="raised">True: eprobeAlarmRaised; false: eprobeAlarmCleared.</param>
        /// <param name="sourceKind">EprobeMibLayout.Source*.</param>
        /// <param name="sourceIndex">Row in the phase/channel/circuit table; 0 for the device.</param>
        /// <param name="sourceName">Phase name, channel label or circuit name (cut to 32 characters by the MIB's rule).</param>
        /// <param name="quantity">EprobeMibLayout.Quantity*.</param>
        /// <param name="level">EprobeMibLayout.LevelWarning or LevelCritical.</param>
        /// <param name="value">Measured value in the quantity's table scale.</param>
        /// <param name="threshold">Threshold crossed, same scale.</param>
        public static void Fill(SnmpNotification notification, bool raised, int sourceKind, uint sourceIndex, string sourceName,
            int quantity, int level, int value, int threshold)
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
        }

        private static uint[] Instance(uint column)
        {
            return ObjectId.Append(ObjectId.Append(EprobeMibLayout.AlarmObjects, column), 0);
        }
    }
}
