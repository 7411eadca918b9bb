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
        /// Disabled, as net-snmp ships it and as the agent's SnmpSettings.AuthenticationTraps starts: scanners
        /// trying "public" would otherwise flood the trap receivers. An operator enables it by SET (kept
        /// until restart), or the application builds the switch with true.
        /// </summary>
        public const bool DefaultEnabled = false;

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
