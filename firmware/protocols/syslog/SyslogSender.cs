using System;
using System.Net;
using System.Net.Sockets;
using Ipenergy.Probe.Storage.Alarms;

namespace Ipenergy.Probe.Protocols.Syslog
{
    /// <summary>
    /// Sends alarm events to a syslog server as RFC 5424 messages over UDP (RFC 5426: one message per
    /// datagram). The destination is resolved once, when set; one reused buffer and one socket, so a send
    /// allocates nothing. Thread-safe (the journal's listener sends, the configuration thread sets the
    /// destination). Best effort, as UDP: a failed send is counted, never thrown.
    /// </summary>
    public sealed class SyslogSender : IAlarmJournalListener
    {
        public const int DefaultPort = 514;

        private readonly object _lock = new object();
        private readonly SyslogMessageWriter _writer;
        private IPEndPoint _destination;
        private string _destinationText = string.Empty;
        private Socket _socket;

        /// <summary>hostname: the HOSTNAME field (the e-Probe's host name or IP address).</summary>
        public SyslogSender(string hostname)
        {
            _writer = new SyslogMessageWriter(hostname);
        }

        /// <summary>Messages handed to the network.</summary>
        public int Sent { get; private set; }

        /// <summary>Sends that failed (no route, no network); events while off are not counted.</summary>
        public int Failed { get; private set; }

        /// <summary>Where messages go; null when off (empty or unusable destination).</summary>
        public IPEndPoint Destination
        {
            get
            {
                lock (_lock)
                {
                    return _destination;
                }
            }
        }

        /// <summary>Facility of every message (0..23; local0 = 16 by default).</summary>
        public int Facility
        {
            get { return _writer.Facility; }
            set { _writer.Facility = value < 0 || value > 23 ? SyslogMessageWriter.DefaultFacility : value; }
        }

        /// <summary>
        /// "host" or "host:port" (IPv4 literal or a name, resolved now: allocates, call it when the
        /// configuration changes); empty, null or unusable (bad port, unknown name, IPv6) turns sending off.
        /// Returns true when sending is on. The same text again changes nothing (no new DNS lookup).
        /// </summary>
        public bool SetDestination(string hostPortOrEmpty)
        {
            string text = hostPortOrEmpty == null ? string.Empty : hostPortOrEmpty.Trim();
            lock (_lock)
            {
                if (text == _destinationText)
                {
                    return _destination != null;
                }
            }

            IPEndPoint resolved = SyslogDestination.Parse(text, DefaultPort);
            lock (_lock)
            {
                _destination = resolved;
                _destinationText = text;
                return resolved != null;
            }
        }

        /// <summary>Sends the event with no source label (the journal listener's entry point).</summary>
        public void OnAlarmEvent(AlarmEntry entry)
        {
            Send(entry, null);
        }

        /// <summary>Formats and sends one event (sourceLabel: the channel/circuit label, or null); nothing when off.</summary>
        public void Send(AlarmEntry e, string sourceLabel)
        {
            lock (_lock)
            {
                if (_destination == null)
                {
                    return;
                }

                int length = _writer.Write(e, sourceLabel);
                try
                {
                    if (_socket == null)
                    {
                        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                    }

                    _socket.SendTo(_writer.Buffer, 0, length, SocketFlags.None, _destination);
                    Sent++;
                }
                catch (Exception)
                {
                    // No route or no network yet: the next event tries again with a new socket.
                    Failed++;
                    CloseSocket();
                }
            }
        }

        /// <summary>Releases the socket (a later Send opens a new one).</summary>
        public void Close()
        {
            lock (_lock)
            {
                CloseSocket();
            }
        }

        private void CloseSocket()
        {
            if (_socket != null)
            {
                try
                {
                    _socket.Close();
                }
                catch (Exception)
                {
                    // Closing a broken socket: nothing more to do.
                }

                _socket = null;
            }
        }
    }
}
