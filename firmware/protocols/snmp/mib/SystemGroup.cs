using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>
    /// SNMPv2-MIB system group (RFC 3418), scalars sysDescr(1) .. sysServices(7). sysContact, sysName and
    /// sysLocation are read from the configuration in force and written through ILiveConfig.Apply, so a
    /// SET is validated and persisted like PUT /api/v1/config. sysORLastChange(8) and sysORTable(9) are
    /// left out: the agent registers no capabilities, and sysORTable would be a table nested under this
    /// scalar group's root, which MibTree does not allow.
    /// </summary>
    public sealed class SystemGroup : MibScalarGroup
    {
        public const uint SysDescr = 1;
        public const uint SysObjectId = 2;
        public const uint SysUpTimeObject = 3;
        public const uint SysContact = 4;
        public const uint SysName = 5;
        public const uint SysLocation = 6;
        public const uint SysServices = 7;

        /// <summary>
        /// 72 = applications (layer 7, 2^6: HTTP API, Modbus-TCP, SNMP) + end-to-end (layer 4, 2^3: an IP
        /// host terminating TCP and UDP). The e-Probe forwards nothing, so layers 1-3 are not counted.
        /// </summary>
        public const int Services = 72;

        private static readonly uint[] Scalars = new uint[] { 1, 2, 3, 4, 5, 6, 7 };

        private readonly string _description;
        private readonly uint[] _objectId;
        private readonly ILiveConfig _live;
        private readonly SysUpTime _upTime;
        private SnmpConfig _snmp;

        public SystemGroup(DeviceIdentity identity, int channelCount, ILiveConfig live, SysUpTime upTime)
            : base(StandardOids.System, Scalars)
        {
            _description = ProductText.SystemDescription(identity, channelCount);
            _objectId = ProductText.ProductOid(identity);
            _live = live;
            _upTime = upTime;
        }

        /// <summary>One configuration per request: every varbind reads the same one.</summary>
        public override void BeginRequest()
        {
            _snmp = _live.Current.Snmp;
        }

        protected override bool Read(uint scalar, SnmpValue value)
        {
            SnmpConfig snmp = _snmp != null ? _snmp : _live.Current.Snmp;
            switch (scalar)
            {
                case SysDescr:
                    value.SetText(_description);
                    return true;
                case SysObjectId:
                    value.SetOid(_objectId, _objectId.Length);
                    return true;
                case SysUpTimeObject:
                    value.SetTimeTicks(_upTime.Centiseconds);
                    return true;
                case SysContact:
                    value.SetText(snmp.SysContact);
                    return true;
                case SysName:
                    value.SetText(snmp.SysName);
                    return true;
                case SysLocation:
                    value.SetText(snmp.SysLocation);
                    return true;
                case SysServices:
                    value.SetInteger32(Services);
                    return true;
                default:
                    return false;
            }
        }

        protected override int TestWrite(uint scalar, SnmpValue value)
        {
            if (ConfigKey(scalar) == null)
            {
                return SnmpErrorStatus.NotWritable;
            }

            return SnmpTextSetting.Test(value);
        }

        protected override int CommitWrite(uint scalar, SnmpValue value)
        {
            string key = ConfigKey(scalar);
            if (key == null)
            {
                return SnmpErrorStatus.CommitFailed;
            }

            byte[] json = SnmpTextSetting.Json(key, value);
            string error = _live.Apply(json, 0, json.Length);
            if (error != null)
            {
                return SnmpErrorStatus.CommitFailed;
            }

            // Later varbinds of this request and the next requests see the new value.
            _snmp = _live.Current.Snmp;
            return SnmpErrorStatus.NoError;
        }

        // The field of "snmp" in the configuration JSON (firmware/config/README.md), or null: read-only.
        private static string ConfigKey(uint scalar)
        {
            switch (scalar)
            {
                case SysContact:
                    return "sysContact";
                case SysName:
                    return "sysName";
                case SysLocation:
                    return "sysLocation";
                default:
                    return null;
            }
        }
    }
}
