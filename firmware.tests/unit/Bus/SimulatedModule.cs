using Ipenergy.Probe.Bus;

namespace Ipenergy.Probe.Tests.Unit.Bus
{
    /// <summary>
    /// A slave module on the <see cref="VirtualBus"/> answering FC 03/04 over its registers (register n
    /// holds Base + n), with faults: unplugged (silent), answering garbage, answering as another address.
    /// </summary>
    public sealed class SimulatedModule : IVirtualBusNode
    {
        public const int RegisterCount = 1000;

        private readonly int[] _registers = new int[RegisterCount];

        public SimulatedModule(int address, int baudRate, int valueBase)
        {
            Address = address;
            BaudRate = baudRate;
            ReplyDelayUs = 1000;
            SetBase(valueBase);
        }

        public int Address { get; set; }

        public int BaudRate { get; set; }

        public int ReplyDelayUs { get; set; }

        public bool Unplugged { get; set; }

        public bool AnswersGarbage { get; set; }

        /// <summary>Answers as this address instead of its own (0 = its own).</summary>
        public int ImpersonatedAddress { get; set; }

        public int Requests { get; private set; }

        public void SetBase(int valueBase)
        {
            for (int i = 0; i < RegisterCount; i++)
            {
                _registers[i] = (valueBase + i) & 0xFFFF;
            }
        }

        public int OnFrame(byte[] frame, int offset, int length, byte[] reply)
        {
            if (Unplugged || length != 8 || frame[offset] != Address || !Crc16Modbus.Check(frame, offset, length))
            {
                return 0;
            }

            Requests++;
            int function = frame[offset + 1];
            int start = (frame[offset + 2] << 8) | frame[offset + 3];
            int count = (frame[offset + 4] << 8) | frame[offset + 5];
            reply[0] = (byte)(ImpersonatedAddress != 0 ? ImpersonatedAddress : Address);
            if (AnswersGarbage)
            {
                for (int i = 0; i < 9; i++)
                {
                    reply[i] = (byte)(0xA5 ^ (i * 37));
                }

                return 9;
            }

            if ((function != 3 && function != 4) || count < 1 || count > 125)
            {
                reply[1] = (byte)(function | 0x80);
                reply[2] = 1;
                return Crc16Modbus.Append(reply, 0, 3);
            }

            if (start + count > RegisterCount)
            {
                reply[1] = (byte)(function | 0x80);
                reply[2] = 2;
                return Crc16Modbus.Append(reply, 0, 3);
            }

            reply[1] = (byte)function;
            reply[2] = (byte)(2 * count);
            for (int i = 0; i < count; i++)
            {
                reply[3 + 2 * i] = (byte)(_registers[start + i] >> 8);
                reply[4 + 2 * i] = (byte)_registers[start + i];
            }

            return Crc16Modbus.Append(reply, 0, 3 + 2 * count);
        }
    }
}
