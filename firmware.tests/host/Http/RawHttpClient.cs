using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace Ipenergy.Probe.Tests.Http
{
    /// <summary>A plain TCP client for sending exact bytes (malformed, pipelined, slow) and reading responses.</summary>
    public sealed class RawHttpClient : IDisposable
    {
        private readonly Socket _socket;
        private readonly List<byte> _pending = new List<byte>();

        public RawHttpClient(int port, int receiveTimeoutMs = 5000)
        {
            _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            _socket.ReceiveTimeout = receiveTimeoutMs;
            _socket.SendTimeout = 5000;
            _socket.Connect(new IPEndPoint(IPAddress.Loopback, port));
        }

        public Socket Socket => _socket;

        public void Send(string text) => Send(Encoding.UTF8.GetBytes(text));

        public void Send(byte[] bytes)
        {
            int sent = 0;
            while (sent < bytes.Length)
            {
                sent += _socket.Send(bytes, sent, bytes.Length - sent, SocketFlags.None);
            }
        }

        public void ShutdownSend() => _socket.Shutdown(SocketShutdown.Send);

        /// <summary>Reads one response; a response to HEAD has no body whatever its Content-Length.</summary>
        public HttpResponseText ReadResponse(bool toHead = false)
        {
            int headEnd;
            while ((headEnd = IndexOfHeadEnd()) < 0)
            {
                Assert.True(Fill(), "connection closed before a complete response head; got: " + Encoding.UTF8.GetString(_pending.ToArray()));
            }

            string head = Encoding.ASCII.GetString(_pending.GetRange(0, headEnd).ToArray());
            _pending.RemoveRange(0, headEnd);
            HttpResponseText response = HttpResponseText.Parse(head);
            int length = toHead ? 0 : int.Parse(response.Header("content-length") ?? "0");
            while (_pending.Count < length)
            {
                Assert.True(Fill(), "connection closed inside a response body");
            }

            response.Body = Encoding.UTF8.GetString(_pending.GetRange(0, length).ToArray());
            _pending.RemoveRange(0, length);
            return response;
        }

        /// <summary>Everything until the server closes; fails when that takes longer than the receive timeout.</summary>
        public byte[] ReadToEnd()
        {
            while (Fill())
            {
            }

            byte[] all = _pending.ToArray();
            _pending.Clear();
            return all;
        }

        /// <summary>True when the server closes (EOF or reset) within the time; unread data is discarded.</summary>
        public bool ClosedByServerWithin(int milliseconds)
        {
            DateTime end = DateTime.UtcNow.AddMilliseconds(milliseconds);
            var buffer = new byte[4096];
            while (DateTime.UtcNow < end)
            {
                if (!_socket.Poll(50000, SelectMode.SelectRead))
                {
                    continue;
                }

                try
                {
                    if (_socket.Receive(buffer) == 0)
                    {
                        return true;
                    }
                }
                catch (SocketException)
                {
                    return true;
                }
            }

            return false;
        }

        public void Dispose() => _socket.Dispose();

        private bool Fill()
        {
            var buffer = new byte[8192];
            int n;
            try
            {
                n = _socket.Receive(buffer);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut || e.SocketErrorCode == SocketError.WouldBlock)
            {
                throw new TimeoutException("no data from the server within the receive timeout");
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
            {
                return false;
            }

            for (int i = 0; i < n; i++)
            {
                _pending.Add(buffer[i]);
            }

            return n > 0;
        }

        private int IndexOfHeadEnd()
        {
            for (int i = 3; i < _pending.Count; i++)
            {
                if (_pending[i - 3] == '\r' && _pending[i - 2] == '\n' && _pending[i - 1] == '\r' && _pending[i] == '\n')
                {
                    return i + 1;
                }
            }

            return -1;
        }
    }
}
