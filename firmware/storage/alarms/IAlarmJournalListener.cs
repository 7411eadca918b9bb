namespace Ipenergy.Probe.Storage.Alarms
{
    /// <summary>
    /// Told of every record the journal has just stored (raised, changed, cleared, acknowledged), on
    /// the thread that appended it. The app forwards them to SNMP notifications and syslog; it must
    /// not block (sends are UDP) and must not keep the entry (the journal reuses it).
    /// </summary>
    public interface IAlarmJournalListener
    {
        void OnAlarmEvent(AlarmEntry entry);
    }
}
