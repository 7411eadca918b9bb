namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>
    /// snmpEnableAuthenTraps (SNMPv2-MIB): whether a request with a wrong community sends an
    /// authenticationFailure notification. The snmp group reads and writes it; the agent's trap logic reads
    /// it. Built over the agent's <see cref="SnmpSettings"/> it is SnmpSettings.AuthenticationTraps itself
    /// (the flag SnmpMessageProcessor checks: one flag, no copy to keep in step); built alone it keeps its
    /// own flag. Kept in memory either way: the stored configuration has no field for it, so a SET lasts
    /// until the next restart and every boot starts from <see cref="DefaultEnabled"/>.
    /// </summary>
    public sealed class SnmpAuthenTrapSwitch
    {
        /// <summary>
        /// Disabled, as net-snmp ships it and as the agent's SnmpSettings.AuthenticationTraps starts: scanners
        /// trying "public" would otherwise flood the trap receivers. An operator enables it by SET (kept
        /// until restart), or the application sets it at start-up.
        /// </summary>
        public const bool DefaultEnabled = false;

        /// <summary>The MIB's enabled(1) and disabled(2).</summary>
        public const int EnabledValue = 1;
        public const int DisabledValue = 2;

        private readonly SnmpSettings _settings;
        private bool _enabled;

        public SnmpAuthenTrapSwitch()
            : this(DefaultEnabled)
        {
        }

        /// <summary>A switch with its own flag.</summary>
        public SnmpAuthenTrapSwitch(bool enabled)
        {
            _enabled = enabled;
        }

        /// <summary>The switch of this agent: reads and writes settings.AuthenticationTraps.</summary>
        public SnmpAuthenTrapSwitch(SnmpSettings settings)
        {
            _settings = settings;
        }

        /// <summary>True: send authenticationFailure on a wrong community (a bool write is atomic).</summary>
        public bool Enabled
        {
            get { return _settings != null ? _settings.AuthenticationTraps : _enabled; }

            set
            {
                if (_settings != null)
                {
                    _settings.AuthenticationTraps = value;
                }
                else
                {
                    _enabled = value;
                }
            }
        }
    }
}
