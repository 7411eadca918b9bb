using Ipenergy.Probe.Alarms;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Protocols.Snmp;
using Ipenergy.Probe.Protocols.Snmp.Mib;
using Ipenergy.Probe.Protocols.Syslog;
using Ipenergy.Probe.Storage.Alarms;

namespace Ipenergy.Probe.App
{
    /// <summary>
    /// The alarm feature put together: the journal on the "alarms" partition (RAM without flash), the
    /// engine that evaluates each published second, and the outputs every journal record goes to:
    /// SNMP notifications (when SNMP runs) and syslog (alarms.syslog, followed live). The page,
    /// the MIB and the Modbus maps read the journal.
    /// </summary>
    public sealed class AlarmService : IAlarmJournalListener
    {
        private readonly AlarmJournal _journal;
        private readonly AlarmEngine _engine;
        private readonly ILiveConfig _config;
        private SnmpAlarmNotifier _snmp;
        private readonly SyslogSender _syslog;
        private string _syslogTarget = "";

        /// <param name="hostname">The syslog HOSTNAME field (the device's serial number).</param>
        public AlarmService(IFlashStorage flash, ILiveConfig config, string hostname)
        {
            IFlashPartition partition = flash == null ? null : flash.Partition(FlashPartitionNames.Alarms);
            _journal = new AlarmJournal(partition);
            _engine = new AlarmEngine(_journal);
            _config = config;
            _syslog = new SyslogSender(hostname == null || hostname.Length == 0 ? "-" : hostname);
            _journal.Listener = this;
        }

        /// <summary>Sends SNMP notifications for the alarms through <paramref name="traps"/> (once SNMP exists; before Open).</summary>
        public void NotifyThrough(SnmpTrapSender traps)
        {
            _snmp = new SnmpAlarmNotifier(traps);
        }

        public AlarmJournal Journal { get { return _journal; } }

        public AlarmEngine Engine { get { return _engine; } }

        /// <summary>On a gateway, its bus modules: each polled address gets a moduleOffline alarm (null: none).</summary>
        public IModuleDirectory Modules
        {
            get { return _engine.Modules; }
            set { _engine.Modules = value; }
        }

        public SyslogSender Syslog { get { return _syslog; } }

        /// <summary>Boot: replays the journal (active alarms, acknowledgements survive power cuts).</summary>
        public void Open()
        {
            _journal.Open();
            FollowSyslogTarget(_config.Current);
        }

        /// <summary>One published second, on the services thread (journal writes may wait for the flash).</summary>
        public void Evaluate(MeasurementSnapshot snapshot)
        {
            MeterConfig config = _config.Current;
            FollowSyslogTarget(config);
            _engine.Evaluate(snapshot, config);
        }

        /// <summary>Every stored record (engine events and acknowledgements from the API), after the journal's lock.</summary>
        public void OnAlarmEvent(AlarmEntry entry)
        {
            MeterConfig config = _config.Current;
            if (_snmp != null)
            {
                _snmp.Notify(entry, config);
            }

            _syslog.Send(entry, AlarmSourceLabel.Of(config, entry.Source, entry.SourceIndex));
        }

        public void Close()
        {
            _syslog.Close();
        }

        // A new destination is resolved only when the text changes (a DNS lookup allocates).
        private void FollowSyslogTarget(MeterConfig config)
        {
            string target = config.Alarms.Syslog == null ? "" : config.Alarms.Syslog;
            if (target != _syslogTarget)
            {
                _syslogTarget = target;
                _syslog.SetDestination(target);
            }
        }
    }
}
