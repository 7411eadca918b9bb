using System;
using System.Device.Gpio;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Board
{
    /// <summary>
    /// One chip on a <see cref="BoardSpiBus"/>, selected by its own GPIO (active low for the whole transfer):
    /// a metering IC (ATM90E32AS: 4-byte transfers) or the LCD (write only). Allocates nothing per transfer.
    /// </summary>
    public sealed class BoardSpiDevice : ISpiDevice
    {
        private readonly BoardSpiBus _bus;
        private readonly GpioPin _chipSelect;

        internal BoardSpiDevice(BoardSpiBus bus, GpioPin chipSelect)
        {
            _bus = bus;
            _chipSelect = chipSelect;
            _chipSelect.Write(PinValue.High);
        }

        public void Transfer(byte[] write, byte[] read, int count)
        {
            // SpanByte is a struct over the caller's arrays: nothing is allocated.
            _bus.Transfer(_chipSelect, new SpanByte(write, 0, count), new SpanByte(read, 0, count));
        }

        /// <summary>Sends count bytes of data[offset...] and ignores what comes back (the LCD).</summary>
        public void Write(byte[] data, int offset, int count)
        {
            _bus.Transfer(_chipSelect, new SpanByte(data, offset, count), SpanByte.Empty);
        }
    }
}
