namespace Ipenergy.Probe.Storage.Alarms
{
    /// <summary>
    /// One row of the active-alarm table: the alarm as readers see it, where the record that fully describes
    /// it sits on flash (its Raised record or its latest snapshot: restated before that sector is erased),
    /// and the acknowledging user's name as stored bytes (the string is made only when a reader asks, then kept).
    /// </summary>
    public sealed class ActiveAlarmRow
    {
        public readonly AlarmEntry Entry = new AlarmEntry();

        public readonly byte[] User = new byte[AlarmRecordCodec.MaxUserBytes];

        public int UserLength;

        /// <summary>Journal slot of the Raised or snapshot record the replay rebuilds this row from (-1: none).</summary>
        public int BaseSlot = -1;
    }
}
