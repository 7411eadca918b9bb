using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Bus
{
    /// <summary>
    /// Sends RTU frames: address + PDU + CRC, after a turnaround delay (the silence the other side needs to
    /// see the previous frame end and turn its transceiver around; 3.5 characters by default). Builds the
    /// frame in one reused buffer; tells the reader to skip the echo when the transceiver echoes.
    /// </summary>
    public sealed class RtuFrameWriter
    {
        private readonly ISerialPort _port;
        private readonly RtuFrameReader _reader;
        private readonly IBusClock _clock;
        private readonly byte[] _frame;
        private int _turnaroundUs;

        public RtuFrameWriter(ISerialPort port, RtuFrameReader reader, IBusClock clock)
        {
            _port = port;
            _reader = reader;
            _clock = clock;
            _frame = new byte[RtuFrameLength.MaxFrame];
            _turnaroundUs = -1;
        }

        /// <summary>Delay before each frame, us; -1 (default) = t3.5 at the port's baud rate.</summary>
        public int TurnaroundUs
        {
            get { return _turnaroundUs < 0 ? RtuTiming.T35Microseconds(_port.BaudRate) : _turnaroundUs; }
            set { _turnaroundUs = value; }
        }

        public int FramesSent { get; private set; }

        /// <summary>The frame buffer: callers may build the PDU in place at index 1 and call <see cref="SendBuilt"/>.</summary>
        public byte[] Frame
        {
            get { return _frame; }
        }

        /// <summary>Sends address + pdu[offset, offset + length) + CRC; returns the frame length.</summary>
        public int Send(int address, byte[] pdu, int offset, int length)
        {
            System.Array.Copy(pdu, offset, _frame, 1, length);
            return SendBuilt(address, length);
        }

        /// <summary>Sends the PDU already in <see cref="Frame"/>[1..pduLength] to <paramref name="address"/>.</summary>
        public int SendBuilt(int address, int pduLength)
        {
            _frame[0] = (byte)address;
            int total = Crc16Modbus.Append(_frame, 0, 1 + pduLength);
            return SendRaw(_frame, total);
        }

        /// <summary>Sends a whole frame as is (CRC included), after the turnaround.</summary>
        public int SendRaw(byte[] frame, int length)
        {
            _clock.Sleep(TurnaroundUs);
            _port.Write(frame, 0, length);
            if (_port.EchoesTransmit)
            {
                _reader.SkipEcho(length);
            }

            FramesSent++;
            return length;
        }
    }
}
