using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>
    /// The entity list shared by entPhysicalTable, entLastChangeTime and entPhySensorTable. It is rebuilt
    /// only when the configuration object in force changes (the configuration is replaced whole, so one
    /// reference comparison per request tells), and entLastChangeTime moves only when the rebuilt list
    /// differs from the previous one (a new sysName, say, changes no entity). The change is noticed at the
    /// first request after it, so entLastChangeTime is that request's sysUpTime: an NMS polling it still
    /// sees every change (RFC 6933 asks for nothing finer without entConfigChange notifications).
    /// </summary>
    public sealed class EntityInventory
    {
        private readonly DeviceIdentity _identity;
        private readonly ILiveConfig _live;
        private readonly SysUpTime _upTime;
        private MeterConfig _builtFor;
        private EntityList _list;

        public EntityInventory(DeviceIdentity identity, ILiveConfig live, SysUpTime upTime)
        {
            _identity = identity;
            _live = live;
            _upTime = upTime;
            Refresh();
        }

        /// <summary>The list for the configuration in force (as of the last <see cref="Refresh"/>).</summary>
        public EntityList Current { get { return _list; } }

        /// <summary>Once per request: rebuilds the list when the configuration was replaced. Returns the list.</summary>
        public EntityList Refresh()
        {
            MeterConfig config = _live.Current;
            if (config != _builtFor)
            {
                EntityList next = EntityList.Build(_identity, config, _upTime.Centiseconds);
                if (!next.SameAs(_list))
                {
                    _list = next;
                }

                _builtFor = config;
            }

            return _list;
        }
    }
}
