using Ipenergy.Probe.Config;

namespace Ipenergy.Probe.Protocols.Snmp
{
    /// <summary>
    /// What the agent and the notification sender read at each request: communities, trap targets and the
    /// authenticationFailure switch. Built over an <see cref="ILiveConfig"/> it follows the configuration in
    /// force (<see cref="Refresh"/> copies references from MeterConfig.Snmp, nothing is allocated); built
    /// without one it keeps what the owner sets (tests, or an app that fills it itself).
    /// </summary>
    public sealed class SnmpSettings
    {
        private readonly ILiveConfig _live;
        private string[] _configuredTargets;
        private string[] _extraTargets;

        /// <summary>Settings the owner fills (defaults: read community "public", writes off, no targets).</summary>
        public SnmpSettings()
        {
            ReadCommunity = "public";
            WriteCommunity = "";
            TrapCommunity = "";
            TrapTargets = new string[0];
        }

        /// <summary>Settings that follow live.Current.Snmp at each <see cref="Refresh"/>.</summary>
        public SnmpSettings(ILiveConfig live)
            : this()
        {
            _live = live;
            Refresh();
        }

        /// <summary>Community for GET/GETNEXT/GETBULK; empty: reads refused.</summary>
        public string ReadCommunity { get; set; }

        /// <summary>Community for SET (and reads too); empty: writes off, every SET refused.</summary>
        public string WriteCommunity { get; set; }

        /// <summary>Community put in notifications; empty: the read community.</summary>
        public string TrapCommunity { get; set; }

        /// <summary>
        /// Notification receivers: "host:port" (SNMPv2c) or "host:port/v1" (SNMPv1 Trap-PDU); host is an IPv4
        /// address or a name resolved when the list changes.
        /// </summary>
        public string[] TrapTargets { get; set; }

        /// <summary>snmpEnableAuthenTraps: send authenticationFailure on a wrong community (off by default, as RFC 3418 leaves it to the operator).</summary>
        public bool AuthenticationTraps { get; set; }

        /// <summary>agent-addr of SNMPv1 traps, a·2^24 + b·2^16 + c·2^8 + d (0.0.0.0 unless the app knows its address).</summary>
        public uint AgentAddress { get; set; }

        /// <summary>The community notifications carry.</summary>
        public string EffectiveTrapCommunity
        {
            get { return TrapCommunity == null || TrapCommunity.Length == 0 ? ReadCommunity : TrapCommunity; }
        }

        /// <summary>Takes the communities and targets of the configuration in force (no-op without a live config).</summary>
        public void Refresh()
        {
            if (_live == null)
            {
                return;
            }

            MeterConfig config = _live.Current;
            if (config == null || config.Snmp == null)
            {
                return;
            }

            SnmpConfig snmp = config.Snmp;
            ReadCommunity = snmp.ReadCommunity;
            WriteCommunity = snmp.WriteCommunity;
            if (snmp.TrapTargets != _configuredTargets)
            {
                // Merged once per configuration change, so the sender sees a new list only then.
                _configuredTargets = snmp.TrapTargets;
                TrapTargets = Merge(_configuredTargets, ExtraTrapTargets);
            }
        }

        /// <summary>
        /// Receivers the board or the command line adds to those of the configuration (the virtual e-Probe's
        /// --trap-target); set before the first request.
        /// </summary>
        public string[] ExtraTrapTargets
        {
            get { return _extraTargets; }
            set
            {
                _extraTargets = value;
                _configuredTargets = null;
                TrapTargets = value == null ? new string[0] : value;
                Refresh();
            }
        }

        private static string[] Merge(string[] configured, string[] extra)
        {
            int a = configured == null ? 0 : configured.Length;
            int b = extra == null ? 0 : extra.Length;
            string[] all = new string[a + b];
            for (int i = 0; i < a; i++)
            {
                all[i] = configured[i];
            }

            for (int i = 0; i < b; i++)
            {
                all[a + i] = extra[i];
            }

            return all;
        }

        /// <summary>
        /// True when the octets equal the UTF-8 encoding of community (compared without encoding it into a
        /// buffer). An empty or null community never matches: it means "refused".
        /// </summary>
        public static bool CommunityMatches(byte[] buffer, int offset, int length, string community)
        {
            if (community == null || community.Length == 0)
            {
                return false;
            }

            int at = offset;
            int end = offset + length;
            for (int i = 0; i < community.Length; i++)
            {
                int c = community[i];
                if (c >= 0xD800 && c <= 0xDBFF && i + 1 < community.Length && community[i + 1] >= 0xDC00 && community[i + 1] <= 0xDFFF)
                {
                    c = 0x10000 + ((c - 0xD800) << 10) + (community[i + 1] - 0xDC00);
                    i++;
                }
                else if (c >= 0xD800 && c <= 0xDFFF)
                {
                    c = 0xFFFD;
                }

                int size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
                if (end - at < size)
                {
                    return false;
                }

                bool same;
                if (size == 1)
                {
                    same = buffer[at] == c;
                }
                else if (size == 2)
                {
                    same = buffer[at] == (0xC0 | (c >> 6)) && buffer[at + 1] == (0x80 | (c & 0x3F));
                }
                else if (size == 3)
                {
                    same = buffer[at] == (0xE0 | (c >> 12)) && buffer[at + 1] == (0x80 | ((c >> 6) & 0x3F))
                        && buffer[at + 2] == (0x80 | (c & 0x3F));
                }
                else
                {
                    same = buffer[at] == (0xF0 | (c >> 18)) && buffer[at + 1] == (0x80 | ((c >> 12) & 0x3F))
                        && buffer[at + 2] == (0x80 | ((c >> 6) & 0x3F)) && buffer[at + 3] == (0x80 | (c & 0x3F));
                }

                if (!same)
                {
                    return false;
                }

                at += size;
            }

            return at == end;
        }
    }
}
