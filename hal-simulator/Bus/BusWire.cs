using System;
using System.IO;
using System.Net.Sockets;
using System.Text;

namespace Ipenergy.Probe.Simulator.Bus
{
    /// <summary>
    /// The framed node protocol between a SimulatedSerialPort and the hub, over TCP: messages
    /// [type:1][length:2 little-endian][payload]. Node to hub: Hello (line settings, flags, name),
    /// Line (new settings), Data / DataEnd (a chunk of bytes that has just left the node's wire; DataEnd ends a Write). Hub to node:
    /// Data (bytes that have just arrived on the node's wire, echo included when asked for).
    /// </summary>
    public static class BusWire
    {
        public const byte Hello = (byte)'H';
        public const byte Line = (byte)'L';
        public const byte Data = (byte)'D';

        /// <summary>Node to hub: the last chunk of a Write (the node's driver goes quiet after it).</summary>
        public const byte DataEnd = (byte)'E';
        public const int MaxPayload = 65535;

        /// <summary>Hello flag: the hub sends the node's own bytes back (an echoing transceiver).</summary>
        public const byte FlagEcho = 1;

        public static void Send(Socket socket, byte type, byte[] payload, int offset, int count)
        {
            byte[] message = new byte[3 + count];
            message[0] = type;
            message[1] = (byte)count;
            message[2] = (byte)(count >> 8);
            Buffer.BlockCopy(payload, offset, message, 3, count);
            int sent = 0;
            while (sent < message.Length)
            {
                sent += socket.Send(message, sent, message.Length - sent, SocketFlags.None);
            }
        }

        public static byte[] LinePayload(BusLine line)
        {
            byte[] p = new byte[6];
            BitConverter.TryWriteBytes(new Span<byte>(p, 0, 4), line.BaudRate);
            p[4] = (byte)line.Parity;
            p[5] = (byte)line.StopBits;
            return p;
        }

        public static byte[] HelloPayload(BusLine line, byte flags, string name)
        {
            byte[] n = Encoding.UTF8.GetBytes(name ?? string.Empty);
            byte[] p = new byte[7 + n.Length];
            Buffer.BlockCopy(LinePayload(line), 0, p, 0, 6);
            p[6] = flags;
            Buffer.BlockCopy(n, 0, p, 7, n.Length);
            return p;
        }

        public static BusLine ReadLine(byte[] payload)
        {
            if (payload.Length < 6)
            {
                throw new InvalidDataException("line settings need 6 bytes, got " + payload.Length);
            }

            return new BusLine(BitConverter.ToInt32(payload, 0), payload[4], payload[5]);
        }

        /// <summary>Reads one message; false when the peer closed the connection.</summary>
        public static bool Receive(Stream stream, out byte type, out byte[] payload)
        {
            byte[] head = new byte[3];
            payload = null;
            type = 0;
            if (!ReadExactly(stream, head, 3))
            {
                return false;
            }

            type = head[0];
            payload = new byte[head[1] | (head[2] << 8)];
            return ReadExactly(stream, payload, payload.Length);
        }

        private static bool ReadExactly(Stream stream, byte[] buffer, int count)
        {
            int got = 0;
            while (got < count)
            {
                int n = stream.Read(buffer, got, count - got);
                if (n <= 0)
                {
                    return false;
                }

                got += n;
            }

            return true;
        }
    }
}
