using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ipenergy.Probe.Benchmarks
{
    /// <summary>
    /// The once-a-second pollers of the steady-state run, on loopback, with buffers built once: an HTTP client
    /// (GET /api/v1/measurements, Basic admin:admin, Connection: close), a Modbus-TCP client (function 3, the 120
    /// registers of channels 1-3 in the vendor map) and an SNMP v2c client (GETBULK, 10 repetitions from the eprobe
    /// enterprise subtree 1.3.6.1.4.1.32473.1). Each call says whether the answer was the expected kind, so a
    /// figure is never taken over failing requests.
    /// </summary>
    public sealed class HeapBudgetClients : IDisposable
    {
        private static readonly byte[] HttpRequest = Encoding.ASCII.GetBytes(
            "GET /api/v1/measurements HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic YWRtaW46YWRtaW4=\r\nConnection: close\r\n\r\n");

        // Channels 1-3 of the vendor map (3 x 40 registers from 1200).
        private const int ChannelBlock = Ipenergy.Probe.Protocols.Modbus.Maps.VendorMapLayout.ChannelAddress;
        private const int Registers = 3 * Ipenergy.Probe.Protocols.Modbus.Maps.VendorMapLayout.ChannelStride;

        private readonly IPEndPoint _http;
        private readonly IPEndPoint _modbus;
        private readonly IPEndPoint _snmp;
        private readonly byte[] _buffer = new byte[256 * 1024];
        private readonly byte[] _modbusRequest;
        private readonly byte[] _snmpRequest;
        private readonly Socket _udp;
        private EndPoint _from = new IPEndPoint(IPAddress.Any, 0);

        public HeapBudgetClients(int httpPort, int modbusPort, int snmpPort)
        {
            _http = new IPEndPoint(IPAddress.Loopback, httpPort);
            _modbus = new IPEndPoint(IPAddress.Loopback, modbusPort);
            _snmp = new IPEndPoint(IPAddress.Loopback, snmpPort);
            _modbusRequest = new byte[] { 0, 1, 0, 0, 0, 6, 1, 3, ChannelBlock >> 8, ChannelBlock & 0xFF, 0, Registers };
            _snmpRequest = SnmpGetBulk("public", 10, new uint[] { 1, 3, 6, 1, 4, 1, 32473, 1 });
            _udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            _udp.ReceiveTimeout = 5000;
            _udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        }

        /// <summary>Bytes of the last HTTP answer (head and body).</summary>
        public int LastHttpBytes { get; private set; }

        /// <summary>Requests answered wrongly or not at all, per protocol.</summary>
        public int HttpFailures { get; private set; }

        public int ModbusFailures { get; private set; }

        /// <summary>What the last Modbus answer was (function, first byte, length), for a failure's message.</summary>
        public string LastModbusAnswer { get; private set; }

        public int SnmpFailures { get; private set; }

        /// <summary>One GET /api/v1/measurements on a new connection; true on a 200.</summary>
        public bool PollHttp()
        {
            using (var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
            {
                s.ReceiveTimeout = 5000;
                s.Connect(_http);
                s.Send(HttpRequest);
                int n = 0, r;
                while (n < _buffer.Length && (r = s.Receive(_buffer, n, _buffer.Length - n, SocketFlags.None)) > 0)
                {
                    n += r;
                }

                LastHttpBytes = n;
                bool ok = n > 12 && _buffer[9] == (byte)'2' && _buffer[10] == (byte)'0' && _buffer[11] == (byte)'0';
                HttpFailures += ok ? 0 : 1;
                return ok;
            }
        }

        /// <summary>One read of 120 holding registers on a new connection; true on a normal answer.</summary>
        public bool PollModbus()
        {
            using (var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
            {
                s.ReceiveTimeout = 5000;
                s.Connect(_modbus);
                s.Send(_modbusRequest);
                int want = 9 + 2 * Registers, n = 0, r;
                while (n < want && (r = s.Receive(_buffer, n, want - n, SocketFlags.None)) > 0)
                {
                    n += r;
                    if (n >= 8 && _buffer[7] != 3)
                    {
                        break;   // exception answer: 9 bytes
                    }
                }

                bool ok = n == want && _buffer[7] == 3;
                ModbusFailures += ok ? 0 : 1;
                LastModbusAnswer = n >= 9 ? "function " + _buffer[7] + " code " + _buffer[8] + " (" + n + " bytes)" : n + " bytes";
                return ok;
            }
        }

        /// <summary>One GETBULK; true when a GetResponse came back.</summary>
        public bool PollSnmp()
        {
            _udp.SendTo(_snmpRequest, _snmp);
            bool ok;
            try
            {
                int n = _udp.ReceiveFrom(_buffer, ref _from);
                ok = n > 20 && _buffer[0] == 0x30 && Array.IndexOf(_buffer, (byte)0xA2, 0, n) > 0;
            }
            catch (SocketException)
            {
                ok = false;
            }

            SnmpFailures += ok ? 0 : 1;
            return ok;
        }

        public void Dispose()
        {
            _udp.Dispose();
        }

        // SNMPv2c GetBulkRequest (non-repeaters 0) for one OID, BER with short lengths.
        private static byte[] SnmpGetBulk(string community, int repetitions, uint[] oid)
        {
            var oidBytes = new List<byte> { (byte)(oid[0] * 40 + oid[1]) };
            for (int i = 2; i < oid.Length; i++)
            {
                var arc = new List<byte>();
                uint v = oid[i];
                arc.Insert(0, (byte)(v & 0x7F));
                while ((v >>= 7) != 0)
                {
                    arc.Insert(0, (byte)(0x80 | (v & 0x7F)));
                }

                oidBytes.AddRange(arc);
            }

            byte[] varbind = Tlv(0x30, Cat(Tlv(0x06, oidBytes.ToArray()), Tlv(0x05)));
            byte[] pdu = Tlv(0xA5, Cat(Tlv(0x02, 0x01), Tlv(0x02, 0x00), Tlv(0x02, (byte)repetitions), Tlv(0x30, varbind)));
            return Tlv(0x30, Cat(Tlv(0x02, 0x01), Tlv(0x04, Encoding.ASCII.GetBytes(community)), pdu));
        }

        private static byte[] Tlv(byte tag, params byte[] value)
        {
            if (value.Length > 127)
            {
                throw new ArgumentException("long BER lengths are not needed here");
            }

            return Cat(new[] { tag, (byte)value.Length }, value);
        }

        private static byte[] Cat(params byte[][] parts)
        {
            var all = new List<byte>();
            foreach (byte[] p in parts)
            {
                all.AddRange(p);
            }

            return all.ToArray();
        }
    }
}
