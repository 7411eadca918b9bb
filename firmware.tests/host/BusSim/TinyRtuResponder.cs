using System.Threading;
using Ipenergy.Probe.Simulator.Bus;

namespace Ipenergy.Probe.Tests.BusSim
{
    /// <summary>
    /// A minimal Modbus-RTU slave for the bus tests (the firmware's slave loop lives in firmware/bus): a frame
    /// ends after a silence of 2 ms; function 03 at its address with a good CRC is answered with registers
    /// value unit x 100 + (register - 100); everything else is ignored.
    /// </summary>
    public sealed class TinyRtuResponder
    {
        private readonly SimulatedSerialPort _port;
        private readonly byte _unit;

        public TinyRtuResponder(SimulatedSerialPort port, byte unit)
        {
            _port = port;
            _unit = unit;
        }

        public int Answered;
        public int Ignored;

        public void Run(CancellationToken stop)
        {
            byte[] frame = new byte[256];
            while (!stop.IsCancellationRequested)
            {
                int length = _port.Read(frame, 0, frame.Length, 100);
                if (length == 0)
                {
                    continue;
                }

                int n;
                while (length < frame.Length && (n = _port.Read(frame, length, frame.Length - length, 2)) > 0)
                {
                    length += n;
                }

                if (length != 8 || frame[0] != _unit || frame[1] != 3 || Crc16(frame, 6) != (frame[6] | (frame[7] << 8)))
                {
                    Ignored++;
                    continue;
                }

                int start = (frame[2] << 8) | frame[3];
                int count = (frame[4] << 8) | frame[5];
                byte[] answer = new byte[5 + 2 * count];
                answer[0] = _unit;
                answer[1] = 3;
                answer[2] = (byte)(2 * count);
                for (int i = 0; i < count; i++)
                {
                    int value = _unit * 100 + start - 100 + i;
                    answer[3 + 2 * i] = (byte)(value >> 8);
                    answer[4 + 2 * i] = (byte)value;
                }

                int crc = Crc16(answer, answer.Length - 2);
                answer[answer.Length - 2] = (byte)crc;
                answer[answer.Length - 1] = (byte)(crc >> 8);
                Thread.Sleep(2);   // turnaround
                _port.Write(answer, 0, answer.Length);
                Answered++;
            }
        }

        public static int Crc16(byte[] bytes, int count)
        {
            int crc = 0xFFFF;
            for (int i = 0; i < count; i++)
            {
                crc ^= bytes[i];
                for (int bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xA001 : crc >> 1;
                }
            }

            return crc;
        }
    }
}
