using Ipenergy.Probe.Bus;

namespace Ipenergy.Probe.Tests.Unit.Bus
{
    /// <summary>A module on the <see cref="VirtualBus"/> that only speaks automatic addressing. All answer after
    /// the same delay, so answers to one Discover collide on the wire.</summary>
    public sealed class AddressingModule : IVirtualBusNode
    {
        public AddressingModule(string serialNumber, int token)
        {
            Responder = new BusAddressingResponder(BusAddressing.KeyOf(serialNumber), token, 0);
        }

        public BusAddressingResponder Responder { get; private set; }

        public int BaudRate
        {
            get { return 115200; }
        }

        public int ReplyDelayUs
        {
            get { return 1750; }
        }

        public int OnFrame(byte[] frame, int offset, int length, byte[] reply)
        {
            if (offset != 0 || !Crc16Modbus.Check(frame, 0, length))
            {
                return 0;
            }

            return Responder.Handle(frame, length, reply);
        }
    }
}
