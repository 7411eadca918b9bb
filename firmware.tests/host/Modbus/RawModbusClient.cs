using System;
using System.Net;
using System.Net.Sockets;

namespace Ipenergy.Probe.Tests.Modbus
{
    /// <summary>A bare Modbus-TCP client on a socket: sends bytes as given, reads whole response frames.</summary>
    public sealed class RawModbusClient : IDisposable
    {
        private readonly byte[] _header = new byte[7];

        public RawModbusClient(int port, int receiveTimeoutMs = 5000)
        {
            Socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            Socket.NoDelay = true;
            Socket.ReceiveTimeout = receiveTimeoutMs;
            Socket.Connect(new IPEndPoint(IPAddress.Loopback, port));
        }

        public Socket Socket { get; }

        public static byte[] Frame(int transaction, int unit, params byte[] pdu)
        {
            byte[] frame = new byte[7 + pdu.Length];
            frame[0] = (byte)(transaction >> 8);
            frame[1] = (byte)transaction;
            frame[4] = (byte)((pdu.Length + 1) >> 8);
            frame[5] = (byte)(pdu.Length + 1);
            frame[6] = (byte)unit;
            Array.Copy(pdu, 0, frame, 7, pdu.Length);
            return frame;
        }

        public void Send(byte[] bytes)
        {
            int sent = 0;
            while (sent < bytes.Length)
            {
                sent += Socket.Send(bytes, sent, bytes.Length - sent, SocketFlags.None);
            }
        }

        /// <summary>One response frame (header included), or null when the server closed the connection.</summary>
        public byte[] ReadFrame()
        {
            if (!ReadExactly(_header, 0, 7))
            {
                return null;
            }

            int length = (_header[4] << 8) | _header[5];
            byte[] frame = new byte[6 + length];
            Array.Copy(_header, frame, 7);
            if (!ReadExactly(frame, 7, length - 1))
            {
                throw new InvalidOperationException("connection closed inside a response frame");
            }

            return frame;
        }

        /// <summary>
        /// Sends <paramref name="request"/> and reads one whole response frame into <paramref name="answer"/>
        /// with as few receive calls as the kernel allows (one, usually): the benchmark's client, so its own
        /// cost hides as little of the servers' difference as possible. Returns the frame length.
        /// </summary>
        public int TransactInto(byte[] request, byte[] answer)
        {
            Send(request);
            int filled = 0;
            while (filled < 7 || filled < 6 + ((answer[4] << 8) | answer[5]))
            {
                int n = Socket.Receive(answer, filled, answer.Length - filled, SocketFlags.None);
                if (n <= 0)
                {
                    throw new InvalidOperationException("connection closed inside a response frame");
                }

                filled += n;
            }

            return filled;
        }

        public byte[] Transact(byte[] request)
        {
            Send(request);
            return ReadFrame();
        }

        /// <summary>True when the server closes the connection (reads 0, or a reset) within the receive timeout.</summary>
        public bool WaitForClose()
        {
            byte[] one = new byte[1];
            try
            {
                return Socket.Receive(one) == 0;
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
            {
                return true;
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
            {
                return false;
            }
        }

        private bool ReadExactly(byte[] buffer, int offset, int count)
        {
            while (count > 0)
            {
                int n = Socket.Receive(buffer, offset, count, SocketFlags.None);
                if (n == 0)
                {
                    return false;
                }

                offset += n;
                count -= n;
            }

            return true;
        }

        public void Dispose()
        {
            Socket.Dispose();
        }
    }
}
