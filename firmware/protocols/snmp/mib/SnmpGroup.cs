namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>
    /// The snmp group (1.3.6.1.2.1.11): the SNMPv2-MIB counters and the MIB-II ones RFC 1213 defined (which
    /// net-snmp still serves), read from the message layer's <see cref="SnmpCounters"/>, and
    /// snmpEnableAuthenTraps(30), read-write, from <see cref="SnmpAuthenTrapSwitch"/>. Sub-identifiers 7
    /// and 23 were never assigned.
    /// </summary>
    public sealed class SnmpGroup : MibScalarGroup
    {
        public const uint EnableAuthenTraps = 30;

        private static readonly uint[] Scalars = new uint[]
        {
            1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 24, 25, 26, 27, 28, 29,
            30, 31, 32,
        };

        private readonly SnmpCounters _counters;
        private readonly SnmpAuthenTrapSwitch _authenTraps;

        public SnmpGroup(SnmpCounters counters, SnmpAuthenTrapSwitch authenTraps)
            : base(StandardOids.Snmp, Scalars)
        {
            _counters = counters;
            _authenTraps = authenTraps;
        }

        protected override bool Read(uint scalar, SnmpValue value)
        {
            if (scalar == EnableAuthenTraps)
            {
                value.SetInteger32(_authenTraps.Enabled ? SnmpAuthenTrapSwitch.EnabledValue : SnmpAuthenTrapSwitch.DisabledValue);
            }
            else
            {
                value.SetCounter32(_counters.Read((int)scalar));
            }

            return true;
        }

        protected override int TestWrite(uint scalar, SnmpValue value)
        {
            if (scalar != EnableAuthenTraps)
            {
                return SnmpErrorStatus.NotWritable;
            }

            if (value.Type != SnmpType.Integer)
            {
                return SnmpErrorStatus.WrongType;
            }

            if (value.Integer != SnmpAuthenTrapSwitch.EnabledValue && value.Integer != SnmpAuthenTrapSwitch.DisabledValue)
            {
                return SnmpErrorStatus.WrongValue;
            }

            return SnmpErrorStatus.NoError;
        }

        protected override int CommitWrite(uint scalar, SnmpValue value)
        {
            if (scalar != EnableAuthenTraps)
            {
                return SnmpErrorStatus.CommitFailed;
            }

            _authenTraps.Enabled = value.Integer == SnmpAuthenTrapSwitch.EnabledValue;
            return SnmpErrorStatus.NoError;
        }
    }
}
