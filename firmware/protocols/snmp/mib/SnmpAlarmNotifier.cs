using Ipenergy.Probe.Config;
using Ipenergy.Probe.Storage.Alarms;

namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>
    /// Turns alarm journal events into notifications to the trap targets: Raised and Changed send
    /// eprobeAlarmRaised (with the new level), Cleared sends eprobeAlarmCleared, Acknowledged sends nothing.
    /// One reused SnmpNotification: nothing is allocated per event. Thread-safe.
    /// </summary>
    public sealed class SnmpAlarmNotifier
    {
        private readonly SnmpTrapSender _sender;
        private readonly SnmpNotification _notification = new SnmpNotification(EprobeAlarmNotification.VarbindCount);
        private readonly object _sync = new object();

        public SnmpAlarmNotifier(SnmpTrapSender sender)
        {
            _sender = sender;
        }

        /// <summary>Notifications filled and handed to the sender since start.</summary>
        public int Notified { get; private set; }

        /// <summary>
        /// Sends the event's notification (source name and ratings from config, the configuration in force);
        /// the number of datagrams sent (one per trap target; 0 for an acknowledgement).
        /// </summary>
        public int Notify(AlarmEntry e, MeterConfig config)
        {
            lock (_sync)
            {
                if (!EprobeAlarmNotification.Fill(_notification, e, config))
                {
                    return 0;
                }

                Notified++;
                return _sender.Send(_notification);
            }
        }
    }
}
