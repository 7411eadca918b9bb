using System;
using System.Net;
using System.Net.Sockets;
using Ipenergy.Probe.Protocols.Snmp.Ber;

namespace Ipenergy.Probe.Protocols.Snmp
{
    /// <summary>
    /// Sends notifications to the targets of <see cref="SnmpSettings.TrapTargets"/>: an SNMPv2-Trap-PDU
    /// (sysUpTime.0, snmpTrapOID.0, then the notification's varbinds) to v2c targets, and to v1 targets the
    /// Trap-PDU translated as RFC 3584 section 3.2 says (standard traps: generic-trap = last arc - 1,
    /// enterprise snmpTraps or snmpTrapEnterprise.0; others: generic 6, specific = last arc, enterprise =
    /// the OID without its last arc, and without the 0 before it). A notification with a Counter64 varbind
    /// cannot be expressed in v1 and is not sent to v1 targets (RFC 3584 3.2 (6)). One reused buffer, one
    /// socket made on first use; thread-safe (the agent's authenticationFailure and the alarms share it).
    /// </summary>
    public sealed class SnmpTrapSender
    {
        /// <summary>snmpTraps (1.3.6.1.6.3.1.1.5), the standard notifications' parent.</summary>
        public static readonly uint[] SnmpTraps = new uint[] { 1, 3, 6, 1, 6, 3, 1, 1, 5 };

        public static readonly uint[] ColdStart = ObjectId.Append(SnmpTraps, 1);

        public static readonly uint[] AuthenticationFailure = ObjectId.Append(SnmpTraps, 5);

        public static readonly uint[] SysUpTimeInstance = new uint[] { 1, 3, 6, 1, 2, 1, 1, 3, 0 };

        public static readonly uint[] SnmpTrapOidInstance = new uint[] { 1, 3, 6, 1, 6, 3, 1, 1, 4, 1, 0 };

        public static readonly uint[] SnmpTrapEnterpriseInstance = new uint[] { 1, 3, 6, 1, 6, 3, 1, 1, 4, 3, 0 };

        private const byte Sequence = 0x30;

        private readonly SnmpSettings _settings;
        private readonly SysUpTime _upTime;
        private readonly SnmpCounters _counters;
        private readonly object _sync = new object();
        private readonly byte[] _buffer;
        private readonly BerWriter _writer = new BerWriter();
        private readonly SnmpValue _scratch = new SnmpValue();
        private readonly SnmpValue _community = new SnmpValue();
        private readonly OidBuffer _enterprise = new OidBuffer();
        private readonly SnmpNotification _standard = new SnmpNotification(0);
        private string[] _parsedFrom;
        private SnmpTrapTarget[] _targets = new SnmpTrapTarget[0];
        private Socket _socket;
        private int _requestId;

        public SnmpTrapSender(SnmpSettings settings, SysUpTime upTime, SnmpCounters counters, int maxMessageSize)
        {
            _settings = settings;
            _upTime = upTime;
            _counters = counters;
            _buffer = new byte[maxMessageSize];
        }

        /// <summary>The buffer the last notification was encoded into (from offset 0).</summary>
        public byte[] Buffer { get { return _buffer; } }

        /// <summary>Notification datagrams sent since start (one per target).</summary>
        public int Sent { get; private set; }

        /// <summary>coldStart (the agent has just started).</summary>
        public void SendColdStart()
        {
            lock (_sync)
            {
                _standard.Start(ColdStart, ColdStart.Length);
                Send(_standard);
            }
        }

        /// <summary>authenticationFailure (a message with a wrong community arrived).</summary>
        public void SendAuthenticationFailure()
        {
            lock (_sync)
            {
                _standard.Start(AuthenticationFailure, AuthenticationFailure.Length);
                Send(_standard);
            }
        }

        /// <summary>Sends the notification to every configured target; the number of datagrams sent.</summary>
        public int Send(SnmpNotification notification)
        {
            lock (_sync)
            {
                _settings.Refresh();
                RefreshTargets();
                int sent = 0;
                int v2Length = -1;
                int v1Length = -1;
                for (int i = 0; i < _targets.Length; i++)
                {
                    SnmpTrapTarget target = _targets[i];
                    int length;
                    if (target.Version == SnmpVersion.V1)
                    {
                        if (v1Length < 0)
                        {
                            v1Length = Encode(notification, SnmpVersion.V1);
                            v2Length = -1;
                        }

                        length = v1Length;
                    }
                    else
                    {
                        if (v2Length < 0)
                        {
                            v2Length = Encode(notification, SnmpVersion.V2c);
                            v1Length = -1;
                        }

                        length = v2Length;
                    }

                    if (length > 0 && SendTo(target.EndPoint, length))
                    {
                        sent++;
                    }
                }

                Sent += sent;
                return sent;
            }
        }

        /// <summary>
        /// Encodes the notification for this version into <see cref="Buffer"/> from offset 0; its length, or 0
        /// when it cannot be sent in that version or does not fit. Public for tests and measurements.
        /// </summary>
        public int Encode(SnmpNotification notification, int version)
        {
            lock (_sync)
            {
                _community.SetText(_settings.EffectiveTrapCommunity);
                _requestId = (_requestId + 1) & 0x7FFFFFFF;
                return version == SnmpVersion.V1 ? EncodeV1(notification) : EncodeV2(notification);
            }
        }

        /// <summary>Closes the socket (it is made again on the next send).</summary>
        public void Close()
        {
            lock (_sync)
            {
                if (_socket != null)
                {
                    _socket.Close();
                    _socket = null;
                }
            }
        }

        private int EncodeV2(SnmpNotification n)
        {
            uint now = _upTime.Centiseconds;
            _scratch.SetTimeTicks(now);
            int varbinds = BerWriter.VarbindLength(SysUpTimeInstance, SysUpTimeInstance.Length, _scratch);
            _scratch.SetOid(n.TrapOid.Arcs, n.TrapOid.Length);
            varbinds += BerWriter.VarbindLength(SnmpTrapOidInstance, SnmpTrapOidInstance.Length, _scratch);
            varbinds += NotificationVarbindsLength(n);
            int pdu = BerWriter.ElementLength(BerWriter.SignedLength(_requestId)) + 3 + 3 + BerWriter.ElementLength(varbinds);
            int message = 3 + BerWriter.ElementLength(_community.OctetLength) + BerWriter.ElementLength(pdu);
            if (BerWriter.ElementLength(message) > _buffer.Length)
            {
                return 0;
            }

            _writer.Reset(_buffer, 0);
            _writer.WriteHeader(Sequence, message);
            _writer.WriteInteger(SnmpVersion.V2c);
            _writer.WriteOctets(SnmpType.OctetString, _community.Octets, 0, _community.OctetLength);
            _writer.WriteHeader(SnmpPduType.TrapV2, pdu);
            _writer.WriteInteger(_requestId);
            _writer.WriteInteger(0);
            _writer.WriteInteger(0);
            _writer.WriteHeader(Sequence, varbinds);
            _scratch.SetTimeTicks(now);
            _writer.WriteVarbind(SysUpTimeInstance, SysUpTimeInstance.Length, _scratch);
            _scratch.SetOid(n.TrapOid.Arcs, n.TrapOid.Length);
            _writer.WriteVarbind(SnmpTrapOidInstance, SnmpTrapOidInstance.Length, _scratch);
            WriteNotificationVarbinds(n);
            return _writer.Position;
        }

        private int EncodeV1(SnmpNotification n)
        {
            for (int i = 0; i < n.Count; i++)
            {
                if (n.Value(i).Type == SnmpType.Counter64)
                {
                    return 0;
                }
            }

            OidBuffer trap = n.TrapOid;
            int generic;
            uint specific;
            if (trap.Length == SnmpTraps.Length + 1 && ObjectId.StartsWith(trap.Arcs, trap.Length, SnmpTraps)
                && trap.Arcs[SnmpTraps.Length] >= 1 && trap.Arcs[SnmpTraps.Length] <= 6)
            {
                generic = (int)trap.Arcs[SnmpTraps.Length] - 1;
                specific = 0;
                _enterprise.Set(SnmpTraps, SnmpTraps.Length);
                for (int i = 0; i < n.Count; i++)
                {
                    OidBuffer name = n.Name(i);
                    if (ObjectId.Compare(name.Arcs, name.Length, SnmpTrapEnterpriseInstance, SnmpTrapEnterpriseInstance.Length) == 0
                        && n.Value(i).Type == SnmpType.ObjectIdentifier)
                    {
                        _enterprise.Set(n.Value(i).Oid.Arcs, n.Value(i).Oid.Length);
                    }
                }
            }
            else
            {
                generic = 6;
                specific = trap.Length > 0 ? trap.Arcs[trap.Length - 1] : 0;
                int keep = trap.Length - 1;
                if (trap.Length >= 2 && trap.Arcs[trap.Length - 2] == 0)
                {
                    keep = trap.Length - 2;
                }

                _enterprise.Set(trap.Arcs, keep < 0 ? 0 : keep);
            }

            uint now = _upTime.Centiseconds;
            int varbinds = NotificationVarbindsLength(n);
            int pdu = BerWriter.ElementLength(BerWriter.OidLength(_enterprise.Arcs, _enterprise.Length)) + 6
                + BerWriter.ElementLength(BerWriter.SignedLength(generic)) + BerWriter.ElementLength(BerWriter.SignedLength(specific))
                + BerWriter.ElementLength(BerWriter.UnsignedLength(now)) + BerWriter.ElementLength(varbinds);
            int message = 3 + BerWriter.ElementLength(_community.OctetLength) + BerWriter.ElementLength(pdu);
            if (BerWriter.ElementLength(message) > _buffer.Length)
            {
                return 0;
            }

            _writer.Reset(_buffer, 0);
            _writer.WriteHeader(Sequence, message);
            _writer.WriteInteger(SnmpVersion.V1);
            _writer.WriteOctets(SnmpType.OctetString, _community.Octets, 0, _community.OctetLength);
            _writer.WriteHeader(SnmpPduType.TrapV1, pdu);
            _writer.WriteOid(_enterprise.Arcs, _enterprise.Length);
            _scratch.SetIpAddress(_settings.AgentAddress);
            _writer.WriteValue(_scratch);
            _writer.WriteInteger(generic);
            _writer.WriteInteger(specific);
            _writer.WriteUnsigned(SnmpType.TimeTicks, now);
            _writer.WriteHeader(Sequence, varbinds);
            WriteNotificationVarbinds(n);
            return _writer.Position;
        }

        private static int NotificationVarbindsLength(SnmpNotification n)
        {
            int length = 0;
            for (int i = 0; i < n.Count; i++)
            {
                length += BerWriter.VarbindLength(n.Name(i).Arcs, n.Name(i).Length, n.Value(i));
            }

            return length;
        }

        private void WriteNotificationVarbinds(SnmpNotification n)
        {
            for (int i = 0; i < n.Count; i++)
            {
                _writer.WriteVarbind(n.Name(i).Arcs, n.Name(i).Length, n.Value(i));
            }
        }

        // Parses the target list again only when the configuration replaced it.
        private void RefreshTargets()
        {
            string[] texts = _settings.TrapTargets;
            if (texts == _parsedFrom)
            {
                return;
            }

            int usable = 0;
            SnmpTrapTarget[] parsed = new SnmpTrapTarget[texts == null ? 0 : texts.Length];
            for (int i = 0; i < parsed.Length; i++)
            {
                SnmpTrapTarget target = SnmpTrapTarget.Parse(texts[i]);
                if (target != null)
                {
                    parsed[usable++] = target;
                }
            }

            SnmpTrapTarget[] targets = new SnmpTrapTarget[usable];
            for (int i = 0; i < usable; i++)
            {
                targets[i] = parsed[i];
            }

            _targets = targets;
            _parsedFrom = texts;
        }

        private bool SendTo(IPEndPoint target, int length)
        {
            try
            {
                if (_socket == null)
                {
                    _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                }

                _socket.SendTo(_buffer, 0, length, SocketFlags.None, target);
                _counters.Increment(SnmpCounters.OutPkts);
                _counters.Increment(SnmpCounters.OutTraps);
                return true;
            }
            catch (Exception)
            {
                // No route or no network yet: a notification is best effort (UDP); the next one tries again.
                return false;
            }
        }
    }
}
