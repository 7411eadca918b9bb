namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>
    /// snmpEnableAuthenTraps (SNMPv2-MIB): whether a request with a wrong community sends an
    /// authenticationFailure notification. Shared by the snmp group (which reads and writes it) and the
    /// agent's trap logic (which reads it). Kept in memory: the stored configuration has no field for it,
    /// so a SET lasts until the next restart and every boot starts from <see cref="DefaultEnabled"/>.
    /// </summary>
    public sealed class SnmpAuthenTrapSwitch
    {
        /// <summary>
        /// Enabled: the switch cannot be persisted, so a default of "off" would make the feature unusable
        /// after every reboot; with no trap target configured (the factory default) nothing is sent anyway.
        /// </summary>
        public const bool DefaultEnabled = true;

        /// <summary>The MIB's enabled(1) and disabled(2).</summary>
        public const int EnabledValue = 1;
        public const int DisabledValue = 2;

        public SnmpAuthenTrapSwitch()
            : this(DefaultEnabled)
        {
        }

        public SnmpAuthenTrapSwitch(bool enabled)
        {
            Enabled = enabled;
        }

        /// <summary>True: send authenticationFailure on a wrong community (a bool write is atomic).</summary>
        public bool Enabled { get; set; }
    }
}
